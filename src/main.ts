import { Bot } from './bot/bot.ts';
import { loadConfig, readDotEnv, type Config } from './config.ts';
import { ConfigError, CorpusUnreadableError } from './errors.ts';
import { loadEngine } from './load-engine.ts';
import { createLogger, type Logger } from './logger.ts';
import { openStore, type Store } from './store/open-store.ts';
import { createDigestService } from './schedule/digest-service.ts';

/** What every chat adapter gets from the composition root, and what it gives back. */
export interface AdapterDeps {
  bot: Bot;
  store: Store;
  log: Logger;
  config: Config;
}
interface RunningAdapter {
  stop(): Promise<void>;
}

/** Starts every adapter whose token is set; loaded lazily so the console never loads a chat SDK. */
async function startChatAdapters(deps: AdapterDeps): Promise<RunningAdapter[]> {
  const running: RunningAdapter[] = [];
  if (deps.config.SLACK_BOT_TOKEN) {
    const { startSlack } = await import('../adapters/slack/slack-adapter.ts');
    running.push(await startSlack(deps));
    deps.log.info('slack adapter started');
  }
  if (deps.config.DISCORD_TOKEN) {
    const { startDiscord } = await import('../adapters/discord/discord-adapter.ts');
    running.push(await startDiscord(deps));
    deps.log.info('discord adapter started');
  }
  return running;
}

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
  const log = createLogger(config.LOG_LEVEL);
  let store: Store | undefined;
  try {
    const engine = await loadEngine(config.CORPUS_DIR, log);
    store = await openStore({ dataDir: config.DATA_DIR, redisUrl: config.REDIS_URL, log });
    const digests = await createDigestService({
      engine,
      store,
      log,
      dataDir: config.DATA_DIR,
      redisUrl: config.REDIS_URL,
      catchupHours: config.DIGEST_CATCHUP_HOURS,
      defaultTimezone: config.DEFAULT_TIMEZONE,
    });
    const bot = new Bot({ engine, store, log, defaultTimezone: config.DEFAULT_TIMEZONE, digests });
    const deps: AdapterDeps = { bot, store, log, config };
    const adapters = await startChatAdapters(deps);
    if (adapters.length === 0) {
      const { runConsole } = await import('../adapters/console/console-adapter.ts');
      const { createConsoleDigestChannel } = await import('../adapters/console/console-digest-channel.ts');
      await digests.start(new Map([['console', createConsoleDigestChannel(process.stdout)]]));
      await runConsole({ bot, log });
      await digests.stop();
      await store.close();
      return 0;
    }
    await waitForSignal(log);
    await Promise.allSettled(adapters.map((a) => a.stop()));
    await digests.stop();
    await store.close();
    return 0;
  } catch (err) {
    await store?.close().catch(() => undefined);
    if (err instanceof CorpusUnreadableError || err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

function waitForSignal(log: Logger): Promise<void> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      log.info({ signal }, 'stopping');
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

process.exitCode = await main();
