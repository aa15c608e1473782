import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/engine/analyze-article.ts';
import { subjectLeads } from '../../src/engine/answer-evidence.ts';
import { terms } from '../../src/engine/text.ts';
import { plainArticle } from '../support/plain-article.ts';

const sentences = analyzeArticle(
  plainArticle('k.txt', 'Kenya', 'Kenya obtained independence in December 1963. Many visitors to the coast and the game parks of east Africa also travel to Kenya.'),
).sentences;

describe('subjectLeads', () => {
  const subject = new Set(terms('Kenya'));

  it('is 1 when a subject word is among the sentence\'s first five terms', () => {
    expect(subjectLeads(sentences[0]!, subject)).toBe(1);
  });

  it('is 0 when the sentence names the subject only late (mentioned in passing)', () => {
    expect(subjectLeads(sentences[1]!, subject)).toBe(0);
  });

  it('is 0 without a subject', () => {
    expect(subjectLeads(sentences[0]!, new Set())).toBe(0);
  });
});
