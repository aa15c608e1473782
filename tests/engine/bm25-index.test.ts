import { describe, expect, it } from 'vitest';
import { Bm25Index, MAX_TF, Vocabulary } from '../../src/engine/bm25-index.ts';

describe('Bm25Index', () => {
  it('ranks the document with the rarer matching term first', () => {
    const index = new Bm25Index();
    index.add(1, ['oil', 'price', 'rise']);
    index.add(2, ['oil', 'embargo']);
    index.add(3, ['oil', 'field']);
    const hits = index.search(['oil', 'embargo'], 3);
    expect(hits[0]?.key).toBe(2);
    expect(hits).toHaveLength(3);
  });

  it('normalises by length as strongly as `b` asks: with b = 0 a longer document repeating the term wins', () => {
    const index = new Bm25Index();
    index.add(1, ['oil', 'oil', ...Array.from({ length: 30 }, (_, i) => `w${i}`)]);
    index.add(2, ['oil', 'price']);
    index.add(3, ['gas', 'price']);
    expect(index.search(['oil'], 1, undefined, { k1: 1.2, b: 0 })[0]?.key).toBe(1);
    expect(index.search(['oil'], 1, undefined, { k1: 1.2, b: 0.9 })[0]?.key).toBe(2);
    expect(index.search(['oil'], 1)[0]?.key).toBe(2);
  });

  it('adds and removes documents without a rebuild', () => {
    const index = new Bm25Index();
    index.add(1, ['aleppo', 'palace']);
    index.add(2, ['damascus']);
    expect(index.search(['aleppo'], 5).map((h) => h.key)).toEqual([1]);
    index.remove(1);
    expect(index.search(['aleppo'], 5)).toEqual([]);
    expect(index.size).toBe(1);
    index.add(2, ['aleppo']);
    expect(index.search(['damascus'], 5)).toEqual([]);
    expect(index.search(['aleppo'], 5).map((h) => h.key)).toEqual([2]);
  });

  it('caps a term frequency at one byte instead of wrapping it', () => {
    const vocab = new Vocabulary();
    const index = new Bm25Index(vocab);
    // 300 would wrap to 44 in a byte: the heavy documents must still outrank the light one
    index.add(1, [...Array<string>(300).fill('flood'), ...Array<string>(300).fill('filler')]);
    index.addCounts(2, [vocab.lookup('flood')], [300], 600);
    index.add(3, [...Array<string>(40).fill('flood'), ...Array<string>(560).fill('filler')]);
    const snap = index.snapshot();
    expect(Math.max(...snap.tfs)).toBe(MAX_TF);
    expect(index.search(['flood'], 3).map((h) => h.key).slice(0, 3)).toEqual(expect.arrayContaining([1, 2]));
    expect(index.search(['flood'], 3).at(-1)?.key).toBe(3);
  });
});

