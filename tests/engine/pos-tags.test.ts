import { describe, expect, it } from 'vitest';
import { extractSpan } from '../../src/engine/extract-span.ts';
import { tagWords } from '../../src/engine/pos-tags.ts';

describe('part-of-speech tags for span extraction', () => {
  it('tags each word where it stands in the text', () => {
    const text = "In 1348–49 the  disease reached Antioch's walls; it cost $4.5 million.";
    const tagged = tagWords(text);
    for (const t of tagged) expect(text.slice(t.start, t.end)).not.toMatch(/^\s|\s$/);
    const at = (word: string) => tagged.find((t) => text.slice(t.start, t.end) === word)?.pos;
    expect(at('reached')).toBe('VERB');
    expect(at('disease')).toBe('NOUN');
    expect(at('Antioch')).toBe('PROPN');
    expect(at('the')).toBe('DET');
  });

  it('ends a noun phrase at a verb the word-shape rules miss', () => {
    // "sold" follows a noun and precedes a preposition: only the tagger sees a verb there
    expect(extractSpan('What does the agency regulate?', 'The agency regulates pesticides sold in supermarkets.')).toBe('pesticides');
  });
});
