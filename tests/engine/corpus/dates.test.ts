import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../../../src/engine/corpus/load-corpus.ts';
import { findDateline } from '../../../src/engine/corpus/clean-article.ts';
import type { Article } from '../../../src/engine/types.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/dates', import.meta.url));

describe('article dates: metadata first, then a dateline at the top, then the first full date not looked ahead to', async () => {
  const corpus = await loadCorpus(FIXTURES);
  const byId = new Map(corpus.articles.map((a) => [a.id, a]));
  const dateOf = (id: string) => {
    const a: Article | undefined = byId.get(id);
    if (!a) throw new Error(`no article ${id} (have ${[...byId.keys()].join(', ')})`);
    return a.date;
  };

  it('loads every fixture without a warning', () => {
    expect(corpus.warnings).toEqual([]);
    expect(corpus.articles).toHaveLength(19);
  });

  it.each([
    ['Markdown front matter', 'front-matter.md', '2005-03-03'],
    ['Markdown front matter with a time', 'front-matter-datetime.md', '2005-03-04T10:30:00Z'],
    ['a JSON "date" field', 'json-dated', '2005-03-05'],
    ['a JSONL "date" field (RFC 822)', 'jsonl-dated', '2005-03-05T09:00:00Z'],
    ['an RSS pubDate', 'rss-dated', '2005-03-07T18:00:00Z'],
    ['an RSS dc:date', 'rss-dc-date', '2005-03-08'],
    ['an Atom published date (before updated)', 'atom-published', '2005-03-09T08:00:00Z'],
    ['an Atom updated date', 'atom-updated', '2005-03-11T08:00:00Z'],
    ['HTML article:published_time', 'meta-published-time.html', '2005-03-12T08:15:00Z'],
    ['HTML <time datetime>', 'time-datetime.html', '2005-03-13'],
    ['HTML JSON-LD datePublished, past an unreadable meta date', 'json-ld.html', '2005-03-14T07:00:00Z'],
  ])('takes %s over any date in the text', (_label, id, expected) => {
    expect(dateOf(id)).toBe(expected);
  });

  it.each([
    ['a place dateline in plain text', 'dateline.txt', '2005-03-15'],
    ['a "Published:" line in plain text', 'published-line.txt', '2005-03-16'],
    ['a place dateline in a JSONL text', 'jsonl-dateline', '2005-03-06'],
  ])('without metadata reads %s', (_label, id, expected) => {
    expect(dateOf(id)).toBe(expected);
  });

  it('drops a dateline-only line from the text and the title', () => {
    const a = byId.get('published-line.txt')!;
    expect(a.title).toBe('Airport expansion backed');
    expect(a.text).not.toContain('Published:');
  });

  it.each([
    ['plain text', 'deadline.txt'],
    ['Markdown without a front-matter date', 'deadline.md'],
    ['HTML without date metadata', 'deadline.html'],
    ['JSONL without a "date" field', 'jsonl-deadline'],
    ['an RSS item without a date, mentioning a deadline in its first sentence', 'rss-undated'],
  ])('leaves an undated article mentioning "a 2006 deadline" undated: %s', (_label, id) => {
    expect(byId.get(id)?.text).toMatch(/2006/);
    expect(dateOf(id)).toBeNull();
  });
});

describe('findDateline', () => {
  it.each([
    ['LONDON, March 3, 2005 — The government said…', '2005-03-03'],
    ['New York (Reuters), 3 March 2005 - Shares fell', '2005-03-03'],
    ['Kirkby, Merseyside, 3 March 2005: Floods closed the road', '2005-03-03'],
    ['Published: Thursday, 3 March, 2005, 10:32 GMT\n\nText', '2005-03-03'],
    ['Title line\n\nBy Jane Doe | March 3, 2005\n\nBody', '2005-03-03'],
    ['Title line\n\nThursday, March 3, 2005\n\nBody', '2005-03-03'],
    ['Updated 2023-05-06T10:00\nBody', '2023-05-06'],
    ['Last updated on 3 March 2005\nBody', '2005-03-03'],
    ['The government said on March 3, 2005 that growth rose.', '2005-03-03'],
    // interface.md: "else the first full date in the text", wherever it is
    [`${'The council met. '.repeat(20)}\n\nMarch 3, 2005 — later news.`, '2005-03-03'],
    [`${'The council met. '.repeat(20)}The report is due on March 31, 2006. It was filed on 3 March 2005.`, '2005-03-03'],
  ])('reads %j', (text, expected) => {
    expect(findDateline(text)).toBe(expected);
  });

  it.each([
    ['a date the lead looks ahead to', 'The government must decide by March 3, 2005 whether growth rose.'],
    ['a clause that is no place', 'Officials said the deadline, March 31, 2006 — is tight.'],
    ['a date without a year', 'LONDON, March 3 — no year here.'],
    ['no real day', 'LONDON, February 30, 2005 — no such day.'],
  ])('refuses %s', (_label, text) => {
    expect(findDateline(text)).toBeNull();
  });
});
