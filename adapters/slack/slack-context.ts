import { randomBytes } from 'node:crypto';
import type { App, webApi } from '@slack/bolt';
import type { Bot, CallContext } from '../../src/bot/bot.ts';
import { STORE_UNAVAILABLE_TEXT } from '../../src/bot/bot.ts';
import type { Command } from '../../src/bot/command.ts';
import type { Reply } from '../../src/bot/reply.ts';
import { describeCause, makeErrorReference, StoreUnavailableError } from '../../src/errors.ts';
import type { Logger } from '../../src/logger.ts';
import type { InTurn } from './engine-turns.ts';
import type { SlackUsers } from './slack-users.ts';

/** Who the bot is in this workspace, from `auth.test`. */
export interface SlackIdentity {
  botUserId: string | undefined;
  botId: string | undefined;
  /** The workspace of the bot token: subscriptions stored before their team was kept belong to it. */
  teamId: string | undefined;
}

/** What every Slack event handler works with: the app to listen on, the Bot, and the adapter's shared helpers. */
export interface SlackContext {
  app: App;
  bot: Bot;
  log: Logger;
  self: SlackIdentity;
  users: SlackUsers;
  inTurn: InTurn;
}

/** A reference for an answer's feedback buttons. */
export const newRef = () => randomBytes(6).toString('base64url');

/** Only `since:` and digests depend on who is asking; other commands make no users.info call. */
const needsUserInfo = (command: Command) => (command.name === 'brief' && command.since !== null) || command.name === 'digest';

/** Runs a command on the Bot, with the user's time zone and role when the command needs them. */
export async function runCommand(s: SlackContext, command: Command, ctx: CallContext, client: webApi.WebClient): Promise<Reply> {
  if (!needsUserInfo(command)) return s.bot.handle(command, ctx);
  const { tz, admin } = await s.users.info(client, ctx.userId);
  return s.bot.handle(command, { ...ctx, timezone: tz, canManageDigest: admin });
}

/** The reply for a handler that failed: "store unavailable" said plainly, anything else logged under a reference. */
export function apology(s: SlackContext, err: unknown, where: string, extra: Record<string, unknown>): Reply {
  if (err instanceof StoreUnavailableError) {
    s.log.warn({ where, ...extra, operation: err.operation, cause: describeCause(err.cause) }, 'store unavailable; not done');
    return { kind: 'error', code: 'store_unavailable', message: STORE_UNAVAILABLE_TEXT };
  }
  const ref = makeErrorReference();
  s.log.error({ err, ref, where, ...extra }, `slack: ${where} failed`);
  return { kind: 'error', code: 'internal', message: `Sorry, something went wrong (reference ${ref}).` };
}
