import { afterEach, describe, expect, it } from 'vitest';
import { CONFIDENCE_RECORDING } from '../../src/engine/answer-question.ts';
import { Engine } from '../../src/engine/engine.ts';
import type { Article } from '../../src/engine/types.ts';

const article = (id: string, title: string, text: string): Article => ({ id, title, text, date: null, url: null, source: null, origin: id });

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

  it('leaves the confidence unchanged when the evidence is recorded (weights 0)', () => {
    const question = 'When will the main road through the town centre close?';
    const before = engine.ask(question).answer.confidence;
    CONFIDENCE_RECORDING.all = true;
    expect(engine.ask(question).answer.confidence).toBe(before);
  });
});
