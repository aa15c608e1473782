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
  it('holds no preposition that asks nothing ("besides")', () => {
    expect(questionTerms('what did the rebels capture besides the palace')).toEqual([...terms('rebels capture palace')]);
  });
  it('are kept where they name something ("time warner", "old trafford")', () => {
    expect(questionTerms('how much did time warner profits rise')).toContain(terms('time')[0]);
    expect(questionTerms('which team plays at old trafford')).toContain(terms('old')[0]);
  });
});

describe('a measure or a share asked for (bench/notes/retrieval4.md)', () => {
  it('is dropped after "how" or "what" ("how far", "how fast", "what percentage")', () => {
    expect(questionTerms('how far can the new plane fly')).not.toContain(terms('far')[0]);
    expect(questionTerms('how fast did the economy grow')).not.toContain(terms('fast')[0]);
    expect(questionTerms('how big is the deal')).not.toContain(terms('big')[0]);
    expect(questionTerms('what percentage of firms use broadband')).not.toContain(terms('percentage')[0]);
    expect(questionTerms('what percent backed the ban')).not.toContain(terms('percent')[0]);
  });
  it('is kept where it names something ("far right", "a big fine", "the fastest car")', () => {
    expect(questionTerms('who leads the far right party')).toContain(terms('far')[0]);
    expect(questionTerms('who got a big fine')).toContain(terms('big')[0]);
    expect(questionTerms('which firm makes the fastest car')).toContain(terms('fastest')[0]);
    expect(questionTerms('which party won a high percentage of the vote')).toContain(terms('percentage')[0]);
  });
});

describe('a measure word alone', () => {
  it('is kept when the question asks nothing else ("how tall am i")', () => {
    expect(questionTerms('how tall am i')).toEqual(terms('tall'));
  });
});

describe('"named after"', () => {
  it('is asked with its words: the sentence tells where the name comes from ("named after a lake")', () => {
    expect(questionTerms('what is baikal named after')).toEqual([...terms('baikal'), ...terms('named')]);
    expect(questionTerms('what is the city named')).toEqual(terms('city'));
  });
});
