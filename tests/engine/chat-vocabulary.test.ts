import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.ts';
import { ALTERNATIVES, chatAlternatives, expandShorthand, PHRASES, readPhrases, SHORTHAND_RARER } from '../../src/engine/term-variants.ts';
import { questionTerms } from '../../src/engine/answer-question.ts';
import { stem, terms, words } from '../../src/engine/text.ts';
import { plainArticle as article } from '../support/plain-article.ts';

/** Passage counts per index term, as a corpus would report them. */
function dfOf(counts: Record<string, number>): (term: string) => number {
  return (t) => counts[t] ?? 0;
}

describe('chat shorthand against the corpus', () => {
  it('reads shorthand the corpus lacks as its full form', () => {
    expect(expandShorthand('pm', dfOf({ prime: 3, minist: 4 }))).toEqual(terms('prime minister'));
  });

  it('reads shorthand the corpus writes far less often than its full form as the full form', () => {
    expect(expandShorthand('pm', dfOf({ pm: 10, prime: 10 * SHORTHAND_RARER + 1, minist: 900 }))).toEqual(terms('prime minister'));
  });

  it('keeps shorthand the corpus uses about as often as its full form', () => {
    expect(expandShorthand('utd', dfOf({ utd: 130, unit: 450 }))).toBeNull();
  });

  it('reads a word chat writes joined as the hyphened words news prints ("wifi" → "wi-fi")', () => {
    expect(expandShorthand('wifi', dfOf({ wifi: 1, wi: 150, fi: 150 }))).toEqual(terms('wi-fi'));
    expect(expandShorthand('ecommerce', dfOf({ e: 400, commerc: 30 }))).toEqual(terms('e-commerce'));
  });

  it('reads clipped words as the word', () => {
    expect(expandShorthand('stats', dfOf({ statist: 9 }))).toEqual(terms('statistics'));
    expect(expandShorthand('nukes', dfOf({ nuclear: 9, weapon: 9 }))).toEqual(terms('nuclear weapons'));
  });

  it('is no shorthand for a word outside the table', () => {
    expect(expandShorthand('minister', dfOf({}))).toBeNull();
  });
});

describe('news wording folded into one index term', () => {
  const same = (a: string, b: string) => expect(terms(a)).toEqual(terms(b));

  it('folds the role words chat uses into the titles news prints', () => {
    same('boss', 'chief');
    same('bosses', 'chiefs');
    same('chairwoman', 'chairman');
  });

  it('folds business and place words', () => {
    same('headquartered', 'based');
    same('turnover', 'revenue');
    same('stake', 'share');
  });

  it('folds the verbs headlines prefer into the plain verb', () => {
    same('axed', 'cut');
    same('slashed', 'cut');
    same('quit', 'resigned');
    same('probe', 'investigation');
    same('hike', 'rise');
    same('sacked', 'dismissed');
    same('defeated', 'beaten');
    same('unveiled', 'launched');
  });

  it('folds colloquial words into the ones reporters print, and joins what Porter splits', () => {
    same('kids', 'children');
    same('cops', 'police');
    same('soccer', 'football');
    same('unemployed', 'unemployment');
    same('jobless', 'unemployment');
    same('injured', 'injury');
  });

  it('joins the noun and agent forms Porter keeps apart from the verb a chat question uses', () => {
    same('winner', 'won');
    same('birth', 'born');
    same('growth', 'grew');
    same('marriage', 'married');
    same('loss', 'lost');
  });

  it('keeps apart words that only sometimes mean the same (measured, not folded)', () => {
    // (leader / lead are folded since the ninth session: "who leads the party" meets "party leader"; bench/notes/lead9.md)
    expect(stem('founder')).not.toBe(stem('founded'));
    expect(stem('coach')).not.toBe(stem('manager'));
    expect(stem('firm')).not.toBe(stem('company'));
    expect(stem('jailed')).not.toBe(stem('prison'));
  });
});

describe('chat alternatives', () => {
  it('offers the news words a chat word may stand for, when the corpus holds them', () => {
    expect(chatAlternatives([stem('boss'), 'acm'], dfOf({ manag: 4 }))).toEqual(['manag']);
    expect(chatAlternatives([stem('earnings')], dfOf({ profit: 2 }))).toEqual(['profit']);
    expect(chatAlternatives([stem('controls')], dfOf({ hand: 2 }))).toEqual(['hand']);
    expect(chatAlternatives([stem('ditched')], dfOf({ scrap: 3, abandon: 1 }))).toEqual(['scrap', 'abandon']);
  });

  it('offers nothing the corpus lacks or the question asks already', () => {
    expect(chatAlternatives([stem('boss')], dfOf({}))).toEqual([]);
    expect(chatAlternatives([stem('coach'), stem('manager')], dfOf({ manag: 4, coach: 2, chief: 3 }))).toEqual(['chief']);
  });

  it('offers nothing when switched off', () => {
    ALTERNATIVES.on = false;
    try {
      expect(chatAlternatives([stem('boss')], dfOf({ manag: 4 }))).toEqual([]);
    } finally {
      ALTERNATIVES.on = true;
    }
  });
});

