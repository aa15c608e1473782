// Measurement only (REL=1 in fit-span-confidence.ts): where the question's words sit around a span; none of it paid (bench/notes/spanconf2.md).
import { isEnglishWord } from '../../src/engine/english-words.ts';
import { questionStems, slotOf } from '../../src/engine/question-analysis.ts';
import { stem, STOP_WORDS } from '../../src/engine/text.ts';

/** Tokens either side of a span within which a question word counts as near it. */
export const NEAR_TOKENS = 4;

/** Whether the question's relation sits beside the span or elsewhere in its sentence, each in [0, 1]. */
export interface SpanRelation {
  /** Share of the question's words held in the sentence (outside the span) that lie within NEAR_TOKENS of it. */
  near: number;
  /** Distinct question words within NEAR_TOKENS of the span, / 3, at most 1. */
  nearCount: number;
  /** Another number / name of the span's shape has more question words around it than the span. */
  rivalCloser: number;
  /** The question's predicate (its verb, else its plain lower-case words) is matched within NEAR_TOKENS of the span. */
  predicateNear: number;
  /** The question's predicate is nowhere in the sentence (only its subject matched). */
  predicateAbsent: number;
  /** The question names a thing the sentence lacks while the sentence names another (another event, award, place). */
  conflict: number;
  /** A question word is matched only inside another name ("actor" in "Screen Actors Guild Awards", "tower" in "TFC 101 Tower"). */
  inOtherName: number;
  /** The span lies inside brackets: an aside, often a conversion or an alias rather than the fact asked. */
  bracketed: number;
  /** A capitalised word touches the span outside it (directly or over "of" / "and"): the span may be part of a longer name. */
  cut: number;
  /** The span is one item of a coordination ("X, span and Y"): the question may ask for the whole list. */
  listPart: number;
}

interface Token {
  text: string;
  stem: string;
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’.,][\p{L}\p{N}]+)*/gu;

function tokensOf(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    const raw = m[0].toLowerCase();
    out.push({ text: m[0], stem: stem(raw), start, end: start + m[0].length });
  }
  return out;
}

/** Question stems found in tokens [from, to) other than the span's own. */
function heldIn(tokens: readonly Token[], from: number, to: number, wanted: ReadonlySet<string>, skip: ReadonlySet<string>): Set<string> {
  const held = new Set<string>();
  for (let i = Math.max(0, from); i < Math.min(tokens.length, to); i++) {
    const s = tokens[i]!.stem;
    if (wanted.has(s) && !skip.has(s)) held.add(s);
  }
  return held;
}

const nameLike = (t: Token, i: number) => i > 0 && /^\p{Lu}/u.test(t.text);
const numberLike = (t: Token) => /\d/.test(t.text);

/**
 * Where the question's words sit around the span in its sentence: a span next to the question's relation ("won …
 * best actor") is more likely the answer than one whose sentence only shares the subject.
 */
