import type { Message } from 'discord.js';
import { cleanInput } from '../../src/bot/command.ts';
import type { Reply } from '../../src/bot/reply.ts';
import { makeErrorReference } from '../../src/errors.ts';
import { EditThrottle } from '../shared/edit-throttle.ts';
import { apologyText, STREAM_EDIT_MS, type DiscordContext } from './discord-context.ts';
import { renderDiscord } from './render-discord.ts';

/** Strips the bot's own mention tokens (`<@id>`, `<@!id>`) from a message's text. */
export function stripBotMention(text: string, botId: string): string {
  return text.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

async function conversationFor(s: DiscordContext, message: Message): Promise<string> {
  if (!message.inGuild() || message.channel.isThread()) return message.channelId;
  // A reply to one of the bot's answers in a server channel continues that answer's conversation.
  const repliedTo = message.reference?.messageId;
  if (repliedTo) {
    const known = await s.bot.linkedConversation('discord', repliedTo);
    if (known) return known;
  }
  return `message:${message.id}`;
}

/** A DM, or a server message that mentions the bot: answered in words, a generated answer streaming into the bot's reply. */
export async function handleMessage(s: DiscordContext, message: Message): Promise<void> {
  if (message.author.bot || message.system || message.webhookId) return;
  const me = s.client.user;
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
    (err) => s.log.warn({ err }, 'discord: partial answer not shown'),
    STREAM_EDIT_MS,
  );
  try {
    conversationId = await conversationFor(s, message);
    // every message in words goes through the Bot's one entry for free text
    void channel.sendTyping().catch(() => undefined);
    reply = (await s.bot.handleText(text, { surface: 'discord', conversationId, userId: message.author.id, onPartial: (r) => live.push(r) })).reply;
  } catch (err) {
    const ref = makeErrorReference();
    s.log.error({ err, ...base, ref }, 'discord message failed');
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
      for (const m of sent) await s.bot.linkReply({ surface: 'discord', conversationId, userId: message.author.id }, m.id);
    }
    s.log.info({ ...base, reply: reply.kind, messages: messages.length }, 'discord message answered');
  } catch (err) {
    const ref = makeErrorReference();
    s.log.error({ err, ...base, ref }, 'discord reply failed');
    await channel.send({ content: apologyText(ref), allowedMentions: { parse: [] } }).catch(() => undefined);
  }
}
