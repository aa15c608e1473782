import type { QuestionType, SpanChoice } from './extract-span.ts';

/** Evidence that a short answer span is the answer itself, each in [0, 1]. */
export interface SpanFeatures {
  /** The answer's own confidence (that the quote answers the question). */
  answer: number;
  /** Share of the question's weight in the sentence (from the answer's evidence). */
  coverage: number;
  /** The span's lead over the best rival answer, scaled: margin / 2. */
  margin: number;
  /** A typed question (who, when, where, how many) and a span of that type. */
  typeMatch: number;
  /** A when / how-many question and a span that is no date / number (a phrase standing in for one), or a span of another finer kind than asked. */
  typeMiss: number;
  /** A typed question whose text holds exactly one candidate of the type. */
  typedAlone: number;
  /** A relation cue points at the span (verb slot, definitional pattern, focus noun, unit, choice). */
  relation: number;
  /** The span comes from a definitional pattern ("X is the Y", "known as X", "because X"). */
  pattern: number;
  /** The span is a list ("X, Y and Z"). */
  list: number;
  /** One-hot question type. */
  who: number;
  when: number;
  where: number;
  number: number;
  what: number;
  other: number;
  /** A long span (more than four words): boundaries are less sure. */
  long: number;
  /** Closeness to the question's words. */
  closeness: number;
  /** Distance to the nearest question word, / 15. */
  far: number;
  /** Fewer rival candidates: 1 / (1 + count / 4). */
  few: number;
  /** The span starts with a capital letter (a name). */
  capital: number;
  /** The span holds a digit. */
  digit: number;
  /** The span's head word is a noun or a proper noun. */
  nounHead: number;
  /** The span is one lower-case word: often a describing word, rarely the answer. */
  lone: number;
  /** The ranker's softmax share of the chosen answer among the distinct answers. */
  probability: number;
  /** The ranker's score of the span, squashed: 1 / (1 + e^(2 − score)). */
  score: number;
  /** The span's head is a common lower-case word (generic: "way", "form"). */
  commonHead: number;
  /** The span's head is the question's focus noun ("which *river*" → "the Rhine River"). */
  focusFit: number;
  /** Question words right before the span, in the order they precede the wh-phrase (the ranker's `alignPrev`). */
  alignPrev: number;
  /** A capitalised phrase when the question asks for a name (the ranker's `askedName`). */
  askedName: number;
  /** A number followed by the counted noun of "how many X" (the ranker's `unit`). */
  unit: number;
  /** How rare the span's head word is (the ranker's `headRarity`). */
  headRarity: number;
}

/**
 * Logistic weights of the span confidence, fitted on the open SQuAD sample (label: the span has
 * F1 ≥ 0.5 against gold), cross-validated in folds grouped by article. No item named.
 */
export const SPAN_WEIGHTS: Record<string, number> = {
  bias: -1.63,
  answer: 0.64,
  coverage: 0.34,
  margin: 0.89,
  typeMatch: 0.43,
  typeMiss: 0,
  typedAlone: 0.29,
  relation: 0.54,
  pattern: -0.15,
  list: 0.11,
  who: -0.21,
  when: 0.36,
  where: 0.06,
  number: 0.11,
  what: -0.26,
  other: -0.06,
  long: 0.19,
  closeness: -0.25,
  far: -0.08,
  few: 0.33,
  capital: -0.11,
  digit: 0.12,
  nounHead: 0.01,
  lone: -0.39,
  probability: 0.54,
  score: 0.46,
  commonHead: 0.02,
  focusFit: -0.05,
  alignPrev: 0.34,
  askedName: 0.42,
  unit: 0.19,
  headRarity: 0.2,
};

/** Below this span confidence the reply leads with the supporting sentence instead of the span. */
export const SHORT_ABOVE = 0.66;

export function spanFeatures(choice: SpanChoice, type: QuestionType, answerConfidence: number, coverage: number): SpanFeatures {
  const typed = type !== 'what' && type !== 'other';
  return {
    answer: answerConfidence,
    coverage,
    margin: Math.max(0, choice.margin) / 2,
    typeMatch: typed && choice.typeMatch ? 1 : 0,
    // a span of another finer kind than asked (a bare year for "what day", a person for "which team") is never vouched for
    typeMiss: ((type === 'when' || type === 'number') && !choice.typeMatch) || choice.wrongKind ? 1 : 0,
    typedAlone: typed && choice.typedCount === 1 ? 1 : 0,
    relation: choice.relation ? 1 : 0,
    pattern: choice.kind === 'pattern' ? 1 : 0,
    list: choice.kind === 'list' ? 1 : 0,
    who: type === 'who' ? 1 : 0,
    when: type === 'when' ? 1 : 0,
    where: type === 'where' ? 1 : 0,
    number: type === 'number' ? 1 : 0,
    what: type === 'what' ? 1 : 0,
    other: type === 'other' ? 1 : 0,
    long: choice.length > 4 ? 1 : 0,
    closeness: choice.closeness,
    far: choice.nearest / 15,
    few: 1 / (1 + choice.candidates / 4),
    capital: /^\p{Lu}/u.test(choice.text) ? 1 : 0,
    digit: /\d/.test(choice.text) ? 1 : 0,
    nounHead: choice.headPos === 'NOUN' || choice.headPos === 'PROPN' || choice.headPos === 'NUM' ? 1 : 0,
    lone: choice.length === 1 && /^\p{Ll}/u.test(choice.text) ? 1 : 0,
    probability: choice.probability,
    score: 1 / (1 + Math.exp(2 - choice.score)),
    commonHead: choice.evidence.commonHead,
    focusFit: choice.evidence.focusHead,
    alignPrev: choice.evidence.alignPrev,
    askedName: choice.evidence.askedName,
    unit: choice.evidence.unit,
    headRarity: choice.evidence.headRarity,
  };
}

/** The span confidence: 0 when a date or number was asked for and the span is neither (not what was asked). */
export function spanConfidenceOf(f: SpanFeatures, weights: Record<string, number> = SPAN_WEIGHTS): number {
  if (f.typeMiss) return 0;
  let z = weights['bias'] ?? 0;
  for (const [k, v] of Object.entries(f)) z += (weights[k] ?? 0) * v;
  return 1 / (1 + Math.exp(-z));
}
