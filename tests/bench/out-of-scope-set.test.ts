import { describe, expect, it } from 'vitest';
import { loadOutOfScope, scoreOutOfScope } from '../../bench/out-of-scope.ts';

describe('the out-of-scope question set', () => {
  it('holds questions only, in two batches, none repeated', () => {
    const items = loadOutOfScope();
    expect(items.length).toBeGreaterThanOrEqual(70);
    expect(new Set(items.map((i) => i.batch))).toEqual(new Set(['a', 'b']));
    expect(new Set(items.map((i) => i.question.toLowerCase())).size).toBe(items.length);
  });

  it('scores abstentions and short answers per batch, the total last', () => {
    const items = [
      { question: 'q1', batch: 'a' },
      { question: 'q2', batch: 'a' },
      { question: 'q3', batch: 'b' },
    ];
    const replies: Record<string, { answered: boolean; short: boolean; unsure: boolean }> = { q1: { answered: false, short: false, unsure: false }, q2: { answered: true, short: true, unsure: false }, q3: { answered: true, short: false, unsure: true } };
    expect(scoreOutOfScope(items, (q) => replies[q]!)).toEqual([
      { batch: 'a', questions: 2, abstainedPct: 50, unsureShown: 0, shortShown: 1 },
      { batch: 'b', questions: 1, abstainedPct: 0, unsureShown: 1, shortShown: 0 },
      { batch: 'all', questions: 3, abstainedPct: 33.3, unsureShown: 1, shortShown: 1 },
    ]);
  });
});
