import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/engine/answer-question.ts';
import { Bm25Index } from '../../src/engine/bm25-index.ts';
import { Engine } from '../../src/engine/engine.ts';
import { americanSpelling, isEnglishWord } from '../../src/engine/english-words.ts';
import { editDistance, repairWord, splitCompound } from '../../src/engine/spelling.ts';
import { STOP_WORDS, stem } from '../../src/engine/text.ts';
import { plainArticle as article } from '../support/plain-article.ts';


const CORPUS = [
  article('bacteria.txt', 'Cyanobacteria and oxygen', 'Cyanobacteria produced the oxygen of the early atmosphere about 2.4 billion years ago. Later, plants took over much of that work.'),
  article('council.txt', 'Council programme', 'The council opened a new leisure centre in Harrow in 2019. Its programme of evening classes starts in March.'),
  article('mill.txt', 'The old mill', 'The mill was built by the Harper family in 1820. It was sold to the town council in 1962 for a nominal sum.'),
  article('market.txt', 'Market news', 'Shares rose on Monday after the central bank held interest rates. Traders expect a cut in the spring.'),
];

describe('question words the corpus does not use', () => {
  const engine = new Engine(CORPUS);

  it('finds the article a misspelled question word meant', () => {
    const { answer } = engine.ask('When did cynaobacteria produce oxygen?');
    expect(answer.sources[0]?.id).toBe('bacteria.txt');
    expect(answer.answer).toMatch(/2\.4 billion years ago/);
  });

  it('finds a word ingested after the same typo once found nothing', () => {
    const live = new Engine([CORPUS[3]!]);
    expect(live.ask('What did the obsevratory record?').answer.answer).toBeNull();
    live.add([article('observatory.txt', 'Observatory', 'The observatory recorded a meteor shower over the Andes on Friday.')]);
    expect(live.ask('What did the obsevratory record?').answer.sources[0]?.id).toBe('observatory.txt');
  });

  it('leaves real English words alone instead of bending them into corpus words', () => {
    // "thing" is one edit from nothing in this corpus but is English: no guess is made for it
    expect(isEnglishWord('thing')).toBe(true);
    expect(isEnglishWord('cynaobacteria')).toBe(false);
  });

  it('matches American spelling in a question to British spelling in an article', () => {
    const { answer } = engine.ask('Where did the council open a leisure center?');
    expect(answer.sources[0]?.id).toBe('council.txt');
    expect(answer.quote).toContain('leisure centre in Harrow');
    expect(engine.ask('When does the evening class program start?').answer.sources[0]?.id).toBe('council.txt');
  });

  it('quotes the sentence before one that opens with a pronoun, and answers from the asked sentence', () => {
    const { answer, span } = engine.ask('What was the mill sold for in 1962?');
    expect(answer.quote).toBe('The mill was built by the Harper family in 1820. It was sold to the town council in 1962 for a nominal sum.');
    expect(span.text).not.toMatch(/1820/);
  });
});

describe('typo look-ups per question', () => {
  it('guesses at most a few unknown words, so a garbled question stays cheap', () => {
    const passageIndex = new Bm25Index();
    passageIndex.add(0, ['harbour', 'fire']);
    let lookups = 0;
    const sources = { passageIndex, passageAt: () => undefined, suggest: () => (lookups++, null) };
    answerQuestion(sources, 'qzxv wplk brrtz kkqq zzvw xqxq plmk vvbz fire?');
    expect(lookups).toBe(4);
  });
});

describe('americanSpelling', () => {
  it.each([
    ['colour', 'color'],
    ['organisation', 'organization'],
    ['centres', 'centers'],
    ['defence', 'defense'],
    ['programme', 'program'],
    ['catalogue', 'catalog'],
    ['neighbourhoods', 'neighborhoods'],
    ['labourers', 'laborers'],
  ])('%s → %s', (british, american) => expect(americanSpelling(british)).toBe(american));

  it.each(['four', 'promise', 'exercise', 'hence', 'rise', 'journal', 'tourer'])('keeps %s', (word) => expect(americanSpelling(word)).toBe(word));
});

