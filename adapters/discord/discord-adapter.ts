import {
  Client,
  DefaultRestOptions,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Partials,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type Message,
} from 'discord.js';
import { DM_WORKSPACE, type Bot, type CallContext } from '../../src/bot/bot.ts';
import { cleanInput, parseSubcommand, type ParsedCommand } from '../../src/bot/command.ts';
import { helpReply } from '../../src/bot/help.ts';
import type { Reply } from '../../src/bot/reply.ts';
import type { Config } from '../../src/config.ts';
import { ConfigError, makeErrorReference } from '../../src/errors.ts';
import type { Logger } from '../../src/logger.ts';
import type { DigestChannel } from '../../src/schedule/digest-channel.ts';
import { MAX_CHOICES, resolveChoiceValue, toChoices } from './article-choices.ts';
import { createDiscordDigestChannel } from './discord-digest-channel.ts';
import { daysChoices, timeChoices, timezoneChoices } from './schedule-choices.ts';
import { PLATFORM_RETRY, withBackoff } from '../shared/retry.ts';
import { EditThrottle } from '../shared/edit-throttle.ts';
import { parseFeedbackCustomId, parsePickCustomId, renderDiscord, type DiscordMessage, type FeedbackVote } from './render-discord.ts';

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

const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;
/** A streamed answer edits its message at most this often. */
const STREAM_EDIT_MS = 1000;

/** What a user sees when something unexpected broke; the reference finds the log line. */
export function apologyText(ref: string): string {
  return `Sorry, something went wrong on my side. If it keeps happening, quote reference ${ref}.`;
}

/** One vote on one answer: who, which answer, which way; never the message text. */
export interface FeedbackRecord {
  surface: 'discord';
  /** The answer's reference: the id of the interaction or message it answered. */
  answer: string;
  messageId: string | null;
  channelId: string | null;
  userId: string;
  vote: FeedbackVote;
  at: string;
}

