import { join } from 'node:path';
import type { Engine } from '../engine/engine.ts';
import { toEngineQueries, type EngineQueries } from '../engine-host/engine-api.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/open-store.ts';
import type { ClaimStore } from '../store/claim-store.ts';
import type { StorySummarizer } from '../llm/digest-summaries.ts';
import type { DigestChannel } from './digest-channel.ts';
import { RedisClaimStore } from '../store/redis-claim-store.ts';
import type { ConnectRedisOptions } from '../store/redis-client.ts';
import { processRedis, type RedisConnections } from '../store/redis-connections.ts';
import { DigestScheduler, type DeliveryStep } from './scheduler.ts';
import { SqliteClaimStore } from '../store/sqlite-claim-store.ts';
import { SubscriptionStore } from './subscription-store.ts';

/** Scheduling and delivery of digests; the commands over it are the Bot's (bot/digest-commands.ts). */
export interface DigestService {
  readonly scheduler: DigestScheduler;
  readonly subscriptions: SubscriptionStore;
  /** What the digest commands read beside the schedules: the engine, the clock, the zone a call without one gets, the story summarizer. */
  readonly engine: EngineQueries;
  readonly now: () => Date;
  readonly defaultTimezone: string;
  readonly summarizeStories: StorySummarizer | undefined;
  /** Rebuilds schedules from the store, delivers missed slots within the catch-up window, starts the timers. Keys: surfaces ('console', 'slack', 'discord'). */
  start(channels: Map<string, DigestChannel>): Promise<void>;
  /** Stops the timers and closes the claim store. */
  stop(): Promise<void>;
}

export interface DigestServiceOptions {
  /** The engine, in a worker or in this thread; a plain Engine is answered in this thread. */
  engine: Engine | EngineQueries;
  store: Store;
  log: Logger;
  /** Where the SQLite claim file goes (without `redisUrl`). */
  dataDir: string;
  /** Claims in Redis (shared by replicas) when set. */
  redisUrl?: string | undefined;
  /** How start-up waits for Redis (REDIS_CONNECT_TIMEOUT_MS, SIGTERM), and the log for its attempts. */
  redisConnect?: ConnectRedisOptions;
  /** Where Redis connections come from (default: the process's one shared connection). */
  redisConnections?: RedisConnections;
  catchupHours: number;
  defaultTimezone?: string;
  now?: () => Date;
  /** Replaces the claim store chosen from dataDir/redisUrl. */
  claims?: ClaimStore;
  cron?: boolean;
  leaseMs?: number;
  owner?: string;
  sleep?: (ms: number) => Promise<void>;
  onStep?: (step: DeliveryStep, slotId: string) => void | Promise<void>;
  /** Story summaries through the model (LLM_DIGEST=1), for deliveries and previews. */
  summarizeStories?: StorySummarizer;
  /** After a failed tick (the store unavailable), try again this soon (default 30 s with cron). */
  retryMs?: number;
}

export async function createDigestService(options: DigestServiceOptions): Promise<DigestService> {
  const ownClaims = !options.claims;
  let closed = false;
  const claims =
    options.claims ??
    (options.redisUrl
      ? await RedisClaimStore.open(options.redisUrl, undefined, options.redisConnect, options.redisConnections)
      : await SqliteClaimStore.open(join(options.dataDir, 'digest-claims.sqlite'), { log: options.log }));
  const engine = toEngineQueries(options.engine);
  // Replicas add channels to one Redis set, so none is lost from the index schedules are rebuilt from
  const indexRedis = options.redisUrl ? await (options.redisConnections ?? processRedis).lease(options.redisUrl, options.redisConnect) : undefined;
  const subscriptions = new SubscriptionStore(options.store, indexRedis?.client);
  const now = options.now ?? (() => new Date());
  const scheduler = new DigestScheduler({
    engine,
    subscriptions,
    claims,
    log: options.log,
    catchupHours: options.catchupHours,
    now,
    ...(options.owner ? { owner: options.owner } : {}),
    ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
    ...(options.cron !== undefined ? { cron: options.cron } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.onStep ? { onStep: options.onStep } : {}),
    ...(options.summarizeStories ? { summarizeStories: options.summarizeStories } : {}),
    ...(options.retryMs !== undefined ? { retryMs: options.retryMs } : {}),
  });
  const defaultTimezone = options.defaultTimezone ?? 'UTC';

  return {
    scheduler,
    subscriptions,
    engine,
    now,
    defaultTimezone,
    summarizeStories: options.summarizeStories,
    start: (channels) => scheduler.start(channels),
    async stop() {
      await scheduler.stop();
      if (closed) return;
      closed = true;
      try {
        if (ownClaims) await claims.close();
      } finally {
        await indexRedis?.release();
      }
    },
  };
}
