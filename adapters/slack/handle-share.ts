import type { ShareEntry } from './handle-brief-command.ts';
import { ACTION_IDS, renderSlack } from './render-slack.ts';
import { CANNOT_POST, slackErrorCode } from './slack-api-errors.ts';
import { apology, type SlackContext } from './slack-context.ts';
import { postMessages, retryingRespond } from './slack-responses.ts';

/** "Share in channel": the kept reply posted publicly, then the ephemeral one removed. */
export function handleShare(s: SlackContext): void {
  const { bot, log } = s;
  s.app.action(ACTION_IDS.share, async ({ ack, body, action, respond: respondOnce, client }) => {
    const respond = retryingRespond(respondOnce, 'share', log);
    await ack();
    if (!respondOnce) {
      log.warn({ user: body.user.id }, 'slack: share click without a response_url; ignored');
      return;
    }
    const key = 'value' in action && typeof action.value === 'string' ? action.value : '';
    const channel = body.channel?.id ?? (body as { container?: { channel_id?: string } }).container?.channel_id;
    try {
      const owner = { surface: 'slack', userId: body.user.id } as const;
      const entry = key ? await bot.readShare<ShareEntry>(owner, key) : undefined;
      if (!entry || !channel) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...renderSlack({ kind: 'notice', text: 'That reply has expired; run the command again to share it.' })[0]! });
        return;
      }
      try {
        await postMessages(client, channel, renderSlack(entry.reply, entry.answerRef ? { answerRef: entry.answerRef } : {}));
      } catch (err) {
        const code = slackErrorCode(err);
        if (code && CANNOT_POST.has(code)) {
          await respond({
            response_type: 'ephemeral',
            replace_original: false,
            ...renderSlack({ kind: 'notice', text: 'I cannot post in this conversation. Add me to the channel (mention me, or use /invite), then share again.' })[0]!,
          });
          return;
        }
        throw err;
      }
      await bot.dropShare(owner, key);
      log.info({ user: body.user.id, channel }, 'slack: reply shared in channel');
      await respond({ delete_original: true }).catch((err: unknown) => log.debug({ err }, 'slack: ephemeral not deleted'));
    } catch (err) {
      const reply = apology(s, err, 'share', { user: body.user.id, channel });
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderSlack(reply)[0]! }).catch(() => undefined);
    }
  });
}
