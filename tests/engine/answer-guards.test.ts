import { describe, expect, it } from 'vitest';
import { plainArticle as art } from '../support/plain-article.ts';
import { Engine } from '../../src/engine/engine.ts';
import { kindNotTold, namesOther, restatesBearer, UNSURE_BELOW } from '../../src/engine/answer-question.ts';
import { placeLikeness } from '../../src/engine/name-likeness.ts';
import { beatApart, endsInAskedName, namedAsWork, rosterForOther, tellsRelation, untoldWin } from '../../src/engine/answer-evidence.ts';
import { terms } from '../../src/engine/text.ts';
import { hasCandidate } from '../../src/engine/span-candidates.ts';
import { dayOfOther, supersededDate } from '../../src/engine/event-slot.ts';
import { noChangeTold, picksOneOut } from '../../src/engine/answer-units.ts';
import { roleAsked, roleHolderTest } from '../../src/engine/role-holder.ts';

const holdsRoleIn = (question: string, sentence: string) => {
  const role = roleAsked('who', terms(question), question);
  return role === null ? null : roleHolderTest(question, role)(sentence, terms(sentence), []);
};

describe('a question asking which one ranks first', () => {
  it('is not answered as sure by a quote that ranks nothing', () => {
    const engine = new Engine([
      art('b1', 'Awards for Marlow acts', 'Marlow singer Ann Lister and rock band The Larks won coveted Kestrel awards during the event.'),
      art('b2', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('which band won the most kestrel awards').answer;
    expect(a.short).toBe(false);
    expect(a.confidence).toBeLessThan(UNSURE_BELOW);
  });

  it('keeps a quote that ranks', () => {
    const engine = new Engine([
      art('b1', 'Kestrel awards', 'Rock band The Larks won the most Kestrel awards, taking four prizes at the event.'),
      art('b2', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('which band won the most kestrel awards').answer;
    expect(a.quote).toContain('won the most Kestrel awards');
    expect(a.confidence).toBeGreaterThanOrEqual(UNSURE_BELOW);
  });
});

describe('a who-question', () => {
  it('never vouches for a bare number', () => {
    const engine = new Engine([
      art('p1', 'Consoles compared', 'But, he added, the Larkstation 3 was rumoured to have "a little more under the hood [than Xbox 2]".'),
      art('p2', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    const r = engine.ask('which company makes the larkstation');
    expect(r.span.text).toBe('3');
    expect(r.span.confidence).toBe(0);
    expect(r.answer.short).toBe(false);
  });
});

describe('a person-question', () => {
  it('takes no name used as a noun\'s modifier ("the Ann Lister visa affair")', () => {
    const engine = new Engine([
      art('k1', 'Visa row official knighted', 'The top civil servant at the centre of the Ann Lister visa affair has been knighted in the New Year Honours. Sir Tom Vale becomes a knight commander of the Bath.'),
      art('k2', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    const r = engine.ask('who got knighted in the new year honours');
    expect(r.span.text).not.toBe('Ann Lister');
  });
});

describe('a short answer', () => {
  it('is never only the words asked, unless the question offers the choice', () => {
    const engine = new Engine([
      art('l1', 'Ann Lister misses bail deadline', 'The former Larkines singer had been granted bail with curfew restrictions at Highbury Corner Magistrates Court on charges of robbery and blackmail.'),
      art('l2', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    const r = engine.ask('who is the singer in the larkines');
    expect(r.answer.short && r.answer.answer).not.toBe('Larkines');
  });
});

describe('a question asking when someone became something', () => {
  it('is not answered by the date of another event in a quote that only calls them it', () => {
    const engine = new Engine([
      art('k1', 'Wren calls for harbour plan', "Marlow should set out a plan for the harbour before next Sunday's vote, Green leader Ann Wren has said."),
      art('k2', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('when did ann wren become green leader').answer;
    expect(a.answer).toBeNull();
  });

  it('is answered by a quote that tells the becoming', () => {
    const engine = new Engine([
      art('k1', 'Wren calls for harbour plan', "Ann Wren, who was elected Green leader in 2003, wants a plan for the harbour."),
      art('k2', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('when did ann wren become green leader').answer;
    expect(a.answer).toBe('2003');
  });
});

describe('a question about a name', () => {
  it('abstains when the quote names it but tells nothing asked of it', () => {
    const engine = new Engine([
      art('f1', 'Marlow weigh up Wren move', 'Marlow say they will not be rushed into making a bid for Ann Wren should the striker leave Kestrel Town.'),
      art('f2', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    expect(engine.ask('where was ann wren born').answer.answer).toBeNull();
  });

  it('answers when the quote tells it in a near word', () => {
    const engine = new Engine([
      art('f1', 'Wren leaves Marlow', 'Striker Ann Wren has left Marlow for Kestrel Town, and her wife Jo Penn will join her there.'),
      art('f2', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('who is ann wren married to').answer;
    expect(a.quote).toContain('her wife Jo Penn');
  });
});

describe('a who-question whose thing asked only the title holds', () => {
  it('shows the quote as the closest passage, without a bold answer', () => {
    const engine = new Engine([
      art('t1', 'Rebels walk around the abandoned palace', 'The old palace in Marlow was invaded by rebels on Sunday evening. The Wardens have tolerated the rebels since the Larks attempted to take over the region ten years ago.'),
      art('t2', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('who took the palace').answer;
    expect(a.short).toBe(false);
    expect(a.confidence).toBeLessThan(UNSURE_BELOW);
  });

  it('still bolds the one named when only the deed asked is the headline\'s ("… wins …")', () => {
    const engine = new Engine([
      art('t1', 'Sea Rising wins Marlow film prize', 'Spanish movie Sea Rising has been named best picture and star Ann Wren best actor at the Marlow film festival.'),
      art('t2', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('who won best actor at the marlow film festival').answer;
    expect(a.short && a.answer).toBe('Ann Wren');
  });
});

describe('a what-question', () => {
  it('never answers with a demonym that only describes a word asked ("Syrian rebels")', () => {
    const engine = new Engine([
      art('d1', 'Rebels take palace', 'The Kestrel Palace in Marlow was invaded by Syrian rebels on Sunday evening.'),
      art('d2', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('what did the rebels invade').answer;
    expect(a.short && a.answer).not.toBe('Syrian');
  });
});

describe('one plain word asked', () => {
  it('is not ambiguous when all the passages using it are one article', () => {
    const engine = new Engine([
      art('p1', 'Rebels walk around the abandoned palace', [
        'Early reports showed rebels walking around the abandoned palace.',
        'The Kestrel Palace in Marlow was invaded by rebels on Sunday evening, according to reports.',
        'The palace was captured along with the nearby academy, where the rebels claimed to seize weapons.',
        'Rebels held the palace gates through the night while the army pulled out of the city.',
        'The palace had been empty for days before the attack, officials said on Monday.',
        'Pictures showed the palace halls stripped of furniture and paintings.',
      ].join('\n\n')),
    ]);
    expect(engine.ask('where is the palace').answer.answer).not.toBeNull();
  });
});

describe('a who-question about a thing', () => {
  it('never bolds a span naming that thing itself', () => {
    const engine = new Engine([
      art('s1', 'Talks in Marlow', 'Some reports indicated that the Larks and the Wardens were negotiating a withdrawal of Warden troops.'),
      art('s2', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('who are the wardens').answer;
    expect(a.short).toBe(false);
  });
});

describe('whether a window tells what is asked besides the names', () => {
  const held = new Set(['life', 'water', 'point']);
  const told = (t: string) => held.has(t);

  it('needs one word told of a question naming something', () => {
    expect(tellsRelation(['born'], true, told)).toBe(false);
    expect(tellsRelation(['born', 'life'], true, told)).toBe(true);
  });

  it('needs every word told of a short question naming nothing', () => {
    expect(tellsRelation(['mean', 'life'], false, told)).toBe(false);
    expect(tellsRelation(['point', 'water'], false, told)).toBe(true);
    expect(tellsRelation(['freez', 'point', 'water'], false, told)).toBe(false);
  });

  it('asks nothing of a longer question naming nothing, or of one word alone', () => {
    expect(tellsRelation(['freez', 'point', 'water', 'sea'], false, told)).toBe(true);
    expect(tellsRelation(['boil'], false, told)).toBe(true);
  });
});

describe('a how-many question', () => {
  it('abstains over a quote holding no number at all', () => {
    const engine = new Engine([
      art('n1', 'Marlow unveils crane', 'The new Kestrel crane at the Marlow port, the biggest the port has bought, was unveiled by the harbour master.'),
      art('n2', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    expect(engine.ask('how big is the new kestrel crane at the marlow port').answer.answer).toBeNull();
  });
});

describe('a who-question answered from a place', () => {
  it('finds no one in a sentence naming only a place after "in"', () => {
    expect(hasCandidate('who is anna lister married to', 'The couple, who married in Los Angeles last September, claimed staff took photographs of them.')).toBe(false);
    expect(hasCandidate('who is anna lister married to', 'The couple, who married Tom Reed last September, claimed staff took photographs of them.')).toBe(true);
  });

  it('never vouches for the name asked as its own answer', () => {
    const engine = new Engine([
      art('w1', 'Singer attacks tabloids', 'Singer Anna Lister has attacked false US tabloid magazines, questioning their honesty. The couple, who married in Los Angeles last September, claimed staff took photographs of them which were later sold.'),
      art('w2', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('who is anna lister married to').answer;
    expect(a.short).toBe(false);
  });
});

describe('"who is X" over a title before the name', () => {
  it('gives the title without the first name', () => {
    const engine = new Engine([
      art('m1', 'Ferrante defiant on Lisbon form', 'Lisbon boss Rui Ferrante has insisted that his rivals would swap places with him.'),
      art('m2', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    const r = engine.ask('who is ferrante');
    expect(r.span.text).toBe('Lisbon boss');
  });
});

describe('"how many X" in an article that counts X', () => {
  it('quotes the sentence counting the thing asked over one with the names and another number', () => {
    const engine = new Engine([
      art('h1', 'Larkfall 2 sells five million copies', 'Games firm Mirren is celebrating bumper sales of its shooter, Larkfall 2. The game has sold more than five million copies worldwide since it went on sale in mid-November, the company said. Racing game Speedline took the top slot in the UK games charts. Larkfall 2 dropped one place to five, while Half-Life 2 fell to number nine.'),
      art('h2', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('how many copies did larkfall 2 sell').answer;
    expect(a.quote).toContain('five million copies');
  });
});

describe('a what-question answered by one word of a longer phrase', () => {
  it('leads with the sentence instead of the cut word', () => {
    const engine = new Engine([
      art('f1', 'Fuel duty frozen', 'Minister Anna Lister has announced a freeze on fuel duty in her pre-budget speech to the Commons on Thursday.'),
      art('f2', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    const r = engine.ask('what did anna lister announce in the budget');
    expect(r.span.text).toBe('freeze');
    expect(r.answer.short).toBe(false);
    expect(r.answer.quote).toContain('a freeze on fuel duty');
  });
});

describe('a question set in one place over a quote set in another', () => {
  it('does not vouch for the other place\'s date', () => {
    const engine = new Engine([
      art('p1', 'Portable Larkstation ready to go', "Kestrel's Larkstation Portable (LSP) will go on sale in Japan on 12 December.\n\nThe handheld will cost about 19,800 yen. At launch 21 games will be available.\n\nKestrel has not yet announced when the LSP will be available in Europe and the US."),
      art('p2', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    expect(engine.ask('when does the lsp go on sale in europe').answer.short).toBe(false);
    expect(engine.ask('when does the lsp go on sale in japan').answer.short).toBe(true);
  });

  it('does not vouch for a figure told across another region', () => {
    const engine = new Engine([
      art('p1', 'Floods push millions into poverty', 'Nearly two million people across Marlowland could be pushed into poverty because of the floods, a bank has said.\n\nThe bank said the region needed aid.'),
      art('p2', 'Harbour reopens', 'The harbour at Vale in Lisbonia reopened on Friday after repairs.'),
    ]);
    const r = engine.ask('how many people in lisbonia could be pushed into poverty by the floods');
    expect(r.span.text).toBe('Nearly two million');
    expect(r.span.confidence).toBe(0);
    expect(r.answer.short).toBe(false);
  });
});

describe('"when did X start" over a span of years', () => {
  it('answers with its first year', () => {
    const engine = new Engine([
      art('y1', 'Regime loses Marlow', 'This is the first time since the beginning of the Battle of Marlow (2012-16) that the regime has lost control of the city.'),
      art('y2', 'Harbour reopens', 'The harbour at Kestrel reopened on Friday after repairs.'),
    ]);
    expect(engine.ask('when did the battle of marlow start').span.text).toBe('2012');
  });
});

describe('"what is X" over a sentence telling only where X is', () => {
  it('does not give the place as the bold answer', () => {
    const engine = new Engine([
      art('z1', 'Militias sent', 'Kestria reportedly sent over militias under the pretext of protecting holy sites, in particular the Sayyida Lark Mosque in Marlow.'),
      art('z2', 'Harbour reopens', 'The harbour at Kestrel reopened on Friday after repairs.'),
    ]);
    const r = engine.ask('what is the sayyida lark mosque');
    expect(r.answer.short && r.answer.answer === 'Marlow').toBe(false);
  });
});

describe('"when is X" over a month told as last', () => {
  it('does not give the past month as the coming date', () => {
    const engine = new Engine([
      art('r1', 'Lister retains cross country title', "In the women's race, Anna Lister won a battle with world cross country champion Tom Reed to retain her title. Reed, who shocked her rivals in Marlow last March, looked to be on course for another win in the 6.2km race."),
      art('r2', 'Harbour reopens', 'The harbour at Kestrel reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('when is the womens race at the world cross country champs').answer;
    expect(a.short && a.answer === 'March').toBe(false);
  });
});

describe('a where-question answered by a surname', () => {
  it('does not give in bold the surname of someone the article names in full', () => {
    const engine = new Engine([
      art('o1', 'Oscar host Rock to keep it clean', 'Oscar host Chris Rock has said he will steer clear of bad language. The show\'s producers defended Rock and confirmed that he would still be presenting the Oscar ceremony.'),
      art('o2', 'Harbour reopens', 'The harbour at Kestrel reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('wheres the oscar ceremony this year').answer;
    expect(a.short && a.answer === 'Rock').toBe(false);
  });
});

describe('a who-question answered by one word after "a" or "an"', () => {
  it('does not give in bold the description as someone', () => {
    const engine = new Engine([
      art('m1', "Lister launches 'Larks' party", "Ann Lister has launched the Larks. Lister was made an MEP because of her position on the Kestrel Party's list."),
      art('m2', 'Harbour reopens', 'The harbour at Kestrel reopened on Friday after repairs.'),
      art('m3', 'Wren wins vote', 'Tom Wren won the vote in Marlow on Sunday.'),
    ]);
    for (const q of ['who replaced lister at the kestrel party', 'who is lister in the kestrel party']) {
      const a = engine.ask(q).answer;
      expect(a.short && a.answer === 'MEP').toBe(false);
    }
  });
});

describe('a where-question answered by the name opening the sentence', () => {
  it('does not give in bold what the sentence is about as where', () => {
    const engine = new Engine([
      art('g1', 'India seeks fair trade rules', 'India, which attends the Kestrel summit of seven leading trading towns on Friday, is unlikely to be cowed by its newcomer status. Its mayor wants fair rules.'),
      art('g2', 'Harbour reopens', 'The harbour at Wrenfield reopened on Friday after repairs.'),
      art('g3', 'Wren wins vote', 'Tom Wren won the vote in Ashby on Sunday.'),
    ]);
    const a = engine.ask('where is the kestrel summit').answer;
    expect(a.short && a.answer === 'India').toBe(false);
  });
});

describe('"what is X about"', () => {
  it('gives no phrase of the quote in bold as what the story is', () => {
    const engine = new Engine([
      art('v1', 'Bookmakers back Kestrel for award', 'The Kestrel has been tipped by UK bookmakers as the favourite to win the best film award at this year\'s Marlow festival.'),
      art('v2', 'Harbour reopens', 'The harbour at Wrenfield reopened on Friday after repairs.'),
      art('v3', 'Wren wins vote', 'Tom Wren won the vote in Ashby on Sunday.'),
    ]);
    const a = engine.ask('what is the kestrel about').answer;
    expect(a.answer).not.toBeNull();
    expect(a.short).toBe(false);
  });
});

describe('"how many X" over a quote whose number counts other things', () => {
  it('is not shown as sure', () => {
    const engine = new Engine([
      art('i1', 'Kestrel agency to widen checks', 'Kestrel agency inspectors make around 3,000 visits a year to more than 900 harbours worldwide.'),
      art('i2', 'Harbour reopens', 'The harbour at Wrenfield reopened on Friday after repairs.'),
      art('i3', 'Wren wins vote', 'Tom Wren won the vote in Ashby on Sunday.'),
    ]);
    const a = engine.ask('how many inspectors does the kestrel agency have').answer;
    expect(a.short).toBe(false);
    expect(a.confidence).toBeLessThan(UNSURE_BELOW);
  });
});

describe('a where-question answered by a place made an adjective', () => {
  it('does not give the place of the noun after it, but does of the thing asked', () => {
    const engine = new Engine([
      art('b1', 'Kestrel bid backed', '"Kestrel Boerse appears very committed," said one London-based broker.'),
      art('b2', 'Wren profits rise', 'Wren, the Marlow-based retailer, said profits rose 5% in the year.'),
      art('b3', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('where is kestrel boerse based').answer;
    expect(a.short && a.answer === 'London').toBe(false);
    expect(engine.ask('where is wren based').answer.answer).toBe('Marlow');
  });
});

describe('a what-question answered by someone called by an honorific', () => {
  it('does not give the person in bold', () => {
    const engine = new Engine([
      art('w1', 'Kestrel director ends evidence', 'Mr Wren has spent two days being cross-examined by lawyers for former Kestrel chief executive Mr Lister.'),
      art('w2', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
      art('w3', 'Marlow wins vote', 'Marlow won the vote in Ashby on Sunday.'),
    ]);
    const a = engine.ask('whats kestrel called these days').answer;
    expect(a.short && /^Mr /.test(a.answer ?? '')).toBe(false);
  });
});

describe('"who won X" answered by a place after "in"', () => {
  it('does not give the place in bold, though a side that won may be a country', () => {
    const engine = new Engine([
      art('s1', 'Lister to defend titles', 'The Belgian has not competed since losing her top ranking in September. She will defend her titles in Sydney and at the Kestrel Open.'),
      art('s2', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
      art('s3', 'Marlow wins vote', 'Marlow won the vote in Ashby on Sunday.'),
    ]);
    const a = engine.ask("who won the kestrel open women's title").answer;
    expect(a.short && a.answer === 'Sydney').toBe(false);
  });
});

describe('a how-much question answered by a score', () => {
  it('does not give the score in bold as an amount', () => {
    const engine = new Engine([
      art('p1', 'Lister reaches Marlow final', 'Ann Lister reached the final of the Marlow open after a 26-21 win over Tom Wren in a deciding set.'),
      art('p2', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('how much does the winner of the marlow open get').answer;
    expect(a.short && a.answer === '26-21').toBe(false);
  });
});

describe('"how many X" answered by a count of occasions', () => {
  it('does not give "18 times" in bold for a count of films', () => {
    const engine = new Engine([
      art('n1', 'Lister film leads nominations', '"It is the most nominated film, and the most nominated film has won the Kestrel award 18 times out of the last 20 years."'),
      art('n2', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('how many films could win the kestrel award this year').answer;
    expect(a.short && /times/.test(a.answer ?? '')).toBe(false);
  });
});

describe('a who-span ending in the name asked', () => {
  const own = (q: string) => new Set(terms(q));
  it('ends in one whole name of several asked, never in a name\'s last word alone', () => {
    const q = 'who directed Hide and Seek, the De Niro one';
    expect(endsInAskedName(terms('Robert de Niro'), new Set(terms('Hide Seek De Niro')), q, own(q))).toBe(true);
    const k = "who was Genghis Khan's successor";
    expect(endsInAskedName(terms('Ögedei Khan'), new Set(terms('Genghis Khan')), k, own(k))).toBe(false);
    const l = 'who is Anna Lister married to';
    expect(endsInAskedName(terms('Singer Anna Lister'), new Set(terms('Anna Lister')), l, own(l))).toBe(true);
  });

  it('ends in a one-word name the question gives as an owner ("Tautou\'s Da Vinci Code part")', () => {
    const t = "which british actress was in the frame for Tautou's Da Vinci Code part";
    expect(endsInAskedName(terms('Audrey Tautou'), new Set(terms('Tautou Da Vinci Code')), t, own(t))).toBe(true);
    // (one word of a name asked that owns nothing is no name of its own: Khan's successor may be a Khan)
    const k = "who was Genghis Khan's successor";
    expect(endsInAskedName(terms('Ögedei Khan'), new Set(terms('Genghis Khan')), k, own(k))).toBe(false);
  });
});

describe('the size of a ranking', () => {
  it('is no amount asked: "top five" of "top five oil producers" is not bold for how much', () => {
    const engine = new Engine([
      art('t1', 'Kestrel merger', "However, the merged group will still remain outside Marlow's top five oil producers - led by Lukoil with 11% of the market, followed by Surgut."),
      art('t2', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('how much oil does marlow produce').answer;
    expect(a.answer).not.toBe('five');
    expect(a.short).toBe(false);
  });
});

describe('one word after "the"', () => {
  it('is a side or a party, no person asked for', () => {
    const engine = new Engine([
      art('p1', 'Anti-terror row', 'Tom Vale has no doubt it is the prime minister who, he claims, is "ramming" through Parliament the new measures. He did not say so, but the Larkists believe the prime minister is playing the fear card on this one.'),
      art('p2', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('who is the prime minister').answer;
    expect(a.answer).not.toBe('Larkists');
    expect(a.short).toBe(false);
  });
});

describe('a bare scale word', () => {
  it('is shown as the number it is: "a million"', () => {
    const engine = new Engine([
      art('s1', 'Kestrel raises targets', 'Kestrel raised its sales targets for the Lark console last December after selling a million in Marlow and Ashby in just a few weeks.'),
      art('s2', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('how many lark consoles has kestrel sold').answer;
    expect(a.short).toBe(true);
    expect(a.answer).toBe('a million');
  });
});

describe('one end of a range', () => {
  it('is not bold as the amount', () => {
    const engine = new Engine([
      art('r1', 'Lark console debut', 'Games for the Lark are expected to cost between £19 and £29.'),
      art('r2', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('how much do lark games cost').answer;
    expect(a.answer).not.toBe('£19');
    expect(a.short).toBe(false);
  });
});

describe('a sentence led by "The <noun>" the sentence before names', () => {
  it('is quoted with that sentence when it lacks the answer\'s kind, and "buried" reads "burial"', () => {
    const engine = new Engine([
      art('m1', 'Militias sent', 'Ashby reportedly sent over militias under the pretext of protecting holy sites, in particular Kestrel Lark Mosque in Marlow. The mosque is considered the burial place of Ann Vale by her followers. Not to be confused with the mosque with the same name in Wrenfield, which is considered to be her burial place by others.'),
      art('m2', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('where is ann vale buried').answer;
    expect(a.quote).toContain('Marlow');
  });
});

describe('"who won X" over a quote with no word of winning', () => {
  it('is read as not telling the win', () => {
    expect(untoldWin('who won the kestrel cup', "Marlow have lost their first three matches in this year's Kestrel Cup since Vale took over.")).toBe(true);
    expect(untoldWin('who won the kestrel cup', 'Marlow beat Ashby 2-1 in the Kestrel Cup final.')).toBe(false);
    expect(untoldWin('which team won the kestrel cup', 'Marlow were crowned Kestrel Cup champions.')).toBe(false);
    expect(untoldWin('who lost the kestrel cup', 'Marlow have lost in the Kestrel Cup.')).toBe(false);
  });
});

describe('the one saying the quote', () => {
  it('is no answer unless a person is asked', () => {
    const engine = new Engine([
      art('k1', 'Hard act to follow for Kestrel', '"Tom Vale would like to go into acting, so we might see him in a film, while Big Lark already has a dog-breeding business," says the DJ.'),
      art('k2', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
      art('k3', 'Kestrel tour', 'Kestrel will tour in May.'),
    ]);
    const a = engine.ask("whats big lark's dog breeding business called").answer;
    expect(a.answer).not.toBe('DJ');
    expect(a.short).toBe(false);
  });
});

describe('a who-span that is the name asked with a title of address', () => {
  it('restates the question ("Mr Vale" for "who wrote vales marlow"): not in bold', () => {
    const engine = new Engine([
      art('w1', 'Vale pledges help', "Mr Vale has also pledged to write off the debt owed to Marlow by the world's poor nations."),
      art('w2', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('who wrote vales marlow').answer;
    expect(a.answer).not.toBe('Mr Vale');
    expect(a.short).toBe(false);
  });
});

describe('a where-span with no name and no word of place', () => {
  it('is no place ("cost taxpayers"), and an office is none either', () => {
    const engine = new Engine([
      art('d1', 'Errors doomed first Dome sale', 'The Kestrel Audit Office said the Dome cost taxpayers £28.7m to maintain and sell in the four years after it closed.'),
      art('d2', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('where is the dome').answer;
    expect(a.short).toBe(false);
  });
});

describe('the kind of thing a what-question asks for', () => {
  it('need not stand in the quote or its article: the answer is one ("what weapons" over "air defense systems", the seed)', async () => {
    const { loadSeedEngine } = await import('../support/seed-engine.ts');
    const engine = await loadSeedEngine();
    const a = engine.ask('what weapons did rebels claim to capture').answer;
    expect(a.answer).not.toBeNull();
    expect(a.quote).toContain('air defense systems');
  });
});

describe('"what did X do": a deed asked', () => {
  it('is never a name in bold ("Chelsea" for "what did brandt do in the cup final")', () => {
    const engine = new Engine([
      art('g1', 'Thompson says Brandt should stay', "Thompson reacted sharply to some Marlow supporters, who criticised Brandt's performance in the Kestrel Cup final against Ashby."),
      art('g2', 'Harbour reopens', 'The harbour at Kessel reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('what did brandt do in the kestrel cup final').answer;
    expect(a.answer).not.toBe('Ashby');
    expect(a.short).toBe(false);
  });
});

describe('who won a prize', () => {
  it('is not the winner of a like but other prize ("won best actor" for best actress), nor the work played in', () => {
    const engine = new Engine([
      art('a1', 'Drama wins critics award', 'Actress Ann Lister has again been recognised for her role in Kessel Drake, winning best actress, while Ivo Brandt won best actor for Marlow.'),
      art('a2', 'Harbour reopens', 'The harbour at Kessel reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('who won best actress').answer;
    expect(a.answer === 'Ivo Brandt' || a.answer === 'Kessel Drake').toBe(false);
    expect(a.short).toBe(false);
  });
});

describe('a figure of another year', () => {
  it('is not the change asked ("2003\'s 784m euro figure" for how much profits fell)', () => {
    const engine = new Engine([
      art('m1', 'Car giant hit by slump', "Kestrel's profits over the period compared unfavourably with 2003's 784m euro figure and were well below forecasts."),
      art('m2', 'Harbour reopens', 'The harbour at Kessel reopened on Friday after repairs.'),
    ]);
    expect(engine.ask('how much did kestrel profits fall').answer.short).toBe(false);
  });
});

describe('"what is the N of Y" over a quote naming N and Y apart', () => {
  it('is not shown as sure ("currencies" and "Japan" in one sentence tell no currency of Japan)', () => {
    const engine = new Engine([
      art('c1', 'Dollar gains', 'The dollar regained some lost ground against most major currencies on Wednesday after South Korea and Japan said they would keep buying it.'),
      art('c2', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
    ]);
    expect(engine.ask('what is the currency of japan').answer.confidence).toBeLessThan(UNSURE_BELOW);
  });

  it('leaves a quote setting them together alone ("Japan\'s currency, the yen")', () => {
    const engine = new Engine([
      art('c3', 'Yen falls', 'Japan\'s currency, the yen, fell against the dollar on Wednesday after the bank cut rates.'),
      art('c4', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
    ]);
    expect(engine.ask('what is the currency of japan').answer.quote).toContain('yen');
  });
});

describe('a span listed after the name asked', () => {
  it('is one of its peers, not an answer about it ("If you have finished Doom 3, Half Life 2 and Halo 2")', () => {
    const filler = Array.from({ length: 20 }, (_, i) => art(`f${i}`, `Market report ${i}`, `Shares in firm ${i} rose on Monday as traders bought stock.`));
    const engine = new Engine([
      art('g1', 'Games of the year', 'If you have finished Gloom 3, Half Time 2 and Hello 2, don\'t worry. More games are coming.'),
      art('g3', 'Gloom 3 tops charts', 'The much-anticipated sci-fi horror Gloom 3 shot straight to the top of the games charts on its release in August.'),
      ...filler,
    ]);
    expect(engine.ask('who actually made gloom 3').answer.short).toBe(false);
  });

  it('leaves an apposition alone ("Ann Lister, chief of Kestrel Foods")', () => {
    const engine = new Engine([
      art('a1', 'Stories', 'People want to share their own stories, according to Ann Lister, chief of technology giant Kestrel Foods.'),
      art('a2', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
    ]);
    expect(engine.ask('who is ann lister').answer.answer).toMatch(/chief of technology giant Kestrel Foods/);
  });
});

describe('a count of one season for a whole career', () => {
  it('is not the bold answer ("last year she … won seven titles" for "in her whole career")', () => {
    const engine = new Engine([
      art('d1', 'Lister wins', 'Ann Lister has won three Grand Slams. Her career has been hit by injuries but last year she started hitting top form and won seven titles.'),
      art('d2', 'Harbour reopens', 'The harbour at Ashby reopened on Friday after repairs.'),
    ]);
    expect(engine.ask('how many titles has ann lister won in her whole career').answer.short).toBe(false);
    expect(engine.ask('how many titles did ann lister win last year').answer.answer).toBe('seven');
  });
});

describe('a price asked', () => {
  const sale = (told: string) => new Engine([art('a', 'Yarrow sold at auction', `A little-known company has bought the oil unit Yarrow at auction in Moscow. Reports say Kestrel has paid ${told} to the state fund for Yarrow. The sale was criticised.`)]);

  it('is not vouched for by a sum of another thing ("a deposit of $1.7bn", "a $1bn special dividend")', () => {
    expect(sale('a deposit of nearly $1.7bn').ask('how much did kestrel pay for yarrow').answer.short).toBe(false);
    const dividend = new Engine([art('a', 'Firm buys rival', 'Kestrel agreed to buy its rival Yarrow on Monday. The deal will be financed with $15bn of shares and a $1bn special dividend paid to Yarrow shareholders.')]);
    expect(dividend.ask('how much did kestrel pay for yarrow').answer.short).toBe(false);
  });

  it('is vouched for by the total paid', () => {
    const a = sale('a total of nearly $1.7bn').ask('how much did kestrel pay for yarrow').answer;
    expect(a.short).toBe(true);
    expect(a.answer).toBe('nearly $1.7bn');
  });
});

describe('a team sheet', () => {
  const sheet = 'Almunia, Lauren, Toure, Campbell, Cole, Pires, Flamini, Vieira, Clichy, Van Persie (Bergkamp 68), Henry.';
  it('answers only who played ("what did pires say about cole" over "Almunia, Lauren, … Cole, Pires, …")', () => {
    expect(rosterForOther('what did pires say about cole', sheet)).toBe(true);
    expect(rosterForOther('what did pires say about cole', 'Bolton: Jaaskelainen, Hunt (Fadiga 14), N\'Gotty, Ben Haim, Candela, Giannakopoulos, Okocha.')).toBe(true);
    expect(rosterForOther('who played for arsenal', sheet)).toBe(false);
    expect(rosterForOther('who did arsenal sign', 'Arsenal signed Cole, Pires, Flamini, Vieira and Clichy last summer, and sold Henry.')).toBe(false);
  });

  it('is shown as the closest passage, not a sure answer', () => {
    const engine = new Engine([art('m', 'Kestrels beat Rovers', `Kestrels beat Rovers 2-0 on Saturday. Kestrels: ${sheet}`)]);
    expect(engine.ask('what did pires say about cole').answer.confidence).toBeLessThan(UNSURE_BELOW);
  });
});

describe('where someone lives', () => {
  const engine = new Engine([
    art('a', 'Viewer sues over stunt show', 'A TV network is being sued by a viewer who was disgusted by a stunt show. Austin Hale is taking action against NBC over its programme Fear Factor. He said the show made him dizzy. Mr Hale, who lives in Cleveland, said he knocked his head in a doorway.'),
  ]);

  it('is read in the sentence saying so, not the one naming the person most fully ("against NBC")', () => {
    expect(engine.ask('where does austin hale live').answer.answer).toBe('Cleveland');
  });
});

describe('a number told of another place', () => {
  const engine = new Engine([art('s', 'Smoking ban details set out', 'The first minister said bans had helped smokers give up. He said there had been falling cigarette sales of 13% in New York and 16% in Ireland. The ban starts next spring.')]);
  it('is not vouched for when the question asks the other place ("13% in New York" for Ireland)', () => {
    expect(engine.ask('how much did cigarette sales fall in ireland').answer.answer).not.toBe('13%');
  });

  it('is when it is the place asked', () => {
    const a = engine.ask('how much did cigarette sales fall in new york').answer;
    expect(a.short).toBe(true);
    expect(a.answer).toBe('13%');
  });
});

describe('a span from the neighbouring sentence', () => {
  it('is not vouched for when that sentence shares no word asked ("Over 60% of mobiles" after "profits rose sharply")', () => {
    const engine = new Engine([art('p', 'Camera phones sell', 'Kestrel Mobile said its profits went up in the third quarter thanks to new camera phones. Over 60% of handsets sold during the three months featured cameras.')]);
    expect(engine.ask('how much did kestrel mobile profits go up').answer.short).toBe(false);
    // (a neighbour sharing a word asked is read as before)
    const told = new Engine([art('p', 'Camera phones sell', 'Kestrel Mobile said its profits went up in the third quarter thanks to new camera phones. The profits were up 60% on the year.')]);
    expect(told.ask('how much did kestrel mobile profits go up').answer.answer).toBe('60%');
  });
});

describe('a yes-or-no question', () => {
  const engine = new Engine([art('t', 'Tory backing for ID cards', 'The Tories are to back controversial government plans to introduce ID cards. The shadow cabinet revealed its support ahead of next week\'s vote.')]);
  it('is answered by the sentence, never by a phrase of it ("controversial government plans")', () => {
    const a = engine.ask('will the tories back id cards').answer;
    expect(a.short).toBe(false);
    expect(a.quote).toContain('The Tories are to back');
  });

  it('is not a choice between two things ("high-voltage or low-voltage")', () => {
    const choice = new Engine([art('v', 'Inventor tests', 'Tesla ran his experiments in a laboratory in Colorado Springs. The experiments he ran there were high-voltage, and lit lamps miles away.')]);
    expect(choice.ask('Were his experiments high-voltage or low-voltage?').answer.short).toBe(true);
  });
});

describe('the one replaced', () => {
  const engine = new Engine([art('m', 'Time to get tough on friendlies', 'One manager who has got it right this week is Walter Smith. The new Scotland manager has decided to have a training camp for his first international week since replacing Berti Vogts.')]);
  it('is no holder of the role asked ("who is the new scotland manager" over "since replacing Berti Vogts")', () => {
    expect(engine.ask('who is the new scotland manager').answer.answer).not.toBe('Berti Vogts');
  });

  it('answers whom someone replaced', () => {
    expect(engine.ask('who did the new scotland manager replace').answer.answer).toBe('Berti Vogts');
  });
});

describe('a count of another thing per thing asked', () => {
  it('is no count of the things asked ("2.9 million viewers per episode" for "how many episodes")', () => {
    const engine = new Engine([art('s', 'Star Trek fans fight to save show', 'The 98th and final episode of Star Trek: Enterprise will air in the US on 13 May. The fourth series has averaged 2.9 million viewers per episode - half the amount it got in its first series.')]);
    expect(engine.ask('how many episodes of enterprise are there').answer.answer).not.toBe('2.9 million');
  });
});

describe('the date of an event asked by name', () => {
  it('is not read in an article lacking one of the names ("150 Game shops … open on Friday" for "the pajama game")', () => {
    const engine = new Engine([
      art('n', 'Nintendo DS makes its Euro debut', 'The handheld went on sale across Europe. Five Virgin megastores and 150 Game shops were expected to open early on Friday morning to let people buy a DS.'),
      art('p', 'Connick Jr to lead Broadway show', 'Singer Harry Connick Jr is to star in a Broadway revival of the musical The Pajama Game. He will play the supervisor of a pyjama factory.'),
    ]);
    expect(engine.ask('when does the pajama game open').answer.answer).not.toBe('Friday morning');
  });
});

describe('the title before the name a deed is asked of', () => {
  const engine = new Engine([art('m', 'Rock star sued by ex-girlfriend', 'Kestrel guitarist Mick Marlow is being sued by his ex-girlfriend for $10 million, claiming he broke a promise. The pair split in December.')]);
  it('is no answer to who did the deed ("who is suing mick marlow" → not "Kestrel guitarist")', () => {
    const a = engine.ask('who is suing mick marlow').answer;
    expect(a.answer).not.toBe('Kestrel guitarist');
  });

  it('answers who the person is', () => {
    expect(engine.ask('who is mick marlow').answer.answer).toBe('Kestrel guitarist');
  });
});

describe('a number told as no change', () => {
  it('is not vouched for when a rise is asked ("owns 6.7% of its shares" for "how much did its shares rise")', () => {
    const engine = new Engine([art('c', 'Retailer gets takeover offer', 'Kestrel Stores has received a takeover offer. The bid has come from Boston-based Highfields, which already owns 6.7% of Kestrel\'s shares.')]);
    expect(engine.ask('how much did kestrel shares rise').answer.short).toBe(false);
  });

  it('is a change when a word of rising or falling stands by it ("up 19.6%", "increased fourfold", "a 5% rise")', () => {
    const told = (s: string, n: string) => noChangeTold(s, s.indexOf(n), s.indexOf(n) + n.length);
    expect(told('Shares in Kestrel were up 19.6% at $17.04 in Tuesday trading.', '19.6%')).toBe(false);
    expect(told('Traffic on the network increased fourfold on the launch day.', 'fourfold')).toBe(false);
    expect(told('The firm reported a 5% rise in sales.', '5%')).toBe(false);
    expect(told('Highfields already owns 6.7% of Kestrel\'s shares.', '6.7%')).toBe(true);
  });
});

describe('the other side of talks', () => {
  it('is no answer to who does the deed ("in final negotiations with luxury goods group LVMH to buy X")', () => {
    const engine = new Engine([art('l', 'US firm bids for fashion label', 'A US firm has said it is in final negotiations with luxury goods group Kestrel to buy the loss-making Marlow fashion house. Kestrel refused to comment.')]);
    expect(engine.ask('who wants to buy the marlow fashion house').answer.short).toBe(false);
  });
});

describe('who beat someone', () => {
  const apart = (q: string, s: string, name: string) => beatApart(q, s, s.indexOf(name), s.indexOf(name) + name.length);
  it('is a name beside a word of beating ("the defeat to Wales", "Wales beat France"), not one a comma parts from it', () => {
    expect(apart('who beat france', 'The pressure had eased on the under-fire Laporte, despite the defeat at the Stade de France.', 'Laporte')).toBe(true);
    expect(apart('who beat france', 'France played their best rugby in the defeat to Wales.', 'Wales')).toBe(false);
    expect(apart('who beat france', 'Wales beat France 24-18 in Paris.', 'Wales')).toBe(false);
    expect(apart('who won the match', 'Laporte, despite the defeat.', 'Laporte')).toBe(false);
  });
});

describe('a former holder', () => {
  const engine = new Engine([art('c', 'Winger fires coach warning', 'Former Marlow fly-half Tom Wren has warned the pressure is mounting on coach Ann Lister following their defeat by Kestrel.')]);
  it('is not vouched for as who holds the role now ("Former Marlow fly-half Tom Wren")', () => {
    expect(engine.ask("who is marlow's fly-half").answer.short).toBe(false);
  });

  it('is when a past holder is asked', () => {
    expect(engine.ask("who was marlow's fly-half").answer.answer).toBe('Tom Wren');
  });
});

describe('a place set before a role', () => {
  it('names whose role it is, not where ("the England captain", "Blues boss Jose Mourinho")', () => {
    const engine = new Engine([art('b', 'Beckham rules out management move', 'David Beckham has ruled out becoming a manager when he retires. "I am not interested in being a coach but I would like to have football schools," the England captain said on television.')]);
    const r = engine.ask('where does david beckham want to open his football schools');
    expect(r.span.text).toBe('England');
    expect(r.span.confidence).toBe(0);
  });
});

describe('a number set as someone\'s age', () => {
  it('is no amount asked ("Viktor Makarov, 50, claims …" for "how much of a pension is he asking for")', () => {
    const engine = new Engine([art('m', 'Russian ex-spy on hunger strike', 'A former KGB officer is on hunger strike outside Downing Street. Viktor Makarov, 50, claims he has been betrayed by the British authorities over his pension.')]);
    expect(engine.ask('how much of a pension is viktor makarov asking for').answer.short).toBe(false);
    expect(engine.ask('how old is viktor makarov').answer.answer).toBe('50');
  });
});

describe('where someone comes from', () => {
  const engine = new Engine([
    art('h', 'Marlow band honoured', 'Singer Ann Lister has inducted rock band The Larks into the Hall of Fame, in New York. Lister said the night was special. Tom Reed introduced soul group the Ojays, a gospel quartet from Ohio, who sang three songs.'),
    art('s', 'Sprinter cleared', 'Greek sprinter Katerina Varga says she is eager to race again after a tribunal in Athens cleared her. Varga said she wanted to run in London.'),
  ]);

  it('is read beside the name in the sentence that gives it, not the one naming it most fully ("in New York")', () => {
    const a = engine.ask("where are the ojays from").answer;
    expect(a.answer).toBe('Ohio');
    expect(a.short).toBe(true);
  });

  it('is a people\'s word set before the name and its role ("Greek sprinter")', () => {
    expect(engine.ask('where is katerina varga from').answer.answer).toBe('Greek');
  });
});

describe('an age asked of someone named in full', () => {
  const engine = new Engine([
    art('c', 'Comic creator wins case', 'Comic creator Stan Reed is to get a windfall after a court battle. Of the cut now due to Reed, 82, his lawyer said it was large.'),
    art('r', 'Rock stars honoured', 'The Larks were honoured at a ceremony in New York. The band, led by Chrissie Hynde, played two songs. "We are a tribute band," said Hynde, 53.'),
    art('j', 'Piano man plays on', 'Veteran musician Jerry Lewis kicked over his stool at the show in Memphis.'),
  ]);

  it('is not read in an article lacking a word of the name ("Reed, 82," is not Jerry Reed Lewis\'s age)', () => {
    const a = engine.ask('how old is jerry reed lewis').answer;
    expect(a.answer === '82' && a.short).toBe(false);
  });

  it('is read as the speaker\'s age closing a quote ("said Hynde, 53.")', () => {
    const a = engine.ask('how old is chrissie hynde').answer;
    expect(a.answer).toBe('53');
    expect(a.short).toBe(true);
  });
});

describe('a deed told as not done, far from the name', () => {
  const engine = new Engine([art('k', 'Reed frustrated at margin', 'Kestrels manager Tom Reed admitted he was frustrated his side did not score more than one goal in their friendly win over Rovers. The players trained on Monday.')]);
  it('names no one who did it, and the quote is the closest passage ("who scored")', () => {
    const a = engine.ask('who scored for kestrels against rovers').answer;
    expect(a.short).toBe(false);
    expect(a.confidence).toBeLessThan(UNSURE_BELOW);
  });
});

describe('what someone said', () => {
  const engine = new Engine([art('d', 'Blues injury worries', 'Kestrels winger Ann Lister could also miss the Rovers game. The club play on Wednesday at the Marlow ground.')]);
  it('is not told by a quote telling no saying at all', () => {
    expect(engine.ask('what did ann lister say about the rovers game').answer.confidence).toBeLessThan(UNSURE_BELOW);
  });
});

describe('a place set before the people it is of', () => {
  const engine = new Engine([art('k', 'Lister quits party', 'Ann Lister has quit the Kestrel Party. Ms Lister explained her reasons to her East Marlow constituents at a meeting in Hinckley, Leicestershire.')]);
  it('is not where something happened ("her East Marlow constituents")', () => {
    const a = engine.ask('where did ann lister explain her reasons').answer;
    expect(a.short && a.answer === 'East Marlow').toBe(false);
  });
});

describe('the one a company asked is "of"', () => {
  const engine = new Engine([art('l', 'Ally denies charges', 'Mr Lister headed the Kestrel group, the parent company of Yarrow. He denies the charges.')]);
  it('is not the company asked ("the parent company of Yarrow" for "what company did lister head")', () => {
    const a = engine.ask('what company did lister head').answer;
    expect(a.short && a.answer === 'Yarrow').toBe(false);
  });
});

describe('a work asked by its kind', () => {
  const engine = new Engine([art('b', 'Adventure tale tops awards', 'Young readers have voted Marlow Crane, a story about a boy who is taken on an adventure by a flying horse, the winner of two Kestrel Book Prizes. The prize is in its 20th year.')]);
  it('is not answered in bold by a phrase in lower case ("which book won" → not "flying horse")', () => {
    const a = engine.ask('which book won two kestrel prizes').answer;
    expect(a.short && !/\p{Lu}/u.test(a.answer ?? '')).toBe(false);
  });
});

describe('a span after the colon of a title asked', () => {
  const engine = new Engine([art('e', 'Original Kestrel film to be screened', 'The original version of horror prequel Kestrel: The Beginning, dropped by producers, is to have its world premiere. The film will be shown on 18 March at a festival of film.')]);
  it('is part of that title, not a place ("Beginning" for "where will the kestrel prequel be shown")', () => {
    const a = engine.ask('where will the kestrel prequel be shown').answer;
    expect(a.short && a.answer === 'Beginning').toBe(false);
  });
});

describe('a description set right before the name asked', () => {
  const engine = new Engine([art('d', 'A year to remember', 'The death of former Kestrels coach and Lions flanker Tom Reed in a car crash in Marlow shocked the rugby fraternity. Reed had coached the side to the Triple Crown in 1985.')]);
  it('answers who that is, not how he died', () => {
    const a = engine.ask('how did tom reed die').answer;
    expect(a.short && /coach|flanker/.test(a.answer ?? '')).toBe(false);
  });
});

describe('a number told of a list of places', () => {
  const engine = new Engine([art('m', 'Mobile only homes rise', 'According to the study, more than 45 million people in the UK, Germany, US and South Korea now only use a mobile. Landlines are falling.')]);
  it('is not the number of the one place asked', () => {
    const a = engine.ask('how many people use a mobile in the uk').answer;
    expect(a.short && /45 million/.test(a.answer ?? '')).toBe(false);
  });
});

describe('a who-span naming only a role', () => {
  const engine = new Engine([art('j', 'Kestrel MP defects', 'A Kestrel MP has defected to the Larks. Mr Reed is due to stand down at the next election. He is the third Kestrel MP to defect to the Larks since 1997.')]);
  it('names no one ("Kestrel MP" for "who defected to the larks")', () => {
    const a = engine.ask('who defected to the larks').answer;
    expect(a.short && /MP$/.test(a.answer ?? '')).toBe(false);
  });
});

describe('what someone died of', () => {
  const engine = new Engine([art('c', 'Tribute for TV host Reed', 'Reed, who hosted the Marlow Show for 30 years, died on 23 January from respiratory disease emphysema. He lived in Norfolk. When Reed died, President Lark led the public tributes, saying the presenter had a profound influence.')]);
  it('is read in the sentence telling the death with its cause, and no name is the cause', () => {
    const a = engine.ask('what did reed die of').answer;
    expect(a.quote).toContain('emphysema');
    expect(a.short && a.answer === 'President Lark').toBe(false);
  });
});

describe('a who-answer that is no one', () => {
  it('is never a date ("August and November 2001" for "who filed the complaint")', () => {
    const engine = new Engine([
      art('n', 'Court upholds ruling', 'The complaint against Lister was filed between August and November 2001, the court heard.'),
      art('m', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('who filed the complaint against lister').answer;
    expect(a.short && /2001/.test(a.answer ?? '')).toBe(false);
  });

  it('is never a role word taken as the holder ("a lawyer or MP, the courts minister")', () => {
    const engine = new Engine([
      art('l', 'Best person for top legal job', 'The best person for the job should be appointed, and not necessarily a lawyer or MP, the courts minister has told MPs. "The post needs no lawyer," said courts minister Tom Reed.'),
    ]);
    const a = engine.ask('who is the courts minister').answer;
    expect(a.answer).not.toBe('MP');
  });
});

describe('a date set for something to come', () => {
  const engine = new Engine([art('z', 'Kestrels confident and cautious', "Kestrels' technical director, Tom Reed, is confident ahead of the Marlow Cup final against Rovers on Saturday in Lusaka. Both sides hope to win the cup for a third time.")]);
  it('does not answer when a deed was done, and the quote is the closest passage', () => {
    const a = engine.ask('when did the kestrels win the marlow cup').answer;
    expect(a.short && a.answer === 'Saturday').toBe(false);
    expect(a.confidence).toBeLessThan(UNSURE_BELOW);
  });
});

describe('a peer or another\'s count beside the name asked', () => {
  const engine = new Engine([
    art('n', 'Oscar race', 'Marlow Bay has seven nominations while The Lark has 11. The ceremony is in February.'),
    art('b', 'Detainees must be freed', 'Campaigners called on the government to free or charge 12 detainees at Belmarsh and Woodhill prisons. The men have not been charged.'),
  ]);
  it('is not the count of the one asked ("seven" for "how many nominations does the lark have")', () => {
    const a = engine.ask('how many nominations does the lark have').answer;
    expect(a.short && a.answer === 'seven').toBe(false);
  });
  it('is not where the one asked is ("Belmarsh and Woodhill" for "where are the belmarsh detainees from")', () => {
    const a = engine.ask('where are the belmarsh detainees from').answer;
    expect(a.short && a.answer === 'Woodhill').toBe(false);
  });
});

describe('"one" that picks one thing out', () => {
  const at = (s: string, w: string) => [s.indexOf(w), s.indexOf(w) + w.length] as const;
  it('counts nothing ("One such avatar", "one of the", "one day"), unlike "one person"', () => {
    const s = 'One such avatar is Larkspur.';
    expect(picksOneOut(s, ...at(s, 'One'))).toBe(true);
    const o = 'It was one of the best films.';
    expect(picksOneOut(o, ...at(o, 'one'))).toBe(true);
    const p = 'Only one person has downloaded it.';
    expect(picksOneOut(p, ...at(p, 'one'))).toBe(false);
  });
});

describe('a where-span over a window lacking a name asked', () => {
  // (the name here is "Rank", as truecasing reads the question's verb from a firm the corpus names: the window lacks it)
  const engine = new Engine([
    art('r', 'UK third in ICT index', 'The report, carried out by consultants, placed the UK third behind Sweden and Ireland in business use of ICT. Ministers welcomed it.'),
    art('k', 'Rank profits rise', 'Leisure firm Rank said profits rose. Rank owns Hard Rock Cafe. Rank shares gained 2%. Rank will sell its film arm.'),
  ]);
  it('tells where something else is ("Sweden and Ireland" for "where does the uk rank")', () => {
    const a = engine.ask('where does the uk rank in business use of ict').answer;
    expect(a.short).toBe(false);
  });
});

describe('an age asked at an event', () => {
  const engine = new Engine([
    art('l', 'Comic creator wins case', 'Comic creator Stan Reed is to get a windfall. Of the cut now due to Reed, 82, his lawyer said it was large.'),
    art('g', 'The genius of Stan Reed', 'Stan Reed got a job at a comics firm owned by a relative. He rose to editor by the age of 18. Reed later created many heroes.'),
  ]);
  it('is no age set beside the name ("Reed, 82," is his age at the telling)', () => {
    const a = engine.ask('how old was stan reed when he became editor').answer;
    expect(a.answer === '82' && a.short).toBe(false);
  });
});

describe('a count given to someone not asked', () => {
  const engine = new Engine([art('b', 'Usher leads nominations', 'Singer Lark is leading the race for the Kestrel awards with nominations in 13 categories. Alicia Keys has 12 nominations for the awards, which will be held on 8 December.')]);
  it('is not the count asked when the one asked is not in its sentence', () => {
    const a = engine.ask('how many kestrel nominations does lark have').answer;
    expect(a.short && a.answer === '12').toBe(false);
  });
});

describe('a span named as a work', () => {
  it('is a title, not a place ("adapting the console game Rising Sun")', () => {
    const t = 'The series has added Pacific Assault, adapting the console game Rising Sun.';
    expect(namedAsWork(t, t.indexOf('Rising'))).toBe(true);
    const p = 'The game is set in Russia and North Africa.';
    expect(namedAsWork(p, p.indexOf('Russia'))).toBe(false);
  });
});

describe('a time "ago"', () => {
  const engine = new Engine([art('r', 'Winger hopes for early return', 'The winger has been inspirational this season. He added: "My recovery is going better than we expected a few weeks ago but the cup game will come too soon."')]);
  it('is no length asked by "how long" ("a few weeks ago")', () => {
    const a = engine.ask('how long was the winger expected to be out').answer;
    expect(a.short && /weeks/.test(a.answer ?? '')).toBe(false);
  });
});

describe('a role holder that opens with a preposition', () => {
  const engine = new Engine([art('w', 'Judges give evidence', 'Lord Reed, who is Lord Chief Justice of England and Wales, was giving evidence to a committee. He said inquiries cost too much.')]);
  it('is the tail of the title, no one ("of England and Wales")', () => {
    const a = engine.ask('who is the lord chief justice').answer;
    expect(a.answer).not.toBe('of England and Wales');
  });
});

describe('a date or number in a clause of someone else', () => {
  const engine = new Engine([
    art('w', 'Wales want league training', 'Wales could train with a league club. Saints have a week of training in Portugal next week, while Wales will play England in the opening Six Nations match on 5 February.'),
  ]);
  it('is not the asked ones\' when their clause is another ("next week" of the Saints)', () => {
    const a = engine.ask('when do wales play england').answer;
    expect(a.short && a.answer === 'next week').toBe(false);
  });
  it('stays when its own clause holds more of what was asked ("a majority of 167 … in 2001, but Mr Lark has since")', () => {
    const e2 = new Engine([art('m', 'Lark under fire', 'Labour won a huge majority of 167 over the Conservatives in 2001, but Mr Lark has since been criticised by many in his own party.')]);
    const a = e2.ask("what was lark's majority in 2001").answer;
    expect(a.answer).toBe('167');
  });
});

describe('a share or a goal for "how many"', () => {
  const engine = new Engine([
    art('d', 'Aids and climate top Marlow agenda', 'Earlier in the day came an update on efforts to have 3 million people on anti-Aids drugs by the end of 2005. The WHO said 700,000 people were on the drugs. A survey said four in ten business leaders were very confident that sales would rise.'),
  ]);
  it('is no count now ("efforts to have 3 million people"), and the quote is the closest passage', () => {
    const a = engine.ask('how many people are on anti-aids drugs now').answer;
    expect(a.short && a.answer === '3 million').toBe(false);
  });
  it('is no count ("four in ten business leaders")', () => {
    const a = engine.ask('how many business leaders are confident').answer;
    expect(a.short && a.answer === 'four').toBe(false);
  });
});

describe('someone named by another role, or a home told as past', () => {
  const engine = new Engine([
    art('r', 'Injuries worry coach', 'Kestrels coach Tom Reed says rugby has to act now to prevent injury destroying players\' careers. He spoke on Monday.'),
    art('o', 'Police praise singer', '"We lived in Los Angeles where people get shot every day - and yet we come back to England," said the singer Ann Lister. Lister tackled a burglar at her home.'),
  ]);
  it('does not answer "which players" with a coach', () => {
    const a = engine.ask('which kestrels players are injured').answer;
    expect(a.short && a.answer === 'Tom Reed').toBe(false);
  });
  it('does not answer where someone lives now with where they lived', () => {
    const a = engine.ask('where does ann lister live').answer;
    expect(a.short && a.answer === 'Los Angeles').toBe(false);
  });
});

describe('a place set before a description of a name', () => {
  const engine = new Engine([art('m', 'Shareholder sues over Lark buyout', 'A shareholder in US phone firm Marlow has taken legal action to halt a $6.75bn buyout by telecoms giant Lark. The suit was filed on Monday.')]);
  it('says whose the thing is, not where ("US phone firm Marlow")', () => {
    const a = engine.ask('where did the marlow shareholder file the suit to stop the lark buyout').answer;
    expect(a.short && a.answer === 'US').toBe(false);
  });
});

describe('a firm as a place, a sum per share as a total', () => {
  const engine = new Engine([
    art('f', 'Crude prices surge', 'US crude prices surged. The jump followed a fire at Western Refining Company\'s refinery in Texas, which shut down petrol production.'),
    art('l', 'Kestrel Air flies back to profit', 'Kestrel Air has returned to profit. The board of Kestrel Air has recommended paying a 2004 dividend of 0.30 euros per share.'),
  ]);
  it('does not answer where with a firm\'s name ("Western Refining Company")', () => {
    const a = engine.ask('where was the refinery fire').answer;
    expect(a.short && a.answer === 'Western Refining Company').toBe(false);
  });
  it('does not answer how much a firm made with a sum per share', () => {
    const a = engine.ask('how much did kestrel air make in 2004').answer;
    expect(a.short && a.answer === '0.30 euros').toBe(false);
  });
});

describe('where something moves to', () => {
  const engine = new Engine([art('t', 'Pop show leaves Marlow One', 'The flagship pop music programme Kestrel Hits is to move from Marlow One on Fridays to Sundays on Marlow Two. It was first broadcast in 1964.')]);
  it('is not the place it moves from', () => {
    const a = engine.ask('where is kestrel hits moving to').answer;
    expect(a.short && a.answer === 'Marlow One').toBe(false);
  });
});

describe('the rest of a name asked, a difference, a period', () => {
  const engine = new Engine([
    art('k', 'Kestrel Telekom back in the black', 'Marlow telecoms firm Kestrel Telekom saw strong fourth quarter profits on the back of upbeat mobile earnings and asset sales. A year ago, debt was more than 11bn euros higher. "They have head room to invest now," said Hanne Wittig, telecoms analyst at Dorner Kleinhart Wasserberg.'),
  ]);
  it('does not answer who with the rest of a name asked ("Dorner *Kleinhart Wasserberg*")', () => {
    const a = engine.ask('who is the telecoms analyst at dorner').answer;
    expect(a.short && a.answer === 'Kleinhart Wasserberg').toBe(false);
  });
  it('does not give a difference as the amount asked', () => {
    const a = engine.ask("how much is kestrel telekom's debt").answer;
    expect(a.short && /11bn/.test(a.answer ?? '')).toBe(false);
  });
  it('does not read "fourth quarter" as an amount', () => {
    const r = engine.ask('how much profit did kestrel telekom make');
    expect(r.span.text).toBe('quarter');
    expect(r.span.confidence).toBe(0);
  });
});

describe('a who-span naming a work or whose role it is', () => {
  it('is not the person asked', () => {
    const engine = new Engine([
      art('o', 'Aid group warns on children', "Kestrel Aid's Paying the Toll report this week said millions of children will die needlessly before 2015."),
      art('a', 'Marlow director wins prize', 'Ann Arley won the prize. She is now working on a feature film with Dogsville and Dancer By The Dock director Lars Von Tarn.'),
    ]);
    const o = engine.ask("who is kestrel aid's director").answer;
    expect(o.short && o.answer === 'Paying the Toll').toBe(false);
    const a = engine.ask('who is arley working with on her feature film').answer;
    expect(a.short && a.answer === 'Dogsville and Dancer By The Dock').toBe(false);
  });
});

describe('a span over a spaced dash', () => {
  it('is no short answer', () => {
    const engine = new Engine([art('h', 'Students and the vote', 'Some hall wardens are reluctant to register students because of data protection fears - but students can get themselves registered.')]);
    const r = engine.ask('why are hall wardens reluctant to register students');
    expect(r.span.text).toContain(' - ');
    expect(r.span.confidence).toBe(0);
  });
});

describe('a count of a part, of another body, of the past for the future', () => {
  const engine = new Engine([
    art('s', 'Marlow squad hit by injuries', 'Coach Smith said thirteen players out of a squad of 31 were missing through injury.'),
    art('i', 'Kestrel Fund cuts forecast', 'The Kestrel Fund will also reduce its growth estimate for the 12-member eurozone economy from 2.2% to 1.6%.'),
    art('g', 'Larkland growth at 8.1%', "Larkland's economy grew by 8.1% in 2004, its best performance since 2000, figures from the trade ministry show."),
  ]);
  it('does not give a part as the whole count', () => {
    const a = engine.ask('how many players are in the marlow squad').answer;
    expect(a.short && a.answer === 'thirteen').toBe(false);
  });
  it('does not give the size of another body', () => {
    const a = engine.ask('how many members does the kestrel fund have').answer;
    expect(a.short && a.answer === '12').toBe(false);
  });
  it('does not give a figure told as done for what will be', () => {
    const a = engine.ask('how fast will larkland grow this year').answer;
    expect(a.short && a.answer === '8.1%').toBe(false);
  });
});

describe('who did a deed, who holds a role, who plays a part', () => {
  const engine = new Engine([
    art('f', 'Fuel duty frozen', "In 2000 the Marlow Fuel Lobby caused chaos by blocking roads with slow-moving convoys after Mr Brane threatened to raise fuel taxes."),
    art('n', 'Dozens held over fraud site', 'Twenty people have been held over a fraud site. The head of the KCU, Acting Detective Chief Superintendent, Mick Dane, said: "This investigation has resulted in the significant disruption of organised criminals."'),
    art('p', 'Burglar used a ladder', 'Detective Inspector Paul Millward of Larkvale Police said it appeared a man used a ladder to get into the house.'),
    art('v', "Vera Dray's award hopes", "Vera Dray, Mike Lee's tale about a 1950s backstreet abortionist, is nominated in 11 categories."),
  ]);
  it('is not the subject of another clause after the deed', () => {
    const r = engine.ask('who blocked roads in 2000');
    expect(r.span.text).toBe('Mr Brane');
    expect(r.span.confidence).toBe(0);
  });
  it('is not a row of ranks', () => {
    const r = engine.ask('who is the head of the kcu');
    expect(r.span.text).toBe('Acting Detective Chief Superintendent');
    expect(r.span.confidence).toBe(0);
  });
  it('keeps a rank for who someone is', () => {
    // (the span keeps its own confidence: the guard would set it to nothing)
    const r = engine.ask('who is paul millward');
    expect(r.span.text).toBe('Detective Inspector');
    expect(r.span.confidence).toBeGreaterThan(0);
  });
  it('is not the one whose film it is', () => {
    const r = engine.ask('who plays vera dray');
    expect(r.span.text).toBe('Mike Lee');
    expect(r.span.confidence).toBe(0);
  });
});

describe('a year and a day of another thing', () => {
  const engine = new Engine([
    art('r', 'Central bank raises rates', 'The Kestrel Reserve has been raising interest rates at a gradual pace since June 2004, in an attempt to keep inflation down.'),
    art('b', 'Budget before the vote', 'Everyone expects Gordon Brane to do just that in his last budget before the expected polling day of 5 May.'),
  ]);
  it('does not give a year as an amount', () => {
    const a = engine.ask('how much did the kestrel reserve raise rates by').answer;
    expect(a.short && a.answer === '2004').toBe(false);
  });
  it('does not date one thing by another\'s day', () => {
    const a = engine.ask('when is the budget expected').answer;
    expect(a.short && a.answer === '5 May').toBe(false);
    expect(dayOfOther('before the expected polling day of 5 May', 35, new Set(terms('budget')))).toBe(true);
    expect(dayOfOther('before the expected polling day of 5 May', 35, new Set(terms('polling day')))).toBe(false);
  });
});

describe('a date a plan was first set for, then moved', () => {
  const engine = new Engine([
    art('f', 'Kestrel film delayed', 'The next Kestrel film, originally due for release in 2005, has been delayed until 2006 due to the studio\'s takeover.'),
    art('h', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
  ]);
  it('is no short answer for when it comes out, only for when it was first due', () => {
    const now = engine.ask("when's the next kestrel film out").answer;
    expect(now.short && now.answer === '2005').toBe(false);
    const first = engine.ask('when was the next kestrel film originally due').answer;
    expect(first.answer).toBe('2005');
    expect(first.short).toBe(true);
    expect(supersededDate('originally due for release in 2005, has been delayed until 2006', 30, 34, 'when is it out')).toBe(true);
  });
});

describe('who won, beside the ones beaten', () => {
  const engine = new Engine([
    art('r', 'Larkland sweep rugby awards', 'Larkland flanker Sam Berger was named player of the year. Jake Whyte claimed the coaching award while his side held off Grand Slam winners Marlow to take the team award. Larkland player Simon Amber beat team-mate Ben Golling and Argentine Lucio Lopez to win the sevens award.'),
  ]);
  it('is not the one beaten', () => {
    const r = engine.ask('who won the sevens award');
    expect(r.span.text).toContain('Ben Golling');
    expect(r.span.confidence).toBe(0);
  });
  it('is not what describes a side ("Grand Slam winners Marlow")', () => {
    const r = engine.ask('who won the coaching award');
    expect(r.span.text).toBe('Grand Slam');
    expect(r.span.confidence).toBe(0);
  });
});

describe('a scale word', () => {
  it('keeps the word that says how many ("several hundred")', () => {
    const engine = new Engine([art('t', 'Premier defends terror law', 'The premier said there are several hundred people in Marlow plotting terror attacks.')]);
    const a = engine.ask('how many people are plotting terror attacks in marlow').answer;
    expect(a.answer).not.toBe('hundred');
    expect(a.quote).toContain('several hundred');
    if (a.short) expect(a.answer).toBe('several hundred');
  });
});

describe('a role holder named after the role', () => {
  it('is the name after it, not a party word before it', () => {
    const engine = new Engine([art('c', 'Casino climbdown', 'Plans for super casinos were cut. But Conservative shadow culture secretary Tom Whitting said the way the bill was handled was a "shambles".')]);
    const a = engine.ask('who is the shadow culture secretary').answer;
    expect(a.answer).not.toBe('Conservative');
    if (a.short) expect(a.answer).toBe('Tom Whitting');
  });
});

describe('years, a people\'s noun, a cut gerund, the name asked by another name, a count for each, a deed elsewhere', () => {
  const engine = new Engine([
    art('g', 'Larkland cocoa record', 'Larkland saw more than $1.2bn-worth of the beans exported during 2003-04.'),
    art('s', 'Kluft impressed by Sother', 'Both will be in action on Friday. Sother finished third behind the Swede in Athens, and Kluft said she was a great girl.'),
    art('m', 'Kestrel Motors warns', 'Attaining earnings of $10 a share remains Kestrel Motors\' goal, the company said.'),
    art('f', 'Dance music not dead', 'DJ Norman Cooke - aka Fatboy Thin - lives on a private road where Paul McCartley is a neighbour.'),
    art('c', 'Casinos capped', 'Instead there will be a cap of eight new casinos in each size category in Marlow.'),
    art('p', 'First look at Larkstation chip', 'Some details of the chip inside the Larkstation 3 have been revealed. A working version of the Larkstation 3 is due to be shown off in May 2005 but a full launch of the next generation console is not expected to start until 2006.'),
  ]);
  it('does not give a span of years as an amount', () => {
    const r = engine.ask('how much cocoa did larkland export');
    expect(r.answer.short && r.answer.answer === '2003-04').toBe(false);
  });
  it('does not give "the Swede" as who', () => {
    const r = engine.ask('who did sother finish behind');
    expect(r.span.text).toBe('Swede');
    expect(r.span.confidence).toBe(0);
  });
  it('does not give a cut gerund', () => {
    const r = engine.ask("what is kestrel motors' earnings goal");
    expect(r.span.text).toBe('Attaining');
    expect(r.span.confidence).toBe(0);
  });
  it('does not give the one asked under another name', () => {
    const r = engine.ask('who lives near fatboy thin');
    expect(r.span.text).toBe('DJ Norman Cooke');
    expect(r.span.confidence).toBe(0);
  });
  it('does not give a count for each as the total', () => {
    const a = engine.ask('how many new casinos will there be in marlow').answer;
    expect(a.short && a.answer === 'eight').toBe(false);
  });
  it('does not date a deed by a clause without it', () => {
    const r = engine.ask('when will the larkstation launch');
    expect(r.span.text).toBe('2005');
    expect(r.span.confidence).toBe(0);
  });
});

describe('a firm restated, the ones a deed touched, a kind as its own answer, a holder in a list', () => {
  const engine = new Engine([
    art('r', 'Mixed Christmas for Marlow shops', '"So far, we are faring better than expected," Ken Perks, an analyst at research firm LarkMetrics LLC, told reporters.'),
    art('a', 'Concerns over cash machines', 'In January 2003 the Slammer worm knocked out 13,000 cash machines of the Bank of Marlow.'),
    art('w', "'Blob' picked as word of the year", 'The term "blob" has been chosen as the top word of 2004 by a Marlow dictionary publisher.'),
    art('m', 'Kestrel and Lark team up', "Kestrel and Lark announced they were getting together as a result of a long-standing friendship between Kestrel's chief executive Ed Zand and Steve Jobe."),
  ]);
  it('does not answer who with the firm asked and its suffix', () => {
    const r = engine.ask('who is the analyst at larkmetrics');
    expect(r.answer.short && r.answer.answer === 'LarkMetrics LLC').toBe(false);
  });
  it('does not count all there are by the ones a deed touched', () => {
    const a = engine.ask('how many cash machines are there in the world').answer;
    expect(a.short && a.answer === '13,000').toBe(false);
  });
  it('does not answer "which word" with "top word"', () => {
    const r = engine.ask('which word was picked as word of the year');
    expect(r.answer.short && r.answer.answer === 'top word').toBe(false);
  });
  it('gives the holder of a role, not the list after it', () => {
    const a = engine.ask("who is kestrel's chief executive").answer;
    expect(a.answer).not.toContain('Steve Jobe');
    expect(a.short).toBe(true);
    expect(a.answer).toBe('Ed Zand');
  });
});

describe('a side for a scorer, the whole of a part, a name in lower case, a price, a name the article never writes', () => {
  const engine = new Engine([
    art('w', 'Larkland beat Marlow', '"We could not get possession early on and France dominated and scored two tries," said the Larkland coach.'),
    art('f', 'Federer the favourite', "Switzerland's Federer, seeded one, is the hot favourite having won three of the four grand slam titles in 2004."),
    art('g', 'Kestrel shares fall as staff sell', 'Shares in Kestrel have fallen 6.7% after employees took the first chance to sell their holdings. The firm sold 19.6 million shares at $85 each when it floated.'),
    art('d', 'Federated buys May', '"We have taken the first step toward combining two of the best department store companies in America," said Terry Lund, Federated\'s chairman.'),
    art('r', 'Rapper ends feud', 'Rapper Fifty, whose real name is Curtis Jackman, ended his feud with the previous two league champions of rap.'),
    art('s', 'Sport round-up', 'The previous two league games were drawn, the coach said.'),
    art('t', 'Federer wins in Houston', 'Roger Federer won the Masters Cup in Houston on Sunday.'),
  ]);
  it('does not answer who scored for a side with a side', () => {
    const r = engine.ask('who scored two tries for larkland');
    expect(r.span.text).toBe('France');
    expect(r.span.confidence).toBe(0);
  });
  it('does not count the whole a part is of', () => {
    const a = engine.ask('how many titles did federer win in 2004').answer;
    expect(a.short && a.answer === 'four').toBe(false);
  });
  it('reads "sell … for" as asking a price', () => {
    const a = engine.ask('how much did kestrel sell its shares for').answer;
    expect(a.short && a.answer === '6.7%').toBe(false);
  });
  it('does not vouch for a quote matching a name only through another word of its stem', () => {
    const r = engine.ask("who said you're the best to federer");
    expect(r.answer.quote).toContain("Federated's chairman");
    expect(r.span.confidence).toBe(0);
    expect(r.answer.short).toBe(false);
  });
  it('gives no lower-case phrase for a real name', () => {
    const r = engine.ask("whats the game's real name");
    expect(r.span.text).toBe('previous two league');
    expect(r.span.confidence).toBe(0);
    expect(engine.ask("what is fifty's real name").answer.answer).toBe('Curtis Jackman');
  });
});

describe('the whole a part is of, when how many there are is asked', () => {
  it('is the count', () => {
    const engine = new Engine([art('m', 'Marlow megaregion', 'The county definitions are not used for the greater Marlow Megaregion, one of the 11 megaregions of Larkland.')]);
    const r = engine.ask('how many megaregions are there in larkland');
    expect(r.span.text).toBe('11');
    expect(r.span.confidence).toBeGreaterThan(0);
  });
});

describe('a figure of another name in a relative clause, a count holding its own noun', () => {
  const engine = new Engine([
    art('a', 'Kestrel thriller tops charts', 'Kestrel Nights was written before The Marlow Code, which has sold more than 20 million copies worldwide since it was released in 2003.'),
    art('n', 'Net attacks fingerprinted', '"We have seen attacks involving five and ten gigabytes of traffic," said Rob Pollen, sales director for Larkbor Networks.'),
  ]);
  it('does not give the count a relative clause tells of another name', () => {
    const r = engine.ask('how many copies has kestrel nights sold');
    expect(r.span.text).toContain('20 million');
    expect(r.span.confidence).toBe(0);
    expect(r.answer.confidence).toBeLessThan(0.7);
  });
  it('does not count people by gigabytes', () => {
    const r = engine.ask('how many people work at larkbor networks');
    expect(r.span.text).toBe('five and ten gigabytes');
    expect(r.span.confidence).toBe(0);
  });
});

describe('a figure in a relative clause that is no other name\'s', () => {
  const engine = new Engine([
    art('g', 'Glazer makes new approach', 'Malcolm Glazner has made a fresh approach to buy Marlow United, which could lead to a bid valuing the club at £800m.'),
    art('u', 'Athletics review', 'It was commissioned by Kestrel Sport and Sport Marlow, which wanted Lark Athletics to justify funding of more than £40m from the government.'),
  ]);
  it('keeps a figure the clause tells as what the whole leads to', () => {
    const r = engine.ask("how much is glazner's bid worth");
    expect(r.span.text).toBe('£800m');
    expect(r.span.confidence).toBeGreaterThan(0);
  });
  it('keeps a figure the clause tells of the one asked', () => {
    const r = engine.ask('how much funding does lark athletics get from the government');
    expect(r.span.text).toContain('£40m');
    expect(r.span.confidence).toBeGreaterThan(0);
  });
});

describe('a place told with another number, a clause after ", and the"', () => {
  const engine = new Engine([
    art('w', 'Thousands join strike in Marlow', 'The action follows the chancellor\'s announcement that 104,000 jobs would be cut, with around 6,000 of those expected in Wales.'),
    art('r', 'Union proposes season overhaul', 'The season would start with the Celtic League in October, followed by the Kestrel Cup in February and March, and the Six Nations moved to April and May.'),
  ]);
  it('does not give the total for the place asked when another number is told of it', () => {
    const a = engine.ask('how many jobs will be cut in wales').answer;
    expect(a.short && a.answer === '104,000').toBe(false);
  });
  it('does not give the date of another clause joined by ", and the"', () => {
    const a = engine.ask('when would the six nations move to').answer;
    expect(a.short && a.answer === 'February').toBe(false);
  });
});

describe('a count for how often, a difference in height, a narrower award', () => {
  const engine = new Engine([
    art('c', 'Larkland winds back the clock', 'The tax will also affect the two million tourists who visit Larkland every year, particularly those who defy a ban on travel there.'),
    art('t', 'Fast lifts rise into record books', "Marlow's Kestrel 101 Tower is more than 50m taller than the Lark Towers in Kuala Lumpur, formerly the world's tallest skyscraper."),
    art('b', 'Aviator takes top prize', 'The Aviator was declared best film, and its star Cate Blanchet won best supporting actress.'),
  ]);
  it('does not answer how often with a count', () => {
    const a = engine.ask('how often can tourists visit larkland').answer;
    expect(a.short && a.answer === 'two million').toBe(false);
  });
  it('does not give a difference for how tall', () => {
    const a = engine.ask('how tall is the kestrel 101 tower').answer;
    expect(a.short && /50m/.test(a.answer ?? '')).toBe(false);
  });
  it('does not give the winner of a narrower award', () => {
    const r = engine.ask('who won best actress');
    expect(r.span.text).toBe('Cate Blanchet');
    expect(r.span.confidence).toBe(0);
  });
});

describe('whose fact it is, by name, kind and role (lead20)', () => {
  const engine = new Engine([
    art('h', 'Larkin reveals his gifts', "Tory leader Edmund Larkin's only fresh entry is a Christmas hamper from the Sultan of Marlow."),
    art('r', 'Actress Petra Vane dies at 71', 'Actress Petra Vane, known to millions for her roles in the Hop Along films, has died at the age of 71.'),
    art('k', 'Rights chief speaks out', 'In a lecture at the Marlow School of Economics, Irene Kestrel said human rights had been flouted in the name of security.'),
    art('d', 'Voters react to speech', 'Stephen Ashdown, 26, from Wales, said after the speech on Sunday that it was a turning point for the party.'),
    art('m', 'Few minority MPs', 'Just 13 of Larkland\'s 659 MPs are from ethnic minority groups, he added.'),
    art('s', 'Screensaver hits spammers', 'By getting thousands of people to download and use the screensaver, Kestrelnet hopes to keep spamming websites busy.'),
    art('t', 'Torrent sites close', 'Phoenix Torrents, another popular LarkTorrent site, has also decided to shut down, though it gave no reasons for the closure.'),
    art('g', 'Relay gold for Britain', 'The 22-year-old pipped Marcus Greenhalgh on the last leg of the relay in Athens to take top honours for Britain.'),
  ]);
  it('does not give the word before a role and the name asked as who did something to them', () => {
    const r = engine.ask('who sent edmund larkin a christmas hamper');
    expect(r.span.text === 'Tory' && r.span.confidence > 0).toBe(false);
    expect(r.answer.short && r.answer.answer === 'Tory').toBe(false);
  });
  it('does not give a name before a kind of work as where', () => {
    const a = engine.ask('where did petra vane pass away').answer;
    expect(a.short && a.answer === 'Hop Along').toBe(false);
  });
  it('does not give an institution as the country asked', () => {
    const r = engine.ask('what country is irene kestrel from originally');
    expect(r.answer.short && /School/.test(r.answer.answer ?? '')).toBe(false);
  });
  it('does not vouch for a fact about someone whose surname another given name carries in the quote', () => {
    const r = engine.ask('How old is Michael Ashdown?');
    expect(r.span.text).toBe('26');
    expect(r.span.confidence).toBe(0);
    expect(r.answer.answer).toBeNull();
  });
  it('still answers the one named in full', () => {
    const a = engine.ask('how old is stephen ashdown').answer;
    expect(a.short).toBe(true);
    expect(a.answer).toBe('26');
  });
  it('does not count the whole a part is of, after an owner', () => {
    const a = engine.ask('how many mps are from an ethnic minority').answer;
    expect(a.short && a.answer === '659').toBe(false);
  });
  it('does not count other things told after "of"', () => {
    const a = engine.ask('how many downloads has the kestrelnet screensaver had').answer;
    expect(a.short && a.answer === 'thousands').toBe(false);
  });
  it('does not give the generic kind asked, after "another", as which one', () => {
    const a = engine.ask('what other torrent site has closed').answer;
    expect(a.short && /another/.test(a.answer ?? '')).toBe(false);
  });
  it('does not give the age of the one who beat the person asked', () => {
    const a = engine.ask('how old is marcus greenhalgh').answer;
    expect(a.short && a.answer === '22').toBe(false);
    expect(a.answer).toBeNull();
  });
});

describe('another bearer of a surname asked (lead20)', () => {
  const place = placeLikeness();
  const personLike = (w: string) => place(w) < 0;
  const asked = (q: string) => new Set(q.toLowerCase().split(/\W+/));
  it('is a given name the question does not use before the surname', () => {
    const q = 'how old is Michael Douglas now';
    expect(namesOther(q, 'Stephen Douglas, 26, from Wales, said after the speech.', asked(q), personLike)).toBe(true);
  });
  it('is not a title, the given name asked, nor a word of an event before a name', () => {
    const q = 'how old is Michael Douglas now';
    expect(namesOther(q, 'Mr Douglas, 26, from Wales, said after the speech.', asked(q), personLike)).toBe(false);
    expect(namesOther(q, 'Michael Douglas and his son Stephen Douglas arrived.', asked(q), personLike)).toBe(false);
    const w = 'where are the world Championships Greene wants to win';
    expect(namesOther(w, 'Maurice Greene aims to win a fourth World Championship crown this summer.', asked(w), personLike)).toBe(false);
    expect(namesOther(w, 'Maurice Greene aims to win a fourth World Championship crown this summer.', asked(w), () => true)).toBe(true);
  });
});

describe('whose change, whose date and which holder (lead20, second round)', () => {
  const engine = new Engine([
    art('r', 'Larkshell cuts its reserves', 'In January 2004, Larkshell told shocked investors that its reserves were 20% smaller than previously thought.'),
    art('f', 'Larkland economy slows', 'But on a year-on-year basis, the sector still saw a sales increase of 6.5%. Consumer spending fuelled Larkland\'s economic growth in the last quarter of 2004.'),
    art('k', 'Kestrel profile', 'Born in 1942 in Marlow to a miner father and nurse mother, Kestrel attended the local grammar school.'),
    art('b', 'Larks win Kestrel awards', 'The other five Kestrel winners were already established before the list was compiled.'),
    art('j', 'Larkland growth slows', 'But high oil prices have knocked 0.2% off the growth rate, while the falling currency makes exports dearer.'),
    art('p', 'Software patents rejected', 'The Larkland Parliament has thrown out a bill that would have allowed software to be patented.'),
    art('s', 'Exam reform row', 'Another dissenter is Sir Hugh Marsh\'s predecessor as chief schools inspector, Professor Tom Wray, who has said there is no need for change. The chief inspector of schools, Ann Bellamy, also said recently that the exams should go.'),
    art('g', 'Gadget list', 'Kestrel Weekly has compiled a list of the top 10 gadgets for 2004 and the LarkPod is at number one.'),
  ]);
  it('takes a share for how much smaller', () => {
    const a = engine.ask("by how much were larkshell's reserves smaller than they'd said").answer;
    expect(a.short).toBe(true);
    expect(a.answer).toBe('20%');
  });
  it('does not give the change of another thing than the one asked', () => {
    const r = engine.ask('how fast did the larkland economy grow in 2004');
    expect(r.answer.short && r.answer.answer === '6.5%').toBe(false);
  });
  it('does not give a date of birth for another deed', () => {
    const r = engine.ask('when did kestrel get married');
    expect(r.answer.short && r.answer.answer === '1942').toBe(false);
    expect(r.span.text).toBe('1942');
    expect(r.span.confidence).toBe(0);
  });
  it('does not give the count of the others', () => {
    const r = engine.ask('how many kestrel awards did the larks win');
    expect(r.answer.short && r.answer.answer === 'five').toBe(false);
  });
  it('does not give a figure taken off as the level', () => {
    const r = engine.ask('whats larkland growth rate right now');
    expect(r.answer.short && r.answer.answer === '0.2%').toBe(false);
  });
  it('does not give a parliament as the country asked, a word between', () => {
    const r = engine.ask('which eu country rejected the software patent plan');
    expect(r.answer.short && /Parliament/.test(r.answer.answer ?? '')).toBe(false);
    expect(r.span.text).toBe('Larkland Parliament');
    expect(r.span.confidence).toBe(0);
  });
  it('reads a predecessor as a former holder of the role', () => {
    const a = engine.ask('Who is the chief inspector of schools?').answer;
    expect(a.short && /Wray/.test(a.answer ?? '')).toBe(false);
    const alone = new Engine([
      art('s', 'Exam reform row', "Another dissenter is Sir Hugh Marsh's predecessor as chief schools inspector, Professor Tom Wray, who has said there is no need for change."),
      art('x', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]).ask('Who is the chief inspector of schools?');
    expect(alone.span.text).toBe('Professor Tom Wray');
    expect(alone.span.confidence).toBe(0);
  });
  it('does not count a year after "for"', () => {
    const a = engine.ask('whats number one on the kestrel weekly top 10 gadgets').answer;
    expect(a.short && a.answer === '2004').toBe(false);
  });
});

describe('which figure, which year and which kind (lead20, third round)', () => {
  const engine = new Engine([
    art('d', 'Larkoil pays out', 'But shareholders benefited hugely: Larkoil started to pay dividends - $53m in 2000 and almost $1bn in 2001.'),
    art('v', 'Kestrel film unit for sale', 'Advisors Marlow Partners are understood to have valued its demerged Kestrel Film unit at £300m, the report added.'),
    art('b', 'Larknet leads awards', 'Larknet leads the nominations for the Kestrel Interactive Awards, including one for its website and one for its sport coverage.'),
    art('s', 'Marlow shares slide', '"Marlowcorp should be above $10 but because of this disaster it is falling," said one trader. Shares in Marlowcorp, the company founded by Ivo Brandt, fell 15% in renewed trading.'),
    art('g', 'Larkle releases photo software', 'On Tuesday, Larkle released free software for organising digital photos stored on a computer.'),
  ]);
  it('does not give the figure of another year than the one asked', () => {
    const r = engine.ask('how much did larkoil pay out in dividends in 2001');
    expect(r.answer.short && r.answer.answer === '$53m').toBe(false);
  });
  it('keeps the currency sign of a sum chosen for a what-question', () => {
    const a = engine.ask('what did marlow partners value the kestrel film unit at').answer;
    expect(a.short).toBe(true);
    expect(a.answer).toBe('£300m');
  });
  it('does not count "one for" as one', () => {
    const r = engine.ask('how many entries were there for the kestrel interactive awards');
    expect(r.answer.short && r.answer.answer === 'one').toBe(false);
    expect(r.span.text).toBe('one');
    expect(r.span.confidence).toBe(0);
  });
  it('does not give what should be as what is', () => {
    const r = engine.ask('what price did marlowcorp close at');
    expect(r.answer.short && r.answer.answer === '$10').toBe(false);
    expect(r.span.text).toBe('$10');
    expect(r.span.confidence).toBe(0);
  });
  it('does not give a change told for an amount asked without one', () => {
    const r = engine.ask('how big a stake did ivo brandt own in marlowcorp');
    expect(r.answer.short && r.answer.answer === '15%').toBe(false);
  });
  it('does not give a bare day for what a thing is called', () => {
    const r = engine.ask("whats larkle's new photo software called");
    expect(r.answer.short && r.answer.answer === 'Tuesday').toBe(false);
    expect(r.span.text).toBe('Tuesday');
    expect(r.span.confidence).toBe(0);
  });
});

describe('wrong kinds for how much, a job, a time and a place (lead20, fourth round)', () => {
  const engine = new Engine([
    art('t', 'Actor backs theatre bid', 'The actor has joined forces with director Ivo Brandt to set up a charity to buy the Larkton Palace Theatre, empty since the 2006 floods.'),
    art('p', 'Questions for the premier', 'And can you imagine even Ann Lister putting the question posed by Petra Vane: "Would you work for £5?"'),
    art('w', 'Wolf Kestrel reviewed', "Ann Lark's Wolf Kestrel, a fantasy set 6,000 years ago, is the first in a planned series of six books."),
    art('k', 'Songwriter dies at 70', 'Ivo Marsh, co-writer of the country hit Ring of Larks, has died of heart failure aged 70.'),
  ]);
  it('does not give a bare year for how much', () => {
    const r = engine.ask('how much do they need to buy the larkton palace theatre');
    expect(r.answer.short && r.answer.answer === '2006').toBe(false);
  });
  it("does not give a person's name for someone's job", () => {
    const r = engine.ask("petra vane who asked the £5 question, what's her job");
    expect(r.answer.short && r.answer.answer === 'Ann Lister').toBe(false);
  });
  it('reads the digits after a thousands comma as a cut number', () => {
    const r = engine.ask('When did Ann Lark start writing Wolf Kestrel?');
    expect(r.answer.short && /^000/.test(r.answer.answer ?? '')).toBe(false);
  });
  it("does not give a work's title after its kind as a place", () => {
    const r = engine.ask('where did ivo marsh die');
    expect(r.answer.short && r.answer.answer === 'Ring of Larks').toBe(false);
  });
});

describe('crowds, chart places, brackets and rivals (lead20, fifth round)', () => {
  const engine = new Engine([
    art('t', 'Texts from the flood', 'Thousands around the world followed the story that unfolded in the text messages that Ivo Brandt sent.'),
    art('c', 'Larks top the chart', "The track pushed Ann Lister's Kestrel Song from number one to number three."),
    art('r', 'Feed format row', 'But Ivo Marsh is doubtful. He designed the format called LFF (Lark Feed Format), which gives web users an easy way to keep updated.'),
    art('h', 'Larkland reach the final', 'Larkland will play Marlow in the final of the Kestrel Cup after beating Group B rivals the Netherlands 3-0.'),
    art('o', 'Oxygen facts', 'Oxygen is a chemical element with atomic number 8 and symbol O.'),
    art('i', 'Tackle row', 'Brandt admitted that the tackle "could have given (Lister) a serious injury".'),
  ]);
  it('does not count a bare crowd as the things asked', () => {
    const r = engine.ask('how many text messages did ivo brandt send');
    expect(r.answer.short && r.answer.answer === 'Thousands').toBe(false);
  });
  it('does not give another chart place for the title asked', () => {
    const r = engine.ask("whats ann lister's new number one single");
    expect(r.answer.short && r.answer.answer === 'three').toBe(false);
    expect(r.span.text).toBe('three');
    expect(r.span.confidence).toBe(0);
  });
  it("does not give an acronym's expansion as who", () => {
    const r = engine.ask('Who designed the LFF format?');
    expect(r.answer.short && /Feed Format/.test(r.answer.answer ?? '')).toBe(false);
  });
  it('keeps a name set in brackets by an editor', () => {
    const r = engine.ask('who could the tackle have injured');
    expect(r.span.text).toBe('Lister');
    expect(r.span.confidence).toBeGreaterThan(0);
  });
  it('does not give the group a beaten side was in as who was beaten', () => {
    const r = engine.ask('who did larkland beat in the kestrel cup semi');
    expect(r.answer.short && r.answer.answer === 'Group B').toBe(false);
  });
});

describe('size, time, weight, gender and owners (lead20, sixth round)', () => {
  const engine = new Engine([
    art('m', 'Larkbook mini on sale', 'The Larkbook mini comes without a monitor, and a second version with a larger hard drive will also be sold for $599.'),
    art('j', 'Fund boss pleads guilty', 'The investigation by attorney general Ann Lister has now obtained nine guilty pleas from fund managers, Ivo Brandt among them.'),
    art('b', 'Bookies back Vale', 'Mr Kestrel said one punter had placed a bet of £870 on the 39-year-old actor at odds of 8-1.'),
    art('g', 'Marlow leader arrested', 'A party spokesman said Ivo Marsh was arrested on Tuesday morning on suspicion of incitement.'),
    art('t', 'Larkland trade gap narrows', 'However, on a monthly basis the Larkland trade gap narrowed by 4.9% in December to £56.4bn.'),
    art('a', 'Rapper tops chart', "Ivo Cent appeared on The Lark's debut album, which was number one in the US."),
    art('r', 'Robot turns five', 'Kestrel\'s robot Larko was "born" five years ago.'),
  ]);
  it('does not give a sum for the size of a device\'s part', () => {
    const r = engine.ask('how big is the hard drive on the larkbook mini');
    expect(r.answer.short && r.answer.answer === '$599').toBe(false);
  });
  it('reads "how much jail time" as a time', () => {
    const r = engine.ask('how much jail time could ivo brandt get');
    expect(r.answer.short && r.answer.answer === 'nine').toBe(false);
  });
  it('does not give a Mr for a woman asked', () => {
    const r = engine.ask('whats the name of the woman who placed the £870 bet');
    expect(r.answer.short && /^Mr\b/.test(r.answer.answer ?? '')).toBe(false);
  });
  it('does not give a day and its part for what someone was arrested for', () => {
    const r = engine.ask('what was ivo marsh arrested for');
    expect(r.answer.short && r.answer.answer === 'Tuesday morning').toBe(false);
  });
  it('does not give a narrowing as how big the gap is', () => {
    const r = engine.ask('how big is the larkland trade gap now');
    expect(r.answer.short && r.answer.answer === '4.9%').toBe(false);
  });
  it('does not give the owner of the thing whose name is asked', () => {
    const r = engine.ask("what was ivo cent's debut album called");
    expect(r.answer.short && /Lark/.test(r.answer.answer ?? '')).toBe(false);
  });
  it('does not give a time for how heavy', () => {
    const r = engine.ask('how heavy is larko');
    expect(r.answer.short && r.answer.answer === 'five years').toBe(false);
  });
});

describe('a change told of the thing named after the figure (lead20)', () => {
  it('keeps a figure followed by what it is of ("£4bn in tax cuts")', () => {
    const engine = new Engine([
      art('c', 'Tories plan cuts', 'Marlow leader Ivo Brandt has said his party would cut £35bn in "wasteful" spending to allow £4bn in tax cuts.'),
      art('x', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    const r = engine.ask('how much in tax cuts would the marlow party allow');
    expect(r.answer.short).toBe(true);
    expect(r.answer.answer).toBe('£4bn');
  });
});

describe('a gender asked is read from nouns only (lead20)', () => {
  it('keeps a Mrs for "who … on his behalf"', () => {
    const engine = new Engine([
      art('w', 'Brandt and his wife', 'The prize was collected on his behalf by his wife, Mrs Ann Brandt, who flew in from Marlow.'),
      art('x', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
    ]);
    const r = engine.ask('who collected the prize on his behalf');
    expect(r.span.text).toBe('Mrs Ann Brandt');
    expect(r.span.confidence).toBeGreaterThan(0);
  });
});

describe('the full name of the one asked by surname alone', () => {
  const personLike = () => true;
  it('restates the one asked when the article gives that surname no other given name', () => {
    const text = 'Ivo Brandt was forced to withdraw from the Marlow Open. Brandt had been due to play Tom Vale.';
    expect(restatesBearer('Ivo Brandt', 'who was brandt meant to play at the marlow open', text, personLike)).toBe(true);
    // (a wife or a brother sharing the surname is someone else)
    const family = 'Ivo Brandt and his wife Ann Brandt were at the Marlow Open.';
    expect(restatesBearer('Ann Brandt', "who is brandt's wife", family, personLike)).toBe(false);
    // (a kind asked is no surname, nor is a question word)
    expect(restatesBearer('Duval County', 'in which county is jacksonville', 'Jacksonville is the seat of Duval County.', personLike)).toBe(false);
    expect(restatesBearer('Doctor Who', "who's in the lark drama", 'The schedule includes the return of Doctor Who.', personLike)).toBe(false);
    // (unless the question names the given name too)
    expect(restatesBearer('Ivo Brandt', 'did ivo brandt play', text, personLike)).toBe(false);
  });

  it('is no sure answer of a who-question about that one', () => {
    const engine = new Engine([
      art('r1', 'Brandt pulls out of Marlow Open', 'Ivo Brandt was forced to withdraw from the Marlow Open on Thursday with a rib injury.'),
      art('r2', 'Harbour reopens', 'The harbour at Vale reopened on Friday after repairs.'),
    ]);
    const r = engine.ask('who was brandt meant to play at the marlow open');
    expect(r.span.text).toBe('Ivo Brandt');
    expect(r.span.confidence).toBe(0);
    expect(r.answer.short).toBe(false);
  });
});

describe('a unit\'s symbol', () => {
  it('is no answer to what a thing is ("12,600 MW" for "what river is the dam on")', () => {
    const engine = new Engine([
      art('u1', 'Kestrel dam approved', 'The Kestrel Dam is designed to produce 12,600 MW of electricity, and is being built on the Marlow river.'),
      art('u2', 'Harbour reopens', 'The harbour at Vale reopened on Friday after repairs.'),
    ]);
    const r = engine.ask('what river is the kestrel dam on');
    expect(r.span.text).toBe('MW');
    expect(r.span.confidence).toBe(0);
  });
});

describe('the level a change reached', () => {
  it('is not the change told before "to" ("fell 65 cents to $14.35" for "what did shares drop to")', () => {
    const engine = new Engine([
      art('d1', 'Kestrel Air shares slide', 'Shares in Kestrel Air fell 65 cents to $14.35 as analysts voiced their disappointment.'),
      art('d2', 'Harbour reopens', 'The harbour at Vale reopened on Friday after repairs.'),
    ]);
    const r = engine.ask('what did kestrel air shares drop to');
    expect(r.answer.short && r.answer.answer === '65 cents').toBe(false);
  });
});

describe('"one" before "between"', () => {
  it('is a pronoun, no count ("a deal similar to one between Marlow and Vale")', () => {
    const engine = new Engine([
      art('o1', 'Kestria signs gas deal', 'Kestria secured a similar gas deal to one between Marlow and Vale.'),
      art('o2', 'Harbour reopens', 'The harbour at Vale reopened on Friday after repairs.'),
    ]);
    const r = engine.ask("whats the value of kestria's gas deal");
    expect(r.span.text).toBe('one');
    expect(r.span.confidence).toBe(0);
    expect(r.answer.short).toBe(false);
  });
});

describe('figures that are no answer to the amount asked', () => {
  const harbour = art('zz', 'Harbour reopens', 'The harbour at Vale reopened on Friday after repairs.');
  const spanOf = (text: string, question: string) => new Engine([art('a1', 'Story', text), harbour]).ask(question).span;
  it('a price for each share is no total paid ("$76 for each Kestrel share")', () => {
    const span = spanOf('Lark Medical will pay $76 for each Kestrel share, 6% more than the closing price.', 'how much is lark medical paying for kestrel');
    expect(span.text).toBe('$76');
    expect(span.confidence).toBe(0);
  });
  it('a figure a modal tells is no growth that was ("could grow by as much as 4.5%")', () => {
    const span = spanOf('Marlowland stocks rose on optimism about the economy, which could grow by as much as 4.5% in 2004.', "how much did marlowland's economy grow in 2004");
    expect(span.text).toBe('4.5%');
    expect(span.confidence).toBe(0);
  });
  it('a figure above another is a difference, unless "above" is asked', () => {
    const span = spanOf('The trade deficit for all of last year was 24.4% above the previous record of $496.5bn.', 'how big was the trade deficit last year');
    expect(span.text).toBe('24.4%');
    expect(span.confidence).toBe(0);
    const asked = spanOf('Demand for heating oil in Marlowland was about 14% above normal this week.', 'how far above normal is marlowland heating oil demand');
    expect(asked.text).toBe('about 14%');
    expect(asked.confidence).toBeGreaterThan(0);
  });
  it('a bare year is no length ("a marvellous 2005 season" for "how long was the race")', () => {
    const span = spanOf('Brandt said: "I felt great throughout the race and hope this is a good beginning for a marvellous 2005 season for me."', 'how long was the race brandt won in marlow');
    expect(span.text).toBe('2005');
    expect(span.confidence).toBe(0);
  });
  it('"one" before another noun is no count of the thing asked ("one change to the line-up" for "how many caps")', () => {
    const span = spanOf('Vale has been forced to make one change to the starting line-up, with Ivo Brandt coming in for the injured Tom Reed.', 'how many caps has tom reed got');
    expect(span.text).toBe('one');
    expect(span.confidence).toBe(0);
  });
  it('a description of the name asked is no doer of the deed asked ("US rock band Larkspur" for "who quit larkspur")', () => {
    const span = spanOf('The guitarist with US rock band Larkspur has quit the music business after a religious awakening.', 'who quit larkspur');
    expect(span.text).toBe('US rock band');
    expect(span.confidence).toBe(0);
  });
});

describe('a question asking which kind of a thing', () => {
  it('is not told by a quote naming the thing with no word of its kind', () => {
    expect(kindNotTold('what kind of cancer did lister have', 'Ann Lister, the former head of Kestrel Foods, has died of cancer aged 44.')).toBe(true);
    expect(kindNotTold('what kind of cancer did lister have', 'Ann Lister had been treated for colorectal cancer since May.')).toBe(false);
    expect(kindNotTold('what did lister die of', 'Ann Lister has died of cancer aged 44.')).toBe(false);
  });

  it('leaves such a quote unsure', () => {
    const engine = new Engine([
      art('k1', 'Kestrel boss Lister dies', 'Ann Lister, the former head of fast-food firm Kestrel Foods, has died of cancer aged 44.'),
      art('k2', 'Harbour reopens', 'The harbour at Vale reopened on Friday after repairs.'),
    ]);
    const a = engine.ask('what kind of cancer did the kestrel boss lister have').answer;
    expect(a.confidence).toBeLessThan(UNSURE_BELOW);
  });
});

describe('names and roles that are not the one asked', () => {
  const harbour = art('zz', 'Harbour reopens', 'The harbour at Vale reopened on Friday after repairs.');
  const spanOf = (text: string, question: string) => new Engine([art('a1', 'Story', text), harbour]).ask(question).span;
  it('a where-span ending in the name asked is that one, not a place ("in Marlowia Brandis admitted")', () => {
    const span = spanOf('Only last year she insisted that a comeback was unlikely, but speaking in Marlowia Brandis admitted: "I said that because I did not know."', 'where is brandis making her comeback');
    expect(span.text).toBe('Marlowia Brandis');
    expect(span.confidence).toBe(0);
  });
  it('a name set apart by another role than the one asked does not hold it ("Rovers boss Ivo Brandt" for the chairman)', () => {
    const span = spanOf('Kestrel Rovers boss Ivo Brandt signed a three-and-a-half year contract extension on Thursday.', 'whos the kestrel rovers chairman');
    expect(span.text).toBe('Ivo Brandt');
    expect(span.confidence).toBe(0);
  });
  it('"how old is X the Y …" asks X\'s age, not Y\'s', () => {
    const span = spanOf('A Labour loyalist from a working class background Mr Lister, 57, had been unafraid of pushing for tough changes. His guide dog Rex was at his side as he left the Home Office.', 'how old is rex the lister guide dog');
    expect(span.text).toBe('57');
    expect(span.confidence).toBe(0);
  });
});

describe('a date in a part of the sentence holding fewer of the words asked', () => {
  it('does not date what another part with its own date tells ("leave on 24 May, with the first Test … on 25 June")', () => {
    const engine = new Engine([
      art('l1', 'Kestrels name tour squad', 'The Kestrels leave for Marlowland on 24 May, with the first Test match against the Larks in Vale on 25 June.'),
      art('l2', 'Harbour reopens', 'The harbour at Lisbonia reopened on Friday after repairs.'),
    ]);
    const r = engine.ask('when is the first kestrels test against the larks');
    expect(r.span.text).toBe('24 May');
    expect(r.span.confidence).toBe(0);
    expect(r.answer.short).toBe(false);
  });
});

describe('a surname asked that the article writes in lower case', () => {
  it('is a common noun, so a name ending in it restates nothing ("Marlow Library" for "which library system")', () => {
    const text = 'Marlow Library is the largest academic library system in the world.';
    expect(restatesBearer('Marlow Library', 'what is the largest academic library system', text, () => true)).toBe(false);
  });
});

describe('a list of years', () => {
  it('dates, never counts ("the 2002 and 2003 Marlow races" for "how many runners took part")', () => {
    const engine = new Engine([
      art('y1', 'Brandt second again', 'The 29-year-old has finished second to Ann Lister in the 2002 and 2003 Marlow races as well as in the Vale marathon.'),
      art('y2', 'Harbour reopens', 'The harbour at Lisbonia reopened on Friday after repairs.'),
    ]);
    const r = engine.ask('how many runners took part in the vale marathon lister won');
    expect(r.span.text).toBe('2002 and 2003');
    expect(r.span.confidence).toBe(0);
  });
});

describe('figures and names of the wrong kind (probe draws 81–83)', () => {
  const harbour = art('zz', 'Harbour reopens', 'The harbour at Vale reopened on Friday after repairs.');
  const spanOf = (text: string, question: string) => new Engine([art('a1', 'Story', text), harbour]).ask(question).span;
  it('asked how much something raised or earned, a figure with no money in it is no answer ("an 8% stake")', () => {
    const span = spanOf('Kestrel Telecom said it would fund the deal by selling an 8% stake in directory firm Larkpages.', 'how much will kestrel telecom raise from selling the larkpages stake');
    expect(span.text).toBe('8%');
    expect(span.confidence).toBe(0);
  });
  it('a place or an owner set before the kind asked is no name of that kind ("the Midlands club", "Russia\'s newspapers")', () => {
    const club = spanOf("Brandt's current deal expires in the summer and he has been offered a new deal by the Midlands club.", 'which club is brandt at');
    expect(club.text).toBe('Midlands');
    expect(club.confidence).toBe(0);
    const paper = spanOf("Russia's newspapers claimed that Kestrel was a front for gas monopoly Larkgaz.", 'which newspaper reported the larkgaz claim');
    expect(paper.text).toBe('Russia');
    expect(paper.confidence).toBe(0);
  });
  it('a figure set against another subject\'s is not the one asked ("63 points, with Britain second on 48")', () => {
    const span = spanOf('Russia won the meeting with a final total of 63 points, with Britain second on 48 and France one point behind in third.', 'how many points did britain end up with at the vale meet');
    expect(span.text).toBe('63');
    expect(span.confidence).toBe(0);
  });
});

describe('a role holder', () => {
  it('is set beside the role\'s noun, not beside the word used as a verb ("Kestrel, of Marlow, Devon, heads a coalition")', () => {
    expect(holdsRoleIn('who is the ceo of kestrel foods', 'Kestrel Foods, of Marlow, Devon, heads a coalition of firms working on the harbour.')).toBeNull();
    expect(holdsRoleIn('who is the ceo of kestrel foods', 'Kestrel Foods, of Marlow, Devon, head Ann Lister said the coalition would grow.')).toBe('Ann Lister');
  });

  it('is not a deputy\'s, with a field between ("deputy planning director")', () => {
    expect(holdsRoleIn('who is the president of kestrel', 'Kestrel deputy planning director Ann Lister said sales rose.')).toBeNull();
    expect(holdsRoleIn('who is the president of kestrel', 'Kestrel director Ann Lister said sales rose.')).toBe('Ann Lister');
  });

  it('is never a name joined on by "and" after the role ("the company\'s chairman and Anil its deputy")', () => {
    expect(holdsRoleIn('who is the chairman of kestrel', "Ivo is Kestrel's chairman and Tomas its deputy, the paper said.")).toBeNull();
    expect(holdsRoleIn('who is the chairman of kestrel', 'Kestrel founder and chairman Tomas Brandt said the bid was derisory.')).toBe('Tomas Brandt');
  });
});

describe('"managing director" asked', () => {
  it('is a director printed after "managing", never a club\'s manager', () => {
    expect(holdsRoleIn("who is kestrel's managing director", 'Kestrel manager Ivo Brandt said the bid was derisory.')).toBeNull();
    expect(holdsRoleIn("who is kestrel's managing director", 'Kestrel director Tom Vale said the bid was derisory.')).toBeNull();
    expect(holdsRoleIn("who is kestrel's managing director", "Kestrel's managing director, Ann Lister, said the bid was derisory.")).toBe('Ann Lister');
  });

  it('so a club\'s manager is no sure answer for it', () => {
    const engine = new Engine([
      art('m1', 'Kestrel reject bid', 'Kestrel manager Ivo Brandt said the bid for their midfielder was derisory.'),
      art('m2', 'Harbour reopens', 'The harbour at Vale reopened on Friday after repairs.'),
    ]);
    const r = engine.ask("who is kestrel's managing director");
    expect(r.span.text).toBe('Ivo Brandt');
    expect(r.span.confidence).toBe(0);
  });
});

describe('a span of years before "low" or "high"', () => {
  it('is that low\'s measure, no figure asked ("unemployment at a near 30 year low")', () => {
    const engine = new Engine([
      art('u1', 'Marlowland rates rise', 'The Marlowland government said the economy remained strong with unemployment at a near 30 year low.'),
      art('u2', 'Harbour reopens', 'The harbour at Vale reopened on Friday after repairs.'),
    ]);
    const r = engine.ask("whats marlowland's unemployment rate exactly");
    expect(r.span.text).toBe('30 year');
    expect(r.span.confidence).toBe(0);
  });
});

describe('names and figures of another (probe draws 87–89)', () => {
  const harbour = art('zz', 'Harbour reopens', 'The harbour at Vale reopened on Friday after repairs.');
  const spanOf = (text: string, question: string) => new Engine([art('a1', 'Story', text), harbour]).ask(question).span;
  it('"what seed" asks a place in an order, which a name is not', () => {
    const span = spanOf('But unseeded Tom Reed beat the fourth seed Ivo Brandt 6-2 6-4 and Ann Lister overcame eighth seed Max Vale 6-2.', 'what seed was lister in marlow');
    expect(span.text).toBe('Ivo Brandt');
    expect(span.confidence).toBe(0);
  });
  it('asked whom X beat, one another side beat is not it ("England beat Fiji" for "who did brandt beat")', () => {
    const span = spanOf('Kestria beat Marlowland 26-21 in a dramatic final in Vale to win the first sevens event of the season.', 'who did brandt beat in the vale final');
    expect(span.text).toBe('Marlowland');
    expect(span.confidence).toBe(0);
  });
  it('"when is X this year" is not answered by the year', () => {
    const span = spanOf('Ann Lister will run in the Vale Marathon this year after deciding her schedule for 2005.', 'when is the vale marathon this year');
    expect(span.text).toBe('2005');
    expect(span.confidence).toBe(0);
  });
  it('asked whom a side meets, that side\'s own manager is not it', () => {
    const span = spanOf('Kestrel manager Ivo Brandt acclaimed his players for their patience in their 3-0 cup victory over a determined Marlow side.', 'who do kestrel get in the cup quarter finals');
    expect(span.text).toBe('Ivo Brandt');
    expect(span.confidence).toBe(0);
  });
  it('asked whom a side is up against, that side\'s own manager is not it, and the quote naming only him is not sure', () => {
    const text = 'Kestrel manager Ivo Brandt hopes a place in the knock-out stages of the Vale Cup could help keep some of his players.';
    expect(spanOf(text, 'who are kestrel up against in the vale cup').confidence).toBe(0);
    const a = new Engine([art('a1', 'Story', text), harbour]).ask('who are kestrel up against in the vale cup').answer;
    expect(a.short).toBe(false);
    expect(a.confidence).toBeLessThan(UNSURE_BELOW);
  });
  it('a figure a sentence dates by another year than the one asked ("By 2010, it expects … 400,000 cars")', () => {
    const span = spanOf('By 2010, it expects to nearly double sales to 400,000 cars.', 'how many cars is kestrel motors expecting to sell in 2005');
    expect(span.text).toBe('400,000');
    expect(span.confidence).toBe(0);
  });
});

describe('origins and roles of another (the twenty-first session\'s noted wrong bolds)', () => {
  const harbour = art('zz', 'Harbour reopens', 'The harbour at Vale reopened on Friday after repairs.');
  const spanOf = (text: string, question: string) => new Engine([art('a1', 'Story', text), harbour]).ask(question).span;
  it('a role the quote gives another name is not held by the span it gives none ("Italian Prime Minister X" for Kestria\'s)', () => {
    const span = spanOf('Ivo Brandt has met Marlovian Prime Minister Tom Reed and Valish Chancellor Ann Lister to talk about Kestria joining the union.', "who is kestria's prime minister");
    expect(span.text).toBe('Ivo Brandt');
    expect(span.confidence).toBe(0);
    expect(span.vetoes).toContain('roleHeldByOther');
  });
  it('a span the quote sets in the role keeps it', () => {
    const span = spanOf('Kestrian Prime Minister Ivo Brandt has met Tom Reed to talk about Kestria joining the union.', "who is kestria's prime minister");
    expect(span.vetoes).not.toContain('roleHeldByOther');
  });
});
