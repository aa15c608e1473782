import type { Reply } from '../../src/bot/reply.ts';
import { ACTION_IDS, renderSlack } from './render-slack.ts';
import { apology, type SlackContext } from './slack-context.ts';
import { respondAll, retryingRespond } from './slack-responses.ts';

/** "Also matching": a click picks that article's summary. */
export function handlePick(s: SlackContext): void {
  s.app.action(new RegExp(`^${ACTION_IDS.pickArticle}\\d+$`), async ({ ack, body, action, respond: respondOnce }) => {
    const respond = retryingRespond(respondOnce, 'pick', s.log);
    await ack();
    const id = 'value' in action && typeof action.value === 'string' ? action.value : '';
    try {
      const reply: Reply = id
        ? await s.inTurn(() => s.bot.handle({ name: 'summary', target: id }, { surface: 'slack', conversationId: `pick:${body.user.id}`, userId: body.user.id }))
        : { kind: 'notice', text: 'That button carries no article; run the summary again.' };
      await respondAll(respond, renderSlack(reply));
    } catch (err) {
      const reply = apology(s, err, 'pick', { user: body.user.id });
      await respondAll(respond, renderSlack(reply)).catch(() => undefined);
    }
  });
}
