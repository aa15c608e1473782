import { Bot } from './bot/bot.ts';
import { checkDataDir, loadConfig, readDotEnv, type Config } from './config.ts';
import { ConfigError, CorpusUnreadableError, describeCause } from './errors.ts';
import { startEngine, type EngineHost } from './engine-host/start-engine.ts';
import { createLogger, secretValues, type Logger } from './logger.ts';
import { openStore, type Store } from './store/open-store.ts';
import { createDigestService } from './schedule/digest-service.ts';
import { createDigestCommands } from './bot/digest-commands.ts';
import type { AdapterFactory, ChatAdapter } from './chat-adapter.ts';
import { healthPort, startHealthServer, type HealthServer } from './health-server.ts';
import { redisAddress, StartAbortedError, type ConnectRedisOptions } from './store/redis-client.ts';
import { processRedis, type RedisLease } from './store/redis-connections.ts';
import { MemoryOnceStore, openOnceStore, type OnceStore } from './store/once-store.ts';
import { createGenerator } from './llm/create-generator.ts';
import { generatedStorySummaries } from './llm/digest-summaries.ts';

/** How long stopping may wait for adapters to finish what they are doing. */
const STOP_TIMEOUT_MS = 10_000;
/** How long a health probe waits for the engine's article count before reporting the last one. */
const SIZE_PROBE_MS = 250;

/** Every surface and when it is chosen, loaded lazily so the console never loads a chat SDK. */
const SURFACES: { configured(config: Config): boolean; load(): Promise<AdapterFactory> }[] = [
  { configured: (c) => Boolean(c.SLACK_BOT_TOKEN), load: async () => (await import('../adapters/slack/slack-chat-adapter.ts')).slackAdapter },
  { configured: (c) => Boolean(c.DISCORD_TOKEN), load: async () => (await import('../adapters/discord/discord-chat-adapter.ts')).discordAdapter },
  // the console is simply the surface chosen when no chat token is set
  { configured: (c) => !c.SLACK_BOT_TOKEN && !c.DISCORD_TOKEN, load: async () => (await import('../adapters/console/console-chat-adapter.ts')).consoleAdapter() },
];

