import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App, LogLevel, webApi, type Logger as BoltLogger, type RespondFn } from '@slack/bolt';
import type { Bot, CallContext } from '../../src/bot/bot.ts';
import { STORE_UNAVAILABLE_TEXT } from '../../src/bot/bot.ts';
import { parseBriefText, type Command } from '../../src/bot/command.ts';
import type { Reply } from '../../src/bot/reply.ts';
import { helpReply } from '../../src/bot/help.ts';
import { isValidTimeZone, type Config } from '../../src/config.ts';
import { ConfigError, describeCause, makeErrorReference, StoreUnavailableError } from '../../src/errors.ts';
import type { Logger } from '../../src/logger.ts';
import { ACTION_IDS, decodeFeedbackValue, renderSlack, type SlackMessage } from './render-slack.ts';
import { decodeSlackText } from './slack-text.ts';
import { homeView } from './app-home.ts';
import { createSlackDigestChannel } from './slack-digest-channel.ts';
import type { DigestChannel } from '../../src/schedule/digest-channel.ts';
import { MemoryOnceStore, openOnceStore, type OnceStore } from '../../src/store/once-store.ts';
import { PLATFORM_RETRY, withRetry } from '../shared/retry.ts';
import { EditThrottle } from '../shared/edit-throttle.ts';
import { DEFAULT_SLACK_HTTP_LIMITS, GuardedReceiver, type SlackHttpLimits } from './guarded-receiver.ts';

type WebClient = webApi.WebClient;

export interface SlackDeps {
  bot: Bot;
  log: Logger;
  config: Config;
  /** Interface the HTTP listener binds to (default: all interfaces); tests pass 127.0.0.1. */
  host?: string;
  /**
   * Answers each event_id once across processes: given, or opened from the config (Redis
   * `SET NX PX` with REDIS_URL, else `INSERT OR IGNORE` in DATA_DIR/once.sqlite) and closed on stop.
   */
  once?: OnceStore;
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

/** Store namespaces and lifetimes. */
const EVENT_NS = 'slack-event';
const EVENT_TTL_MS = 60 * 60 * 1000;
const USER_CACHE_MS = 10 * 60 * 1000;
/** HTTP mode: a request (headers and body) must arrive within this time. */
const SLACK_REQUEST_TIMEOUT_MS = 15_000;
/** A response_url takes at most 5 replies. */
const MAX_RESPONSES = 5;
/** A streamed answer edits its message at most this often (Slack allows about one chat.update per second). */
const STREAM_EDIT_MS = 1000;

/** What "Share in channel" posts: the reply as rendered publicly. */
interface ShareEntry {
  reply: Reply;
  answerRef?: string;
}

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

const newRef = () => randomBytes(6).toString('base64url');

/**
 * Resolves in the check phase of the event loop, after the poll phase has read what other
 * requests brought in: engine work (synchronous) started after this lets their acks go out first.
 */
const afterPendingIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Engine work one command at a time, each turn starting after pending I/O: under a burst, the
 * event loop reads (and acknowledges) new requests between any two commands' synchronous work,
 * instead of after all of them. A turn that waits on I/O (a slow users.info, a slow store) lets
 * the next one start after `maxTurnMs`.
 */
export function engineTurns(maxTurnMs = 250): <T>(work: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>) => {
    const started = last.then(afterPendingIo);
    const result = started.then(work);
    last = started.then(() => Promise.race([result.catch(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, maxTurnMs).unref())]));
    return result;
  };
}

