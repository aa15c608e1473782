import type { webApi } from '@slack/bolt';
import type { Reply } from '../../src/bot/reply.ts';
import type { Logger } from '../../src/logger.ts';
import { EditThrottle } from '../shared/edit-throttle.ts';
import { renderSlack, type SlackMessage } from './render-slack.ts';
import { slackErrorCode } from './slack-api-errors.ts';
import { postMessages } from './slack-responses.ts';

/** A streamed answer edits its message at most this often (Slack allows about one chat.update per second). */
const STREAM_EDIT_MS = 1000;

export interface LiveMessage {
  push(reply: Reply): void;
  finish(messages: SlackMessage[]): Promise<void>;
}

/**
 * A message the bot posts and then edits while a generated answer streams (mentions and DMs,
 * never ephemeral replies): partial replies at most once per STREAM_EDIT_MS, then the final
 * reply replaces it (or is posted as usual when no partial went out).
 */
export function liveMessage(client: webApi.WebClient, log: Logger, channel: string, threadTs?: string): LiveMessage {
  let ts: string | undefined;
  const throttle = new EditThrottle<Reply>(
    async (partial) => {
      const [m] = renderSlack(partial);
      if (!m) return;
      if (ts) await client.chat.update({ channel, ts, text: m.text, blocks: m.blocks });
      else ts = (await client.chat.postMessage({ channel, text: m.text, blocks: m.blocks, ...(threadTs ? { thread_ts: threadTs } : {}), unfurl_links: false, unfurl_media: false })).ts;
    },
    (err) => log.warn({ err: slackErrorCode(err) ?? String(err), channel }, 'slack: partial answer not shown'),
    STREAM_EDIT_MS,
  );
  return {
    push: (reply: Reply) => throttle.push(reply),
    async finish(messages: SlackMessage[]): Promise<void> {
      await throttle.close();
      const [first, ...rest] = messages;
      if (!ts || !first) return postMessages(client, channel, messages, threadTs);
      await client.chat.update({ channel, ts, text: first.text, blocks: first.blocks });
      await postMessages(client, channel, rest, threadTs);
    },
  };
}
