import { join } from 'node:path';
import type { ConnectRedisOptions } from './redis-client.ts';
import { processRedis, type RedisConnections, type RedisLease } from './redis-connections.ts';
import { SqliteFile, type SqliteFileOptions } from './sqlite-file.ts';

/**
 * "Do this once": the first caller to mark a key (within its lifetime) gets true, every other
 * caller false, also across processes sharing the backing store. The store's own atomic
 * primitive, beside the ClaimStore ones: SQLite `INSERT OR IGNORE` (one file, several
 * processes), Redis `SET NX PX` (several replicas on one REDIS_URL). keyv's get-then-set is
 * not atomic, so it cannot do this.
 */
export interface OnceStore {
  readonly kind: 'sqlite' | 'redis' | 'memory';
  /** True for the first caller to mark `key` while its mark lives (`ttlMs`), false for every later one. */
  first(key: string, ttlMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/** Marks in a SQLite file, on its own connection: an expired mark is taken over by a conditional `UPDATE`. */
export class SqliteOnceStore implements OnceStore {
  readonly kind = 'sqlite' as const;
  private lastSweep = 0;

  private constructor(private readonly db: SqliteFile) {}

  static async open(file: string, options: Omit<SqliteFileOptions, 'setup'> = {}): Promise<SqliteOnceStore> {
    return new SqliteOnceStore(await SqliteFile.open(file, { ...options, setup: ['CREATE TABLE IF NOT EXISTS once_marks (key TEXT PRIMARY KEY, expires_at INTEGER NOT NULL)'] }));
  }

  private run(sql: string, params: unknown[] = []): Promise<number> {
    return this.db.run(sql, params);
  }

  async first(key: string, ttlMs: number, nowMs = Date.now()): Promise<boolean> {
    if (nowMs - this.lastSweep > 60_000) {
      this.lastSweep = nowMs;
      await this.run('DELETE FROM once_marks WHERE expires_at <= ?', [nowMs]);
    }
    if ((await this.run('INSERT OR IGNORE INTO once_marks (key, expires_at) VALUES (?, ?)', [key, nowMs + ttlMs])) === 1) return true;
    // an expired mark counts as absent: exactly one caller's UPDATE matches it
    return (await this.run('UPDATE once_marks SET expires_at = ? WHERE key = ? AND expires_at <= ?', [nowMs + ttlMs, key, nowMs])) === 1;
  }

  close(): Promise<void> {
    return this.db.close();
  }
}


/** Marks in Redis, shared by every replica: `SET key 1 NX PX ttl`. */
export class RedisOnceStore implements OnceStore {
  readonly kind = 'redis' as const;

  private constructor(
    private readonly redis: RedisLease,
    private readonly prefix: string,
  ) {}

  /** On the process's shared connection (`connections`), opened here when it is the first user. */
  static async open(url: string, prefix = 'briefing:once', connect: ConnectRedisOptions = {}, connections: RedisConnections = processRedis): Promise<RedisOnceStore> {
    return new RedisOnceStore(await connections.lease(url, connect), prefix);
  }

  async first(key: string, ttlMs: number): Promise<boolean> {
    const set = await this.redis.client.set(`${this.prefix}:${key}`, '1', { condition: 'NX', expiration: { type: 'PX', value: Math.max(1, Math.round(ttlMs)) } });
    return set !== null;
  }

  close(): Promise<void> {
    return this.redis.release();
  }
}

/** Marks in this process only (tests, or a store that could not be opened). */
export class MemoryOnceStore implements OnceStore {
  readonly kind = 'memory' as const;
  private readonly marks = new Map<string, number>();

  async first(key: string, ttlMs: number, nowMs = Date.now()): Promise<boolean> {
    if (this.marks.size > 10_000) for (const [k, until] of this.marks) if (until <= nowMs) this.marks.delete(k);
    const until = this.marks.get(key);
    if (until !== undefined && until > nowMs) return false;
    this.marks.set(key, nowMs + ttlMs);
    return true;
  }

  async close(): Promise<void> {
    this.marks.clear();
  }
}

/** Redis when REDIS_URL is set (every replica shares the marks), else `once.sqlite` in DATA_DIR. */
export async function openOnceStore(options: { dataDir: string; redisUrl?: string | undefined; connect?: ConnectRedisOptions; connections?: RedisConnections }): Promise<OnceStore> {
  if (options.redisUrl) return RedisOnceStore.open(options.redisUrl, undefined, options.connect, options.connections);
  return SqliteOnceStore.open(join(options.dataDir, 'once.sqlite'), options.connect?.log ? { log: options.connect.log } : {});
}
