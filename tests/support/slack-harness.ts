import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { startSlack, type SlackDeps, type SlackHandle } from '../../adapters/slack/slack-adapter.ts';
import { Bot, type BotDeps, type CallContext } from '../../src/bot/bot.ts';
import type { Command } from '../../src/bot/command.ts';
import type { Reply } from '../../src/bot/reply.ts';
import { loadConfig } from '../../src/config.ts';
import type { Engine } from '../../src/engine/engine.ts';
import type { EngineApi } from '../../src/engine-host/engine-api.ts';
import { EngineWorker } from '../../src/engine-host/engine-worker.ts';
import type { Article } from '../../src/engine/types.ts';
import type { DigestCommands } from '../../src/bot/digest-commands.ts';
import { loadEngine } from '../../src/load-engine.ts';
import type { Logger } from '../../src/logger.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { openOnceStore } from '../../src/store/once-store.ts';
import { SlackApiStub } from './slack-api-stub.ts';
import { SlackSignedClient } from './slack-signed-client.ts';
import { SlackSocketStub } from './slack-socket-stub.ts';

/** What a test gives the Bot for `digest …`: the digest service, or a stand-in that outlives restarts of it. */
export type HarnessDigests = DigestCommands & { stop(): Promise<void> };

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Articles added to the seeds: one full of would-be mentions, one for follow-ups. */
export function testArticles(): Article[] {
  return [
    {
      id: 'harbour.txt',
      title: 'Harbour council approves budget & warns <!channel> readers',
      text:
        'The harbour council approved a budget of 40 million euros on Tuesday. Mayor Lena Ortiz told <!channel> and @everyone that ferry fares will rise by 10 percent & <@U123> must pay first. The new ferry terminal opens in <#C999|general> next spring.\n\n' +
        'Critics said the budget ignores fishermen. The council meets again in January.',
      url: 'https://news.example.org/harbour?id=1&lang=en',
      date: '2024-11-28',
      source: 'Example <!here> News',
      origin: 'harbour.txt',
    },
    {
      id: 'volcano.txt',
      title: 'Volcano erupts near Reykjavik',
      text:
        'A volcano erupted near Reykjavik on Monday night, sending lava toward the town of Grindavik. Authorities evacuated 4,000 residents. The eruption was the fifth in the area this year.\n\n' +
        'The government set a budget of 100 million euros to rebuild Grindavik. Scientists said the lava flow slowed by Tuesday morning.',
      url: null,
      date: '2024-11-25',
      source: null,
      origin: 'volcano.txt',
    },
  ];
}

/** A real Bot whose calls a test can hold (a gate) or replace (an override). */
export class TestBot extends Bot {
  gate: Promise<void> | null = null;
  override: ((command: Command, ctx: CallContext) => Reply) | null = null;
  readonly seen: { command: Command; ctx: CallContext; at: number }[] = [];
  failWith: Error | null = null;

  override async handle(command: Command, ctx: CallContext): Promise<Reply> {
    this.seen.push({ command, ctx, at: Date.now() });
    if (this.gate) await this.gate;
    if (this.failWith) throw this.failWith;
    if (this.override) return this.override(command, ctx);
    return super.handle(command, ctx);
  }
}

export interface Harness {
  stub: SlackApiStub;
  client: SlackSignedClient;
  store: Store;
  bot: TestBot;
  slack: SlackHandle;
  eventsUrl: string;
  /** The Socket Mode stand-in, when started with `socketMode: true`. */
  socket: SlackSocketStub | null;
  log: Logger;
  /** Every log line written, parsed (to check what was logged). */
  logs: Record<string, unknown>[];
  /** The digest service given to the Bot, when started with `digests`. */
  digests: HarnessDigests | null;
  /** DATA_DIR: the SQLite store's file is in it. */
  dataDir: string;
  close(): Promise<void>;
}

/** Captures pino output in memory. */
function memoryLogger(): { log: Logger; logs: Record<string, unknown>[] } {
  const logs: Record<string, unknown>[] = [];
  const log = pino(
    { level: 'debug', base: undefined },
    {
      write(line: string) {
        try {
          logs.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          // not JSON: ignore
        }
      },
    },
  );
  return { log, logs };
}