/** Bolt's logger interface on top of the project's pino logger (logs stay on stderr). */
function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'slack' });
  let level: LogLevel = LogLevel.INFO;
  const text = (msg: unknown[]) => msg.map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.message : JSON.stringify(m))).join(' ');
  return {
    debug: (...msg: unknown[]) => child.debug(text(msg)),
    info: (...msg: unknown[]) => child.info(text(msg)),
    warn: (...msg: unknown[]) => child.warn(text(msg)),
    error: (...msg: unknown[]) => child.error(text(msg)),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

/** A reply for a request that came without a response_url: it has nowhere to go. */
class MissingResponseUrl extends Error {
  constructor(where: string) {
    super(`${where}: the request had no response_url`);
  }
}

/** Which Slack Web API error codes mean "the bot cannot post there". */
const CANNOT_POST = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action', 'cannot_dm_bot']);

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

function slackErrorCode(err: unknown): string | null {
  const data = (err as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : null;
}

/**
 * Starts the Slack adapter: Socket Mode when SLACK_APP_TOKEN is set, else HTTP mode with
 * SLACK_SIGNING_SECRET on PORT at /slack/events. Resolves once connected or listening.
 */
export async function startSlack(deps: SlackDeps): Promise<SlackHandle> {
  const { bot, log, config } = deps;
  const token = config.SLACK_BOT_TOKEN;
  if (!token) throw new ConfigError('SLACK_BOT_TOKEN', 'set it (xoxb-…) to start the Slack adapter');
  const apiUrl = config.SLACK_API_URL ? (config.SLACK_API_URL.endsWith('/') ? config.SLACK_API_URL : `${config.SLACK_API_URL}/`) : undefined;
  // separate objects: the Socket Mode client writes its own retry settings (for reconnecting) into the one it gets
  const clientOptions = (): webApi.WebClientOptions => (apiUrl ? { slackApiUrl: apiUrl } : {});
  const apiClientOptions = (): webApi.WebClientOptions => ({ ...clientOptions(), retryConfig: SLACK_RETRY });
  if (!config.SLACK_APP_TOKEN && !config.SLACK_SIGNING_SECRET) {
    throw new ConfigError('SLACK_SIGNING_SECRET', 'set it for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  const logger = boltLogger(log);
  const slog = log.child({ component: 'slack' });

  // Who the bot is (and whether the token works) before anything listens: its own messages and
  // mentions of it are recognised by these ids, which Bolt then needs not look up again.
  let botUserId: string | undefined;
  let botId: string | undefined;
  /** The workspace of the bot token: subscriptions stored before their team was kept belong to it. */
  let teamId: string | undefined;
  try {
    const probe = new webApi.WebClient(token, { ...apiClientOptions(), logger });
    const auth = await probe.auth.test();
    botUserId = auth.user_id;
    botId = auth.bot_id;
    teamId = auth.team_id;
    slog.info({ team: auth.team, user: auth.user }, 'slack: authenticated');
  } catch (err) {
    const code = slackErrorCode(err);
    if (code === 'invalid_auth' || code === 'not_authed' || code === 'account_inactive' || code === 'token_revoked') {
      throw new ConfigError('SLACK_BOT_TOKEN', `Slack rejected the token (${code})`);
    }
    throw err;
  }
  const identity = { ...(botUserId ? { botUserId } : {}), ...(botId ? { botId } : {}) };

  let app: App;
  let mode: 'socket' | 'http';
  if (config.SLACK_APP_TOKEN) {
    mode = 'socket';
    app = new App({
      token,
      ...identity,
      appToken: config.SLACK_APP_TOKEN,
      socketMode: true,
      clientOptions: apiClientOptions(),
      installerOptions: { clientOptions: clientOptions() },
      logger,
      convoStore: false,
    });
  } else {
    mode = 'http';
    const receiver = new GuardedReceiver({
      signingSecret: config.SLACK_SIGNING_SECRET ?? '',
      endpoints: '/slack/events',
      logger,
      processBeforeResponse: false,
      limits: { ...DEFAULT_SLACK_HTTP_LIMITS, ...deps.httpLimits },
      log: slog,
    });
    app = new App({ token, ...identity, receiver, clientOptions: apiClientOptions(), logger, convoStore: false });
  }

  // ---- answer each event once -------------------------------------------------------------
  // Slack retries an event (same event_id) when the first delivery looks slow, and behind a load
  // balancer the retry may reach another replica: the atomic mark in the shared store decides.
  let once: OnceStore;
  const ownOnce = !deps.once;
  if (deps.once) once = deps.once;
  else {
    try {
      once = await openOnceStore({ dataDir: config.DATA_DIR, redisUrl: config.REDIS_URL, connect: { log: slog, timeoutMs: config.REDIS_CONNECT_TIMEOUT_MS } });
    } catch (err) {
      slog.error({ err }, 'slack: event dedupe store unavailable; duplicates are caught in this process only');
      once = new MemoryOnceStore();
    }
  }
  const recentEvents = new Map<string, number>();
  async function firstDelivery(eventId: string | undefined): Promise<boolean> {
    if (!eventId) return true;
    const now = Date.now();
    if (recentEvents.size > 5000) for (const [id, at] of recentEvents) if (now - at > EVENT_TTL_MS) recentEvents.delete(id);
    if (recentEvents.has(eventId)) return false;
    recentEvents.set(eventId, now);
    try {
      if (!(await once.first(`${EVENT_NS}:${eventId}`, EVENT_TTL_MS))) return false;
    } catch (err) {
      slog.warn({ err, eventId }, 'slack: event dedupe store unavailable; relying on memory');
      return true;
    }
    // a record of the answered event beside the other state (the mark above is what decides)
    await bot.recordEvent('slack', eventId, EVENT_TTL_MS);
    return true;
  }

  // ---- user timezone and role (users.info), cached briefly ---------------------------------
  const users = new Map<string, { tz: string; admin: boolean; until: number }>();
  async function userInfo(client: WebClient, userId: string): Promise<{ tz: string; admin: boolean }> {
    const cached = users.get(userId);
    if (cached && cached.until > Date.now()) return cached;
    let tz = config.DEFAULT_TIMEZONE;
    let admin = false;
    try {
      const info = await client.users.info({ user: userId });
      const userTz = info.user?.tz;
      if (userTz && isValidTimeZone(userTz)) tz = userTz;
      admin = Boolean(info.user?.is_admin || info.user?.is_owner || info.user?.is_primary_owner);
    } catch (err) {
      slog.warn({ err: slackErrorCode(err) ?? String(err), userId }, 'slack: users.info failed; using DEFAULT_TIMEZONE');
    }
    const entry = { tz, admin, until: Date.now() + USER_CACHE_MS };
    users.set(userId, entry);
    return entry;
  }
  const inTurn = deps.engineTurns === false ? <T>(work: () => Promise<T>) => work() : engineTurns();
  /** Only `since:` and digests depend on who is asking; other commands make no users.info call. */
  const needsUserInfo = (command: Command) => (command.name === 'brief' && command.since !== null) || command.name === 'digest';

  async function run(command: Command, ctx: CallContext, client: WebClient): Promise<Reply> {
    if (!needsUserInfo(command)) return bot.handle(command, ctx);
    const { tz, admin } = await userInfo(client, ctx.userId);
    return bot.handle(command, { ...ctx, timezone: tz, canManageDigest: admin });
  }

  function apology(err: unknown, where: string, extra: Record<string, unknown>): Reply {
    if (err instanceof StoreUnavailableError) {
      slog.warn({ where, ...extra, operation: err.operation, cause: describeCause(err.cause) }, 'store unavailable; not done');
      return { kind: 'error', code: 'store_unavailable', message: STORE_UNAVAILABLE_TEXT };
    }
    const ref = makeErrorReference();
    slog.error({ err, ref, where, ...extra }, `slack: ${where} failed`);
    return { kind: 'error', code: 'internal', message: `Sorry, something went wrong (reference ${ref}).` };
  }

  async function post(client: WebClient, channel: string, messages: SlackMessage[], threadTs?: string): Promise<void> {
    for (const m of messages) {
      await client.chat.postMessage({
        channel,
        text: m.text,
        blocks: m.blocks,
        ...(threadTs ? { thread_ts: threadTs } : {}),
        unfurl_links: false,
        unfurl_media: false,
      });
    }
  }

  /**
   * A message the bot posts and then edits while a generated answer streams (mentions and DMs,
   * never ephemeral replies): partial replies at most once per STREAM_EDIT_MS, then the final
   * reply replaces it (or is posted as usual when no partial went out).
   */
  function liveMessage(client: WebClient, channel: string, threadTs?: string) {
    let ts: string | undefined;
    const throttle = new EditThrottle<Reply>(
      async (partial) => {
        const [m] = renderSlack(partial);
        if (!m) return;
        if (ts) await client.chat.update({ channel, ts, text: m.text, blocks: m.blocks });
        else ts = (await client.chat.postMessage({ channel, text: m.text, blocks: m.blocks, ...(threadTs ? { thread_ts: threadTs } : {}), unfurl_links: false, unfurl_media: false })).ts;
      },
      (err) => slog.warn({ err: slackErrorCode(err) ?? String(err), channel }, 'slack: partial answer not shown'),
      STREAM_EDIT_MS,
    );
    return {
      push: (reply: Reply) => throttle.push(reply),
      async finish(messages: SlackMessage[]): Promise<void> {
        await throttle.close();
        const [first, ...rest] = messages;
        if (!ts || !first) return post(client, channel, messages, threadTs);
        await client.chat.update({ channel, ts, text: first.text, blocks: first.blocks });
        await post(client, channel, rest, threadTs);
      },
    };
  }

  /**
   * Bolt's respond() posts to the response_url once and throws on any non-2xx (RespondError with
   * its statusCode) or network error: a 5xx or network error is tried again here, a 4xx is not.
   */
  const retrying =
    (respond: RespondFn | undefined, where: string): RespondFn =>
    (message) =>
      // a signed request without response_url (not from Slack's own UI): nowhere to answer
      !respond
        ? Promise.reject(new MissingResponseUrl(where))
        : withRetry(() => respond(message), {
            onRetry: (err, attempt, delayMs) => slog.warn({ err: err instanceof Error ? err.message : String(err), attempt, delayMs }, 'slack: response_url post failed; retrying'),
          });

  async function respondAll(respond: RespondFn, messages: SlackMessage[]): Promise<void> {
    let list = messages;
    if (list.length > MAX_RESPONSES) {
      const note = renderSlack({ kind: 'notice', text: 'The reply was too long to show in full; narrow the question or topic.' });
      list = [...list.slice(0, MAX_RESPONSES - 1), ...note];
    }
    for (const m of list) await respond({ response_type: 'ephemeral', replace_original: false, text: m.text, blocks: m.blocks });
  }

  /** Slack `/brief TEXT` whose first word is a sub-command (or that is empty: the top stories) keeps its command reading. */
  const isBriefSubcommand = (text: string) => !text.trim() || /^(?:ask|summary|sources|digest|forget|help)(?:\s|$)/i.test(text.trim());

  // ---- /brief ----------------------------------------------------------------------------
  app.command('/brief', async ({ command, ack, respond: respondOnce, client }) => {
    if (!respondOnce) {
      // the acknowledgement is the only answer such a request can get
      slog.warn({ user: command.user_id, channel: command.channel_id }, 'slack: /brief without a response_url; answered in the acknowledgement');
      await ack({ response_type: 'ephemeral', text: 'This command arrived without a response_url, so the answer has nowhere to go. Run it again from Slack.' });
      return;
    }
    const respond = retrying(respondOnce, '/brief');
    await ack(); // at once: the engine's work comes after the acknowledgement (and, see engineTurns, after other acks)
    try {
      const text = decodeSlackText(command.text ?? '', botUserId);
      const ctx: CallContext = {
        surface: 'slack',
        conversationId: `command:${command.channel_id}:${command.user_id}`,
        userId: command.user_id,
        channelKey: `slack:${command.channel_id}`,
        ...(command.team_id ? { workspaceId: command.team_id } : {}),
        workspaceOf: () => teamId,
      };
      let reply: Reply;
      if (isBriefSubcommand(text)) {
        const parsed = parseBriefText(text);
        if (!parsed.ok) reply = { kind: 'error', ...parsed.error };
        else reply = await inTurn(() => run(parsed.command, ctx, client));
      } else {
        // words that are not a sub-command: a request in words, a question, else a topic
        reply = (await inTurn(() => bot.handleText(text, ctx, { briefText: true, run: (c, x) => run(c, x, client), timezone: async () => (await userInfo(client, command.user_id)).tz }))).reply;
      }
      const shareable = reply.kind === 'answer' || reply.kind === 'stories' || reply.kind === 'summary' || reply.kind === 'sources';
      const answerRef = reply.kind === 'answer' ? newRef() : undefined;
      // without the store the reply is still shown, only without its share button
      const shareKey = shareable ? await bot.saveShare<ShareEntry>({ surface: 'slack', userId: command.user_id }, { reply, ...(answerRef ? { answerRef } : {}) }) : undefined;
      await respondAll(respond, renderSlack(reply, { ...(answerRef ? { answerRef } : {}), ...(shareKey ? { shareKey } : {}) }));
    } catch (err) {
      const reply = apology(err, '/brief', { user: command.user_id, channel: command.channel_id });
      await respondAll(respond, renderSlack(reply)).catch((e: unknown) => slog.error({ err: e }, 'slack: apology not delivered'));
    }
  });

  // ---- Share in channel -------------------------------------------------------------------
  app.action(ACTION_IDS.share, async ({ ack, body, action, respond: respondOnce, client }) => {
    const respond = retrying(respondOnce, 'share');
    await ack();
    if (!respondOnce) {
      slog.warn({ user: body.user.id }, 'slack: share click without a response_url; ignored');
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
        await post(client, channel, renderSlack(entry.reply, entry.answerRef ? { answerRef: entry.answerRef } : {}));
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
      slog.info({ user: body.user.id, channel }, 'slack: reply shared in channel');
      await respond({ delete_original: true }).catch((err: unknown) => slog.debug({ err }, 'slack: ephemeral not deleted'));
    } catch (err) {
      const reply = apology(err, 'share', { user: body.user.id, channel });
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderSlack(reply)[0]! }).catch(() => undefined);
    }
  });

  // ---- Also matching: a click picks that article's summary --------------------------------
  app.action(new RegExp(`^${ACTION_IDS.pickArticle}\\d+$`), async ({ ack, body, action, respond: respondOnce }) => {
    const respond = retrying(respondOnce, 'pick');
    await ack();
    const id = 'value' in action && typeof action.value === 'string' ? action.value : '';
    try {
      const reply: Reply = id
        ? await inTurn(() => bot.handle({ name: 'summary', target: id }, { surface: 'slack', conversationId: `pick:${body.user.id}`, userId: body.user.id }))
        : { kind: 'notice', text: 'That button carries no article; run the summary again.' };
      await respondAll(respond, renderSlack(reply));
    } catch (err) {
      const reply = apology(err, 'pick', { user: body.user.id });
      await respondAll(respond, renderSlack(reply)).catch(() => undefined);
    }
  });

  // ---- 👍 / 👎 ------------------------------------------------------------------------------
  app.action(new RegExp(`^(${ACTION_IDS.feedbackUp}|${ACTION_IDS.feedbackDown})$`), async ({ ack, body, action, respond: respondOnce }) => {
    const respond = retrying(respondOnce, 'feedback');
    await ack();
    try {
      const value = decodeFeedbackValue('value' in action && typeof action.value === 'string' ? action.value : undefined);
      const actionId = 'action_id' in action ? action.action_id : '';
      if (!value) {
        slog.warn({ actionId }, 'slack: feedback click without an answer reference');
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
      await bot.recordFeedback({ surface: 'slack', userId: record.user }, record.answer, record);
      slog.info({ feedback: record.vote, answer: record.answer, sources: record.sources, user: record.user }, 'slack: answer feedback');
      await respond({ response_type: 'ephemeral', replace_original: false, text: 'Thanks for the feedback.' }).catch(() => undefined);
    } catch (err) {
      const reply = apology(err, 'feedback', { user: body.user.id });
      // a vote that was not saved must not look saved: say so (other failures stay in the log)
      if (reply.kind === 'error' && reply.code === 'store_unavailable') {
        await respond({ response_type: 'ephemeral', replace_original: false, ...renderSlack(reply)[0]! }).catch(() => undefined);
      }
    }
  });

  // ---- conversations: mentions and DMs -----------------------------------------------------
  async function converse(args: {
    client: WebClient;
    text: string;
    channel: string;
    user: string;
    conversationId: string;
    threadTs?: string;
    eventId?: string;
  }): Promise<void> {
    const live = liveMessage(args.client, args.channel, args.threadTs);
    try {
      // "ask …" typed out of habit is the question after it
      const text = decodeSlackText(args.text, botUserId).replace(/^ask\s+/i, '');
      const ctx: CallContext = { surface: 'slack', conversationId: args.conversationId, userId: args.user, onPartial: live.push };
      const { reply } = await inTurn(() =>
        bot.handleText(text, ctx, { run: (c, x) => run(c, x, args.client), timezone: async () => (await userInfo(args.client, args.user)).tz }),
      );
      const answerRef = reply.kind === 'answer' ? newRef() : undefined;
      await live.finish(renderSlack(reply, answerRef ? { answerRef } : {}));
    } catch (err) {
      const reply = apology(err, 'conversation', { user: args.user, channel: args.channel, eventId: args.eventId });
      // a partial answer already shown is replaced by the apology, not left half-written
      await live.finish(renderSlack(reply)).catch((e: unknown) => slog.error({ err: e }, 'slack: apology not delivered'));
    }
  }

  interface MessageLike {
    type: string;
    subtype?: string;
    user?: string;
    bot_id?: string;
    text?: string;
    channel: string;
    channel_type?: string;
    ts: string;
    thread_ts?: string;
    edited?: unknown;
  }
  const fromUs = (e: MessageLike) => Boolean(e.bot_id) || (botId !== undefined && e.bot_id === botId) || (botUserId !== undefined && e.user === botUserId);

  app.event('app_mention', async ({ event, body, client }) => {
    const e = event as unknown as MessageLike;
    if (e.subtype || e.edited || fromUs(e) || !e.user) return;
    if (e.channel.startsWith('D')) return; // a DM: the message.im event answers it
    if (!(await firstDelivery(body.event_id))) {
      slog.info({ eventId: body.event_id }, 'slack: duplicate event ignored');
      return;
    }
    const threadTs = e.thread_ts ?? e.ts;
    await converse({ client, text: e.text ?? '', channel: e.channel, user: e.user, conversationId: `${e.channel}:${threadTs}`, threadTs, eventId: body.event_id });
  });

  app.event('message', async ({ event, body, client }) => {
    const e = event as unknown as MessageLike;
    if (e.channel_type !== 'im') return;
    if (e.subtype || e.edited || fromUs(e) || !e.user) return;
    if (!(await firstDelivery(body.event_id))) {
      slog.info({ eventId: body.event_id }, 'slack: duplicate event ignored');
      return;
    }
    await converse({
      client,
      text: e.text ?? '',
      channel: e.channel,
      user: e.user,
      conversationId: e.channel,
      ...(e.thread_ts ? { threadTs: e.thread_ts } : {}),
      eventId: body.event_id,
    });
  });

  // ---- App Home: how to use the bot and this workspace's digests, published when the tab opens --
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const user = event.user;
    try {
      const team = (body as { team_id?: string }).team_id ?? teamId;
      const { tz, admin } = await userInfo(client, user);
      const ctx: CallContext = {
        surface: 'slack',
        conversationId: `home:${user}`,
        userId: user,
        timezone: tz,
        canManageDigest: admin,
        ...(team ? { workspaceId: team } : {}),
        workspaceOf: () => teamId,
      };
      const list = await inTurn(() => bot.handle({ name: 'digest', action: 'list', args: '' }, ctx));
      await client.views.publish({ user_id: user, view: homeView(helpReply('slack'), list) });
      slog.info({ user, listed: list.kind === 'subscriptions' ? list.entries.length : null }, 'slack: App Home published');
    } catch (err) {
      slog.error({ err: slackErrorCode(err) ?? err, user }, 'slack: App Home not published');
    }
  });

  app.error(async (error) => {
    slog.error({ err: error, code: (error as { code?: string }).code }, 'slack: unhandled error in Bolt');
  });

  // ---- start ------------------------------------------------------------------------------
  let port: number | null = null;
  try {
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
  } catch (err) {
    if (ownOnce) await once.close().catch(() => undefined);
    throw err;
  }

  // Digests get their own client: a rate limit comes back to the scheduler (which waits what Slack
  // asks, holding its claim) and a post is never retried blindly (the scheduler reads back first):
  // bounded at 0 retries on purpose, unlike SLACK_RETRY, since a retried post could show twice.
  const digestClient = new webApi.WebClient(token, { ...clientOptions(), logger, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });
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
      recentEvents.clear();
      if (ownOnce) await once.close().catch((err: unknown) => slog.warn({ err }, 'slack: event dedupe store not closed'));
    },
  };
}
