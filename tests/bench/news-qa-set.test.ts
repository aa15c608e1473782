import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadNewsCorpus, loadNewsQa, NEWS_QA_FRESH_FILE, sameArticleTest, scoreNewsQa, supportsAnswer, type NewsQaItem, type NewsQaReply } from '../../bench/news-qa.ts';

const BBC = fileURLToPath(new URL('../../../shared/eval/bbc-news-summary/summarization.jsonl', import.meta.url));
const present = existsSync(BBC);
if (!present) console.warn(`news QA set test: ${BBC} not found — skipping the check of answers against the articles`);

const items = loadNewsQa();

describe('the news QA dev set (bench/news-qa.jsonl)', () => {
  it('has at least 150 questions, 30 of them unanswerable, over every question type', () => {
    expect(items.length).toBeGreaterThanOrEqual(150);
    expect(items.filter((q) => !q.answerable).length).toBeGreaterThanOrEqual(30);
    const types = new Set(items.filter((q) => q.answerable).map((q) => q.type));
    for (const t of ['who', 'what', 'when', 'where', 'how many', 'how much', 'why']) expect(types).toContain(t);
  });

  it('holds questions and answers only, no article text', () => {
    for (const q of items) {
      expect(q.question.length, q.id).toBeLessThan(200);
      for (const a of q.answers) expect(a.length, q.id).toBeLessThan(150);
    }
  });
});

describe.skipIf(!present)('the news QA dev set against its corpus', () => {
  it('names articles the engine loads, and every expected answer is in its article verbatim', async () => {
    const articles = await loadNewsCorpus(BBC);
    const byId = new Map(articles.map((a) => [a.id, a]));
    const problems: string[] = [];
    for (const q of items.filter((x) => x.answerable)) {
      const article = q.article === null ? undefined : byId.get(q.article);
      if (!article) {
        problems.push(`${q.id}: no article ${q.article}`);
        continue;
      }
      const text = article.text.toLowerCase();
      for (const a of q.answers) if (!text.includes(a.toLowerCase())) problems.push(`${q.id}: "${a}" not in ${q.article}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('the fresh batch (bench/news-qa-fresh.jsonl)', () => {
  const fresh = loadNewsQa(NEWS_QA_FRESH_FILE);
  const key = (q: string) => q.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

  it('has 60 questions, 20 unanswerable, none of them a question of the dev set', () => {
    expect(fresh.length).toBe(60);
    expect(fresh.filter((q) => !q.answerable).length).toBe(20);
    const old = new Set(items.map((q) => key(q.question)));
    expect(fresh.filter((q) => old.has(key(q.question))).map((q) => q.id)).toEqual([]);
  });

  it.skipIf(!present)('names articles the engine loads, and every expected answer is in its article verbatim', async () => {
    const byId = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a]));
    const problems: string[] = [];
    for (const q of fresh.filter((x) => x.answerable)) {
      const text = (q.article === null ? undefined : byId.get(q.article))?.text.toLowerCase();
      if (text === undefined) problems.push(`${q.id}: no article ${q.article}`);
      else for (const a of q.answers) if (!text.includes(a.toLowerCase())) problems.push(`${q.id}: "${a}" not in ${q.article}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('news QA scoring', () => {
  const set: NewsQaItem[] = [
    { id: 'a', question: 'who?', answers: ['Heizo Takenaka'], article: 'x', type: 'who', answerable: true },
    { id: 'b', question: 'how much?', answers: ['$4m'], article: 'y', type: 'how much', answerable: true },
    { id: 'c', question: 'unknowable?', answers: [], article: null, type: 'what', answerable: false },
  ];

  it('matches answers in quotes after SQuAD normalisation, on whole words', () => {
    expect(supportsAnswer('said economy minister Heizo Takenaka.', ['heizo takenaka'])).toBe(true);
    expect(supportsAnswer('The trial cost $4m.', ['$4m'])).toBe(true);
    expect(supportsAnswer('The trial cost $40m.', ['$4m'])).toBe(false);
  });

  it('reports short-answer precision and coverage only when replies carry `short`', () => {
    const plain = new Map<string, NewsQaReply>([
      ['a', { answer: 'Heizo Takenaka', quote: 'minister Heizo Takenaka said', firstSource: 'x' }],
      ['b', { answer: '$4', quote: 'it cost $4m', firstSource: 'z' }],
      ['c', { answer: null, quote: null, firstSource: null }],
    ]);
    const s = scoreNewsQa(set, plain);
    expect(s).toMatchObject({ answerable: 2, unanswerable: 1, answeredPct: 100, rightArticlePct: 50, supportedPct: 100, em: 50, abstainedPct: 100 });
    expect(s.shortPrecisionPct).toBeUndefined();

    const withShort = new Map<string, NewsQaReply>([
      ['a', { answer: 'Heizo Takenaka', quote: 'minister Heizo Takenaka said', firstSource: 'x', short: true }],
      ['b', { answer: 'it cost $4m', quote: 'it cost $4m', firstSource: 'y', short: false }],
      ['c', { answer: 'Wales', quote: 'Wales won', firstSource: 'q', short: true }],
    ]);
    const t = scoreNewsQa(set, withShort);
    // two short answers, one right; a short answer to an unanswerable question counts as wrong
    expect(t.shortPrecisionPct).toBe(50);
    expect(t.shortCoveragePct).toBeCloseTo(66.67, 1);
    expect(t.abstainedPct).toBe(0);
  });

  it('counts an exact duplicate of the expected article as the right one', () => {
    const replies = new Map<string, NewsQaReply>([['a', { answer: null, quote: null, firstSource: 'x-copy' }]]);
    const same = sameArticleTest(new Map([['x', 'group-1'], ['x-copy', 'group-1']]));
    expect(scoreNewsQa(set.slice(0, 1), replies, same).rightArticlePct).toBe(100);
    expect(scoreNewsQa(set.slice(0, 1), replies).rightArticlePct).toBe(0);
  });

  it('counts a re-filed copy (same title, nearly the same words) as the right article, a same-story article not', () => {
    const body = 'Shares in the firm rose 5% after it said profits had doubled to $2bn in the year to March, beating forecasts by analysts.';
    const articles = new Map([
      ['x', { title: 'Firm profits double', text: body }],
      ['x-refiled', { title: 'Firm profits double', text: `${body} Analysts had expected $1.8bn.` }],
      ['y', { title: 'Firm profits double', text: 'The firm said its rivals struggled while demand fell in Asia and costs rose.' }],
      ['z', { title: 'Another headline', text: body }],
    ]);
    const same = sameArticleTest(new Map(), (id) => articles.get(id));
    expect(same('x', 'x-refiled')).toBe(true);
    expect(same('x', 'y')).toBe(false);
    expect(same('x', 'z')).toBe(false);
  });
});
