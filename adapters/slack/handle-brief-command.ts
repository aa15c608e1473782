import type { CallContext } from '../../src/bot/bot.ts';
import { parseBriefText } from '../../src/bot/command.ts';
import type { Reply } from '../../src/bot/reply.ts';
import { renderSlack } from './render-slack.ts';
import { apology, newRef, runCommand, type SlackContext } from './slack-context.ts';
import { respondAll, retryingRespond } from './slack-responses.ts';
import { decodeSlackText } from './slack-text.ts';

/** What "Share in channel" posts: the reply as rendered publicly. */
export interface ShareEntry {
  reply: Reply;
  answerRef?: string;
}

/** Slack `/brief TEXT` whose first word is a sub-command (or that is empty: the top stories) keeps its command reading. */
const isBriefSubcommand = (text: string) => !text.trim() || /^(?:ask|summary|sources|digest|forget|help)(?:\s|$)/i.test(text.trim());

/** `/brief …`: acknowledged at once, answered ephemerally through the response_url, shareable replies kept for the share button. */
export function handleBriefCommand(s: SlackContext): void {
  const { bot, log } = s;
  s.app.command('/brief', async ({ command, ack, respond: respondOnce, client }) => {
    if (!respondOnce) {
      // the acknowledgement is the only answer such a request can get
      log.warn({ user: command.user_id, channel: command.channel_id }, 'slack: /brief without a response_url; answered in the acknowledgement');
      await ack({ response_type: 'ephemeral', text: 'This command arrived without a response_url, so the answer has nowhere to go. Run it again from Slack.' });
      return;
    }
    const respond = retryingRespond(respondOnce, '/brief', log);
    await ack(); // at once: the engine's work comes after the acknowledgement (and, see engineTurns, after other acks)
    try {
      const text = decodeSlackText(command.text ?? '', s.self.botUserId);
      const ctx: CallContext = {
        surface: 'slack',
        conversationId: `command:${command.channel_id}:${command.user_id}`,
        userId: command.user_id,
        channelKey: `slack:${command.channel_id}`,
        ...(command.team_id ? { workspaceId: command.team_id } : {}),
        workspaceOf: () => s.self.teamId,
      };
      let reply: Reply;
      if (isBriefSubcommand(text)) {
        const parsed = parseBriefText(text);
        if (!parsed.ok) reply = { kind: 'error', ...parsed.error };
        else reply = await s.inTurn(() => runCommand(s, parsed.command, ctx, client));
      } else {
        // words that are not a sub-command: a request in words, a question, else a topic
        reply = (
          await s.inTurn(() =>
            bot.handleText(text, ctx, { briefText: true, run: (c, x) => runCommand(s, c, x, client), timezone: async () => (await s.users.info(client, command.user_id)).tz }),
          )
        ).reply;
      }
      const shareable = reply.kind === 'answer' || reply.kind === 'stories' || reply.kind === 'summary' || reply.kind === 'sources';
      const answerRef = reply.kind === 'answer' ? newRef() : undefined;
      // without the store the reply is still shown, only without its share button
      const shareKey = shareable ? await bot.saveShare<ShareEntry>({ surface: 'slack', userId: command.user_id }, { reply, ...(answerRef ? { answerRef } : {}) }) : undefined;
      await respondAll(respond, renderSlack(reply, { ...(answerRef ? { answerRef } : {}), ...(shareKey ? { shareKey } : {}) }));
    } catch (err) {
      const reply = apology(s, err, '/brief', { user: command.user_id, channel: command.channel_id });
      await respondAll(respond, renderSlack(reply)).catch((e: unknown) => log.error({ err: e }, 'slack: apology not delivered'));
    }
  });
}
