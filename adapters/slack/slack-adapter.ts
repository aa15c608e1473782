// Slack's wiring: authenticate, build the Bolt app, hand each event kind to its handler (handle-*.ts), start and stop.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { webApi } from '@slack/bolt';
import type { Bot } from '../../src/bot/bot.ts';
import type { Config } from '../../src/config.ts';
import { ConfigError } from '../../src/errors.ts';
import type { Logger } from '../../src/logger.ts';
import type { DigestChannel } from '../../src/schedule/digest-channel.ts';
import { boltLogger } from './bolt-logger.ts';
import { engineTurns } from './engine-turns.ts';
import type { SlackHttpLimits } from './guarded-receiver.ts';
import { handleAppHome } from './handle-app-home.ts';
import { handleBriefCommand } from './handle-brief-command.ts';
import { handleConversation } from './handle-conversation.ts';
import { handleFeedback } from './handle-feedback.ts';
import { handlePick } from './handle-pick.ts';
import { handleShare } from './handle-share.ts';
import { authenticate, clientOptions, createApp } from './slack-app.ts';
import type { SlackContext } from './slack-context.ts';
import { createSlackDigestChannel } from './slack-digest-channel.ts';
import { SlackUsers } from './slack-users.ts';

export interface SlackDeps {
  bot: Bot;
  log: Logger;
  config: Config;
  /** Interface the HTTP listener binds to (default: all interfaces); tests pass 127.0.0.1. */
  host?: string;
  /** HTTP mode: body size, concurrent unverified reads, clock skew (defaults: DEFAULT_SLACK_HTTP_LIMITS). */
  httpLimits?: Partial<SlackHttpLimits>;
  /** false: start engine work right after each ack instead of in turns (see engineTurns); for `bench:acks` comparisons. */
  engineTurns?: boolean;
}

export interface SlackHandle {
  stop(): Promise<void>;
  /** The HTTP listener's port (useful with PORT=0), or null in Socket Mode. */
  port: number | null;
  mode: 'socket' | 'http';
  /** Posts scheduled digests to Slack channels (for `digests.start`). */
  digestChannel: DigestChannel;
}

/** HTTP mode: a request (headers and body) must arrive within this time. */
const SLACK_REQUEST_TIMEOUT_MS = 15_000;

/**
 * Starts the Slack adapter: Socket Mode when SLACK_APP_TOKEN is set, else HTTP mode with
 * SLACK_SIGNING_SECRET on PORT at /slack/events. Resolves once connected or listening.
 */
export async function startSlack(deps: SlackDeps): Promise<SlackHandle> {
  const { bot, log, config } = deps;
  const token = config.SLACK_BOT_TOKEN;
  if (!token) throw new ConfigError('SLACK_BOT_TOKEN', 'set it (xoxb-…) to start the Slack adapter');
  if (!config.SLACK_APP_TOKEN && !config.SLACK_SIGNING_SECRET) {
    throw new ConfigError('SLACK_SIGNING_SECRET', 'set it for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  const logger = boltLogger(log);
  const slog = log.child({ component: 'slack' });
  const self = await authenticate(token, config, logger, slog);
  const { app, mode } = createApp({ token, config, self, logger, log: slog, httpLimits: deps.httpLimits });

  const users = new SlackUsers(config.DEFAULT_TIMEZONE, slog);
  const inTurn = deps.engineTurns === false ? <T>(work: () => Promise<T>) => work() : engineTurns();
  const s: SlackContext = { app, bot, log: slog, self, users, inTurn };
  for (const handle of [handleBriefCommand, handleShare, handlePick, handleFeedback, handleConversation, handleAppHome]) handle(s);
  app.error(async (error) => {
    slog.error({ err: error, code: (error as { code?: string }).code }, 'slack: unhandled error in Bolt');
  });

  let port: number | null = null;
  if (mode === 'http') {
    const server = (await app.start({ port: config.PORT, ...(deps.host ? { host: deps.host } : {}) })) as Server;
    // a body trickled in byte by byte holds one of the few read slots: bounded (Node's default is 5 minutes)
    server.requestTimeout = SLACK_REQUEST_TIMEOUT_MS;
    port = (server.address() as AddressInfo | null)?.port ?? null;
    slog.info({ port, path: '/slack/events' }, 'slack: HTTP mode listening');
  } else {
    await app.start();
    slog.info('slack: Socket Mode connected');
  }

  // Digests get their own client: a rate limit comes back to the scheduler (which waits what Slack
  // asks, holding its claim) and a post is never retried blindly (the scheduler reads back first):
  // bounded at 0 retries on purpose, unlike SLACK_RETRY, since a retried post could show twice.
  const digestClient = new webApi.WebClient(token, { ...clientOptions(config, 'none'), logger, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });
  const digestChannel = createSlackDigestChannel({ client: digestClient, log: slog });

  let stopped = false;
  return {
    port,
    mode,
    digestChannel,
    async stop() {
      if (stopped) return;
      stopped = true;
      await app.stop();
      users.clear();
    },
  };
}
