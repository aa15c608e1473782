import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.ts';
import type { Article } from '../../src/engine/types.ts';
import { FeedPoller, parseFeedList, parseRetryAfter } from '../../src/ingest/feed-poller.ts';
import { silentLog } from '../support/test-log.ts';

interface Item {
  guid: string;
  title: string;
  body: string;
  date: string;
}

const rss = (items: Item[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback Wire</title>${items
    .map((i) => `<item><guid>${i.guid}</guid><title>${i.title}</title><description>${i.body}</description><pubDate>${i.date}</pubDate></item>`)
    .join('')}</channel></rss>`;

const HARBOUR: Item = {
  guid: 'wire-1',
  title: 'Harbour bridge reopens',
  body: 'The old harbour bridge in Porto Alba reopened on Monday after engineers replaced 40 steel cables.',
  date: 'Mon, 18 Nov 2024 09:00:00 GMT',
};
const STRIKE: Item = {
  guid: 'wire-2',
  title: 'Rail strike called off',
  body: 'The rail union called off its strike after talks. Trains will run normally from Wednesday.',
  date: 'Tue, 19 Nov 2024 09:00:00 GMT',
};
const MUSEUM: Item = {
  guid: 'wire-3',
  title: 'Fire closes museum',
  body: 'A fire closed the Hartley museum on Friday. Nobody was hurt, the fire brigade said.',
  date: 'Fri, 22 Nov 2024 09:00:00 GMT',
};

type Reply = { status: number; headers?: Record<string, string>; body?: string };

/** A loopback feed server whose answer each test sets; it records every request's headers. */
class FeedServer {
  server: Server;
  requests: IncomingHttpHeaders[] = [];
  respond: (headers: IncomingHttpHeaders) => Reply = () => ({ status: 404 });
  constructor() {
    this.server = createServer((req, res) => {
      this.requests.push(req.headers);
      const r = this.respond(req.headers);
      res.writeHead(r.status, { 'content-type': 'application/rss+xml', ...r.headers });
      res.end(r.body ?? '');
    });
  }
  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/feed.xml`;
  }
  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** An engine that keeps what it is given. */
function countingEngine() {
  const engine = new Engine();
  const added: Article[] = [];
  return Object.assign(engine, {
    added,
    sink: { add: (articles: Article[]) => (added.push(...articles), engine.add(articles)) },
  });
}

describe('FeedPoller on a loopback server', () => {
  let feed: FeedServer;
  let url: string;
  let clock: number;
  let engine: ReturnType<typeof countingEngine>;
  const make = (urls = [url]) =>
    new FeedPoller({ urls, engine: engine.sink, log: silentLog, now: () => clock, backoffMs: 60_000, maxBackoffMs: 600_000, timeoutMs: 2000 });

  beforeEach(async () => {
    feed = new FeedServer();
    url = await feed.listen();
    clock = Date.UTC(2024, 10, 25, 12, 0, 0);
    engine = countingEngine();
  });
  afterEach(() => feed.close());

  it('indexes items, then asks conditionally (ETag, Last-Modified) and re-indexes nothing on 304', async () => {
    let items = [HARBOUR, STRIKE];
    let etag = '"v1"';
    feed.respond = (h): Reply =>
      h['if-none-match'] === etag
        ? { status: 304, headers: { etag } }
        : { status: 200, headers: { etag, 'last-modified': 'Mon, 25 Nov 2024 11:00:00 GMT' }, body: rss(items) };
    const poller = make();
    expect(await poller.pollAll()).toEqual([{ url, status: 'updated', added: 2 }]);
    expect(engine.size).toBe(2);
    expect(engine.ask('How many steel cables were replaced on the harbour bridge?').answer.sources[0]?.id).toBe('wire-1');
    expect(engine.article('wire-1')?.origin).toBe(url);
    expect(poller.health()).toEqual([{ url, ok: true, checked: new Date(clock).toISOString(), error: null }]);

    clock += 60_000;
    expect(await poller.pollAll()).toEqual([{ url, status: 'not-modified', added: 0 }]);
    expect(feed.requests[1]?.['if-none-match']).toBe('"v1"');
    expect(feed.requests[1]?.['if-modified-since']).toBe('Mon, 25 Nov 2024 11:00:00 GMT');
    expect(engine.added).toHaveLength(2);
    expect(poller.health()[0]?.checked).toBe(new Date(clock).toISOString());

    // the feed changes: only the new item is indexed, the unchanged ones are not again
    items = [MUSEUM, HARBOUR, STRIKE];
    etag = '"v2"';
    clock += 60_000;
    expect(await poller.pollAll()).toEqual([{ url, status: 'updated', added: 1 }]);
    expect(engine.added.map((a) => a.id)).toEqual(['wire-1', 'wire-2', 'wire-3']);
    expect(engine.size).toBe(3);
    expect(engine.brief({ since: new Date('2024-11-22T00:00:00Z') }).map((s) => s.sources[0]?.id)).toEqual(['wire-3']);
  });

  it('respects Retry-After: no request before the time it names', async () => {
    let limited = true;
    feed.respond = () => (limited ? { status: 429, headers: { 'retry-after': '120' } } : { status: 200, body: rss([HARBOUR]) });
    const poller = new FeedPoller({ urls: [url], engine: engine.sink, log: silentLog, now: () => clock, backoffMs: 1000 });
    const [first] = await poller.pollAll();
    expect(first?.status).toBe('failed');
    expect(poller.health()[0]).toMatchObject({ url, ok: false, error: 'HTTP 429 (retry after 120 s)' });

    clock += 60_000; // the back-off (1 s) is over, Retry-After (120 s) is not
    limited = false;
    expect((await poller.pollAll())[0]?.status).toBe('skipped');
    expect(feed.requests).toHaveLength(1);

    clock += 61_000;
    expect((await poller.pollAll())[0]).toEqual({ url, status: 'updated', added: 1 });
    expect(feed.requests).toHaveLength(2);
    expect(poller.health()[0]).toMatchObject({ ok: true, error: null });
  });

  it('backs off after failures (doubling) and reports health until the feed recovers', async () => {
    let status = 500;
    feed.respond = () => (status === 200 ? { status, body: rss([STRIKE]) } : { status });
    const poller = make();
    expect((await poller.pollAll())[0]?.error).toBe('HTTP 500');
    expect(poller.health()[0]).toEqual({ url, ok: false, checked: new Date(clock).toISOString(), error: 'HTTP 500' });

    clock += 59_000; // first back-off: 60 s
    expect((await poller.pollAll())[0]?.status).toBe('skipped');
    clock += 1_000;
    expect((await poller.pollAll())[0]?.status).toBe('failed');
    expect(feed.requests).toHaveLength(2);

    clock += 119_000; // second back-off: 120 s
    expect((await poller.pollAll())[0]?.status).toBe('skipped');
    clock += 1_000;
    status = 200;
    expect((await poller.pollAll())[0]).toEqual({ url, status: 'updated', added: 1 });
    expect(poller.health()[0]).toMatchObject({ ok: true, error: null });

    // recovered: the next failure starts again from the first back-off
    status = 503;
    clock += 1_000;
    await poller.pollAll();
    clock += 60_000;
    expect((await poller.pollAll())[0]?.status).toBe('failed');
  });

  it('reports an unreachable feed and a broken feed, and keeps the healthy one going', async () => {
    feed.respond = () => ({ status: 200, body: '<rss><channel><item><title>broken' });
    const refused = 'http://127.0.0.1:9/feed.xml'; // discard port: nothing listens
    const other = new FeedServer();
    const goodUrl = await other.listen();
    other.respond = () => ({ status: 200, body: rss([MUSEUM]) });
    try {
      const poller = make([url, refused, goodUrl]);
      const outcomes = await poller.pollAll();
      expect(outcomes.map((o) => o.status)).toEqual(['failed', 'failed', 'updated']);
      const health = poller.health();
      expect(health.map((h) => h.url)).toEqual([url, refused, goodUrl]);
      expect(health[0]?.error).toMatch(/broken XML/);
      expect(health[1]?.error).toMatch(/^fetch failed: /);
      expect(health[2]).toEqual({ url: goodUrl, ok: true, checked: new Date(clock).toISOString(), error: null });
      expect(engine.article('wire-3')).toBeDefined();
    } finally {
      await other.close();
    }
  });

  it('names a bad cron expression and reads FEEDS and Retry-After dates', () => {
    expect(() => new FeedPoller({ urls: [url], engine: engine.sink, log: silentLog, cron: 'every minute' }).start()).toThrow(/FEED_POLL_CRON/);
    expect(parseFeedList(' http://a/x.xml, ,http://b/y.rss ')).toEqual(['http://a/x.xml', 'http://b/y.rss']);
    expect(parseRetryAfter('Wed, 25 Nov 2026 10:00:30 GMT', Date.UTC(2026, 10, 25, 10, 0, 0))).toBe(30_000);
    expect(parseRetryAfter('soon', 0)).toBeNull();
  });
});
