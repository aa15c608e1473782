/**
 * Runs the real Discord adapter (real discord.js, real Engine over seeds/, real SQLite store in
 * a temp dir) against the loopback REST and gateway stand-ins, with payload builders for the
 * gateway events a test sends.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { startDiscord } from '../../adapters/discord/discord-adapter.ts';
import { Bot, type BotDeps } from '../../src/bot/bot.ts';
import type { Engine } from '../../src/engine/engine.ts';
import type { DigestCommands } from '../../src/bot/digest-commands.ts';
import type { DigestChannel } from '../../src/schedule/digest-channel.ts';
import { loadConfig } from '../../src/config.ts';
import { loadEngine } from '../../src/load-engine.ts';
import type { Logger } from '../../src/logger.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { DiscordGatewayStub, messagePayload, snowflake } from './discord-gateway-stub.ts';
import { DiscordRestStub, type RecordedRequest } from './discord-rest-stub.ts';

/** What a test gives the Bot for `digest …`: the digest service, or a stand-in that outlives restarts of it. */
export type HarnessDigests = DigestCommands & { stop(): Promise<void> };

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SEEDS = join(PROJECT_ROOT, 'seeds');

export const APP_ID = '1100000000000000001';
export const BOT_USER = { id: '1100000000000000001', username: 'briefing', bot: true };
export const GUILD_ID = '1200000000000000001';
export const TEXT_CHANNEL_ID = '1300000000000000001';
export const THREAD_ID = '1300000000000000002';
export const DM_CHANNEL_ID = '1400000000000000001';
export const ALICE = { id: '1500000000000000001', username: 'alice', discriminator: '0', global_name: 'Alice', avatar: null };
export const BOB = { id: '1500000000000000002', username: 'bob', discriminator: '0', global_name: 'Bob', avatar: null };
export const TOKEN = 'stub-bot-token';
/** "Now" for the bot: the evening of the seed article's date, so the digest preview (last 24 hours) has it. */
export const NOW = new Date('2024-11-30T18:00:00Z');

const JOINED = '2024-01-01T00:00:00.000Z';
const ALL_PERMISSIONS = '2248473465835073';

