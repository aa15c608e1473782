import { ACTION_IDS, decodeFeedbackValue, renderSlack } from './render-slack.ts';
import { apology, type SlackContext } from './slack-context.ts';
import { retryingRespond } from './slack-responses.ts';

/** What a 👍/👎 click stores: who, which answer, which vote. No message text. */
export interface FeedbackRecord {
  answer: string;
  sources: string[];
  vote: 'up' | 'down';
  user: string;
  team: string | null;
  channel: string | null;
  at: string;
}

/** 👍 / 👎 under an answer: the vote kept through the Bot (under the user's key, for `forget`). */
export function handleFeedback(s: SlackContext): void {
  s.app.action(new RegExp(`^(${ACTION_IDS.feedbackUp}|${ACTION_IDS.feedbackDown})$`), async ({ ack, body, action, respond: respondOnce }) => {
    const respond = retryingRespond(respondOnce, 'feedback', s.log);
    await ack();
    try {
      const value = decodeFeedbackValue('value' in action && typeof action.value === 'string' ? action.value : undefined);
      const actionId = 'action_id' in action ? action.action_id : '';
      if (!value) {
        s.log.warn({ actionId }, 'slack: feedback click without an answer reference');
        return;
      }
      const record: FeedbackRecord = {
        answer: value.ref,
        sources: value.sources,
        vote: actionId === ACTION_IDS.feedbackUp ? 'up' : 'down',
        user: body.user.id,
        team: body.team?.id ?? null,
        channel: body.channel?.id ?? null,
        at: new Date().toISOString(),
      };
      await s.bot.recordFeedback({ surface: 'slack', userId: record.user }, record.answer, record);
      s.log.info({ feedback: record.vote, answer: record.answer, sources: record.sources, user: record.user }, 'slack: answer feedback');
      await respond({ response_type: 'ephemeral', replace_original: false, text: 'Thanks for the feedback.' }).catch(() => undefined);
    } catch (err) {
      const reply = apology(s, err, 'feedback', { user: body.user.id });
      // a vote that was not saved must not look saved: say so (other failures stay in the log)
      if (reply.kind === 'error' && reply.code === 'store_unavailable') {
        await respond({ response_type: 'ephemeral', replace_original: false, ...renderSlack(reply)[0]! }).catch(() => undefined);
      }
    }
  });
}