describe('editDistance', () => {
  it('counts an adjacent transposition as one edit and stops early past the limit', () => {
    expect(editDistance('cynao', 'cyano', 2)).toBe(1);
    expect(editDistance('period', 'beriod', 2)).toBe(1);
    expect(editDistance('develp', 'develop', 2)).toBe(1);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('repairWord', () => {
  const corpus = new Map([['capit', 3], ['spend', 5], ['boss', 9], ['brass', 1], ['price', 4], ['boost', 2]]);
  const df = (t: string) => corpus.get(t) ?? 0;
  const repair = (w: string) => repairWord(w, df, (x) => STOP_WORDS.has(x), stem);

  it('repairs a swap or a missing letter on the whole word, where the stems are far apart', () => {
    expect(repair('captial')).toEqual({ term: 'capit' });
    expect(repair('spenidng')).toEqual({ term: 'spend' });
  });

  it('prefers a missing letter to a wrong one, however frequent the other word', () => {
    // "brss": "brass" lacks a letter, "boss" has a wrong one and more articles
    expect(repair('brss')).toEqual({ term: 'brass' });
    // "bost": "boost" lacks a letter; "most" (a stop word) and "boss" have a wrong one
    expect(repair('bost')).toEqual({ term: 'boost' });
  });

  it('takes a wrong or extra letter only when it gives a word: a name the corpus lacks is not a typo of a prefix', () => {
    const words = new Set(['boss', 'price', 'boost', 'brass', 'capital', 'spending']);
    const checked = (w: string) => repairWord(w, (t) => (t === 'open' ? 50 : df(t)), (x) => STOP_WORDS.has(x), stem, (x) => words.has(x));
    // "openai" → "openal" (stem "open") would be a substitution into no word at all
    expect(checked('openai')).toBeNull();
    expect(checked('bost')).toEqual({ term: 'boost' });
    expect(checked('prise')).toEqual({ term: 'price' });
  });

  it('reads a word one letter short of an English word the corpus lacks as that word, not as a name', () => {
    const english = new Set(['happened', 'boss']);
    expect(repairWord('happend', df, (x) => STOP_WORDS.has(x), stem, (x) => english.has(x))).toEqual({ term: stem('happened') });
    expect(repairWord('zentrix', df, (x) => STOP_WORDS.has(x), stem, (x) => english.has(x))).toBeNull();
  });

  it('reads a garbled stop word as asking nothing, and gives up on words far from any', () => {
    expect(repair('whre')).toEqual({ term: null });
    expect(repair('qzxvw')).toBeNull();
    expect(repair('abc')).toBeNull();
  });
});

describe('typos repaired on the whole word', () => {
  const engine = new Engine([
    article('capital.txt', 'Capital markets', 'The global capital market grew to $100 trillion last year, a survey said.'),
    article('weather.txt', 'Weather', 'Rain is expected across the north on Friday.'),
  ]);

  it('answers a swapped-letter question as the question spelled right', () => {
    const right = engine.ask('how big is the global capital market').answer;
    const typo = engine.ask('how big is the global captial market').answer;
    expect(typo.quote).toBe(right.quote);
    expect(typo.confidence).toBeCloseTo(right.confidence, 3);
  });
});

describe('a word typed run together', () => {
  const df = (held: Record<string, number>) => (t: string) => held[t] ?? 0;
  it('splits into the two words the corpus holds ("antispyware" → anti, spyware)', () => {
    expect(splitCompound('antispyware', df({ anti: 40, [stem('spyware')]: 12 }), stem)).toEqual(['anti', stem('spyware')]);
  });
  it('never into a part of three letters, which splits names ("bitcoin", "haaland")', () => {
    expect(splitCompound('bitcoin', df({ bit: 30, coin: 5 }), stem)).toBeNull();
    expect(splitCompound('haalandxy', df({ haa: 1, [stem('landxy')]: 1 }), stem)).toBeNull();
  });
});
