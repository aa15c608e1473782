import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.ts';
import { plainArticle as art } from '../support/plain-article.ts';
import type { AnswerDraft } from '../../src/engine/answer-question.ts';
import { isName, mayBePerson, needsContext, resolveReference, subjectIn } from '../../src/engine/follow-up.ts';
import { chooseDraft, namesOf, nextTurn } from '../../src/engine/follow-up-state.ts';
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

describe('what a pronoun stands for', () => {
  const text = 'The singer Charlie Simpson took his new band Fightstar to the stage. "This was hard," 19-year-old Simpson said. The Assistive Mouse Adapter (AMA) is new. Ms Simonetti was fired by Delta.';

  it.each([
    ['which band did charlie simpson leave', 'Charlie Simpson'],
    ['what is fightstar', 'Fightstar'],
    ['who fired simonetti', 'Simonetti'],
  ])('%j is about %j as the article writes it', (question, subject) => expect(subjectIn(question, text)).toBe(subject));

  it.each([
    ['did charlie simpson join fightstar', 'two names: which one a pronoun means is unknown'],
    ['who built the mouse adapter', 'written only inside a longer name'],
    ['what did the band play', 'no name at all'],
    ['"This was hard"', 'a capital that opens a quote is no name'],
  ])('%j names no one subject (%s)', (question) => expect(subjectIn(question, text)).toBeNull());

  it('a possessive ends a name', () => {
    expect(subjectIn("what is michael douglas's india film called", 'Michael Douglas is to star in a film set in India by the actor Michael Douglas.')).toBeNull();
    expect(subjectIn("what is michael douglas's film called", 'The actor Michael Douglas is to star.')).toBe('Michael Douglas');
  });

  it('tells a name from a phrase, and a person from a place', () => {
    expect(isName('Olivier Rochus')).toBe(true);
    expect(isName('London-based')).toBe(false);
    expect(isName('6-4 6-4')).toBe(false);
    expect(mayBePerson('Olivier Rochus', '')).toBe(true);
    expect(mayBePerson('Simonetti', text)).toBe(true);
    expect(mayBePerson('Fightstar', text)).toBe(false);
  });

  it.each([
    ['who does he play next', { person: 'Olivier Rochus', subject: 'Auckland' }, 'who does Olivier Rochus play next'],
    ['how much have its sales fallen', { person: 'Carlos Ghosn', subject: 'Mitsubishi Motors' }, "how much have Mitsubishi Motors's sales fallen"],
    ['which seat is she mp for', { person: null, subject: 'Muslims' }, 'which seat is she mp for'],
  ])('reads %j with %j as %j', (question, names, expected) => expect(resolveReference(question, 'the previous question', names)).toBe(expected));
});

describe('the turn a follow-up leaves', () => {
  const text = 'Top seed Guillermo Coria lost to Olivier Rochus in Auckland. Coria said he was sad. Ms Blears spoke.';

  it('after "who …?" a "he" is the person answered; the subject is what the question named', () => {
    const turn = nextTurn('who beat coria', '', ['a'], { asked: 'who beat coria', shortAnswer: 'Olivier Rochus' });
    expect(namesOf(turn, text)).toEqual({ subject: 'Coria', person: 'Olivier Rochus' });
  });

  it('after "who is X?" a "she" is X, also when the article writes X after a possessive ("Marlow\'s Ann Lister")', () => {
    const turn = nextTurn('who is ann lister', '', ['a'], { asked: 'who is ann lister', shortAnswer: null });
    const names = namesOf(turn, "Seed Ivo Brandt and Marlow's Ann Lister, the youngest player in the draw, reached the second round.");
    expect(names).toEqual({ subject: 'Ann Lister', person: 'Ann Lister' });
    expect(resolveReference('how old is she', turn.question, names)).toBe('how old is Ann Lister');
  });

  it('after "what is …?" an "it" is the name answered', () => {
    const turn = nextTurn("what is india's biggest airline", '', ['a'], { asked: "what is india's biggest airline", shortAnswer: 'Jet Airways' });
    const names = namesOf(turn, 'Jet Airways, India’s biggest airline, grew.');
    expect(names).toEqual({ subject: 'Jet Airways', person: null });
    expect(resolveReference('who founded it', turn.question, names)).toBe('who founded Jet Airways');
  });

  it('a follow-up that names nothing keeps the names of the turn before; a new question does not', () => {
    const first = nextTurn('which party is blears in', '', ['a'], { asked: 'which party is blears in', shortAnswer: null });
    const names = namesOf(first, text);
    expect(names).toEqual({ subject: 'Blears', person: 'Blears' });
    const next = nextTurn('when?', first.expanded, ['a'], { asked: 'when?', shortAnswer: null, carried: names });
    expect(namesOf(next, text)).toEqual({ subject: 'Blears', person: 'Blears' });
    const unanswered = nextTurn('why?', first.expanded, ['a'], { shortAnswer: null, carried: names });
    expect(namesOf(unanswered, text)).toEqual({ subject: 'Blears', person: 'Blears' });
    const fresh = nextTurn('what is the score', '', ['a'], { asked: 'what is the score', shortAnswer: null });
    expect(namesOf(fresh, text)).toEqual({ subject: null, person: null });
  });
});

describe('chooseDraft', () => {
  const draft = (article: string, confidence: number, ownSupport = 1) => ({ entry: { article: { id: article } }, confidence, ownSupport }) as unknown as AnswerDraft;
  const previous = { question: 'how big a stake will turkcell get', expanded: 'how big a stake will turkcell get', articleIds: ['turkcell'] };

  it("keeps a follow-up in the conversation's story rather than answer from another, even when that says nothing", () => {
    const chosen = chooseDraft('how much is it worth', previous, (_q, context) => (context ? draft('turkcell', 0.1, 0.4) : draft('boeing', 0.9)));
    expect(chosen.draft?.entry.article.id).toBe('turkcell');
    expect(chosen.context).toBe(previous.expanded);
  });

  it('answers a question that stands on its own alone', () => {
    const chosen = chooseDraft('What is HTS?', previous, (_q, context) => (context ? draft('turkcell', 0.9) : draft('seed', 0.9)));
    expect(chosen).toMatchObject({ context: '', asked: 'What is HTS?' });
  });
});

describe('a follow-up whose pronoun stood for a name', () => {
  it('is not answered by a sentence about someone else when the corpus does not say it of that name', () => {
    const engine = new Engine([
      art('k1', 'Lister expects tough tie', 'Kestrel manager Ann Lister expects the cup clash with Marlow to be a fight to the finish.'),
      art('k2', 'Veteran signs for Kestrel', 'Tom Wren has signed a new deal. The 54-year-old then moved to Ashby in 1999, before joining Kestrel the following year.'),
      art('k4', 'Lister fined', "Kestrel boss Ann Lister has been fined for her touchline outburst during Sunday's cup final."),
      art('k3', 'Harbour reopens', 'The harbour at Wrenfield reopened on Friday after repairs.'),
    ]);
    const first = engine.ask('who is the kestrel manager');
    expect(first.answer.answer).toBe('Ann Lister');
    // asked alone, the question is anyone's: the veteran's move is an answer to it
    expect(engine.ask('when did she join kestrel').answer.answer).toBe('1999');
    expect(engine.ask('when did she join kestrel', first.turn).answer.answer).toBeNull();
  });
});
