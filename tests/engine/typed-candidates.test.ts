import { describe, expect, it } from 'vitest';
import { typedNearTest } from '../../src/engine/sentence-ranker.ts';
import { candidateTest, collectCandidates } from '../../src/engine/span-candidates.ts';
import { terms } from '../../src/engine/text.ts';

const numbers = (s: string) => collectCandidates('number', s).map((c) => c.text);

describe('which numbers count', () => {
  it('keeps a number word after a year and its comma', () => {
    expect(numbers('Before March 1999, four stations were on the network.')).toContain('four');
  });

  it('reads a number word written with its capital inside a sentence as part of a name', () => {
    const s = 'The winger wants a recall for the Six Nations, having won 40 caps.';
    expect(numbers(s)).not.toContain('Six');
    expect(candidateTest('how many caps has the winger won')(s)).toBe(true);
    expect(candidateTest('how many caps has the winger won')('The winger wants a recall for the Six Nations.')).toBe(false);
  });

  it('still counts a number word that opens the sentence', () => {
    expect(numbers('Six people were hurt in the fire.')).toContain('Six');
  });
});

describe('a typed candidate beside the asked words', () => {
  it('holds no one for a who-question when the only name beside the asked word is a place', () => {
    const q = 'who is the sprinter tom brady coach';
    const near = typedNearTest(q, 'who', new Set(terms(q)));
    const placeOnly = 'The coach took the sprinter to Northern Ireland last winter.';
    const person = 'His new coach Ann Lister has changed how the sprinter trains.';
    expect(near(placeOnly, terms(placeOnly), [])).toBe(false);
    expect(near(person, terms(person), [])).toBe(true);
  });
});
