import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INDEX_FILE, loadIndex } from '../../src/engine/persist-index.ts';
import { startIngest } from '../../src/ingest/start-ingest.ts';
import { loadEngine } from '../../src/load-engine.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { silentLog } from '../support/test-log.ts';

async function waitFor(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback Wire</title>
<item><guid>wire-9</guid><title>Ferry service resumes</title><description>The island ferry resumed service on Sunday after storms kept it in port for four days.</description><pubDate>Sun, 24 Nov 2024 08:00:00 GMT</pubDate></item>
</channel></rss>`;

describe('startIngest', () => {
  let corpus: { dir: string; remove: () => void };
  let data: { dir: string; remove: () => void };
  beforeEach(() => {
    corpus = makeTempDir('ingest-corpus-');
    data = makeTempDir('ingest-data-');
    writeFileSync(join(corpus.dir, 'flood.txt'), 'River floods northern town\n\nThe river Lune burst its banks, flooding 200 homes in Kirkby.');
  });
  afterEach(() => {
    corpus.remove();
    data.remove();
  });

  it('polls feeds and watches the corpus into one engine, exposes feed health and re-saves the index', async () => {
    let up = true;
    const server = createServer((_req, res) => {
      if (!up) return void res.writeHead(500).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"a"' }).end(FEED);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rss`;
    const engine = await loadEngine(corpus.dir, silentLog, { dataDir: data.dir });
    const ingest = await startIngest({ engine, log: silentLog, corpusDir: corpus.dir, feeds: url, feedPollCron: '0 0 1 1 *', dataDir: data.dir, saveDelayMs: 50 });
    try {
      await waitFor(() => engine.article('wire-9') !== undefined);
      expect(ingest.feedHealth()).toEqual([{ url, ok: true, checked: expect.any(String), error: null }]);
      // new feed items are in the next brief / digest window
      expect(engine.brief({ since: new Date('2024-11-24T00:00:00Z') }).map((s) => s.sources[0]?.id)).toEqual(['wire-9']);
      writeFileSync(join(corpus.dir, 'quake.txt'), 'Earthquake shakes coastal city\n\nA magnitude 6.1 earthquake shook Porto Alba.');
      await waitFor(() => engine.article('quake.txt') !== undefined);
      // the index on disk follows: a restart would have both without rebuilding
      await waitFor(async () => {
        const r = await loadIndex(data.dir, corpus.dir);
        return r.ok && r.engine.article('quake.txt') !== undefined && r.engine.article('wire-9') !== undefined;
      });
      up = false;
    } finally {
      await ingest.stop();
      await new Promise((r) => server.close(r));
    }
    expect(existsSync(join(data.dir, INDEX_FILE))).toBe(true);
  });

  it('has no feed health without FEEDS and stops cleanly', async () => {
    const engine = await loadEngine(corpus.dir, silentLog);
    const ingest = await startIngest({ engine, log: silentLog, corpusDir: corpus.dir });
    expect(ingest.feedHealth()).toEqual([]);
    await ingest.stop();
    writeFileSync(join(corpus.dir, 'late.txt'), 'Late story\n\nWritten after the watcher stopped.');
    await new Promise((r) => setTimeout(r, 300));
    expect(engine.article('late.txt')).toBeUndefined();
  });
});
