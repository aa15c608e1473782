import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/engine/analyze-article.ts';
import { askedOnlyAsName, beforeRoleAndName, cutsEveryWord, deniedDeed, otherObject, flankedByAsked, otherSpeaker, speakerAsked, toldAsRisk, NAME_ASKED, namedThingAsked, namesNothingNew, patientOf, tellsThingUnnamed, subjectLeads, timeOfTelling, toldUndone, untoldWin } from '../../src/engine/answer-evidence.ts';
import { terms } from '../../src/engine/text.ts';
import { plainArticle } from '../support/plain-article.ts';
import { Engine } from '../../src/engine/engine.ts';
import { PERSON_ROLE } from '../../src/engine/extract-span.ts';
import { UNSURE_BELOW } from '../../src/engine/answer-question.ts';
const art = plainArticle;

const sentences = analyzeArticle(
  plainArticle('k.txt', 'Kenya', 'Kenya obtained independence in December 1963. Many visitors to the coast and the game parks of east Africa also travel to Kenya.'),
).sentences;

describe('subjectLeads', () => {
  const subject = new Set(terms('Kenya'));

  it('is 1 when a subject word is among the sentence\'s first five terms', () => {
    expect(subjectLeads(sentences[0]!, subject)).toBe(1);
  });

  it('is 0 when the sentence names the subject only late (mentioned in passing)', () => {
    expect(subjectLeads(sentences[1]!, subject)).toBe(0);
  });

  it('is 0 without a subject', () => {
    expect(subjectLeads(sentences[0]!, new Set())).toBe(0);
  });
});

describe('a verb told only as to come', () => {
  const termOf = (w: string) => terms(w)[0];
  it('is read in "favourite to win", not in "won"', () => {
    expect(toldUndone('Marlow Nights has become the new favourite to win best picture.', 'win', termOf)).toBe(true);
    expect(toldUndone('Marlow Nights won best picture, and could win more.', 'win', termOf)).toBe(false);
    expect(toldUndone('Marlow Nights took best picture.', 'win', termOf)).toBe(false);
    expect(toldUndone('Analysts say the bank will almost certainly raise rates this year.', 'rais', termOf)).toBe(true);
    expect(toldUndone('The bank raised rates, and analysts said it would probably raise them again.', 'rais', termOf)).toBe(false);
    expect(toldUndone('Ann Lister has 5/1 odds of winning the best actress award.', 'win', termOf)).toBe(true);
    expect(toldUndone('The fans have wanted us to win for a very long time.', 'win', termOf)).toBe(true);
    expect(toldUndone('Wren has made a fresh approach to buy Kestrel United.', terms('buy')[0]!, termOf)).toBe(true);
    // with the things asked, only the verb done to one of them counts
    expect(toldUndone('Ashby Open champion Tom Wren has ruled out any chance of winning Marlow.', 'win', termOf, new Set(terms('ashby open')))).toBe(false);
    expect(toldUndone('Ashby Open champion Tom Wren has ruled out any chance of winning Marlow.', 'win', termOf, new Set(terms('marlow')))).toBe(true);
    expect(toldUndone('Marlow are still not thinking of winning the Grand Slam despite a third win.', 'win', termOf, new Set(terms('grand slam')))).toBe(true);
    expect(toldUndone('Marlow are still not thinking of winning the Grand Slam.', 'win', termOf)).toBe(true);
    expect(toldUndone('Mr Lister could face 85 years if convicted of all the charges.', terms('convicted')[0]!, termOf)).toBe(true);
    expect(toldUndone('Mr Lister was convicted of all the charges.', terms('convicted')[0]!, termOf)).toBe(false);
    // "to" of purpose tells the deed done
    expect(toldUndone('Winger Tom Wren crosses to score the winning try.', 'score', termOf)).toBe(false);
  });
});

