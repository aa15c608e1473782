import { describe, expect, it } from 'vitest';
import { isTimeOf, timeUnitAsked } from '../../src/engine/answer-units.ts';
import { chooseSpan, scoreCandidates } from '../../src/engine/extract-span.ts';
import { hasCandidate } from '../../src/engine/span-candidates.ts';
import { classifyQuestion, organizationAsked } from '../../src/engine/question-analysis.ts';
import { Engine } from '../../src/engine/engine.ts';
import { plainArticle } from '../support/plain-article.ts';
import { SHORT_ABOVE, spanConfidenceOf, spanFeatures } from '../../src/engine/span-confidence.ts';

const candidate = (question: string, text: string, span: string) => scoreCandidates(question, text).scored.find((c) => c.text === span);
/** The span confidence the engine would give the chosen span at a high answer confidence. */
const vouched = (question: string, text: string) => {
  const choice = chooseSpan(question, text);
  const type = scoreCandidates(question, text).type;
  return choice ? spanConfidenceOf(spanFeatures(choice, type, 0.95, 1)) : 0;
};

describe('the unit of time a when-question asks for', () => {
  it('reads day, month, year, century and time of day from the question', () => {
    expect(timeUnitAsked('what day is the final')).toBe('day');
    expect(timeUnitAsked('On what date did the talks end?')).toBe('date');
    expect(timeUnitAsked('which month did the shop open')).toBe('month');
    expect(timeUnitAsked('In what year was the bridge built?')).toBe('year');
    expect(timeUnitAsked('What century was the castle built in?')).toBe('era');
    expect(timeUnitAsked('what time does the match start')).toBe('clock');
    expect(timeUnitAsked('At what time of day did the storm hit?')).toBe('clock');
    expect(timeUnitAsked('During what time did the forest shrink?')).toBeNull();
    expect(timeUnitAsked('What time frame does the war cover?')).toBeNull();
    expect(timeUnitAsked('When did the bridge open?')).toBeNull();
  });
  it('reads "what dates" and "the exact date" as days of a month, which a weekday or a month alone does not give', () => {
    expect(timeUnitAsked('what are the glastonbury dates')).toBe('date');
    expect(timeUnitAsked('what dates is the festival this year')).toBe('date');
    expect(timeUnitAsked("whats the exact date of the meeting")).toBe('date');
    expect(classifyQuestion('what are the festival dates')).toBe('when');
    expect(isTimeOf('date', '9 and 10 July')).toBe(true);
    expect(isTimeOf('date', '24-26 June')).toBe(true);
    expect(isTimeOf('date', 'Saturday')).toBe(false);
    expect(isTimeOf('date', 'July')).toBe(false);
    const engine = new Engine([plainArticle('f1', 'Marlow festival line-up', 'The Marlow festival will be held on 9 and 10 July. Tickets for the Marlow festival go on sale on Saturday.')]);
    const a = engine.ask('what dates is the marlow festival this year').answer;
    expect(a.answer).not.toBe('Saturday');
    expect(a.quote).toContain('9 and 10 July');
  });
  it('tells a time of the unit from one of another unit', () => {
    expect(isTimeOf('day', 'Tuesday')).toBe(true);
    expect(isTimeOf('day', 'March 3')).toBe(true);
    expect(isTimeOf('day', '3 March 1999')).toBe(true);
    expect(isTimeOf('day', '2002')).toBe(false);
    expect(isTimeOf('day', 'March 1999')).toBe(false);
    expect(isTimeOf('month', 'March 1999')).toBe(true);
    expect(isTimeOf('month', '2002')).toBe(false);
    expect(isTimeOf('month', 'last month')).toBe(false);
    expect(isTimeOf('day', 'yesterday')).toBe(false);
    expect(isTimeOf('year', '1999')).toBe(true);
    expect(isTimeOf('year', 'Tuesday')).toBe(false);
    expect(isTimeOf('era', '19th century')).toBe(true);
    expect(isTimeOf('era', 'the 1960s')).toBe(true);
    expect(isTimeOf('clock', '3pm')).toBe(true);
    expect(isTimeOf('clock', 'Monday')).toBe(false);
  });
});

