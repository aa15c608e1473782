import { describe, expect, it } from 'vitest';
import { originTest } from '../../src/engine/question-shapes.ts';
import { terms } from '../../src/engine/text.ts';
import { DEMONYMS } from '../../src/engine/demonyms.ts';

const origin = (question: string, name: string) => originTest(question, new Set(terms(name)), (w) => terms(w)[0], (w) => DEMONYMS[w.toLowerCase()] !== undefined);

describe('a question asking where someone comes from', () => {
  it('is read in "where is X from" and "where does X come from", not in other where-questions', () => {
    expect(origin('where is patty schnyder from', 'Patty Schnyder')).not.toBeNull();
    expect(origin('where does andrew fisher come from originally', 'Andrew Fisher')).not.toBeNull();
    expect(origin('which country is patty schnyder from', 'Patty Schnyder')).not.toBeNull();
    expect(origin('where does andrew fisher live', 'Andrew Fisher')).toBeNull();
    expect(origin('where is patty schnyder from', '')).toBeNull();
  });

  it('finds the place set right beside the name', () => {
    const test = origin('where is X from', 'Patty Schnyder Andrew Fisher Viotti Titan Katerina Thanou')!;
    expect(test('12 Patty Schnyder (Switzerland)')).toBe('Switzerland');
    expect(test('Andrew Fisher, from Omaha, Nebraska, said he would')).toBe('Omaha, Nebraska');
    expect(test('Viotti was born in Switzerland and studied the piano.')).toBe('Switzerland');
    expect(test('Titan, a California-based company, pleaded guilty.')).toBe('California');
    expect(test('Greek sprinter Katerina Thanou says she is eager.')).toBe('Greek');
  });

  it('does not take a place told of something else, or a capitalised word that names no people', () => {
    const test = origin('where is X from', 'Kelli White')!;
    expect(test('Banned sprinter Kelli White says she took steroids from Balco.')).toBeNull();
    expect(test('Pop star Kelli White sang in Paris.')).toBeNull();
    expect(test('Kelli White beat a rival from Ohio.')).toBeNull();
  });

  it('is not read in "where did X <verb> Y from", which asks where a deed came from (the club left, the seller)', () => {
    expect(origin('where did rovers sign tomas brek from', 'Tomas Brek')).toBeNull();
    expect(origin('where did the firm buy the mill from', 'Mill')).toBeNull();
    expect(origin('where did tomas brek come from', 'Tomas Brek')).not.toBeNull();
  });

  it('does not take a people\'s word describing the noun after it ("from the Dutch champions")', () => {
    const test = origin('where is X from', 'Tomas Brek')!;
    expect(test('Rovers hope to prise Tomas Brek from the Dutch champions in January.')).toBeNull();
    expect(test('Tomas Brek, from Slovakia, signed on Friday.')).toBe('Slovakia');
  });
});
