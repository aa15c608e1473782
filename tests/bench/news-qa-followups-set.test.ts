import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFollowUps, loadNewsCorpus, loadNewsQa, NEWS_QA_FILE, NEWS_QA_FOLLOWUPS_FILE } from '../../bench/news-qa.ts';

const BBC = fileURLToPath(new URL('../../../shared/eval/bbc-news-summary/summarization.jsonl', import.meta.url));
const present = existsSync(BBC);
if (!present) console.warn(`follow-up set test: ${BBC} not found — skipping the check of answers against the articles`);

const conversations = loadFollowUps();
const turns = conversations.flatMap((c) => c.turns);
const count = (kind: string) => turns.filter((t) => t.kind === kind).length;

describe('the follow-up dev set (bench/news-qa-followups.jsonl)', () => {
  it('has at least 40 conversations of two or three turns, each opening with a first question', () => {
    expect(conversations.length).toBeGreaterThanOrEqual(40);
    for (const c of conversations) {
      expect(c.turns.length, c.id).toBeGreaterThanOrEqual(2);
      expect(c.turns.length, c.id).toBeLessThanOrEqual(3);
      expect(c.turns[0]?.kind, c.id).toBe('first');
    }
  });

  it('holds ~10 standalone questions mid-conversation and ~6 unanswerable follow-ups', () => {
    expect(count('standalone')).toBeGreaterThanOrEqual(8);
    expect(count('unanswerable')).toBeGreaterThanOrEqual(5);
    expect(count('follow-up')).toBeGreaterThanOrEqual(40);
  });

  it('has unique conversation and turn ids', () => {
    expect(new Set(conversations.map((c) => c.id)).size).toBe(conversations.length);
    expect(new Set(turns.map((t) => t.id)).size).toBe(turns.length);
  });

  it('uses no article of the news QA sets', () => {
    const used = new Set(
      [NEWS_QA_FILE, ...['news-qa-fresh.jsonl', 'news-qa-fresh2.jsonl'].map((f) => path.join(path.dirname(NEWS_QA_FILE), f))]
        .filter((f) => existsSync(f))
        .flatMap((f) => loadNewsQa(f).map((q) => q.article))
        .filter((a): a is string => a !== null && a.startsWith('bbc-')),
    );
    expect(turns.filter((t) => t.article !== null && used.has(t.article)).map((t) => t.id)).toEqual([]);
  });

  it('holds questions and answers only, no article text', () => {
    for (const t of turns) {
      expect(t.question.length, t.id).toBeLessThan(120);
      for (const a of t.answers) expect(a.length, t.id).toBeLessThan(100);
    }
  });
});

describe.skipIf(!present)('the follow-up dev set against its corpus', () => {
  it('names articles the engine loads, and every expected answer is in its article verbatim', async () => {
    const byId = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a]));
    const problems: string[] = [];
    for (const t of turns.filter((x) => x.kind !== 'unanswerable')) {
      const text = (t.article === null ? undefined : byId.get(t.article))?.text.toLowerCase();
      if (text === undefined) problems.push(`${t.id}: no article ${t.article}`);
      else for (const a of t.answers) if (!text.includes(a.toLowerCase())) problems.push(`${t.id}: "${a}" not in ${t.article}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('the follow-up set loader', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'follow-ups-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (lines: unknown[]) => {
    const file = path.join(dir, `set-${Math.random().toString(36).slice(2)}.jsonl`);
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n'));
    return file;
  };
  const first = { question: 'who?', kind: 'first', answers: ['X'], article: 'a' };

  it('numbers turns after their conversation', () => {
    const file = write([{ id: 'c1', turns: [first, { question: 'why?', kind: 'unanswerable', answers: [], article: null }] }]);
    expect(loadFollowUps(file)[0]?.turns.map((t) => t.id)).toEqual(['c1.1', 'c1.2']);
  });

  it.each([
    [[{ id: 'c1', turns: [first] }], /at least two turns/],
    [[{ id: 'c1', turns: [first, first] }], /turn 2: the first turn, and only it/],
    [[{ id: 'c1', turns: [first, { question: 'when?', kind: 'follow-up', answers: [], article: 'a' }] }], /turn 2: an answerable turn needs answers/],
    [[{ id: 'c1', turns: [first, { question: 'how?', kind: 'unanswerable', answers: ['y'], article: null }] }], /no answers and no article/],
    [[{ id: 'c1', turns: [first, { question: 'x', kind: 'aside', answers: [], article: null }] }], /"kind" must be one of/],
    [[{ id: 'c1', turns: [first, { ...first, kind: 'follow-up' }] }, { id: 'c1', turns: [first, { ...first, kind: 'follow-up' }] }], /:2: duplicate id c1/],
  ])('rejects a malformed set (%#)', (lines, message) => {
    expect(() => loadFollowUps(write(lines))).toThrow(message);
  });
});

it('the set file is where the loader looks by default', () => {
  expect(path.basename(NEWS_QA_FOLLOWUPS_FILE)).toBe('news-qa-followups.jsonl');
});
