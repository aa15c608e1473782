import { webApi } from '@slack/bolt';
import type { Logger } from '../../src/logger.ts';
import { channelGone, rateLimited, type DigestChannel } from '../../src/schedule/digest-channel.ts';
import { partOf, type FoundPart } from '../shared/digest-parts.ts';
import { createPlatformDigestChannel } from '../shared/platform-digest-channel.ts';
import { renderSlack, type SlackMessage } from './render-slack.ts';
import { slackErrorCode } from './slack-api-errors.ts';

type WebClient = webApi.WebClient;

/** `metadata.event_type` of a scheduled digest's messages; `event_payload` holds `slot_id`, `part`, `parts`. */
export const DIGEST_EVENT_TYPE = 'briefing_digest';
/** How many of the channel's most recent messages the read-back looks at. */
export const HISTORY_LIMIT = 50;

/** Web API errors that mean the bot cannot post to (or read) the channel any more: the subscription pauses. */
export const GONE_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'channel_is_archived',
  'account_inactive',
  'token_revoked',
  'missing_scope',
]);

/** Turns a Web API failure into a DigestChannelError where it is one (gone, rate limited); else rethrows it. */
export function classifySlackError(err: unknown): never {
  const e = err as { code?: unknown; retryAfter?: unknown; data?: { response_metadata?: { retryAfter?: unknown } } } | undefined;
  // HTTP 429 with Retry-After (seconds), surfaced because the client rejects rate-limited calls
  if (e?.code === webApi.ErrorCode.RateLimitedError) {
    const seconds = Number(e.retryAfter);
    throw rateLimited(Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000, 'ratelimited');
  }
  const code = slackErrorCode(err);
  if (code === 'ratelimited') {
    const seconds = Number(e?.data?.response_metadata?.retryAfter);
    throw rateLimited(Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000, 'ratelimited');
  }
  if (code && GONE_ERRORS.has(code)) throw channelGone(code);
  throw err;
}

export interface SlackDigestChannelOptions {
  /** A client that rejects rate-limited calls (`rejectRateLimitedCalls: true`) and does not retry posts by itself. */
  client: WebClient;
  log: Logger;
}

/**
 * Scheduled digests in Slack channels: `chat.postMessage` with the slot in the message
 * `metadata`, read back with `conversations.history` (`include_all_metadata`), and a DM to the
 * subscriber when the channel is gone.
 */
export function createSlackDigestChannel({ client, log }: SlackDigestChannelOptions): DigestChannel {
  const post = (channel: string, m: SlackMessage, metadata?: { event_type: string; event_payload: Record<string, string | number> }) =>
    client.chat.postMessage({ channel, text: m.text, blocks: m.blocks, unfurl_links: false, unfurl_media: false, ...(metadata ? { metadata } : {}) });
  return createPlatformDigestChannel<SlackMessage>({
    surface: 'slack',
    log,
    classify: classifySlackError,
    render: (reply) => renderSlack(reply),
    post: (channel, m, part, parts, slotId) => post(channel, m, { event_type: DIGEST_EVENT_TYPE, event_payload: { slot_id: slotId, part, parts } }),
    async findParts(channel, slotId) {
      const history = await client.conversations.history({ channel, limit: HISTORY_LIMIT, include_all_metadata: true });
      const found: FoundPart[] = [];
      for (const message of history.messages ?? []) {
        const metadata = (message as { metadata?: { event_type?: unknown; event_payload?: Record<string, unknown> } }).metadata;
        if (metadata?.event_type !== DIGEST_EVENT_TYPE || metadata.event_payload?.slot_id !== slotId) continue;
        found.push(partOf(metadata.event_payload.part, metadata.event_payload.parts));
      }
      return found;
    },
    async notifyUser(userId, text) {
      const opened = await client.conversations.open({ users: userId });
      const dm = opened.channel?.id ?? userId;
      for (const m of renderSlack({ kind: 'notice', text })) await post(dm, m);
    },
  });
}