describe('chat wording answered from news wording', () => {
  const engine = new Engine([
    article('acme.txt', 'Acme Foods results', 'Acme Foods reported a rise in sales over the winter. "We had a strong season," said chief executive Jane Roe. The firm is headquartered in Leeds.'),
    article('budget.txt', 'Budget row', 'The Prime Minister said taxes would not rise before the election. The Prime Minister also promised more money for schools.'),
    article('vote.txt', 'Vote called', 'The Prime Minister will call the vote in May, aides said.'),
    article('talks.txt', 'Talks held', 'The Prime Minister met union leaders on Monday.'),
    article('visit.txt', 'Visit planned', 'The Prime Minister will visit Wales next week.'),
    article('trade.txt', 'Trade deal', 'The Prime Minister signed a trade deal with Norway.'),
    article('summit.txt', 'Summit ends', 'The Prime Minister left the summit early.'),
    article('radio.txt', 'Radio show', 'The show airs at 8 pm on Sundays and the PM once called in.'),
    article('mill.txt', 'Mill closes', 'The mill closed after two hundred years. Workers said they would miss it.'),
  ]);

  it('answers "boss" from a sentence naming the chief executive', () => {
    const { answer } = engine.ask("who is acme foods' boss");
    expect(answer.quote).toContain('Jane Roe');
  });

  // six passages write "Prime Minister", one "PM": more than SHORTHAND_RARER times as often
  it('answers "pm" from the prime minister the corpus writes out', () => {
    const { answer } = engine.ask('what did the pm say about taxes');
    expect(answer.quote).toContain('taxes would not rise');
  });

  it('answers "based" from a sentence saying headquartered', () => {
    const { answer } = engine.ask('where is acme foods based');
    expect(answer.quote).toContain('Leeds');
  });
});

describe('chat phrases', () => {
  const read = (q: string) => readPhrases(words(q));

  it('folds a phrase news prints beside its word into that word, in articles and questions alike', () => {
    expect(terms('He stepped down on Monday')).toEqual(terms('He resigned on Monday'));
    expect(terms('they turned it down')).toEqual(terms('they rejected'));
    expect(terms('she was found guilty')).toEqual(terms('she was convicted'));
    expect(terms('he pulled out')).toEqual(terms('he withdrew'));
    expect(terms('the law comes into force')).toEqual(terms('the law takes effect'));
    expect(terms('the fund was set up')).toEqual(terms('the fund was established'));
    expect(terms('he passed the ball away')).toEqual(['pass', 'ball', stem('away')]);
  });

  it('reads a phrase news rarely prints as the news word, in any inflection', () => {
    expect(read('when did the firm go bust').words).toEqual(['when', 'did', 'the', 'firm', 'collapsed']);
    expect(read('where did she pass away').words).toEqual(['where', 'did', 'she', 'died']);
    expect(read('how many packs did they post out').words).toEqual(['how', 'many', 'packs', 'did', 'they', 'sent']);
    expect(read('which senator came round to see her').words).toEqual(['which', 'senator', 'visited', 'to', 'see', 'her']);
    expect(read('what are they getting rid of').words).toEqual(['what', 'are', 'they', 'abolish']);
    expect(read('when did she get married').words).toEqual(['when', 'did', 'she', 'married']);
    expect(read('how much is marlow shelling out').words).toEqual(['how', 'much', 'is', 'marlow', 'paid']);
    expect(read('why did profits go through the roof').words).toEqual(['why', 'did', 'profits', 'soared']);
    expect(questionTerms('where did the actor passed away')).toEqual(terms('actor died'));
  });

  it('keeps the verb of a phrase news prints itself and offers the news word as an alternative', () => {
    const r = read('when did she sign up with the club');
    expect(r.words).toEqual(['when', 'did', 'she', 'sign', 'with', 'the', 'club']);
    expect(r.alternatives).toEqual([stem('joined')]);
    expect(read('who is in charge of the club').alternatives).toEqual(['chief', 'head', 'runs'].map(stem));
  });

  it('does not read a phrase offered as one of a choice, or words that only share its verb', () => {
    expect(read('are prices going up, down or staying the same').alternatives).toEqual([]);
    expect(read('did she pass the test').words).toEqual(['did', 'she', 'pass', 'the', 'test']);
  });

  it('reads nothing of its own table when switched off', () => {
    PHRASES.on = false;
    try {
      expect(read('when did the firm go bust')).toEqual({ words: ['when', 'did', 'the', 'firm', 'go', 'bust'], alternatives: [] });
    } finally {
      PHRASES.on = true;
    }
  });

  it('counts phrase alternatives in the corpus only, beside the word alternatives', () => {
    expect(chatAlternatives([stem('club'), stem('sign')], dfOf({ join: 3 }), [stem('joined')])).toEqual([stem('joined')]);
    expect(chatAlternatives([stem('club'), stem('sign')], dfOf({}), [stem('joined')])).toEqual([]);
  });

  const engine = new Engine([
    article('acme.txt', 'Acme results', 'Acme Foods chairman John Doe died in Leeds last week, the company said. He was 81.'),
    article('bolt.txt', 'Bolt Motors board', 'Bolt Motors chairwoman Ann Lee stepped down on Friday after a row over pay.'),
    article('kite.txt', 'Kite Air hires', 'Dan Roe joined Kite Air in Derby in 1990 from a bank.'),
    article('park.txt', 'Park reopens', 'The city park reopened after a long winter. Visitors came back in large numbers.'),
  ]);

  it('answers a phrase from a sentence that prints the news word', () => {
    const { answer } = engine.ask('where did the acme foods chairman pass away');
    expect(answer.quote).toContain('died in Leeds');
  });

  it('answers the news word from a sentence that prints the phrase', () => {
    const { answer } = engine.ask('when did the bolt motors chairwoman resign');
    expect(answer.quote).toContain('stepped down on Friday');
  });

  it('never raises the confidence through an alternative', () => {
    const ask = (on: boolean) => {
      PHRASES.on = on;
      try {
        return engine.ask('when did dan roe sign up with kite air').answer;
      } finally {
        PHRASES.on = true;
      }
    };
    const [off, on] = [ask(false), ask(true)];
    expect(on.quote).toBe(off.quote);
    expect(on.quote).toContain('joined Kite Air in Derby in 1990');
    expect(on.confidence).toBeLessThanOrEqual(off.confidence ?? 0);
  });
});
