// Entity-swapped SQuAD questions: real negatives that ask a fact the corpus does not hold about a thing it holds.
import { isEnglishWord } from '../../src/engine/english-words.ts';
import type { QaRow } from '../eval-data.ts';

/** Capitalised word runs after the question's first word: the names it asks about. */
const NOT_NAME = /^(?:What|Which|Who|Whom|Whose|When|Where|How|Why|In|The|A|An|Of|On|At|To|For|And|Is|Was|Did|Does|Do)$/;
export function nameRuns(question: string): string[] {
  const tokens = question.replace(/[?.!,;:"()]/g, ' ').split(/\s+/).filter(Boolean);
  const runs: string[] = [];
  let run: string[] = [];
  tokens.forEach((t, i) => {
    const isName = i > 0 && /^\p{Lu}[\p{L}'’-]*$/u.test(t) && !NOT_NAME.test(t);
    if (isName) run.push(t.replace(/['’]s$/, ''));
    else if (run.length) runs.push(run.join(' ')), (run = []);
  });
  if (run.length) runs.push(run.join(' '));
  return runs;
}

const isNameLike = (run: string) => run.includes(' ') || !isEnglishWord(run.toLowerCase());

/** Deterministic string hash (FNV-1a), for choosing replacements without randomness. */
function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * Questions about a thing the corpus holds asking a fact it does not: the question's first name run is
 * replaced by a run of as many words from another article's questions that the question's own paragraph
 * does not contain. Questions without a name are skipped.
 */
export function swappedQuestions(questions: readonly QaRow[]): { q: QaRow; text: string; from: string; to: string }[] {
  const pool = new Map<number, { run: string; title: string }[]>();
  for (const q of questions) {
    // a single capitalised English word ("European", "March") is seldom a name of the same kind
    for (const run of nameRuns(q.question).filter(isNameLike)) {
      const n = run.split(' ').length;
      const list = pool.get(n) ?? [];
      if (!list.some((x) => x.run === run)) list.push({ run, title: q.title });
      pool.set(n, list);
    }
  }
  const out: { q: QaRow; text: string; from: string; to: string }[] = [];
  for (const q of questions) {
    const from = nameRuns(q.question).find(isNameLike);
    if (!from || !q.question.includes(from)) continue;
    const choices = (pool.get(from.split(' ').length) ?? []).filter((x) => x.title !== q.title && x.run !== from && !q.context.toLowerCase().includes(x.run.toLowerCase()) && !q.question.includes(x.run));
    if (!choices.length) continue;
    const to = choices[hash(q.id) % choices.length]!.run;
    out.push({ q, text: q.question.replace(from, to), from, to });
  }
  return out;
}

