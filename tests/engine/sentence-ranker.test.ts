import { describe, expect, it } from 'vitest';
import { sentenceTrace, type Scored } from '../../src/engine/answer-question.ts';
import { Engine } from '../../src/engine/engine.ts';
import { bestShare, densityOf, sentenceScore, SENTENCE_FEATURE_KEYS, SENTENCE_WEIGHTS, type SentenceFeatures } from '../../src/engine/sentence-ranker.ts';
import { plainArticle as article } from '../support/plain-article.ts';

const zero = Object.fromEntries(SENTENCE_FEATURE_KEYS.map((k) => [k, 0])) as unknown as SentenceFeatures;

describe('sentence ranker', () => {
  it('scores a feature record with the weight table', () => {
    expect(sentenceScore(zero)).toBe(0);
    expect(sentenceScore({ ...zero, coverage: 1, long: 1 })).toBeCloseTo(SENTENCE_WEIGHTS.coverage + SENTENCE_WEIGHTS.long);
  });

  it('ranks a sentence that holds more of the question first', () => {
    const full = sentenceScore({ ...zero, coverage: 0.9, window: 0.9, context: 0.9, passage: 1 });
    const part = sentenceScore({ ...zero, coverage: 0.3, window: 0.9, context: 0.9, passage: 1 });
    expect(full).toBeGreaterThan(part);
  });

  it('measures how close together the matched question words are', () => {
    const asked = new Set(['capit', 'franc']);
    expect(densityOf(['pari', 'capit', 'franc'], asked)).toBe(1);
    expect(densityOf(['capit', 'x', 'y', 'franc'], asked)).toBe(0.5);
    expect(densityOf(['capit'], asked)).toBe(0);
  });

  it('gives the softmax share of the best score', () => {
    expect(bestShare([])).toBe(0);
    expect(bestShare([1, 1])).toBeCloseTo(0.5);
    expect(bestShare([5, 0])).toBeGreaterThan(0.99);
  });
});

describe('sentence choice for reworded questions', () => {
  it('ranks a sentence of the asked type beside the question words above a lead that only restates the topic', () => {
    // the lead holds most words but nothing of the asked type; the answer shares fewer words and sits beside them
    const lead = sentenceScore({ ...zero, coverage: 0.7, window: 0.8, context: 0.8, passage: 1 });
    const loose = 1 - 0.7;
    const answer = sentenceScore({ ...zero, coverage: 0.4, window: 0.8, context: 0.8, passage: 1, typed: 1, typedLoose: loose, typedWindow: 0.8 });
    expect(answer).toBeGreaterThan(lead);
  });

  it('still ranks a sentence that holds the whole question first when a typed one holds little of it', () => {
    const full = sentenceScore({ ...zero, coverage: 1, window: 1, context: 1, passage: 1, bigrams: 0.5 });
    const typed = sentenceScore({ ...zero, coverage: 0.2, window: 0.4, context: 1, passage: 1, typed: 1, typedLoose: 0, typedWindow: 0.4 });
    expect(full).toBeGreaterThan(typed);
  });
});

