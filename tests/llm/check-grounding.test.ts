import { describe, expect, it } from 'vitest';
import { checkGrounding, normalizeQuotes, verifiedPrefix } from '../../src/llm/check-grounding.ts';

const passages = [
  { text: 'The harbour council approved a budget of 40 million euros on Tuesday. Mayor Lena Ortiz said “ferry fares will rise by 10 percent”.' },
  { text: 'A volcano erupted near Reykjavik on Monday night.\nAuthorities evacuated   4,000 residents.' },
];

describe('checkGrounding', () => {
  it('passes an answer whose citations exist and whose quotes are verbatim in the cited passage', () => {
    const r = checkGrounding('The council approved "a budget of 40 million euros" [1]. About "4,000 residents" left [2].', passages);
    expect(r).toEqual({ ok: true, text: 'The council approved "a budget of 40 million euros" [1]. About "4,000 residents" left [2].', cited: [1, 2] });
  });

  it('normalizes only white space and quote marks when matching quotes', () => {
    expect(checkGrounding('Ortiz said “ferry fares will rise by 10 percent” [1].', passages).ok).toBe(true);
    expect(checkGrounding('Officials say "Authorities evacuated 4,000 residents." [2]', passages).ok).toBe(true);
    // a changed word is not the same quote
    const r = checkGrounding('Ortiz said "ferry fares will rise by 12 percent" [1].', passages);
    expect(r).toMatchObject({ ok: false, reason: expect.stringContaining('not verbatim') });
    expect(normalizeQuotes(' “a”\n  ‘b’ ')).toBe('"a" \'b\'');
  });

  it('discards a citation of a passage that was not given', () => {
    expect(checkGrounding('It was 40 million euros [3].', passages)).toEqual({ ok: false, reason: 'cites passage [3], which does not exist (2 given)' });
    expect(checkGrounding('It was 40 million euros [0].', passages).ok).toBe(false);
  });

  it('checks a quote against the passage its own sentence cites, not any passage', () => {
    const r = checkGrounding('The volcano erupted [2]. Residents heard "a budget of 40 million euros" [2].', passages);
    expect(r.ok).toBe(false);
    expect(checkGrounding('People said "a budget of 40 million euros".', passages)).toEqual({ ok: false, reason: 'a quoted phrase without a citation' });
  });

  it('discards an answer with no citation, an empty one and the refusal mark', () => {
    expect(checkGrounding('It was 40 million euros.', passages)).toEqual({ ok: false, reason: 'no citation' });
    expect(checkGrounding('  ', passages).ok).toBe(false);
    expect(checkGrounding('NOT IN SOURCES', passages)).toEqual({ ok: false, reason: 'the model found no answer in the passages' });
  });

  it('accepts [1, 2] and [1][2] citation forms, and citations after the full stop', () => {
    expect(checkGrounding('Both happened on weekdays [1, 2].', passages)).toMatchObject({ ok: true, cited: [1, 2] });
    expect(checkGrounding('Both happened. [1][2] Nothing else.', passages)).toMatchObject({ ok: true, cited: [1, 2] });
  });
});

describe('verifiedPrefix (streaming)', () => {
  it('shows finished, checked sentences only, once one of them cites a passage', () => {
    expect(verifiedPrefix('The council approved a budget', passages)).toBeNull();
    expect(verifiedPrefix('The council approved a budget [1]. It', passages)).toEqual({ text: 'The council approved a budget [1].', cited: [1] });
    // citations may still be arriving after the full stop
    expect(verifiedPrefix('The council approved it. [', passages)).toBeNull();
    expect(verifiedPrefix('Intro. The council approved it [1]. More', passages)).toEqual({ text: 'Intro. The council approved it [1].', cited: [1] });
  });

  it('reports a finished sentence that fails, so nothing more is shown', () => {
    expect(verifiedPrefix('Fine [1]. Wrong "no such words" [1]. Next', passages)).toEqual({ failed: expect.stringContaining('not verbatim') });
    expect(verifiedPrefix('Fine [7]. Next', passages)).toEqual({ failed: expect.stringContaining('[7]') });
  });
});
