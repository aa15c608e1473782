import type { CorpusFile } from '../corpus-files.ts';
import type { Article, LoadWarning } from '../types.ts';

// The types the parsers and the loader share, here so neither imports the other (no import circle)

/** Articles read from a corpus (or one file of it), and what was skipped or repaired on the way. */
export interface LoadedCorpus {
  articles: Article[];
  warnings: LoadWarning[];
  /** Each file's size and time as stat saw them just before it was read: the corpus watcher's baseline. */
  files?: CorpusFile[];
}

/** One file format: its text, its id within the corpus, where it came from → articles. */
export type Parser = (text: string, fileId: string, origin: string) => LoadedCorpus;
