import type { AnalyzedArticle } from './analyze-article.ts';
import { pickSummarySentences } from './summarize-article.ts';
import type { Article, SourceRef, Story } from './types.ts';

/** Cosine similarity of tf-idf vectors above which two articles tell the same story. */
export const SAME_STORY_SIMILARITY = 0.5;
/** Terms per article used to find candidate pairs cheaply. */
const SIGNATURE_TERMS = 12;
/** Candidate pairs share at least this many of those terms (2 is faster but splits a few near-duplicates). */
const MIN_SHARED_SIGNATURE = 1;

/** What stories need of an article up front; sentences are analyzed only for the stories shown. */
export interface StoryEntry {
  article: Article;
}

export interface StoryInput<E extends StoryEntry = StoryEntry> {
  entry: E;
  /** Relevance to the brief's topic, or 1 without a topic. */
  relevance: number;
}

/** Term counts of an article's title and body (numeric term ids, in order of first appearance). */
export interface TermVector {
  ids: ArrayLike<number>;
  counts: ArrayLike<number>;
}

type Idf = (termId: number) => number;

/** A normalized tf-idf vector as parallel arrays, and its heaviest terms. */
interface Weighted {
  ids: ArrayLike<number>;
  w: Float64Array;
  signature: number[];
}

function weighted(vector: TermVector, idf: Idf): Weighted {
  const n = vector.ids.length;
  const w = new Float64Array(n);
  let norm = 0;
  for (let i = 0; i < n; i++) {
    const x = (1 + Math.log(vector.counts[i]!)) * idf(vector.ids[i]!);
    w[i] = x;
    norm += x * x;
  }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < n; i++) w[i]! /= norm;
  // the heaviest terms, heaviest first; ties keep the order of first appearance
  const top: number[] = [];
  for (let i = 0; i < n; i++) {
    if (top.length === SIGNATURE_TERMS && w[i]! <= w[top[top.length - 1]!]!) continue;
    let at = top.length;
    while (at > 0 && w[top[at - 1]!]! < w[i]!) at--;
    top.splice(at, 0, i);
    if (top.length > SIGNATURE_TERMS) top.pop();
  }
  return { ids: vector.ids, w, signature: top.map((i) => vector.ids[i]!) };
}

/** Groups articles that tell the same story (exact copies, light edits, the same event retold). */
export function clusterArticles<E extends StoryEntry>(
  inputs: readonly StoryInput<E>[],
  vectorOf: (entry: E) => TermVector,
  idf: Idf,
): StoryInput<E>[][] {
  const n = inputs.length;
  const vectors = inputs.map((i) => weighted(vectorOf(i.entry), idf));
  const parent = inputs.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  // Candidate pairs share a heavy term; only those are compared in full
  const byTerm = new Map<number, number[]>();
  vectors.forEach((v, i) => {
    for (const t of v.signature) {
      let list = byTerm.get(t);
      if (!list) byTerm.set(t, (list = []));
      list.push(i);
    }
  });
  // For each article: its later candidates (sharing a heavy term), each compared once against
  // its weights spread out by term id
  let dense = new Float64Array(1024);
  const shared = new Int32Array(n);
  const touched: number[] = [];
  for (let i = 0; i < n; i++) {
    const vi = vectors[i]!;
    for (const t of vi.signature) {
      const list = byTerm.get(t)!;
      if (list.length > 200) continue; // too common to tell stories apart
      for (const j of list) {
        if (j <= i) continue;
        if (shared[j] === 0) touched.push(j);
        shared[j]! += 1;
      }
    }
    let spread = false;
    for (const j of touched) {
      const enough = shared[j]! >= MIN_SHARED_SIGNATURE;
      shared[j] = 0;
      if (!enough || find(i) === find(j)) continue;
      if (!spread) {
        for (let k = 0; k < vi.ids.length; k++) {
          const id = vi.ids[k]!;
          if (id >= dense.length) {
            const bigger = new Float64Array(Math.max(id + 1, dense.length * 2));
            bigger.set(dense);
            dense = bigger;
          }
          dense[id] = vi.w[k]!;
        }
        spread = true;
      }
      const vj = vectors[j]!;
      let dot = 0;
      for (let k = 0; k < vj.ids.length; k++) {
        const id = vj.ids[k]!;
        if (id < dense.length) dot += dense[id]! * vj.w[k]!;
      }
      if (dot >= SAME_STORY_SIMILARITY) parent[find(i)] = find(j);
    }
    touched.length = 0;
    if (spread) for (let k = 0; k < vi.ids.length; k++) dense[vi.ids[k]!] = 0;
  }
  const groups = new Map<number, StoryInput<E>[]>();
  inputs.forEach((input, i) => {
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = []));
    g.push(input);
  });
  return [...groups.values()];
}

export function toSourceRef(entry: StoryEntry): SourceRef {
  const { id, title, url, date } = entry.article;
  return { id, title, url, date };
}

/** Newest first; undated after dated; then by id for a stable order. */
export function compareByDate(a: StoryEntry, b: StoryEntry): number {
  const da = a.article.date;
  const db = b.article.date;
  if (da && db && da !== db) return da < db ? 1 : -1;
  if (da && !db) return -1;
  if (!da && db) return 1;
  return a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0;
}

const sameText = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** One story from a group: the most relevant (then newest) article leads; every article is a source. */
export function buildStory<E extends StoryEntry>(group: readonly StoryInput<E>[], analyze: (entry: E) => AnalyzedArticle): Story {
  const ordered = [...group].sort((a, b) => b.relevance - a.relevance || compareByDate(a.entry, b.entry));
  const lead = analyze(ordered[0]!.entry);
  // The headline is already shown: a sentence that only repeats it is no summary
  const headline = sameText(lead.article.title);
  const body = lead.sentences.filter((s) => sameText(s.text) !== headline);
  const summary = pickSummarySentences(body, 2, lead.titleTerms).map((s) => s.text);
  const sources = [...group].map((g) => g.entry).sort(compareByDate).map(toSourceRef);
  return { headline: lead.article.title, summary, sources };
}

/** Ranks groups: topic relevance, then how many sources tell it, then recency. */
export function rankStories<E extends StoryEntry>(groups: StoryInput<E>[][]): StoryInput<E>[][] {
  const ranked = groups.map((g) => {
    let best = -Infinity;
    let newest = g[0]!.entry;
    for (const x of g) {
      if (x.relevance > best) best = x.relevance;
      if (compareByDate(x.entry, newest) < 0) newest = x.entry;
    }
    return { g, score: best * (1 + 0.15 * Math.log2(g.length)), newest };
  });
  ranked.sort((a, b) => b.score - a.score || compareByDate(a.newest, b.newest));
  return ranked.map((r) => r.g);
}