/** Strips the bot's own mention tokens (`<@id>`, `<@!id>`) from a message's text. */
export function stripBotMention(text: string, botId: string): string {
  return text.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The gateway shards this process holds, as discord.js client options: DISCORD_SHARDS of
 * DISCORD_SHARD_COUNT, or every shard of DISCORD_SHARD_COUNT, or (neither set) discord.js's
 * default: a single shard (enough below 2,500 servers).
 */
export function shardOptions(config: Pick<Config, 'DISCORD_SHARDS' | 'DISCORD_SHARD_COUNT'>): { shards?: number[]; shardCount?: number } {
  const count = config.DISCORD_SHARD_COUNT;
  if (count === undefined) return {};
  return { shards: config.DISCORD_SHARDS ?? Array.from({ length: count }, (_, i) => i), shardCount: count };
}

/** The shard whose gateway connection carries a guild's events: `(guild_id >> 22) % shardCount` (DMs: shard 0). */
export function shardOfGuild(guildId: string | null, shardCount: number): number {
  if (!guildId) return 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
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

  const sharding = shardOptions(config);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    rest: {
      ...(api ? { api } : {}),
      // @discordjs/rest 2.6 retries a 5xx at once, without waiting, and a network error only on its
      // own timeout (AbortError) or ECONNRESET: retries: 0 leaves all retrying to the back-off below.
      retries: 0,
      // 5xx and network errors (ECONNREFUSED, ETIMEDOUT, resets…) retried PLATFORM_RETRY.retries
      // times with exponential back-off and jitter; 4xx and 429 go straight back to discord.js.
      makeRequest: withBackoff((url, init) => DefaultRestOptions.makeRequest(url, init), {
        policy: PLATFORM_RETRY,
        onRetry: (what, attempt, delayMs) => log.warn({ what, attempt, delayMs }, 'discord: REST request failed; retrying'),
      }),
    },
    ...sharding,
  });
  if (sharding.shards) log.info({ shards: sharding.shards, shardCount: sharding.shardCount }, 'discord: holding these gateway shards');

  const pending = new Set<Promise<unknown>>();
  let stopping = false;
  const track = (work: Promise<unknown>, what: Record<string, unknown>) => {
    const p = work.catch((err: unknown) => log.error({ err, ...what }, 'discord handler failed'));
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };

  client.on(Events.InteractionCreate, (interaction) => {
    if (!stopping) track(onInteraction(interaction), { interactionId: interaction.id });
  });
  client.on(Events.MessageCreate, (message) => {
    if (!stopping) track(onMessage(message), { messageId: message.id });
  });
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ detail: message }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shardId) => log.warn({ shardId, code: event.code }, 'discord gateway disconnected'));
  client.on(Events.ShardReconnecting, (shardId) => log.info({ shardId }, 'discord gateway reconnecting'));
  client.on(Events.ShardResume, (shardId, replayed) => log.info({ shardId, replayed }, 'discord gateway resumed'));
  // discord.js prints the token's first parts in its debug output ("Provided token: …"): never logged
  client.on(Events.Debug, (message) => log.trace({ detail: message.replace(/(token:?\s*)\S+/gi, '$1[redacted]') }, 'discord debug'));

  // ---- slash commands, autocomplete, buttons -------------------------------------------

  async function onInteraction(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) return autocomplete(interaction);
    if (interaction.isButton()) return parsePickCustomId(interaction.customId) !== null ? pick(interaction) : feedback(interaction);
    if (interaction.isChatInputCommand()) return command(interaction);
  }

  function interactionContext(interaction: ChatInputCommandInteraction): CallContext {
    const channelId = interaction.channelId ?? `user:${interaction.user.id}`;
    const inConversation = !interaction.inGuild() || interaction.channel?.isThread() === true;
    // A DM and a thread are one conversation; in a server channel each user has their own.
    const ctx: CallContext = { surface: 'discord', conversationId: inConversation ? channelId : `${channelId}:${interaction.user.id}`, userId: interaction.user.id };
    if (interaction.commandName !== 'digest') return ctx;
    // The digest belongs to the channel; changing it needs Manage Channels or Manage Server there
    // (the member's permissions as the interaction carries them, i.e. at run time); in a DM, the user themself.
    const permissions = interaction.inGuild() ? interaction.memberPermissions : null;
    const canManageDigest = permissions ? permissions.any([PermissionFlagsBits.ManageChannels, PermissionFlagsBits.ManageGuild]) : !interaction.inGuild();
    const guildId = interaction.guildId;
    return {
      ...ctx,
      channelKey: `discord:${channelId}`,
      canManageDigest,
      // a DM's digest belongs to no server: marked so, it is never counted as an unattributed old record
      workspaceId: guildId ?? DM_WORKSPACE,
      // a subscription stored before its guild was kept: the guild of the channel, when this shard has it cached
      workspaceOf: (channelKey: string) => {
        const channel = client.channels.cache.get(channelKey.slice('discord:'.length));
        return channel && 'guildId' in channel && typeof channel.guildId === 'string' ? channel.guildId : undefined;
      },
    };
  }

  async function toCommand(interaction: ChatInputCommandInteraction): Promise<ParsedCommand> {
    const opt = (name: string) => cleanInput(interaction.options.getString(name) ?? '');
    switch (interaction.commandName) {
      case 'ask':
        return parseSubcommand('ask', opt('question'));
      case 'brief':
        return { ok: true, command: { name: 'brief', topic: opt('topic'), since: opt('since') || null } };
      case 'summary':
        return parseSubcommand('summary', await resolveChoiceValue(opt('article'), (key) => bot.articleIdForKey(key)));
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

  async function command(interaction: ChatInputCommandInteraction): Promise<void> {
    const base = { interactionId: interaction.id, command: interaction.commandName, userId: interaction.user.id };
    try {
      const parsed = await toCommand(interaction);
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
        const reply = await bot.handle(parsed.command, interactionContext(interaction));
        await deliver(interaction, renderDiscord(reply), true);
        return;
      }
      // The engine may take longer than Discord's 3 seconds: acknowledge first, edit when done.
      // `/digest status` and `/digest list` (channel names of the whole server) are for the asker only.
      const privately = parsed.command.name === 'digest' && (parsed.command.action === 'status' || parsed.command.action === 'list');
      await interaction.deferReply(privately ? { flags: MessageFlags.Ephemeral } : {});
      // a public deferred reply can be edited: a generated answer streams into it
      const live = privately ? null : new EditThrottle<Reply>(async (partial) => void (await interaction.editReply(renderDiscord(partial)[0]!)), streamError, STREAM_EDIT_MS);
      const reply = await bot.handle(parsed.command, { ...interactionContext(interaction), ...(live ? { onPartial: (r: Reply) => live.push(r) } : {}) });
      await live?.close();
      const isError = reply.kind === 'error';
      const messages = renderDiscord(reply, reply.kind === 'answer' ? { feedbackRef: interaction.id } : {});
      await deliver(interaction, messages, isError || privately, (live?.sent ?? 0) > 0);
      log.info({ ...base, reply: reply.kind, messages: messages.length }, 'discord command answered');
    } catch (err) {
      const ref = makeErrorReference();
      log.error({ err, ...base, ref }, 'discord reply failed');
      await apologize(interaction, ref).catch((err2: unknown) => log.error({ err: err2, ...base, ref }, 'discord apology failed'));
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

  const streamError = (err: unknown) => log.warn({ err }, 'discord: partial answer not shown');

  async function apologize(interaction: ChatInputCommandInteraction | ButtonInteraction, ref: string): Promise<void> {
    const payload = {
      content: apologyText(ref),
      embeds: [],
      components: [],
      allowedMentions: { parse: [] as [] },
      flags: MessageFlags.Ephemeral as const,
    };
    if (interaction.deferred && !interaction.ephemeral) await interaction.deleteReply().catch(() => undefined);
    if (interaction.deferred || interaction.replied) await interaction.followUp(payload);
    else await interaction.reply(payload);
  }

  async function autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    // the engine matches (in its thread): 25 listings cross, not the corpus
    const typed = String(focused.value);
    let choices: { name: string; value: string }[] = [];
    if (interaction.commandName === 'summary' && focused.name === 'article') choices = toChoices(await bot.matchTitles(typed, MAX_CHOICES));
    else if (interaction.commandName === 'digest' && focused.name === 'timezone') choices = timezoneChoices(typed, config.DEFAULT_TIMEZONE);
    else if (interaction.commandName === 'digest' && focused.name === 'time') choices = timeChoices(typed);
    else if (interaction.commandName === 'digest' && focused.name === 'days') choices = daysChoices(typed);
    await interaction.respond(choices);
  }

  async function feedback(interaction: ButtonInteraction): Promise<void> {
    const parsed = parseFeedbackCustomId(interaction.customId);
    if (!parsed) return;
    const record: FeedbackRecord = {
      surface: 'discord',
      answer: parsed.ref,
      messageId: interaction.message?.id ?? null,
      channelId: interaction.channelId ?? null,
      userId: interaction.user.id,
      vote: parsed.vote,
      at: new Date().toISOString(),
    };
    try {
      // One vote per person per answer: voting again replaces the vote.
      await bot.recordFeedback({ surface: 'discord', userId: interaction.user.id }, parsed.ref, record);
      log.info({ interactionId: interaction.id, ...record }, 'answer feedback');
      await interaction.reply({
        content: parsed.vote === 'helpful' ? 'Thanks, noted as helpful.' : 'Thanks, noted as not helpful.',
        flags: MessageFlags.Ephemeral,
        allowedMentions: { parse: [] },
      });
    } catch (err) {
      const ref = makeErrorReference();
      log.error({ err, interactionId: interaction.id, ref }, 'discord feedback failed');
      await apologize(interaction, ref).catch((err2: unknown) => log.error({ err: err2, interactionId: interaction.id, ref }, 'discord apology failed'));
    }
  }

  /** A click on one of the other articles a summary request matched: that article's summary, shown as `/summary` shows it. */
  async function pick(interaction: ButtonInteraction): Promise<void> {
    const value = parsePickCustomId(interaction.customId) ?? '';
    try {
      const id = await resolveChoiceValue(value, (key) => bot.articleIdForKey(key));
      const inConversation = !interaction.inGuild() || interaction.channel?.isThread() === true;
      const channelId = interaction.channelId ?? `user:${interaction.user.id}`;
      const reply = await bot.handle({ name: 'summary', target: id }, { surface: 'discord', conversationId: inConversation ? channelId : `${channelId}:${interaction.user.id}`, userId: interaction.user.id });
      const [first, ...rest] = renderDiscord(reply);
      await interaction.reply({ ...first!, ...(reply.kind === 'error' ? { flags: MessageFlags.Ephemeral } : {}) });
      for (const m of rest) await interaction.followUp(m);
      log.info({ interactionId: interaction.id, reply: reply.kind }, 'discord article picked');
    } catch (err) {
      const ref = makeErrorReference();
      log.error({ err, interactionId: interaction.id, ref }, 'discord pick failed');
      await apologize(interaction, ref).catch((err2: unknown) => log.error({ err: err2, interactionId: interaction.id, ref }, 'discord apology failed'));
    }
  }

  // ---- direct messages and mentions ------------------------------------------------------

  async function conversationFor(message: Message): Promise<string> {
    if (!message.inGuild() || message.channel.isThread()) return message.channelId;
    // A reply to one of the bot's answers in a server channel continues that answer's conversation.
    const repliedTo = message.reference?.messageId;
    if (repliedTo) {
      const known = await bot.linkedConversation('discord', repliedTo);
      if (known) return known;
    }
    return `message:${message.id}`;
  }

  async function onMessage(message: Message): Promise<void> {
    if (message.author.bot || message.system || message.webhookId) return;
    const me = client.user;
    if (!me || message.author.id === me.id) return;
    const inDm = !message.inGuild();
    // In servers only messages that mention the bot reach it (and only those carry content).
    if (!inDm && !message.mentions.users.has(me.id)) return;
    const channel = message.channel;
    if (!channel.isSendable()) return;

    const base = { messageId: message.id, channelId: message.channelId, userId: message.author.id, dm: inDm };
    const text = cleanInput(stripBotMention(message.content, me.id));
    let reply: Reply;
    let conversationId = message.channelId;
    // the bot's own answer can be edited: a generated answer streams into it, the final reply replaces it
    const streamed: { message: Message | null } = { message: null };
    const live = new EditThrottle<Reply>(
      async (partial) => {
        const payload = renderDiscord(partial)[0]!;
        if (streamed.message) await streamed.message.edit(payload);
        else streamed.message = inDm ? await channel.send(payload) : await message.reply(payload);
      },
      streamError,
      STREAM_EDIT_MS,
    );
    try {
      conversationId = await conversationFor(message);
      // every message in words goes through the Bot's one entry for free text
      void channel.sendTyping().catch(() => undefined);
      reply = (await bot.handleText(text, { surface: 'discord', conversationId, userId: message.author.id, onPartial: (r) => live.push(r) })).reply;
    } catch (err) {
      const ref = makeErrorReference();
      log.error({ err, ...base, ref }, 'discord message failed');
      reply = { kind: 'error', code: 'internal', message: apologyText(ref) };
    }

    await live.close();
    const messages = renderDiscord(reply, reply.kind === 'answer' ? { feedbackRef: message.id } : {});
    try {
      const sent: Message[] = [];
      for (const [i, payload] of messages.entries()) {
        const first = i === 0 ? streamed.message : null;
        sent.push(first ? await first.edit(payload) : i === 0 && !inDm ? await message.reply(payload) : await channel.send(payload));
      }
      if (!inDm && !channel.isThread()) {
        for (const m of sent) await bot.linkReply({ surface: 'discord', conversationId, userId: message.author.id }, m.id);
      }
      log.info({ ...base, reply: reply.kind, messages: messages.length }, 'discord message answered');
    } catch (err) {
      const ref = makeErrorReference();
      log.error({ err, ...base, ref }, 'discord reply failed');
      await channel.send({ content: apologyText(ref), allowedMentions: { parse: [] } }).catch(() => undefined);
    }
  }

  // ---- start and stop --------------------------------------------------------------------

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
