import type { AnalyzedArticle } from './analyze-article.ts';
import type { Bm25Index, Bm25Params, ScoredKey } from './bm25-index.ts';
import { expandQuery } from './term-variants.ts';
import { copyKey } from './text.ts';
import { loadWordVectors } from './word-vectors.ts';

/** What retrieval needs from the engine's indexes. */
export interface PassageSources {
  passageIndex: Bm25Index;
  passageAt(key: number): { entry: AnalyzedArticle; from: number; to: number } | undefined;
  /** BM25 over whole articles (title and body), keyed by article key; without it passages stand alone. */
  articleIndex?: Bm25Index;
  /** The article key of a passage key. */
  articleKeyOf?: (passageKey: number) => number;
}

/** One passage read to answer a question: its hit, where it is, and its retrieval score. */
export interface RetrievedPassage {
  hit: ScoredKey;
  p: { entry: AnalyzedArticle; from: number; to: number };
  score: number;
}

/** Passages read per question. */
export const PASSAGES_CONSIDERED = 8;
/** How many times deeper the pool is searched when passages holding the kind of answer asked are preferred. */
const HOLDS_ANSWER_POOL = 4;
/** Score factor of a passage from an article of the previous answer (a follow-up's subject). */
const PREFERRED_BOOST = 1.3;
/**
 * Retrieval weights (bench/README.md): passage candidates per passage read; the share of the
 * best passage's score an article earns at the best article score (the whole story holding the question's
 * words, not one passage repeating a name); the share one passage earns when it keeps every adjacent pair
 * of question words together ("deputy health minister"); whether the question's words also search their
 * agent and role forms (term-variants.ts: off, measured neutral); whether a passage the same as one already
 * read (a re-filed copy) gives its place to the next one (bench/README.md, third session, `retrieval3`).
 */
export const RETRIEVAL = { poolPerRead: 6, article: 0.75, articles: 50, pairs: 0.3, variants: false, skipCopies: true };
/** BM25 for reading: stronger length normalisation than the default (b 0.75) so long passages and articles do not win by size. */
const READ_BM25: Bm25Params = { k1: 1.2, b: 0.9 };

/**
 * The passages to read for a question, best first: BM25 over passages (title terms included) with
 * the question's term weights, plus their article's BM25 match; the passages read are re-ranked by
 * the question's word pairs they keep together; the previous answer's articles are preferred.
 */
export function retrievePassages(
  sources: PassageSources,
  qTerms: readonly string[],
  weight: ReadonlyMap<string, number>,
  preferredArticles: ReadonlySet<string>,
  limit = PASSAGES_CONSIDERED,
  /** The words asked now, whose adjacent pairs count (a follow-up's earlier turns make no pairs with them). */
  ownTerms: readonly string[] = qTerms,
  /** Terms searched only as written (names, numbers): never expanded to their variants. */
  exact: ReadonlySet<string> = new Set(),
  /** Passages holding the kind of answer asked (a score, "19-13"; an age), preferred as the previous answer's articles are. */
  holdsAnswer?: (p: RetrievedPassage['p']) => boolean,
): RetrievedPassage[] {
  // agent and relation forms of the question's words ("leads" → "leader"), weighted below the words themselves
  const query = RETRIEVAL.variants ? expandQuery(qTerms, weight, sources.passageIndex, loadWordVectors(), exact) : { terms: qTerms, weight };
  // (a kind of answer asked is looked for deeper: the passages printing a score or an age are few among those naming the sides or the person)
  const hits = sources.passageIndex.search(query.terms, limit * RETRIEVAL.poolPerRead * (holdsAnswer ? HOLDS_ANSWER_POOL : 1), query.weight, READ_BM25);
  const topPassage = hits[0]?.score ?? 0;
  const articleShare = articleShares(sources, query.terms, query.weight);
  const out: RetrievedPassage[] = [];
  for (const hit of hits) {
    const p = sources.passageAt(hit.key);
    if (!p) continue;
    const boost = (preferredArticles.has(p.entry.article.id) ? PREFERRED_BOOST : 1) * (holdsAnswer?.(p) ? PREFERRED_BOOST : 1);
    const article = sources.articleKeyOf ? (articleShare.get(sources.articleKeyOf(hit.key)) ?? 0) : 0;
    out.push({ hit, p, score: (hit.score + RETRIEVAL.article * article * topPassage) * boost });
  }
  out.sort((a, b) => b.score - a.score);
  const read = (RETRIEVAL.skipCopies ? withoutCopies(out) : out).slice(0, limit);
  const top = read[0]?.score ?? 0;
  const pairs = adjacentPairs(ownTerms);
  if (pairs.length === 0) return read;
  for (const x of read) x.score += RETRIEVAL.pairs * top * (pairsKept(x.p, pairs) / pairs.length);
  return read.sort((a, b) => b.score - a.score);
}

/** Each well-matching article's BM25 score as a share of the best one's (article key → share). */
function articleShares(sources: PassageSources, qTerms: readonly string[], weight: ReadonlyMap<string, number>): Map<number, number> {
  const shares = new Map<number, number>();
  if (!sources.articleIndex || !sources.articleKeyOf || !RETRIEVAL.article) return shares;
  const hits = sources.articleIndex.search(qTerms, RETRIEVAL.articles, weight, READ_BM25);
  const best = hits[0]?.score ?? 0;
  if (best > 0) for (const h of hits) shares.set(h.key, h.score / best);
  return shares;
}

/**
 * The passages, best first, without a passage the same as one before it (a re-filed copy of the article):
 * same title, same place in the article, same BM25 score. Sentences are not read, so no article is analyzed.
 */
function withoutCopies(ranked: readonly RetrievedPassage[]): RetrievedPassage[] {
  // identical passages score identically: only equal scores are compared further
  const byScore = new Map<number, RetrievedPassage[]>();
  return ranked.filter((x) => {
    const same = byScore.get(x.hit.score);
    if (!same) {
      byScore.set(x.hit.score, [x]);
      return true;
    }
    const title = copyKey(x.p.entry.article.title);
    if (same.some((y) => y.p.from === x.p.from && y.p.to === x.p.to && copyKey(y.p.entry.article.title) === title)) return false;
    same.push(x);
    return true;
  });
}

/** The question's adjacent term pairs, in either order counted once. */
function adjacentPairs(qTerms: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 1; i < qTerms.length; i++) out.push([qTerms[i - 1]!, qTerms[i]!]);
  return out;
}

/** How many of the pairs stand next to each other (either order) in the passage's sentences. */
function pairsKept(p: RetrievedPassage['p'], pairs: readonly [string, string][]): number {
  const adjacent = new Set<string>();
  for (let i = p.from; i < p.to; i++) {
    const list = p.entry.sentences[i]?.terms ?? [];
    for (let j = 1; j < list.length; j++) adjacent.add(`${list[j - 1]} ${list[j]}`);
  }
  let n = 0;
  for (const [a, b] of pairs) if (adjacent.has(`${a} ${b}`) || adjacent.has(`${b} ${a}`)) n++;
  return n;
}