export function spanRelation(question: string, span: string, sentence: string): SpanRelation {
  const none: SpanRelation = { near: 0, nearCount: 0, rivalCloser: 0, predicateNear: 0, predicateAbsent: 0, conflict: 0, bracketed: 0, cut: 0, listPart: 0, inOtherName: 0 };
  const at = sentence.indexOf(span);
  if (at < 0 || !span) return none;
  const tokens = tokensOf(sentence);
  const first = tokens.findIndex((t) => t.end > at);
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1]!.start < at + span.length) last++;
  if (first < 0) return none;
  const spanStems = new Set(tokens.slice(first, last + 1).map((t) => t.stem));
  const asked = questionStems(question);
  const outside = new Set([...heldIn(tokens, 0, first, asked, spanStems), ...heldIn(tokens, last + 1, tokens.length, asked, spanStems)]);
  const around = (a: number, b: number) => heldIn(tokens, a - NEAR_TOKENS, a, asked, spanStems).size + heldIn(tokens, b + 1, b + 1 + NEAR_TOKENS, asked, spanStems).size;
  const nearSet = new Set([...heldIn(tokens, first - NEAR_TOKENS, first, asked, spanStems), ...heldIn(tokens, last + 1, last + 1 + NEAR_TOKENS, asked, spanStems)]);
  const mine = around(first, last);
  // rivals: single tokens of the span's shape (a number for a number, a name for a name) outside it
  const shape = numberLike(tokens[first]!) ? numberLike : nameLike(tokens[first]!, first) || /^\p{Lu}/u.test(span) ? nameLike : null;
  let rivalCloser = 0;
  if (shape) {
    tokens.forEach((t, i) => {
      if ((i < first || i > last) && shape(t, i) && !asked.has(t.stem) && around(i, i) > mine) rivalCloser = 1;
    });
  }
  // the predicate: the question's verb when it has one, else its lower-case words that are not names
  const qWords = question.match(TOKEN) ?? [];
  const slot = slotOf(question);
  const plain = qWords.filter((w, i) => !STOP_WORDS.has(w.toLowerCase()) && !/\d/.test(w) && (i === 0 || !/^\p{Lu}/u.test(w)) && isEnglishWord(w.toLowerCase())).map((w) => stem(w.toLowerCase()));
  const predicate = new Set((slot ? [slot.verb] : plain).filter((s) => !spanStems.has(s)));
  const sentenceStems = new Set(tokens.map((t) => t.stem));
  const predicateIn = [...predicate].some((s) => sentenceStems.has(s));
  const predicateNear = [...predicate].some((s) => nearSet.has(s));
  // a named thing asked (a capitalised word, a number, a word outside the English list) that the sentence lacks …
  const named = qWords.filter((w, i) => !STOP_WORDS.has(w.toLowerCase()) && ((i > 0 && /^\p{Lu}/u.test(w)) || /\d/.test(w) || !isEnglishWord(w.toLowerCase()))).map((w) => stem(w.toLowerCase()));
  const missing = named.some((s) => !sentenceStems.has(s));
  // … while the sentence names another thing (not the span, not asked)
  const otherName = tokens.some((t, i) => (i < first || i > last) && nameLike(t, i) && !asked.has(t.stem));
  const before = sentence.slice(0, at);
  const after = sentence.slice(at + span.length);
  const opened = (before.match(/\(/g)?.length ?? 0) > (before.match(/\)/g)?.length ?? 0);
  const cut = /\p{Lu}[\p{L}.'’-]*(?:\s+(?:of|and|de|du|von|van))?\s+$/u.test(before) || /^\s+(?:(?:of|and|de)\s+)?\p{Lu}/u.test(after) || /^[-–]\p{L}/u.test(after);
  const listPart = /^\s*(?:,\s*[\p{L}\p{N}]|\s*(?:and|or)\s)/u.test(after) || /(?:,|\band|\bor)\s*$/u.test(before);
  // capitalised runs of two or more words (not the sentence's first word alone), each word's index marked with its run
  const runOf = new Array<number>(tokens.length).fill(-1);
  const runs: number[][] = [];
  for (let i = 0; i < tokens.length; ) {
    let j = i;
    while (j < tokens.length && (/^\p{Lu}/u.test(tokens[j]!.text) || (j > i && /\d/.test(tokens[j]!.text)))) j++;
    if (j - i >= 2 && !(i === 0 && j - i < 2)) {
      for (let k = i; k < j; k++) runOf[k] = runs.length;
      runs.push(Array.from({ length: j - i }, (_, k) => i + k));
    }
    i = Math.max(j, i + 1);
  }
  let inOtherName = 0;
  for (const s of outside) {
    const at = tokens.map((t, i) => (t.stem === s && (i < first || i > last) ? i : -1)).filter((i) => i >= 0);
    const foreign = (i: number) => runOf[i]! >= 0 && runs[runOf[i]!]!.some((k) => !asked.has(tokens[k]!.stem) && (k < first || k > last));
    if (at.length && at.every(foreign)) inOtherName = 1;
  }
  return {
    inOtherName,
    bracketed: opened ? 1 : 0,
    cut: cut ? 1 : 0,
    listPart: listPart ? 1 : 0,
    near: outside.size ? nearSet.size / outside.size : 0,
    nearCount: Math.min(3, nearSet.size) / 3,
    rivalCloser,
    predicateNear: predicateNear ? 1 : 0,
    predicateAbsent: predicate.size && !predicateIn ? 1 : 0,
    conflict: missing && otherName ? 1 : 0,
  };
}
