import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Keyv from 'keyv';
import KeyvSqlite from '@keyv/sqlite';
import sqlite3 from 'sqlite3';
import { describeCause, StoreUnavailableError, type StoreOperation } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { processRedis, type RedisConnections, type RedisLease } from './redis-connections.ts';

/** Bumped when the shape of a stored value changes; older values are then ignored. */
export const SCHEMA_VERSION = 1;
/** How long a SQLite operation waits for a lock held by another connection before it fails. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

interface Envelope<T> {
  v: number;
  data: T;
}

/**
 * The small key-value surface the bot needs; namespaces keep kinds of state apart. Every
 * method either does what it says or rejects with StoreUnavailableError: a failed read is
 * never "no value", a failed write never "saved".
 */
export interface Store {
  get<T>(namespace: string, key: string): Promise<T | undefined>;
  set<T>(namespace: string, key: string, value: T, ttlMs?: number): Promise<void>;
  delete(namespace: string, key: string): Promise<void>;
  close(): Promise<void>;
  /** 'sqlite' or 'redis', for health reports. */
  readonly kind: 'sqlite' | 'redis';
}

export interface StoreOptions {
  dataDir: string;
  redisUrl?: string | undefined;
  log?: Logger;
  /** SQLite: how long to wait for another connection's lock (default 5 s). */
  busyTimeoutMs?: number;
  /** Redis: how long start-up retries an unreachable server (REDIS_CONNECT_TIMEOUT_MS). */
  connectTimeoutMs?: number;
  /** Redis: SIGTERM during start-up stops the wait. */
  signal?: AbortSignal;
  /** Redis: where the connection comes from (default: the process's one shared connection). */
  connections?: RedisConnections;
}

/** What one command did with the store so far, so its reply can say truthfully whether anything changed. */
export interface StoreCall {
  /** A write (set or delete) succeeded during this call. */
  wrote: boolean;
  /** The first failure of this call; later operations of the same call fail at once instead of waiting again. */
  failed: StoreUnavailableError | undefined;
}

const calls = new AsyncLocalStorage<StoreCall>();

/** Runs `fn` as one store call (a command): `call` records whether it wrote and whether the store failed. */
export function runStoreCall<T>(call: StoreCall, fn: () => Promise<T>): Promise<T> {
  return calls.run(call, fn);
}

/** A keyv instance for each use; for SQLite a fresh one once the connection could not be set up. */
interface KeyvSource {
  current(): Keyv | Promise<Keyv>;
  close(): Promise<void>;
}

class KeyvStore implements Store {
  constructor(
    private readonly source: KeyvSource,
    readonly kind: 'sqlite' | 'redis',
  ) {}

  private async attempt<R>(operation: StoreOperation, fn: (keyv: Keyv) => Promise<R>): Promise<R> {
    const call = calls.getStore();
    if (call?.failed) throw call.failed;
    try {
      const result = await fn(await this.source.current());
      if (operation === 'write' && call) call.wrote = true;
      return result;
    } catch (err) {
      const failure = StoreUnavailableError.wrap(operation, err);
      if (call) call.failed ??= failure;
      throw failure;
    }
  }

  async get<T>(namespace: string, key: string): Promise<T | undefined> {
    const raw = (await this.attempt('read', (keyv) => keyv.get(`${namespace}:${key}`))) as Envelope<T> | undefined;
    return raw && raw.v === SCHEMA_VERSION ? raw.data : undefined;
  }

  async set<T>(namespace: string, key: string, value: T, ttlMs?: number): Promise<void> {
    await this.attempt('write', (keyv) => keyv.set(`${namespace}:${key}`, { v: SCHEMA_VERSION, data: value } satisfies Envelope<T>, ttlMs));
  }

  async delete(namespace: string, key: string): Promise<void> {
    await this.attempt('write', (keyv) => keyv.delete(`${namespace}:${key}`));
  }

  close(): Promise<void> {
    return this.source.close();
  }
}

/**
 * keyv over a SQLite file. @keyv/sqlite opens its connection once and, when that fails (the
 * file locked or damaged at that moment), stays failed for good; so a failed set-up is noticed
 * (the adapter's 'error' event) and the next operation starts a fresh adapter: the store comes
 * back by itself once the lock is released or the file replaced.
 */
class SqliteKeyvSource implements KeyvSource {
  private keyv: Keyv;
  private broken = false;
  private closed = false;
  private reopening: Promise<Keyv> | undefined;

