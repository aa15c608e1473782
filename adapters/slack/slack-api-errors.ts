/** The Web API error code (`data.error`: `not_in_channel`, `invalid_auth`…) a failed call carries, if any. */
export function slackErrorCode(err: unknown): string | null {
  const data = (err as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : null;
}

/** Which Slack Web API error codes mean "the bot cannot post there". */
export const CANNOT_POST = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action', 'cannot_dm_bot']);

/** Which codes of `auth.test` mean the token itself is wrong. */
export const BAD_TOKEN = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked']);
