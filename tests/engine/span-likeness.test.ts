import { describe, expect, it } from 'vitest';
import { chooseSpan, scoreCandidates, SPAN_RANK_WEIGHTS } from '../../src/engine/extract-span.ts';

const evidenceOf = (question: string, text: string, span: string) => scoreCandidates(question, text).scored.find((c) => c.text === span)?.evidence;

describe('place / person likeness of a span (word vectors)', () => {
  const text = 'After the war the painter lived with his friend Henri Dumas in Marseille until his death.';
  it('marks a place name as place-like and a person name as person-like', () => {
    const where = 'Where did the painter spend his last years?';
    expect(evidenceOf(where, text, 'Marseille')!.placeLike).toBeGreaterThan(0);
    expect(evidenceOf(where, text, 'Henri Dumas')!.placeLike).toBeLessThan(0);
    const who = 'Who did the painter live with?';
    expect(evidenceOf(who, text, 'Henri Dumas')!.personLike).toBeGreaterThan(0);
    expect(evidenceOf(who, text, 'Marseille')!.personLike).toBeLessThan(0);
  });
  it('is evidence only for where / who questions', () => {
    const e = evidenceOf('What did the painter do after the war?', text, 'Marseille');
    expect(e?.placeLike ?? 0).toBe(0);
    expect(e?.personLike ?? 0).toBe(0);
  });
  it('turns a where-question from the person to the place', () => {
    const where = 'Where did the painter spend his last years?';
    expect(chooseSpan(where, text)?.text).toBe('Marseille');
    expect(chooseSpan(where, text, [], { ...SPAN_RANK_WEIGHTS, placeLike: 0, personLike: 0 })?.text).toBe('Henri Dumas');
  });
});
