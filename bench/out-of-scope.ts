// Questions no news article answers (general knowledge, the time and weather, the asker), asked as in
// chat over the seed + BBC corpus: how often the engine says so rather than quoting a loose match.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const OUT_OF_SCOPE_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'out-of-scope.jsonl');

export interface OutOfScopeItem {
  question: string;
  /** a: written before any fix for this class; b: written after the first fixes, measured once before the next. */
  batch: string;
}

export function loadOutOfScope(file: string = OUT_OF_SCOPE_FILE): OutOfScopeItem[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const o = JSON.parse(l) as Partial<OutOfScopeItem>;
      if (typeof o.question !== 'string' || typeof o.batch !== 'string') throw new Error(`${file}:${i + 1}: needs question and batch`);
      return { question: o.question, batch: o.batch };
    });
}

export interface OutOfScopeRow {
  batch: string;
  questions: number;
  abstainedPct: number;
  /** Answers shown as only the closest passage (below the confidence the reply calls unsure). */
  unsureShown: number;
  /** Answers shown in bold as a short answer: the worst outcome for a question the corpus cannot answer. */
  shortShown: number;
}

/** Per batch and in all: the share the engine abstained on and how many it answered with a short answer. */
export function scoreOutOfScope(items: readonly OutOfScopeItem[], replyOf: (question: string) => { answered: boolean; short: boolean; unsure: boolean }): OutOfScopeRow[] {
  const rows = new Map<string, { n: number; abstained: number; unsure: number; short: number }>();
  for (const item of items) {
    const r = replyOf(item.question);
    for (const key of [item.batch, 'all']) {
      const row = rows.get(key) ?? { n: 0, abstained: 0, unsure: 0, short: 0 };
      row.n++;
      if (!r.answered) row.abstained++;
      if (r.answered && r.short) row.short++;
      if (r.answered && r.unsure) row.unsure++;
      rows.set(key, row);
    }
  }
  return [...rows].sort((x, y) => Number(x[0] === 'all') - Number(y[0] === 'all')).map(([batch, r]) => ({ batch, questions: r.n, abstainedPct: Math.round((1000 * r.abstained) / r.n) / 10, unsureShown: r.unsure, shortShown: r.short }));
}
