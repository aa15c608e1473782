import type { CallContext } from '../../src/bot/bot.ts';
import { helpReply } from '../../src/bot/help.ts';
import { homeView } from './app-home.ts';
import { slackErrorCode } from './slack-api-errors.ts';
import type { SlackContext } from './slack-context.ts';

/** App Home: how to use the bot and this workspace's digests, published when the tab opens. */
export function handleAppHome(s: SlackContext): void {
  s.app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const user = event.user;
    try {
      const team = (body as { team_id?: string }).team_id ?? s.self.teamId;
      const { tz, admin } = await s.users.info(client, user);
      const ctx: CallContext = {
        surface: 'slack',
        conversationId: `home:${user}`,
        userId: user,
        timezone: tz,
        canManageDigest: admin,
        ...(team ? { workspaceId: team } : {}),
        workspaceOf: () => s.self.teamId,
      };
      const list = await s.inTurn(() => s.bot.handle({ name: 'digest', action: 'list', args: '' }, ctx));
      await client.views.publish({ user_id: user, view: homeView(helpReply('slack'), list) });
      s.log.info({ user, listed: list.kind === 'subscriptions' ? list.entries.length : null }, 'slack: App Home published');
    } catch (err) {
      s.log.error({ err: slackErrorCode(err) ?? err, user }, 'slack: App Home not published');
    }
  });
}
