import type { types } from '@slack/bolt';
import type { Reply } from '../../src/bot/reply.ts';
import { renderSlack } from './render-slack.ts';

/** Slack's limit for a Home tab. */
export const HOME_MAX_BLOCKS = 100;

const section = (text: string): types.KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text, verbatim: true } });

/**
 * The App Home tab: how to use the bot (the help reply), then this workspace's digest
 * subscriptions (the `digest list` reply; for a member who may not list them, the refusal
 * with where to look instead). Rendered with the message renderer, so everything is escaped.
 */
export function homeView(help: Reply, subscriptions: Reply): types.HomeView {
  const blocksOf = (reply: Reply) => renderSlack(reply).flatMap((m) => m.blocks);
  const digestPart: types.KnownBlock[] =
    subscriptions.kind === 'error'
      ? [section(`Workspace admins and owners see every digest subscription here. In a channel, \`/brief digest status\` shows its own digest.`)]
      : blocksOf(subscriptions);
  const intro = section('Ask me about the news corpus: send me a direct message from the *Messages* tab, mention me in a channel (I answer in the thread), or use `/brief`.');
  const blocks: types.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Briefing bot', emoji: true } },
    intro,
    { type: 'divider' },
    ...blocksOf(help),
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: 'Digest subscriptions', emoji: true } },
    ...digestPart,
  ];
  if (blocks.length > HOME_MAX_BLOCKS) {
    blocks.length = HOME_MAX_BLOCKS - 1;
    blocks.push(section('…more than fits here: `/brief digest list` shows them all.'));
  }
  return { type: 'home', blocks };
}