describe('a time told beside a reporting verb', () => {
  const termOf = (w: string) => terms(w)[0];
  const asked = new Set(terms('when did lister take over at marlow'));
  it('dates the telling, not the deed asked', () => {
    const s = 'Lawmakers said on Wednesday night Ann Lister, appointed by the council as Marlow chief, spoke well.';
    expect(timeOfTelling(s, s.indexOf('Wednesday'), asked, termOf)).toBe(true);
    const t = 'Ann Lister told the Marlow Echo last week that she would stay.';
    expect(timeOfTelling(t, t.indexOf('week') - 'last '.length, asked, termOf)).toBe(true);
    // (a time opening the sentence before the one telling)
    const u = 'In the mid-1990s, Lister said she had made a "fabulous living" since the age of 22.';
    expect(timeOfTelling(u, u.indexOf('1990s'), new Set(terms('when did lister get married')), termOf)).toBe(true);
    const v = 'In 1941, Lister married actor Ivo Brandt.';
    expect(timeOfTelling(v, v.indexOf('1941'), new Set(terms('when did lister get married')), termOf)).toBe(false);
  });
  it('keeps the engine from vouching for the telling time as the answer', () => {
    const engine = new Engine([
      plainArticle('t1', 'Marlow chief praised', 'Lawmakers said on Wednesday night Ann Lister, appointed by the council as Marlow chief executive, spoke well of the firm.'),
      plainArticle('t2', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('when did ann lister take over as marlow chief executive').answer;
    expect(a.short).toBe(false);
    expect(a.confidence).toBeLessThan(UNSURE_BELOW);
  });

  it('dates the deed when the deed is the telling, or no reporting verb stands before it', () => {
    const s = 'Ann Lister announced on Friday that she would take over.';
    expect(timeOfTelling(s, s.indexOf('Friday'), new Set(terms('when did lister announce it')), termOf)).toBe(false);
    const t = 'Ann Lister took over at Marlow on Friday.';
    expect(timeOfTelling(t, t.indexOf('Friday'), asked, termOf)).toBe(false);
  });
});

describe('"who won X" over a quote telling only the odds of winning', () => {
  it('is not shown as sure', () => {
    const engine = new Engine([
      plainArticle('o1', 'Bookmakers back Lister', 'Kestrel star Ann Lister has 5/1 odds of winning the best actress award at Marlow, ahead of Tom Wren.'),
      plainArticle('o2', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('who won best actress at marlow').answer;
    expect(a.confidence).toBeLessThan(UNSURE_BELOW);
  });
});

describe('"who won X" over a quote with no word of winning', () => {
  it('finds none in "BBC Sport unveils … Piero at the Wales v England match" (no span of it is then shown in bold)', () => {
    expect(untoldWin('who won wales v england', 'BBC Sport unveils its new analysis tool Piero at the Wales v England rugby union match on Saturday.')).toBe(true);
  });

  it('reads "elected" and "defeated" as words of winning', () => {
    expect(untoldWin('who won the veloria election', 'President Viktor Marlow, elected in December, is planning reforms.')).toBe(false);
    expect(untoldWin('who won the final', 'Kessel defeated Marlow in the final.')).toBe(false);
  });
});

describe('a span the asked verb was done to', () => {
  const termOf = (w: string) => terms(w)[0];
  it('is the thing written, not its writer', () => {
    const s = 'Harbour Lights was written before The Lark Code, which has sold millions.';
    expect(patientOf(s, 'Harbour Lights'.length, 'write', termOf)).toBe(true);
    const t = 'Harbour Lights was written by Anna Lister.';
    expect(patientOf(t, 'Harbour Lights'.length, 'write', termOf)).toBe(false);
  });

  it('keeps the engine from vouching for either', () => {
    const engine = new Engine([
      art('d1', 'Marlow Nights tipped', "Anna Lister's drama Marlow Nights has become the new favourite to win best picture at the Kestrel awards."),
      art('d2', 'Lister books', 'Harbour Lights was written before The Lark Code, which has sold more than 20 million copies worldwide.'),
    ]);
    const win = engine.ask('what did marlow nights win').answer;
    expect(win.short).toBe(false);
    expect(win.confidence).toBeLessThan(UNSURE_BELOW);
    expect(engine.ask('did marlow nights win best picture').answer.confidence).toBeLessThan(UNSURE_BELOW);
    const wrote = engine.ask('who wrote the lark code').answer;
    expect(wrote.short).toBe(false);
  });
});

describe('a name asked ("what is X called")', () => {
  const asked = new Set(terms('what is kestrel holdings called now'));
  const isName = (w: string) => !/^(?:The|In|Monday)$/.test(w);
  it('reads the questions that ask a name, not a fact', () => {
    expect(NAME_ASKED.test('whats the name of the tsunami song')).toBe(true);
    expect(NAME_ASKED.test("what is kestrel's album called")).toBe(true);
    expect(NAME_ASKED.test('what is the bands name')).toBe(true);
    expect(NAME_ASKED.test('who named the ship')).toBe(false);
    expect(NAME_ASKED.test('what did kestrel make')).toBe(false);
  });

  it('is not told by a quote naming only what was asked and people re-mentioned by title', () => {
    expect(namesNothingNew('Mr Lister, 63, has always insisted that Kestrel Holdings was sound.', asked, isName)).toBe(true);
    expect(namesNothingNew('Kestrel Holdings chief Ann Lister spoke on Monday.', asked, isName)).toBe(false);
    expect(namesNothingNew('Kestrel Holdings has been renamed after its founder.', asked, isName)).toBe(false);
    expect(namesNothingNew('The firm trades as "Marlow" in Europe, Kestrel Holdings said.', asked, isName)).toBe(false);
  });

  it('keeps the engine from showing such a quote as sure', () => {
    const engine = new Engine([
      plainArticle('n1', 'Kestrel Holdings trial', 'Mr Lister, 63, has always insisted that he was unaware of any shortfalls in Kestrel Holdings finances.'),
      plainArticle('n2', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
    ]);
    expect(engine.ask('what is kestrel holdings called now').answer.confidence).toBeLessThan(UNSURE_BELOW);
  });

  it('is no span between two asked words', () => {
    const s = 'She joined the Channel 9 reality TV show last year.';
    const own = new Set(terms('what is the channel 9 reality show called'));
    expect(flankedByAsked(s, s.indexOf('TV'), s.indexOf('TV') + 2, own)).toBe(true);
    expect(flankedByAsked(s, s.indexOf('last'), s.indexOf('last') + 4, own)).toBe(false);
    const engine = new Engine([
      plainArticle('c1', 'Lister attacks show', "Media observers had been surprised by Lister's initial decision to join the third celebrity version of the Channel 4 reality TV show, given that she has written critical articles about the format in the past."),
      plainArticle('c2', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('what is the channel 4 reality show called').answer;
    expect(a.answer).not.toBe('TV');
    expect(a.short).toBe(false);
  });
});

describe('a penalty told as risked', () => {
  const s = 'Mr Lister could face a jail sentence of up to 85 years if convicted of all the charges.';
  const at = s.indexOf('up to 85 years');
  it('is not the one given, unless the risk is asked', () => {
    expect(toldAsRisk(s, at, at + 'up to 85 years'.length, 'how long was lister jailed for')).toBe(true);
    expect(toldAsRisk(s, at, at + 'up to 85 years'.length, 'how long could lister get')).toBe(false);
    const given = 'Mr Lister was jailed for 25 years on Wednesday.';
    expect(toldAsRisk(given, given.indexOf('25'), given.indexOf('25') + 8, 'how long was lister jailed for')).toBe(false);
  });
  it('keeps the engine from showing it as the answer', () => {
    const engine = new Engine([
      plainArticle('j1', 'Lister denies fraud', s),
      plainArticle('j2', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('how long was lister jailed for').answer;
    expect(a.short).toBe(false);
    expect(a.confidence).toBeLessThan(UNSURE_BELOW);
  });
});

describe('a word before a role and a name', () => {
  it('describes the named one: no who-answer', () => {
    const s = 'Pop star Ann Lister has attacked US tabloid magazines.';
    expect(beforeRoleAndName(s, 0, 'Pop', PERSON_ROLE)).toBe(true);
    const t = 'Kestrel boss Ann Lister said sales rose.';
    expect(beforeRoleAndName(t, 0, 'Kestrel', PERSON_ROLE)).toBe(true);
    const u = 'Ann Lister said sales rose.';
    expect(beforeRoleAndName(u, 0, 'Ann Lister', PERSON_ROLE)).toBe(false);
    const v = 'Lister said star Tom Vale was fine.';
    expect(beforeRoleAndName(v, 0, 'Lister', PERSON_ROLE)).toBe(false);
    const w = 'But Conservative shadow culture secretary Tom Vale said it was a shambles.';
    expect(beforeRoleAndName(w, 4, 'Conservative', PERSON_ROLE)).toBe(true);
  });
});

describe('a span inside a longer word', () => {
  it('is cut from it only when it stands whole nowhere in the sentence', () => {
    expect(cutsEveryWord("Marlow's men's 4x100m relay team took a shock gold.", '4')).toBe(true);
    expect(cutsEveryWord('Kestrel, which owns BKestrelB, runs Kestrel UK.', 'Kestrel')).toBe(false);
    expect(cutsEveryWord('The Duchy is a 140,000-acre estate.', '140,000')).toBe(true);
    expect(cutsEveryWord('The more extensive 10-county definition.', '10', new Set(terms('counties')))).toBe(false);
    expect(cutsEveryWord('North Carolina-based Kestrel Bank.', 'North Carolina')).toBe(false);
    expect(cutsEveryWord('She won 4 golds.', '4')).toBe(false);
  });
  it('is not bold as a count', () => {
    const engine = new Engine([
      plainArticle('g1', 'Lister gold', "Lister helped lift the gloom after Marlow's biggest medal hope dropped out. Marlow's men's 4x100m relay team also did their bit by taking a shock gold."),
      plainArticle('g2', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('how many gold medals did marlow win').answer;
    expect(a.answer).not.toBe('4');
  });
});

describe('a where-span after "with"', () => {
  it('is a side, not a place, unless "with" is asked', () => {
    const engine = new Engine([
      plainArticle('w1', 'Vale talks a good game', 'Tom Vale has won some very big games such as the Kestrel Cup final with Marlow.'),
      plainArticle('w2', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
    ]);
    expect(engine.ask('where is the kestrel cup final').answer.answer).not.toBe('Marlow');
  });
});

describe('a place owning another noun', () => {
  it('tells where that noun is, not where the thing asked is', () => {
    const engine = new Engine([
      plainArticle('u1', 'Threat warning', "Other potential targets were the Kestrel festival and the Marlow's presidency of the trade league, he said."),
      plainArticle('u2', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('where is the kestrel festival').answer;
    expect(a.answer).not.toBe('Marlow');
    expect(a.short).toBe(false);
  });
});

describe('someone else\'s base', () => {
  it('does not tell where the thing asked is based', () => {
    const engine = new Engine([
      plainArticle('y1', 'Vale quits Kestrel shares', 'A close ally of the ex-Kestrel boss, Mr Nevzlo is currently based in Marlow.'),
      plainArticle('y2', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('where is kestrel based').answer;
    expect(a.short).toBe(false);
    expect(a.confidence).toBeLessThan(UNSURE_BELOW);
  });
});

describe('a yes-no question asking a deed done ("has X been convicted")', () => {
  it('is not answered as sure by a quote telling the deed only as a condition', () => {
    const engine = new Engine([
      plainArticle('v1', 'Lister denies fraud', 'Mr Lister could face a sentence of 85 years if convicted of all the charges he is facing.'),
      plainArticle('v2', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
    ]);
    expect(engine.ask('has lister been convicted').answer.confidence).toBeLessThan(UNSURE_BELOW);
    expect(engine.ask('was lister convicted').answer.confidence).toBeLessThan(UNSURE_BELOW);
  });
});

describe('"what did X say"', () => {
  it('reads the one asked, and a quote whose every reporting verb has another speaker', () => {
    expect(speakerAsked('what did tom vale say about ann lister')).toEqual(terms('tom vale'));
    expect(speakerAsked('what did kestrel make')).toBeNull();
    const vale = terms('tom vale');
    expect(otherSpeaker('Marlow boss Ann Lister has insisted that Sir Ivo Brandt and Tom Vale would swap places with her.', vale)).toBe(true);
    expect(otherSpeaker('"It was a fine game," said Tom Vale.', vale)).toBe(false);
    expect(otherSpeaker('Tom Vale said the game was fine.', vale)).toBe(false);
    expect(otherSpeaker('Tom Vale has rejected calls for an inquiry.', vale)).toBe(false);
  });

  it('is not answered as sure by someone else\'s words, nor by a name in bold', () => {
    const engine = new Engine([
      plainArticle('q1', 'Lister defiant', 'Marlow boss Ann Lister has insisted that Sir Ivo Brandt and Tom Vale would swap places with her.'),
      plainArticle('q2', 'Vale and the league', 'The voters of East Ashby voted not for Tom Vale but for the Kestrel League.'),
      plainArticle('q3', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
    ]);
    expect(engine.ask('what did tom vale say about ann lister').answer.confidence).toBeLessThan(UNSURE_BELOW);
    expect(engine.ask('what did tom vale say about the kestrel league').answer.short).toBe(false);
  });
});

describe('a thing asked in lower case that the quote has only as a name', () => {
  it('is someone, not the thing: "the pound" over "Mr Pound"', () => {
    expect(askedOnlyAsName('Ann Vale tracked down Mr Pound after her mother told her.', ['pound'])).toBe(true);
    expect(askedOnlyAsName('The pound fell against the dollar, Mr Pound said.', ['pound'])).toBe(false);
    expect(askedOnlyAsName('Singers including Sir Cliff Richard are recording a single.', ['cliff'])).toBe(false);
  });
  it('keeps the engine from answering with that quote', () => {
    const engine = new Engine([
      plainArticle('e1', 'Vale finds father', 'Ann Vale, 36, tracked down Mr Pound after her birth mother told her he was known as "Precious" at school.'),
      plainArticle('e2', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
    ]);
    expect(engine.ask('is the pound up or down').answer.answer).toBeNull();
  });
});

describe('a deed denied', () => {
  const termOf = (w: string) => terms(w)[0];
  it('tells that the one named does not do it, wherever the sentence names them', () => {
    const s = 'A clear conclusion has been reached, including by Tories, that the Tories are not going to win this election.';
    expect(deniedDeed(s, 'Tories', terms('win')[0]!, termOf)).toBe(true);
    expect(deniedDeed('The Tories are going to win this election.', 'Tories', terms('win')[0]!, termOf)).toBe(false);
    expect(deniedDeed("Marlow didn't win, but the Tories won.", 'Tories', terms('win')[0]!, termOf)).toBe(false);
  });
});

describe('a deed done to another like thing', () => {
  const termOf = (w: string) => terms(w)[0];
  it('reads "won best actor" as other than best actress, and "won best actress" as it', () => {
    const s = 'Ann Lister won best actress for Marlow, while Ivo Brandt won best actor for Kessel.';
    const object = terms('best actress');
    expect(otherObject(s, 'Ivo Brandt', terms('won')[0]!, object, termOf)).toBe(true);
    expect(otherObject(s, 'Ann Lister', terms('won')[0]!, object, termOf)).toBe(false);
    // (a clause after the verb is no object: "proposed that every object …")
    const t = 'Lister proposed that every object with mass has an innate inertia.';
    expect(otherObject(t, 'Lister', terms('proposed')[0]!, terms('innate inertia natural state objects'), termOf)).toBe(false);
  });
});

describe('a name asked of a thing the quote tells of only unnamed', () => {
  it('reads the thing whose name is asked: the last word of its phrase that is no name asked', () => {
    expect(namedThingAsked('whats the name of the indonesian official monsanto bribed', new Set(terms('monsanto')))).toBe(terms('official')[0]);
    expect(namedThingAsked('whats the name of the munich hotel where liam had the fight', new Set(terms('munich liam')))).toBe(terms('hotel')[0]);
    expect(namedThingAsked("anyone know the name of bellamy's agent", new Set(terms('bellamy')))).toBe(terms('agent')[0]);
    expect(namedThingAsked("whats 50 cents second album called", new Set(terms('cents')))).toBe(terms('album')[0]);
    expect(namedThingAsked('whats the name of the mum who told blair that', new Set(terms('blair')))).toBe(terms('mum')[0]);
    expect(namedThingAsked('who is the bbc political editor', new Set())).toBeNull();
  });

  it('finds it told only after an article or a possessive, with no name after it and no naming word', () => {
    const official = terms('official')[0]!;
    expect(tellsThingUnnamed('Monsanto has agreed to pay a fine for bribing an Indonesian official.', official)).toBe(true);
    expect(tellsThingUnnamed("According to Bellamy's agent, the player dismissed a permanent move.", terms('agent')[0]!)).toBe(true);
    expect(tellsThingUnnamed('The fine was for bribing an Indonesian official, Mr Harjono, in 2002.', official)).toBe(false);
    expect(tellsThingUnnamed("50 Cent's second album, The Massacre, is released on Thursday.", terms('album')[0]!)).toBe(false);
    expect(tellsThingUnnamed('He edits a group blog called Dogs without Borders.', terms('blog')[0]!)).toBe(false);
  });

  it('lets the engine say the corpus does not say, and still answer where the quote names it', () => {
    const engine = new Engine([
      plainArticle('m1', 'Monsanto fined over bribe', 'The US agrochemical giant Monsanto has agreed to pay a $1.5m fine for bribing an Indonesian official.'),
      plainArticle('m2', 'Howard at home', "Tory leader Michael Howard was joined on the campaign trail by his wife, Sandra, on Tuesday."),
      plainArticle('m3', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
    ]);
    expect(engine.ask('whats the name of the indonesian official monsanto bribed').answer.answer).toBeNull();
    expect(engine.ask("what's the name of michael howard's wife").answer.quote).toContain('Sandra');
  });
});

describe('a cause of death asked of a quote telling the death alone', () => {
  const engine = new Engine([
    plainArticle('d1', 'Country singer dies', 'Country and Western musician Jerry Scoggins has died in Los Angeles at the age of 93, his family has said.'),
    plainArticle('d2', 'Songwriter dies', 'Merle Kilgore, co-writer of the country hit Ring of Fire, has died of congestive heart failure aged 70.'),
    plainArticle('d3', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
  ]);

  it('says the corpus does not say, an age at death being no cause', () => {
    expect(engine.ask('what did scoggins die of').answer.answer).toBeNull();
  });

  it('answers where the quote tells the cause', () => {
    expect(engine.ask('what did merle kilgore die of').answer.quote).toContain('congestive heart failure');
  });
});
