import { describe, expect, it } from 'vitest';
import { scoreCandidates, SPAN_RANK_WEIGHTS, SPAN_TREES, SPAN_TYPE_OFFSETS } from '../../src/engine/extract-span.ts';

const none = { types: [], trees: [] };
const scores = (question: string, text: string, trees = SPAN_TREES) => scoreCandidates(question, text, [], SPAN_RANK_WEIGHTS, SPAN_TYPE_OFFSETS, trees).scored.map((c) => c.score);

describe('boosted trees on top of the span ranker', () => {
  const text = 'The museum, which opened in 1902 in the old town, holds a large collection of Roman coins.';
  it('score what-questions and leave the typed ones to the weight table', () => {
    expect(SPAN_TREES.trees.length).toBeGreaterThan(0);
    expect(scores('When did the museum open?', text)).toEqual(scores('When did the museum open?', text, none));
    expect(scores('What does the museum hold?', text)).not.toEqual(scores('What does the museum hold?', text, none));
  });
  it('are deterministic', () => {
    expect(scores('What does the museum hold?', text)).toEqual(scores('What does the museum hold?', text));
  });
});
