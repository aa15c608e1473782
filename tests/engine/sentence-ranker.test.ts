import { describe, expect, it } from 'vitest';
import { bestShare, densityOf, sentenceScore, SENTENCE_FEATURE_KEYS, SENTENCE_WEIGHTS, type SentenceFeatures } from '../../src/engine/sentence-ranker.ts';

const zero = Object.fromEntries(SENTENCE_FEATURE_KEYS.map((k) => [k, 0])) as unknown as SentenceFeatures;

describe('sentence ranker', () => {
  it('scores a feature record with the weight table', () => {
    expect(sentenceScore(zero)).toBe(0);
    expect(sentenceScore({ ...zero, coverage: 1, long: 1 })).toBeCloseTo(SENTENCE_WEIGHTS.coverage + SENTENCE_WEIGHTS.long);
  });

  it('ranks a sentence that holds more of the question first', () => {
    const full = sentenceScore({ ...zero, coverage: 0.9, window: 0.9, context: 0.9, passage: 1 });
    const part = sentenceScore({ ...zero, coverage: 0.3, window: 0.9, context: 0.9, passage: 1 });
    expect(full).toBeGreaterThan(part);
  });

  it('measures how close together the matched question words are', () => {
    const asked = new Set(['capit', 'franc']);
    expect(densityOf(['pari', 'capit', 'franc'], asked)).toBe(1);
    expect(densityOf(['capit', 'x', 'y', 'franc'], asked)).toBe(0.5);
    expect(densityOf(['capit'], asked)).toBe(0);
  });

  it('gives the softmax share of the best score', () => {
    expect(bestShare([])).toBe(0);
    expect(bestShare([1, 1])).toBeCloseTo(0.5);
    expect(bestShare([5, 0])).toBeGreaterThan(0.99);
  });
});