describe('a span of another finer kind than asked', () => {
  it('never vouches for a bare year when a day is asked, and prefers the day', () => {
    const text = 'The band last played at the festival in 1998 and returns on Friday for a late set.';
    expect(candidate('what day does the band return', text, '1998')?.wrongKind).toBe(true);
    expect(chooseSpan('what day does the band return', text)?.text).toBe('Friday');
    const yearOnly = 'The band last played at the festival in 1998, the same year the stage was rebuilt.';
    expect(scoreCandidates('what day did the band play', yearOnly).scored.filter((c) => c.text === '1998').every((c) => c.wrongKind)).toBe(true);
    expect(chooseSpan('what day did the band play', yearOnly)?.text).not.toBe('1998');
    expect(vouched('what day did the band play', yearOnly)).toBe(0);
    // the same year answers "what year"
    expect(chooseSpan('what year did the band play', yearOnly)?.text).toBe('1998');
    expect(vouched('what year did the band play', yearOnly)).toBeGreaterThan(0);
  });
  it('finds a time of day for "what time"', () => {
    const text = 'The final kicks off at 3pm on Saturday at the new stadium.';
    expect(chooseSpan('what time does the final kick off', text)?.text).toBe('3pm');
  });
  it('reads "which team / company" as asking for an organisation', () => {
    expect(organizationAsked('which team won the cup')).toBe(true);
    expect(organizationAsked('What company bought the studio?')).toBe(true);
    expect(organizationAsked('which player won the cup')).toBe(false);
  });
  it('reads "who does X play / work for" and "who did X join" as asking for a side or an employer', () => {
    expect(organizationAsked('who does ivo brandt play for')).toBe(true);
    expect(organizationAsked('who did tom vale sign for')).toBe(true);
    expect(organizationAsked('who does ann lister work for')).toBe(true);
    expect(organizationAsked('who did vale join')).toBe(true);
    expect(organizationAsked('who did marlow sign')).toBe(false);
    expect(organizationAsked('who plays for marlow')).toBe(false);
  });
  it('never vouches for a person\'s name when a team is asked', () => {
    const text = 'Rovers beat the home side 2-0 in the replay against Peter Walsh\'s team at the park.';
    expect(candidate('which team won the replay', text, 'Peter Walsh')?.wrongKind).toBe(true);
    const lone = 'The replay was won by the side of manager Peter Walsh.';
    expect(scoreCandidates('which team won the replay', lone).scored.filter((c) => c.text === 'Peter Walsh').every((c) => c.wrongKind)).toBe(true);
    expect(chooseSpan('which team won the replay', lone)?.text).not.toBe('Peter Walsh');
    const only = 'Peter Walsh won it.';
    expect(chooseSpan('which team won', only)?.wrongKind).toBe(true);
    expect(vouched('which team won', only)).toBe(0);
    // a person's name is still an answer to "who"
    expect(candidate('who won the replay', lone, 'Peter Walsh')?.wrongKind).toBe(false);
    // a what-question with an organisation focus too, and a phrase a person's name leads
    const led = 'The director denied he had warned Peter Walsh the party could not win the vote.';
    expect(candidate('which party won the vote', led, 'Peter Walsh the party')?.wrongKind).toBe(true);
    expect(vouched('which party won the vote', led)).toBe(0);
    // a team's name is no person's
    const team = 'Grimsby Town beat the home side 2-0 in the replay.';
    expect(candidate('which team won the replay', team, 'Grimsby Town')?.wrongKind).toBe(false);
  });
});

describe('a person asked: an organisation is the wrong kind', () => {
  it('never vouches for a side\'s name when a player is asked', () => {
    const text = 'Leeds United won 1-0 thanks to a late goal.';
    expect(candidate('which player scored the winner', text, 'Leeds United')?.wrongKind).toBe(true);
    expect(vouched('which player scored the winner', text)).toBe(0);
    expect(candidate('who won the match', text, 'Leeds United')?.wrongKind).toBe(false);
  });
});

