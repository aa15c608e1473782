/** BM25 parameters; the classic defaults suit news passages. */
const K1 = 1.2;
const B = 0.75;

export interface ScoredKey {
  key: number;
  score: number;
}

/**
 * An Okapi BM25 index over numbered documents of pre-computed terms.
 * Documents can be added and removed one at a time: no full rebuild.
 */
export class Bm25Index {
  private readonly postings = new Map<string, Map<number, number>>();
  private readonly lengths = new Map<number, number>();
  private readonly docTerms = new Map<number, string[]>();
  private totalLength = 0;

  get size(): number {
    return this.lengths.size;
  }

  has(key: number): boolean {
    return this.lengths.has(key);
  }

  add(key: number, terms: readonly string[]): void {
    if (this.lengths.has(key)) this.remove(key);
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [t, n] of counts) {
      let list = this.postings.get(t);
      if (!list) this.postings.set(t, (list = new Map()));
      list.set(key, n);
    }
    this.lengths.set(key, terms.length);
    this.docTerms.set(key, [...counts.keys()]);
    this.totalLength += terms.length;
  }

  remove(key: number): void {
    const length = this.lengths.get(key);
    if (length === undefined) return;
    for (const t of this.docTerms.get(key) ?? []) {
      const list = this.postings.get(t);
      list?.delete(key);
      if (list && list.size === 0) this.postings.delete(t);
    }
    this.lengths.delete(key);
    this.docTerms.delete(key);
    this.totalLength -= length;
  }

  /** Inverse document frequency, BM25+ style so it never goes negative. */
  idf(term: string): number {
    const n = this.postings.get(term)?.size ?? 0;
    const total = this.lengths.size;
    return Math.log(1 + (total - n + 0.5) / (n + 0.5));
  }

  /** Document frequency of a term. */
  df(term: string): number {
    return this.postings.get(term)?.size ?? 0;
  }

  termFrequency(term: string, key: number): number {
    return this.postings.get(term)?.get(key) ?? 0;
  }

  /** Top documents for the query terms (duplicates in the query count once each). */
  search(queryTerms: readonly string[], limit: number, weights?: ReadonlyMap<string, number>): ScoredKey[] {
    const scores = new Map<number, number>();
    const avg = this.lengths.size ? this.totalLength / this.lengths.size : 1;
    for (const t of new Set(queryTerms)) {
      const list = this.postings.get(t);
      if (!list) continue;
      const idf = this.idf(t) * (weights?.get(t) ?? 1);
      for (const [key, tf] of list) {
        const len = this.lengths.get(key) ?? avg;
        const s = (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len) / avg));
        scores.set(key, (scores.get(key) ?? 0) + s);
      }
    }
    return topK(scores, limit);
  }
}

/** The `limit` highest-scoring entries, best first. */
export function topK(scores: ReadonlyMap<number, number>, limit: number): ScoredKey[] {
  const all: ScoredKey[] = [];
  for (const [key, score] of scores) all.push({ key, score });
  all.sort((a, b) => b.score - a.score || a.key - b.key);
  return limit > 0 ? all.slice(0, limit) : all;
}
