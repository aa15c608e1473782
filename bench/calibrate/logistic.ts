// Logistic regression with grouped cross-validation: the fitting behind the engine's weight tables.

export interface Row {
  x: Record<string, number>;
  y: 0 | 1;
  group: string;
  /** Log-odds added before the weights (a fixed model the fit adds to); 0 when absent. Read by fitLogisticNewton and predict. */
  offset?: number;
}

/** Fits weights (with `bias`) by gradient descent with a small L2 penalty; deterministic. */
export function fitLogistic(rows: readonly Row[], keys: readonly string[], l2 = 0.01, epochs = 1500, rate = 1): Record<string, number> {
  const w: Record<string, number> = { bias: 0 };
  for (const k of keys) w[k] = 0;
  const n = rows.length || 1;
  for (let e = 0; e < epochs; e++) {
    const grad: Record<string, number> = { bias: 0 };
    for (const k of keys) grad[k] = 0;
    for (const r of rows) {
      const p = predict(w, r.x);
      const d = p - r.y;
      grad['bias']! += d;
      for (const k of keys) grad[k]! += d * (r.x[k] ?? 0);
    }
    w['bias']! -= (rate * grad['bias']!) / n;
    for (const k of keys) w[k]! -= rate * (grad[k]! / n + l2 * w[k]!);
  }
  return w;
}

export function predict(w: Record<string, number>, x: Record<string, number>, offset = 0): number {
  let z = (w['bias'] ?? 0) + offset;
  for (const [k, v] of Object.entries(x)) z += (w[k] ?? 0) * v;
  return 1 / (1 + Math.exp(-z));
}

/** Out-of-fold predictions, folds grouped (no group in two folds), groups dealt in sorted order. */
export function crossValidate(rows: readonly Row[], keys: readonly string[], folds = 5): number[] {
  const groups = [...new Set(rows.map((r) => r.group))].sort();
  const foldOf = new Map(groups.map((g, i) => [g, i % folds]));
  const out = new Array<number>(rows.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const train = rows.filter((r) => foldOf.get(r.group) !== f);
    const w = fitLogistic(train, keys);
    rows.forEach((r, i) => {
      if (foldOf.get(r.group) === f) out[i] = predict(w, r.x);
    });
  }
  return out;
}

/** Precision among the rows scored at or above each threshold, and the share of rows they are. */
export function riskCoverage(scores: readonly number[], labels: readonly (0 | 1)[], thresholds: readonly number[]): { threshold: number; coverage: number; precision: number }[] {
  return thresholds.map((t) => {
    let kept = 0;
    let good = 0;
    scores.forEach((s, i) => {
      if (s >= t) {
        kept++;
        good += labels[i]!;
      }
    });
    return { threshold: t, coverage: kept / (scores.length || 1), precision: kept ? good / kept : 0 };
  });
}

/**
 * The same objective as fitLogistic (mean log-loss + l2/2 · |w|², bias free) solved by Newton's method:
 * converged in a few dozen steps where gradient descent needs thousands of epochs; deterministic.
 */
export function fitLogisticNewton(rows: readonly Row[], keys: readonly string[], l2 = 0.01, steps = 50): Record<string, number> {
  const d = keys.length + 1;
  const n = rows.length || 1;
  const xs = rows.map((r) => Float64Array.from([1, ...keys.map((k) => r.x[k] ?? 0)]));
  const w = new Float64Array(d);
  for (let step = 0; step < steps; step++) {
    const g = new Float64Array(d);
    const h = new Float64Array(d * d);
    rows.forEach((r, i) => {
      const x = xs[i]!;
      let z = r.offset ?? 0;
      for (let a = 0; a < d; a++) z += w[a]! * x[a]!;
      const p = 1 / (1 + Math.exp(-z));
      const s = p * (1 - p);
      for (let a = 0; a < d; a++) {
        g[a]! += ((p - r.y) * x[a]!) / n;
        for (let b = 0; b <= a; b++) h[a * d + b]! += (s * x[a]! * x[b]!) / n;
      }
    });
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < a; b++) h[b * d + a] = h[a * d + b]!;
      // the bias is not penalised; a tiny ridge keeps the system solvable
      h[a * d + a]! += a ? l2 : 1e-9;
      if (a) g[a]! += l2 * w[a]!;
    }
    const delta = solve(h, g, d);
    let moved = 0;
    for (let a = 0; a < d; a++) {
      w[a]! -= delta[a]!;
      moved = Math.max(moved, Math.abs(delta[a]!));
    }
    if (moved < 1e-8) break;
  }
  const out: Record<string, number> = { bias: w[0]! };
  keys.forEach((k, i) => (out[k] = w[i + 1]!));
  return out;
}

/** Solves the symmetric positive definite system m·x = v (Gaussian elimination with partial pivoting). */
function solve(m: Float64Array, v: Float64Array, d: number): Float64Array {
  const a = Float64Array.from(m);
  const b = Float64Array.from(v);
  for (let c = 0; c < d; c++) {
    let piv = c;
    for (let r = c + 1; r < d; r++) if (Math.abs(a[r * d + c]!) > Math.abs(a[piv * d + c]!)) piv = r;
    if (piv !== c) {
      for (let k = 0; k < d; k++) [a[c * d + k], a[piv * d + k]] = [a[piv * d + k]!, a[c * d + k]!];
      [b[c], b[piv]] = [b[piv]!, b[c]!];
    }
    const diag = a[c * d + c]! || 1e-12;
    for (let r = c + 1; r < d; r++) {
      const f = a[r * d + c]! / diag;
      if (!f) continue;
      for (let k = c; k < d; k++) a[r * d + k]! -= f * a[c * d + k]!;
      b[r]! -= f * b[c]!;
    }
  }
  const x = new Float64Array(d);
  for (let r = d - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let k = r + 1; k < d; k++) s -= a[r * d + k]! * x[k]!;
    x[r] = s / (a[r * d + r]! || 1e-12);
  }
  return x;
}

/** The item with the highest score (the first on ties); undefined for none. */
export function bestBy<T>(items: readonly T[], score: (item: T) => number): T | undefined {
  let best: T | undefined;
  let bs = -Infinity;
  for (const item of items) {
    const s = score(item);
    if (s > bs) {
      bs = s;
      best = item;
    }
  }
  return best;
}

/**
 * Folds by article: dealt in sorted order (as crossValidate), or with FOLD_SEED=n shuffled by a hash of the article and n
 * (another partition, to see how much a figure moves with the split alone).
 */
export function foldsOf(groups: readonly string[], folds: number): Map<string, number> {
  const seed = process.env.FOLD_SEED;
  if (!seed) return new Map(groups.map((g, i) => [g, i % folds]));
  const hash = (key: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    return h >>> 0;
  };
  const order = [...groups].sort((a, b) => hash(`${seed}:${a}`) - hash(`${seed}:${b}`) || (a < b ? -1 : 1));
  return new Map(order.map((g, i) => [g, i % folds]));
}
