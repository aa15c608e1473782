import { StoreUnavailableError, type StoreOperation } from '../errors.ts';
import type { Store } from '../store/open-store.ts';
import type { RedisClient } from '../store/redis-client.ts';
import type { Subscription } from './subscription.ts';

const SUBSCRIPTION = 'subscription';
const INDEX = 'subscription-index';
const INDEX_KEY = 'channels';
const STATE = 'digest-state';
const MAX_RECENT_MISSED = 5;
const MAX_UNREPORTED_MISSED = 500;

/** What the scheduler remembers about one channel's deliveries. */
export interface DigestState {
  /** Slots up to this ISO instant are handled (delivered, missed or skipped). */
  cursor: string;
  /** ISO instant of the last delivery, and its slot. */
  lastDeliveredAt: string | null;
  lastSlotId: string | null;
  /** Ids of articles already sent to the channel. */
  sent: string[];
  /** Articles of a digest being sent, kept until its slot is recorded (crash recovery). */
  pending: { slotId: string; articleIds: string[] } | null;
  /** Missed slot ids not yet mentioned in a digest. */
  missed: string[];
  /** The last few missed slot ids, for `status`. */
  recentMissed: string[];
  paused: { reason: string; at: string } | null;
}

export const emptyState = (cursor: Date): DigestState => ({
  cursor: cursor.toISOString(),
  lastDeliveredAt: null,
  lastSlotId: null,
  sent: [],
  pending: null,
  missed: [],
  recentMissed: [],
  paused: null,
});

/** Moves the cursor forward to a handled slot (never back). */
export function advanceCursor(state: DigestState, at: Date): DigestState {
  return state.cursor < at.toISOString() ? { ...state, cursor: at.toISOString() } : state;
}

export function addMissed(state: DigestState, slotId: string): DigestState {
  if (state.missed.includes(slotId)) return state;
  return { ...state, missed: [...state.missed, slotId].slice(-MAX_UNREPORTED_MISSED), recentMissed: [...state.recentMissed, slotId].slice(-MAX_RECENT_MISSED) };
}

/** The Redis set of subscribed channel keys, beside the keyv values. */
const REDIS_INDEX = 'briefing:subscription-channels';

/**
 * Subscriptions (one per channel key), an index of channel keys, and delivery state, in the Store.
 * The index is what schedules are rebuilt from at start, so no change to it may be lost: with a
 * Redis client it is a Redis set (SADD/SREM are atomic across replicas); otherwise one list in
 * the Store whose changes run one at a time in this process.
 */
export class SubscriptionStore {
  private indexQueue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly redis?: RedisClient,
  ) {}

  get(channelKey: string): Promise<Subscription | undefined> {
    return this.store.get<Subscription>(SUBSCRIPTION, channelKey);
  }

  async channelKeys(): Promise<string[]> {
    const listed = (await this.store.get<string[]>(INDEX, INDEX_KEY)) ?? [];
    // The Store's list may still hold keys written before the Redis set existed
    return this.redis ? [...new Set([...listed, ...(await viaRedis('read', this.redis.sMembers(REDIS_INDEX)))])] : listed;
  }

  /** Adds or removes a key of the index without losing a concurrent change. */
  private changeIndex(channelKey: string, add: boolean): Promise<void> {
    if (this.redis) {
      const redis = this.redis;
      return viaRedis('write', add ? redis.sAdd(REDIS_INDEX, channelKey) : redis.sRem(REDIS_INDEX, channelKey)).then(async () => {
        if (!add) await this.changeStoreList(channelKey, false);
      });
    }
    return this.changeStoreList(channelKey, add);
  }

  private changeStoreList(channelKey: string, add: boolean): Promise<void> {
    const run = this.indexQueue.then(async () => {
      const keys = (await this.store.get<string[]>(INDEX, INDEX_KEY)) ?? [];
      if (add && !keys.includes(channelKey)) await this.store.set(INDEX, INDEX_KEY, [...keys, channelKey]);
      if (!add && keys.includes(channelKey)) await this.store.set(INDEX, INDEX_KEY, keys.filter((k) => k !== channelKey));
    });
    this.indexQueue = run.catch(() => undefined);
    return run;
  }

  async list(): Promise<Subscription[]> {
    const subs = await Promise.all((await this.channelKeys()).map((k) => this.get(k)));
    return subs.filter((s): s is Subscription => s !== undefined);
  }

  async put(sub: Subscription): Promise<void> {
    await this.store.set(SUBSCRIPTION, sub.channelKey, sub);
    await this.changeIndex(sub.channelKey, true);
  }

  async delete(channelKey: string): Promise<void> {
    await this.store.delete(SUBSCRIPTION, channelKey);
    await this.store.delete(STATE, channelKey);
    await this.changeIndex(channelKey, false);
  }

  getState(channelKey: string): Promise<DigestState | undefined> {
    return this.store.get<DigestState>(STATE, channelKey);
  }

  async setState(channelKey: string, state: DigestState): Promise<void> {
    await this.store.set(STATE, channelKey, state);
  }

  /** Read, change, write (last writer wins; every change the scheduler makes is idempotent). */
  async updateState(channelKey: string, fallbackCursor: Date, change: (s: DigestState) => DigestState | Promise<DigestState>): Promise<DigestState> {
    const current = (await this.getState(channelKey)) ?? emptyState(fallbackCursor);
    const next = await change(current);
    if (next !== current) await this.setState(channelKey, next);
    return next;
  }
}

/** A Redis command of the index, failing as the Store does: StoreUnavailableError, never a raw client error. */
function viaRedis<T>(operation: StoreOperation, command: Promise<T>): Promise<T> {
  return command.catch((err: unknown) => {
    throw StoreUnavailableError.wrap(operation, err);
  });
}
