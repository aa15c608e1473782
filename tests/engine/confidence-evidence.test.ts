import { afterEach, describe, expect, it } from 'vitest';
import { CONFIDENCE_RECORDING, UNCASED_NAMES } from '../../src/engine/answer-question.ts';
import { Engine } from '../../src/engine/engine.ts';
import { plainArticle as article } from '../support/plain-article.ts';


describe('the answer confidence evidence kept at weight 0 for refits', () => {
  afterEach(() => {
    CONFIDENCE_RECORDING.all = false;
  });
  const engine = new Engine([
    article('road.txt', 'Town centre plans', 'The principal road through the town centre will close in June for repairs. Buses will use a diversion.'),
    article('duval.txt', 'Jacksonville', 'Jacksonville is the largest city in Florida by area. It is the county seat of Duval County. The city grew around a ferry crossing.'),
  ]);

  it('records the soft coverage only while a fitting script asks for it (the product skips its cost)', () => {
    const question = 'When will the main road through the town centre close?';
    expect(engine.ask(question).span.answerFeatures?.soft).toBe(0);
    CONFIDENCE_RECORDING.all = true;
    expect(engine.ask(question).span.answerFeatures?.soft).toBeGreaterThan(0);
  });

  it('counts the antecedent sentence in full for a pronoun-led sentence (carried)', () => {
    const f = engine.ask('What is the county seat of Duval County in Florida?').span.answerFeatures;
    expect(f).not.toBeNull();
    expect(f!.carried).toBeGreaterThan(f!.coverage);
  });

  it('records whether the sentence opens with the question\'s subject (led) and how close its words sit (density)', () => {
    const opens = engine.ask('Which county is Jacksonville the largest city of?').span.answerFeatures;
    expect(opens?.led).toBe(1);
    expect(opens?.density).toBeGreaterThan(0);
    // the chosen sentence opens with 'the city', neither the title (Jacksonville) nor the name asked (Duval)
    const late = engine.ask('Which ferry crossing did the Duval city grow around?').span.answerFeatures;
    expect(late?.led).toBe(0);
  });

  it('leaves the confidence unchanged when the evidence is recorded (weights 0)', () => {
    const question = 'When will the main road through the town centre close?';
    const before = engine.ask(question).answer.confidence;
    CONFIDENCE_RECORDING.all = true;
    expect(engine.ask(question).answer.confidence).toBe(before);
  });
});

describe('a question typed in lower case naming something the passages read lack', () => {
  afterEach(() => {
    UNCASED_NAMES.on = true;
  });
  const engine = new Engine([
    article('harrow.txt', 'Council opens leisure centre', 'The council opened a new leisure centre in Harrow in 2019. Its programme of evening classes starts in March.'),
    article('market.txt', 'Market news', 'Shares rose on Monday after the central bank held interest rates. Traders expect a cut in the spring.'),
  ]);
  const asked = (question: string) => engine.ask(question).span.answerFeatures;

  it('counts the unknown word as a name asked, as it would with its capital', () => {
    expect(asked('when did the council in Leeds open a leisure centre')?.names).toBe(0);
    expect(asked('when did the council in leeds open a leisure centre')?.names).toBe(0);
    // only its first letter capitalised, as phones type
    expect(asked('When did the council in leeds open a leisure centre?')?.names).toBe(0);
    UNCASED_NAMES.on = false;
    expect(asked('when did the council in leeds open a leisure centre')?.names).toBe(1);
  });

  it('leaves names the passages give back a capital to, and English words, as they were', () => {
    expect(asked('when did the council in harrow open a leisure centre')?.names).toBe(1);
    expect(engine.ask('when did the council in harrow open a leisure centre').answer.answer).toBe('2019');
  });

  it('is answered no more confidently in lower case than with capitals', () => {
    const lower = engine.ask('when did the council in leeds open a leisure centre').answer.confidence;
    expect(lower).toBeLessThanOrEqual(engine.ask('When did the council in Leeds open a leisure centre?').answer.confidence + 1e-9);
  });
});