describe('a place asked: a titled person is the wrong kind', () => {
  it('never vouches for "singer X" when a country is asked', () => {
    const text = 'The next contest will be held in the capital after local singer Marta won last year.';
    expect(candidate('which country won the contest', text, 'Marta')?.wrongKind).toBe(true);
    expect(candidate('who won the contest', text, 'Marta')?.wrongKind).toBe(false);
  });
});

describe('a name headed by a thing or an event is no person or place', () => {
  it('never vouches for an award as who directed a film, nor a company as where', () => {
    const text = 'The film, directed by Anna Berg, won the Golden Reel Award at the festival.';
    expect(candidate('who directed the film', text, 'Golden Reel Award')?.wrongKind).toBe(true);
    expect(candidate('who directed the film', text, 'Anna Berg')?.wrongKind).toBe(false);
    expect(candidate('who gained control of the island after the war', 'Britain ceded the island to Spain after the Great Northern War.', 'Great Northern War')?.wrongKind).toBe(true);
    const firm = 'The trials are run by Tellus Limited across the region.';
    expect(scoreCandidates('where are the trials', firm).scored.filter((c) => /Limited/.test(c.text)).every((c) => c.wrongKind)).toBe(true);
  });
});

describe('a who-question asks the name, not the description before it', () => {
  it('answers with the name a description leads', () => {
    const text = 'The new library was designed by Danish architect Lars Holm in partnership with a local firm.';
    expect(chooseSpan('Who designed the new library?', text)?.text).toBe('Lars Holm');
  });
  it('keeps the description for "who is X"', () => {
    const text = 'Danish architect Lars Holm designed the new library.';
    expect(chooseSpan('Who is Lars Holm?', text)?.text).not.toBe('Lars Holm');
  });
  it('vouches for "who is X" only with what defines X, a title before the name ending at a verb', () => {
    expect(chooseSpan('who is Lars Holm', 'Danish architect Lars Holm designed the new library.')?.wrongKind).toBe(false);
    expect(chooseSpan('who is Lars Holm', 'The council of the East Riding voted not for Lars Holm but for a local firm.')?.wrongKind).toBe(true);
    expect(vouched('who is Lars Holm', 'The council of the East Riding voted not for Lars Holm but for a local firm.')).toBe(0);
    const title = chooseSpan('who is Lars Holm', 'The board agreed to give Danish architect Lars Holm the contract.');
    expect(title?.text).not.toMatch(/^give\b/);
  });
});

describe('a where-question', () => {
  it('is not answered by a name its kind of thing introduces ("trade publication The Grocer")', () => {
    const text = 'The film took the most money in the country, according to trade publication The Grocer.';
    const chosen = chooseSpan('which country does japan trade with the most', text);
    expect(chosen?.text.endsWith('The Grocer') ? chosen.wrongKind : true).toBe(true);
    expect(vouched('which country does japan trade with the most', text)).toBeLessThan(SHORT_ABOVE);
    expect(chooseSpan('where is the film showing', 'The film is showing in Leeds, the firm said.')?.text).toBe('Leeds');
  });

  it('is not answered by a person named as the possessor of kin or a role', () => {
    const text = 'The chapel is the burial place of Henry’s granddaughter Matilda, pilgrims believe.';
    expect(chooseSpan('where is matilda buried', text)?.text).not.toMatch(/^Henry/);
    const henry = scoreCandidates('where is matilda buried', text).scored.filter((c) => /^Henry(?:’s)?$/.test(c.text));
    expect(henry.length).toBeGreaterThan(0);
    expect(henry.every((c) => c.wrongKind)).toBe(true);
  });
});

describe("the initials of the question's own words", () => {
  it('restate what it asks about and are never the answer', () => {
    const text = 'The Tokyo Stock Exchange (TSE) has recorded its largest single day gain.';
    const kse = scoreCandidates('who chairs the tokyo stock exchange', text).scored.filter((c) => c.text === 'TSE');
    expect(kse.length).toBeGreaterThan(0);
    expect(kse.every((c) => c.wrongKind)).toBe(true);
    expect(scoreCandidates('who chairs the exchange', 'Its chairman is the head of the TSE board.').scored.filter((c) => c.text === 'TSE').every((c) => !c.wrongKind)).toBe(true);
  });
});

