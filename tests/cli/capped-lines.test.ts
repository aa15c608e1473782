/**
 * A line-length cap while reading standard input (console bot and `ask -`): a 20 MB line is
 * dropped as it streams past (never held whole), answered with a usage error, and the next line
 * is answered as usual.
 */
import { Readable } from 'node:stream';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../adapters/console/console-adapter.ts';
import { MAX_LINE_BYTES, readCappedLines, type CappedLine } from '../../adapters/shared/capped-lines.ts';
import { Bot } from '../../src/bot/bot.ts';
import { openStore } from '../../src/store/open-store.ts';
import { runCli } from '../support/run-command.ts';
import { loadSeedEngine } from '../support/seed-engine.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { silentLog } from '../support/test-log.ts';

const CHUNK = 64 * 1024;
const BIG = 20 * 1024 * 1024;

/** "before\n", a 20 MB line in 64 KB chunks (one buffer reused: the test holds no 20 MB either), "\nafter\n". */
async function* bigLineInput(before: string, after: string): AsyncGenerator<Buffer> {
  yield Buffer.from(`${before}\n`);
  const block = Buffer.alloc(CHUNK, 'x');
  for (let sent = 0; sent < BIG; sent += CHUNK) yield block;
  yield Buffer.from(`\n${after}\n`);
}

describe('capped line reader', () => {
  it('drops a 20 MB line while reading, holding at most the cap, and goes on with the next line', async () => {
    let maxHeld = 0;
    const items: CappedLine[] = [];
    const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    let peak = 0;
    for await (const item of readCappedLines(bigLineInput('first question?', 'last question?'), {
      onHeld: (bytes) => {
        maxHeld = Math.max(maxHeld, bytes);
        const m = process.memoryUsage();
        peak = Math.max(peak, m.heapUsed + m.arrayBuffers - heapBefore);
      },
    })) items.push(item);
    expect(items.map((i) => (i.ok ? i.line : `error ${i.bytes}`))).toEqual(['first question?', `error ${BIG}`, 'last question?']);
    const error = items[1]!;
    expect(!error.ok && error.error).toEqual({ code: 'usage', message: 'That line is 20.0 MB long (the limit is 64 KB) and was not read; keep a question under 1000 characters.' });
    expect(maxHeld).toBeLessThanOrEqual(MAX_LINE_BYTES);
    // nothing near the line's size was ever allocated (garbage from the chunks aside)
    expect(peak).toBeLessThan(BIG / 4);
  });

  it('splits lines across chunks, drops a CR before LF, decodes UTF-8 split between chunks, and keeps a last line without LF', async () => {
    const bytes = Buffer.from('café au lait\r\nsecond\nthird');
    const chunks = [bytes.subarray(0, 4), bytes.subarray(4, 15), bytes.subarray(15)];
    const lines: string[] = [];
    for await (const item of readCappedLines(Readable.from(chunks))) lines.push(item.ok ? item.line : 'error');
    expect(lines).toEqual(['café au lait', 'second', 'third']);
  });

  it('the console answers the 20 MB line with the usage error, then the next question', async () => {
    const temp = makeTempDir();
    const store = await openStore({ dataDir: temp.dir });
    try {
      const bot = new Bot({ engine: await loadSeedEngine(), store, log: silentLog });
      const output = new PassThrough();
      let text = '';
      output.on('data', (d: Buffer) => (text += d.toString()));
      await runConsole({ bot, log: silentLog, input: Readable.from(bigLineInput('/help', 'What did Iran send?')), output, interactive: false, width: 400 });
      expect(text).toContain('That line is 20.0 MB long (the limit is 64 KB) and was not read; keep a question under 1000 characters.');
      expect(text).toMatch(/Shia militias/);
      expect(text.indexOf('That line is')).toBeLessThan(text.indexOf('Shia militias'));
    } finally {
      await store.close();
      temp.remove();
    }
  });

  it('CLI `ask -` answers each line; the 20 MB one gets the usage error line', async () => {
    const r = await runCli(['ask', '-'], `Who captured the palace in Aleppo?\n${'x'.repeat(BIG)}\nWhat did Iran send?\n`);
    expect(r.code).toBe(0);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('error: '));
    expect(errors).toEqual(['error: That line is 20.0 MB long (the limit is 64 KB) and was not read; keep a question under 1000 characters.']);
    expect(r.stdout).toMatch(/Shia militias/);
  });
});
