import { isEnglishWord } from './english-words.ts';
import { stem, STOP_WORDS, words } from './text.ts';

/** Marks that end a clause around a span: commas, semicolons, colons, brackets, dashes. */
const CLAUSE_BREAK = /[,;:()\u2013\u2014]|\s-\s/g;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** The span's own clause in `text` (between the punctuation marks around it), without the span; null when the span is not in it. */
export function clauseAround(span: string, text: string): string | null {
  const at = text.indexOf(span);
  if (at < 0 || !span) return null;
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    const i = m.index ?? 0;
    if (i < at) start = i + 1;
    else if (i >= at + span.length) {
      end = i;
      break;
    }
  }
  return `${text.slice(start, at)} ${text.slice(at + span.length, end)}`;
}

/**
 * Whether a name the question asks about (a capitalised word past its first, a number, a word outside the English
 * list) stands in the span's sentence but outside the span's clause: the span then says something else than what
 * the question asks of that name ("X won the Y award, boosting their Z hopes" for "who won at the Z").
 */
export function nameOutsideClause(question: string, span: string, text: string): boolean {
  const clause = clauseAround(span, text);
  if (clause === null) return false;
  const stemsOf = (t: string) => new Set(words(t).map(stem));
  const inSpan = stemsOf(span);
  const inSentence = stemsOf(text);
  const inClause = stemsOf(clause);
  const asked = question.match(WORD) ?? [];
  return asked.some((w, i) => {
    const lower = w.toLowerCase();
    if (STOP_WORDS.has(lower) || !((i > 0 && /^\p{Lu}/u.test(w)) || /\d/.test(w) || !isEnglishWord(lower))) return false;
    const s = stem(lower);
    return !inSpan.has(s) && inSentence.has(s) && !inClause.has(s);
  });
}
