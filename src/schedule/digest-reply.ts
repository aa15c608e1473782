import type { Story } from '../engine/types.ts';

/**
 * A list of stories with a title: what a digest posts (and what `/brief` answers with; the
 * Bot's reply union includes it). Owned by schedule so that delivery does not depend on the Bot.
 */
export interface StoriesReply {
  kind: 'stories';
  title: string;
  stories: Story[];
  /** The line shown when `stories` is empty. */
  empty: string;
  /** The part of `title` that names a moment (a digest's time), which a platform may show in each reader's own zone. */
  moment?: { at: string; text: string };
  /** Nothing was in the asked window, so `stories` are the latest ones instead (said in `title`). */
  latest?: boolean;
}

/** What the scheduler hands a digest channel to post. */
export type DigestReply = StoriesReply;
