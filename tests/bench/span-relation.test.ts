import { describe, expect, it } from 'vitest';
import { spanRelation } from '../../bench/calibrate/span-relation.ts';

// made-up sentences: the measurement features of fit-span-confidence.ts REL=1
describe('spanRelation (measurement evidence for the span confidence)', () => {
  it('counts question words within a few tokens of the span and sees a closer rival number', () => {
    const sentence = 'The town lies 103 miles south of Dunmore and 277 miles north of Kelby.';
    const near = spanRelation('How many miles south of Dunmore is the town?', '103 miles', sentence);
    const far = spanRelation('How many miles south of Dunmore is the town?', '277 miles', sentence);
    expect(near.nearCount).toBeGreaterThan(far.nearCount);
    expect(far.rivalCloser).toBe(1);
    expect(near.rivalCloser).toBe(0);
  });

  it('flags a named thing asked that the sentence lacks while it names another', () => {
    const r = spanRelation('how tall is the zorbel tower', '508m', 'Lifts whisk visitors to the top of the 508m tall Kanto Tower in Osaka.');
    expect(r.conflict).toBe(1);
    expect(r.inOtherName).toBe(1);
  });

  it('reads brackets, cut names and list items around the span', () => {
    expect(spanRelation('What is the area?', '2,700 sq mi', 'It covers 7,000 square km (2,700 sq mi) in all.').bracketed).toBe(1);
    expect(spanRelation('Which court rules?', 'Justice', 'The Grand Court of Justice rules.').cut).toBe(1);
    expect(spanRelation('What are the sectors?', 'roads', 'The sectors are homes, roads and plants.').listPart).toBe(1);
  });

  it('gives zeros when the span is not in the sentence', () => {
    expect(Object.values(spanRelation('Who won?', 'Smith', 'Jones won the race.')).every((v) => v === 0)).toBe(true);
  });
});
