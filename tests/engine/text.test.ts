import { describe, expect, it } from 'vitest';
import { splitParagraphs, splitSentences, terms } from '../../src/engine/text.ts';

describe('splitSentences', () => {
  it('keeps abbreviations, initials and decimals inside sentences', () => {
    const text = 'Mr. Smith paid $3.50 to J. K. Rowling at 5 p.m. on Tuesday. Then he left. Did he? Yes!';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'Mr. Smith paid $3.50 to J. K. Rowling at 5 p.m. on Tuesday.',
      'Then he left.',
      'Did he?',
      'Yes!',
    ]);
  });

  it('ends a sentence after a dotted acronym when a new sentence starts', () => {
    const parts = splitSentences('Troops left the U.S. The base closed. U.S. officials said so.').map((s) => s.text);
    expect(parts).toEqual(['Troops left the U.S.', 'The base closed.', 'U.S. officials said so.']);
  });

  it('keeps offsets that point at the verbatim text and records paragraphs', () => {
    const text = 'First one. Second one.\n\nThird “quoted.” Fourth.';
    const sentences = splitSentences(text);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 0, 1, 1]);
  });

  it('splits paragraphs on blank lines', () => {
    expect(splitParagraphs('a\nb\n\n\nc').map((p) => p.text)).toEqual(['a\nb', 'c']);
  });
});

describe('terms', () => {
  it('drops stop words and stems', () => {
    expect(terms('The rebels were capturing the palaces')).toEqual(['rebel', 'captur', 'palac']);
  });
});

describe('"won" is the verb, "won\'t" a stop word', () => {
  it('keeps "won" as the term of "win" and drops the contraction', () => {
    expect(terms('Who won the cup?')).toEqual(['win', 'cup']);
    expect(terms("They won't say")).toEqual([]);
  });
});
