// Sentence choice: the evidence that a candidate sentence answers the question, and the weight
// table that ranks a question's candidates (refit: `npx tsx bench/calibrate/fit-sentence-ranker.ts`).
import { type QuestionType } from './question-analysis.ts';
import { candidateFilter, collectCandidates } from './span-candidates.ts';
import { stemTokens, words } from './text.ts';

/** Evidence for one candidate sentence, each in [0, 1]. */
export interface SentenceFeatures {
  /** Share of the question's weight in the sentence (a pronoun-led one also earns part of the previous sentence's). */
  coverage: number;
  /** The same over the sentence, its neighbours and the article's title. */
  window: number;
  /** Share of the question's adjacent word pairs kept together. */
  bigrams: number;
  /** The passage's retrieval score over the best passage's. */
  passage: number;
  /** The sentence's passage is the best-ranked one. */
  topPassage: number;
  /** The sentence comes from the best passage's article. */
  topArticle: number;
  /** Share of the question's weight in the passage and title. */
  context: number;
  /** Share of the question's weight in the article's title. */
  title: number;
  /** A typed question (who, when, where, how many) and a candidate of that type in the sentence. */
  typed: number;
  /** Longer than 60 words. */
  long: number;
  /** Share of the weight the sentence lacks but matches softly (a word with a close vector). */
  soft: number;
  /** Share of the question's rare words (names, numbers, quoted terms) in the sentence; 1 without any. */
  rare: number;
  /** Matched question words close together: matched terms over the stretch they span. */
  density: number;
  /** The verb of the question's slot ("who *founded*…") is in the sentence. */
  verb: number;
  /** The article's first sentence. */
  first: number;
  /** Opens with a pronoun or demonstrative. */
  pronoun: number;
  /** Share of the weight of the question's non-topic words (those not in the article's title) in the sentence; 1 without any. */
  specific: number;
  /** Closeness to the article's lead: 1 for the first sentence, falling to 0 at the tenth. */
  lead: number;
  /** A why / how question and a sentence with a cause or means cue ("because", "due to", "by"). */
  cue: number;
  /** `typed` times how little the best candidate covers the question: the asked type matters more for a reworded question. */
  typedLoose: number;
  /** `typed` times `window`: a candidate of the asked type beside the question's words. */
  typedWindow: number;
  /** A candidate of the asked type within four words of a question word the title does not hold (the relation asked). */
  typedNear: number;
}

/**
 * Conditional-logit weights over a question's candidate sentences (fitted: bench/README.md); typedLoose, typedWindow,
 * typedNear and cue fitted over the rest on long SQuAD documents with chat-typed, reworded questions (bench/README.md, third session, `sentence3`).
 */
export const SENTENCE_WEIGHTS: Record<keyof SentenceFeatures, number> = {
  coverage: 1,
  window: 0.4,
  bigrams: 0.3,
  passage: 0.35,
  topPassage: 0,
  topArticle: 0,
  context: 0.4,
  title: 0,
  typed: 0.15,
  long: -0.1,
  soft: 1,
  rare: 0,
  density: 0,
  verb: 0,
  first: 0,
  pronoun: 0,
  specific: 0,
  lead: 0,
  cue: 0.186,
  typedLoose: 0.172,
  typedWindow: 0.282,
  typedNear: 0.187,
};

export const SENTENCE_FEATURE_KEYS = Object.keys(SENTENCE_WEIGHTS) as (keyof SentenceFeatures)[];

export function sentenceScore(f: SentenceFeatures, w: Record<keyof SentenceFeatures, number> = SENTENCE_WEIGHTS): number {
  let s = 0;
  for (const k of SENTENCE_FEATURE_KEYS) s += w[k] * f[k];
  return s;
}

/** Matched question terms over the stretch of the sentence they span; 0 with fewer than two matched. */
export function densityOf(sentenceTerms: readonly string[], asked: ReadonlySet<string>): number {
  let first = -1;
  let last = -1;
  const seen = new Set<string>();
  sentenceTerms.forEach((t, i) => {
    if (!asked.has(t)) return;
    if (first < 0) first = i;
    last = i;
    seen.add(t);
  });
  return seen.size < 2 ? 0 : seen.size / (last - first + 1);
}

