import type { Logger } from '../logger.ts';
import type { Store } from '../store/open-store.ts';

/** Store namespace of the per-user index: which keys hold something about a user. */
export const USER_INDEX_NAMESPACE = 'user-index';
/** Store namespaces of what the Bot keeps about a user besides conversations and last briefs. */
export const FEEDBACK_NAMESPACE = 'feedback';
export const SHARE_NAMESPACE = 'share';
export const REPLY_LINK_NAMESPACE = 'reply-link';
/** How long answer feedback (👍/👎, Helpful / Not helpful) is kept. */
export const FEEDBACK_TTL_MS = 90 * 24 * 60 * 60 * 1000;
/** The most entries one user's index keeps; the oldest drop out (they expire on their own). */
const MAX_ENTRIES = 2000;

/** One indexed record: where it is and when it expires (ms since the epoch; null: never). */
interface IndexEntry {
  ns: string;
  key: string;
  until: number | null;
}

interface UserIndex {
  entries: IndexEntry[];
}

/** What `forget` deleted, counted by kind (namespace). */
export type ForgetCounts = Record<string, number>;

/**
 * Keeps, per user (`${surface}:${userId}`), the list of store keys that hold something about
 * them (conversation context, feedback votes, replies awaiting sharing), because keyv cannot
 * scan: `forget` reads the list and deletes every key on it, then the list itself.
 */
export class UserData {
  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Per user, the index update in progress: updates of one index run one after another. */
  private readonly queues = new Map<string, Promise<unknown>>();

  /** Runs `work` after every earlier index update of this user in this process (each one reads, then writes, the whole index). */
  private inTurn<T>(userKey: string, work: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(userKey) ?? Promise.resolve()).then(work, work);
    const settled = run.catch(() => undefined);
    this.queues.set(userKey, settled);
    void settled.then(() => {
      if (this.queues.get(userKey) === settled) this.queues.delete(userKey);
    });
    return run;
  }

  /** Records that `namespace:key` holds something about this user, for `ttlMs` (undefined: no expiry). */
  track(userKey: string, namespace: string, key: string, ttlMs?: number): Promise<void> {
    return this.inTurn(userKey, () => this.add(userKey, namespace, key, ttlMs));
  }

  private async add(userKey: string, namespace: string, key: string, ttlMs?: number): Promise<void> {
    try {
      const now = this.now().getTime();
      const until = ttlMs === undefined ? null : now + ttlMs;
      const index = (await this.store.get<UserIndex>(USER_INDEX_NAMESPACE, userKey)) ?? { entries: [] };
      const entries = index.entries.filter((e) => (e.until === null || e.until > now) && !(e.ns === namespace && e.key === key));
      entries.push({ ns: namespace, key, until });
      const kept = entries.slice(-MAX_ENTRIES);
      const never = kept.some((e) => e.until === null);
      const last = Math.max(...kept.map((e) => e.until ?? 0));
      await this.store.set<UserIndex>(USER_INDEX_NAMESPACE, userKey, { entries: kept }, never ? undefined : Math.max(1000, last - now));
    } catch (err) {
      this.log.warn({ err, namespace }, 'user data index not updated');
    }
  }

  /** Deletes every indexed record of this user (that still exists) and the index; returns counts by namespace. */
  forget(userKey: string): Promise<ForgetCounts> {
    return this.inTurn(userKey, () => this.deleteAll(userKey));
  }

  private async deleteAll(userKey: string): Promise<ForgetCounts> {
    const index = await this.store.get<UserIndex>(USER_INDEX_NAMESPACE, userKey);
    const counts: ForgetCounts = {};
    for (const entry of index?.entries ?? []) {
      const existing = await this.store.get(entry.ns, entry.key);
      await this.store.delete(entry.ns, entry.key);
      if (existing !== undefined) counts[entry.ns] = (counts[entry.ns] ?? 0) + 1;
    }
    await this.store.delete(USER_INDEX_NAMESPACE, userKey);
    return counts;
  }
}
