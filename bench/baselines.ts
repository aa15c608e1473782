// Baselines the engine is measured against: Lead-k, TextRank, and a word-overlap QA sentence picker.
import { splitSentences, terms } from '../src/engine/text.ts';

/** Lead-k: the first k sentences of the text. */
export function leadK(text: string, k: number): string[] {
  return splitSentences(text)
    .slice(0, Math.max(0, k))
    .map((s) => s.text);
}

/**
 * TextRank (Mihalcea & Tarau 2004) for sentence extraction: a graph of sentences weighted by
 * overlap(Si, Sj) / (log|Si| + log|Sj|) over index terms (stemmed, stop words removed),
 * weighted PageRank with d = 0.85, then the k best sentences in text order (ties: earlier first).
 */
export function textRank(text: string, k: number): string[] {
  const sentences = splitSentences(text);
  const n = sentences.length;
  if (k <= 0 || n === 0) return [];
  if (n <= k) return sentences.map((s) => s.text);

  const termLists = sentences.map((s) => terms(s.text));
  const termSets = termLists.map((t) => new Set(t));
  const weights: Float64Array[] = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = termSets[i]!;
      const b = termSets[j]!;
      let overlap = 0;
      for (const t of a.size <= b.size ? a : b) if ((a.size <= b.size ? b : a).has(t)) overlap++;
      if (overlap === 0) continue;
      const denom = Math.log(termLists[i]!.length) + Math.log(termLists[j]!.length);
      if (!(denom > 0)) continue; // two one-word sentences: no defined similarity
      const w = overlap / denom;
      weights[i]![j] = w;
      weights[j]![i] = w;
    }
  }
  const scores = pageRank(weights, 0.85);
  const order = [...scores.keys()].sort((x, y) => scores[y]! - scores[x]! || x - y);
  return order
    .slice(0, k)
    .sort((x, y) => x - y)
    .map((i) => sentences[i]!.text);
}

/** Weighted PageRank on a symmetric weight matrix: s_i = (1-d) + d Σ_j w_ji / out_j · s_j. */
export function pageRank(weights: readonly Float64Array[], d = 0.85, maxIterations = 100, tolerance = 1e-6): number[] {
  const n = weights.length;
  const out = weights.map((row) => row.reduce((a, b) => a + b, 0));
  let scores: number[] = new Array<number>(n).fill(1);
  for (let iter = 0; iter < maxIterations; iter++) {
    const next: number[] = new Array<number>(n).fill(1 - d);
    for (let j = 0; j < n; j++) {
      const outJ = out[j]!;
      if (outJ === 0) continue;
      const share = (d * scores[j]!) / outJ;
      const row = weights[j]!;
      for (let i = 0; i < n; i++) {
        const w = row[i]!;
        if (w !== 0) next[i]! += w * share;
      }
    }
    let delta = 0;
    for (let i = 0; i < n; i++) delta = Math.max(delta, Math.abs(next[i]! - scores[i]!));
    scores = next;
    if (delta < tolerance) break;
  }
  return scores;
}

export interface OverlapDoc {
  id: string;
  text: string;
}

export interface OverlapHit {
  id: string;
  sentence: string;
  /** Distinct question terms found in the sentence. */
  overlap: number;
}

/**
 * QA baseline: over every sentence of the corpus, the sentence sharing the most distinct
 * question terms (stemmed, stop words removed); ties go to the earlier sentence in corpus order.
 * No retrieval model, no span extraction: the sentence is the answer.
 */
export class WordOverlapQa {
  private readonly sentences: { id: string; text: string }[] = [];
  private readonly postings = new Map<string, number[]>();

  constructor(docs: readonly OverlapDoc[]) {
    for (const doc of docs) {
      for (const s of splitSentences(doc.text)) {
        const index = this.sentences.length;
        this.sentences.push({ id: doc.id, text: s.text });
        for (const t of new Set(terms(s.text))) {
          let list = this.postings.get(t);
          if (!list) this.postings.set(t, (list = []));
          list.push(index);
        }
      }
    }
  }

  get sentenceCount(): number {
    return this.sentences.length;
  }

  /** The best sentence, or null when no sentence shares a term with the question. */
  ask(question: string): OverlapHit | null {
    const counts = new Map<number, number>();
    for (const t of new Set(terms(question))) {
      for (const i of this.postings.get(t) ?? []) counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    let best = -1;
    let bestCount = 0;
    for (const [i, c] of counts) {
      if (c > bestCount || (c === bestCount && i < best)) {
        best = i;
        bestCount = c;
      }
    }
    const s = this.sentences[best];
    return s ? { id: s.id, sentence: s.text, overlap: bestCount } : null;
  }
}
