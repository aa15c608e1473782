import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.ts';
import { needsContext, resolveReference } from '../../src/engine/follow-up.ts';
import { loadSeedEngine, SEED_ID } from '../support/seed-engine.ts';

describe('needsContext', () => {
  it.each(['What is HTS?', 'Who leads the Assad regime in Syria?', 'How many soldiers died in Aleppo in 2024?', 'What did the SDF deny about the withdrawal talks?'])(
    '%s stands on its own',
    (q) => expect(needsContext(q)).toBe(false),
  );
  it.each(['why?', 'and the academy?', 'When will it be debated?', 'What did they capture?', 'how many died?', 'what about Iran'])('%s needs the previous turn', (q) =>
    expect(needsContext(q)).toBe(true),
  );
});

describe('follow-up context on the seed', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await loadSeedEngine();
  });

  it.each(['Who captured the palace in Aleppo?', 'Who sent Shia militias?', 'What did the SDF deny?'])('"What is HTS?" after "%s" answers as it does alone', (before) => {
    const alone = engine.ask('What is HTS?');
    const after = engine.ask('What is HTS?', engine.ask(before).turn);
    expect(alone.answer.answer).not.toBeNull();
    expect(after.answer).toEqual(alone.answer);
    // the next turn carries this question only, not the earlier one
    expect(after.turn.expanded).toBe('What is HTS?');
  });

  it('"why?" after an answer uses its context', () => {
    expect(engine.ask('why?').answer.answer).toBeNull();
    const first = engine.ask('Who sent Shia militias?');
    const why = engine.ask('why?', first.turn);
    expect(why.answer.sources[0]?.id).toBe(SEED_ID);
    expect(why.answer.quote).toMatch(/In response to the near-total collapse/);
    expect(why.turn.expanded).toContain('Shia militias');
  });
});

describe('follow-up context and punctuation', () => {
  it('punctuation alone after an answer still gets "the corpus does not say"', async () => {
    const engine = await loadSeedEngine();
    const first = engine.ask('Who sent Shia militias?');
    expect(engine.ask('???!!!', first.turn).answer.answer).toBeNull();
  });
});

describe('resolveReference', () => {
  it.each([
    ['who leads it?', 'What is HTS?', 'who leads HTS?'],
    ['why did she withdraw', 'Who is Jennifer Capriati?', 'why did Jennifer Capriati withdraw'],
    ['who bought its main unit?', 'What did Yukos owe?', "who bought Yukos's main unit?"],
    ['where is his palace?', 'who is "Bashar Assad"', "where is Bashar Assad's palace?"],
  ])('reads %j after %j as %j', (question, previous, expected) => {
    expect(resolveReference(question, previous)).toBe(expected);
  });

  it.each([
    ['who leads it?', 'who captured the palace?'],
    ['how much does it cost in the us', 'psp'],
    ['what did they say?', 'Did Blair meet Bush?'],
    ['what did the minister say?', 'What is HTS?'],
  ])('leaves %j after %j as it is (no single name, or no pronoun)', (question, previous) => {
    expect(resolveReference(question, previous)).toBe(question);
  });

  it('a pronoun follow-up on the seed is read as the standalone question: no confident short answer from "leading to"', async () => {
    const engine = await loadSeedEngine();
    const first = engine.ask('What is HTS?');
    const next = engine.ask('who leads it?', first.turn);
    expect(next.answer.short).toBe(false);
    expect(next.answer.answer).not.toBe('SAA pro-Regime forces');
    expect(next.turn.expanded).toBe('who leads it? What is HTS?');
  });
});
