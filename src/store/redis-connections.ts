import { closeRedis, connectRedis, type ConnectRedisOptions, type RedisClient } from './redis-client.ts';

/** One user's hold on a shared connection; the connection closes when its last user releases it. */
export interface RedisLease {
  readonly client: RedisClient;
  /** Gives the hold up (again is a no-op); the last one closes the connection. */
  release(): Promise<void>;
}

interface Shared {
  connecting: Promise<RedisClient>;
  client: RedisClient | undefined;
  users: number;
}

/**
 * Hands out one connection per Redis URL to everyone in the process (keyv store, claim store,
 * subscription index, once store, rate buckets). All of them send single commands or scripts,
 * which node-redis pipelines safely on one socket; none blocks (BLPOP), subscribes (pub/sub) or
 * WATCHes, the uses that would need a connection of their own.
 */
export class RedisConnections {
  private readonly shared = new Map<string, Shared>();

  /**
   * The URL's connection, opened on first use with `options` (the bounded start-up wait, the
   * log, the abort signal); later users share it and their options are not used.
   */
  async lease(url: string, options: ConnectRedisOptions = {}): Promise<RedisLease> {
    let entry = this.shared.get(url);
    // a connection closed behind our back (or never opened) is replaced, not handed out
    if (entry?.client && !entry.client.isOpen) entry = undefined;
    if (!entry) {
      const fresh: Shared = { connecting: connectRedis(url, options), client: undefined, users: 0 };
      fresh.connecting.then(
        (client) => (fresh.client = client),
        () => {
          if (this.shared.get(url) === fresh) this.shared.delete(url);
        },
      );
      this.shared.set(url, fresh);
      entry = fresh;
    }
    const held = entry;
    held.users++;
    let client: RedisClient;
    try {
      client = await held.connecting;
    } catch (err) {
      held.users--;
      throw err;
    }
    let released = false;
    return {
      client,
      release: async () => {
        if (released) return;
        released = true;
        held.users--;
        if (held.users > 0) return;
        if (this.shared.get(url) === held) this.shared.delete(url);
        await closeRedis(client);
      },
    };
  }

  /** Connections open now (for tests and health). */
  get size(): number {
    return this.shared.size;
  }
}

/** The process's one factory: every Redis user leases from it unless handed another (tests that play several replicas in one process). */
export const processRedis = new RedisConnections();
