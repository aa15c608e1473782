import type { AnalyzedArticle, AnalyzedSentence } from './analyze-article.ts';
import { pickSummarySentences } from './summarize-article.ts';
import { copyKey, terms } from './text.ts';
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

/** Cosine of tf-idf vectors at or above which two articles of a story are copies (one source line). */
export const NEAR_COPY_SIMILARITY = 0.9;
/** Stories larger than this fold copies by title only (pairwise comparison grows with the square). */
const PAIRWISE_COPY_LIMIT = 300;
/** Distinct articles a story's summary draws sentences from, newest first. */
const SUMMARY_ARTICLES = 4;
/** Summary sentences of a story told by one article, and by several. */
const SINGLE_SUMMARY = 2;
const MULTI_SUMMARY = 3;
/** Two sentences sharing this share of the shorter one's terms say the same thing. */
const SAME_SENTENCE_OVERLAP = 0.7;
/** A sentence whose terms are this much the headline's only repeats it. */
const HEADLINE_OVERLAP = 0.8;

/** What a story needs beside the group: sentences on demand, and the vectors stories were clustered by (without them, copies fold by title only). */
export interface StoryTools<E extends StoryEntry> {
  analyze: (entry: E) => AnalyzedArticle;
  vectorOf?: (entry: E) => TermVector;
  idf?: Idf;
}

function dotOf(a: Weighted, b: Map<number, number>): number {
  let dot = 0;
  for (let k = 0; k < a.ids.length; k++) dot += (b.get(a.ids[k]!) ?? 0) * a.w[k]!;
  return dot;
}

/** Each vector's summed cosine similarity to the others, against their sum: linear however many. */
function centralityOf(vectors: readonly Weighted[]): number[] {
  const sum = new Map<number, number>();
  for (const v of vectors) for (let k = 0; k < v.ids.length; k++) sum.set(v.ids[k]!, (sum.get(v.ids[k]!) ?? 0) + v.w[k]!);
  // a vector's similarity to itself is 1 (0 for an empty one)
  return vectors.map((v) => dotOf(v, sum) - (v.ids.length ? 1 : 0));
}

/** How central each article is among the given ones: its summed tf-idf cosine similarity to the others. */
export function centralities<E>(entries: readonly E[], vectorOf: (entry: E) => TermVector, idf: Idf): number[] {
  return centralityOf(entries.map((e) => weighted(vectorOf(e), idf)));
}

/** Per article: summed similarity to the others (centrality) and the copy group it falls in. */
function copyGroups<E extends StoryEntry>(entries: readonly E[], tools: StoryTools<E>): { centrality: number[]; groupOf: number[] } {
  const n = entries.length;
  const parent = entries.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const join = (i: number, j: number) => {
    const a = find(i);
    const b = find(j);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  };
  const byTitle = new Map<string, number>();
  entries.forEach((e, i) => {
    const key = copyKey(e.article.title);
    const seen = byTitle.get(key);
    if (key && seen !== undefined) join(seen, i);
    else byTitle.set(key, i);
  });
  let centrality = new Array<number>(n).fill(0);
  const { vectorOf, idf } = tools;
  if (vectorOf && idf && n > 1) {
    const vectors = entries.map((e) => weighted(vectorOf(e), idf));
    centrality = centralityOf(vectors);
    if (n <= PAIRWISE_COPY_LIMIT) {
      const maps = vectors.map((v) => new Map(Array.from(v.ids, (id, k) => [id, v.w[k]!] as const)));
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          if (find(i) !== find(j) && dotOf(vectors[i]!, maps[j]!) >= NEAR_COPY_SIMILARITY) join(i, j);
        }
      }
    }
  }
  return { centrality, groupOf: entries.map((_, i) => find(i)) };
}

/** Newest first; on the same date (or none) the more central first; then by id. */
function byDateThenCentrality(centrality: readonly number[], entries: readonly StoryEntry[]) {
  return (i: number, j: number) => {
    const a = entries[i]!;
    const b = entries[j]!;
    if (a.article.date !== b.article.date) return compareByDate(a, b);
    return centrality[j]! - centrality[i]! || compareByDate(a, b);
  };
}

