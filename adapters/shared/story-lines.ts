import type { DistinctSource, Story } from '../../src/bot/reply.ts';

/** Source lines a story shows before "and N more". */
export const STORY_SOURCE_LINES = 5;

export interface StoryLines {
  /** The lines shown: distinct articles, newest first, each with its folded copies counted. */
  lines: DistinctSource[];
  /** Distinct articles left out after the cap. */
  more: number;
}

/** A story's source lines: each distinct article once (copies folded), at most `max`, and how many more. */
export function storyLines(story: Story, max = STORY_SOURCE_LINES): StoryLines {
  const all = story.distinctSources ?? story.sources.map((s) => ({ ...s, copies: 0, copyIds: [] }));
  const cap = Math.max(1, max);
  return { lines: all.slice(0, cap), more: Math.max(0, all.length - cap) };
}

/** "+1 copy", "+3 copies", or "" for none. */
export function copiesNote(copies: number): string {
  if (copies <= 0) return '';
  return copies === 1 ? '+1 copy' : `+${copies} copies`;
}

/** "and 4 more", or "" for none. */
export function moreNote(more: number): string {
  return more > 0 ? `and ${more} more` : '';
}