/**
 * The real Slack adapter in HTTP mode on 127.0.0.1 (a free port), or in Socket Mode through a
 * loopback WebSocket stand-in (`socketMode: true`), talking to a loopback
 * stand-in of the Web API, over a real engine (seeds + test articles) and a SQLite store in a
 * temporary folder.
 */
export async function startHarness(
  options: {
    env?: Record<string, string>;
    botDeps?: Partial<BotDeps>;
    socketMode?: boolean;
    /** 'worker': the engine in a worker thread, as `npm start` runs it; default: in this thread. */
    engine?: 'worker' | 'local';
    /** Passed on to startSlack (e.g. `httpLimits`). */
    slackDeps?: Pick<SlackDeps, 'httpLimits'>;
    /** Builds the digest service the Bot delegates `digest …` to (on the harness's engine and store). */
    digests?: (deps: { engine: Engine | EngineApi; store: Store; log: Logger; dataDir: string }) => Promise<HarnessDigests>;
  } = {},
): Promise<Harness> {
  const stub = await SlackApiStub.start();
  const socket = options.socketMode ? new SlackSocketStub(stub) : null;
  const dir = await mkdtemp(join(tmpdir(), 'slack-test-'));
  const { log, logs } = memoryLogger();
  const cleanups: (() => Promise<unknown>)[] = [() => stub.stop(), () => rm(dir, { recursive: true, force: true })];
  try {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: stub.url,
      PORT: '0',
      DATA_DIR: dir,
      DEFAULT_TIMEZONE: 'UTC',
      LOG_LEVEL: 'silent',
      ...(socket ? { SLACK_APP_TOKEN: 'xapp-test-token' } : {}),
      ...options.env,
    });
    let engine: Engine | EngineApi;
    if (options.engine === 'worker') {
      const worker = await EngineWorker.start({ corpusDir: join(PROJECT_ROOT, 'seeds'), log, watch: false });
      cleanups.unshift(() => worker.stop());
      engine = worker.engine;
      await worker.engine.add(testArticles());
    } else {
      const local = await loadEngine(join(PROJECT_ROOT, 'seeds'), log);
      local.add(testArticles());
      engine = local;
    }
    const store = await openStore({ dataDir: dir });
    cleanups.unshift(() => store.close());
    const digests = options.digests ? await options.digests({ engine, store, log, dataDir: dir }) : null;
    if (digests) cleanups.unshift(() => digests.stop());
    // event dedupe marks in DATA_DIR/once.sqlite, opened beside the store as main.ts opens them
    const once = await openOnceStore({ dataDir: dir });
    cleanups.unshift(() => once.close());
    const bot = new TestBot({ engine, store, log, once, defaultTimezone: config.DEFAULT_TIMEZONE, ...(digests ? { digests } : {}), ...options.botDeps });
    const slack = await startSlack({ bot, log, config, host: '127.0.0.1', ...options.slackDeps });
    cleanups.unshift(() => slack.stop());
    const eventsUrl = slack.port === null ? '' : `http://127.0.0.1:${slack.port}/slack/events`;
    return {
      stub,
      client: new SlackSignedClient(eventsUrl, SIGNING_SECRET),
      store,
      bot,
      slack,
      eventsUrl,
      socket,
      log,
      logs,
      digests,
      dataDir: dir,
      async close() {
        for (const c of cleanups) await c().catch(() => undefined);
      },
    };
  } catch (err) {
    for (const c of cleanups) await c().catch(() => undefined);
    throw err;
  }
}

/** Every piece of text a recorded payload would show (section/context/fallback/button labels), with its path. */
export function payloadTexts(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => payloadTexts(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) =>
      // button values and ids are data, not shown text
      k === 'value' || k === 'action_id' || k === 'block_id' || k === 'response_url' ? [] : payloadTexts(v, path ? `${path}.${k}` : k),
    );
  }
  return [];
}

/** Text that would mention someone or break Slack's escaping. */
export const UNSAFE_PATTERNS: RegExp[] = [
  /<!(channel|here|everyone|subteam)/i,
  /<@[UW]/,
  /<#C/,
  /<(?!https?:\/\/)/, // any other raw "<" than the start of a link we built
  /@(channel|here|everyone)\b/i, // plain words, broken up by a word joiner when escaped
  /&(?!amp;|lt;|gt;)/, // a raw ampersand
];
