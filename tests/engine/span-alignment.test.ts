import { describe, expect, it } from 'vitest';
import { scoreCandidates, SPAN_TYPE_OFFSETS } from '../../src/engine/extract-span.ts';
import { templatesOf } from '../../src/engine/span-alignment.ts';

const evidenceOf = (question: string, text: string, span: string) => scoreCandidates(question, text).scored.find((c) => c.text === span)?.evidence;

describe('question templates: the question read as a sentence around its answer', () => {
  it('puts the words after a subject wh-phrase to the right of the answer', () => {
    expect(templatesOf('What caused the delay?')).toEqual([{ left: [], right: ['caus', 'delai'] }]);
  });
  it('reads "what is X" both ways round', () => {
    const readings = templatesOf('What is the capital of the province?');
    expect(readings).toHaveLength(2);
    expect(readings[0]!.right).toEqual(readings[1]!.left);
    expect(readings[0]!.left).toEqual([]);
  });
  it('splits a do-question after its main verb: "the army threw [X] into the city"', () => {
    expect(templatesOf('What did the army throw into the city?')[0]).toEqual({ left: ['armi', 'throw'], right: ['citi'] });
  });
  it('keeps the nouns after the wh-word in the wh-phrase', () => {
    const [reading] = templatesOf('Which company bought the airline in 2006?');
    expect(reading!.right).not.toContain('compani');
    expect(reading!.right).toContain('airlin');
  });
  it('puts the words before a final wh-word to the left', () => {
    expect(templatesOf('The poem was written to protest against what?')).toEqual([{ left: ['poem', 'write', 'protest'], right: [] }]);
  });
  it('has no reading without a wh-word', () => {
    expect(templatesOf('tell me about the floods')).toEqual([]);
  });
});

describe('alignment evidence of a span candidate', () => {
  it('tells the subject of the asked relation from a phrase elsewhere in the sentence', () => {
    const q = 'What caused the delay?';
    const s = 'Officials said a signal failure caused the delay on the northern line during the morning.';
    const right = evidenceOf(q, s, 'signal failure')!;
    const other = evidenceOf(q, s, 'northern line')!;
    expect(right.alignShare).toBe(1);
    expect(right.alignNext).toBeGreaterThan(0);
    expect(other.alignShare).toBe(0);
  });
  it('finds the object of a do-question after its subject and verb', () => {
    const q = 'What did the storm destroy?';
    const s = 'In the old port town the storm destroyed the harbour wall, which the council had rebuilt.';
    expect(evidenceOf(q, s, 'harbour wall')!.alignShare).toBe(1);
    expect(evidenceOf(q, s, 'harbour wall')!.alignPrev).toBeGreaterThan(0);
    expect(evidenceOf(q, s, 'old port')!.alignShare).toBe(0);
    // the council sits beyond the object: the words are on its side, but not right before it
    expect(evidenceOf(q, s, 'council')!.alignPrev).toBe(0);
  });
  it('is weighed for what-questions (fitted offsets), not for typed questions', () => {
    expect(SPAN_TYPE_OFFSETS.what.alignShare ?? 0).toBeGreaterThan(0);
    expect(SPAN_TYPE_OFFSETS.when.alignShare ?? 0).toBe(0);
  });
});

describe('question readings: harder forms', () => {
  it('reads "has" as the main verb when no participle follows', () => {
    expect(templatesOf('What mountain has snow on it all year round?')).toEqual([{ left: [], right: ['snow', 'year', 'round'] }]);
  });
  it('finds the verb of a do-question the tagger missed before its first preposition', () => {
    expect(templatesOf('What areas did Genghis Khan control at the end of his life?')[0]).toEqual({ left: ['genghi', 'khan', 'control'], right: ['end', 'life'] });
  });
  it('keeps a prepositional phrase on the wh-phrase out of both sides', () => {
    const [reading] = templatesOf('During which period in history was the rainforest a narrow band of forest?');
    expect(reading!.right).not.toContain('histori');
    expect(reading!.right).toContain('rainforest');
  });
});
