import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction, type Client } from 'discord.js';
import type { Bot } from '../../src/bot/bot.ts';
import type { Config } from '../../src/config.ts';
import { makeErrorReference } from '../../src/errors.ts';
import type { Logger } from '../../src/logger.ts';

/** What every Discord handler works with: the Bot, the gateway client and the adapter's logger and settings. */
export interface DiscordContext {
  bot: Bot;
  client: Client;
  log: Logger;
  config: Config;
}

/** A streamed answer edits its message at most this often. */
export const STREAM_EDIT_MS = 1000;

/** What a user sees when something unexpected broke; the reference finds the log line. */
export function apologyText(ref: string): string {
  return `Sorry, something went wrong on my side. If it keeps happening, quote reference ${ref}.`;
}

/** A DM and a thread are one conversation; in a server channel each user has their own. */
export function interactionConversation(interaction: ChatInputCommandInteraction | ButtonInteraction): string {
  const channelId = interaction.channelId ?? `user:${interaction.user.id}`;
  const inConversation = !interaction.inGuild() || interaction.channel?.isThread() === true;
  return inConversation ? channelId : `${channelId}:${interaction.user.id}`;
}

/** An interaction that failed: the error logged under a reference, and the user told it privately. */
export async function apologize(s: DiscordContext, interaction: ChatInputCommandInteraction | ButtonInteraction, err: unknown, what: string, base: Record<string, unknown>): Promise<void> {
  const ref = makeErrorReference();
  s.log.error({ err, ...base, ref }, `discord ${what} failed`);
  const payload = {
    content: apologyText(ref),
    embeds: [],
    components: [],
    allowedMentions: { parse: [] as [] },
    flags: MessageFlags.Ephemeral as const,
  };
  try {
    if (interaction.deferred && !interaction.ephemeral) await interaction.deleteReply().catch(() => undefined);
    if (interaction.deferred || interaction.replied) await interaction.followUp(payload);
    else await interaction.reply(payload);
  } catch (err2) {
    s.log.error({ err: err2, ...base, ref }, 'discord apology failed');
  }
}