describe('a when-question about what is coming', () => {
  it('is never answered by the date of the last one', () => {
    expect(chooseSpan('when is the general election', 'Turnout fell to 59% in the last general election in 2001.')?.text).not.toBe('2001');
    expect(vouched('when is the general election', 'Turnout fell to 59% in the last general election in 2001.')).toBeLessThan(SHORT_ABOVE);
    expect(chooseSpan('when was the last general election', 'Turnout fell to 59% in the last general election in 2001.')?.text).toBe('2001');
  });
});

describe('a date is not a name', () => {
  it('offers no date as a place or a person', () => {
    const text = 'On 21 February 1804, the first train left the works and the journey ended at Abercynon.';
    const kinds = scoreCandidates('Where did the journey end?', text).scored.filter((c) => /February/.test(c.text)).map((c) => c.kind);
    expect(kinds).not.toContain('where');
    const year = scoreCandidates('What company did the card become?', 'In 1976, the card was renamed and became Visa Inc.').scored;
    expect(year.filter((c) => c.text === '1976').map((c) => c.kind)).not.toContain('who');
    expect(chooseSpan('Where did the journey end?', text)?.text).toBe('Abercynon');
  });
  it('drops sentence words that lead a name and function words that stand alone', () => {
    const text = 'Following the Cretaceous extinction, the forest spread.';
    expect(scoreCandidates('What did the forest follow?', text).scored.map((c) => c.text)).not.toContain('Following the Cretaceous');
    expect(scoreCandidates('How was the data sent?', 'The data was sent via satellite links.').scored.map((c) => c.text)).not.toContain('via');
  });
});

describe('a surname alone is shown as the full name the text gave', () => {
  it('answers "Donald Davies" from "…the work of Donald Davies. Davies is credited…"', () => {
    const text = 'The idea found little use until the work of Donald Davies in the 1960s. Davies is credited with naming the method.';
    expect(chooseSpan('Who is credited with naming the method?', text)?.text).toBe('Donald Davies');
  });
});

describe('a generic head before "of" names nothing itself', () => {
  it('shows the thing after "part of the"', () => {
    const texts = scoreCandidates('What did the firm refuse to join?', 'Last year the firm refused to become part of the Tellus consortium.').scored.map((c) => c.text);
    expect(texts).not.toContain('part of the Tellus consortium');
    expect(texts).toContain('Tellus consortium');
  });
});

describe('a copula pattern over a list', () => {
  it('offers the whole list after "are", its last item kept whole', () => {
    const text = 'The two kinds of tax are income tax, sales tax and property tax.';
    expect(scoreCandidates('What are the kinds of tax?', text).scored.map((c) => c.text)).toContain('income tax, sales tax and property tax');
  });
});

describe('a noun by its suffix is no verb', () => {
  it('keeps "flux density" whole before "the"', () => {
    const text = 'In 1960 the conference named the SI unit of magnetic flux density the tesla in his honour.';
    expect(scoreCandidates('What did the conference name after him in 1960?', text).scored.map((c) => c.text)).toContain('SI unit of magnetic flux density');
  });
});

describe('what a pattern points at ends where it should', () => {
  it('ends a name at a preposition and a description list at a comma before a verb', () => {
    const named = scoreCandidates('What was the village called?', 'The village was called Tallow at the time of the survey.').scored.map((c) => c.text);
    expect(named).toContain('Tallow');
    expect(named).not.toContain('Tallow at the time');
    const described = scoreCandidates('How was the inventor described?', 'The inventor, described as eccentric, ignored the rules.').scored.map((c) => c.text);
    expect(described).toContain('eccentric');
    expect(described).not.toContain('eccentric, ignored the rules');
  });
});

