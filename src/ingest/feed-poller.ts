// Polls RSS/Atom feeds (FEEDS) on a cron schedule (FEED_POLL_CRON): conditional GET (ETag,
// Last-Modified), Retry-After respected, exponential back-off after failures, and a health line
// per feed for `/sources`. New and changed items go into the engine with `add` (no rebuild).
import { createHash } from 'node:crypto';
import cron, { type ScheduledTask } from 'node-cron';
import { exponentialDelay } from '../backoff.ts';
import { parseFeedXml } from '../engine/corpus/parse-feed.ts';
import type { Article, FeedHealth } from '../engine/types.ts';
import type { Logger } from '../logger.ts';

/** What the poller needs of the engine. */
export interface FeedSink {
  add(articles: Article[]): void;
}

export interface FeedPollerOptions {
  urls: readonly string[];
  engine: FeedSink;
  log: Logger;
  /** node-cron expression; default every 15 minutes. */
  cron?: string;
  /** Per request; default 20 s. */
  timeoutMs?: number;
  /** First back-off after a failure (doubles per failure, up to maxBackoffMs); default 60 s. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Called with the articles a poll added or changed (e.g. to save the index). */
  onArticles?: (articles: Article[], url: string) => void;
  now?: () => number;
  fetch?: typeof fetch;
}

interface FeedState {
  url: string;
  etag: string | null;
  lastModified: string | null;
  /** No request before this time (Retry-After or back-off), ms since the epoch. */
  notBefore: number;
  failures: number;
  health: FeedHealth;
  /** Hash of each item as last added, so an unchanged item is not indexed again. */
  seen: Map<string, string>;
}

export interface PollOutcome {
  url: string;
  status: 'updated' | 'not-modified' | 'skipped' | 'failed';
  added: number;
  error?: string;
}

const USER_AGENT = 'briefing-bot feed poller (+offline news briefing)';

/** Seconds (`120`) or an HTTP date; milliseconds to wait, or null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export class FeedPoller {
  private readonly feeds: FeedState[];
  private readonly opts: Required<Pick<FeedPollerOptions, 'timeoutMs' | 'backoffMs' | 'maxBackoffMs'>> & FeedPollerOptions;
  private task: ScheduledTask | null = null;
  private running: Promise<PollOutcome[]> | null = null;

  constructor(options: FeedPollerOptions) {
    this.opts = { timeoutMs: 20_000, backoffMs: 60_000, maxBackoffMs: 6 * 3_600_000, ...options };
    this.feeds = [...new Set(options.urls.map((u) => u.trim()).filter(Boolean))].map((url) => ({
      url,
      etag: null,
      lastModified: null,
      notBefore: 0,
      failures: 0,
      health: { url, ok: true, checked: null, error: null },
      seen: new Map(),
    }));
  }

  /** One line per feed: whether its last check worked, when, and why not. */
  health(): FeedHealth[] {
    return this.feeds.map((f) => ({ ...f.health }));
  }

  /** Polls at once, then on the cron schedule. Throws on an invalid cron expression. */
  start(): void {
    const expression = this.opts.cron ?? '*/15 * * * *';
    if (!cron.validate(expression)) throw new Error(`FEED_POLL_CRON: "${expression}" is not a cron expression`);
    this.task = cron.schedule(expression, () => void this.pollAll(), { name: 'feed-poll', noOverlap: true });
    void this.pollAll();
  }

  stop(): void {
    void this.task?.stop();
    this.task = null;
  }

  /** Polls every feed that is due (one poll at a time; a call during a poll waits for it). */
  pollAll(): Promise<PollOutcome[]> {
    this.running ??= Promise.all(this.feeds.map((f) => this.poll(f))).finally(() => (this.running = null));
    return this.running;
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  private async poll(feed: FeedState): Promise<PollOutcome> {
    const now = this.now();
    if (now < feed.notBefore) return { url: feed.url, status: 'skipped', added: 0 };
    const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: 'application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.5' };
    if (feed.etag) headers['if-none-match'] = feed.etag;
    if (feed.lastModified) headers['if-modified-since'] = feed.lastModified;
    const checked = new Date(now).toISOString();
    try {
      const res = await (this.opts.fetch ?? fetch)(feed.url, { headers, signal: AbortSignal.timeout(this.opts.timeoutMs), redirect: 'follow' });
      if (res.status === 304) {
        await res.body?.cancel();
        this.succeeded(feed, checked);
        return { url: feed.url, status: 'not-modified', added: 0 };
      }
      if (!res.ok) {
        await res.body?.cancel();
        const wait = res.status === 429 || res.status === 503 ? parseRetryAfter(res.headers.get('retry-after'), now) : null;
        const error = `HTTP ${res.status}${wait !== null ? ` (retry after ${Math.ceil(wait / 1000)} s)` : ''}`;
        return this.failed(feed, checked, error, wait);
      }
      const body = await res.text();
      const { articles, warnings } = parseFeedXml(body, feed.url, feed.url);
      if (!articles.length && warnings.length) return this.failed(feed, checked, warnings[0]!.reason, null);
      feed.etag = res.headers.get('etag');
      feed.lastModified = res.headers.get('last-modified');
      const fresh = this.changedItems(feed, articles);
      if (fresh.length) {
        this.opts.engine.add(fresh);
        this.opts.onArticles?.(fresh, feed.url);
        this.opts.log.info({ feed: feed.url, added: fresh.length }, 'feed items indexed');
      }
      this.succeeded(feed, checked);
      return { url: feed.url, status: 'updated', added: fresh.length };
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      const detail = e.name === 'TimeoutError' ? `timed out after ${this.opts.timeoutMs} ms` : (e.cause?.code ?? e.cause?.message ?? e.message);
      return this.failed(feed, checked, `fetch failed: ${detail}`, null);
    }
  }

  /** Items new since the last poll or changed; ids de-duplicated within the feed (`#2`…). */
  private changedItems(feed: FeedState, articles: Article[]): Article[] {
    const out: Article[] = [];
    const taken = new Set<string>();
    for (const a of articles) {
      let id = a.id;
      for (let k = 2; taken.has(id); k++) id = `${a.id}#${k}`;
      taken.add(id);
      const item = id === a.id ? a : { ...a, id };
      const hash = createHash('sha1').update(`${item.title}\0${item.date}\0${item.url}\0${item.text}`).digest('base64');
      if (feed.seen.get(id) === hash) continue;
      feed.seen.set(id, hash);
      out.push(item);
    }
    return out;
  }

  private succeeded(feed: FeedState, checked: string): void {
    feed.failures = 0;
    feed.notBefore = 0;
    feed.health = { url: feed.url, ok: true, checked, error: null };
  }

  private failed(feed: FeedState, checked: string, error: string, retryAfterMs: number | null): PollOutcome {
    feed.failures++;
    const backoff = exponentialDelay({ minTimeout: this.opts.backoffMs, maxTimeout: this.opts.maxBackoffMs, factor: 2 }, feed.failures);
    feed.notBefore = this.now() + Math.max(backoff, retryAfterMs ?? 0);
    feed.health = { url: feed.url, ok: false, checked, error };
    this.opts.log.warn({ feed: feed.url, failures: feed.failures, retryInMs: feed.notBefore - this.now() }, `feed poll failed: ${error}`);
    return { url: feed.url, status: 'failed', added: 0, error };
  }
}

/** `FEEDS` (comma-separated URLs) as a list. */
export function parseFeedList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
