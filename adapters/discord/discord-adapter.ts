// Discord's wiring: the gateway client, each interaction or message to its handler (handle-*.ts), start and a graceful stop.
import { Events, type Interaction } from 'discord.js';
import type { Bot } from '../../src/bot/bot.ts';
import type { Config } from '../../src/config.ts';
import { ConfigError } from '../../src/errors.ts';
import type { Logger } from '../../src/logger.ts';
import type { DigestChannel } from '../../src/schedule/digest-channel.ts';
import { createDiscordClient } from './discord-client.ts';
import type { DiscordContext } from './discord-context.ts';
import { createDiscordDigestChannel } from './discord-digest-channel.ts';
import { handleAutocomplete } from './handle-autocomplete.ts';
import { handleCommand } from './handle-command.ts';
import { handleFeedback } from './handle-feedback.ts';
import { handleMessage } from './handle-message.ts';
import { handlePick } from './handle-pick.ts';
import { parsePickCustomId } from './render-discord.ts';

export interface DiscordDeps {
  bot: Bot;
  log: Logger;
  config: Config;
}

export interface DiscordHandle {
  stop(): Promise<void>;
  /** Posts scheduled digests to Discord channels (for `digests.start`). */
  digestChannel: DigestChannel;
}

const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;

/** Slash commands, autocomplete and buttons, each to its handler. */
function routeInteraction(s: DiscordContext, interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) return handleAutocomplete(s, interaction);
  if (interaction.isButton()) return parsePickCustomId(interaction.customId) !== null ? handlePick(s, interaction) : handleFeedback(s, interaction);
  if (interaction.isChatInputCommand()) return handleCommand(s, interaction);
  return Promise.resolve();
}

/**
 * Starts the Discord adapter: logs in (REST at DISCORD_API_URL when set), answers slash
 * commands, DMs and mentions, and resolves once the client is ready.
 */
export async function startDiscord(deps: DiscordDeps): Promise<DiscordHandle> {
  const { bot, config } = deps;
  const log = deps.log.child({ adapter: 'discord' });
  const token = config.DISCORD_TOKEN;
  if (!token) throw new ConfigError('DISCORD_TOKEN', 'is required to start the Discord adapter');
  const api = config.DISCORD_API_URL?.replace(/\/+$/, '');
  const client = createDiscordClient(config, api, log);
  const s: DiscordContext = { bot, client, log, config };

  // handlers in flight, so a stop can let them finish (bounded by STOP_GRACE_MS)
  const pending = new Set<Promise<unknown>>();
  let stopping = false;
  const track = (work: Promise<unknown>, what: Record<string, unknown>) => {
    const p = work.catch((err: unknown) => log.error({ err, ...what }, 'discord handler failed'));
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };
  client.on(Events.InteractionCreate, (interaction) => {
    if (!stopping) track(routeInteraction(s, interaction), { interactionId: interaction.id });
  });
  client.on(Events.MessageCreate, (message) => {
    if (!stopping) track(handleMessage(s, message), { messageId: message.id });
  });

  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Discord client not ready after ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
    timer.unref();
    client.once(Events.ClientReady, () => {
      clearTimeout(timer);
      resolve();
    });
  });
  try {
    await client.login(token);
    await ready;
  } catch (err) {
    await client.destroy().catch(() => undefined);
    throw err;
  }
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'discord adapter ready');
  const digestChannel = createDiscordDigestChannel({ token, api, log });

  return {
    digestChannel,
    async stop() {
      if (stopping) return;
      stopping = true;
      const grace = new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref());
      await Promise.race([Promise.allSettled([...pending]), grace]);
      await client.destroy();
      digestChannel.close();
      log.info('discord adapter stopped');
    },
  };
}
