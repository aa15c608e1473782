import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Keyv from 'keyv';
import KeyvSqlite from '@keyv/sqlite';
import type { Logger } from '../logger.ts';

/** Bumped when the shape of a stored value changes; older values are then ignored. */
export const SCHEMA_VERSION = 1;

interface Envelope<T> {
  v: number;
  data: T;
}

/** The small key-value surface the bot needs; namespaces keep kinds of state apart. */
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
}

class KeyvStore implements Store {
  constructor(
    private readonly keyv: Keyv,
    readonly kind: 'sqlite' | 'redis',
  ) {}

  async get<T>(namespace: string, key: string): Promise<T | undefined> {
    const raw = (await this.keyv.get(`${namespace}:${key}`)) as Envelope<T> | undefined;
    return raw && raw.v === SCHEMA_VERSION ? raw.data : undefined;
  }

  async set<T>(namespace: string, key: string, value: T, ttlMs?: number): Promise<void> {
    await this.keyv.set(`${namespace}:${key}`, { v: SCHEMA_VERSION, data: value } satisfies Envelope<T>, ttlMs);
  }

  async delete(namespace: string, key: string): Promise<void> {
    await this.keyv.delete(`${namespace}:${key}`);
  }

  async close(): Promise<void> {
    await this.keyv.disconnect();
  }
}

/** SQLite file in DATA_DIR by default; Redis when REDIS_URL is set (shared by replicas). */
export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.redisUrl) {
    const { default: KeyvRedis } = await import('@keyv/redis');
    const keyv = new Keyv({ store: new KeyvRedis(options.redisUrl), namespace: 'briefing' });
    keyv.on('error', (err: unknown) => options.log?.error({ err }, 'redis store error'));
    return new KeyvStore(keyv, 'redis');
  }
  mkdirSync(options.dataDir, { recursive: true });
  const sqlite = new KeyvSqlite({ uri: `sqlite://${join(options.dataDir, 'state.sqlite')}`, busyTimeout: 5000 });
  const keyv = new Keyv({ store: sqlite, namespace: 'briefing' });
  keyv.on('error', (err: unknown) => options.log?.error({ err }, 'sqlite store error'));
  return new KeyvStore(keyv, 'sqlite');
}
