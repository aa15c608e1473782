import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.ts';
import { subjectIn } from '../../src/engine/follow-up.ts';
import { plainArticle as article } from '../support/plain-article.ts';

// A follow-up answered from the conversation's story: the earlier turns' words are what the story is about, so the
// answer sentence need not repeat them (bench/notes/followups2.md).
describe("a follow-up answered from the conversation's story", () => {
  const engine = new Engine([
    article(
      'mobiles.txt',
      'Mobile networks reach most of the world',
      [
        'Some 77% of the world population has access to a mobile network, according to the World Bank.',
        'Only 4% has access to a fixed-line telephone, the World Bank report found.',
        'Prices for handsets have fallen sharply in poorer countries over the past decade.',
        'Operators in Africa and Asia have added hundreds of millions of subscribers since 2000.',
        'A spokesman for the Information Society summit, which is meeting this week in Geneva, said the gap was closing.',
      ].join('\n\n'),
    ),
    article('tsunami.txt', 'Straw flies to Jakarta', 'The Foreign Secretary arrives in Indonesia for a special summit meeting on the disaster. Aid pledges are expected.'),
    article('trade.txt', 'Trade talks resume', 'Trade ministers gather for a summit meeting in Hong Kong next month. Farm subsidies top the agenda.'),
  ]);

  it('is answered from the story though its sentence lacks the earlier words', () => {
    const first = engine.ask('what share of the world has access to a mobile network according to the world bank');
    expect(first.answer.sources[0]?.id).toBe('mobiles.txt');
    const second = engine.ask('and to a fixed-line telephone', first.turn);
    expect(second.answer.sources[0]?.id).toBe('mobiles.txt');
    // before, the Geneva sentence lacked the earlier turns' words ("mobile network", "World Bank"), fell below
    // abstaining, and the conversation's story said nothing
    const next = engine.ask('where is the summit meeting', second.turn);
    expect(next.answer.sources[0]?.id).toBe('mobiles.txt');
    expect(next.answer.quote).toMatch(/Geneva/);
  });

  it('leaves a question asked alone as it was: no story, no earlier words', () => {
    const alone = engine.ask('where is the summit meeting');
    expect(alone.answer.sources[0]?.id).not.toBe('mobiles.txt');
    expect(engine.ask('where is the summit meeting').answer).toEqual(alone.answer);
  });
});

describe('a name after a capitalised sentence opener', () => {
  it('stands alone: "Trouble-hit" opens the sentence and is no part of "Mitsubishi Motors"', () => {
    const text = 'Trouble-hit Mitsubishi Motors is in talks with French carmaker PSA. Sales have fallen.';
    expect(subjectIn('who is mitsubishi motors in talks with', text)).toBe('Mitsubishi Motors');
    // a capitalised word mid-sentence still makes the run part of a longer name
    expect(subjectIn('who makes the mouse adapter', 'It is new. The Assistive Mouse Adapter (AMA) is cheap.')).toBeNull();
  });
});

describe('"when?" or "why?" after an answer', () => {
  it('asks about the sentence that answer quoted (the seed: "who did it", then "when")', async () => {
    const { loadSeedEngine } = await import('../support/seed-engine.ts');
    const engine = await loadSeedEngine();
    const first = engine.ask('what happened in aleppo');
    const second = engine.ask('who did it', first.turn);
    expect(second.answer.quote).toContain('Sunday evening');
    expect(second.turn.quoted).toContain('Sunday evening');
    const third = engine.ask('when', second.turn);
    expect(third.answer.answer).toBe('Sunday evening');
    // (asked alone, "when" asks nothing)
    expect(engine.ask('when').answer.answer).toBeNull();
  });
});

describe('"when?" after an answer quoting a long sentence', () => {
  it('finds the quoted sentence by the part a turn keeps', () => {
    const long = `Rebels from the northern hills captured the old palace of Veloria on Sunday evening, ${'after days of fighting street by street through the market quarter, the river district and the old town, '.repeat(4)}the army said.`;
    const engine = new Engine([
      article('l1', 'Palace falls', `${long} Crowds gathered in the square on Monday morning. The palace of Veloria was built in 1920 by the old kings.`),
      article('l2', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
    ]);
    const turn = { question: 'what about the palace of veloria', expanded: 'what about the palace of veloria', articleIds: ['l1'] };
    // (the earlier turn's words alone point at the palace's building)
    expect(engine.ask('when', turn).answer.answer).toBe('1920');
    expect(long.length).toBeGreaterThan(400);
    expect(engine.ask('when', { ...turn, quoted: long.slice(0, 400) }).answer.answer).toBe('Sunday evening');
  });
});
