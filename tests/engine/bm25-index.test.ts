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

  it('keeps every posting staged past the first chunk (over a million) and across an automatic flush', () => {
    const vocab = new Vocabulary();
    const index = new Bm25Index(vocab);
    const ids = Array.from({ length: 2000 }, (_, i) => vocab.intern(`w${i}`));
    // document k holds w(k mod 1000) … w(k mod 1000 + 999): a posting read from the wrong place lands in another document
    const termsOf = (key: number) => ids.slice(key % 1000, (key % 1000) + 1000);
    // 18,000 documents of 1,000 distinct terms: 18 M postings, past the 16 M that flush on their own
    for (let key = 0; key < 18_000; key++) index.addCounts(key, termsOf(key), Array<number>(1000).fill((key % 7) + 1), 1000);
    index.add(18_000, ['needle', 'w7']);
    index.addCounts(18_001, [vocab.lookup('w1999'), vocab.intern('needle')], [2, 3], 5);
    expect(index.size).toBe(18_002);
    for (const key of [0, 1_234, 9_000, 16_999, 17_999]) {
      expect(index.termFrequency(`w${(key % 1000) + 999}`, key)).toBe((key % 7) + 1);
      expect(index.termFrequency(`w${(key % 1000) + 1000}`, key)).toBe(0);
    }
    expect(index.termFrequency('needle', 18_001)).toBe(3);
    expect(index.search(['needle'], 5).map((h) => h.key)).toEqual([18_001, 18_000]);
    expect(index.search(['w1998'], 20_000)).toHaveLength(18);
  });
});
