// The port every chat surface implements: main.ts starts the configured ones through it alone.
import type { DestinationStream } from 'pino';
import type { Bot } from './bot/bot.ts';
import type { Surface } from './bot/help.ts';
import type { Config } from './config.ts';
import type { IndexProgress } from './load-engine.ts';
import type { Logger } from './logger.ts';
import type { DigestChannel } from './schedule/digest-channel.ts';

/** What every chat adapter gets from the composition root: the Bot, and nothing else of the bot's state. */
export interface AdapterDeps {
  bot: Bot;
  log: Logger;
  config: Config;
}

/** One running chat surface: it parses platform events into calls on the Bot and renders the replies. */
export interface ChatAdapter {
  readonly name: Surface;
  /** Connects (or starts reading) and resolves once requests are taken. */
  start(): Promise<void>;
  /** Stops taking work and finishes what is in flight; safe to call twice. */
  stop(): Promise<void>;
  /** Where this surface's scheduled digests are posted; only after `start`. */
  digestChannel(): DigestChannel;
  /** Resolves when the surface ends by itself (the console's input ran out, or quit); chat platforms run until stopped. */
  readonly ended?: Promise<void>;
}

/** How the terminal is used before the logger exists: only a surface that owns stdout (the console) says. */
export interface AdapterOutput {
  /** Where logs go instead of stderr. */
  logDestination?: DestinationStream;
  /** The loading line while the corpus is indexed. */
  progress?: { onProgress: IndexProgress; finish(): void };
}

/** A chosen surface before start-up: it may claim the terminal first, then makes its adapter. */
export interface AdapterFactory {
  readonly name: Surface;
  /** True when the platform may deliver one event twice (to another replica too): the Bot is then given a shared once store. */
  readonly dedupesEvents?: boolean;
  prepare?(config: Config): AdapterOutput;
  create(deps: AdapterDeps): ChatAdapter;
}
