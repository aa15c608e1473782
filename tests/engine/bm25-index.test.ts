import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../src/engine/bm25-index.ts';

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
});
