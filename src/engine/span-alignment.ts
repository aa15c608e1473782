// Question-template alignment: the question read as a sentence with its wh-phrase replaced by the
// candidate ("What is the capital of France" ~ "X is the capital of France"), so the question words
// that follow the wh-phrase should follow the candidate, in order, and those before it precede it.
import { tagQuestion } from './pos-tags.ts';
import { STOP_WORDS, stem } from './text.ts';
import type { Token } from './span-candidates.ts';

/** One reading of the question as a declarative sentence: content-word stems left and right of the answer, in order. */
export interface TemplateSide {
  left: string[];
  right: string[];
}

const WH_WORDS = new Set(['who', 'whom', 'whose', 'what', 'which', 'when', 'where', 'why', 'how']);
const BE = new Set(['is', 'was', 'are', 'were', 'be', 'been']);
const DO = new Set(['do', 'does', 'did', 'can', 'could', 'will', 'would', 'should', 'may', 'might', 'must']);
const HAVE = new Set(['has', 'have', 'had']);
/** Words that belong to the wh-phrase itself ("how *many*", "what *kind of*", "which *year*"). */
const WH_PHRASE_WORDS = new Set(['many', 'much', 'long', 'far', 'old', 'big', 'large', 'tall', 'high', 'often', 'kind', 'type', 'sort', 'of', 'year', 'percentage', 'percent', 'number', 'amount']);

/**
 * The readings of `question` as a sentence around its answer. A wh-phrase followed by a verb is the
 * subject (words after it go right); "what is X" may be either way round; "what did X do" puts the
 * subject and verb before the answer and the rest after it.
 */
export function templatesOf(question: string): TemplateSide[] {
  if (question === lastQuestion) return lastTemplates;
  lastQuestion = question;
  lastTemplates = readTemplates(question);
  return lastTemplates;
}
let lastQuestion = '';
let lastTemplates: TemplateSide[] = [];

function readTemplates(question: string): TemplateSide[] {
  const tagged = tagQuestion(question)
    .map((t) => ({ word: question.slice(t.start, t.end).toLowerCase(), pos: t.pos }))
    .filter((t) => /[\p{L}\p{N}]/u.test(t.word));
  const ws = tagged.map((t) => t.word);
  const w = ws.findIndex((x) => WH_WORDS.has(x));
  if (w < 0) return [];
  // the wh-phrase: "which *company*", "how *many people*", "what *kind of forest*" (nouns and adjectives after the wh-word)
  let e = w + 1;
  while (e < ws.length && e - w <= 4 && (/^(?:NOUN|PROPN|ADJ|NUM)$/.test(tagged[e]!.pos) || WH_PHRASE_WORDS.has(ws[e]!) || (ws[e] === 'of' && /^(?:kind|type|sort)$/.test(ws[e - 1]!)))) e++;
  const content = (xs: readonly string[]) => xs.filter((x) => !STOP_WORDS.has(x) && !WH_WORDS.has(x) && !/^(?:n['’]t|['’]s)$/.test(x)).map(stem);
  // "which period *in history* was…": a prepositional phrase on the wh-phrase belongs to it, not to either side
  let p = e;
  if (p < ws.length && tagged[p]!.pos === 'ADP' && ws[p] !== 'of') {
    p++;
    while (p < ws.length && /^(?:DET|NOUN|PROPN|ADJ|NUM)$/.test(tagged[p]!.pos)) p++;
    if (p < ws.length && (BE.has(ws[p]!) || DO.has(ws[p]!) || HAVE.has(ws[p]!))) e = p;
  }
  const before = content(ws.slice(0, w));
  const afterWords = ws.slice(e);
  const after = content(afterWords);
  const next = afterWords[0];
  const plain: TemplateSide = { left: before, right: after };
  const inverted: TemplateSide = { left: [...before, ...after], right: [] };
  if (next && (BE.has(next) || /^['’]s$/.test(next))) return [plain, inverted];
  // "what *has* a classification system": "has" as the main verb keeps the wh-phrase the subject
  const haveAux = next !== undefined && HAVE.has(next) && !/(?:ed|en)$/.test(afterWords[1] ?? '') && afterWords.slice(2).some((x) => x === 'been' || /(?:ed|en|wn)$/.test(x));
  if (next && (DO.has(next) || haveAux)) {
    // "what did the army throw into the city": the army threw [X] into the city (the main verb by the tagger)
    let v = afterWords.findIndex((x, i) => i > 0 && tagged[e + i]!.pos === 'VERB');
    // untagged: the word before the first preposition, else the last ("did Genghis Khan *control* at the end…")
    if (v <= 0) {
      const prep = afterWords.findIndex((x, i) => i > 1 && tagged[e + i]!.pos === 'ADP');
      v = prep > 1 ? prep - 1 : afterWords.length - 1;
    }
    if (v > 0) {
      const split = content(afterWords.slice(0, v + 1)).length;
      return [{ left: [...before, ...after.slice(0, split)], right: after.slice(split) }, inverted];
    }
    return [inverted];
  }
  return [plain];
}

/** How well the sentence around a candidate matches one template, and the runs of question words right next to it. */
export interface Alignment {
  /** Share of the template's words found in order on their side within the window. */
  share: number;
  /** Question words following the candidate at once, in the template's order (stop words and punctuation skipped), / 3, at most 1. */
  next: number;
  /** Question words preceding the candidate at once, in the template's order, / 3, at most 1. */
  prev: number;
}

/** Tokens either side of a candidate that a template's words may sit in. */
const WINDOW = 10;

/** The best alignment of any of `templates` around the tokens first..last of `tokens`. */
export function alignCandidate(templates: readonly TemplateSide[], tokens: readonly Token[], first: number, last: number): Alignment {
  let best: Alignment = { share: 0, next: 0, prev: 0 };
  for (const t of templates) {
    const total = t.left.length + t.right.length;
    if (total === 0) continue;
    let got = 0;
    // right side: a greedy in-order match after the candidate
    let k = 0;
    let run = 0;
    let runOpen = true;
    for (let i = last + 1; i < tokens.length && i <= last + WINDOW && k < t.right.length; i++) {
      const tok = tokens[i]!;
      if (tok.stems.includes(t.right[k]!)) {
        got++;
        k++;
        if (runOpen) run++;
      } else if (tok.isWord && !STOP_WORDS.has(tok.lower)) runOpen = false;
    }
    const next = Math.min(1, run / 3);
    // left side: the same backwards, from the word before the candidate
    k = t.left.length - 1;
    run = 0;
    runOpen = true;
    for (let i = first - 1; i >= 0 && i >= first - WINDOW && k >= 0; i--) {
      const tok = tokens[i]!;
      if (tok.stems.includes(t.left[k]!)) {
        got++;
        k--;
        if (runOpen) run++;
      } else if (tok.isWord && !STOP_WORDS.has(tok.lower)) runOpen = false;
    }
    const prev = Math.min(1, run / 3);
    const share = got / total;
    if (share > best.share || (share === best.share && next + prev > best.next + best.prev)) best = { share, next, prev };
  }
  return best;
}
