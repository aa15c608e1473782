// Logistic regression with grouped cross-validation: the fitting behind the engine's weight tables.

export interface Row {
  x: Record<string, number>;
  y: 0 | 1;
  group: string;
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

export function predict(w: Record<string, number>, x: Record<string, number>): number {
  let z = w['bias'] ?? 0;
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
