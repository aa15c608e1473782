// Evidence for the answer confidence beyond how much of the question a sentence holds (issue 14; bench/notes/confidence6.md).
// Pure functions over what the answerer already has per question: nothing here keeps memory between questions.
import type { AnalyzedArticle, AnalyzedSentence } from './analyze-article.ts';
import type { WordVectors } from './word-vectors.ts';

/** A sentence read for a question, as the answerer ranked it. */
export interface ReadSentence {
  entry: AnalyzedArticle;
  sentence: AnalyzedSentence;
  /** Share of the question's weight the sentence holds (the ranker's coverage). */
  coverage: number;
  /** The ranker's score. */
  score: number;
  /** Rank of the passage it was read in (0 = retrieved first). */
  passageRank: number;
}

/** Cosine at which a word vector counts as the same predicate said otherwise (as soft matching's threshold). */
const PREDICATE_COSINE = 0.6;
/** Other sentences within this much of the chosen sentence's coverage match the question as well as it does. */
const CROWD_SLACK = 0.05;
/** Crowd counts saturate here. */
const CROWD_MAX = 5;
/** The subject leads a sentence when one of its words is among the sentence's first terms. */
const LEAD_TERMS = 5;

/**
 * Share of the weight of the words asked now that are neither the article's topic (its title) nor names: the relation
 * asked about ("founded", "capital"). 0: the question names only its subject ("What is the immune system?"), which any
 * sentence mentioning the subject matches in full.
 */
export function relationShare(own: Iterable<string>, weight: ReadonlyMap<string, number>, title: readonly string[], names: ReadonlySet<string>): number {
  let all = 0;
  let relation = 0;
  for (const t of own) {
    const w = weight.get(t) ?? 0;
    all += w;
    if (!title.includes(t) && !names.has(t)) relation += w;
  }
  return all ? relation / all : 0;
}

/** Share of the relation's weight (words asked now, not title, not names) in the window; 1 without relation words. */
export function relationIn(window: ReadonlySet<string>, own: Iterable<string>, weight: ReadonlyMap<string, number>, title: readonly string[], names: ReadonlySet<string>): number {
  let relation = 0;
  let held = 0;
  for (const t of own) {
    if (title.includes(t) || names.has(t)) continue;
    const w = weight.get(t) ?? 0;
    relation += w;
    if (window.has(t)) held += w;
  }
  return relation ? held / relation : 1;
}

/**
 * The question's predicate (its slot verb) in the window: 1 as written (by stem), 0.5 said otherwise (a window word
 * whose vector is close), 0 absent; 1 without a predicate found.
 */
export function predicateIn(verb: string | null, window: ReadonlySet<string>, vectors: WordVectors | null): number {
  if (!verb) return 1;
  if (window.has(verb)) return 1;
  const a = vectors?.rowOf(verb) ?? -1;
  if (a < 0 || !vectors) return 0;
  for (const t of window) {
    const b = vectors.rowOf(t);
    if (b >= 0 && vectors.cosine(a, b) >= PREDICATE_COSINE) return 0.5;
  }
  return 0;
}

/** How many other sentences read match the question as well as the chosen one (within a slack), over `CROWD_MAX`: the topic, not one fact, matches. */
export function crowdOf(read: readonly ReadSentence[], chosen: ReadSentence): number {
  let n = 0;
  for (const c of read) if (c !== chosen && c.coverage >= chosen.coverage - CROWD_SLACK) n++;
  return Math.min(n, CROWD_MAX) / CROWD_MAX;
}

/** The same within the chosen article, over all its sentences (not only the passages read). */
export function articleCrowdOf(entry: AnalyzedArticle, chosen: AnalyzedSentence, coverageOf: (terms: readonly string[]) => number): number {
  const own = coverageOf(chosen.terms);
  let n = 0;
  for (const s of entry.sentences) if (s !== chosen && !s.isHeading && coverageOf(s.terms) >= own - CROWD_SLACK) n++;
  return Math.min(n, CROWD_MAX) / CROWD_MAX;
}

/**
 * How much more of the question the first `k` passages read hold together than the chosen window does: the words
 * asked are spread over passages, none of which holds them all.
 */
export function spreadOf(passageTerms: readonly (readonly string[])[], windowCoverage: number, coverageOf: (set: ReadonlySet<string>) => number): number {
  const union = new Set<string>();
  for (const list of passageTerms) for (const t of list) union.add(t);
  return Math.max(0, coverageOf(union) - windowCoverage);
}

/** The sentence opens with a word of the question's subject (a title word or a name asked): it is about the subject. */
export function subjectLeads(sentence: AnalyzedSentence, subject: ReadonlySet<string>): number {
  return sentence.terms.slice(0, LEAD_TERMS).some((t) => subject.has(t)) ? 1 : 0;
}

/**
 * Share of the first three passages retrieved whose best sentence is the chosen one or beside it (same article, one
 * sentence apart): whether retrieval's runners-up point at the same place.
 */
export function pointAgreement(read: readonly ReadSentence[], chosen: ReadSentence): number {
  let agree = 0;
  let passages = 0;
  for (let rank = 0; rank < 3; rank++) {
    let best: ReadSentence | null = null;
    for (const c of read) if (c.passageRank === rank && (!best || c.score > best.score)) best = c;
    if (!best) continue;
    passages++;
    if (best.entry === chosen.entry && Math.abs(best.sentence.index - chosen.sentence.index) <= 1) agree++;
  }
  return passages ? agree / passages : 0;
}
