import { describe, expect, it } from 'vitest';
import { truecaseQuestion } from '../../src/engine/truecase.ts';

const read = [
  'Argentina won the World Cup in Qatar after a final against France.',
  'The World Cup final was watched around the world.',
  'Shares in UFJ rose on Monday. UFJ said the world economy was slowing.',
  'World markets fell.',
];

describe('truecaseQuestion', () => {
  it('restores names the passages write capitalised in mid-sentence', () => {
    expect(truecaseQuestion('who won the world cup in qatar', read)).toBe('who won the World Cup in Qatar');
    expect(truecaseQuestion('why did ufj shares rise', read)).toBe('why did UFJ shares rise');
  });

  it('leaves words the passages write in lower case, or capitalise only at a sentence start', () => {
    // "world" is lower case mid-sentence twice and capitalised once (World Cup): not a name on its own
    expect(truecaseQuestion('how is the world economy', read)).toBe('how is the world economy');
    // "markets" is capitalised only where a sentence starts
    expect(truecaseQuestion('why did markets fall', read)).toBe('why did markets fall');
  });

  it('keeps what the user typed when capitalised or unknown to the passages', () => {
    expect(truecaseQuestion('Who won the World Cup?', read)).toBe('Who won the World Cup?');
    expect(truecaseQuestion('who won the 2022 eurovision', read)).toBe('who won the 2022 eurovision');
    expect(truecaseQuestion('', read)).toBe('');
  });
});
