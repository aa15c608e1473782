import { MessageFlags, PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import { DM_WORKSPACE, type CallContext } from '../../src/bot/bot.ts';
import { cleanInput, parseSubcommand, type ParsedCommand } from '../../src/bot/command.ts';
import { helpReply } from '../../src/bot/help.ts';
import type { Reply } from '../../src/bot/reply.ts';
import { EditThrottle } from '../shared/edit-throttle.ts';
import { resolveChoiceValue } from './article-choices.ts';
import { apologize, interactionConversation, STREAM_EDIT_MS, type DiscordContext } from './discord-context.ts';
import { renderDiscord, type DiscordMessage } from './render-discord.ts';

/** `/digest subscribe` options as the text form of the command (`topic:` last: it takes the rest). */
export function subscribeText(option: (name: string) => string): string {
  const compact = (value: string) => value.replace(/\s+/g, '');
  const parts = [`time:${compact(option('time'))}`];
  const timezone = compact(option('timezone'));
  const days = compact(option('days'));
  const topic = option('topic').trim();
  if (timezone) parts.push(`timezone:${timezone}`);
  if (days) parts.push(`days:${days}`);
  if (topic) parts.push(`topic:${topic}`);
  return `subscribe ${parts.join(' ')}`;
}

function interactionContext(s: DiscordContext, interaction: ChatInputCommandInteraction): CallContext {
  const ctx: CallContext = { surface: 'discord', conversationId: interactionConversation(interaction), userId: interaction.user.id };
  if (interaction.commandName !== 'digest') return ctx;
  // The digest belongs to the channel; changing it needs Manage Channels or Manage Server there
  // (the member's permissions as the interaction carries them, i.e. at run time); in a DM, the user themself.
  const permissions = interaction.inGuild() ? interaction.memberPermissions : null;
  const canManageDigest = permissions ? permissions.any([PermissionFlagsBits.ManageChannels, PermissionFlagsBits.ManageGuild]) : !interaction.inGuild();
  return {
    ...ctx,
    channelKey: `discord:${interaction.channelId ?? `user:${interaction.user.id}`}`,
    canManageDigest,
    // a DM's digest belongs to no server: marked so, it is never counted as an unattributed old record
    workspaceId: interaction.guildId ?? DM_WORKSPACE,
    // a subscription stored before its guild was kept: the guild of the channel, when this shard has it cached
    workspaceOf: (channelKey: string) => {
      const channel = s.client.channels.cache.get(channelKey.slice('discord:'.length));
      return channel && 'guildId' in channel && typeof channel.guildId === 'string' ? channel.guildId : undefined;
    },
  };
}

async function toCommand(s: DiscordContext, interaction: ChatInputCommandInteraction): Promise<ParsedCommand> {
  const opt = (name: string) => cleanInput(interaction.options.getString(name) ?? '');
  switch (interaction.commandName) {
    case 'ask':
      return parseSubcommand('ask', opt('question'));
    case 'brief':
      return { ok: true, command: { name: 'brief', topic: opt('topic'), since: opt('since') || null } };
    case 'summary':
      return parseSubcommand('summary', await resolveChoiceValue(opt('article'), (key) => s.bot.articleIdForKey(key)));
    case 'sources':
      return { ok: true, command: { name: 'sources', query: opt('query') } };
    case 'digest': {
      const sub = interaction.options.getSubcommand(false) ?? 'now';
      return parseSubcommand('digest', sub === 'subscribe' ? subscribeText(opt) : sub);
    }
    case 'help':
      return { ok: true, command: { name: 'help' } };
    case 'forget':
      return { ok: true, command: { name: 'forget' } };
    default:
      return { ok: false, error: { code: 'usage', message: `Unknown command /${interaction.commandName}. Try /help.` } };
  }
}

/** Sends messages as the interaction's response: public (edit the deferred reply) or ephemeral. */
async function deliver(interaction: ChatInputCommandInteraction, messages: DiscordMessage[], ephemeral: boolean, streamed = false): Promise<void> {
  const flags = ephemeral ? { flags: MessageFlags.Ephemeral as const } : {};
  let rest = messages;
  if (interaction.deferred && ephemeral && !interaction.ephemeral) {
    // A public "thinking…" placeholder cannot turn private: remove it, answer privately.
    await interaction.deleteReply();
  } else if (interaction.deferred && (!interaction.replied || streamed)) {
    // (a streamed answer has edited the reply already: the final answer replaces it)
    const [first, ...others] = messages;
    if (first) await interaction.editReply(first);
    rest = others;
  } else if (!interaction.replied && !interaction.deferred) {
    const [first, ...others] = messages;
    if (first) await interaction.reply({ ...first, ...flags });
    rest = others;
  }
  for (const message of rest) await interaction.followUp({ ...message, ...flags });
}

/** A slash command: parsed from its options, acknowledged (deferred) when the engine works, answered by editing. */
export async function handleCommand(s: DiscordContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const base = { interactionId: interaction.id, command: interaction.commandName, userId: interaction.user.id };
  try {
    const parsed = await toCommand(s, interaction);
    if (!parsed.ok) {
      await deliver(interaction, renderDiscord({ kind: 'error', ...parsed.error }), true);
      return;
    }
    if (parsed.command.name === 'help') {
      await deliver(interaction, renderDiscord(helpReply('discord')), true);
      return;
    }
    if (parsed.command.name === 'forget') {
      // quick, and private: what was deleted is nobody else's business
      const reply = await s.bot.handle(parsed.command, interactionContext(s, interaction));
      await deliver(interaction, renderDiscord(reply), true);
      return;
    }
    // The engine may take longer than Discord's 3 seconds: acknowledge first, edit when done.
    // `/digest status` and `/digest list` (channel names of the whole server) are for the asker only.
    const privately = parsed.command.name === 'digest' && (parsed.command.action === 'status' || parsed.command.action === 'list');
    await interaction.deferReply(privately ? { flags: MessageFlags.Ephemeral } : {});
    // a public deferred reply can be edited: a generated answer streams into it
    const live = privately
      ? null
      : new EditThrottle<Reply>(async (partial) => void (await interaction.editReply(renderDiscord(partial)[0]!)), (err) => s.log.warn({ err }, 'discord: partial answer not shown'), STREAM_EDIT_MS);
    const reply = await s.bot.handle(parsed.command, { ...interactionContext(s, interaction), ...(live ? { onPartial: (r: Reply) => live.push(r) } : {}) });
    await live?.close();
    const isError = reply.kind === 'error';
    const messages = renderDiscord(reply, reply.kind === 'answer' ? { feedbackRef: interaction.id } : {});
    await deliver(interaction, messages, isError || privately, (live?.sent ?? 0) > 0);
    s.log.info({ ...base, reply: reply.kind, messages: messages.length }, 'discord command answered');
  } catch (err) {
    await apologize(s, interaction, err, 'reply', base);
  }
}
