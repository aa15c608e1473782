import {
  DiscordAPIError,
  RateLimitError,
  REST,
  Routes,
  type APIDMChannel,
  type APIEmbed,
  type APIMessage,
  type RESTPostAPIChannelMessageJSONBody,
} from 'discord.js';
import type { Logger } from '../../src/logger.ts';
import { channelGone, rateLimited, slotMarker, type DigestChannel } from '../../src/schedule/digest-channel.ts';
import { partOf, type FoundPart } from '../shared/digest-parts.ts';
import { createPlatformDigestChannel } from '../shared/platform-digest-channel.ts';
import { DISCORD_LIMITS, embedLength, renderDiscord, type DiscordMessage } from './render-discord.ts';

/** How many of the channel's most recent messages the read-back looks at. */
export const HISTORY_LIMIT = 50;

/** JSON error codes that mean the bot cannot post to (or read) the channel: the subscription pauses. */
export const GONE_CODES: Record<number, string> = {
  10003: 'Unknown Channel',
  50001: 'Missing Access',
  50013: 'Missing Permissions',
  50007: 'Cannot send messages to this user',
};

/** The footer that marks one message of a digest: `digest-slot <slot id>`, with ` · part/parts` when it takes several. */
export function footerMarker(slotId: string, part: number, parts: number): string {
  return parts > 1 ? `${slotMarker(slotId)} · ${part}/${parts}` : slotMarker(slotId);
}

/** Reads a footer back: the slot and part it marks, or null. */
export function parseFooterMarker(text: string): { slotId: string; part: FoundPart } | null {
  const prefix = slotMarker('');
  if (!text.startsWith(prefix)) return null;
  const m = /^(\S+)(?: · (\d+)\/(\d+))?$/.exec(text.slice(prefix.length));
  if (!m) return null;
  return { slotId: m[1]!, part: partOf(m[2] ?? 1, m[3] ?? 1) };
}

/** Turns a REST failure into a DigestChannelError where it is one (gone, rate limited); else rethrows it. */
export function classifyDiscordError(err: unknown): never {
  if (err instanceof RateLimitError) {
    const wait = err.retryAfter > 0 ? err.retryAfter : err.timeToReset;
    throw rateLimited(wait > 0 ? wait : 1000, `rate limited on ${err.route}`);
  }
  if (err instanceof DiscordAPIError) {
    const code = typeof err.code === 'number' ? err.code : Number(err.code);
    const known = GONE_CODES[code];
    if (known) throw channelGone(`${known} (${code})`);
    if (err.status === 404) throw channelGone(`Unknown Channel (HTTP 404${code ? `, ${code}` : ''})`);
    if (err.status === 403) throw channelGone(`Missing Access (HTTP 403${code ? `, ${code}` : ''})`);
  }
  throw err;
}

/**
 * Puts the marker in the footer of the last embed of each message, keeping every message within
 * 10 embeds and 6,000 embed characters (an embed that would not leave room moves to a message of its own).
 */
export function markDigest(messages: DiscordMessage[], slotId: string): DiscordMessage[] {
  const longest = footerMarker(slotId, 99, 99).length;
  const queue = messages.map((m) => ({ ...m, embeds: [...m.embeds] }));
  const out: DiscordMessage[] = [];
  while (queue.length) {
    const m = queue.shift()!;
    const moved: APIEmbed[] = [];
    const total = () => m.embeds.reduce((n, e) => n + embedLength(e) - (e.footer?.text.length ?? 0), 0) + longest;
    while (m.embeds.length > 1 && total() > DISCORD_LIMITS.embedTotal) moved.unshift(m.embeds.pop()!);
    const last = m.embeds.at(-1);
    if (last?.description && total() > DISCORD_LIMITS.embedTotal) {
      // a single embed that fills a whole message gives up the end of its text
      const keep = Math.max(0, last.description.length - (total() - DISCORD_LIMITS.embedTotal) - 1);
      m.embeds[m.embeds.length - 1] = { ...last, description: `${last.description.slice(0, keep)}…` };
    }
    out.push(m);
    if (moved.length) queue.unshift({ embeds: moved, components: [], allowedMentions: { parse: [] } });
  }
  return out.map((m, i) => {
    const embeds = m.embeds.length ? m.embeds : [{ description: '\u200B' }];
    const last = embeds.length - 1;
    return {
      ...m,
      embeds: embeds.map((e, j) => (j === last ? { ...e, footer: { text: footerMarker(slotId, i + 1, out.length) } } : e)),
    };
  });
}

/** A rendered message as the REST body of `POST /channels/{id}/messages`: never a ping. */
function body(m: DiscordMessage): RESTPostAPIChannelMessageJSONBody {
  return {
    ...(m.content ? { content: m.content } : {}),
    embeds: m.embeds,
    ...(m.components.length ? { components: m.components } : {}),
    allowed_mentions: { parse: [] },
  };
}

export interface DiscordDigestChannelOptions {
  token: string;
  /** REST base without the version (DISCORD_API_URL); Discord's by default. */
  api?: string | undefined;
  log: Logger;
}

export interface DiscordDigestChannel extends DigestChannel {
  /** Stops the REST client's timers. */
  close(): void;
}

/**
 * Scheduled digests in Discord channels through REST: the slot marker in the embed footer, read
 * back with `GET /channels/{id}/messages?limit=50`, and a DM to the subscriber when the channel
 * is gone. Its own REST client hands rate limits back to the scheduler (which waits what Discord
 * asks, holding its claim) and never retries a post by itself.
 */
export function createDiscordDigestChannel(options: DiscordDigestChannelOptions): DiscordDigestChannel {
  const rest = new REST({ version: '10', retries: 0, rejectOnRateLimit: () => true, ...(options.api ? { api: options.api } : {}) }).setToken(options.token);
  const post = (channelId: string, message: DiscordMessage) => rest.post(Routes.channelMessages(channelId), { body: body(message) });
  const channel = createPlatformDigestChannel<DiscordMessage>({
    surface: 'discord',
    log: options.log,
    classify: classifyDiscordError,
    render: (reply, slotId) => markDigest(renderDiscord(reply), slotId),
    post: (channelId, message) => post(channelId, message),
    async findParts(channelId, slotId) {
      const messages = (await rest.get(Routes.channelMessages(channelId), { query: new URLSearchParams({ limit: String(HISTORY_LIMIT) }) })) as APIMessage[];
      const found: FoundPart[] = [];
      for (const message of messages) {
        for (const embed of message.embeds ?? []) {
          const marker = embed.footer?.text ? parseFooterMarker(embed.footer.text) : null;
          if (marker?.slotId === slotId) found.push(marker.part);
        }
      }
      return found;
    },
    async notifyUser(userId, text) {
      const dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as APIDMChannel;
      for (const m of renderDiscord({ kind: 'notice', text })) await post(dm.id, m);
    },
  });
  return {
    ...channel,
    close() {
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
    },
  };
}
