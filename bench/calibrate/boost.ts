// Gradient-boosted regression trees for a yes/no label (logistic loss) on top of a starting score per row:
// the calibration scripts' way to add the interactions a weight table cannot express. Histogram splits
// (up to `bins` cut points per feature), Newton leaves with an L2 penalty, shrinkage; deterministic.
import type { SpanTree } from '../../src/engine/span-trees.ts';

export interface BoostRow {
  /** Features by position. */
  x: readonly number[];
  y: 0 | 1;
  /** The starting score (log-odds) the trees add to: a linear model's, or 0. */
  base: number;
}

export interface BoostOptions {
  trees: number;
  depth: number;
  rate: number;
  /** L2 penalty on a leaf's value (Newton step: −G / (H + lambda)). */
  lambda: number;
  /** Least hessian on either side of a split. */
  minLeaf: number;
  /** Cut points per feature at most (distinct midpoints when fewer values, else quantiles). */
  bins: number;
}

export const BOOST_DEFAULTS: BoostOptions = { trees: 60, depth: 2, rate: 0.05, lambda: 5, minLeaf: 3, bins: 15 };

/** Boosting options from the environment (TREES, DEPTH, RATE, LAMBDA, MIN_LEAF, BINS), defaults otherwise. */
export function boostOptionsFromEnv(defaults: BoostOptions = BOOST_DEFAULTS): BoostOptions {
  const n = (k: string, d: number) => (process.env[k] ? Number(process.env[k]) : d);
  return { trees: n('TREES', defaults.trees), depth: n('DEPTH', defaults.depth), rate: n('RATE', defaults.rate), lambda: n('LAMBDA', defaults.lambda), minLeaf: n('MIN_LEAF', defaults.minLeaf), bins: n('BINS', defaults.bins) };
}

/** Cut points per feature: midpoints of the distinct values when few, else `bins` quantiles. */
function cutsOf(rows: readonly BoostRow[], width: number, bins: number): number[][] {
  return Array.from({ length: width }, (_, k) => {
    const vals = [...new Set(rows.map((r) => r.x[k] ?? 0))].sort((a, b) => a - b);
    if (vals.length <= bins + 1) return vals.slice(0, -1).map((v, i) => (v + vals[i + 1]!) / 2);
    return [...new Set(Array.from({ length: bins }, (_, i) => vals[Math.floor(((i + 1) * vals.length) / (bins + 1))]!))];
  });
}

/** The bin of a value: the number of cut points below it (a value ≤ cut goes left of it). */
function binOf(cuts: readonly number[], v: number): number {
  let b = 0;
  while (b < cuts.length && v > cuts[b]!) b++;
  return b;
}

export function evalTree(t: SpanTree, x: readonly number[]): number {
  let node = t;
  while ('f' in node) node = (x[node.f] ?? 0) <= node.t ? node.l : node.r;
  return node.v;
}

/** Boosted trees fitted to the rows' labels, starting from each row's `base` score. */
export function fitBoostedTrees(rows: readonly BoostRow[], options: BoostOptions = BOOST_DEFAULTS): SpanTree[] {
  const width = rows[0]?.x.length ?? 0;
  const cuts = cutsOf(rows, width, options.bins);
  const bins = rows.map((r) => Int32Array.from({ length: width }, (_, k) => binOf(cuts[k]!, r.x[k] ?? 0)));
  const score = Float64Array.from(rows.map((r) => r.base));
  const g = new Float64Array(rows.length);
  const h = new Float64Array(rows.length);
  const trees: SpanTree[] = [];
  const grow = (idx: readonly number[], depth: number): SpanTree => {
    let G = 0;
    let H = 0;
    for (const i of idx) {
      G += g[i]!;
      H += h[i]!;
    }
    const leaf = { v: (-options.rate * G) / (H + options.lambda) };
    if (depth === 0 || H < 2 * options.minLeaf) return leaf;
    const parent = (G * G) / (H + options.lambda);
    let best = { gain: 1e-6, f: -1, b: 0 };
    for (let f = 0; f < width; f++) {
      const nb = cuts[f]!.length;
      if (!nb) continue;
      const hg = new Float64Array(nb + 1);
      const hh = new Float64Array(nb + 1);
      for (const i of idx) {
        const b = bins[i]![f]!;
        hg[b]! += g[i]!;
        hh[b]! += h[i]!;
      }
      let gl = 0;
      let hl = 0;
      for (let b = 0; b < nb; b++) {
        gl += hg[b]!;
        hl += hh[b]!;
        const gr = G - gl;
        const hr = H - hl;
        if (hl < options.minLeaf || hr < options.minLeaf) continue;
        const gain = (gl * gl) / (hl + options.lambda) + (gr * gr) / (hr + options.lambda) - parent;
        if (gain > best.gain) best = { gain, f, b };
      }
    }
    if (best.f < 0) return leaf;
    const left = idx.filter((i) => bins[i]![best.f]! <= best.b);
    const right = idx.filter((i) => bins[i]![best.f]! > best.b);
    return { f: best.f, t: cuts[best.f]![best.b]!, l: grow(left, depth - 1), r: grow(right, depth - 1) };
  };
  const all = rows.map((_, i) => i);
  for (let m = 0; m < options.trees; m++) {
    rows.forEach((r, i) => {
      const p = 1 / (1 + Math.exp(-score[i]!));
      g[i] = p - r.y;
      h[i] = Math.max(1e-6, p * (1 - p));
    });
    const tree = grow(all, options.depth);
    trees.push(tree);
    rows.forEach((r, i) => (score[i]! += evalTree(tree, r.x)));
  }
  return trees;
}

/** A tree with thresholds and values rounded for a TS table (4 decimals). */
export function roundTree(t: SpanTree): SpanTree {
  return 'f' in t ? { f: t.f, t: Number(t.t.toFixed(4)), l: roundTree(t.l), r: roundTree(t.r) } : { v: Number(t.v.toFixed(4)) };
}

/** Trees as TS source lines, one tree a line (the form of SPAN_TREES). */
export function treesSource(trees: readonly SpanTree[]): string {
  const one = (t: SpanTree): string => ('f' in t ? `{f: ${t.f}, t: ${t.t}, l: ${one(t.l)}, r: ${one(t.r)}}` : `{v: ${t.v}}`);
  return trees.map((t) => `    ${one(roundTree(t))},`).join('\n');
}