describe('a name told as "X of Y"', () => {
  it('keeps its head before the "of" even when the question names it ("the highest court" → "Nordic Court of Appeal")', () => {
    const text = 'The Nordic Court of Appeal is the highest court in the Nordic Union.';
    expect(chooseSpan('What is the highest court in the Nordic Union?', text)?.text).toBe('Nordic Court of Appeal');
  });
  it('still cuts a title told as "X of Y" before a person ("Governor of the Bank of Ruritania Anna Berg" → "Anna Berg")', () => {
    expect(chooseSpan('who is the governor of the bank of ruritania', 'Governor of the Bank of Ruritania Anna Berg said rates would stay on hold.')?.text).toBe('Anna Berg');
  });
  it('still drops a title the question names from a plain name ("president" → "Anna Berg")', () => {
    expect(chooseSpan('Who is the president of the club?', 'The club is run by President Anna Berg, who was elected last year.')?.text).toBe('Anna Berg');
  });
});

describe('a span of years', () => {
  it('is not the one year a "what year" question asks for ("1801–1866" for the year she died)', () => {
    expect(isTimeOf('year', '1801–1866')).toBe(false);
    expect(isTimeOf('year', '1801 to 1866')).toBe(false);
    expect(isTimeOf('year', '1866')).toBe(true);
    expect(isTimeOf('year', '2006–07')).toBe(true);
  });
});

describe('a name beside the focus noun', () => {
  it('"which opera …": the name after "opera" is the answer, "new opera" only its kind', () => {
    const text = 'The festival opened with a new opera, The Silver Lake, by a young composer.';
    expect(chooseSpan('which opera opened the festival', text)?.text).toBe('Silver Lake');
  });
  it('a comma that ends a clause sets off no name ("When she finished the novel, Penguin …")', () => {
    const chosen = scoreCandidates('what novel did she finish', 'When she finished the novel, Penguin published it.').scored.find((c) => c.text === 'Penguin');
    expect(chosen?.evidence.focusHead ?? 0).toBe(0);
  });
});

describe('a who-question over a sentence naming only places', () => {
  it('finds no one of the asked type there ("held in Paris"), but does a person, or a side when asked who won ("Brazil beat …")', () => {
    expect(hasCandidate('who sang at the gala', 'The gala was held in Paris after a run in Vienna.')).toBe(false);
    expect(hasCandidate('who sang at the gala', 'Soprano Maria Fontaine sang at the gala on Friday.')).toBe(true);
    expect(hasCandidate('who won the final', 'Brazil beat Germany 2-0 in the final.')).toBe(true);
  });
});

describe('times told without a full date', () => {
  it('a month alone, a range of months, "two years ago" and a season answer "when"', () => {
    for (const s of ['It opened in June.', 'It opened last March.', 'It runs between June and September.', 'It opened two years ago.', 'It opened in the spring.']) {
      expect(hasCandidate('when did it open', s)).toBe(true);
    }
    expect(hasCandidate('when did the store open', 'In June, the store opened its doors.')).toBe(true);
    // a month's name as a word of another sense is no time
    expect(hasCandidate('when did it open', 'Theresa May opened it.')).toBe(false);
    expect(hasCandidate('when was the plan agreed', 'The plan was backed by May.')).toBe(false);
  });
});

describe('a name made an adjective', () => {
  it('"Paris-based" describes someone and answers no who-question', () => {
    const text = 'The chain was founded by Paris-based former chef Anna Berg in 1990.';
    expect(chooseSpan('who founded the chain', text)?.text).not.toBe('Paris-based');
  });
});

describe('a why-question', () => {
  it('never gets a bare name in bold ("disallowed by Kaplan")', async () => {
    const { Engine } = await import('../../src/engine/engine.ts');
    const { plainArticle } = await import('../support/plain-article.ts');
    const engine = new Engine([
      plainArticle('match', 'Late drama', 'Moreno was also puzzled as to why his try had been disallowed by Kaplan.'),
      plainArticle('other', 'Weather', 'Rain is expected across the north on Friday.'),
    ]);
    const reply = engine.ask("why was moreno's try disallowed").answer;
    expect(reply.short).toBe(false);
  });
});

