import type { AnalyzedArticle } from './analyze-article.ts';
import type { Bm25Index, ScoredKey } from './bm25-index.ts';

/** What retrieval needs from the engine's indexes. */
export interface PassageSources {
  passageIndex: Bm25Index;
  passageAt(key: number): { entry: AnalyzedArticle; from: number; to: number } | undefined;
}

/** One passage read to answer a question: its hit, where it is, and its retrieval score. */
export interface RetrievedPassage {
  hit: ScoredKey;
  p: { entry: AnalyzedArticle; from: number; to: number };
  score: number;
}

/** Passages read per question. */
export const PASSAGES_CONSIDERED = 8;
/** Score factor of a passage from an article of the previous answer (a follow-up's subject). */
const PREFERRED_BOOST = 1.3;

/**
 * The passages to read for a question, best first: BM25 over passages (title terms included)
 * with the question's term weights, the previous answer's articles preferred.
 */
export function retrievePassages(
  sources: PassageSources,
  qTerms: readonly string[],
  weight: ReadonlyMap<string, number>,
  preferredArticles: ReadonlySet<string>,
  limit = PASSAGES_CONSIDERED,
): RetrievedPassage[] {
  const hits = sources.passageIndex.search(qTerms, limit * 2, weight);
  const out: RetrievedPassage[] = [];
  for (const hit of hits) {
    const p = sources.passageAt(hit.key);
    if (!p) continue;
    const boost = preferredArticles.has(p.entry.article.id) ? PREFERRED_BOOST : 1;
    out.push({ hit, p, score: hit.score * boost });
  }
  return out.sort((a, b) => b.score - a.score).slice(0, limit);
}
