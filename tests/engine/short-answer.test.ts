import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.ts';
import { loadSeedEngine } from '../support/seed-engine.ts';
import { plainArticle as article } from '../support/plain-article.ts';


const FLOOD = article(
  'flood.txt',
  'River floods northern town',
  'The river Lune burst its banks on Tuesday, flooding 200 homes in the town of Kirkby. Emergency crews evacuated residents overnight.\n\n' +
    'The council met in the town hall of Kirkby to discuss the repairs to the flood defences.',
);

describe('short answers (selective answering)', () => {
  const engine = new Engine([FLOOD]);

  it('shows a span it vouches for as the answer, taken from the quote', () => {
    const { answer } = engine.ask('How many homes were flooded in Kirkby?');
    expect(answer.short).toBe(true);
    expect(answer.answer).toBe('200');
    expect(answer.quote).toContain('200 homes');
  });

  it('leads with the supporting sentence when the span is not of the asked-for type', () => {
    const { answer, span } = engine.ask('When did the council meet in the town hall of Kirkby?');
    expect(answer.answer).not.toBeNull();
    expect(span.confidence).toBe(0);
    expect(answer.short).toBe(false);
    expect(answer.answer).toBe(answer.quote);
  });

  it('is never short without an answer', () => {
    const { answer } = engine.ask('What is the boiling point of mercury?');
    expect(answer).toMatchObject({ answer: null, quote: null, short: false });
  });
});

describe('short answers on the seed', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await loadSeedEngine();
  });

  const QUESTIONS = [
    'Who captured the palace in Aleppo?',
    'When was the palace invaded?',
    'Who sent Shia militias?',
    'What is HTS?',
    'Where is the Sayyida Zaynab Mosque?',
    'How many years ago did ISIS try to take over the region?',
    'Who denied negotiating a withdrawal?',
  ];

  it.each(QUESTIONS)('%s: the answer is a vouched span inside the quote, or the quote itself', (q) => {
    const { answer, span } = engine.ask(q);
    if (answer.answer === null) {
      expect(answer.short).toBe(false);
      return;
    }
    if (answer.short) {
      expect(answer.answer).toBe(span.text);
      expect(answer.quote).toContain(answer.answer);
      expect(span.confidence).toBeGreaterThanOrEqual(0.5);
    } else {
      expect(answer.answer).toBe(answer.quote);
    }
  });

  it('does not state a wrong name for who sent the militias as a short answer', () => {
    // the sentence names Iran (the sender) and Iraq (where from): too close to call, so the sentence leads
    const { answer } = engine.ask('Who sent Shia militias?');
    expect(answer.short && answer.answer !== 'Iran').toBe(false);
  });
});
