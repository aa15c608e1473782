import type { webApi } from '@slack/bolt';
import type { CallContext } from '../../src/bot/bot.ts';
import { liveMessage } from './live-message.ts';
import { renderSlack } from './render-slack.ts';
import { apology, newRef, runCommand, type SlackContext } from './slack-context.ts';
import { decodeSlackText } from './slack-text.ts';

/** The fields of a message or app_mention event that the bot reads. */
interface MessageLike {
  type: string;
  subtype?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  channel: string;
  channel_type?: string;
  ts: string;
  thread_ts?: string;
  edited?: unknown;
}

interface Turn {
  client: webApi.WebClient;
  text: string;
  channel: string;
  user: string;
  conversationId: string;
  threadTs?: string;
  eventId?: string;
}

/** One message in words answered in its channel or thread, a generated answer streaming into it. */
async function converse(s: SlackContext, turn: Turn): Promise<void> {
  const live = liveMessage(turn.client, s.log, turn.channel, turn.threadTs);
  try {
    // "ask …" typed out of habit is the question after it
    const text = decodeSlackText(turn.text, s.self.botUserId).replace(/^ask\s+/i, '');
    const ctx: CallContext = { surface: 'slack', conversationId: turn.conversationId, userId: turn.user, onPartial: live.push };
    const { reply } = await s.inTurn(() =>
      s.bot.handleText(text, ctx, { run: (c, x) => runCommand(s, c, x, turn.client), timezone: async () => (await s.users.info(turn.client, turn.user)).tz }),
    );
    const answerRef = reply.kind === 'answer' ? newRef() : undefined;
    await live.finish(renderSlack(reply, answerRef ? { answerRef } : {}));
  } catch (err) {
    const reply = apology(s, err, 'conversation', { user: turn.user, channel: turn.channel, eventId: turn.eventId });
    // a partial answer already shown is replaced by the apology, not left half-written
    await live.finish(renderSlack(reply)).catch((e: unknown) => s.log.error({ err: e }, 'slack: apology not delivered'));
  }
}

/**
 * Mentions (answered in their thread) and direct messages: the bot's own and other bots'
 * messages, edits and subtypes are left alone, and an event Slack delivers twice (to another
 * replica too) is answered once: the Bot knows which events it has seen.
 */
export function handleConversation(s: SlackContext): void {
  const { botId, botUserId } = s.self;
  const fromUs = (e: MessageLike) => Boolean(e.bot_id) || (botId !== undefined && e.bot_id === botId) || (botUserId !== undefined && e.user === botUserId);
  const firstDelivery = async (eventId: string | undefined) => {
    if (!eventId || (await s.bot.firstDelivery('slack', eventId))) return true;
    s.log.info({ eventId }, 'slack: duplicate event ignored');
    return false;
  };

  s.app.event('app_mention', async ({ event, body, client }) => {
    const e = event as unknown as MessageLike;
    if (e.subtype || e.edited || fromUs(e) || !e.user) return;
    if (e.channel.startsWith('D')) return; // a DM: the message.im event answers it
    if (!(await firstDelivery(body.event_id))) return;
    const threadTs = e.thread_ts ?? e.ts;
    await converse(s, { client, text: e.text ?? '', channel: e.channel, user: e.user, conversationId: `${e.channel}:${threadTs}`, threadTs, eventId: body.event_id });
  });

  s.app.event('message', async ({ event, body, client }) => {
    const e = event as unknown as MessageLike;
    if (e.channel_type !== 'im') return;
    if (e.subtype || e.edited || fromUs(e) || !e.user) return;
    if (!(await firstDelivery(body.event_id))) return;
    await converse(s, {
      client,
      text: e.text ?? '',
      channel: e.channel,
      user: e.user,
      conversationId: e.channel,
      ...(e.thread_ts ? { threadTs: e.thread_ts } : {}),
      eventId: body.event_id,
    });
  });
}
