import { describe, expect, it } from 'vitest';
import { questionTerms } from '../../src/engine/answer-question.ts';
import { terms } from '../../src/engine/text.ts';

describe('words that ask for a kind of answer', () => {
  it('are dropped where they ask ("what time", "how long", "the name of")', () => {
    expect(questionTerms('what time does the match start')).not.toContain(terms('time')[0]);
    expect(questionTerms('how long did the strike last')).not.toContain(terms('long')[0]);
    expect(questionTerms('what is the name of the band')).not.toContain(terms('name')[0]);
    expect(questionTerms('when did it happen')).not.toContain(terms('happen')[0]);
  });
  it('are kept where they name something ("time warner", "old trafford")', () => {
    expect(questionTerms('how much did time warner profits rise')).toContain(terms('time')[0]);
    expect(questionTerms('which team plays at old trafford')).toContain(terms('old')[0]);
  });
});