/** Distinct articles of a group: copies folded into the newest (then most central) of them; newest first. */
export function foldCopies<E extends StoryEntry>(entries: readonly E[], tools: StoryTools<E>): { lead: E; copies: E[] }[] {
  const { centrality, groupOf } = copyGroups(entries, tools);
  const order = entries.map((_, i) => i).sort(byDateThenCentrality(centrality, entries));
  const folded = new Map<number, { lead: E; copies: E[] }>();
  for (const i of order) {
    const root = groupOf[i]!;
    const line = folded.get(root);
    if (line) line.copies.push(entries[i]!);
    else folded.set(root, { lead: entries[i]!, copies: [] });
  }
  // Map order is first-seen order, which is the sorted order of each line's lead
  return [...folded.values()];
}

/** Share of the shorter term set found in the other one. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const t of small) if (large.has(t)) shared++;
  return shared / small.size;
}

/**
 * A story's summary from its newest articles: each article's best sentences in turn (the newest
 * article's lead first), skipping any that repeats the headline or a sentence already taken;
 * newest development first.
 */
function storySummary(analyzed: readonly AnalyzedArticle[], headline: string, n: number): string[] {
  const headTerms = new Set(terms(headline));
  const headText = copyKey(headline);
  // a sentence that only repeats the headline (or its own article's title) is no summary;
  // the length checks spare the normalising of sentences too long to be either
  const repeatsHeadline = (s: AnalyzedSentence) => {
    if (s.terms.length === 0 || s.terms.length > 3 * headTerms.size + 3) return false;
    const set = new Set(s.terms);
    let shared = 0;
    for (const t of set) if (headTerms.has(t)) shared++;
    return shared / set.size >= HEADLINE_OVERLAP;
  };
  const sameAs = (text: string, key: string) => text.length >= key.length && text.length <= key.length * 1.5 + 10 && copyKey(text) === key;
  const picks = analyzed.map((a) => {
    const title = copyKey(a.article.title);
    const body = a.sentences.filter((s) => !sameAs(s.text, headText) && !sameAs(s.text, title) && !repeatsHeadline(s));
    return pickSummarySentences(body, SINGLE_SUMMARY, a.titleTerms);
  });
  const chosen: { article: number; index: number; text: string; terms: Set<string> }[] = [];
  for (let round = 0; round < SINGLE_SUMMARY && chosen.length < n; round++) {
    for (let a = 0; a < picks.length && chosen.length < n; a++) {
      const s = picks[a]![round];
      if (!s) continue;
      const set = new Set(s.terms);
      if (chosen.some((c) => copyKey(c.text) === copyKey(s.text) || overlap(c.terms, set) >= SAME_SENTENCE_OVERLAP)) continue;
      chosen.push({ article: a, index: s.index, text: s.text, terms: set });
    }
  }
  return chosen.sort((x, y) => x.article - y.article || x.index - y.index).map((c) => c.text);
}

/**
 * One story from a group: copies folded into one source line each; the headline from the most
 * recent article (ties: the most central); the summary drawn from the newest distinct articles.
 * Every article stays a source.
 */
export function buildStory<E extends StoryEntry>(group: readonly StoryInput<E>[], tools: StoryTools<E>): Story {
  const entries = group.map((g) => g.entry);
  const lines = foldCopies(entries, tools);
  const lead = lines[0]!.lead;
  const headline = lead.article.title;
  const analyzed = lines.slice(0, SUMMARY_ARTICLES).map((l) => tools.analyze(l.lead));
  const summary = storySummary(analyzed, headline, lines.length > 1 ? MULTI_SUMMARY : SINGLE_SUMMARY);
  const sources = [...entries].sort(compareByDate).map(toSourceRef);
  const distinctSources = lines.map((l) => ({ ...toSourceRef(l.lead), copies: l.copies.length, copyIds: l.copies.map((c) => c.article.id) }));
  return { headline, summary, sources, distinctSources };
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
