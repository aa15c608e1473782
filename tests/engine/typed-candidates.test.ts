import { describe, expect, it } from 'vitest';
import { plainArticle as art } from '../support/plain-article.ts';
import { cuesOf, givesReason, typedNearTest } from '../../src/engine/sentence-ranker.ts';
import { candidateTest, collectCandidates, gameScoreTest } from '../../src/engine/span-candidates.ts';
import { terms } from '../../src/engine/text.ts';
import { classifyQuestion } from '../../src/engine/question-analysis.ts';
import { ageNamed, quantityAsked } from '../../src/engine/answer-units.ts';
import { extractSpan } from '../../src/engine/extract-span.ts';
import { Engine } from '../../src/engine/engine.ts';
import { UNSURE_BELOW } from '../../src/engine/answer-question.ts';

const numbers = (s: string) => collectCandidates('number', s).map((c) => c.text);

describe('which numbers count', () => {
  it('keeps a number word after a year and its comma', () => {
    expect(numbers('Before March 1999, four stations were on the network.')).toContain('four');
  });

  it('reads a number word written with its capital inside a sentence as part of a name', () => {
    const s = 'The winger wants a recall for the Six Nations, having won 40 caps.';
    expect(numbers(s)).not.toContain('Six');
    expect(candidateTest('how many caps has the winger won')(s)).toBe(true);
    expect(candidateTest('how many caps has the winger won')('The winger wants a recall for the Six Nations.')).toBe(false);
  });

  it('still counts a number word that opens the sentence', () => {
    expect(numbers('Six people were hurt in the fire.')).toContain('Six');
  });
});

describe('a typed candidate beside the asked words', () => {
  it('holds no one for a who-question when the only name beside the asked word is a place', () => {
    const q = 'who is the sprinter tom brady coach';
    const near = typedNearTest(q, 'who', new Set(terms(q)));
    const placeOnly = 'The coach took the sprinter to Northern Ireland last winter.';
    const person = 'His new coach Ann Lister has changed how the sprinter trains.';
    expect(near(placeOnly, terms(placeOnly), [])).toBe(false);
    expect(near(person, terms(person), [])).toBe(true);
  });
});

