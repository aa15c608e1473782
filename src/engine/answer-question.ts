import type { AnalyzedArticle, AnalyzedSentence } from './analyze-article.ts';
import type { Bm25Index } from './bm25-index.ts';
import { classifyQuestion, extractSpan, hasCandidate } from './extract-span.ts';
import { terms, words } from './text.ts';

/** What the answerer needs from the engine's indexes. */
export interface AnswerSources {
  passageIndex: Bm25Index;
  passageAt(key: number): { entry: AnalyzedArticle; from: number; to: number } | undefined;
}

export interface AnswerDraft {
  entry: AnalyzedArticle;
  sentence: AnalyzedSentence;
  quote: string;
  span: string | null;
  confidence: number;
}

const PASSAGES_CONSIDERED = 12;
/** Below this share of the question's weight found near the best sentence, the corpus does not say. */
export const ABSTAIN_BELOW = 0.5;

interface Scored {
  entry: AnalyzedArticle;
  sentence: AnalyzedSentence;
  score: number;
  coverage: number;
  windowCoverage: number;
}

/** Pairs of adjacent question terms; a sentence that keeps a pair together matches more closely. */
function bigrams(list: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i < list.length; i++) out.add(`${list[i - 1]} ${list[i]}`);
  return out;
}

/** Words that say what kind of answer is wanted, not what it is about. */
const QUESTION_WORDS = new Set(['mani', 'much', 'kind', 'type', 'name', 'call', 'happen', 'year', 'date', 'time', 'long', 'old']);
/** Earlier turns' words help retrieval but count less than what was asked now. */
const CONTEXT_WEIGHT = 0.4;

function questionTerms(text: string): string[] {
  return terms(text).filter((t) => !QUESTION_WORDS.has(t));
}

/**
 * Retrieve passages, rank their sentences against the question, and extract a span.
 * `context` carries earlier turns' words for a follow-up; `question` is what the user asked now.
 */
export function answerQuestion(
  sources: AnswerSources,
  question: string,
  context = '',
  preferredArticles: ReadonlySet<string> = new Set(),
): AnswerDraft | null {
  const own = new Set(questionTerms(question));
  const qTerms = [...new Set([...own, ...questionTerms(context)])];
  if (own.size === 0) return null;
  const { passageIndex } = sources;
  const weight = new Map(qTerms.map((t) => [t, passageIndex.idf(t) * (own.has(t) ? 1 : CONTEXT_WEIGHT)]));
  const totalWeight = [...weight.values()].reduce((a, b) => a + b, 0) || 1;
  const qBigrams = bigrams(questionTerms(question));
  const wanted = classifyQuestion(question);

  const hits = passageIndex.search(qTerms, PASSAGES_CONSIDERED * 2, weight);
  const ranked = hits
    .map((h) => {
      const p = sources.passageAt(h.key);
      const boost = p && preferredArticles.has(p.entry.article.id) ? 1.3 : 1;
      return { hit: h, p, score: h.score * boost };
    })
    .filter((x) => x.p)
    .sort((a, b) => b.score - a.score)
    .slice(0, PASSAGES_CONSIDERED);
  const top = ranked[0]?.score ?? 0;
  if (!top) return null;

  const coverageOf = (set: ReadonlySet<string>) => {
    let w = 0;
    for (const t of qTerms) if (set.has(t)) w += weight.get(t) ?? 0;
    return w / totalWeight;
  };

  let best: Scored | null = null;
  for (const { p, score: passageScore } of ranked) {
    const { entry, from, to } = p!;
    for (let i = from; i < to; i++) {
      const s = entry.sentences[i]!;
      if (s.isHeading || s.wordCount < 3) continue;
      const own = new Set(s.terms);
      const around = new Set([...own, ...(entry.sentences[i - 1]?.terms ?? []), ...(entry.sentences[i + 1]?.terms ?? [])]);
      const coverage = coverageOf(own);
      const windowCoverage = coverageOf(around);
      let pairs = 0;
      if (qBigrams.size) {
        const sb = bigrams(s.terms);
        for (const b of qBigrams) if (sb.has(b)) pairs++;
      }
      const typed = wanted !== 'what' && wanted !== 'other' && hasCandidate(question, s.text) ? 0.15 : 0;
      const score =
        coverage + 0.4 * windowCoverage + 0.3 * (pairs / Math.max(1, qBigrams.size)) + 0.35 * (passageScore / top) + typed -
        (s.wordCount > 60 ? 0.1 : 0);
      if (!best || score > best.score) best = { entry, sentence: s, score, coverage, windowCoverage };
    }
  }
  if (!best) return null;

  const confidence = Math.max(0, Math.min(1, 0.65 * best.windowCoverage + 0.35 * best.coverage));
  const quote = best.sentence.text;
  const span = words(question).length ? extractSpan(question, quote) : null;
  return { entry: best.entry, sentence: best.sentence, quote, span, confidence };
}
