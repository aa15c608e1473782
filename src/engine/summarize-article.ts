import type { AnalyzedSentence } from './analyze-article.ts';
import { analyzeArticle } from './analyze-article.ts';
import { terms } from './text.ts';

/** Weights of the sentence score; position dominates in news, centrality and title break ties. */
const POSITION_WEIGHT = 1.0;
const CENTRALITY_WEIGHT = 0.6;
const TITLE_WEIGHT = 0.3;
/** Sentences more similar than this to one already chosen are redundant. */
const REDUNDANCY_LIMIT = 0.55;
/** Score kept by a question: news summaries state, they do not ask. */
const QUESTION_FIT = 0.7;
/** Score kept by a sentence that looks like a photo caption glued to the sentence after it. */
const GLUED_FIT = 0.7;
/**
 * A caption glued to a sentence with no stop between them ("…13% higher than a colleague The cost
 * of divorce…", "…on Friday ‘I’d be over the moon…"): a lower-case word or a digit followed by a
 * word that only starts a sentence, or by an opening quote; or web boilerplate ("Scroll down for video").
 */
const GLUED =
  /[a-z0-9,] (?:The|A|An|He|She|It|They|We|I|His|Her|Its|Their|This|That|These|Those|In|On|At|But|And|Another|Some|Many|Most|There|After|Before|When|While|If|As|Also|However|Meanwhile|Now|Here|Pictured)\s|[a-z0-9] [‘'"“][A-Z]|\bScroll down for video\b|\bCLICK HERE\b/;

function vector(list: readonly string[]): Map<string, number> {
  const v = new Map<string, number>();
  for (const t of list) v.set(t, (v.get(t) ?? 0) + 1);
  return v;
}

function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, x] of a) {
    na += x * x;
    const y = b.get(t);
    if (y) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Whether a sentence can stand in a summary: not a heading, a byline or a fragment. */
function isSummaryMaterial(s: AnalyzedSentence): boolean {
  if (s.isHeading || s.wordCount < 5) return false;
  if (/^(by|updated|published|posted|last updated)\b/i.test(s.text) && s.wordCount < 15) return false;
  return true;
}

/**
 * Picks `n` sentences: position prior, centrality (similarity to the whole article),
 * title overlap and length (glued captions count less), with redundant sentences skipped.
 * Returned in text order.
 */
export function pickSummarySentences(sentences: readonly AnalyzedSentence[], n: number, titleTerms: readonly string[]): AnalyzedSentence[] {
  const usable = sentences.filter(isSummaryMaterial);
  if (n <= 0 || usable.length === 0) return [];
  const centroid = vector(usable.flatMap((s) => s.terms));
  const title = vector(titleTerms);
  const scored = usable.map((s, rank) => {
    const v = vector(s.terms);
    const position = 1 / (1 + 0.35 * rank);
    const lengthFit =
      (s.wordCount < 8 ? 0.7 : s.wordCount > 50 ? 0.8 : 1) * (GLUED.test(s.text) ? GLUED_FIT : 1) * (/\?["'”’)]*$/.test(s.text) ? QUESTION_FIT : 1);
    const score =
      (POSITION_WEIGHT * position + CENTRALITY_WEIGHT * cosine(v, centroid) + (title.size ? TITLE_WEIGHT * cosine(v, title) : 0)) *
      lengthFit;
    return { s, v, score };
  });
  scored.sort((a, b) => b.score - a.score);
  const chosen: typeof scored = [];
  for (const c of scored) {
    if (chosen.length >= n) break;
    if (chosen.some((x) => cosine(x.v, c.v) > REDUNDANCY_LIMIT)) continue;
    chosen.push(c);
  }
  return chosen.map((c) => c.s).sort((a, b) => a.index - b.index);
}

/** Extractive summary of a raw text: n sentences, verbatim, in text order. */
export function summarizeText(text: string, n: number, title = ''): string[] {
  const entry = analyzeArticle({ id: '', title, text, url: null, date: null, source: null, origin: '' });
  return pickSummarySentences(entry.sentences, n, terms(title)).map((s) => s.text);
}
