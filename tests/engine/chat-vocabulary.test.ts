import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.ts';
import { ALTERNATIVES, chatAlternatives, expandShorthand, SHORTHAND_RARER } from '../../src/engine/term-variants.ts';
import { stem, terms } from '../../src/engine/text.ts';
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

  it('keeps apart words that only sometimes mean the same (measured, not folded)', () => {
    expect(stem('coach')).not.toBe(stem('manager'));
    expect(stem('firm')).not.toBe(stem('company'));
    expect(stem('jailed')).not.toBe(stem('prison'));
  });
});

describe('chat alternatives', () => {
  it('offers the news words a chat word may stand for, when the corpus holds them', () => {
    expect(chatAlternatives([stem('boss'), 'acm'], dfOf({ manag: 4 }))).toEqual(['manag']);
    expect(chatAlternatives([stem('earnings')], dfOf({ profit: 2 }))).toEqual(['profit']);
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
