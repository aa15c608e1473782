/**
 * File names and article text cannot steer a terminal (docs/bad-input.md, "Limits and odd files"):
 * ids keep every character as identifiers, but what the console and the CLI print shows control
 * characters and text-direction overrides escaped; a bidi override in article text is removed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConsole } from '../../adapters/console/console-adapter.ts';
import { Bot } from '../../src/bot/bot.ts';
import { displayJson, displayText } from '../../src/bot/display-text.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { loadEngine } from '../../src/load-engine.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { runCli } from '../support/run-command.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { silentLog } from '../support/test-log.ts';

const ESC_ID = 'esc\x1b]0;PWNED\x07.txt';
const BIDI_ID = 'invoice\u202Etxt.exe.md';
const FLOOD = 'River floods northern town\n\nThe river Lune burst its banks on Tuesday, flooding 200 homes in the town of Kirkby.';
const BIDI_TEXT = 'Harbour \u202Etegdub\u202C council\n\nThe harbour council approved a budget of 40 million euros on Tuesday, the \u2066mayor\u2069 said.';
/** Anything that would reach the terminal raw. */
const STEERING = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

let corpus: { dir: string; remove: () => void };
let data: { dir: string; remove: () => void };
let engine: Engine;
let store: Store;

beforeAll(async () => {
  corpus = makeTempDir('display-corpus-');
  data = makeTempDir('display-data-');
  writeFileSync(join(corpus.dir, ESC_ID), FLOOD);
  writeFileSync(join(corpus.dir, BIDI_ID), BIDI_TEXT);
  engine = await loadEngine(corpus.dir, silentLog);
  store = await openStore({ dataDir: data.dir });
});
afterAll(async () => {
  await store.close();
  corpus.remove();
  data.remove();
});

async function consoleOutput(input: string): Promise<string> {
  const bot = new Bot({ engine, store, log: silentLog });
  const inStream = new PassThrough();
  const out = new PassThrough();
  let text = '';
  out.on('data', (d: Buffer) => (text += d.toString()));
  const done = runConsole({ bot, log: silentLog, input: inStream, output: out, interactive: false, width: 200 });
  inStream.end(input);
  await done;
  return text;
}

describe('display of ids and text', () => {
  it('keeps ids unchanged as identifiers and removes bidi controls from article text and titles', () => {
    expect(engine.article(ESC_ID)?.id).toBe(ESC_ID);
    expect(engine.article(BIDI_ID)?.id).toBe(BIDI_ID);
    const article = engine.article(BIDI_ID)!;
    expect(article.text).not.toMatch(STEERING);
    expect(article.title).not.toMatch(STEERING);
    expect(article.text).toContain('the mayor said');
  });

  it('console /sources and /summary print escaped ids: no ESC, BEL or U+202E reaches the terminal', async () => {
    const text = await consoleOutput('/sources\n/summary river floods northern town\n/summary harbour council\n');
    expect(text).not.toMatch(STEERING);
    expect(text).toContain('id: esc\\x1b]0;PWNED\\x07.txt');
    expect(text).toContain('id: invoice\\u202etxt.exe.md');
    expect(text).toContain('Kirkby');
    // the summary's own id line, and the bidi-free title
    expect(text.match(/id: esc\\x1b\]0;PWNED\\x07\.txt/g)).toHaveLength(2);
    expect(text).toContain('Harbour tegdub council');
  });

  it('CLI text output is escaped; --json keeps the exact id behind \\u escapes', async () => {
    const plain = await runCli(['sources', '--corpus', corpus.dir]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toMatch(STEERING);
    expect(plain.stdout).toContain('esc\\x1b]0;PWNED\\x07.txt');
    const json = await runCli(['sources', '--json', '--corpus', corpus.dir]);
    expect(json.stdout).not.toMatch(STEERING);
    const ids = (JSON.parse(json.stdout) as { articles: { id: string }[] }).articles.map((a) => a.id).sort();
    expect(ids).toEqual([ESC_ID, BIDI_ID].sort());
  });

  it('displayText and displayJson escape what steers and keep the rest', () => {
    expect(displayText('a\x1b[2Jb\tc\nd\u009be\u202Ef')).toBe('a\\x1b[2Jb\tc\nd\\x9be\\u202ef');
    expect(displayText('Café — “quoted” 日本 مرحبا')).toBe('Café — “quoted” 日本 مرحبا');
    const line = displayJson({ id: 'x\u009b\u202Ey\x1b' });
    expect(line).not.toMatch(STEERING);
    expect(JSON.parse(line)).toEqual({ id: 'x\u009b\u202Ey\x1b' });
  });
});
