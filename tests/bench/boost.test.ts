import { describe, expect, it } from 'vitest';
import { evalTree, fitBoostedTrees, treesSource, type BoostRow } from '../../bench/calibrate/boost.ts';

/** An interaction no weight table can fit: yes exactly when a and b are both high or both low (XOR-like). */
function xorRows(): BoostRow[] {
  const out: BoostRow[] = [];
  for (let i = 0; i < 400; i++) {
    const a = ((i * 37) % 100) / 100;
    const b = ((i * 61) % 100) / 100;
    out.push({ x: [a, b], y: (a > 0.5) === (b > 0.5) ? 1 : 0, base: 0 });
  }
  return out;
}

const score = (trees: ReturnType<typeof fitBoostedTrees>, x: readonly number[], base = 0) => trees.reduce((s, t) => s + evalTree(t, x), base);

describe('fitBoostedTrees', () => {
  it('learns an interaction of two features with depth-2 trees', () => {
    const trees = fitBoostedTrees(xorRows(), { trees: 40, depth: 2, rate: 0.3, lambda: 1, minLeaf: 1, bins: 15 });
    expect(score(trees, [0.9, 0.9])).toBeGreaterThan(0.5);
    expect(score(trees, [0.1, 0.1])).toBeGreaterThan(0.5);
    expect(score(trees, [0.9, 0.1])).toBeLessThan(-0.5);
    expect(score(trees, [0.1, 0.9])).toBeLessThan(-0.5);
  });

  it('adds nothing where the starting score already fits the labels', () => {
    const rows = xorRows().map((r) => ({ ...r, base: r.y ? 8 : -8 }));
    const trees = fitBoostedTrees(rows, { trees: 10, depth: 2, rate: 0.1, lambda: 5, minLeaf: 3, bins: 15 });
    for (const x of [[0.9, 0.9], [0.9, 0.1]]) expect(Math.abs(score(trees, x))).toBeLessThan(0.01);
  });

  it('is deterministic and prints as a table', () => {
    const options = { trees: 5, depth: 2, rate: 0.1, lambda: 5, minLeaf: 3, bins: 15 };
    const a = treesSource(fitBoostedTrees(xorRows(), options));
    expect(a).toBe(treesSource(fitBoostedTrees(xorRows(), options)));
    expect(a.split('\n')).toHaveLength(5);
    expect(a).toMatch(/^ {4}\{f: \d, t: [\d.]+, l: /);
  });
});
