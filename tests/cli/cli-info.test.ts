import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../adapters/cli/parse-args.ts';
import { PROJECT_ROOT, runCli, runScript } from '../support/run-command.ts';

const packageVersion = (JSON.parse(readFileSync(`${PROJECT_ROOT}/package.json`, 'utf8')) as { version: string }).version;

describe('briefing CLI --version and --help', () => {
  it('--version prints the package version and exits 0, with or without --json', async () => {
    const text = await runCli(['--version']);
    expect(text.code).toBe(0);
    expect(text.stdout.trim()).toBe(`briefing-bot ${packageVersion}`);
    const json = await runCli(['-V', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ version: packageVersion });
  });

  it('parses --version anywhere, even after a command, instead of asking for a value', () => {
    expect(parseCliArgs(['--version'])).toMatchObject({ ok: true, value: { command: 'version' } });
    expect(parseCliArgs(['brief', '--version'])).toMatchObject({ ok: true, value: { command: 'version' } });
  });

  it('--help shows examples, the environment variables and the exit codes', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Examples:\n {2}npm run --silent briefing -- ask "/m);
    expect(r.stdout).toMatch(/^Environment[^\n]*\n {2}CORPUS_DIR /m);
    expect(r.stdout).toContain('LLM_BASE_URL');
    expect(r.stdout).toMatch(/^Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 /m);
  });
});

describe('configuration checked at start', () => {
  it('a FEEDS entry that is not an http(s) URL fails at once with exit 2, naming FEEDS', async () => {
    const r = await runScript('adapters/cli/main.ts', ['ask', '--json', 'anything?'], { env: { FEEDS: 'https://example.com/rss,not-a-url' } });
    expect(r.code).toBe(2);
    const { error } = JSON.parse(r.stdout) as { error: { code: string; message: string } };
    expect(error.code).toBe('usage');
    expect(error.message).toMatch(/^FEEDS: "not-a-url" is not an http\(s\) URL/);
  });

  it('npm start refuses a bad SLACK_API_URL before loading anything, naming it', async () => {
    const r = await runScript('src/main.ts', [], { env: { SLACK_API_URL: 'slack.example/api' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/configuration error: SLACK_API_URL: must be an http\(s\) URL/);
    expect(r.stdout).toBe('');
  });
});
