import { describe, expect, it } from 'vitest';
import { splitParagraphs, splitSentences, terms } from '../../src/engine/text.ts';
import { Engine } from '../../src/engine/engine.ts';
import { plainArticle } from '../support/plain-article.ts';

describe('splitSentences', () => {
  it('keeps abbreviations, initials and decimals inside sentences', () => {
    const text = 'Mr. Smith paid $3.50 to J. K. Rowling at 5 p.m. on Tuesday. Then he left. Did he? Yes!';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'Mr. Smith paid $3.50 to J. K. Rowling at 5 p.m. on Tuesday.',
      'Then he left.',
      'Did he?',
      'Yes!',
    ]);
  });

  it('ends a sentence after a dotted acronym when a new sentence starts', () => {
    const parts = splitSentences('Troops left the U.S. The base closed. U.S. officials said so.').map((s) => s.text);
    expect(parts).toEqual(['Troops left the U.S.', 'The base closed.', 'U.S. officials said so.']);
  });

  it('ends a sentence after a possessive ("Alzheimer\'s."), still not after an initial ("J. K. Rowling")', () => {
    const parts = splitSentences("He died of Alzheimer's. The 71-year-old served in Marlow. J. K. Rowling's book sold.").map((s) => s.text);
    expect(parts).toEqual(["He died of Alzheimer's.", 'The 71-year-old served in Marlow.', "J. K. Rowling's book sold."]);
  });

  it('ends a sentence after a unit or a decade set on a number ("£4m.", "the 1960s."), which is no initial', () => {
    const parts = splitSentences('The deal cost £4m. The firm paid. Cocoa was big in the 1960s. But oil came.').map((s) => s.text);
    expect(parts).toEqual(['The deal cost £4m.', 'The firm paid.', 'Cocoa was big in the 1960s.', 'But oil came.']);
  });

  it('reads a title ending in ! or ? inside a sentence as part of it', () => {
    const parts = splitSentences('The woman behind the musical Hello There! has joined the rich list. Who Knew? is next. Did it work? No.').map((s) => s.text);
    expect(parts).toEqual(['The woman behind the musical Hello There! has joined the rich list.', 'Who Knew? is next.', 'Did it work?', 'No.']);
  });

  it('keeps offsets that point at the verbatim text and records paragraphs', () => {
    const text = 'First one. Second one.\n\nThird “quoted.” Fourth.';
    const sentences = splitSentences(text);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 0, 1, 1]);
  });

  it('splits paragraphs on blank lines', () => {
    expect(splitParagraphs('a\nb\n\n\nc').map((p) => p.text)).toEqual(['a\nb', 'c']);
  });
});

describe('terms', () => {
  it('drops stop words and stems', () => {
    expect(terms('The rebels were capturing the palaces')).toEqual(['rebel', 'captur', 'palac']);
  });
});

describe('"won" is the verb, "won\'t" a stop word', () => {
  it('keeps "won" as the term of "win" and drops the contraction', () => {
    expect(terms('Who won the cup?')).toEqual(['win', 'cup']);
    expect(terms("They won't say")).toEqual([]);
  });
});

describe('how news tells a change', () => {
  it('folds jumped / climbed / soared into rise and plunged / slumped into fall', () => {
    expect(terms('profits jumped')).toEqual(terms('profits rose'));
    expect(terms('shares climbed and soared')).toEqual(terms('shares rise and rise'));
    expect(terms('sales plunged')).toEqual(terms('sales fell'));
  });
});

describe('a role and the verb a chat question asks with', () => {
  it('folds chairman into chairs and leader into leads', () => {
    expect(terms('who chairs the board')).toEqual(terms('who chairman the board'));
    expect(terms('the party leader')).toEqual(terms('the party leads'));
    expect(terms('the writer')).not.toEqual(terms('the writes'));
  });
});

describe('a country and its adjective', () => {
  it('are one index term, people of the country too', () => {
    expect(terms('Syrian rebels')).toEqual(terms('Syria rebels'));
    expect(terms('Iraqis voted')).toEqual(terms('Iraq voted'));
    expect(terms('the French president')).toEqual(terms('the France president'));
  });

  it('meet a people named by another noun: the Kurds, Kurdish', () => {
    expect(terms('the Kurds')).toEqual(terms('Kurdish'));
    expect(terms('the Turks')).toEqual(terms('Turkish'));
  });

  it('leave words of another common sense alone', () => {
    expect(terms('polish the car')).not.toEqual(terms('Poland the car'));
    expect(terms('English lessons')).not.toEqual(terms('England lessons'));
  });

  it('let a question naming the country find the sentence using the adjective', () => {
    const engine = new Engine([
      plainArticle('a.txt', 'Palace taken', 'Syrian rebels took the presidential palace in Aleppo on Sunday evening. Crowds gathered outside.'),
      plainArticle('b.txt', 'Markets', 'Shares rose on Sunday evening in London. Traders were calm.'),
    ]);
    const answer = engine.ask('When did rebels in Syria take the palace?').answer;
    expect(answer.quote).toContain('Syrian rebels');
  });
});

