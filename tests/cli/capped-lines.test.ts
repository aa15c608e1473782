/**
 * A line-length cap while reading standard input (console bot and `ask -`): a 20 MB line is
 * dropped as it streams past (never held whole), answered with a usage error, and the next line
 * is answered as usual.
 */
import { PassThrough, Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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

/** "before\n", a 20 MB line in fresh 64 KB chunks (as a stream gives them), "\nafter\n". */
async function* bigLineInput(before: string, after: string): AsyncGenerator<Buffer> {
  yield Buffer.from(`${before}\n`);
  for (let sent = 0; sent < BIG; sent += CHUNK) yield Buffer.alloc(CHUNK, 'x');
  yield Buffer.from(`\n${after}\n`);
}

/** V8's collector, to tell memory still reachable from garbage not yet collected. */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('capped line reader', () => {
  it('drops a 20 MB line while reading, holding at most the cap, and goes on with the next line', async () => {
    const gc = exposeGc();
    let maxHeld = 0;
    const items: CappedLine[] = [];
    gc();
    const before = process.memoryUsage().arrayBuffers;
    let reachable = Infinity;
    for await (const item of readCappedLines(bigLineInput('first question?', 'last question?'), { onHeld: (bytes) => (maxHeld = Math.max(maxHeld, bytes)) })) {
      items.push(item);
      if (items.length === 2) {
        // just past the big line: what is still reachable after a collection (freed buffers are swept in the background)
        for (let i = 0; i < 5 && reachable > 2 * 1024 * 1024; i++) {
          gc();
          await new Promise((r) => setTimeout(r, 20));
          reachable = Math.min(reachable, process.memoryUsage().arrayBuffers - before);
        }
      }
    }
    expect(items.map((i) => (i.ok ? i.line : `error ${i.bytes}`))).toEqual(['first question?', `error ${BIG}`, 'last question?']);
    const error = items[1]!;
    expect(!error.ok && error.error).toEqual({ code: 'usage', message: 'That line is 20.0 MB long (the limit is 64 KB) and was not read; keep a question under 1000 characters.' });
    expect(maxHeld).toBeLessThanOrEqual(MAX_LINE_BYTES);
    // the reader keeps no chunk it has passed: far under the line's 20 MB stays reachable
    expect(reachable).toBeLessThan(2 * 1024 * 1024);
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
