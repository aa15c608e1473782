import type { Story } from '../engine/types.ts';
import type { Reply } from './reply.ts';

/**
 * A digest preview with nothing new says so in its title line and shows the latest stories
 * under it, so a new user can see what a digest looks like; an empty corpus stays empty.
 */
export async function withLatestStories(preview: Reply, latest: () => Promise<Story[]>): Promise<Reply> {
  if (preview.kind !== 'stories' || preview.stories.length > 0) return preview;
  const stories = await latest();
  if (stories.length === 0) return preview;
  const nothing = preview.empty.replace(/[.\s]+$/, '');
  return { ...preview, title: `${nothing}. The latest stories:`, stories };
}
