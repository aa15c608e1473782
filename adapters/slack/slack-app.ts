import { App, webApi, type Logger as BoltLogger } from '@slack/bolt';
import type { Config } from '../../src/config.ts';
import { ConfigError } from '../../src/errors.ts';
import type { Logger } from '../../src/logger.ts';
import { PLATFORM_RETRY } from '../shared/retry.ts';
import { DEFAULT_SLACK_HTTP_LIMITS, GuardedReceiver, type SlackHttpLimits } from './guarded-receiver.ts';
import { BAD_TOKEN, slackErrorCode } from './slack-api-errors.ts';
import type { SlackIdentity } from './slack-context.ts';

/**
 * Web API retries: a person is waiting, so 3 quick retries with jittered back-off (not the
 * WebClient's default of 10 over ~30 minutes). The WebClient retries 5xx and network errors but
 * also any other HTTP status (429 aside): an HTTP 4xx stops the retries here.
 */
const SLACK_RETRY: webApi.RetryOptions = Object.assign(
  { ...PLATFORM_RETRY, randomize: true },
  {
    // p-retry (under the WebClient) gives up when this throws
    onFailedAttempt: (err: unknown) => {
      const { code, statusCode } = err as { code?: unknown; statusCode?: unknown };
      if (code === webApi.ErrorCode.HTTPError && typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) throw err;
    },
  },
);

/** WebClient options: SLACK_API_URL when set, with the quick retries for calls a person waits on. */
export function clientOptions(config: Config, retry: 'quick' | 'none'): webApi.WebClientOptions {
  const url = config.SLACK_API_URL;
  const apiUrl = url ? (url.endsWith('/') ? url : `${url}/`) : undefined;
  // a fresh object each time: the Socket Mode client writes its own retry settings (for reconnecting) into the one it gets
  return { ...(apiUrl ? { slackApiUrl: apiUrl } : {}), ...(retry === 'quick' ? { retryConfig: SLACK_RETRY } : {}) };
}

/**
 * Who the bot is (and whether the token works) before anything listens: its own messages and
 * mentions of it are recognised by these ids, which Bolt then needs not look up again.
 */
export async function authenticate(token: string, config: Config, logger: BoltLogger, log: Logger): Promise<SlackIdentity> {
  try {
    const probe = new webApi.WebClient(token, { ...clientOptions(config, 'quick'), logger });
    const auth = await probe.auth.test();
    log.info({ team: auth.team, user: auth.user }, 'slack: authenticated');
    return { botUserId: auth.user_id, botId: auth.bot_id, teamId: auth.team_id };
  } catch (err) {
    const code = slackErrorCode(err);
    if (code && BAD_TOKEN.has(code)) throw new ConfigError('SLACK_BOT_TOKEN', `Slack rejected the token (${code})`);
    throw err;
  }
}

export interface SlackAppOptions {
  token: string;
  config: Config;
  self: SlackIdentity;
  logger: BoltLogger;
  log: Logger;
  httpLimits?: Partial<SlackHttpLimits> | undefined;
}

/** The Bolt app: Socket Mode when SLACK_APP_TOKEN is set, else HTTP at /slack/events behind the guarded receiver. */
export function createApp({ token, config, self, logger, log, httpLimits }: SlackAppOptions): { app: App; mode: 'socket' | 'http' } {
  const identity = { ...(self.botUserId ? { botUserId: self.botUserId } : {}), ...(self.botId ? { botId: self.botId } : {}) };
  const apiClientOptions = clientOptions(config, 'quick');
  if (config.SLACK_APP_TOKEN) {
    const app = new App({
      token,
      ...identity,
      appToken: config.SLACK_APP_TOKEN,
      socketMode: true,
      clientOptions: apiClientOptions,
      installerOptions: { clientOptions: clientOptions(config, 'none') },
      logger,
      convoStore: false,
    });
    return { app, mode: 'socket' };
  }
  const receiver = new GuardedReceiver({
    signingSecret: config.SLACK_SIGNING_SECRET ?? '',
    endpoints: '/slack/events',
    logger,
    processBeforeResponse: false,
    limits: { ...DEFAULT_SLACK_HTTP_LIMITS, ...httpLimits },
    log,
  });
  return { app: new App({ token, ...identity, receiver, clientOptions: apiClientOptions, logger, convoStore: false }), mode: 'http' };
}
