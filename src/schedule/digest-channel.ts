import type { DigestReply } from './digest-reply.ts';

/**
 * What an adapter implements so the scheduler can post digests to its channels. A channel key
 * is `${surface}:${id}` (`console:local`, `slack:C123`, `discord:456`); `slotId` is
 * `${channelKey}@${slotInstantISO}`.
 */
export interface DigestChannel {
  /**
   * Posts the digest. The message must carry the slot id as a marker that
   * `findSlotMarker` can read back (Slack: message `metadata`; Discord: the embed footer).
   * Throws a DigestChannelError for a removed channel / lost access (`gone`) or a rate limit.
   */
  send(channelKey: string, reply: DigestReply, slotId: string): Promise<void>;
  /** Reads the channel's recent messages: true when one carries this slot's marker. */
  findSlotMarker(channelKey: string, slotId: string): Promise<boolean>;
  /**
   * Optional: tells a user privately (e.g. a DM to the subscription's creator) that the
   * channel's digest is paused because the channel is gone or access was lost.
   */
  notify?(channelKey: string, userId: string, text: string): Promise<void>;
  /**
   * Optional: false when this process cannot post to the channel (e.g. its Discord guild is on
   * a shard another replica holds); that replica delivers the slot instead. Default true.
   */
  handles?(channelKey: string): boolean;
}

export type DigestChannelErrorKind = 'gone' | 'rate_limited';

/** A classified delivery failure: `gone` pauses the subscription, `rate_limited` is retried after `retryAfterMs`. */
export class DigestChannelError extends Error {
  constructor(
    readonly kind: DigestChannelErrorKind,
    message: string,
    readonly retryAfterMs = 0,
  ) {
    super(message);
    this.name = 'DigestChannelError';
  }
}

export const channelGone = (reason: string) => new DigestChannelError('gone', reason);
export const rateLimited = (retryAfterMs: number, message = 'rate limited') => new DigestChannelError('rate_limited', message, retryAfterMs);

/** The surface of a channel key: `slack:C123` → `slack`. */
export function surfaceOf(channelKey: string): string {
  const i = channelKey.indexOf(':');
  return i < 0 ? channelKey : channelKey.slice(0, i);
}

/** Marker text the adapters can put in a message (and search for). */
export const slotMarker = (slotId: string) => `digest-slot ${slotId}`;