export function guildCreatePayload(): Record<string, unknown> {
  return {
    id: GUILD_ID,
    name: 'Newsroom',
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: ALICE.id,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [{ id: GUILD_ID, name: '@everyone', color: 0, hoist: false, position: 0, permissions: '1071698660929', managed: false, mentionable: false, flags: 0 }],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    joined_at: JOINED,
    large: false,
    unavailable: false,
    member_count: 3,
    voice_states: [],
    members: [{ user: { ...BOT_USER, discriminator: '0', avatar: null }, roles: [], joined_at: JOINED, deaf: false, mute: false, flags: 0 }],
    channels: [{ id: TEXT_CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'general', position: 0, permission_overwrites: [], topic: null, nsfw: false, parent_id: null, last_message_id: null, rate_limit_per_user: 0 }],
    threads: [
      {
        id: THREAD_ID,
        type: 11,
        guild_id: GUILD_ID,
        parent_id: TEXT_CHANNEL_ID,
        name: 'aleppo questions',
        owner_id: ALICE.id,
        last_message_id: null,
        message_count: 0,
        member_count: 2,
        rate_limit_per_user: 0,
        thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: JOINED, locked: false },
      },
    ],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export type Where = 'guild' | 'thread' | 'dm';

export interface SentInteraction {
  id: string;
  token: string;
}

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface Harness {
  bot: Bot;
  /** The Bot's engine, for a test's expected answers (adapters never see it). */
  engine: Engine;
  store: Store;
  log: Logger;
  logs: LogLine[];
  gateway: DiscordGatewayStub;
  rest: DiscordRestStub;
  dataDir: string;
  /** The adapter's channel for scheduled digests. */
  digestChannel: DigestChannel;
  /** The digest service given to the Bot, when started with `digests`. */
  digests: HarnessDigests | null;
  /** Sends a slash command; options as name → string value, or a sub-command name for `/digest`; `permissions`: the member's (default all). */
  slash(name: string, options?: Record<string, string>, opts?: { where?: Where; user?: typeof ALICE; subcommand?: string; permissions?: string }): SentInteraction;
  /** Sends an autocomplete request for `option` (under `subcommand`, as for `/digest subscribe`). */
  autocomplete(name: string, option: string, typed: string, subcommand?: string): SentInteraction;
  button(customId: string, messageId: string, user?: typeof ALICE): SentInteraction;
  /** Sends MESSAGE_CREATE; returns the message id. */
  message(content: string, opts: { where: Where; mentionBot?: boolean; user?: typeof ALICE; replyTo?: string }): string;
  /** Resolves with the request that answered (callback / webhook edit / follow-up…) for an interaction token. */
  waitForToken(token: string, kind: RecordedRequest['kind'], nth?: number): Promise<RecordedRequest>;
  stop(): Promise<void>;
}

export async function startHarness(
  options: {
    /** Builds the digest service the Bot delegates `digest …` to (on the harness's engine and store). */
    digests?: (deps: { engine: Engine; store: Store; log: Logger; dataDir: string }) => Promise<HarnessDigests>;
    now?: () => Date;
    /** More for the Bot (e.g. a generator for generated answers). */
    botDeps?: Partial<BotDeps>;
  } = {},
): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'discord-adapter-test-'));
  const logs: LogLine[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) }) as unknown as Logger;
  const engine = await loadEngine(SEEDS, log);
  const store = await openStore({ dataDir, log });
  const digests = options.digests ? await options.digests({ engine, store, log, dataDir }) : null;
  const bot = new Bot({ engine, store, log, now: options.now ?? (() => NOW), defaultTimezone: 'UTC', ...(digests ? { digests } : {}), ...options.botDeps });

  const gateway = await DiscordGatewayStub.start({ user: BOT_USER, applicationId: APP_ID, guilds: [guildCreatePayload()], heartbeatIntervalMs: 1_000 });
  const rest = await DiscordRestStub.start({ user: BOT_USER, applicationId: APP_ID, gatewayUrl: gateway.url });
  const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: APP_ID, DISCORD_API_URL: rest.url, DATA_DIR: dataDir, CORPUS_DIR: SEEDS, LOG_LEVEL: 'debug' });
  const adapter = await startDiscord({ bot, log, config });

  const userFields = (where: Where, user: typeof ALICE, permissions = ALL_PERMISSIONS) =>
    where === 'dm'
      ? { user, channel_id: DM_CHANNEL_ID, channel: { id: DM_CHANNEL_ID, type: 1, last_message_id: null, recipients: [user], flags: 0 }, context: 1 }
      : {
          guild_id: GUILD_ID,
          guild: { id: GUILD_ID, locale: 'en-US', features: [] },
          guild_locale: 'en-US',
          channel_id: where === 'thread' ? THREAD_ID : TEXT_CHANNEL_ID,
          channel:
            where === 'thread'
              ? { id: THREAD_ID, type: 11, guild_id: GUILD_ID, parent_id: TEXT_CHANNEL_ID, name: 'aleppo questions', flags: 0, thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: JOINED, locked: false } }
              : { id: TEXT_CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'general', flags: 0, nsfw: false, parent_id: null, permissions: ALL_PERMISSIONS },
          member: { user, roles: [], joined_at: JOINED, deaf: false, mute: false, flags: 0, permissions, pending: false, nick: null, avatar: null },
          context: 0,
        };

  const interaction = (type: number, data: Record<string, unknown>, where: Where, user: typeof ALICE, extra: Record<string, unknown> = {}, permissions?: string): SentInteraction => {
    const id = snowflake();
    const token = `token-${id}`;
    const fields = userFields(where, user, permissions);
    rest.interactionChannels.set(token, fields.channel_id);
    gateway.dispatch('INTERACTION_CREATE', {
      id,
      application_id: APP_ID,
      type,
      token,
      version: 1,
      locale: 'en-US',
      app_permissions: ALL_PERMISSIONS,
      entitlements: [],
      authorizing_integration_owners: where === 'dm' ? { '1': user.id } : { '0': GUILD_ID },
      attachment_size_limit: 10_485_760,
      data,
      ...fields,
      ...extra,
    });
    return { id, token };
  };

  const commandIds = new Map<string, string>();
  const commandId = (name: string) => {
    if (!commandIds.has(name)) commandIds.set(name, snowflake());
    return commandIds.get(name)!;
  };

  const harness: Harness = {
    bot,
    engine,
    store,
    log,
    logs,
    gateway,
    rest,
    dataDir,
    digestChannel: adapter.digestChannel,
    digests,
    slash(name, options = {}, opts = {}) {
      const stringOptions = Object.entries(options).map(([n, value]) => ({ name: n, type: 3, value }));
      const data = {
        id: commandId(name),
        name,
        type: 1,
        options: opts.subcommand ? [{ name: opts.subcommand, type: 1, options: stringOptions }] : stringOptions,
      };
      return interaction(2, data, opts.where ?? 'guild', opts.user ?? ALICE, {}, opts.permissions);
    },
    autocomplete(name, option, typed, subcommand) {
      const focused = [{ name: option, type: 3, value: typed, focused: true }];
      return interaction(4, { id: commandId(name), name, type: 1, options: subcommand ? [{ name: subcommand, type: 1, options: focused }] : focused }, 'guild', ALICE);
    },
    button(customId, messageId, user = ALICE) {
      const message = messagePayload({
        id: messageId,
        channel_id: TEXT_CHANNEL_ID,
        author: { ...BOT_USER, discriminator: '0', avatar: null },
        content: '',
      });
      return interaction(3, { custom_id: customId, component_type: 2 }, 'guild', user, { message });
    },
    message(content, opts) {
      const id = snowflake();
      const user = opts.user ?? ALICE;
      const channelId = opts.where === 'dm' ? DM_CHANNEL_ID : opts.where === 'thread' ? THREAD_ID : TEXT_CHANNEL_ID;
      gateway.dispatch('MESSAGE_CREATE', messagePayload({
        id,
        type: opts.replyTo ? 19 : 0,
        channel_id: channelId,
        ...(opts.where === 'dm' ? { channel_type: 1 } : { guild_id: GUILD_ID, channel_type: opts.where === 'thread' ? 11 : 0, member: { roles: [], joined_at: JOINED, deaf: false, mute: false, flags: 0 } }),
        author: user,
        content,
        mentions: opts.mentionBot ? [{ ...BOT_USER, discriminator: '0', avatar: null, global_name: null }] : [],
        ...(opts.replyTo ? { message_reference: { type: 0, message_id: opts.replyTo, channel_id: channelId, guild_id: GUILD_ID } } : {}),
      }));
      return id;
    },
    waitForToken(token, kind, nth = 0) {
      return rest.waitFor((r) => r.kind === kind && r.params.token === token && rest.of(kind).filter((x) => x.params.token === token).indexOf(r) === nth);
    },
    async stop() {
      await digests?.stop();
      await adapter.stop();
      await Promise.allSettled([gateway.close(), rest.close()]);
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}
