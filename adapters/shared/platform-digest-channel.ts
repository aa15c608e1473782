import type { Surface } from '../../src/bot/help.ts';
import type { Reply } from '../../src/bot/reply.ts';
import type { Logger } from '../../src/logger.ts';
import type { DigestChannel } from '../../src/schedule/digest-channel.ts';
import { DigestResume, type FoundPart } from './digest-parts.ts';

/** What one chat platform gives the digest channel: its messages, how they are posted and read back, and its errors. */
export interface DigestPlatform<M> {
  /** The channel keys' prefix (`slack:C123`) and the logs' name. */
  surface: Surface;
  log: Logger;
  /** Throws a platform failure as channelGone / rateLimited where it is one, else as it came. */
  classify(err: unknown): never;
  /** A digest's messages, each carrying the slot marker (with its part, when several). */
  render(reply: Reply, slotId: string): M[];
  post(channelId: string, message: M, part: number, parts: number, slotId: string): Promise<unknown>;
  /** The parts of the slot's digest among the channel's most recent messages. */
  findParts(channelId: string, slotId: string): Promise<FoundPart[]>;
  /** A notice in a direct message to the user. */
  notifyUser(userId: string, text: string): Promise<void>;
}

/**
 * A DigestChannel over a platform: the slot marker in each message, read back before a retried
 * slot, only the missing parts posted after a crash mid-digest (DigestResume), and every
 * platform failure classified so the scheduler pauses (gone) or waits (rate limited).
 */
export function createPlatformDigestChannel<M>(platform: DigestPlatform<M>): DigestChannel {
  const resume = new DigestResume();
  const prefix = `${platform.surface}:`;
  const call = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      return platform.classify(err);
    }
  };
  const channelIdOf = (channelKey: string): string => {
    if (!channelKey.startsWith(prefix)) throw new Error(`not a ${platform.surface} channel key: ${channelKey}`);
    return channelKey.slice(prefix.length);
  };
  return {
    async send(channelKey: string, reply: Reply, slotId: string): Promise<void> {
      const channelId = channelIdOf(channelKey);
      const messages = platform.render(reply, slotId);
      const already = resume.take(slotId);
      for (const [i, m] of messages.entries()) {
        if (!already.has(i + 1)) await call(() => platform.post(channelId, m, i + 1, messages.length, slotId));
      }
      if (already.size) platform.log.info({ slotId, skipped: [...already] }, `${platform.surface}: digest parts already in the channel were not posted again`);
    },

    async findSlotMarker(channelKey: string, slotId: string): Promise<boolean> {
      const channelId = channelIdOf(channelKey);
      return resume.seen(slotId, await call(() => platform.findParts(channelId, slotId)));
    },

    async notify(_channelKey: string, userId: string, text: string): Promise<void> {
      await call(() => platform.notifyUser(userId, text));
    },
  };
}
