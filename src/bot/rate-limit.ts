import type { Logger } from '../logger.ts';
import type { Store } from '../store/open-store.ts';

/** Store namespace of the token buckets; the key is `${surface}:${userId}`. */
export const RATE_NAMESPACE = 'rate';

/** A token bucket as stored: tokens left and when they were counted (ms since the epoch). */
interface Bucket {
  tokens: number;
  at: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * Per-user token bucket kept in the Store (SQLite, or Redis so replicas share it): a full
 * bucket holds `perMinute` tokens and refills continuously at `perMinute` a minute; each
 * question takes one. `perMinute` 0 turns the limit off. When the store fails, the question
 * is let through (a warning is logged): an outage of the store never silences the bot.
 *
 * Replicas read and write the bucket without a lock, so two questions arriving at the same
 * instant on two replicas may both pass; the limit holds to within that race.
 */
export class RateLimiter {
  private readonly refillPerMs: number;

  constructor(
    private readonly store: Store,
    readonly perMinute: number,
    private readonly now: () => Date,
    private readonly log: Logger,
  ) {
    this.refillPerMs = perMinute / 60_000;
  }

  get enabled(): boolean {
    return this.perMinute > 0;
  }

  async take(key: string): Promise<RateDecision> {
    if (!this.enabled) return { ok: true };
    const now = this.now().getTime();
    try {
      const stored = await this.store.get<Bucket>(RATE_NAMESPACE, key);
      const elapsed = stored ? Math.max(0, now - stored.at) : 0;
      const tokens = stored ? Math.min(this.perMinute, stored.tokens + elapsed * this.refillPerMs) : this.perMinute;
      if (tokens < 1) {
        return { ok: false, retryAfterMs: Math.ceil((1 - tokens) / this.refillPerMs) };
      }
      const left = tokens - 1;
      // kept until the bucket would be full again; after that a missing bucket means a full one
      const ttl = Math.ceil((this.perMinute - left) / this.refillPerMs) + 1000;
      await this.store.set<Bucket>(RATE_NAMESPACE, key, { tokens: left, at: now }, ttl);
      return { ok: true };
    } catch (err) {
      this.log.warn({ err }, 'rate limit store unavailable; letting the question through');
      return { ok: true };
    }
  }

  async reset(key: string): Promise<void> {
    await this.store.delete(RATE_NAMESPACE, key);
  }
}

/** "12 s", "1 min 5 s": how long to wait, rounded up to whole seconds. */
export function waitText(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
}
