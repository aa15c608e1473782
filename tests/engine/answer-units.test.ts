import { describe, expect, it } from 'vitest';
import { ageBeside, ageNamed, ageOfAnother, changeAsked, countedPart, countedThing, countsThing, isQuantityOf, nounCounted, nounMeasured, otherDirection, otherRate, quantityAsked, rateAsked } from '../../src/engine/answer-units.ts';
import { terms } from '../../src/engine/text.ts';
import { truecaseQuestion } from '../../src/engine/truecase.ts';
import { classifyQuestion } from '../../src/engine/question-analysis.ts';
import { collectCandidates, hasCandidate } from '../../src/engine/span-candidates.ts';
import { chooseSpan } from '../../src/engine/extract-span.ts';
import { Engine } from '../../src/engine/engine.ts';
import { plainArticle } from '../support/plain-article.ts';

/** Whether the first occurrence of `number` in the sentence is a quantity of the kinds asked. */
const quantity = (question: string, sentence: string, number: string) => {
  const start = sentence.indexOf(number);
  return isQuantityOf(quantityAsked(question) ?? [], sentence, start, start + number.length);
};

describe('the kind of quantity a number question asks for', () => {
  it('reads the way a change is asked, and a number told the other way', () => {
    expect(changeAsked('how much did kestrel shares rise')).toBe('up');
    expect(changeAsked('how much did profits fall')).toBe('down');
    expect(changeAsked('how much did profits change')).toBeNull();
    const s = 'Kestrel shares have risen since but fell $12.33 on Tuesday.';
    expect(otherDirection('up', s, s.indexOf('$12.33'))).toBe(true);
    expect(otherDirection('down', s, s.indexOf('$12.33'))).toBe(false);
    const engine = new Engine([plainArticle('g1', 'Kestrel shares fall', s), plainArticle('g2', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.')]);
    const a = engine.ask('how much did kestrel shares rise').answer;
    expect(a.short && a.answer).not.toBe('$12.33');
  });

  it('counts no age range, no day of a month, no voting age', () => {
    expect(quantity('how many people voted', '14% of people aged between 18 and 34 said they never voted.', '34')).toBe(false);
    expect(quantity('how many people voted', '14% of people aged between 18 and 34 said they never voted.', '18')).toBe(false);
    expect(quantity('how many people voted', 'People must register to vote in the election on 5 May.', '5')).toBe(false);
    expect(quantity('how many people voted', 'It prompted calls to lower the voting age to 16.', '16')).toBe(false);
    expect(quantity('how many people voted', 'Some 16 million people voted on 5 May.', '16 million')).toBe(true);
    expect(quantity('how many people live in london', 'He will perform live in London as part of a BBC Radio 2 special.', '2')).toBe(false);
    expect(quantity('how many fans were there', 'England were rampant 42-6 victors at Marlow.', '42-6')).toBe(false);
    expect(quantity('how many people work there', 'One of the next titles puts players in charge.', 'One')).toBe(false);
  });

  it('counts occasions for "how many times": "once", "three times", never "100 years"', () => {
    expect(quantityAsked('how many times have marlow won the cup')).toEqual(['times']);
    expect(quantityAsked('how many times bigger is it')).toBeNull();
    expect(quantity('how many times have marlow won the cup', 'Marlow have 100 years of history and have won the cup once.', '100 years')).toBe(false);
    expect(quantity('how many times have marlow won the cup', 'Marlow have 100 years of history and have won the cup once.', 'once')).toBe(true);
    expect(quantity('how many times did they fight', 'They fought three times in the century.', 'three')).toBe(true);
    expect(quantity('how many people came', 'He once said that 300 people came.', 'once')).toBe(false);
    const engine = new Engine([plainArticle('m1', 'Marlow history', 'Marlow have 100 years of history and have won the cup once, the chairman said.')]);
    const a = engine.ask('how many times have marlow won the cup').answer;
    expect(a.short && a.answer).not.toBe('100 years');
    expect(a.quote).toContain('won the cup once');
  });

  it('reads money, shares, ages, durations and distances from the question; any number otherwise', () => {
    expect(quantityAsked('How much did the club pay for the striker?')).toEqual(['money']);
    expect(quantityAsked('how much did profits rise')).toEqual(['money', 'percent']);
    expect(quantityAsked('What percentage of homes have broadband?')).toEqual(['percent']);
    expect(quantityAsked('How old is the minister?')).toEqual(['age']);
    expect(quantityAsked('what is the interest rate')).toEqual(['percent']);
    expect(quantityAsked('what was the budget for the film')).toEqual(['money']);
    expect(quantityAsked('what does the larkpod cost')).toEqual(['money']);
    expect(quantity('how many goals has wren scored', 'Wren averages 9.3 goals a season.', '9.3')).toBe(false);
    expect(quantity('how many people live there', 'Some 2.5 million people live there.', '2.5')).toBe(true);
    expect(quantityAsked("what's the club worth")).toEqual(['money']);
    expect(quantityAsked('what is the cost of living like')).toBeNull();
    expect(quantityAsked("what's the jobless rate in germany")).toEqual(['percent']);
    expect(quantityAsked('How long did the trial last?')).toEqual(['duration', 'distance']);
    expect(quantityAsked('How far is the stadium from the city?')).toEqual(['distance']);
    expect(quantityAsked('How many goals did he score?')).toEqual(['count']);
    expect(quantityAsked('How many years did he serve?')).toEqual(['duration']);
    expect(quantityAsked('what is the population of the city')).toEqual(['count']);
    expect(quantityAsked('What was the number of people at the rally?')).toEqual(['count']);
    expect(quantityAsked('What was the number of years he served?')).toEqual(['duration']);
    expect(quantity('what is the population of the city', 'The battle for the city (2012-16) ended.', '2012-16')).toBe(false);
    expect(quantity('what is the population of the city', 'The city is home to 2.1 million people.', '2.1 million')).toBe(true);
    expect(quantityAsked('How much snow fell?')).toBeNull();
    // an age bracket of a group is no count of it
    expect(quantity('what is the population of the city', 'People over 60 will make up 30% of the population.', 'over 60')).toBe(false);
    expect(quantity('how many people voted', 'Voters aged under 25 stayed at home.', '25')).toBe(false);
    expect(quantity('how many people voted', 'Over 60 people voted.', 'Over 60')).toBe(true);
  });

  it('reads a quantity named by its noun without "how much": growth, a stake, a profit, a deficit, an attendance', () => {
    expect(classifyQuestion('what growth does the bank forecast for next year')).toBe('number');
    expect(classifyQuestion('what stake does the fund hold in the club')).toBe('number');
    expect(classifyQuestion("what was the firm's operating profit for 2004")).toBe('number');
    expect(quantityAsked('what growth does the bank forecast for next year')).toEqual(['percent']);
    expect(quantityAsked('what stake does the fund hold in the club')).toEqual(['percent', 'money']);
    expect(quantityAsked("what was the firm's operating profit for 2004")).toEqual(['money']);
    expect(quantityAsked('what was the trade deficit in november')).toEqual(['money', 'percent']);
    expect(quantityAsked('what was the attendance at the final')).toEqual(['count']);
    expect(quantity('what growth figure does the survey give', 'The 2005 survey put growth at 3.1%.', '2005')).toBe(false);
    expect(quantity('what was the attendance at the final', 'They meet again in two weeks before a crowd of 40,000.', 'two weeks')).toBe(false);
    // "on one point" is no share: a point spelled out without "percentage"
    expect(quantity('what growth does the report forecast', 'On one point the report was clear.', 'one')).toBe(false);
    expect(quantity('what growth does the report forecast', 'Growth will slow by 0.5 points.', '0.5')).toBe(true);
    const engine = new Engine([plainArticle('g1', 'Brindle forecast', 'The Brindle Institute published its survey on Monday. It forecasts growth of 2.7% in the Brindle region next year.')]);
    const a = engine.ask('what growth does the brindle institute forecast for next year').answer;
    expect(a.short).toBe(true);
    expect(a.answer).toBe('2.7%');
  });

  it('finds the unit around a number', () => {
    expect(quantity('How much did it cost?', 'The stadium cost £390m to build.', '390')).toBe(true);
    expect(quantity('How much did it cost?', 'The deal cost 40 million dollars.', '40 million')).toBe(true);
    expect(quantity('How much did it cost?', 'The stadium holds 60,000 fans.', '60,000')).toBe(false);
    expect(quantity('How much did profits rise?', 'Profits rose 76% to $1.1bn.', '76')).toBe(true);
    expect(quantity('How old is Smith?', 'Smith, 34, joined in May.', '34')).toBe(true);
    expect(quantity('How old is Smith?', 'The 34-year-old joined in May.', '34')).toBe(true);
    expect(quantity('How old is Smith?', 'Smith scored 12 goals in May.', '12')).toBe(false);
    expect(quantity('How long did the trial last?', 'The trial lasted 14 weeks.', '14')).toBe(true);
    expect(quantity('How far did he run?', 'He ran 10 km on Sunday.', '10')).toBe(true);
    expect(quantity('How many people use broadband?', 'Coverage reaches beyond 6km.', '6')).toBe(false);
    expect(quantity('How many people use broadband?', 'More than 5 million people use broadband.', '5 million')).toBe(true);
  });

  it('a year is an age only as the date of a thing ("built in 1890"), not a season or a year beside a person', () => {
    expect(quantity('How old is the church?', 'The church, built in 1890, is to close.', '1890')).toBe(true);
    expect(quantity('How old are the graves?', 'The graves dating to 1338 were found.', '1338')).toBe(true);
    expect(quantity('How old is Smith?', 'Smith has been the club captain since the 2006/07 season.', '2006/07')).toBe(false);
    expect(quantity('How old is Smith?', 'Smith joined the club in 2006.', '2006')).toBe(false);
    expect(hasCandidate('how old is smith', 'Smith has scored 20 goals in the 2006/07 season.')).toBe(false);
  });

  it('a rank, a year, a time or a day of the month is no count for "how many"', () => {
    expect(quantity('How many goals did he score?', 'It was his 15th goal of the season.', '15')).toBe(false);
    expect(quantity('How many titles has the club won?', 'The club finished eighth in the league.', 'eighth')).toBe(false);
    expect(quantity('How many titles has the club won?', 'The club finished third in 2004.', 'third')).toBe(false);
    expect(quantity('How many fans attended?', 'The stadium opened in 2004 and was full.', '2004')).toBe(false);
    expect(quantity('How many fans attended?', 'The match kicked off at 10:30 on 12 May.', '10')).toBe(false);
    expect(quantity('How many fans attended?', 'The match was played on May 12 at the stadium.', '12')).toBe(false);
    expect(quantity('How many soldiers were sent?', 'The army sent 1500 soldiers to the border.', '1500')).toBe(true);
    expect(quantity('How many goals did he score?', 'He scored 12 goals in 2004.', '12')).toBe(true);
    expect(hasCandidate('How many goals did he score?', 'It was his 15th goal since 2004.')).toBe(false);
  });

  it('a number after a name inside the sentence names a model or a channel, and "over" inside a word is no "over"', () => {
    expect(quantity('How many jobs will be cut?', 'The firm plans to build the Falcon 25 in China.', '25')).toBe(false);
    expect(quantity('How many viewers watched?', 'The show moves to Channel 4 next year.', '4')).toBe(false);
    expect(quantity('How many people voted?', 'About 25 people voted, and 30 stayed away.', '25')).toBe(true);
    expect(quantity('How many jobs will be cut?', 'Some 2,000 jobs may be cut, the Financial Times reported.', '2,000')).toBe(true);
    expect(hasCandidate('How many jobs will be cut?', 'The firm plans to build the Falcon 25 in China.')).toBe(false);
  });

  it('"how many people" is no span of time ("30 days"); a question counting seasons asks for a span of time, one counting hundreds any number', () => {
    expect(quantity('how many people live in the town', 'The festival lasts 30 days.', '30')).toBe(false);
    expect(quantity('how many people live in the town', 'Some 30,000 people live there.', '30,000')).toBe(true);
    expect(quantityAsked('how many seasons did he play for the club')).toEqual(['duration']);
    expect(quantityAsked('how many hundred of years did the empire last')).toBeNull();
  });

  it('"how many weeks / miles / dollars" asks for a number told in that unit', () => {
    expect(quantityAsked('how many weeks does the tour last')).toEqual(['duration']);
    expect(quantity('how many weeks does the tour last', 'The tour runs for 11 weeks.', '11')).toBe(true);
    expect(quantity('how many weeks does the tour last', 'The tour sold 3,200 tickets.', '3,200')).toBe(false);
    expect(quantity('for how many years was the valley farmed', 'It was farmed for thousands of years.', 'thousands')).toBe(true);
    expect(quantityAsked('how many miles is the course')).toEqual(['distance']);
    expect(quantityAsked('how many years old is the bridge')).toBeNull();
  });

  it('a rate per something else than the question asks is no answer ("per passenger" for "a year")', () => {
    expect(rateAsked('how much does the scheme cost a year')).toBe('year');
    expect(rateAsked('how much does it cost annually')).toBe('year');
    expect(rateAsked('how much does it cost')).toBeNull();
    const text = 'That works out at £90 per passenger, or £7m a year in all.';
    expect(otherRate('year', text, text.indexOf('£90'), text.indexOf('£90') + 3)).toBe(true);
    expect(otherRate('year', text, text.indexOf('£7m'), text.indexOf('£7m') + 3)).toBe(false);
    expect(otherRate('year', 'It cost £5m.', 3, 6)).toBe(false);
  });

  it('reads only a unit of time after "a" as the rate asked ("a household" names who pays)', () => {
    expect(rateAsked('how much does a household pay a year')).toBe('year');
    expect(rateAsked('how much does a game cost')).toBeNull();
  });

  it('asks a share only of growth in the economy; "how quickly did they turn up" is still a time taken', () => {
    expect(quantityAsked('how quickly did prices rise')).toEqual(['percent', 'speed', 'duration']);
    expect(quantityAsked('how quickly did the firefighters turn up')).toEqual(['speed', 'duration']);
    expect(quantityAsked('how many per day are sold')).toBeNull();
    // "pounds" may be weight or money
    expect(quantityAsked('how many pounds did he lose')).toBeNull();
  });

  it('a year before a singular noun is its date ("the 1998 film"), before a plural a count ("1500 soldiers")', () => {
    expect(quantity('how many people complained', "The director's 1998 film drew crowds.", '1998')).toBe(false);
    expect(quantity('how many soldiers were sent', 'The king sent 1500 soldiers north.', '1500')).toBe(true);
  });

  it('"the 400m" is an athletics event, not how far someone jumped', () => {
    expect(quantity('how far did she jump', 'She won the long jump and the 400m on Tuesday.', '400m')).toBe(false);
    expect(quantity('how far did she jump', 'She jumped 6.50m to win the title.', '6.50m')).toBe(true);
  });

  it('a score ("at 1-1", "a 2-0 win") is no count, a range of people is', () => {
    expect(quantity('how many fans were there', 'The game was stopped with the score at 1-1.', '1-1')).toBe(false);
    expect(quantity('how many fans were there', 'They earned a 2-0 win at home.', '2-0')).toBe(false);
    expect(quantity('how many fans were there', 'Some 3-4 fans were hurt.', '3-4')).toBe(true);
  });

  it('"how much did the firm make" asks for money; "how much difference did it make" does not', () => {
    expect(quantityAsked('how much did the firm make last year')).toEqual(['money']);
    expect(quantityAsked('how much difference did it make')).toBeNull();
  });

  it('a set score between commas is no age ("6-3, 4-7, 6-2"); an age after a name is that name\'s ("Lucy, 36,")', () => {
    const t = 'He beat Smith 6-3, 4-7, 6-2 in the final.';
    expect(isQuantityOf(['age'], t, t.indexOf('4-7'), t.indexOf('4-7') + 3)).toBe(false);
    const u = 'Lucy, 36, tracked down Mr Pound after a long search.';
    const termsOf = (w: string) => [w.toLowerCase()];
    expect(ageBeside(u, u.indexOf('36'), u.indexOf('36') + 2, new Set(['pound']), termsOf)).toBe(false);
    expect(ageBeside(u, u.indexOf('36'), u.indexOf('36') + 2, new Set(['lucy']), termsOf)).toBe(true);
    // an age told of a relative not asked is the relative's
    const v = 'He died at home, 11 days after his wife Ann died aged 91.';
    expect(ageBeside(v, v.indexOf('91'), v.indexOf('91') + 2, new Set(['died', 'callow']), termsOf)).toBe(false);
    expect(ageBeside(v, v.indexOf('91'), v.indexOf('91') + 2, new Set(['died', 'wife']), termsOf)).toBe(true);
  });

  it('"the fourth quarter" is a period of the year, not a share', () => {
    const text = 'Fourth quarter profits rose by a quarter.';
    expect(quantity('how much did profits rise', text, 'Fourth quarter')).toBe(false);
    expect(isQuantityOf(['percent'], text, text.lastIndexOf('a quarter'), text.lastIndexOf('a quarter') + 9)).toBe(true);
  });

  it('an engine reply does not vouch for "£90 per passenger" as a cost a year, but does as a cost per passenger', () => {
    const engine = new Engine([plainArticle('ferry', 'Ferry plan', 'The new ferry scheme will cost £90 per passenger, officials said on Monday.'), plainArticle('other', 'Other', 'The weather was cold in the north on Monday.')]);
    expect(engine.ask('how much will the new ferry scheme cost a year').answer.short).toBe(false);
    const perPassenger = engine.ask('how much will the new ferry scheme cost per passenger').answer;
    expect(perPassenger.short && perPassenger.answer).toBe('£90');
  });

  it('"how fast did X grow" asks for a rate of change: a share answers it, a year does not', () => {
    expect(quantityAsked('how fast did the economy grow last year')).toEqual(['percent', 'speed']);
    expect(quantity('how fast did the economy grow last year', 'The economy grew by 4.2% in 2010.', '4.2%')).toBe(true);
    expect(quantity('how fast did the economy grow last year', 'The economy grew by 4.2% in 2010.', '2010')).toBe(false);
    expect(quantityAsked('how fast is the new chip')).toEqual(['speed']);
  });

  it('"how fast" asks for a rate with its unit: a number of years is no speed', () => {
    expect(quantityAsked('how fast is the new chip')).toEqual(['speed']);
    expect(quantityAsked('What is the top speed of the car?')).toEqual(['speed']);
    expect(quantity('how fast is the new chip', 'The firms worked on the chip for three years.', 'three')).toBe(false);
    expect(quantity('how fast is the new chip', 'The chip runs at 3.8 GHz.', '3.8')).toBe(true);
    expect(quantity('how fast is the network', 'It carries one gigabit a second.', 'one')).toBe(true);
    expect(quantity('how fast can it go', 'It reaches 38mph on the flat.', '38')).toBe(true);
    expect(hasCandidate('how fast is the new chip', 'The firms worked on the chip for three years.')).toBe(false);
  });

  it('"how much is / are X" asks for its price', () => {
    expect(quantityAsked('how much are v festival tickets')).toEqual(['money']);
    expect(quantityAsked('how much is an ipod mini?')).toEqual(['money']);
    expect(quantityAsked('how much snow fell')).toBeNull();
    expect(quantityAsked('how much is left')).toBeNull();
    expect(quantity('how much are v festival tickets', 'Tickets go on sale on Friday 11 March.', '11')).toBe(false);
  });

  it('"how much did X offer" asks for money: a share price rise is no answer', () => {
    expect(quantityAsked('how much did glazer offer for the club')).toEqual(['money']);
    expect(quantity('how much did glazer offer for the club', 'Shares were up over 5% after the offer.', 'over 5%')).toBe(false);
    expect(quantity('how much did glazer offer for the club', 'The offer values the club at £800m.', '£800m')).toBe(true);
  });

  it('a sentence without a number of the asked kind holds no candidate of the asked-for type', () => {
    expect(hasCandidate('How old is Smith?', 'Smith scored 12 goals last season.')).toBe(false);
    expect(hasCandidate('How old is Smith?', 'Smith, 34, scored 12 goals last season.')).toBe(true);
    expect(hasCandidate('How many goals did Smith score?', 'Smith scored 12 goals last season.')).toBe(true);
    expect(hasCandidate('How many goals did Smith score?', 'Smith ran 12km last season.')).toBe(false);
  });
});

describe('a quantity of the wrong kind', () => {
  it('is never an answer: "how old" over sentences without an age — the corpus does not say; with one, the age', async () => {
    const { Engine } = await import('../../src/engine/engine.ts');
    const article = (id: string, title: string, text: string) => ({ id, title, text, date: null, url: null, source: null, origin: id });
    const engine = new Engine();
    engine.add([
      article('striker', 'Striker signs new deal', 'Tom Hale scored 12 goals for the club last season. Hale has signed a new three-year deal with the club.'),
      article('keeper', 'Keeper retires', 'Sam Reed, 38, has retired after 20 years in goal. Reed played 600 games for the club.'),
      article('weather', 'Rain on Friday', 'Rain is expected across the north on Friday.'),
    ]);
    const counted = engine.ask('How old is Tom Hale?').answer;
    expect(counted.answer).toBeNull();
    expect(counted.short).toBe(false);
    const aged = engine.ask('How old is Sam Reed?').answer;
    expect(aged.answer).toBe('38');
    expect(aged.short).toBe(true);
  });
});

describe('the span ranker prefers a number of the asked kind', () => {
  it('picks the age, the money or the count asked for over a closer number of another kind', async () => {
    const { chooseSpan } = await import('../../src/engine/extract-span.ts');
    expect(chooseSpan('How old is Sam Reed?', 'Reed played 600 games in 20 years for the club and, aged 38, has now retired.')?.text).toBe('38');
    expect(chooseSpan('how much did the stadium cost', 'The stadium, which holds 60,000 fans, cost £390m to build.')?.text).toBe('£390m');
    const goals = chooseSpan('How many goals did Hale score?', 'Hale scored his 15th goal of the season on Saturday, taking his tally to 21 goals.');
    expect(goals?.text).toBe('21');
    expect(goals?.evidence.kindMatch).toBe(1);
  });
});

describe('an age belongs to the name beside it', () => {
  it('is vouched for beside a word the question names, not as someone else\'s age in the same sentence', async () => {
    const { ageBeside } = await import('../../src/engine/answer-units.ts');
    const { terms } = await import('../../src/engine/text.ts');
    const beside = (sentence: string, age: string, asked: string[]) => {
      const at = sentence.indexOf(age);
      return ageBeside(sentence, at, at + age.length, new Set(asked.flatMap((w) => terms(w))), terms);
    };
    expect(beside('Sam Reed, 38, has retired after 20 years in goal.', '38', ['sam', 'reed'])).toBe(true);
    expect(beside('The 26-year-old will face stiff competition for those centre places from Tom Hale and Sam Reed.', '26', ['sam', 'reed'])).toBe(false);
    expect(beside('Graves dating to 1338 were found near the lake.', '1338', ['gravestones'])).toBe(true);
  });

  it('so "how old is X" over a sentence with another player\'s age is no short answer', async () => {
    const { Engine } = await import('../../src/engine/engine.ts');
    const engine = new Engine([
      { id: 'centres', title: 'Centres named for tour', text: 'The 26-year-old Mark Lane will face stiff competition for the centre places from Tom Hale and Sam Reed on the tour this summer.', date: null, url: null, source: null, origin: 'centres' },
    ]);
    const reply = engine.ask('how old is sam reed').answer;
    expect(reply.short).toBe(false);
    const lane = engine.ask('how old is mark lane').answer;
    expect(lane.answer).toBe('26');
    expect(lane.short).toBe(true);
  });

  it('a sentence opening with "The 22-year-old" tells the age of the one the sentences before lead with', async () => {
    const { Engine } = await import('../../src/engine/engine.ts');
    const engine = new Engine([
      {
        id: 'sprint', title: 'Kowalczyk turns to Marchetti', date: null, url: null, source: null, origin: 'sprint',
        text: 'Dariusz Kowalczyk has stepped up his preparations for the new season by taking advice from sprint icon Linus Marchetti.\n\nThe 22-year-old is set to compete at Marlow this weekend and will then race in Vale.',
      },
      {
        id: 'thumb', title: 'Ostrowski out of the cup', date: null, url: null, source: null, origin: 'thumb',
        text: 'Captain Piotr Ostrowski will miss the rest of the cup because of injury.\n\n"Stefan Wierzbicki and the whole squad will miss him," said the coach.\n\nBut the Marlow full-back pulled out of the squad on Wednesday with a torn ligament.\n\nThe 30-year-old will undergo an operation on Friday.',
      },
    ]);
    const icon = engine.ask('how old is linus marchetti').answer;
    expect(icon.short && icon.answer === '22').toBe(false);
    const sprinter = engine.ask('how old is dariusz kowalczyk').answer;
    expect(sprinter.answer).toBe('22');
    expect(sprinter.short).toBe(true);
    // (a quote and a sentence whose subject names no one pass the look back to the sentence naming him)
    const captain = engine.ask('how old is piotr ostrowski').answer;
    expect(captain.answer).toBe('30');
    expect(captain.short).toBe(true);
  });
});

describe('a price asked without "how much"', () => {
  it('is answered by money, never by other words of the sentence', () => {
    const engine = new Engine([
      plainArticle('m1', 'Larkpod gets warm welcome', 'Mr Evans said the combination of low cost, small size and huge numbers of Larkpod users could make it a big success.'),
      plainArticle('m2', 'Larkpod prices', 'The new Larkpod costs $99 and went on sale on Tuesday.'),
    ]);
    const a = engine.ask('what does the larkpod cost').answer;
    expect(a.answer).not.toBe('small size and huge numbers');
    expect(a.quote).toContain('$99');
  });
});

describe('the things a count counts', () => {
  it('reads the counted noun past its modifiers, in the question and after a number', () => {
    expect(countedThing('how many idle farms did they find')).toBe('farms');
    expect(countedThing('how many more marlow people will leave')).toBe('people');
    expect(countedThing('how many were hurt')).toBeNull();
    expect(nounCounted('He will play just two songs at the show.', 'He will play just two'.length)).toBe('songs');
    expect(nounCounted('Some 2,000 broadband users were asked.', 'Some 2,000'.length)).toBe('users');
    expect(nounCounted('Of those, 50 were hurt.', 'Of those, 50'.length)).toBeNull();
  });

  it('never vouches for a count of other things than asked', () => {
    const engine = new Engine([
      plainArticle('g1', 'Wren secret gig venue revealed', 'The US star Ann Wren will play just two songs at a night showcasing her label Shady Records at the Marlow Academy.'),
      plainArticle('g2', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('how many people can see ann wren at the marlow academy').answer;
    expect(a.short).toBe(false);
  });

  it('vouches for a count of the things asked or near them', () => {
    const engine = new Engine([
      plainArticle('g1', 'Wren gig sells out', 'Some 2,500 fans packed into the Marlow Academy to see Ann Wren play on Saturday.'),
      plainArticle('g2', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('how many people saw ann wren at the marlow academy').answer;
    expect(a.short && a.answer).toContain('2,500');
  });
});

describe('a count of a part the question does not name', () => {
  it('reads the part after the counted noun', () => {
    const s = 'At least three people from Marlow died in the flood.';
    expect(countedPart(s, 'At least three'.length)).toBe('Marlow');
    expect(countedPart('Some 40 jobs will go, the firm said.', 'Some 40'.length)).toBeNull();
  });

  it('is no bold answer and no sure one', () => {
    const engine = new Engine([
      plainArticle('p1', 'Marlow details flood toll', 'At least three people from Marlow died in the Kestrel flood and a further three are missing, the mayor said.'),
      plainArticle('p2', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('how many people died in the kestrel flood').answer;
    expect(a.short).toBe(false);
    expect(engine.ask('how many people from marlow died in the kestrel flood').answer.short).toBe(true);
  });
});

describe('countsThing', () => {
  it('finds a number right before the plural asked', () => {
    expect(countsThing('The game has sold more than five million copies worldwide.', 'copies', terms)).toBe(true);
    expect(countsThing('The game dropped one place to five.', 'copies', terms)).toBe(false);
    expect(countsThing('It sold 2,000 copies.', 'copies', terms)).toBe(true);
  });
});

describe('a score read as a count', () => {
  it('is no count of goals when the score puts a side ahead', () => {
    expect(isQuantityOf(['count'], 'The goal put Arsenal 2-1 ahead.', 'The goal put Arsenal '.length, 'The goal put Arsenal 2-1'.length)).toBe(false);
    expect(isQuantityOf(['count'], 'Between 2-3 people were hurt.', 'Between '.length, 'Between 2-3'.length)).toBe(true);
  });
});

describe('nounMeasured', () => {
  it('reads the singular noun a figure measures, never a verb or a plural', () => {
    expect(nounMeasured('and has a 6,932 majority.', 'and has a 6,932'.length)).toBe('majority');
    expect(nounMeasured('about 500 died in the floods', 'about 500'.length)).toBe(null);
    expect(nounMeasured('some 40 jobs will go', 'some 40'.length)).toBe(null);
  });

  it('keeps a count of another thing from being the bold answer to "how many"', () => {
    const engine = new Engine([
      plainArticle('s1', 'Marlow seat race', "Labour's Anna Lister won the seat in 1997 and has a 6,932 majority."),
      plainArticle('s2', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    expect(engine.ask('how many seats did labour win in marlow').answer.short).toBe(false);
  });
});

describe('a score asked', () => {
  it('is a game\'s score, two numbers joined by a dash', () => {
    expect(quantityAsked('what was the score in the ireland england game')).toEqual(['score']);
    expect(quantityAsked("whats the final score")).toEqual(['score']);
    expect(isQuantityOf(['score'], 'a 19-13 victory', 2, 7)).toBe(true);
    expect(isQuantityOf(['score'], 'the 2004-05 season', 4, 11)).toBe(false);
  });
});

describe('"how much would X save"', () => {
  it('asks money, so a count ("162 quangos") is no answer', () => {
    expect(quantityAsked('how much do the conservatives reckon getting rid of the quangos would save')).toEqual(['money']);
  });
});

describe('quantities asked in chat (lead20)', () => {
  it('reads "how much time" as a time, whatever the verb', () => {
    expect(quantityAsked('how much time does the new gearbox save per lap')).toEqual(['duration']);
  });
  it('reads "how much jail time" as a time, but not "how much did time warner …"', () => {
    expect(quantityAsked('how much jail time could he get')).toEqual(['duration']);
    expect(quantityAsked('how much did time warner profits rise')).toEqual(['money', 'percent']);
  });
  it('reads "how much of" the debts as a share or an amount', () => {
    expect(quantityAsked("how much of larkland's debt did the club write off")).toEqual(['money', 'percent']);
  });
  it('reads "how far above normal" as a margin of any unit, not a distance', () => {
    expect(quantityAsked('how far above normal is heating oil demand this week')).toBeNull();
    expect(quantityAsked('how far did she jump')).toEqual(['distance']);
  });
  it('reads "by how much … smaller" as a difference: money or a share, any number when nothing economic is named', () => {
    expect(quantityAsked('by how much were larkshell profits smaller than forecast')).toEqual(['money', 'percent']);
    expect(quantityAsked("by how much were larkshell's reserves smaller than they'd said")).toBeNull();
  });
});

describe('quantities told in words a number joins (lead25)', () => {
  const numbers = (s: string) => collectCandidates('number', s).map((c) => c.text);

  it('reads a number word hyphen-joined to its unit as that quantity ("a three-day closure"), not an age', () => {
    expect(numbers('The first session since a three-day market closure.')).toContain('three-day');
    expect(quantity('how long was the market shut', 'The first session since a three-day market closure.', 'three-day')).toBe(true);
    expect(quantity('how many goals did hale get', 'Boss Tom Reyes praised two-goal striker Jo Hale.', 'two-goal')).toBe(true);
    expect(numbers('The three-year-old colt won.')).not.toContain('three-year');
  });

  it('reads "a decade" as a span of time', () => {
    expect(numbers('Marlow has been waiting for a decade to join.')).toContain('a decade');
    expect(quantity('how long has marlow been waiting', 'Marlow has been waiting for a decade to join.', 'a decade')).toBe(true);
  });

  it('reads a ban in games as a time, but a number of games as a count', () => {
    expect(quantity('how long was hale banned', 'Hale got a three-game ban for the foul.', 'three-game')).toBe(true);
    expect(quantity('how long did they work together', 'Hale won 121 of his 147 matches with Reyes.', '147')).toBe(false);
    expect(quantity('how many games was reyes in charge', 'Reyes was in charge for just 13 games.', '13')).toBe(true);
  });

  it('reads how fast a deed went as a speed or the time it took, and "how many yrs" as a time', () => {
    expect(quantityAsked('how fast did the festival tickets sell out')).toEqual(['speed', 'duration']);
    expect(quantityAsked('how fast is the new chip')).toEqual(['speed']);
    expect(quantityAsked('how many yrs has he been there')).toEqual(['duration']);
  });

  it('reads "how high / how far" of money or a market as a sum or a share, and "how much more" as a change', () => {
    expect(quantityAsked('how high is the deficit expected to peak')).toEqual(['money', 'percent']);
    expect(quantityAsked('how far did kestrel shares fall')).toEqual(['money', 'percent']);
    expect(quantityAsked('how high is the tower')).toEqual(['distance']);
    expect(quantityAsked('how much more is marlow paying for gas')).toEqual(['money', 'percent']);
  });

  it('never answers "how much" with a span of time, which it does not ask', () => {
    const s = 'In 2001 it put $300m into a three-year Linux programme.';
    expect(hasCandidate('how much did kestrel put into linux', 'It began a three-year Linux programme.')).toBe(false);
    expect(chooseSpan('how much did kestrel put into linux', s)?.text).toBe('$300m');
  });
});

describe('an age told around the one asked (lead25)', () => {
  const named = new Set(terms('Reyes'));

  it('reads an obituary\'s "has died … aged 70" as the age of the one the sentence opens with, never an age at an event', () => {
    const s = 'Tom Reyes, co-writer of the hit Ring Road, has died of heart failure aged 70.';
    expect(ageNamed(s, named, terms)).toBe('70');
    expect(ageNamed(s, named, terms, false, true)).toBeNull();
    expect(ageNamed('Jo Hale, who worked with Tom Reyes, has died aged 70.', named, terms)).toBeNull();
  });

  it('reads a description set with its age in a story about the one asked ("the England international, 24,")', () => {
    expect(ageNamed('The England international, 24, was hurt on Sunday.', named, terms, true)).toBe('24');
    expect(ageNamed('The England international, 24, was hurt on Sunday.', named, terms, false)).toBeNull();
    expect(ageNamed('The 31-year-old former France international gave his last press conference.', named, terms, true)).toBe('31');
  });

  it('reads "… to replace the 32-year-old." as the described one, but not a speaker ("said the 23-year-old.")', () => {
    expect(ageNamed('England will struggle to replace the 32-year-old.', named, terms, true)).toBe('32');
    expect(ageNamed('"Bring it on," said the 23-year-old.', named, terms, true)).toBeNull();
  });

  it('takes "X says Y has …" to tell of Y: the age described next is not X\'s', () => {
    const sentences = ['Coach Tom Reyes says Jo Hale has what it takes.', 'The 21-year-old winger is the only new player in the squad.'];
    expect(ageOfAnother((i) => sentences[i], 1, named, terms, (run) => run.length >= 2)).toBe(true);
    expect(ageOfAnother((i) => sentences[i], 1, new Set(terms('Hale')), terms, (run) => run.length >= 2)).toBe(false);
  });

  it('reads an Irish name typed in lower case as the name ("o\'sullivan")', () => {
    const engine = new Engine([plainArticle('os', "O'Hara could run in Paris", "Kate O'Hara has said she would like to run in Paris. Her coach hinted that the 35-year-old Cobh runner may be picked.")]);
    expect(truecaseQuestion("how old is kate o'hara", ["Kate O'Hara has said she would like to run. O'Hara won."])).toContain("O'Hara");
    expect(engine.ask("how old is kate o'hara").answer.answer).toBe('35');
  });
});

describe('a share asked by its sign or by what is owned (lead25)', () => {
  it('reads "what % of" as a share asked, a number question', () => {
    expect(quantityAsked('what % of voters backed the plan')).toEqual(['percent']);
    expect(classifyQuestion('what % of voters backed the plan')).toBe('number');
    expect(quantityAsked('how many % voted yes')).toEqual(['percent']);
  });

  it('reads "how much of X does Y own" as a stake, a share', () => {
    expect(quantityAsked('how much of kessel does marlow own')).toEqual(['percent']);
    expect(quantityAsked('how much of the cake did he eat')).toBeNull();
  });
});

describe('a weight asked', () => {
  it('is asked by "how heavy", "weigh" and "weight", and answered only by a number in a unit of weight', () => {
    expect(quantityAsked('how heavy is lewis-francis these days')).toEqual(['weight']);
    expect(quantityAsked('how much does the mac mini weigh')).toEqual(['weight']);
    expect(quantityAsked('what does an oscar statuette weigh')).toEqual(['weight']);
    expect(quantityAsked('how much weight did spurlock put on')).toEqual(['weight']);
    const s = 'Last year I was 91kg, now I am 86.9kg, and the robot was born five years ago.';
    expect(isQuantityOf(['weight'], s, s.indexOf('86.9kg'), s.indexOf('86.9kg') + 6)).toBe(true);
    expect(isQuantityOf(['weight'], s, s.indexOf('five'), s.indexOf('five') + 4)).toBe(false);
  });

  it('leaves a reply on a sentence with no weight to say the corpus does not say', () => {
    const engine = new Engine([
      { id: 'r1', title: 'Robot grows up', text: 'Honda\'s robot Asimo was "born" five years ago and has since learned to run.', date: null, url: null, source: null, origin: 'r1' },
      { id: 'r2', title: 'Harbour reopens', text: 'The harbour at Ashby reopened on Friday after repairs.', date: null, url: null, source: null, origin: 'r2' },
    ]);
    expect(engine.ask('how heavy is asimo now').answer.answer).toBeNull();
  });
});

describe('a race time asked', () => {
  it('asks a duration of a race ("whats X\'s winning time"), never a clock time or a spell somewhere', () => {
    for (const q of ["whats leonard scott's winning time", 'what was mcilroy\'s time in the aaa indoor 800', 'whats kelly holmes time in the glasgow 1500m', "whats gebrselassie's indoor two mile record time"]) {
      expect(classifyQuestion(q)).toBe('number');
      expect(quantityAsked(q)).toEqual(['duration']);
    }
    expect(classifyQuestion('what time does the match kick off')).toBe('when');
    expect(classifyQuestion('what was his time at chelsea like')).not.toBe('number');
    expect(classifyQuestion('what is this time')).not.toBe('number');
  });

  it('reads a time in clipped units as a duration ("6.46secs", "2 hrs")', () => {
    const s = 'Scott, who won in 6.46secs, was happy.';
    expect(isQuantityOf(['duration'], s, s.indexOf('6.46'), s.indexOf('6.46') + 4)).toBe(true);
  });

  it('quotes the sentence that tells the time, and says the corpus does not say when none does', () => {
    const engine = new Engine([
      { id: 'g1', title: 'Holmes wins in Glasgow', text: "Britain's Kelly Holmes marked her first appearance on home soil with 1500m victory at the Norwich Union International. Holmes hit the front just before the bell and cruised to victory in a time of four minutes 14.74 seconds.", date: null, url: null, source: null, origin: 'g1' },
      { id: 'g2', title: 'Yelling wins again', text: 'European cross-country champion Hayley Yelling completed a hat-trick of wins in the Cardiff Cross Challenge on Sunday afternoon.', date: null, url: null, source: null, origin: 'g2' },
      { id: 'g3', title: 'Harbour reopens', text: 'The harbour at Ashby reopened on Friday after repairs.', date: null, url: null, source: null, origin: 'g3' },
    ]);
    expect(engine.ask('whats kelly holmes time in the glasgow 1500m').answer.quote).toContain('14.74 seconds');
    expect(engine.ask("what was yelling's winning time in cardiff").answer.answer).toBeNull();
  });
});

describe('a price asked by what a thing went for', () => {
  it('asks money: "how much did X go for", "how much is X expected to go for"', () => {
    expect(quantityAsked('how much did the omai painting go for at auction')).toEqual(['money']);
    expect(quantityAsked('how much is the bank of alexandria expected to go for')).toEqual(['money']);
  });
});

describe('a place in a chart asked by "how high"', () => {
  it('asks any number (a rank, "number four"), not a height', () => {
    expect(quantityAsked('how high did korns untouchables album get in the uk')).toBeNull();
    expect(quantityAsked('how high did the single go in the charts')).toBeNull();
    expect(quantityAsked('how high can the robot jump')).toEqual(['distance']);
  });
});

describe('a share told as so many in so many', () => {
  it('is one span, and a share: "one in five loans"', () => {
    const s = 'Officially, one in five loans is not being repaid.';
    expect(collectCandidates('number', s).map((c) => c.text)).toContain('one in five');
    expect(isQuantityOf(['percent'], s, s.indexOf('one in five'), s.indexOf('one in five') + 11)).toBe(true);
    expect(isQuantityOf(['percent'], s, s.indexOf('one in five'), s.indexOf('one in five') + 3)).toBe(false);
  });

  it('is the short answer to a proportion asked', () => {
    const engine = new Engine([
      { id: 'l1', title: 'China bad loans', text: 'Officially, one in five loans is not being repaid, the banking regulator said on Monday.', date: null, url: null, source: null, origin: 'l1' },
      { id: 'l2', title: 'Harbour reopens', text: 'The harbour at Ashby reopened on Friday after repairs.', date: null, url: null, source: null, origin: 'l2' },
    ]);
    const reply = engine.ask("What proportion of loans in China aren't being repaid?").answer;
    expect(reply.short).toBe(true);
    expect(reply.answer).toBe('one in five');
  });
});

describe('occasions told as meetings or as the nth time', () => {
  it('answers "how many times" by "nine of her previous meetings" and "for the 21st time"', () => {
    const a = 'Sylvia Farina Elia, who had lost all nine of her previous meetings with Williams, won 7-5 7-6.';
    expect(isQuantityOf(['times'], a, a.indexOf('nine'), a.indexOf('nine') + 4)).toBe(true);
    const b = 'The US blocked its application for the 21st time.';
    expect(isQuantityOf(['times'], b, b.indexOf('21st'), b.indexOf('21st') + 4)).toBe(true);
    const c = 'He scored nine goals in the season.';
    expect(isQuantityOf(['times'], c, c.indexOf('nine'), c.indexOf('nine') + 4)).toBe(false);
  });
});

describe('"number one" as a place in a chart', () => {
  it('asks a name ("which album is number one"), not a quantity; "the number of X" still asks one', () => {
    expect(classifyQuestion('Which album is number one in the album chart this week?')).not.toBe('number');
    expect(classifyQuestion('what was number two at the US box office?')).not.toBe('number');
    expect(classifyQuestion('what is the number of people')).toBe('number');
  });
});

describe('a race time asked by "what time did X run", and "own" as a verb only', () => {
  it('reads "what time did kronberg clock" as a race time and "what time does it start" as a clock time', () => {
    expect(classifyQuestion('what time did kronberg clock in madrid')).toBe('number');
    expect(quantityAsked('what time did radcliffe run in new york')).toEqual(['duration']);
    expect(classifyQuestion('what time does the match kick off')).toBe('when');
    expect(classifyQuestion('what time did the plane land')).toBe('when');
  });

  it('reads "how much of X does Y own" as a share, and "out of the directors own pockets" as no owning', () => {
    expect(quantityAsked('how much of ferrari does fiat own')).toEqual(['percent']);
    expect(quantityAsked('how much of the worldcom payout comes out of the directors own pockets')).not.toEqual(['percent']);
  });
});

describe('a level asked by "what is X at now"', () => {
  it('asks a number when a time word follows "at", never "what is he good at"', () => {
    expect(classifyQuestion("what's italian consumer confidence at now")).toBe('number');
    expect(classifyQuestion('what are uk interest rates at rn')).toBe('number');
    expect(classifyQuestion('what is he good at')).not.toBe('number');
  });
});

describe('the nth of a tally counts it so far', () => {
  it('reads "his 50th cap" as a count of caps, and "the 19th century" or "the 15th" as none', () => {
    const s = 'Ryan Giggs will captain Wales as he wins his 50th cap on Wednesday.';
    expect(isQuantityOf(['count'], s, s.indexOf('50th'), s.indexOf('50th') + 4)).toBe(true);
    const t = 'By the 19th century Harvard had emerged as the central establishment.';
    expect(isQuantityOf(['count'], t, t.indexOf('19th'), t.indexOf('19th') + 4)).toBe(false);
    const u = 'The match is on the 15th of May.';
    expect(isQuantityOf(['count'], u, u.indexOf('15th'), u.indexOf('15th') + 4)).toBe(false);
  });
});
