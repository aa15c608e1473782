import { describe, expect, it } from 'vitest';
import { comingForPast, hasCandidate, pastForComing } from '../../src/engine/span-candidates.ts';
import { timeUnitAsked } from '../../src/engine/answer-units.ts';
import { Engine } from '../../src/engine/engine.ts';
import { plainArticle } from '../support/plain-article.ts';

const at = (sentence: string, text: string) => ({ text, start: sentence.indexOf(text), kind: 'when' as const });

describe('a date told as past, for something asked as to come', () => {
  it('reads "by when … will" as asking what is to come', () => {
    expect(pastForComing('by when does the uk say it will spend 0.7% on aid')).not.toBeNull();
  });

  it('reads a year opening a clause as dating the clause after it ("points out that in 1970 the G8 … agreed")', () => {
    const test = pastForComing('by when does the uk say it will spend 0.7% on aid')!;
    const s = 'It also points out that in 1970 the G8 of top nations agreed to spend 0.7% of their incomes on aid.';
    expect(test(at(s, '1970'), s)).toBe(true);
    const coming = 'It also points out that in 2013 the UK will reach the target.';
    expect(test(at(coming, '2013'), coming)).toBe(false);
  });
});

describe('a date told as to come, for a deed asked as done', () => {
  it('is one its clause sets ahead ("ahead of the final on Saturday", "is due … at the end of January")', () => {
    const test = comingForPast('when did the kestrels win the cup')!;
    const s = 'Their director is confident ahead of the Marlow Cup final against Rovers on Saturday in Lusaka.';
    expect(test(at(s, 'Saturday'), s)).toBe(true);
    const due = 'Following his inauguration, Mr Lark is due in Europe at the end of January.';
    expect(test(at(due, 'January'), due)).toBe(true);
    const done = 'The Kestrels won the cup on Saturday in Lusaka.';
    expect(test(at(done, 'Saturday'), done)).toBe(false);
  });
});

describe('"May" the month', () => {
  it('is a date after "in" or before "\'s" or a day, not the word "may"', () => {
    expect(hasCandidate('when did ann lister last play for kestrels', "Lister last played for Kestrels as a substitute in May's cup final.")).toBe(true);
    expect(hasCandidate('when is the election', 'The election is expected on 5 May.')).toBe(true);
    expect(hasCandidate('when did ann lister last play for kestrels', 'Lister May return for Kestrels, the coach said.')).toBe(false);
  });
});

describe('a date only meant, for a deed asked as done', () => {
  it('is one the clause gives as intended ("was intended to be released in 2001")', () => {
    const test = comingForPast('when was marlow bay released')!;
    const s = 'The Larks box set was intended to be released in 2001, to mark the 10th anniversary of the album Marlow Bay.';
    expect(test(at(s, '2001'), s)).toBe(true);
  });
});

describe('a year set before a noun', () => {
  it('dates that thing, not something to come ("the original 1977 Star Wars film")', () => {
    const test = pastForComing('when does revenge of the larks open')!;
    const s = 'Revenge of the Larks - the third prequel to the original 1977 Larks film - tells how the hero falls.';
    expect(test(at(s, '1977'), s)).toBe(true);
    const coming = 'Revenge of the Larks opens in 2005 in the UK.';
    expect(test(at(coming, '2005'), coming)).toBe(false);
  });
});

describe('any date told as done, for "when is / will"', () => {
  it('is another time ("Mr Lark, elected president in January" for "when is parliament voting")', () => {
    const test = pastForComing('when is the marlow parliament voting on the amnesty')!;
    const s = 'Mr Lark, elected president in January after Mr Reed was toppled, has urged parliament to approve the amnesty.';
    expect(test(at(s, 'January'), s)).toBe(true);
    // ("when does …" is asked of done things too: a day told as done stays)
    const chat = pastForComing('when does the lark console go on sale in japan')!;
    const d = 'The Lark console went on sale in Japan on 2 December.';
    expect(chat(at(d, '2 December'), d)).toBe(false);
  });
});

