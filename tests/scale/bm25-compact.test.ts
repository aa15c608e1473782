import { describe, expect, it } from 'vitest';
import { Bm25Index, Vocabulary } from '../../src/engine/bm25-index.ts';

/** The classic BM25 over plain maps, to check the compact index against. */
function reference(docs: Map<number, string[]>, query: string[]): { key: number; score: number }[] {
  const n = docs.size;
  const avg = [...docs.values()].reduce((a, d) => a + d.length, 0) / n;
  const scores = new Map<number, number>();
  for (const t of new Set(query)) {
    const df = [...docs.values()].filter((d) => d.includes(t)).length;
    if (!df) continue;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    for (const [key, d] of docs) {
      const tf = d.filter((x) => x === t).length;
      if (!tf) continue;
      scores.set(key, (scores.get(key) ?? 0) + (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * d.length) / avg)));
    }
  }
  return [...scores].map(([key, score]) => ({ key, score })).sort((a, b) => b.score - a.score || a.key - b.key);
}

const WORDS = ['oil', 'price', 'embargo', 'river', 'flood', 'town', 'budget', 'school', 'vote', 'strike', 'rail', 'museum'];

describe('compact BM25 index', () => {
  it('scores as classic BM25 through staged adds, removals by id, sweeps and a snapshot', () => {
    const vocab = new Vocabulary();
    const index = new Bm25Index(vocab);
    const docs = new Map<number, string[]>();
    let seed = 7;
    const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const addDoc = (key: number) => {
      const d = Array.from({ length: 3 + Math.floor(rand() * 12) }, () => WORDS[Math.floor(rand() * WORDS.length)]!);
      const counts = new Map<number, number>();
      for (const t of d) counts.set(vocab.intern(t), (counts.get(vocab.intern(t)) ?? 0) + 1);
      index.addCounts(key, [...counts.keys()], [...counts.values()], d.length);
      docs.set(key, d);
    };
    const removeDoc = (key: number) => {
      const ids = [...new Set(docs.get(key)!.map((t) => vocab.lookup(t)))];
      index.removeIds(key, ids);
      docs.delete(key);
    };
    const check = (idx: Bm25Index) => {
      for (const q of [['oil', 'embargo'], ['river', 'flood', 'town'], ['museum'], ['vote', 'rail', 'school', 'price']]) {
        const got = idx.search(q, 5);
        const want = reference(docs, q).slice(0, 5);
        expect(got.map((h) => h.key)).toEqual(want.map((h) => h.key));
        got.forEach((h, i) => expect(h.score).toBeCloseTo(want[i]!.score, 9));
        for (const t of q) expect(idx.df(t)).toBe([...docs.values()].filter((d) => d.includes(t)).length);
      }
      expect(idx.size).toBe(docs.size);
    };
    for (let k = 0; k < 300; k++) addDoc(k);
    check(index);
    for (let k = 0; k < 300; k += 3) removeDoc(k);
    check(index);
    for (let k = 300; k < 320; k++) addDoc(k); // a few: appended to tails
    check(index);
    index.sweep();
    check(index);
    const restored = Bm25Index.fromSnapshot(index.snapshot(), vocab);
    check(restored);
    for (let k = 320; k < 330; k++) addDoc(k);
    check(index);
    const again = Bm25Index.fromSnapshot(index.snapshot(), vocab);
    check(again);
    expect(index.search(['oil'], 0).every((h) => docs.has(h.key))).toBe(true);
  });

  it('purges a document added by terms at once, so its key can come back', () => {
    const index = new Bm25Index();
    index.add(1, ['oil', 'oil', 'price']);
    index.add(2, ['oil']);
    expect(index.termFrequency('oil', 1)).toBe(2);
    index.add(1, ['river']);
    expect(index.termFrequency('oil', 1)).toBe(0);
    expect(index.df('oil')).toBe(1);
    expect(index.search(['oil', 'river'], 5).map((h) => h.key)).toEqual([1, 2]);
  });
});