describe('a where-question over a sentence naming the person asked', () => {
  it('does not take "Novelist Anna Berg" for a place', () => {
    const text = 'Novelist Anna Berg, who has died at the age of 84, wrote many books.';
    const chosen = chooseSpan('Where was Anna Berg born?', text);
    expect(chosen?.text === 'Novelist Anna Berg' && chosen.typeMatch).toBe(false);
    expect(candidate('Where was Anna Berg born?', text, 'Novelist Anna Berg')?.wrongKind).toBe(true);
  });
  it('still takes "River Thames" as a place', () => {
    expect(candidate('where did the band play on the thames', 'The band played a show on the River Thames on Friday.', 'River Thames')?.wrongKind ?? false).toBe(false);
  });
});

describe('"who is the <role>" asks for a person', () => {
  it('an office ("Office of the Deputy Prime Minister") is not the prime minister', async () => {
    const { personAsked } = await import('../../src/engine/question-analysis.ts');
    expect(personAsked("who's the prime minister at the moment")).toBe(true);
    expect(personAsked('who is the uk finance minister')).toBe(true);
    expect(personAsked('who won the cup')).toBe(false);
  });
});

describe('"what did X send": a one-word name describing a noun', () => {
  it('is answered with its noun ("Shia militias"), not the describing word alone', () => {
    const text = 'Marlow reportedly sent over Shia militias from Ashby under the pretext of protecting holy sites.';
    expect(chooseSpan('what did marlow send', text)?.text).toBe('Shia militias');
  });
  it('keeps a name asked for by its kind of thing ("which firm")', () => {
    expect(chooseSpan('which firm did marlow buy', 'Marlow bought Kestrel shares last week.')?.text).toBe('Kestrel');
  });
});

describe('a passive verb of the question', () => {
  it('has no object after it ("scrapped under proposals"), but an active one does ("is releasing tools")', () => {
    const passive = scoreCandidates('what would the tories scrap to save money', 'Six government units would also be scrapped under proposals which the Tories say would save more than £4.3bn.');
    expect(passive.scored.find((c) => c.text === 'proposals')?.evidence.slot ?? 0).toBe(0);
    const active = scoreCandidates('what did marlow release', 'Marlow is releasing tools that clean up PCs.');
    expect(active.scored.find((c) => c.text === 'tools')?.evidence.slot).toBe(1);
  });
});

describe('a league named for a who-question', () => {
  it('is a thing, no person or side ("Premiership" for "who manages marlow")', () => {
    expect(candidate('who manages marlow', 'Marlow were relegated from the Premiership in 2003.', 'Premiership')?.wrongKind).toBe(true);
  });
});

describe('a when-question about a deed done', () => {
  it('is not answered by a time to come ("next Sunday\'s elections" for "when was lister first elected")', () => {
    const text = "Marlow should set out a proper exit strategy in the wake of next Sunday's elections, Lister has said.";
    expect(candidate('when was lister first elected', text, 'Sunday')?.wrongKind).toBe(true);
    expect(candidate('when are the next elections', text, 'Sunday')?.wrongKind ?? false).toBe(false);
  });
});

describe('a purpose after the thing asked', () => {
  it('is no part of it ("foreign investment in its mining industries", not "… in an effort")', () => {
    const chosen = chooseSpan('what is marlow reviewing', 'Marlow is to review all foreign investment in its mining industries in an effort to strengthen its output.');
    expect(chosen?.text).toBe('foreign investment in its mining industries');
  });
});

describe('"which country" (lead25)', () => {
  it('is answered by a country, never a city in it ("Seville" for the Davis Cup winner)', () => {
    const engine = new Engine([plainArticle('dc', 'Davis Cup final', 'The Davis Cup was won in Seville last year.')]);
    const answer = engine.ask('which country won the davis cup').answer;
    expect(answer.short && answer.answer === 'Seville').toBe(false);
    const bolivia = new Engine([plainArticle('bo', 'Suez loses water deal', 'Recently, Suez lost a water concession in Bolivia after mass protests in the city of El Alto.')]);
    expect(bolivia.ask('which country did suez lose a water concession in').answer.answer).toBe('Bolivia');
    const kingdom = new Engine([plainArticle('uk', 'Steam history', 'The first full-scale working railway steam locomotive was built in the United Kingdom in 1804 by Richard Trevithick.')]);
    expect(kingdom.ask('in what country was the first steam locomotive built').answer.answer).toBe('United Kingdom');
  });
});