describe('which-questions that ask for a name', () => {
  it('reads "which airline / minister" as asking who, and "what kind of network" as asking a description', () => {
    expect(classifyQuestion('which airline dropped the route')).toBe('who');
    expect(classifyQuestion("what is labour's majority")).toBe('number');
    expect(classifyQuestion('what was the turnout in the election')).toBe('number');
    expect(classifyQuestion('which minister quit last week')).toBe('who');
    expect(classifyQuestion('what kind of network was it at first')).toBe('what');
    expect(classifyQuestion('what are the uk interest rates')).toBe('number');
    expect(classifyQuestion('what are numbers greater than 1 that can be divided by 3 called')).toBe('what');
    expect(classifyQuestion('what about Bank holds rate at 4%?')).toBe('what');
    // a contraction reads as its full form: "what's the price" asks a number as "what is the price" does
    expect(classifyQuestion("what's the price of oil")).toBe('number');
    expect(classifyQuestion("what’s the interest rate")).toBe('number');
  });

  it('reads "which chancellor / economist / tory mp" as asking who, "which supermarket / studio" an organisation, "which theatre / countries" a place', () => {
    expect(classifyQuestion('which chancellor quit over the budget')).toBe('who');
    expect(classifyQuestion('which economist says the market is not collapsing')).toBe('who');
    expect(classifyQuestion('which tory mp defected to labour')).toBe('who');
    expect(classifyQuestion('which italian prop scored the late try')).toBe('who');
    expect(classifyQuestion('which supermarket is using the tags')).toBe('who');
    expect(classifyQuestion('which studio is behind the film')).toBe('who');
    expect(classifyQuestion('which theatre is the musical on at')).toBe('where');
    expect(classifyQuestion('which countries are challenging greece')).toBe('where');
    expect(classifyQuestion('which hotel was he arrested at')).toBe('where');
    // ("what official figures show" asks no one; "which version of star wars" no star)
    expect(classifyQuestion('what do official figures show')).toBe('what');
  });

  it('names no holder of the role asked by the word set before it ("a previous *Labour* chancellor"), and is not sure of that quote', () => {
    const engine = new Engine([art('c1', 'Budget leak row', 'Mr Brown was asked about the budget leak on Monday. He said: "A previous Labour chancellor resigned after he leaked the Budget."')]);
    const a = engine.ask('which chancellor quit over leaking a budget').answer;
    expect(a.short).toBe(false);
    expect(a.answer).toContain('Labour chancellor resigned');
    expect(a.confidence).toBeLessThan(UNSURE_BELOW);
  });

  it('reads a title after "called" whole through its capitalised "And" ("The Rise And Fall Of Tom Vale")', () => {
    const engine = new Engine([art('t1', 'Vale drama', 'The actress has been working on a drama project for the network, called The Rise And Fall Of Tom Vale.')]);
    const a = engine.ask("what's the actress's drama project called").answer;
    expect(a.short && a.answer).toContain('Rise And Fall Of Tom Vale');
  });

  it('gives no place of origin before the asked noun as its name', () => {
    const q = 'which airline grounded the pilot over his photos';
    const span = extractSpan(q, 'A US airline grounded the pilot over his photos, and Skyward Air later fired him.');
    expect(span).toBe('Skyward Air');
  });

  it('drops an adverb opening the sentence from the name after it, but keeps a given name ending in -ly', () => {
    expect(collectCandidates('who', 'Initially Norvale ran the channel alone.').map((c) => c.text)).toContain('Norvale');
    expect(collectCandidates('who', 'Kelly Brennan ran the channel alone.').map((c) => c.text)).toContain('Kelly Brennan');
    // (nor is a sentence-opening "Even" or "Meanwhile" anyone)
    expect(collectCandidates('who', 'Even in the biography being written about me there is little.').map((c) => c.text)).not.toContain('Even');
    expect(collectCandidates('who', 'Meanwhile Tom Vale ran the channel alone.').map((c) => c.text)).not.toContain('Meanwhile');
  });

  it('never answers with a plain word left of a name by the words asked ("World Music *Day*")', () => {
    const engine = new Engine([
      art('w1', 'Ann Wren wins music prize', "Singer Ann Wren has been named a winner of a Radio Marlow World Music Award. The concert will be broadcast on Radio Marlow's World Music Day the following evening and will feature many of the award winners."),
      art('w2', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('wheres the radio marlow world music winners concert happening').answer;
    expect(a.short && a.answer).not.toBe('Day');
    expect(a.quote).toContain('World Music Day');
  });

  it('ends a name before a score ("Ann Wren of Marlow 7-5 6-4")', () => {
    const texts = collectCandidates('who', 'Lee moved into the last eight after beating Ann Wren of Marlow 7-5 6-4 on Monday.').map((c) => c.text);
    expect(texts).toContain('Ann Wren of Marlow');
    expect(texts).not.toContain('Ann Wren of Marlow 7');
  });

  it('never takes a plural common noun opening the sentence for a name ("Owners of the phones …")', () => {
    const texts = collectCandidates('who', 'Owners of the phones were told to switch them off, Ann Wren said.').map((c) => c.text);
    expect(texts).toContain('Ann Wren');
    expect(texts).not.toContain('Owners');
  });

  it('never takes a pronoun with its contraction for a name ("He\'d sing it at birthdays")', () => {
    const texts = collectCandidates('who', '"He\'d sing it at birthdays," said Ann Wren. They\'ll play it again, and She\'s sure.').map((c) => c.text);
    expect(texts).toContain('Ann Wren');
    for (const t of ["He'd", "They'll", "She's"]) expect(texts).not.toContain(t);
  });
});

describe('"sure" needs the asked type beside the asked words', () => {
  const engine = new Engine([
    art('a1', 'Party sets out its plans', 'The party says its only job is to win the next election and govern in the best interests of Norland. Its leaders met on Monday.'),
    art('a2', 'Vote count ends', 'Maria Tessel will win the next election in Eastvale, the final poll says. Turnout was high.'),
    art('a3', 'Harbour reopens', 'The harbour at Kessel reopened on Friday after repairs.'),
  ]);

  it('shows a quote naming no one beside the asked words as the closest passage, not as sure', () => {
    const a = engine.ask('who will win the next election in norland').answer;
    expect(a.answer).not.toBeNull();
    expect(a.confidence).toBeLessThan(UNSURE_BELOW);
  });

  it('keeps an answer whose name stands by the asked words sure', () => {
    const a = engine.ask('who will win the next election in eastvale').answer;
    expect(a.answer).toBe('Maria Tessel');
    expect(a.confidence).toBeGreaterThanOrEqual(UNSURE_BELOW);
  });
});

describe('a why-answer tells a cause', () => {
  it('reads causes and purposes, not a restatement', () => {
    expect(givesReason(cuesOf('why did the club drop its keeper'), 'The club has dropped its keeper for the cup tie.')).toBe(false);
    expect(givesReason(cuesOf('why did the club drop its keeper'), 'The keeper was dropped after a poor display.')).toBe(true);
    // a doer after "by" is no reason, a means after it is
    expect(givesReason(cuesOf('why did the club cut jobs'), 'Kestrel was unavailable for comment on the job cuts when contacted by Marlow News.')).toBe(false);
    expect(givesReason(cuesOf('why did the club cut jobs'), 'The club cut jobs to save money.')).toBe(true);
    expect(givesReason(cuesOf('why was the album out early'), 'It came out early in an effort to beat piracy.')).toBe(true);
    expect(givesReason(cuesOf('how did the files go missing'), 'The files went missing in May.')).toBe(false);
    expect(givesReason(cuesOf('how did the files go missing'), 'The files were taken by a courier.')).toBe(true);
    expect(givesReason(cuesOf('who dropped the keeper'), 'The coach dropped the keeper.')).toBe(true);
  });

  it('shows a why-answer without a cause as the closest passage', () => {
    const engine = new Engine([
      art('b1', 'Keeper dropped for cup tie', 'Marlow Town have dropped goalkeeper Ivo Brandt for the cup tie with Kessel. Brandt joined the club in May.'),
      art('b2', 'Harbour reopens', 'The harbour at Kessel reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('why did marlow town drop ivo brandt').answer;
    expect(a.answer).not.toBeNull();
    expect(a.confidence).toBeLessThan(UNSURE_BELOW);
  });
});

describe('the kind of answer asked', () => {
  it('reads "how rich" and "how expensive" as asking for money', () => {
    expect(classifyQuestion('how rich is the woman who produced the show')).toBe('number');
    expect(quantityAsked('how rich is the woman who produced the show')).toEqual(['money']);
    expect(quantityAsked('how expensive is the new phone')).toEqual(['money']);
  });

  it('takes no one\'s name as the place a where-question asks for', () => {
    const s = 'Michael Howard spoke as the party conference began in Brighton.';
    const where = (q: string) => extractSpan(q, s);
    expect(where('where is the party conference')).toBe('Brighton');
    expect(candidateTest('where is the party conference')('Michael Howard spoke as the party conference began.')).toBe(false);
  });

  it('takes a name after "by" as who did it, not where', () => {
    expect(candidateTest('where is zaynab buried')('The mosque is considered the burial place of Zaynab by Twelver Shia.')).toBe(false);
  });

  it('reads "the Kessel-based firm" as the place Kessel and as no one', () => {
    const s = 'The Kessel-based firm was founded by London-born trader Ann Lister.';
    expect(collectCandidates('where', s).map((c) => c.text)).toEqual(expect.arrayContaining(['Kessel', 'London']));
    expect(collectCandidates('who', s).map((c) => c.text)).not.toContain('London');
    expect(collectCandidates('who', s).map((c) => c.text)).not.toContain('London-born');
  });

  it('takes a name as a place when it reads like one or follows a preposition of place', () => {
    const where = candidateTest('where is the new film set');
    expect(where('The director won the Kestrel Talent Award for the new film.')).toBe(false);
    expect(where('Set in Upper Marlow, the new film follows a young mother.')).toBe(true);
    expect(where('The new film was shot around Paris last spring.')).toBe(true);
  });
});

describe('an age set beside the name asked', () => {
  const named = (s: string, ...names: string[]) => ageNamed(s, new Set(names.flatMap((n) => terms(n))), terms);

  it('reads the ways news sets an age by a name', () => {
    expect(named('Brandt, 25, is in talks over a new contract.', 'Brandt')).toBe('25');
    expect(named('"It was hard," 19-year-old Tessel said.', 'Tessel')).toBe('19');
    expect(named('At 23, Tessel has the world at his feet.', 'Tessel')).toBe('23');
    expect(named('The 26-year-old will face competition from Tessel.', 'Tessel')).toBeNull();
    expect(named('Brandt, 25, is in talks.', 'Tessel')).toBeNull();
  });

  it('reads an age told by a description only in an article about the person, and never before another name', () => {
    const s = 'On a visit, the 60-year-old actor said he hoped to start filming next year.';
    expect(ageNamed(s, new Set(terms('Tessel')), terms, true)).toBe('60');
    expect(ageNamed(s, new Set(terms('Tessel')), terms, false)).toBeNull();
    // the age as the subject of a verb, or of a demonym: someone the article is about
    expect(ageNamed('The 71-year-old served in Marlow from 1981 to 1987.', new Set(terms('Tessel')), terms, true)).toBe('71');
    expect(ageNamed('But the 25-year-old Dubliner underlined his intention to stay.', new Set(terms('Tessel')), terms, true)).toBe('25');
    expect(ageNamed('"I guess you\'ll remain a false tabloid," the 23-year-old wrote.', new Set(terms('Tessel')), terms, true)).toBe('23');
    expect(ageNamed('The 16-year-old girl was not named.', new Set(terms('Tessel')), terms, true)).toBeNull();
    expect(ageNamed('The 26-year-old striker Brandt joins on Friday.', new Set(terms('Tessel')), terms, true)).toBeNull();
  });

  it('reads a description with a name before its noun ("the 17-year-old Irish League midfielder"), and an age at a deed', () => {
    expect(ageNamed('The 17-year-old Irish League midfielder was also chased by Rangers.', new Set(terms('Tessel')), terms, true)).toBe('17');
    expect(ageNamed('The 31-year-old World Cup winning scrum-half has impressed.', new Set(terms('Tessel')), terms, true)).toBe('31');
    expect(ageNamed('In 1997, Mr Tessel became the youngest premier, when he came to power at the age of 43.', new Set(terms('Tessel')), terms)).toBe('43');
    expect(ageNamed('Mr Brandt came to power at the age of 43.', new Set(terms('Tessel')), terms)).toBeNull();
  });

  it('does not answer an age asked at an event ("how old was he when he became premier") by a description', () => {
    const engine = new Engine([
      art('p1', 'Tessel Marlow\'s longest-serving premier', 'Ivo Tessel has become Marlow\'s longest-serving premier.\n\nThe 51-year-old premier has marked his 2,838th day in the post.'),
      art('p2', 'Harbour reopens', 'The harbour at Kessel reopened on Friday after repairs.'),
    ]);
    expect(engine.ask('how old was tessel when he became premier').answer.answer).not.toBe('51');
    expect(engine.ask('how old is tessel').answer.answer).toBe('51');
    // (at a death, the age a report gives is the age then)
    const obituary = new Engine([
      art('o1', 'Former Marlow minister Tessel dies', 'Former Marlow minister Ivo Tessel has died.\n\nThe 71-year-old had been ill for some time.'),
      art('o2', 'Harbour reopens', 'The harbour at Kessel reopened on Friday after repairs.'),
    ]);
    expect(obituary.ask('how old was tessel when he died').answer.answer).toBe('71');
  });

  it('answers "how old is he" after a question naming him', () => {
    const engine = new Engine([
      art('t1', 'Ivo Tessel to star in harbour film', 'Actor Ivo Tessel is to star in a film about the Marlow harbour. On a visit to Marlow, the 60-year-old actor said he hoped to start filming next year.'),
      art('t2', 'Harbour reopens', 'The harbour at Kessel reopened on Friday after repairs.'),
    ]);
    const first = engine.ask('what film is ivo tessel making');
    const a = engine.ask('how old is he', first.turn).answer;
    expect(a.answer).toBe('60');
  });

  it('answers "how old is X" from the sentence that sets the age, surely', () => {
    const engine = new Engine([
      art('a1', 'Ivo Brandt wants to leave Marlow', 'Marlow striker Ivo Brandt wants to leave the club. Nobody has asked to buy Ivo Brandt, the chairman said. Brandt, 25, is in talks over a new contract.'),
      art('a2', 'Harbour reopens', 'The harbour at Kessel reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('how old is ivo brandt').answer;
    expect(a.answer).toBe('25');
    expect(a.confidence).toBeGreaterThanOrEqual(UNSURE_BELOW);
    expect(engine.ask('how old is the harbour master at kessel').answer.short).toBe(false);
  });
});

describe('a date for a when-question about something coming', () => {
  it('is none when told as past', () => {
    const coming = candidateTest('when is the general election');
    expect(coming('Turnout fell to 59% in the last general election in 2001.')).toBe(false);
    expect(coming('The general election is widely tipped for 5 May.')).toBe(true);
    expect(candidateTest('when was the last general election')('Turnout fell to 59% in the last general election in 2001.')).toBe(true);
    // a year opening the sentence dates the clause after it
    const retrial = candidateTest('when is lister\'s retrial');
    expect(retrial('In 2003, Lister was found guilty of fraud.')).toBe(false);
    expect(retrial('In 2006, the court will hear the case again.')).toBe(true);
  });
});

describe('a number word hyphen-joined to a word before it', () => {
  it('counts nothing ("no-one"), while a number joined to a number stays whole', () => {
    expect(collectCandidates('number', 'The law is so poorly drafted no-one can define the offence.').map((c) => c.text)).not.toContain('one');
    expect(collectCandidates('number', 'The club has won twenty-one titles.').some((c) => c.text.startsWith('twenty-one'))).toBe(true);
  });
});

describe('a count of the new ones', () => {
  it('does not answer how many there will be in all ("add 150 million new PCs")', () => {
    const engine = new Engine([
      art('n1', 'PC ownership to double', 'Marlow, Ashby and Kessel are expected to add 150 million new PCs by 2010, according to the study.'),
      art('n2', 'Harbour reopens', 'The harbour at Kessel reopened on Friday after repairs.'),
    ]);
    expect(engine.ask('how many pcs will there be by 2010').answer.short).toBe(false);
    expect(engine.ask('how many new pcs will marlow ashby and kessel add by 2010').answer.answer).toBe('150 million');
  });
});

describe('a count of the ones a deed touched', () => {
  it('does not answer how many there are with the ones closed ("closed 12,575 net cafes")', () => {
    const engine = new Engine([
      art('c1', 'Net cafe crackdown', 'Authorities in Veloria closed 12,575 net cafes in the closing months of 2004, the government said.'),
      art('c2', 'Harbour reopens', 'The harbour at Kessel reopened on Friday after repairs.'),
    ]);
    expect(engine.ask('how many net cafes are there in veloria').answer.short).toBe(false);
    expect(engine.ask('how many net cafes were closed in veloria').answer.answer).toBe('12,575');
  });
});

describe('a place in a ranking', () => {
  it('is no count ("went in at number three" for "how many number ones")', () => {
    const engine = new Engine([
      art('r1', 'Duet charts', 'Almost Here, the duet from former Kesselband star Bram Tolley and Delta Marsh, went in at number three.'),
      art('r2', 'Harbour reopens', 'The harbour at Kessel reopened on Friday after repairs.'),
    ]);
    expect(engine.ask('how many number ones did kesselband have with tolley').answer.short).toBe(false);
    expect(engine.ask('what number did the tolley and marsh duet go in at').answer.quote).toContain('number three');
  });

  it('leaves "no less than 34" a count', () => {
    const engine = new Engine([art('r3', 'Western box set', 'Sometimes quality comes in bulk: this set contains no less than 34 John Wayne films from the 1930s.')]);
    expect(engine.ask('how many john wayne films are in the set').answer.answer).toMatch(/34/);
  });
});

describe('a game\'s score', () => {
  const engine = new Engine([
    art('g1', 'Kessel 19-13 Marlow', 'Kessel fly-half Tom Reyes hailed his side\'s 19-13 victory over Marlow as a special win. The game was tense.'),
    art('g2', 'Goode named in squad', 'Fly-half Andy Goode has been named in a squad for the Kessel game after kicking 28 points in Leicester\'s record 83-10 win against Bath.'),
    art('g3', 'Rovers slump', 'Rovers\' slump in form culminated in a 5-0 defeat at Ashby that leaves them near the bottom.'),
  ]);

  it('answers "what was the score" with the score of the game between the sides asked', () => {
    const answer = engine.ask('what was the score in the marlow kessel game').answer;
    expect(answer.answer).toBe('19-13');
    expect(answer.short).toBe(true);
  });

  it('never gives another game\'s score from a sentence naming one side ("Leicester\'s 83-10 win against Bath")', () => {
    expect(engine.ask('what was the score in the kessel leicester game').answer.answer).not.toBe('83-10');
  });

  it('reads "by what score did X lose at Y" as a score asked', () => {
    expect(engine.ask('By what score did Rovers lose at Ashby?').answer.answer).toBe('5-0');
  });
});

describe('a game\'s score asked in chat (lead25)', () => {
  const engine = new Engine([
    art('t1', 'Reyes through in Doha', 'Ann Reyes beat Jo Ashby 7-6 (7-3) 6-3 to reach the quarter-finals. Reyes now faces the top seed.'),
    art('t2', 'Kessel edge Marlow', 'Kessel led 9-8 early in the second half but Marlow hit back to win 20-15 at the Dome. The crowd was small.'),
    art('t3', 'Hale stars for Kessel', 'Tom Hale scored twice as Kessel beat Ashby Town 40-7 on Saturday. Kessel face Marlow next.'),
    art('t4', 'Wells ease through', 'Wells set up a final against Kessel with a 3-2 win over Dutch side Harlow in Leeds.'),
  ]);

  it('gives a match\'s sets whole, tie-break and all', () => {
    const answer = engine.ask('whats the score in reyes v ashby').answer;
    expect(answer.answer).toBe('7-6 (7-3) 6-3');
    expect(answer.short).toBe(true);
  });

  it('reads "what was the X v Y score" as a score asked, and "what minute did X score" as no score', () => {
    expect(classifyQuestion('what was the reyes v ashby score')).toBe('number');
    expect(quantityAsked('what minute did hale score against ashby')).not.toEqual(['score']);
  });

  it('takes the result, not a score told while the game went on ("led 9-8")', () => {
    expect(engine.ask('whats the final score kessel v marlow').answer.answer).toBe('20-15');
  });

  it('never gives another game\'s score, nor the result for a half-time score', () => {
    expect(engine.ask('what was the score in kessel v marlow').answer.answer).not.toBe('40-7');
    expect(engine.ask('whats the half time score in kessel v marlow').answer.answer).not.toBe('20-15');
    const at = (sentence: string, score: string) => ({ text: score, start: sentence.indexOf(score), kind: 'number' as const });
    const beaten = 'Kessel beat Ashby Town 40-7 on Saturday.';
    expect(gameScoreTest('what was the score in kessel v marlow')!(at(beaten, '40-7'), beaten)).toBe(false);
    expect(gameScoreTest('whats the score in kessel\'s last final')!(at(beaten, '40-7'), beaten)).toBe(true);
    const result = 'Kessel beat Marlow 38-8 on Saturday.';
    const interval = 'Kessel led Marlow 17-6 at half-time.';
    expect(gameScoreTest('whats the half time score in kessel v marlow')!(at(result, '38-8'), result)).toBe(false);
    expect(gameScoreTest('whats the half time score in kessel v marlow')!(at(interval, '17-6'), interval)).toBe(true);
    expect(gameScoreTest('whats the score in kessel v marlow')!(at(interval, '17-6'), interval)).toBe(false);
  });

  it('needs half the sides asked beside the score, read as chat and news write them ("utd", "the Irish")', () => {
    const at = (sentence: string, score: string) => ({ text: score, start: sentence.indexOf(score), kind: 'number' as const });
    const sets = 'Ann Reyes beat Jo Ashby 7-6 (7-3) 6-3 to reach the quarter-finals.';
    expect(gameScoreTest('whats the score in reyes v ashby in doha')!(at(sets, '7-6 (7-3) 6-3'), sets)).toBe(true);
    expect(gameScoreTest('whats the score in reyes v ashby in the doha open at the khalifa club')!(at(sets, '7-6 (7-3) 6-3'), sets)).toBe(false);
    const irish = 'The Irish beat Wales 20-15 in Cardiff.';
    expect(gameScoreTest('what was the score in ireland v wales at lansdowne road')!(at(irish, '20-15'), irish)).toBe(true);
    const united = 'Manchester United beat Kessel 2-0 at home.';
    expect(gameScoreTest('whats the score in man utd v kessel')!(at(united, '2-0'), united)).toBe(true);
  });

  it('finds the side beaten after its kind ("a 3-2 win over Dutch side Harlow")', () => {
    expect(engine.ask('whats the score wells v harlow').answer.answer).toBe('3-2');
  });
});

describe('an age asked about someone many stories name', () => {
  it('is read in the passage printing one ("the 34-year-old"), however many others name her', () => {
    const others = Array.from({ length: 70 }, (_, i) => art(`k${i}`, `Kelly Marlow news ${i}`, `Kelly Marlow will race in meeting ${i} next month, her coach said on Tuesday after a long session of training in the rain at the old track.`));
    const engine = new Engine([
      ...others,
      art('age', 'What now for Kelly Marlow?', 'Kelly Marlow won two golds last summer. Asked about her plans, the 34-year-old has repeatedly chosen to tick the "don\'t know" box.'),
    ]);
    expect(engine.ask('how old is kelly marlow').answer.answer).toBe('34');
  });
});

describe('a length of time told without a number', () => {
  it('is a candidate for "how long" ("several months", "a few weeks"), and no count of people', () => {
    const sentence = 'Mr Hale spent several months in jail and a few weeks under house arrest.';
    expect(collectCandidates('number', sentence).map((c) => c.text)).toEqual(expect.arrayContaining(['several months', 'a few weeks']));
    expect(candidateTest('how long was hale in jail')(sentence)).toBe(true);
    expect(candidateTest('how many people were in jail')(sentence)).toBe(false);
  });

  it('answers how long someone was in jail', () => {
    const engine = new Engine([art('j', 'Dairy founder apologises', 'The founder of the dairy firm apologised on Monday. Mr Hale spent several months in jail after the collapse and was kept under house arrest until last September.')]);
    expect(engine.ask('how long was hale in jail').answer.answer).toBe('several months');
  });
});

describe('a name with "-based" before another', () => {
  const sentence = 'The Florida-based Falic group, which also runs 90 duty free stores, said it planned to expand.';
  it('gives the place to a where-question and the name after to a who-question', () => {
    expect(collectCandidates('where', sentence).map((c) => c.text)).toContain('Florida');
    expect(collectCandidates('who', 'Paris-based LVMH has been selling non-core businesses.').map((c) => c.text)).toEqual(['LVMH']);
  });
});

describe('a change told as a multiple', () => {
  const engine = new Engine([art('p', 'Camera phones are must-haves', 'Handset makers have made phones easier to use. According to recent figures, Kestrel Mobile\'s profits tripled in the third quarter because of new camera phones. Over 60% of mobiles sold during the three months featured cameras, it said.')]);
  it('answers how much something went up ("profits tripled"), not a share of another thing in the next sentence', () => {
    expect(engine.ask('how much did kestrel mobile profits go up').answer.answer).toBe('tripled');
  });

  it('is no answer to a fall', () => {
    expect(engine.ask('how much did kestrel mobile profits fall').answer.answer).not.toBe('tripled');
  });
});

describe('a time behind us, asked when something is to come', () => {
  it('is no date of it ("a few weeks ago", "the 18th Century", "the 1940s")', () => {
    const test = candidateTest('when does the kestrel show at the gallery close');
    expect(test('The show will feature prints by the 18th Century artist, who painted famous people.')).toBe(false);
    expect(candidateTest('when is the kestrel episode going out')('She said he finally agreed a few weeks ago.')).toBe(false);
    expect(candidateTest('when is the kestrel film coming out')('The comic book character was created in the 1940s.')).toBe(false);
    expect(candidateTest('when is the kestrel film coming out')('The film comes out in June.')).toBe(true);
  });
});