describe('"lives": the verb where someone lives, else the plural of "life"', () => {
  it('reads "who lives in" as the verb a "where does X live" question asks with', () => {
    expect(terms('Mirza, who lives in the city')).toContain('live');
    expect(terms('she lives near the coast')).toContain('live');
  });

  it('keeps lives that are owned, counted or saved as the plural of "life"', () => {
    expect(terms('they risked their lives in the flood')).toContain('life');
    expect(terms('300 lives in the region')).toContain('life');
    expect(terms('saving lives')).toContain('life');
  });

  it('answers where someone lives from the sentence that says so, not a "live telecast"', () => {
    const engine = new Engine([
      plainArticle('a.txt', 'Mirza loses', 'Many fans watched the live telecast of the match between Mirza and Williams in India. Mirza, who lives in the city of Hyderabad, turned professional two years ago.'),
    ]);
    const answer = engine.ask('where does mirza live').answer;
    expect(answer.quote).toContain('Hyderabad');
  });
});

describe('anger as news prints it', () => {
  it('meets "angry" with "livid" and "furious"', () => {
    expect(terms('he was livid')).toEqual(terms('he was angry'));
    expect(terms('furious fans')).toEqual(terms('angry fans'));
  });
});

describe('a participle joined after a word describes a noun', () => {
  it('does not meet the verb a chat question asks with ("state-owned" / "who owns")', () => {
    expect(terms('state-owned energy giant')).not.toContain(terms('owns')[0]);
    expect(terms('the US-led force')).not.toContain(terms('led')[0]);
    expect(terms('a state-owned firm')).toEqual(terms('state-owned firms'));
  });

  it('keeps "-based", which tells where a firm is', () => {
    expect(terms('a London-based firm')).toContain(terms('based')[0]);
  });
});

describe('"take over" is one deed', () => {
  it('meets "took over" and "takeover", not a lone "take"', () => {
    expect(terms('since Robinson took over from Woodward')).toEqual(expect.arrayContaining(terms('who did robinson take over from')));
    expect(terms('the takeover bid')).toContain(terms('taking over')[0]);
    expect(terms('take a break')).not.toContain(terms('take over')[0]);
  });
});

describe('a name with an apostrophe', () => {
  it('is an index term, though "o" alone is a stop word ("O\'Herlihy", "O\'Driscoll\'s")', () => {
    expect(terms("Dan O'Herlihy died")).toEqual(expect.arrayContaining(terms('dan oherlihy')));
    expect(terms("O'Driscoll's injury")).toHaveLength(2);
  });

  it('leaves contractions stop words ("don\'t", "they\'re", "can\'t")', () => {
    expect(terms("don't they're can't it's")).toEqual([]);
  });
});

describe('a name joined by an ampersand', () => {
  it('is one index term ("AT&T", "P&O"), not two stop words', () => {
    expect(terms('AT&T employs 47,000')).toContain(terms('at&t')[0]);
    expect(terms('at&t')).toHaveLength(1);
    expect(terms('Marks & Spencer')).toHaveLength(2);
  });
});

describe('a final l doubled after one syllable', () => {
  it('meets its base word ("trialled" / "trials", "dialled" / "dial", "fuelled" / "fuel")', () => {
    expect(terms('trialled')).toEqual(terms('trials'));
    expect(terms('dialled')).toEqual(terms('dial'));
    expect(terms('fuelled')).toEqual(terms('fuel'));
    expect(terms('travelled')).toEqual(terms('travel'));
    expect(terms('called')).not.toEqual(terms('cal'));
  });
});

describe('a plural or a verb in "-oes"', () => {
  it('meets its word ("goes" / "go", "heroes" / "hero", "echoes" / "echo"), not "toes" / "to"', () => {
    expect(terms('goes')).toEqual(terms('go'));
    expect(terms('heroes')).toEqual(terms('hero'));
    expect(terms('echoes')).toEqual(terms('echo'));
    expect(terms('toes')).toEqual(terms('toe'));
  });
});

describe('irregular past forms', () => {
  it('meet their verb ("sought" / "seek", "fled" / "flee", "overtook" / "overtake", "heard" / "hear")', () => {
    expect(terms('sought')).toEqual(terms('seek'));
    expect(terms('fled')).toEqual(terms('flee'));
    expect(terms('overtook')).toEqual(terms('overtake'));
    expect(terms('heard')).toEqual(terms('hear'));
  });
});
