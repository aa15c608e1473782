// Boosted depth-2 trees added to the linear span confidence (`short` or not): interactions of the span evidence the
// weight table cannot express. Fitted by `bench/calibrate/fit-span-confidence.ts` (TREES=…, WRITE=1), which rewrites
// the table between the FITTED markers.
import { sumTrees, type SpanTree } from './span-trees.ts';

/** Trees over the span features named in `keys` (read by position), and the shift that keeps SHORT_ABOVE at the fitted threshold. */
export interface SpanConfidenceTrees {
  keys: readonly string[];
  shift: number;
  trees: readonly SpanTree[];
}

// BEGIN FITTED (no trees: the linear span confidence alone)
export const SPAN_CONFIDENCE_TREES: SpanConfidenceTrees = { keys: [], shift: 0, trees: [] };
// END FITTED

/** The log-odds the trees add to the linear span confidence (0 without trees). */
export function spanTreesLift(f: Readonly<Record<string, number>>, table: SpanConfidenceTrees = SPAN_CONFIDENCE_TREES): number {
  if (!table.trees.length) return 0;
  return table.shift + sumTrees(table.trees, table.keys.map((k) => f[k] ?? 0));
}
