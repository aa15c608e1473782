import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-command.ts';
import { SEED_ID } from '../support/seed-engine.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>;

describe('briefing CLI (--json contract)', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('answers who captured the palace in Aleppo, citing the seed', async () => {
    const r = await runCli(['ask', '--json', 'Who captured the palace in Aleppo?']);
    expect(r.code).toBe(0);
    const out = json(r.stdout) as { answer: string; quote: string; sources: { id: string; date: string }[]; confidence: number };
    expect(out.answer).toBeTruthy();
    expect(out.sources[0]).toMatchObject({ id: SEED_ID, date: '2024-11-30', url: null });
    expect(out.confidence).toBeGreaterThan(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('summarizes without captions and lists sources', async () => {
    const s = await runCli(['summarize', '000_f17fd30403ef36f3', '--sentences', '4', '--json']);
    expect(s.code).toBe(0);
    const summary = json(s.stdout) as { id: string; summary: string[] };
    expect(summary.id).toBe(SEED_ID);
    expect(summary.summary).toHaveLength(4);
    expect(summary.summary.join(' ')).not.toMatch(/photo credit|REUTERS|screenshot/i);
    const src = await runCli(['sources', '--json']);
    expect(json(src.stdout)).toMatchObject({ articles: [{ id: SEED_ID, source: 'The Jerusalem Post' }], feeds: [] });
  });

  it('reports usage errors with exit 2 and other errors with exit 1', async () => {
    const empty = await runCli(['ask', '--json', '  ']);
    expect(empty.code).toBe(2);
    expect(json(empty.stdout)).toMatchObject({ error: { code: 'usage' } });
    const unknown = await runCli(['--json', 'frobnicate']);
    expect(unknown.code).toBe(2);
    const option = await runCli(['brief', '--json', '--colour', 'red']);
    expect(json(option.stdout)).toMatchObject({ error: { code: 'usage' } });
    const missing = await runCli(['summarize', '--json', 'nothing like this']);
    expect(missing.code).toBe(1);
    expect(json(missing.stdout)).toMatchObject({ error: { code: 'not_found' } });
    const corpus = await runCli(['ask', '--json', '--corpus', join(temp.dir, 'nope'), 'anything?']);
    expect(corpus.code).toBe(1);
    expect(json(corpus.stdout)).toMatchObject({ error: { code: 'corpus_unreadable' } });
  });

  it('ask - answers each line independently and keeps going past bad lines', async () => {
    const r = await runCli(['ask', '-', '--json'], 'Who captured the palace in Aleppo?\n\nWhat is the capital of Peru?\n');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].sources[0].id).toBe(SEED_ID);
    expect(lines[1]).toMatchObject({ error: { code: 'usage' } });
    expect(lines[2]).toEqual({ answer: null, quote: null, sources: [], confidence: expect.any(Number), short: false });
  });

  it('ask - goes through the Bot with one conversation per line: a follow-up gets no context, as chat - would give it', async () => {
    const input = 'Who captured the palace in Aleppo?\nwhen?\n';
    const [ask, chat] = await Promise.all([runCli(['ask', '-', '--json'], input), runCli(['chat', '-', '--json'], input)]);
    const asked = ask.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const chatted = chat.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(chatted[1].result.answer).toBeTruthy(); // in a conversation "when?" follows up on the palace
    expect(asked[1]).toEqual({ answer: null, quote: null, sources: [], confidence: expect.any(Number), short: false });
    expect(asked[0]).toEqual(chatted[0].result);
  });

  it('reads a .jsonl corpus file and composes a digest with every story', async () => {
    const file = join(temp.dir, 'news.jsonl');
    const text = 'Heavy snow closed the main road to the airport on Monday. Officials said it would reopen on Tuesday.';
    writeFileSync(file, [{ id: 'a', title: 'Snow closes road', text }, { id: 'b', title: 'Road closed by snow', text }, { title: 'Other', text: 'The council approved a new library budget of 2 million pounds.' }].map((o) => JSON.stringify(o)).join('\n'));
    const r = await runCli(['digest', '--limit', '0', '--json', '--corpus', file]);
    expect(r.code).toBe(0);
    const { stories } = json(r.stdout) as { stories: { sources: { id: string }[] }[] };
    expect(stories).toHaveLength(2);
    expect(stories.map((s) => s.sources.map((x) => x.id).sort())).toContainEqual(['a', 'b']);
    expect(stories.flatMap((s) => s.sources.map((x) => x.id))).toContain('news.jsonl#3');
  });
});
