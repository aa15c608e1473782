import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadNewsCorpus } from '../../bench/news-qa.ts';
import { isAbout, LONG_MESSAGE_CHARS, loadRequestSet, longMessage, refOf, REQUESTS_FILE } from '../../bench/requests-set.ts';

const BBC = fileURLToPath(new URL('../../../shared/eval/bbc-news-summary/summarization.jsonl', import.meta.url));
const present = existsSync(BBC);
if (!present) console.warn(`requests set test: ${BBC} not found — skipping the check of ids and answers against the articles`);

const items = loadRequestSet();

describe('the requests-in-words dev set (bench/requests.jsonl)', () => {
  it('generates its over-long message instead of storing it', () => {
    expect(longMessage()).toHaveLength(LONG_MESSAGE_CHARS);
    expect(items.some((i) => i.text.length === LONG_MESSAGE_CHARS)).toBe(true);
    expect(readFileSync(REQUESTS_FILE, 'utf8').split('\n').every((l) => l.length < 400)).toBe(true);
  });

  it('holds references, catch-ups without a topic, windows, bad input and questions the corpus cannot answer', () => {
    expect(items.filter((i) => refOf(i.article) !== null).length).toBeGreaterThanOrEqual(8);
    expect(items.filter((i) => i.intent === 'brief' && i.topic?.length === 0).length).toBeGreaterThanOrEqual(3);
    expect(items.filter((i) => i.since !== undefined).length).toBeGreaterThanOrEqual(6);
    expect(items.filter((i) => i.intent === 'ask' && i.answers === null).length).toBeGreaterThanOrEqual(5);
  });

  it('judges "about" by whole words with an optional plural', () => {
    expect(isAbout('The Oscar ceremony', ['oscars'])).toBe(true);
    expect(isAbout('Interest rate rises', ['interest', 'rates'])).toBe(true);
    expect(isAbout('Bpm counts', ['bp'])).toBe(false);
  });
});

describe.skipIf(!present)('the requests dev set against its corpus', () => {
  it('names articles the engine loads, and every expected answer is in some article verbatim', async () => {
    const articles = await loadNewsCorpus(BBC);
    const ids = new Set(articles.map((a) => a.id));
    const problems: string[] = [];
    for (const i of items) {
      for (const id of [i.article, ...(i.also ?? [])]) if (id !== undefined && refOf(id) === null && !ids.has(id)) problems.push(`${i.conv}#${i.turn}: no article ${id}`);
      for (const a of i.answers ?? []) if (!articles.some((x) => x.text.includes(a))) problems.push(`${i.conv}#${i.turn}: "${a}" in no article`);
    }
    expect(problems).toEqual([]);
  });
});
