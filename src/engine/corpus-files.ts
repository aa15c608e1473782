import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { walkCorpusFolder } from './corpus/walk-corpus.ts';
import { basename, extname, join } from 'node:path';

/** Extensions the corpus loader reads (see load-corpus.ts). */
export const CORPUS_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm', '.json', '.jsonl', '.xml', '.rss', '.atom']);

export interface CorpusFile {
  /** Path relative to the corpus root, forward slashes; the file's own name for a single-file corpus. */
  rel: string;
  size: number;
  mtimeMs: number;
}

/** Whether a path relative to the corpus root names a corpus file (no hidden parts, a known extension). */
export function isCorpusPath(rel: string): boolean {
  const parts = rel.split(/[\\/]/).filter(Boolean);
  if (!parts.length || parts.some((p) => p.startsWith('.') || p === 'node_modules' || p === '..')) return false;
  return CORPUS_EXTENSIONS.has(extname(rel).toLowerCase());
}

/** The corpus files under a folder (the loader's walker: same files, warnings dropped), or the one file. */
export async function listCorpusFiles(root: string): Promise<CorpusFile[]> {
  const st = await stat(root);
  if (st.isFile()) return [{ rel: basename(root), size: st.size, mtimeMs: st.mtimeMs }];
  let rels: string[];
  try {
    rels = await walkCorpusFolder(root, (name) => CORPUS_EXTENSIONS.has(extname(name).toLowerCase()));
  } catch {
    return []; // an unreadable folder lists nothing; the loader says why
  }
  const out: CorpusFile[] = [];
  for (const rel of rels) {
    try {
      const s = await stat(join(root, ...rel.split('/')));
      // replaced by something else since it was listed: not a corpus file now
      if (s.isFile()) out.push({ rel, size: s.size, mtimeMs: s.mtimeMs });
    } catch {
      // gone since it was listed
    }
  }
  return out;
}

/** A hash of the corpus's file paths, sizes and modification times. */
export function fingerprintOf(files: readonly CorpusFile[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(`${f.rel}\0${f.size}\0${Math.round(f.mtimeMs)}\n`);
  return h.digest('hex');
}

export async function corpusFingerprint(root: string): Promise<string> {
  return fingerprintOf(await listCorpusFiles(root));
}