/** Softmax share of the best score among all scores: how clearly the best candidate wins. */
export function bestShare(scores: readonly number[]): number {
  if (!scores.length) return 0;
  const m = Math.max(...scores);
  let z = 0;
  for (const s of scores) z += Math.exp(s - m);
  return 1 / z;
}

/** Words that tell a cause (for why) or a means (for how); stop words, so read from the text, not the terms. */
export const WHY_CUES = /\b(?:because|due to|owing to|reasons?|as a result|in response|in order|so that|blamed|caused|after)\b/i;
const HOW_CUES = /\b(?:by|through|via|using|thanks to)\b/i;
/** Wider than the cues that rank sentences: any way a sentence gives a cause or a purpose ("in an effort to", "over the war"). */
const REASON_WORDS = new RegExp(
  `${WHY_CUES.source}|\\b(?:so as to|following|amid|in (?:an effort|a bid|search|protest|the hope)|over (?:the|his|her|its|their|a|an)|by|since|thanks to|to (?:help|avoid|combat|fight|stop|save|protect|allow|make|ensure|prevent|cut|raise|boost|meet|keep))\\b`,
  'i',
);

/** Whether a quote gives a cause, a purpose or a means at all (`cues`: the question's, from `cuesOf`): a why- or how-did answer without one is not vouched for. */
export function givesReason(cues: RegExp | null, quote: string): boolean {
  // (a doer named after "by" gives no reason: "when contacted *by BBC News*")
  return cues === null || (cues === WHY_CUES ? REASON_WORDS.test(quote.replace(/\bby\s+(?:the\s+)?\p{Lu}[\p{L}'’.-]*/gu, '')) : cues.test(quote));
}

/** The cue words a sentence answering this question is likely to hold: a cause for why, a means for how-did; null otherwise. */
export function cuesOf(question: string): RegExp | null {
  const q = question.trim().toLowerCase();
  if (/^why\b|\bwhy$/.test(q)) return WHY_CUES;
  if (/^how\s+(?:did|does|do|was|were|is|are|can|could|will|would)\b/.test(q)) return HOW_CUES;
  return null;
}

/** Words either side of a question word within which a candidate counts as beside it. */
const NEAR_WORDS = 4;

/**
 * For a typed question: whether a sentence holds a candidate of the asked type (not named by the question, of the
 * asked quantity kind) within NEAR_WORDS words of an asked term (`asked`: index terms) that the article's title lacks.
 */
export function typedNearTest(
  question: string,
  wanted: QuestionType,
  asked: ReadonlySet<string>,
): (sentence: string, sentenceTerms: readonly string[], titleTerms: readonly string[]) => boolean {
  const accepts = candidateFilter(question, wanted);
  return (sentence, sentenceTerms, titleTerms) => {
    // the asked words outside the title say what is asked of the article's topic; when the title holds them all ("what
    // was the budget?" over "Council approves budget"), the asked words themselves
    const allTitle = [...asked].every((t) => titleTerms.includes(t));
    const near = (t: string) => asked.has(t) && (allTitle || !titleTerms.includes(t));
    // most sentences hold no such word: no need to read their candidates
    if (!sentenceTerms.some(near)) return false;
    const { tokens, indexAt: indexOf } = stemTokens(sentence);
    const at: number[] = [];
    tokens.forEach((t, i) => {
      if (near(t.term)) at.push(i);
    });
    if (!at.length) return false;
    return collectCandidates(wanted, sentence).some((c) => {
      if (!accepts(c, sentence)) return false;
      const ws = words(c.text);
      const a = indexOf(c.start);
      const b = a + Math.max(1, ws.length) - 1;
      return at.some((i) => i >= a - NEAR_WORDS && i <= b + NEAR_WORDS && (i < a || i > b));
    });
  };
}
