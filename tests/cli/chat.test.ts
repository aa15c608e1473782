import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-command.ts';

const SEED = '000_f17fd30403ef36f3.txt';

describe('CLI chat -', () => {
  it('reads one DM conversation from stdin and prints one {"intent", "result"} line per message with --json', async () => {
    const input = [
      'brief me on the aleppo palace pls',
      'summarize the first one',
      'sources for #1',
      'tl;dr #4',
      '',
      'whats in my digest',
      'who captured the palace in Aleppo?',
      'what can u do',
      'forget me',
      'x'.repeat(5000),
    ].join('\n');
    const r = await runCli(['chat', '-', '--json'], `${input}\n`);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { intent: string; result: Record<string, unknown> });
    expect(lines.map((l) => l.intent)).toEqual(['brief', 'summary', 'sources', 'summary', 'digest', 'ask', 'help', 'forget', 'ask']);
    const [brief, summary, sources, missing, digest, ask, help, forget, long] = lines;
    expect((brief!.result.stories as { sources: { id: string }[] }[])[0]!.sources[0]!.id).toBe(SEED);
    expect(summary!.result).toMatchObject({ id: SEED, title: expect.any(String), summary: expect.any(Array) });
    expect((sources!.result.articles as { id: string }[]).map((a) => a.id)).toEqual([SEED]);
    expect(missing!.result).toMatchObject({ error: { code: 'usage', message: expect.stringMatching(/there is no story 4/) } });
    // nothing is new in the last 24 hours of the seed: the digest still shows the latest stories
    expect((digest!.result.stories as unknown[]).length).toBe(1);
    expect(ask!.result).toMatchObject({ answer: expect.stringMatching(/rebels/i), sources: [{ id: SEED }] });
    expect(help!.result.text).toMatch(/\/brief/);
    expect(forget!.result.text).toMatch(/^Done: I deleted/);
    expect(long!.result).toMatchObject({ error: { code: 'usage', message: expect.stringMatching(/keep it under 1000/) } });
  });

  it('prints what the console shows in text mode, with the understood line', async () => {
    const r = await runCli(['chat', '-'], 'brief me on the aleppo palace\nquit\nwho captured the palace?\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^> brief me on the aleppo palace\nBriefing on aleppo palace · \/brief aleppo palace\n/);
    // "quit" ends the conversation as in the console
    expect(r.stdout).not.toMatch(/who captured/);
  });

  it('is a usage error without "-"', async () => {
    const r = await runCli(['chat', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'usage', message: expect.stringMatching(/chat -/) } });
  });
});
