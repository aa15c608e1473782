import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { startConsoleOutput } from '../../adapters/console/console-output.ts';
import { createLoadProgress } from '../../adapters/console/load-progress.ts';
import { EngineWorker } from '../../src/engine-host/engine-worker.ts';
import { loadEngine } from '../../src/load-engine.ts';
import { createLogger } from '../../src/logger.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { silentLog } from '../support/test-log.ts';

function sink(isTTY: boolean) {
  let out = '';
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer, _enc, done) {
        out += chunk.toString();
        done();
      },
    }),
    { isTTY, columns: 100 },
  );
  return { stream, text: () => out };
}

const temp = makeTempDir();
afterAll(() => temp.remove());
const corpus = join(temp.dir, 'news.jsonl');
writeFileSync(
  corpus,
  Array.from({ length: 250 }, (_, i) => JSON.stringify({ id: `n${i}`, title: `Story number ${i}`, text: `The council met on day ${i} and approved budget item ${i * 7}.` })).join('\n'),
);

describe('the console loading line', () => {
  it('counts indexed articles in place on a terminal, throttled, ending on the total and then cleared', () => {
    const s = sink(true);
    let clock = 0;
    const p = createLoadProgress(s.stream, { now: () => clock });
    p.start();
    p.onProgress(0, 2225);
    clock += 50;
    p.onProgress(100, 2225); // within 100 ms of the last draw: skipped
    clock += 100;
    p.onProgress(1200, 2225);
    p.onProgress(2225, 2225);
    p.finish();
    const frames = s.text().split('\r\x1b[2K').filter(Boolean);
    expect(frames).toEqual(['Loading the corpus…', 'Indexing 2,225 articles… 0', 'Indexing 2,225 articles… 1,200', 'Indexing 2,225 articles… 2,225']);
    expect(s.text().endsWith('\r\x1b[2K')).toBe(true);
    expect(s.text()).not.toContain('\n');
  });

  it('writes nothing when stdout is not a terminal', () => {
    const s = sink(false);
    const p = createLoadProgress(s.stream);
    p.start();
    p.onProgress(0, 10);
    p.onProgress(10, 10);
    p.finish();
    expect(s.text()).toBe('');
  });

  it('hears the indexing counter from loadEngine, from 0 to the total', async () => {
    const heard: [number, number][] = [];
    const engine = await loadEngine(corpus, silentLog, { onProgress: (done, total) => heard.push([done, total]) });
    expect(engine.size).toBe(250);
    expect(heard).toEqual([[0, 250], [100, 250], [200, 250], [250, 250]]);
  });

  it('hears it through the engine worker thread too', async () => {
    const heard: [number, number][] = [];
    const worker = await EngineWorker.start({ corpusDir: corpus, log: silentLog, watch: false, onProgress: (done, total) => heard.push([done, total]) });
    try {
      expect(worker.articles).toBe(250);
      expect(heard).toEqual([[0, 250], [100, 250], [200, 250], [250, 250]]);
    } finally {
      await worker.stop();
    }
  });
});

describe('console logs never land in the conversation', () => {
  it('at a terminal: one line naming DATA_DIR/bot.log, and the log lines go there', () => {
    const data = join(temp.dir, 'tty-data');
    const s = sink(true);
    const out = startConsoleOutput({ DATA_DIR: data, LOG_LEVEL: 'info' }, s.stream, {});
    expect(out.color).toBe(true);
    expect(out.logDestination).toBeDefined();
    const log = createLogger('info', out.logDestination);
    log.info({ articles: 3 }, 'corpus indexed');
    out.progress?.finish();
    const file = join(data, 'bot.log');
    expect(readFileSync(file, 'utf8')).toMatch(/"msg":"corpus indexed"/);
    const [first, ...rest] = s.text().split('\n');
    expect(first).toContain(`Logs (LOG_LEVEL=info) go to ${file}`);
    expect(rest.join('\n')).not.toContain('corpus indexed');
  });

  it('NO_COLOR keeps the terminal plain', () => {
    const s = sink(true);
    const out = startConsoleOutput({ DATA_DIR: join(temp.dir, 'plain-data'), LOG_LEVEL: 'warn' }, s.stream, { NO_COLOR: '1' });
    expect(out.color).toBe(false);
    expect(s.text()).not.toContain('\x1b[2m');
  });

  it('not a terminal: no file, no line, logs stay on stderr', () => {
    const data = join(temp.dir, 'pipe-data');
    const s = sink(false);
    const out = startConsoleOutput({ DATA_DIR: data, LOG_LEVEL: 'info' }, s.stream, {});
    expect(out.logDestination).toBeUndefined();
    expect(out.progress).toBeUndefined();
    expect(out.color).toBe(false);
    expect(s.text()).toBe('');
    expect(existsSync(join(data, 'bot.log'))).toBe(false);
  });
});
