import { Bot } from './bot/bot.ts';
import { loadConfig, readDotEnv } from './config.ts';
import { ConfigError, CorpusUnreadableError } from './errors.ts';
import { loadEngine } from './load-engine.ts';
import { createLogger } from './logger.ts';
import { openStore } from './store/open-store.ts';
import { runConsole } from '../adapters/console/console-adapter.ts';

/** The composition root: one engine, one store, then every configured adapter. */
async function main(): Promise<number> {
  readDotEnv();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`configuration error: ${(err as Error).message}\n`);
    return 2;
  }
  const log = createLogger(config.LOG_LEVEL);
  try {
    const engine = await loadEngine(config.CORPUS_DIR, log);
    const store = await openStore({ dataDir: config.DATA_DIR, redisUrl: config.REDIS_URL, log });
    const bot = new Bot({ engine, store, log, defaultTimezone: config.DEFAULT_TIMEZONE });
    const chat = [config.SLACK_BOT_TOKEN && 'slack', config.DISCORD_TOKEN && 'discord'].filter(Boolean);
    if (chat.length) log.warn({ adapters: chat }, 'chat adapters are configured but not built yet; starting the console');
    await runConsole({ bot, log });
    await store.close();
    return 0;
  } catch (err) {
    if (err instanceof CorpusUnreadableError || err instanceof ConfigError) {
      log.fatal(err.message);
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

process.exitCode = await main();
