import { describe, expect, it } from 'vitest';
import { chooseSpan, scoreCandidates } from '../../src/engine/extract-span.ts';
import { SPAN_WEIGHTS, spanConfidenceOf, spanFeatures } from '../../src/engine/span-confidence.ts';

const featuresOf = (question: string, text: string) => {
  const choice = chooseSpan(question, text);
  if (!choice) throw new Error(`no span for ${question}`);
  return { choice, f: spanFeatures(choice, scoreCandidates(question, text).type, 0.9, 1) };
};

describe('the span confidence reads the ranker evidence it was fitted on', () => {
  it('carries the four ranker features at the end of the record, in [0, 1]', () => {
    const { choice, f } = featuresOf('how many goals did Smith score', 'Smith scored 12 goals in the league last season.');
    expect(choice.text).toContain('12');
    const keys = Object.keys(f);
    expect(keys.slice(-4)).toEqual(['alignPrev', 'askedName', 'unit', 'headRarity']);
    expect(f.unit).toBe(choice.evidence.unit);
    for (const k of ['alignPrev', 'askedName', 'unit', 'headRarity'] as const) {
      expect(f[k]).toBeGreaterThanOrEqual(0);
      expect(f[k]).toBeLessThanOrEqual(1);
    }
  });
  it('vouches more for a name when a name is asked, other evidence equal', () => {
    const { f } = featuresOf('who leads the party', 'The party is led by Michael Howard, who took over last year.');
    expect(SPAN_WEIGHTS['askedName']).toBeGreaterThan(0);
    const without = spanConfidenceOf({ ...f, askedName: 0 });
    const withName = spanConfidenceOf({ ...f, askedName: 1 });
    expect(withName).toBeGreaterThan(without);
  });
  it('never vouches for a span of another kind than asked, whatever the new evidence', () => {
    const { f } = featuresOf('when did the shop open', 'The shop opened to large crowds.');
    expect(spanConfidenceOf({ ...f, typeMiss: 1, askedName: 1, alignPrev: 1, unit: 1, headRarity: 1 })).toBe(0);
  });
});
