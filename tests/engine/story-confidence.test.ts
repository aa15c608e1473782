import { afterEach, describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/engine/analyze-article.ts';
import { Engine } from '../../src/engine/engine.ts';
import { ABSTAIN_BELOW, answerConfidence, CONFIDENCE_WEIGHTS, confidenceOf, judgeConfidence, STORY_CONFIDENCE, STORY_CONFIDENCE_WEIGHTS, UNSURE_BELOW, type ConfidenceFeatures } from '../../src/engine/answer-question.ts';
import { plainArticle } from '../support/plain-article.ts';

/** Evidence with every feature 0 but those given. */
const evidence = (given: Partial<ConfidenceFeatures>): ConfidenceFeatures =>
  ({ ...Object.fromEntries(Object.keys(CONFIDENCE_WEIGHTS).filter((k) => k !== 'bias').map((k) => [k, 0])), ...given }) as ConfidenceFeatures;

// a quote repeating every word asked, with nothing of the asked kind near them: in a story, often its lead restating the topic
const WORDS_ONLY = evidence({ coverage: 1, windowCoverage: 1, specific: 1, specificWindow: 1, context: 1, topPassage: 1, names: 1, rare: 1 });
// the same with a candidate of the asked kind beside the words
const TYPED_NEAR = evidence({ ...WORDS_ONLY, typed: 1, typedNear: 1, typedAsked: 1 });

const passage = analyzeArticle(plainArticle('p', 'Kestrel Mining', 'Kestrel Mining dug its first shaft in 1911. It employs 400 people at Dunmore. Its chairman is Ada Vance.'));
const story = analyzeArticle(
  plainArticle('s', 'Kestrel Mining sold', 'Kestrel Mining has been sold to a rival.\n\nThe deal, agreed on Friday, is worth £40m. Its chairman, Ada Vance, will step down.\n\nStaff at Dunmore were told on Monday.'),
);
// a line broken inside a formula, as a copied encyclopedia paragraph may hold, tells no paragraphs
const brokenLine = analyzeArticle(plainArticle('f', 'Ozone', 'Another form of oxygen, ozone (O\n3), strongly absorbs UVB radiation. The ozone layer helps protect the biosphere.'));

const storyBias = STORY_CONFIDENCE_WEIGHTS.bias;
afterEach(() => {
  STORY_CONFIDENCE.on = true;
  STORY_CONFIDENCE_WEIGHTS.bias = storyBias;
});

describe('the answer confidence of a story told in paragraphs', () => {
  it('judges a single passage by the SQuAD table, and a story by the table fitted on news questions', () => {
    expect(answerConfidence(WORDS_ONLY, passage)).toBe(confidenceOf(WORDS_ONLY));
    expect(answerConfidence(WORDS_ONLY, story)).toBe(confidenceOf(WORDS_ONLY, STORY_CONFIDENCE_WEIGHTS));
    expect(answerConfidence(WORDS_ONLY, brokenLine)).toBe(confidenceOf(WORDS_ONLY));
  });

  it("answers a passage repeating the words asked, but not a story's quote that holds nothing of the asked kind by them", () => {
    expect(judgeConfidence(WORDS_ONLY, passage)).toBeGreaterThanOrEqual(UNSURE_BELOW);
    expect(judgeConfidence(WORDS_ONLY, story)).toBeLessThan(ABSTAIN_BELOW);
    STORY_CONFIDENCE.on = false;
    expect(judgeConfidence(WORDS_ONLY, story)).toBeGreaterThanOrEqual(UNSURE_BELOW);
  });

  it("states an answered story's quote as surely as either table vouches, and its span on the news table alone", () => {
    const news = confidenceOf(TYPED_NEAR, STORY_CONFIDENCE_WEIGHTS);
    expect(news).toBeGreaterThanOrEqual(ABSTAIN_BELOW);
    expect(news).toBeLessThan(confidenceOf(TYPED_NEAR));
    expect(judgeConfidence(TYPED_NEAR, story)).toBe(confidenceOf(TYPED_NEAR));
    expect(answerConfidence(TYPED_NEAR, story)).toBe(news);
  });
});

describe('a follow-up read with the earlier turns', () => {
  const engine = new Engine([
    plainArticle(
      'kestrel.txt',
      'Kestrel Mining sold to rival',
      ['Kestrel Mining has been sold to Dunmore Holdings for £40m.', 'The deal was agreed on Friday after two months of talks.', 'Its chairman, Ada Vance, will step down when the sale completes in May.'].join('\n\n'),
    ),
    plainArticle('ferries.txt', 'Ferry fares rise', 'Ferry fares to the islands rise by 4% from April. Operators blamed fuel costs.'),
  ]);

  it('is judged by the table its context evidence was weighed for, not the story table', () => {
    const first = engine.ask('how much was kestrel mining sold for');
    expect(first.answer.sources[0]?.id).toBe('kestrel.txt');
    // a story table that never answers: a question asked alone abstains, the follow-up in context does not
    STORY_CONFIDENCE_WEIGHTS.bias = -50;
    expect(engine.ask('when will its chairman step down').answer.answer).toBeNull();
    const second = engine.ask('when will its chairman step down', first.turn);
    expect(second.answer.answer).not.toBeNull();
    expect(second.answer.quote).toContain('Ada Vance');
  });
});

