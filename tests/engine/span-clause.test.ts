import { describe, expect, it } from 'vitest';
import { clauseAround, nameOutsideClause } from '../../src/engine/span-clause.ts';

// made-up sentences
describe('span clause evidence', () => {
  it('cuts the span out of its own clause between punctuation marks', () => {
    expect(clauseAround('Ann Lee', 'Ann Lee won the Grand Prize, boosting her Zorba hopes.')?.trim()).toBe('won the Grand Prize');
    expect(clauseAround('Bob', 'Ann Lee won.')).toBeNull();
  });

  it('sees a name the question asks about standing outside the span clause', () => {
    const sentence = 'Ann Lee won the Grand Prize for best singer, boosting her Zorba hopes.';
    expect(nameOutsideClause('who won best singer at the zorba', 'Ann Lee', sentence)).toBe(true);
    expect(nameOutsideClause('Who won best singer at the Grand Prize?', 'Ann Lee', sentence)).toBe(false);
  });

  it('ignores plain English words and names the sentence lacks', () => {
    const sentence = 'After the storm, the town rebuilt its harbour in 1990.';
    expect(nameOutsideClause('when was the harbour rebuilt after the storm', '1990', sentence)).toBe(false);
    expect(nameOutsideClause('When did Kelby rebuild the harbour?', '1990', sentence)).toBe(false);
  });
});
