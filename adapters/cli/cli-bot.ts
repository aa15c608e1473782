// The Bot a CLI run talks to: every command goes through it, as on every other surface.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bot, type BotDeps } from '../../src/bot/bot.ts';
import type { Logger } from '../../src/logger.ts';
import type { GenerativeAnswerer } from '../../src/llm/generate-answer.ts';
import { openStore } from '../../src/store/open-store.ts';

export interface CliBotOptions {
  engine: BotDeps['engine'];
  log: Logger;
  defaultTimezone: string;
  generator?: GenerativeAnswerer;
  now?: () => Date;
}

/** Runs `use` with a Bot whose state lives in a temporary store, removed at the end (the CLI keeps no state). */
export async function withCliBot<T>(options: CliBotOptions, use: (bot: Bot) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-cli-'));
  try {
    const store = await openStore({ dataDir: dir, log: options.log });
    try {
      const bot = new Bot({
        engine: options.engine,
        store,
        log: options.log,
        defaultTimezone: options.defaultTimezone,
        ...(options.now ? { now: options.now } : {}),
        ...(options.generator ? { generator: options.generator } : {}),
      });
      return await use(bot);
    } finally {
      await store.close().catch(() => undefined);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