  constructor(
    private readonly file: string,
    private readonly busyTimeoutMs: number,
    private readonly log: Logger | undefined,
  ) {
    this.keyv = this.make();
  }

  private make(): Keyv {
    this.broken = false;
    const sqlite = new KeyvSqlite({ uri: `sqlite://${this.file}`, busyTimeout: this.busyTimeoutMs });
    sqlite.on('error', (err: unknown) => {
      this.broken = true;
      this.log?.debug({ err: describeCause(err) }, 'sqlite store: connection set-up failed; retried on the next operation');
    });
    // the adapter's set-up promise must always have a handler, or a failure is an unhandled rejection
    sqlite.close = wrapClose(sqlite.close, this.log);
    const keyv = new Keyv({ store: sqlite, namespace: 'briefing', throwOnErrors: true });
    keyv.on('error', () => {
      // each failing call rejects with StoreUnavailableError and its caller logs one line
    });
    void sqlite.query('SELECT 1').catch(() => undefined);
    return keyv;
  }

  current(): Keyv | Promise<Keyv> {
    if (!this.broken || this.closed) return this.keyv;
    // one reopening at a time, so concurrent calls share one fresh adapter
    this.reopening ??= (async () => {
      try {
        // a failed adapter keeps its file handle: check the file on a connection of our own first, so an outage opens no more of them
        await probeSqliteFile(this.file, this.busyTimeoutMs);
        if (this.broken) this.keyv = this.make();
        return this.keyv;
      } finally {
        this.reopening = undefined;
      }
    })();
    return this.reopening;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.keyv.disconnect();
  }
}

/** KeyvSqlite's close rejects with the set-up error when the connection never opened: nothing to close then; any other failure is logged. */
function wrapClose(close: () => Promise<unknown>, log: Logger | undefined): () => Promise<void> {
  return async () => {
    await close().catch((err: unknown) => log?.warn({ err: describeCause(err) }, 'sqlite store: not closed cleanly'));
  };
}

/** Opens the file, reads its schema and closes it again: rejects while it is locked or damaged. */
async function probeSqliteFile(file: string, busyTimeoutMs: number): Promise<void> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const d = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(d)));
  });
  try {
    db.configure('busyTimeout', busyTimeoutMs);
    await new Promise<void>((resolve, reject) => db.get('SELECT count(*) FROM sqlite_master', (err) => (err ? reject(err) : resolve())));
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}

/** keyv over the shared Redis connection: no offline queue, so an outage fails each call at once. */
class RedisKeyvSource implements KeyvSource {
  private readonly keyv: Keyv;

  constructor(
    private readonly redis: RedisLease,
    KeyvRedis: typeof import('@keyv/redis').default,
  ) {
    const adapter = new KeyvRedis(redis.client as never, { throwOnErrors: true, throwOnConnectError: true });
    this.keyv = new Keyv({ store: adapter, namespace: 'briefing', throwOnErrors: true });
    this.keyv.on('error', () => {
      // each failing call rejects with StoreUnavailableError and its caller logs one line
    });
  }

  current(): Keyv {
    return this.keyv;
  }

  close(): Promise<void> {
    // never keyv.disconnect(): it would close the connection under the other users
    return this.redis.release();
  }
}

/**
 * SQLite file in DATA_DIR by default; Redis when REDIS_URL is set (shared by replicas). Redis
 * must answer at start (retried for `connectTimeoutMs`, else a ConfigError naming REDIS_URL);
 * a SQLite file that cannot be used at start (locked, damaged) is logged as a warning and the
 * bot starts anyway: commands that need the store say it is unavailable until it is back.
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.redisUrl) {
    const { default: KeyvRedis } = await import('@keyv/redis');
    const lease = await (options.connections ?? processRedis).lease(options.redisUrl, {
      ...(options.log ? { log: options.log } : {}),
      ...(options.connectTimeoutMs !== undefined ? { timeoutMs: options.connectTimeoutMs } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return new KeyvStore(new RedisKeyvSource(lease, KeyvRedis), 'redis');
  }
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, 'state.sqlite');
  const store = new KeyvStore(new SqliteKeyvSource(file, options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS, options.log), 'sqlite');
  try {
    await store.get('health', 'probe');
  } catch (err) {
    options.log?.warn(
      { file, err: describeCause(err instanceof StoreUnavailableError ? err.cause : err) },
      'store: the SQLite file cannot be used now (locked by another process, or damaged); commands that need it answer that the store is unavailable until it can',
    );
  }
  return store;
}