/** The composition root: one engine, one store, then every configured adapter (the console when none). */
async function main(): Promise<number> {
  readDotEnv();
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`configuration error: ${(err as Error).message}\n`);
    return 2;
  }
  const factories = await Promise.all(SURFACES.filter((s) => s.configured(config)).map((s) => s.load()));
  // a surface that owns stdout (the console) claims it before the first log line: logs then go where it says
  const output = factories.map((f) => f.prepare?.(config)).find((o) => o !== undefined);
  const log = createLogger(config.LOG_LEVEL, output?.logDestination, secretValues(config));
  // SIGINT/SIGTERM: stop taking work, finish what is in flight (bounded), close the store, exit 0
  const shutdown = new AbortController();
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      log.info({ signal: sig }, 'stopping');
      shutdown.abort();
    });
  }
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection; still running'));
  const health = { ready: false, articles: 0, adapters: {} as Record<string, boolean>, store: undefined as Store | undefined };
  let healthServer: HealthServer | undefined;
  let store: Store | undefined;
  let engineHost: EngineHost | undefined;
  let rateRedis: RedisLease | undefined;
  let once: OnceStore | undefined;
  let currentSize: () => Promise<number> = async () => health.articles;
  const adapters: ChatAdapter[] = [];
  try {
    const port = healthPort(config.HEALTH_PORT);
    if (port !== null) {
      healthServer = await startHealthServer({
        port,
        log,
        source: { ready: () => health.ready, corpusSize: () => currentSize(), adapters: () => health.adapters, store: () => health.store },
      });
    }
    checkDataDir(config.DATA_DIR);
    // Redis first: an unreachable one is retried (a line per attempt) for REDIS_CONNECT_TIMEOUT_MS, then start-up fails naming REDIS_URL
    const redisConnect: ConnectRedisOptions = { log, timeoutMs: config.REDIS_CONNECT_TIMEOUT_MS, signal: shutdown.signal };
    if (config.REDIS_URL) log.info({ redis: redisAddress(config.REDIS_URL) }, 'connecting to redis');
    const opened = await openStore({ dataDir: config.DATA_DIR, redisUrl: config.REDIS_URL, log, connectTimeoutMs: config.REDIS_CONNECT_TIMEOUT_MS, signal: shutdown.signal });
    store = opened;
    health.store = store;
    // The engine (in a worker thread unless ENGINE_WORKER=0) with the corpus folder watched and feeds
    // polled: new articles reach answers and the next digest
    const host = await startEngine({
      worker: config.ENGINE_WORKER,
      log,
      corpusDir: config.CORPUS_DIR,
      dataDir: config.DATA_DIR,
      ...(config.FEEDS ? { feeds: config.FEEDS } : {}),
      feedPollCron: config.FEED_POLL_CRON,
      ...(output?.progress ? { onProgress: output.progress.onProgress } : {}),
    });
    output?.progress?.finish();
    engineHost = host;
    const { engine } = host;
    health.articles = host.articles;
    // Ingestion changes the count: ask the engine, but a busy or restarting engine thread never holds up a probe
    currentSize = async () => {
      const size = await Promise.race([host.engine.size().catch(() => health.articles), new Promise<number>((r) => setTimeout(() => r(health.articles), SIZE_PROBE_MS).unref())]);
      health.articles = size;
      return size;
    };
    // LLM_BASE_URL: generated answers (and with LLM_DIGEST=1 digest summaries), checked, offline on any failure
    const generator = createGenerator(config, log);
    const digests = await createDigestService({
      engine,
      store,
      log,
      dataDir: config.DATA_DIR,
      redisUrl: config.REDIS_URL,
      redisConnect,
      catchupHours: config.DIGEST_CATCHUP_HOURS,
      defaultTimezone: config.DEFAULT_TIMEZONE,
      ...(generator && config.LLM_DIGEST ? { summarizeStories: generatedStorySummaries(generator, engine, log) } : {}),
    });
    // Replicas share rate buckets in Redis, taken by a script so none lets an extra question through
    // Every Redis user in this process (store, claims, subscription index, Slack's once store, rate buckets) shares one connection
    rateRedis = config.REDIS_URL && config.RATE_LIMIT_PER_MINUTE > 0 ? await processRedis.lease(config.REDIS_URL, redisConnect) : undefined;
    // Event dedupe marks shared by replicas (Redis SET NX, else once.sqlite), only for a surface that redelivers events
    once = factories.some((f) => f.dedupesEvents) ? await openEventDedupe(config, redisConnect, log) : undefined;
    const bot = new Bot({
      engine,
      store,
      log,
      defaultTimezone: config.DEFAULT_TIMEZONE,
      digests: createDigestCommands(digests),
      rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
      ...(rateRedis ? { rateLimitRedis: rateRedis.client } : {}),
      feedHealth: () => host.feedHealth(),
      ...(generator ? { generator } : {}),
      ...(once ? { once } : {}),
    });
    // After a clean stop: timers, the engine thread, then the connections, in the order they depend on each other;
    // a store that fails to close (SQLITE_BUSY, a damaged file, Redis away) is logged and the stop goes on
    const closeAll = async () => {
      const steps: [string, () => Promise<void> | undefined][] = [
        ['digest scheduler', () => digests.stop()],
        ['engine', () => host.stop()],
        ['store', () => opened.close()],
        ['rate-limit redis', () => rateRedis?.release()],
        ['event dedupe store', () => once?.close()],
        ['health server', () => healthServer?.close()],
      ];
      for (const [what, step] of steps) {
        try {
          await step();
        } catch (err) {
          log.warn({ what, err: describeCause(err) }, 'stopping: could not close cleanly; stopping anyway');
        }
      }
    };
    // Every chosen surface through one port: adapters get the Bot and nothing else
    for (const factory of factories) {
      const adapter = factory.create({ bot, log, config });
      await adapter.start();
      adapters.push(adapter);
      log.info(`${adapter.name} adapter started`);
    }
    // Schedules rebuilt from the store; slots missed while down delivered (catch-up) through the running adapters
    await digests.start(new Map(adapters.map((a) => [a.name, a.digestChannel()])));
    health.adapters = Object.fromEntries(adapters.map((a) => [a.name, true]));
    health.ready = true;
    // a signal, or a surface that ends by itself (the console's input ran out)
    await Promise.race([waitForSignal(shutdown.signal), ...adapters.flatMap((a) => (a.ended ? [a.ended] : []))]);
    healthServer?.draining();
    const stopped = Promise.allSettled(adapters.map((a) => a.stop()));
    const gaveUp = await Promise.race([stopped.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), STOP_TIMEOUT_MS).unref())]);
    if (gaveUp) log.warn({ ms: STOP_TIMEOUT_MS }, 'adapters did not stop in time; closing anyway');
    await closeAll();
    return 0;
  } catch (err) {
    output?.progress?.finish();
    await Promise.allSettled(adapters.map((a) => a.stop()));
    await engineHost?.stop().catch(() => undefined);
    await store?.close().catch(() => undefined);
    await rateRedis?.release().catch(() => undefined);
    await once?.close().catch(() => undefined);
    await healthServer?.close().catch(() => undefined);
    if (err instanceof StartAbortedError) {
      log.info('stopped during start-up');
      return 0;
    }
    if (err instanceof CorpusUnreadableError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    if (err instanceof ConfigError) {
      process.stderr.write(`configuration error: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

/** The once store replicas share; one that cannot be opened leaves dedupe to this process (a restart is not worth it). */
async function openEventDedupe(config: Config, connect: ConnectRedisOptions, log: Logger): Promise<OnceStore> {
  try {
    return await openOnceStore({ dataDir: config.DATA_DIR, redisUrl: config.REDIS_URL, connect });
  } catch (err) {
    if (err instanceof StartAbortedError) throw err;
    log.error({ err: describeCause(err) }, 'event dedupe store unavailable; duplicates are caught in this process only');
    return new MemoryOnceStore();
  }
}

function waitForSignal(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

process.exitCode = await main();
// Whatever handle a library left open must not keep a stopped bot alive
setTimeout(() => process.exit(), 5000).unref();
