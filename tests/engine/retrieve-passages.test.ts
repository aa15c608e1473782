import { describe, expect, it } from 'vitest';
import { analyzeArticle, type AnalyzedArticle } from '../../src/engine/analyze-article.ts';
import { Bm25Index } from '../../src/engine/bm25-index.ts';
import { RETRIEVAL, retrievePassages, type PassageSources } from '../../src/engine/retrieve-passages.ts';
import { terms } from '../../src/engine/text.ts';
import type { Article } from '../../src/engine/types.ts';
import { plainArticle as article } from '../support/plain-article.ts';


/** Passage and article indexes over the articles, as the engine builds them (title terms in every passage). */
function sourcesOver(articles: Article[], withArticles = true): PassageSources {
  const passageIndex = new Bm25Index();
  const articleIndex = new Bm25Index(passageIndex.vocab);
  const at: { entry: AnalyzedArticle; from: number; to: number; article: number }[] = [];
  articles.forEach((a, key) => {
    const entry = analyzeArticle(a);
    const body = entry.sentences.flatMap((s) => s.terms);
    articleIndex.add(key, [...entry.titleTerms, ...body]);
    for (const { from, to } of entry.passages) {
      passageIndex.add(at.length, [...entry.titleTerms, ...entry.sentences.slice(from, to).flatMap((s) => s.terms)]);
      at.push({ entry, from, to, article: key });
    }
  });
  return {
    passageIndex,
    passageAt: (k) => at[k],
    ...(withArticles ? { articleIndex, articleKeyOf: (k: number) => at[k]?.article ?? -1 } : {}),
  };
}

function ask(sources: PassageSources, question: string): string[] {
  const q = [...new Set(terms(question))];
  const weight = new Map(q.map((t) => [t, sources.passageIndex.idf(t)]));
  return retrievePassages(sources, q, weight, new Set()).map((x) => x.p.entry.article.id);
}

const filler = [
  article('f1', 'Weather', 'Rain is expected across the north on Friday. Forecasters said the weekend would be dry.'),
  article('f2', 'Markets', 'Shares fell in early trading. The pound rose against the dollar.'),
  article('f3', 'Transport', 'Train fares will rise in January. Passenger groups criticised the increase.'),
];

describe('retrievePassages', () => {
  it('puts first the passage that keeps the question words together ("deputy health minister")', () => {
    const sources = sourcesOver([
      article('together', 'Care costs row', 'The deputy health minister defended the figures on care costs for the elderly in the report.'),
      article('scattered', 'Prison report', 'The minister ordered a report. Health staff and a deputy governor gave evidence.'),
      ...filler,
    ]);
    expect(ask(sources, 'who is the deputy health minister')[0]).toBe('together');
  });

  it('prefers the passage whose article holds the rest of the question over one that only repeats a name', () => {
    const articles = [
      article('story', 'Energy talks', 'Indian firms and an Indian delegation of ministers are in Moscow for Indian talks.\n\nThe Gazprom boss, Alexei Miller, will host them.'),
      article('other', 'Gas prices', 'The Gazprom boss spoke about Gazprom gas prices.\n\nTraders in London expect a cold winter, and demand for heating to stay high for months.'),
      article('cricket', 'Indian cricket', 'Indian fans cheered as the Indian batsmen scored. An Indian win looks likely.'),
      article('films', 'Indian films', 'Indian cinema sold more tickets this year.'),
      ...filler,
    ];
    const question = 'who is the indian gazprom boss';
    // passages alone: the one repeating the name wins
    expect(ask(sourcesOver(articles, false), question)[0]).toBe('other');
    expect(ask(sourcesOver(articles), question)[0]).toBe('story');
  });

  it('reads at most eight passages, best first, and nothing when no word matches', () => {
    const many = Array.from({ length: 12 }, (_, i) => article(`a${i}`, `Club news ${i}`, `The club signed a striker in week ${i}.`));
    const sources = sourcesOver([...many, ...filler]);
    expect(ask(sources, 'which striker did the club sign')).toHaveLength(8);
    expect(ask(sources, 'zebra')).toEqual([]);
  });
});

describe('the passages a generated answer may cite', () => {
  it('come from the same retrieval as ask (the article match counts there too)', async () => {
    const { Engine } = await import('../../src/engine/engine.ts');
    const engine = new Engine();
    engine.add([
      article('story', 'Energy talks', 'Indian firms and an Indian delegation of ministers are in Moscow for Indian talks.\n\nThe Gazprom boss, Alexei Miller, will host them.'),
      article('other', 'Gas prices', 'The Gazprom boss spoke about Gazprom gas prices.\n\nTraders in London expect a cold winter, and demand for heating to stay high for months.'),
      article('cricket', 'Indian cricket', 'Indian fans cheered as the Indian batsmen scored. An Indian win looks likely.'),
      ...filler,
    ]);
    const question = 'Who is the Indian Gazprom boss?';
    expect(engine.passages(question, undefined, 3)[0]?.articleId).toBe('story');
    expect(engine.askWithPassages(question).passages[0]?.articleId).toBe('story');
  });

  it('read a question typed as in chat as the plain question, as ask does', async () => {
    const { Engine } = await import('../../src/engine/engine.ts');
    const engine = new Engine();
    engine.add([
      article('story', 'Energy talks', 'Indian firms and an Indian delegation of ministers are in Moscow for Indian talks.\n\nThe Gazprom boss, Alexei Miller, will host them.'),
      article('please', 'Please tell us', 'Hey, please tell us what you know: readers can tell the bot anything.'),
      ...filler,
    ]);
    const plain = engine.passages('who is the gazprom boss', undefined, 3).map((p) => p.articleId);
    expect(plain[0]).toBe('story');
    expect(engine.passages('hey bot, can you tell me who is the gazprom boss pls', undefined, 3).map((p) => p.articleId)).toEqual(plain);
  });
});

describe('retrievePassages with term variants', () => {
  it('reads the passage naming the role ("leader") for a question with the verb ("leads"), when switched on', () => {
    // off by default: measured neutral on the news set and −1 item on SQuAD (bench/README.md, third session, `retrieval3`)
    const before = RETRIEVAL.variants;
    RETRIEVAL.variants = true;
    const sources = sourcesOver([
      article('leader', 'New party', 'Robert Hale is the leader of the Harbour Party, which was founded in May.'),
      article('other', 'Harbour Party rally', 'The Harbour Party held a rally. The Harbour Party said it would campaign in every seat.'),
      ...filler,
    ]);
    try {
      expect(ask(sources, 'who leads the harbour party')[0]).toBe('leader');
    } finally {
      RETRIEVAL.variants = before;
    }
  });
});

describe('retrievePassages and re-filed copies', () => {
  it('reads a passage once when the article is filed twice, leaving the place to the next passage', () => {
    const story = 'Harbour Party leader Robert Hale resigned on Monday after a vote of his members.';
    const sources = sourcesOver([
      article('copy-a', 'Harbour Party leader quits', story),
      article('copy-b', 'Harbour Party leader quits', story),
      article('other', 'Harbour Party vote', 'The Harbour Party will choose a new leader in June, its members were told.'),
      ...filler,
    ]);
    const read = retrievePassages(sources, terms('harbour party leader'), new Map(), new Set(), 2).map((x) => x.p.entry.article.id);
    expect(read).toEqual(['copy-a', 'other']);
  });
});
