import type { Reply } from '../../src/bot/reply.ts';
import { DigestChannelError, type DigestChannel } from '../../src/schedule/digest-channel.ts';

export interface PostedDigest {
  channelKey: string;
  slotId: string;
  reply: Reply;
  postedAt: Date;
}

/** A stand-in for a platform's channels: keeps every post (with its slot marker) and can fail on demand. */
export class StubDigestChannel implements DigestChannel {
  readonly posts: PostedDigest[] = [];
  readonly gone = new Map<string, string>();
  /** Rate-limit the next N sends, asking for this many ms. */
  rateLimitNext = 0;
  rateLimitMs = 1500;
  failNext = 0;
  reads = 0;

  constructor(private readonly clock: () => Date = () => new Date()) {}

  async send(channelKey: string, reply: Reply, slotId: string): Promise<void> {
    const reason = this.gone.get(channelKey);
    if (reason) throw new DigestChannelError('gone', reason);
    if (this.rateLimitNext > 0) {
      this.rateLimitNext--;
      throw new DigestChannelError('rate_limited', 'slow down', this.rateLimitMs);
    }
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('network down');
    }
    this.posts.push({ channelKey, slotId, reply, postedAt: this.clock() });
  }

  async findSlotMarker(channelKey: string, slotId: string): Promise<boolean> {
    this.reads++;
    // Like a platform's history endpoint: only the most recent messages of the channel
    return this.posts
      .filter((p) => p.channelKey === channelKey)
      .slice(-50)
      .some((p) => p.slotId === slotId);
  }

  readonly notices: { channelKey: string; userId: string; text: string }[] = [];

  async notify(channelKey: string, userId: string, text: string): Promise<void> {
    this.notices.push({ channelKey, userId, text });
  }

  countBySlot(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const p of this.posts) counts.set(p.slotId, (counts.get(p.slotId) ?? 0) + 1);
    return counts;
  }
}
