import type { AnalyzedArticle } from './analyze-article.ts';
import { pickSummarySentences } from './summarize-article.ts';
import type { SourceRef, Story } from './types.ts';

/** Cosine similarity of tf-idf vectors above which two articles tell the same story. */
export const SAME_STORY_SIMILARITY = 0.5;
/** Terms per article used to find candidate pairs cheaply. */
const SIGNATURE_TERMS = 12;

export interface StoryInput {
  entry: AnalyzedArticle;
  /** Relevance to the brief's topic, or 1 without a topic. */
  relevance: number;
}

type Idf = (term: string) => number;

function tfidfVector(entry: AnalyzedArticle, idf: Idf): Map<string, number> {
  const v = new Map<string, number>();
  let norm = 0;
  for (const [t, n] of entry.termCounts) {
    const w = (1 + Math.log(n)) * idf(t);
    v.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

function dot(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, x] of small) {
    const y = large.get(t);
    if (y) s += x * y;
  }
  return s;
}

/** Groups articles that tell the same story (exact copies, light edits, the same event retold). */
export function clusterArticles(inputs: readonly StoryInput[], idf: Idf): StoryInput[][] {
  const vectors = inputs.map((i) => tfidfVector(i.entry, idf));
  const parent = inputs.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  // Candidate pairs share a heavy term; only those are compared in full
  const byTerm = new Map<string, number[]>();
  vectors.forEach((v, i) => {
    const top = [...v.entries()].sort((a, b) => b[1] - a[1]).slice(0, SIGNATURE_TERMS);
    for (const [t] of top) {
      let list = byTerm.get(t);
      if (!list) byTerm.set(t, (list = []));
      list.push(i);
    }
  });
  const compared = new Set<number>();
  for (const list of byTerm.values()) {
    if (list.length > 200) continue; // too common to tell stories apart
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const i = list[a]!;
        const j = list[b]!;
        const pair = i * inputs.length + j;
        if (compared.has(pair)) continue;
        compared.add(pair);
        if (find(i) !== find(j) && dot(vectors[i]!, vectors[j]!) >= SAME_STORY_SIMILARITY) parent[find(i)] = find(j);
      }
    }
  }
  const groups = new Map<number, StoryInput[]>();
  inputs.forEach((input, i) => {
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = []));
    g.push(input);
  });
  return [...groups.values()];
}

export function toSourceRef(entry: AnalyzedArticle): SourceRef {
  const { id, title, url, date } = entry.article;
  return { id, title, url, date };
}

/** Newest first; undated after dated; then by id for a stable order. */
export function compareByDate(a: AnalyzedArticle, b: AnalyzedArticle): number {
  const da = a.article.date;
  const db = b.article.date;
  if (da && db && da !== db) return da < db ? 1 : -1;
  if (da && !db) return -1;
  if (!da && db) return 1;
  return a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0;
}

/** One story from a group: the most relevant (then newest) article leads; every article is a source. */
export function buildStory(group: readonly StoryInput[]): Story {
  const ordered = [...group].sort((a, b) => b.relevance - a.relevance || compareByDate(a.entry, b.entry));
  const lead = ordered[0]!.entry;
  const summary = pickSummarySentences(lead.sentences, 2, lead.titleTerms)
    .map((s) => s.text)
    .filter((t) => t !== lead.article.title);
  const sources = [...group].map((g) => g.entry).sort(compareByDate).map(toSourceRef);
  return { headline: lead.article.title, summary, sources };
}

/** Ranks groups: topic relevance, then how many sources tell it, then recency. */
export function rankStories(groups: StoryInput[][]): StoryInput[][] {
  const score = (g: StoryInput[]) => Math.max(...g.map((x) => x.relevance)) * (1 + 0.15 * Math.log2(g.length));
  const newest = (g: StoryInput[]) => [...g].map((x) => x.entry).sort(compareByDate)[0]!;
  return [...groups].sort((a, b) => score(b) - score(a) || compareByDate(newest(a), newest(b)));
}
