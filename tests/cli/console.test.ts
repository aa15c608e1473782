import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../adapters/console/console-adapter.ts';
import { Bot } from '../../src/bot/bot.ts';
import { openStore } from '../../src/store/open-store.ts';
import { runScript } from '../support/run-command.ts';
import { loadSeedEngine } from '../support/seed-engine.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { silentLog } from '../support/test-log.ts';

describe('console bot', () => {
  it('npm start answers each line of piped input and exits at its end', async () => {
    const temp = makeTempDir();
    const r = await runScript('src/main.ts', [], {
      input: 'Who captured the palace in Aleppo?\n/summary 000_f17fd30403ef36f3\n/bogus\n/sources\n',
      env: { DATA_DIR: temp.dir },
    });
    temp.remove();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\[1\] [\s\S]+? \(2024-11-30\)/);
    expect(r.stdout).toMatch(/Unknown command "bogus"/);
    expect(r.stdout).not.toMatch(/photo credit/i);
    expect(r.stdout).toContain('id: 000_f17fd30403ef36f3.txt');
  });

  it('keeps running after bad input and uses follow-up context', async () => {
    const temp = makeTempDir();
    const store = await openStore({ dataDir: temp.dir });
    const bot = new Bot({ engine: await loadSeedEngine(), store, log: silentLog });
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (d: Buffer) => (text += d.toString()));
    const done = runConsole({ bot, log: silentLog, input, output, interactive: false, width: 100 });
    input.end('/ask\n\u200B\u0000\nWhat did Iran send?\nwhy did they send them?\n/help\n');
    await done;
    await store.close();
    temp.remove();
    expect(text).toMatch(/Ask a question/);
    expect(text).toMatch(/Shia militias/);
    expect(text).toMatch(/\/brief \[topic words\]/);
  });

  it('reads help, exit and quit without a slash, and lines in words with a dim understood line', async () => {
    const temp = makeTempDir();
    const store = await openStore({ dataDir: temp.dir });
    const bot = new Bot({ engine: await loadSeedEngine(), store, log: silentLog });
    const run = async (lines: string) => {
      const input = new PassThrough();
      const output = new PassThrough();
      let text = '';
      output.on('data', (d: Buffer) => (text += d.toString()));
      const done = runConsole({ bot, log: silentLog, input, output, interactive: false, width: 100 });
      input.end(lines);
      await done;
      return text;
    };
    const help = await run('help\nbrief me on the aleppo palace\nexit\nwho captured the palace?\n');
    expect(help).toMatch(/\/brief \[topic words\]/);
    expect(help).toContain('Briefing on aleppo palace · /brief aleppo palace');
    expect(help).not.toMatch(/> who captured/);
    const quit = await run('quit\nhelp\n');
    // the session ends at "quit": nothing after it is answered
    expect(quit).toBe('');
    await store.close();
    temp.remove();
  });

  it('echoes each piped question as "> question" before its reply', async () => {
    const temp = makeTempDir();
    const store = await openStore({ dataDir: temp.dir });
    const bot = new Bot({ engine: await loadSeedEngine(), store, log: silentLog });
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (d: Buffer) => (text += d.toString()));
    const done = runConsole({ bot, log: silentLog, input, output, interactive: false, width: 100 });
    input.end('Who captured the palace in Aleppo?\n\n/bogus\x1b[2J\n');
    await done;
    await store.close();
    temp.remove();
    const lines = text.split('\n');
    expect(lines[0]).toBe('> Who captured the palace in Aleppo?');
    expect(lines[1]).toMatch(/\S/);
    // the echo shows no control character from the input (here a clear-screen sequence)
    const bogus = lines.indexOf('> /bogus [2J');
    expect(bogus).toBeGreaterThan(1);
    expect(lines[bogus + 1]).toMatch(/^Unknown command "bogus/);
    expect(text).not.toContain('\x1b[');
  });

  it('at a terminal: tab completes /commands, the prompt is coloured, or plain with color off', async () => {
    const temp = makeTempDir();
    const store = await openStore({ dataDir: temp.dir });
    const bot = new Bot({ engine: await loadSeedEngine(), store, log: silentLog });
    const run = async (color: boolean) => {
      const input = Object.assign(new PassThrough(), { isTTY: true });
      const output = Object.assign(new PassThrough(), { isTTY: true, columns: 100 });
      let text = '';
      output.on('data', (d: Buffer) => (text += d.toString()));
      const done = runConsole({ bot, log: silentLog, input, output, color });
      await new Promise((r) => setTimeout(r, 50));
      // one key per chunk: readline disables completion inside a pasted chunk
      for (const key of ['/hel', '\t', '\r']) input.write(key);
      await new Promise((r) => setTimeout(r, 200));
      input.end('/quit\r');
      await done;
      return text;
    };
    const coloured = await run(true);
    const plain = await run(false);
    await store.close();
    temp.remove();
    // the completed line is the /help command: its reply lists the commands
    expect(coloured).toContain('/help ');
    expect(coloured).toMatch(/\/brief \[topic words\] \[since:WHEN\] +the top stories/);
    expect(coloured).toContain('\x1b[36m> \x1b[39m');
    expect(plain).toMatch(/\/brief \[topic words\] \[since:WHEN\] +the top stories/);
    expect(plain).not.toMatch(/\x1b\[(1|2|31|36)m/);
  });

  it('npm start with piped stdout keeps LOG_LEVEL=info logs on stderr, none on stdout', async () => {
    const temp = makeTempDir();
    const r = await runScript('src/main.ts', [], { input: 'Who captured the palace in Aleppo?\n', env: { DATA_DIR: temp.dir, LOG_LEVEL: 'info' } });
    temp.remove();
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/"msg":"corpus indexed"/);
    expect(r.stdout).not.toMatch(/"level":/);
    expect(r.stdout.startsWith('> Who captured the palace in Aleppo?\n')).toBe(true);
  });
});
