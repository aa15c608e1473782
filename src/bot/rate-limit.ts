import { describeCause, StoreUnavailableError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { RedisClient } from '../store/redis-client.ts';
import type { Store } from '../store/open-store.ts';

/** Store namespace of the token buckets; the key is `${surface}:${userId}`. */
export const RATE_NAMESPACE = 'rate';

/** A token bucket as stored: tokens left and when they were counted (ms since the epoch). */
interface Bucket {
  tokens: number;
  at: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

/** Where buckets live; `take` counts and takes one token atomically, returning the tokens there were. */
interface BucketBackend {
  take(key: string, capacity: number, refillPerMs: number, now: number): Promise<number>;
  has(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}

/** Tokens in a bucket now: what was left, refilled for the time since, up to the capacity. */
const refilled = (stored: Bucket | undefined, capacity: number, refillPerMs: number, now: number) =>
  stored ? Math.min(capacity, stored.tokens + Math.max(0, now - stored.at) * refillPerMs) : capacity;

/** Kept until the bucket would be full again; after that a missing bucket means a full one. */
const bucketTtl = (left: number, capacity: number, refillPerMs: number) => Math.ceil((capacity - left) / refillPerMs) + 1000;

/** Buckets in the Store (SQLite): takes of one key run one at a time, so a process never counts twice. */
class StoreBuckets implements BucketBackend {
  private readonly queues = new Map<string, Promise<unknown>>();
  constructor(private readonly store: Store) {}

  take(key: string, capacity: number, refillPerMs: number, now: number): Promise<number> {
    const run = (this.queues.get(key) ?? Promise.resolve()).then(async () => {
      const tokens = refilled(await this.store.get<Bucket>(RATE_NAMESPACE, key), capacity, refillPerMs, now);
      if (tokens >= 1) await this.store.set<Bucket>(RATE_NAMESPACE, key, { tokens: tokens - 1, at: now }, bucketTtl(tokens - 1, capacity, refillPerMs));
      return tokens;
    });
    const settled = run.catch(() => undefined);
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return run;
  }

  async has(key: string): Promise<boolean> {
    return (await this.store.get(RATE_NAMESPACE, key)) !== undefined;
  }

  delete(key: string): Promise<void> {
    return this.store.delete(RATE_NAMESPACE, key);
  }
}

/** The bucket arithmetic of `refilled` and `bucketTtl`, run inside Redis so replicas never race. */
const TAKE_SCRIPT = `
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local cap = tonumber(ARGV[1]); local rate = tonumber(ARGV[2]); local now = tonumber(ARGV[3])
local tokens = cap
if b[1] then tokens = math.min(cap, tonumber(b[1]) + math.max(0, now - tonumber(b[2])) * rate) end
if tokens >= 1 then
  redis.call('HSET', KEYS[1], 'tokens', tostring(tokens - 1), 'at', tostring(now))
  redis.call('PEXPIRE', KEYS[1], math.ceil((cap - tokens + 1) / rate) + 1000)
end
return tostring(tokens)`;

/** Buckets in Redis, taken by one script call: exact across any number of replicas. */
class RedisBuckets implements BucketBackend {
  constructor(private readonly redis: RedisClient) {}

  private keyOf(key: string): string {
    return `briefing:${RATE_NAMESPACE}-bucket:${key}`;
  }

  async take(key: string, capacity: number, refillPerMs: number, now: number): Promise<number> {
    const tokens = await this.redis.eval(TAKE_SCRIPT, { keys: [this.keyOf(key)], arguments: [String(capacity), String(refillPerMs), String(now)] });
    return Number(tokens);
  }

  async has(key: string): Promise<boolean> {
    try {
      return (await this.redis.exists(this.keyOf(key))) > 0;
    } catch (err) {
      throw StoreUnavailableError.wrap('read', err);
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.redis.del(this.keyOf(key));
    } catch (err) {
      throw StoreUnavailableError.wrap('write', err);
    }
  }
}

/**
 * Per-user token bucket: a full bucket holds `perMinute` tokens and refills continuously at
 * `perMinute` a minute; each question takes one. `perMinute` 0 turns the limit off. Buckets
 * live in the Store, or with a Redis client in Redis, taken atomically by a script so replicas
 * sharing it never let an extra question through. When the backend fails, the question is let
 * through (a warning is logged): an outage never silences the bot.
 */
export class RateLimiter {
  private readonly refillPerMs: number;
  private readonly buckets: BucketBackend;

  constructor(
    store: Store,
    readonly perMinute: number,
    private readonly now: () => Date,
    private readonly log: Logger,
    redis?: RedisClient,
  ) {
    this.refillPerMs = perMinute / 60_000;
    this.buckets = redis ? new RedisBuckets(redis) : new StoreBuckets(store);
  }

  get enabled(): boolean {
    return this.perMinute > 0;
  }

  async take(key: string): Promise<RateDecision> {
    if (!this.enabled) return { ok: true };
    try {
      const tokens = await this.buckets.take(key, this.perMinute, this.refillPerMs, this.now().getTime());
      return tokens >= 1 ? { ok: true } : { ok: false, retryAfterMs: Math.ceil((1 - tokens) / this.refillPerMs) };
    } catch (err) {
      this.log.warn({ err: describeCause(err instanceof StoreUnavailableError ? err.cause : err) }, 'rate limit store unavailable; letting the question through');
      return { ok: true };
    }
  }

  /** Whether a bucket is kept for this user (for `forget`'s report). */
  has(key: string): Promise<boolean> {
    return this.buckets.has(key);
  }

  async reset(key: string): Promise<void> {
    await this.buckets.delete(key);
  }
}

/** "12 s", "1 min 5 s": how long to wait, rounded up to whole seconds. */
export function waitText(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
}
