import { describe, expect, it } from 'vitest';
import { plainArticle as art } from '../support/plain-article.ts';
import { comingDateTest, eventSlotTest } from '../../src/engine/event-slot.ts';
import { terms } from '../../src/engine/text.ts';
import { Engine } from '../../src/engine/engine.ts';
import { UNSURE_BELOW } from '../../src/engine/answer-question.ts';


describe('a date set right after the verb asked', () => {
  const test = eventSlotTest('when did ann lister die', 'when', new Set(terms('die')), new Set(terms('ann lister')))!;

  it('reads the date after the verb with the name just before it', () => {
    expect(test('The producer said that Lister, who died in 2001, would have been delighted.')).toBe('2001');
    expect(test('Ann Lister died on 4 May at her home.')).toBe('4 May');
  });

  it('reads past an apposition set off by commas, and past one phrase of cause before the date', () => {
    expect(test('Lister, widely considered one of the best singers of her era, died of a drug overdose in 1970 at the age of 27.')).toBe('1970');
    // (a second clause before the date is another event's)
    expect(test('Lister, the band\'s singer, died and the band split up in 1970.')).toBeNull();
    expect(test('Lister said she had died of embarrassment when the band played Marlow in 1970.')).toBeNull();
  });

  it('reads the date after the verb and the word asked as its object, the name asked anywhere in the sentence', () => {
    const launch = eventSlotTest('when did kestrel launch the lark', 'when', new Set(terms('launch lark')), new Set(terms('kestrel')))!;
    expect(launch('Kestrel, which opened its online store in 2003 after launching the Lark in 2001, sells songs.')).toBe('2001');
    expect(launch('Marlow, which opened a store in 2003 after launching the Lark in 2001, sells songs.')).toBeNull();
  });

  it('takes no date beside the name alone, nor the verb without the name', () => {
    expect(test("The late Ann Lister's original 1977 scripts became books.")).toBeNull();
    expect(test('Her brother died in 1990.')).toBeNull();
  });

  it('needs every word asked after the name, not one of them; words before the name only describe it', () => {
    const became = eventSlotTest('when did ann lister become prime minister', 'when', new Set(terms('become prime minister')), new Set(terms('ann lister')))!;
    expect(became("Ann Lister faces her first prime minister's questions of 2005 on Wednesday.")).toBeNull();
    expect(became('Ann Lister became prime minister in 1997.')).toBe('1997');
    const described = eventSlotTest('when did sound engineer ann lister die', 'when', new Set(terms('sound engineer die')), new Set(terms('ann lister')))!;
    expect(described('Lister, who died in 1994, built the studio.')).toBe('1994');
  });

  it('reads a question naming no one as about its first word, and no verb joined to a noun', () => {
    const hit = eventSlotTest('when did the flood hit', 'when', new Set(terms('flood hit')), new Set())!;
    expect(hit('Shares have risen steadily since the flood hit on 26 December.')).toBe('26 December');
    expect(hit('The minister hopes to announce aid for flood-hit towns later on Friday.')).toBeNull();
    expect(eventSlotTest('when did it end', 'when', new Set(terms('end')), new Set())).toBeNull();
  });

  it('asks nothing of other questions', () => {
    expect(eventSlotTest('who did ann lister meet', 'who', new Set(terms('meet')), new Set(terms('ann lister')))).toBeNull();
    expect(eventSlotTest('when is the final', 'when', new Set(terms('final')), new Set())).toBeNull();
  });
});

describe('answering when something happened', () => {
  it('chooses the sentence with the event over one naming the person beside another date, and vouches for it', () => {
    const engine = new Engine([
      art('d1', 'Ann Lister film to be made', 'The late Ann Lister\'s original 1977 scripts were found after her death. The producer said that Lister, who died in 2001, would have been delighted.'),
      art('d2', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('When did Ann Lister die?').answer;
    expect(a.answer).toBe('2001');
    expect(a.confidence).toBeGreaterThanOrEqual(UNSURE_BELOW);
  });
});

describe('answering when something named by no name happened', () => {
  it('takes the date of the event over one told beside the same words joined into a noun', () => {
    const engine = new Engine([
      art('f1', 'Flood aid deal due', 'The minister has said he hopes to announce aid for flood-hit towns later on Friday.'),
      art('f2', 'Marlow shares recover', 'Marlow shares have risen steadily since the flood hit on 26 December.'),
      art('f3', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('when did the flood hit').answer;
    expect(a.answer).toBe('26 December');
    expect(a.short).toBe(true);
  });
});

describe('a when-question about something coming', () => {
  it('is not answered by a year told in the past, nor by "last year"', () => {
    const engine = new Engine([
      art('r1', 'Wren yet to answer call', "Ann Wren was world cross-country champion in 2001 and 2002 but missed last year's event because of injury."),
      art('r2', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    const a = engine.ask("when's the world cross country champs").answer;
    expect(a.short).toBe(false);
  });
});

describe('the date a sentence schedules a coming event for', () => {
  const test = comingDateTest('when are the kestrels', 'when', new Set(terms('kestrels')))!;

  it('reads the date after the word that schedules the event named just before it', () => {
    expect(test('The main Kestrel ceremony will be held in Marlow on 27 February.')).toBe('27 February');
    expect(test('The Wren prizes will take place on 16 January, with the Kestrels following on 27 February.')).toBe('27 February');
  });

  it('takes no date of something else beside the name, nor one told as past', () => {
    expect(test("Ann Lister is due to attend this year's Kestrel nominees luncheon on Monday.")).toBeNull();
    expect(test('Turnout fell in the last Kestrel awards held in 2001.')).toBeNull();
  });

  it('reads "what date / day is X" as asking when X is coming', () => {
    const dated = comingDateTest('what date are the kestrels on this year', 'when', new Set(terms('kestrels')))!;
    expect(dated('The main Kestrel ceremony will be held in Marlow on 27 February.')).toBe('27 February');
  });

  it('asks nothing of questions about the past or of other types', () => {
    expect(comingDateTest('when did the kestrels start', 'when', new Set(terms('kestrels start')))).toBeNull();
    expect(comingDateTest('where are the kestrels', 'where', new Set(terms('kestrels')))).toBeNull();
  });
});

describe('answering when something coming is', () => {
  it('quotes the sentence scheduling it, not a date of the last one nor of something beside it, and vouches for it', () => {
    const engine = new Engine([
      art('k1', 'Stars gather for Kestrel lunch', "Ann Lister and Tom Wren are due to attend this year's Kestrel nominees luncheon on Monday."),
      art('k2', 'Kestrel turnout worry', 'Organisers want more voters than at the last Kestrel awards in 2001.'),
      art('k3', 'Hundreds vie for Kestrel', 'Hundreds of films are eligible. The main Kestrel ceremony will be held in Marlow on 27 February.'),
      art('k4', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('when are the kestrels').answer;
    expect(a.answer).toBe('27 February');
    expect(a.short).toBe(true);
  });
});
