// The requests-in-words dev set (bench/requests.jsonl): its reader and the checks of what a request found.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RequestIntent } from '../src/bot/understand-request.ts';
import { PROJECT_ROOT } from './eval-data.ts';

export const REQUESTS_FILE = path.join(PROJECT_ROOT, 'bench', 'requests.jsonl');
/** The probe set: messages written to find misreads, after the grammar (not a blind test; bench/notes/chatwords.md). */
export const PROBE_FILE = path.join(PROJECT_ROOT, 'bench', 'requests-probe.jsonl');
export const REQUEST_INTENTS: readonly RequestIntent[] = ['ask', 'brief', 'summary', 'sources', 'digest', 'help', 'forget'];
/** Length of the generated over-long message (kept out of the file on purpose). */
export const LONG_MESSAGE_CHARS = 5000;

export interface RequestItem {
  conv: string;
  turn: number;
  text: string;
  intent: RequestIntent;
  /** brief / sources: words the top story or article must be about (empty: no topic). */
  topic?: string[];
  /** brief: the window as words ("monday", "3 days ago"). */
  since?: string;
  /** summary / sources: an article id, "ref:N" for story N of the last brief, or "cited" (probe set) for the article the last answer cited. */
  article?: string;
  sentences?: number;
  /** summary: other articles that tell the same story in the same words (a near-duplicate under another title). */
  also?: string[];
  /** ask: acceptable answer strings, or null when the corpus cannot answer. */
  answers?: string[] | null;
  /** probe set: an ask whose answer is not checked (only how it was read is). */
  unscored?: true;
}

export interface LoadOptions {
  /** The probe set: an ask may leave out "answers" (its answer is then not scored). */
  probe?: boolean;
}

/** A message of about 5,000 characters of ordinary words, the same every run. */
export function longMessage(): string {
  const words = ['what', 'did', 'the', 'report', 'say', 'about', 'oil', 'prices', 'and', 'the', 'dollar', 'in', 'january'];
  let text = '';
  for (let i = 0; text.length < LONG_MESSAGE_CHARS; i++) text += `${words[i % words.length]} `;
  return text.slice(0, LONG_MESSAGE_CHARS);
}

/** Reads and checks the set; a malformed line throws naming its number. */
export function loadRequestSet(file: string = REQUESTS_FILE, options: LoadOptions = {}): RequestItem[] {
  const items: RequestItem[] = [];
  const seen = new Set<string>();
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      const where = `${path.basename(file)}:${i + 1}`;
      const o = JSON.parse(line) as Record<string, unknown>;
      const bad = (what: string) => new Error(`${where}: ${what}`);
      if (typeof o['conv'] !== 'string' || typeof o['turn'] !== 'number') throw bad('"conv" (string) and "turn" (number) are required');
      const key = `${o['conv']}#${o['turn']}`;
      if (seen.has(key)) throw bad(`duplicate turn ${key}`);
      seen.add(key);
      if (!(REQUEST_INTENTS as readonly unknown[]).includes(o['intent'])) throw bad(`"intent" must be one of ${REQUEST_INTENTS.join(', ')}`);
      const text = o['generate'] === 'long' ? longMessage() : o['text'];
      if (typeof text !== 'string') throw bad('"text" must be a string');
      const intent = o['intent'] as RequestIntent;
      if (intent === 'brief' && !Array.isArray(o['topic'])) throw bad('a brief needs "topic" (an array, empty for none)');
      if (intent === 'summary' && typeof o['article'] !== 'string') throw bad('a summary needs "article"');
      if (intent === 'sources' && !Array.isArray(o['topic']) && typeof o['article'] !== 'string') throw bad('sources need "topic" or "article"');
      const unscored = options.probe === true && intent === 'ask' && o['answers'] === undefined;
      if (intent === 'ask' && !unscored && o['answers'] !== null && !Array.isArray(o['answers'])) throw bad('an ask needs "answers" (an array, or null)');
      items.push({
        conv: o['conv'],
        turn: o['turn'],
        text,
        intent,
        ...(Array.isArray(o['topic']) ? { topic: o['topic'] as string[] } : {}),
        ...(typeof o['since'] === 'string' ? { since: o['since'] } : {}),
        ...(typeof o['article'] === 'string' ? { article: o['article'] } : {}),
        ...(typeof o['sentences'] === 'number' ? { sentences: o['sentences'] } : {}),
        ...(Array.isArray(o['also']) ? { also: o['also'] as string[] } : {}),
        ...(o['answers'] !== undefined ? { answers: o['answers'] as string[] | null } : {}),
        ...(unscored ? { unscored } : {}),
      });
    });
  return items.sort((a, b) => (a.conv === b.conv ? a.turn - b.turn : a.conv < b.conv ? -1 : 1));
}

/** "ref:2" → 2; anything else → null. */
export function refOf(article: string | undefined): number | null {
  const m = /^ref:(\d+)$/.exec(article ?? '');
  return m ? Number(m[1]) : null;
}

/** Whether a text is about every one of the words (whole word, case-insensitive, a plural "s" optional). */
export function isAbout(text: string, words: readonly string[]): boolean {
  return words.every((w) => {
    const stem = w.toLowerCase().replace(/s$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?:^|[^\\p{L}\\p{N}])${stem}(?:s|es)?(?![\\p{L}\\p{N}])`, 'iu').test(text);
  });
}
