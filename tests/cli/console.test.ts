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
});
