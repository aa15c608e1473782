// Boosted depth-2 trees added to the linear answer confidence (answer vs "the corpus does not say"): the
// interactions of the evidence a weight table cannot express. Fitted on SQuAD with real negatives (paragraph
// removed, a name swapped, asked over the news corpus) by `bench/calibrate/fit-abstention.ts` (TREES=…, WRITE=1),
// which rewrites the table between the FITTED markers.
import type { ConfidenceFeatures } from './answer-question.ts';
import { sumTrees, type SpanTree } from './span-trees.ts';

/** Trees over the confidence features named in `keys` (read by position), and the shift that keeps ABSTAIN_BELOW at the fitted answer rate. */
export interface AnswerTrees {
  keys: readonly (keyof ConfidenceFeatures)[];
  shift: number;
  trees: readonly SpanTree[];
}

// BEGIN FITTED (no trees: the linear confidence alone)
export const ANSWER_TREES: AnswerTrees = { keys: [], shift: 0, trees: [] };
// END FITTED

/** The answer confidence: the linear model's probability moved by the trees (unchanged without trees). */
export function withAnswerTrees(linear: number, f: ConfidenceFeatures, table: AnswerTrees = ANSWER_TREES): number {
  if (!table.trees.length) return linear;
  const z = Math.log(linear / (1 - linear)) + table.shift + sumTrees(table.trees, table.keys.map((k) => f[k]));
  return 1 / (1 + Math.exp(-z));
}