describe('a past date beside a month, "back in", or set before a noun, for something to come', () => {
  const test = pastForComing('when do the kestrels play marlow')!;
  it('reads "the previous encounter back in June 1984" as past, whichever part of the date is taken', () => {
    const s = 'The 29 March game will be the second time they have met - the previous encounter back in June 1984 ended 1-0.';
    expect(test(at(s, '1984'), s)).toBe(true);
    expect(test(at(s, 'June 1984'), s)).toBe(true);
    expect(test(at(s, '29 March'), s)).toBe(false);
  });
  it('reads a day set before a noun as naming that thing ("the September 11 attacks")', () => {
    const w = pastForComing('when is the kestrel bowl')!;
    const s = 'He was invited to perform at the first Kestrel Bowl after the September 11 attacks.';
    expect(w(at(s, 'September 11'), s)).toBe(true);
    const d = 'The Kestrel Bowl will be played on 6 February in Marlow.';
    expect(w(at(d, '6 February'), d)).toBe(false);
  });
});

describe('a date told as done with "has been", for something to come', () => {
  it('dates another time', () => {
    const test = pastForComing('when will blob appear in the dictionary')!;
    const s = 'The term "blob" has been chosen as the top word of 2004 by a dictionary publisher.';
    expect(test(at(s, '2004'), s)).toBe(true);
    const coming = 'The word will appear in the dictionary in 2005.';
    expect(test(at(coming, '2005'), coming)).toBe(false);
  });
});

describe('a year after an owner, set before a noun, for something to come', () => {
  it('dates that thing ("Eric Clapton\'s 1991 hit")', () => {
    const test = pastForComing("when's the lister and vale single out")!;
    const s = "Lister has teamed up with Tom Vale to record a version of Eric Clapton's 1991 hit Tears In Heaven.";
    expect(test(at(s, '1991'), s)).toBe(true);
  });
});

describe('a date in a condition, for a deed asked as done', () => {
  it('is not yet a date ("If Lark Song does reach number one on Sunday, …")', () => {
    const test = comingForPast('when did lark song first get to number one')!;
    const s = 'If Lark Song does reach number one on Sunday, it will be the 500th chart-topper.';
    expect(test(at(s, 'Sunday'), s)).toBe(true);
    // (a date in the main clause after a condition is told as it is)
    const main = 'As expected, Lark Song reached number one on Sunday.';
    expect(test(at(main, 'Sunday'), main)).toBe(false);
  });
});

describe('a year a founding is dated by, for something to come', () => {
  it('dates another time ("Established in 1981, the awards …")', () => {
    const test = pastForComing('when will vale and reed be handed their kestrel awards')!;
    const s = 'Established in 1981, the Kestrel Awards are presented every year to the best performers.';
    expect(test(at(s, '1981'), s)).toBe(true);
    const coming = 'Vale and Reed will be handed their awards in 2005.';
    expect(test(at(coming, '2005'), coming)).toBe(false);
  });
});

describe('a time told relative to the article\'s day (lead25)', () => {
  it('is quoted, never stated in bold ("next month" of a 2005 story dates nothing for a reader now)', () => {
    const engine = new Engine([plainArticle('rt', 'Kessel Act delayed', 'Thousands of public bodies are ill-prepared for the Kessel Act, due to come into force next month, say MPs.')]);
    const answer = engine.ask('when does the kessel act come into force').answer;
    expect(answer.quote).toMatch(/next month/);
    expect(answer.short).toBe(false);
  });

  it('reads "what date" as the day of a month, never a weekday alone', () => {
    expect(timeUnitAsked('what date is the kessel vote')).toBe('date');
    expect(timeUnitAsked('what day is the kessel vote')).toBe('day');
  });
});

describe('a date vouched for by its shape (lead25)', () => {
  it('is still of the unit asked, and never a time relative to the story\'s day', () => {
    const engine = new Engine([
      plainArticle('pe', 'Peel show gets new hosts', "The permanent replacement for late DJ Tom Hale's Radio Kessel show goes on air on Tuesday, with three hosts chosen."),
      plainArticle('lg', 'Singer fined over hotel fight', 'Singer Jo Marlow has been fined 50,000 euros after a fight in a German hotel two years ago.'),
    ]);
    expect(engine.ask('what time does the hale replacement show go out').answer.answer).not.toBe('on Tuesday');
    const fight = engine.ask('when was the marlow hotel fight').answer;
    expect(fight.short && fight.answer === 'two years ago').toBe(false);
  });
});
