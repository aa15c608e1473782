/**
 * The checks a model's text must pass before anyone sees it: every cited [n] names a passage
 * that was given, every "quoted phrase" appears verbatim (up to white space and the kind of
 * quote marks) in a passage its sentence cites, and the text cites at least one passage.
 */

/** What the checks need of a passage: its text. */
export interface CheckablePassage {
  text: string;
}

export type GroundingResult = { ok: true; text: string; cited: number[] } | { ok: false; reason: string };

/** What a model says when the passages do not answer (the prompt asks for exactly this). */
export const NO_ANSWER_MARK = 'NOT IN SOURCES';

/** Curly and typographic quote marks as straight ones, runs of white space as one space. */
export function normalizeQuotes(text: string): string {
  return text
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

interface GeneratedSentence {
  text: string;
  citations: number[];
  quotes: string[];
}

const CITATION_GROUP = /^\s*\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/;
const CITATION = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g;

/**
 * Splits normalized text into sentences, never inside a double-quoted phrase; citation marks
 * right after a sentence's end belong to that sentence. The last piece may be unfinished.
 */
function splitGenerated(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') inQuote = !inQuote;
    const ends = !inQuote && (/[.!?]/.test(ch) || (ch === '"' && /[.!?]/.test(text[i - 1] ?? '')));
    if (!ends) continue;
    let j = i + 1;
    while (j < text.length && /[)\]'"]/.test(text[j]!) && !(text[j] === '[')) j++;
    let group: RegExpExecArray | null;
    while ((group = CITATION_GROUP.exec(text.slice(j)))) j += group[0].length;
    if (j < text.length && !/\s/.test(text[j]!)) continue; // "3.5", "U.S." and the like
    out.push(text.slice(start, j).trim());
    start = j;
    i = j - 1;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out.filter(Boolean);
}

function describe(sentence: string): GeneratedSentence {
  const citations: number[] = [];
  for (const m of sentence.matchAll(CITATION)) for (const n of m[1]!.split(',')) citations.push(Number(n.trim()));
  const quotes = [...sentence.matchAll(/"([^"]+)"/g)].map((m) => m[1]!.trim()).filter(Boolean);
  return { text: sentence, citations, quotes };
}

/** Why a sentence fails the checks, or null when it passes. */
function sentenceProblem(s: GeneratedSentence, passages: readonly string[]): string | null {
  const missing = s.citations.find((n) => n < 1 || n > passages.length);
  if (missing !== undefined) return `cites passage [${missing}], which does not exist (${passages.length} given)`;
  if ((s.text.match(/"/g)?.length ?? 0) % 2 === 1) return 'unbalanced quotation marks';
  for (const quote of s.quotes) {
    if (s.citations.length === 0) return 'a quoted phrase without a citation';
    const q = normalizeQuotes(quote).replace(/[.,;:]$/, '');
    if (!s.citations.some((n) => passages[n - 1]!.includes(q))) return `a quoted phrase is not verbatim in passage ${s.citations.map((n) => `[${n}]`).join('')}`;
  }
  return null;
}

/** Checks a complete generated answer against the numbered passages (passage [n] is passages[n - 1]). */
export function checkGrounding(text: string, passages: readonly CheckablePassage[]): GroundingResult {
  const clean = text.trim();
  if (!clean) return { ok: false, reason: 'empty reply' };
  if (normalizeQuotes(clean).toUpperCase().startsWith(NO_ANSWER_MARK)) return { ok: false, reason: 'the model found no answer in the passages' };
  const normalized = passages.map((p) => normalizeQuotes(p.text));
  const sentences = splitGenerated(normalizeQuotes(clean)).map(describe);
  for (const s of sentences) {
    const problem = sentenceProblem(s, normalized);
    if (problem) return { ok: false, reason: problem };
  }
  const cited = [...new Set(sentences.flatMap((s) => s.citations))].sort((a, b) => a - b);
  if (cited.length === 0) return { ok: false, reason: 'no citation' };
  return { ok: true, text: normalizeQuotes(clean), cited };
}

/**
 * For streaming: the longest run of finished sentences of `textSoFar` that pass the checks and
 * cite at least one passage, or null. `failed` says a finished sentence already fails (the
 * whole answer will be discarded, so nothing more should be shown).
 */
export function verifiedPrefix(textSoFar: string, passages: readonly CheckablePassage[]): { text: string; cited: number[] } | { failed: string } | null {
  const normalized = passages.map((p) => normalizeQuotes(p.text));
  const pieces = splitGenerated(normalizeQuotes(textSoFar));
  // the last piece may be unfinished; so is the one before it when its citations may still be arriving
  let finished = pieces.slice(0, -1);
  if (pieces.at(-1)?.startsWith('[')) finished = finished.slice(0, -1);
  const sentences = finished.map(describe);
  for (const s of sentences) {
    const problem = sentenceProblem(s, normalized);
    if (problem) return { failed: problem };
  }
  const cited = [...new Set(sentences.flatMap((s) => s.citations))].sort((a, b) => a - b);
  if (cited.length === 0) return null;
  return { text: finished.join(' '), cited };
}