describe('sentence evidence computed by answerQuestion', () => {
  const engine = new Engine([
    article(
      'musical.txt',
      'Lighthouse musical opens in Leeds',
      'A stage musical about a lighthouse keeper opened in Leeds on Friday night. The keeper is sung by Harriet Polwhele, a former choir teacher. The run was extended because tickets sold out within a week.',
    ),
  ]);
  const traced = (question: string): Scored[] => {
    let out: Scored[] = [];
    sentenceTrace.sink = (_q, cands) => (out = [...cands]);
    try {
      engine.ask(question);
    } finally {
      sentenceTrace.sink = null;
    }
    return out;
  };

  it('scales the typed evidence by how little the best sentence covers the question, and by the window', () => {
    const cands = traced('who sings the keeper in the leeds lighthouse musical');
    expect(cands.length).toBeGreaterThan(0);
    const loose = 1 - Math.max(...cands.map((c) => c.features.coverage));
    for (const c of cands) {
      expect(c.features.typedLoose).toBeCloseTo(c.features.typed * loose);
      expect(c.features.typedWindow).toBeCloseTo(c.features.typed * c.features.window);
      expect(c.score).toBeCloseTo(sentenceScore(c.features));
    }
    const named = cands.find((c) => c.sentence.text.includes('Harriet Polwhele'));
    expect(named?.features.typed).toBe(1);
  });

  it('marks a candidate of the asked type beside a question word the title does not hold', () => {
    // "sung" is beside the name; the lead names only places, and none beside "sung"
    const cands = traced('who is the keeper sung by in the leeds lighthouse musical');
    const named = cands.find((c) => c.sentence.text.includes('Harriet Polwhele'));
    const lead = cands.find((c) => c.sentence.index === 0);
    expect(named?.features.typedNear).toBe(1);
    expect(lead?.features.typedNear).toBe(0);
    // untyped questions never have it
    expect(traced('what did the keeper do').every((c) => c.features.typedNear === 0)).toBe(true);
  });

  it('marks a cause cue only for why questions', () => {
    const why = traced('why was the lighthouse musical run extended');
    const cause = why.find((c) => c.sentence.text.includes('because'));
    expect(cause?.features.cue).toBe(1);
    const who = traced('who sings the keeper in the leeds lighthouse musical');
    expect(who.every((c) => c.features.cue === 0)).toBe(true);
  });

  it('measures the lead and the share of the non-title words', () => {
    const cands = traced('who sings the keeper in the leeds lighthouse musical');
    const first = cands.find((c) => c.sentence.index === 0);
    expect(first?.features.lead).toBe(1);
    for (const c of cands) {
      expect(c.features.lead).toBeCloseTo(Math.max(0, 1 - c.sentence.index / 10));
      expect(c.features.specific).toBeGreaterThanOrEqual(0);
      expect(c.features.specific).toBeLessThanOrEqual(1);
    }
    // "keeper" and "sings" ("sung") are the non-title words the article holds: the sentence with both holds the larger part,
    // the lead (keeper) a smaller one, the others none
    const named = cands.find((c) => c.sentence.text.includes('Harriet Polwhele'));
    const tickets = cands.find((c) => c.sentence.text.includes('tickets'));
    expect(first?.features.specific).toBeGreaterThan(0);
    expect(named?.features.specific).toBeGreaterThan(first?.features.specific ?? 1);
    expect(tickets?.features.specific).toBe(0);
  });
});

describe('pronoun-led sentences', () => {
  const engine = new Engine([
    article(
      'jacksonville.txt',
      'Jacksonville',
      'Jacksonville is the most populous city in the state of Florida and the largest city by area in the contiguous United States. It is the county seat of Duval County, with which the city government consolidated in 1968. The city grew around a ferry crossing on the St. Johns River.',
    ),
    article('clay.txt', 'Clay County', 'Clay County is a county in the northeast of Florida. Its county seat is Green Cove Springs, a small city on the river. The county was named after Henry Clay.'),
  ]);

  it('quotes the sentence a pronoun stands for, not the next one, when the asked type is missing', () => {
    // "It is the county seat…" holds no place of its own: the sentence before names the city
    const { answer } = engine.ask('Which city is the county seat of Duval County?');
    expect(answer.quote).toContain('It is the county seat of Duval County');
    expect(answer.quote?.startsWith('Jacksonville is')).toBe(true);
    expect(answer.quote).not.toContain('ferry crossing');
  });

  it('carries the sentence before into a pronoun-led sentence it answers from', () => {
    const { answer } = engine.ask('What is the county seat of Duval County?');
    expect(answer.quote).toContain('Jacksonville');
    expect(answer.quote).toContain('Duval County');
  });
});

describe('the kind of place asked for', () => {
  it('"which country": the word "country" counts little, since the answer names the country without it', () => {
    const engine = new Engine([
      article('trade', 'Exports rise', 'Figures out on Monday showed that Norway is now the biggest trading partner of Iceland. Fish made up most of the trade.'),
      article('film', 'Box office', 'The Icelandic film took more than any other in the country, according to a trade magazine.'),
      article('weather', 'Cold snap', 'The weather was cold in the north of the country on Monday.'),
    ]);
    const reply = engine.ask('which country trades most with iceland').answer;
    expect(reply.sources?.[0]?.id).toBe('trade');
    expect(reply.quote).toContain('Norway');
  });
});
