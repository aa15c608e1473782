import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord, type DiscordHandle } from '../../../adapters/discord/discord-adapter.ts';
import { shardOfGuild, shardOptions } from '../../../adapters/discord/discord-shards.ts';
import { Bot } from '../../../src/bot/bot.ts';
import { loadConfig } from '../../../src/config.ts';
import { ConfigError } from '../../../src/errors.ts';
import { loadEngine } from '../../../src/load-engine.ts';
import { openStore, type Store } from '../../../src/store/open-store.ts';
import { DiscordGatewayStub, Op } from '../../support/discord-gateway-stub.ts';
import { APP_ID, BOT_USER, guildCreatePayload, SEEDS, TOKEN } from '../../support/discord-harness.ts';
import { DiscordRestStub } from '../../support/discord-rest-stub.ts';
import { silentLog } from '../../support/test-log.ts';

describe('DISCORD_SHARDS / DISCORD_SHARD_COUNT configuration', () => {
  const base = { CORPUS_DIR: 'seeds' };
  const failure = (env: Record<string, string>) => {
    try {
      loadConfig({ ...base, ...env });
    } catch (err) {
      return err as ConfigError;
    }
    throw new Error('expected a configuration error');
  };

  it('reads the shard list and count', () => {
    const config = loadConfig({ ...base, DISCORD_SHARDS: ' 3, 1 ', DISCORD_SHARD_COUNT: '4' });
    expect(config.DISCORD_SHARDS).toEqual([1, 3]);
    expect(config.DISCORD_SHARD_COUNT).toBe(4);
    expect(shardOptions(config)).toEqual({ shards: [1, 3], shardCount: 4 });
  });

  it('holds every shard of the count when only DISCORD_SHARD_COUNT is set, and leaves discord.js its default when neither is', () => {
    expect(shardOptions(loadConfig({ ...base, DISCORD_SHARD_COUNT: '3' }))).toEqual({ shards: [0, 1, 2], shardCount: 3 });
    expect(shardOptions(loadConfig(base))).toEqual({});
  });

  it('names the variable in every error', () => {
    expect(failure({ DISCORD_SHARDS: '0,x' })).toMatchObject({ variable: 'DISCORD_SHARDS' });
    expect(failure({ DISCORD_SHARDS: '0,0', DISCORD_SHARD_COUNT: '2' })).toMatchObject({ variable: 'DISCORD_SHARDS' });
    expect(failure({ DISCORD_SHARDS: '-1', DISCORD_SHARD_COUNT: '2' })).toMatchObject({ variable: 'DISCORD_SHARDS' });
    expect(failure({ DISCORD_SHARDS: '0,2', DISCORD_SHARD_COUNT: '2' })).toMatchObject({ variable: 'DISCORD_SHARDS' });
    expect(failure({ DISCORD_SHARDS: '0,1' })).toMatchObject({ variable: 'DISCORD_SHARD_COUNT' });
    expect(failure({ DISCORD_SHARD_COUNT: '0' })).toMatchObject({ variable: 'DISCORD_SHARD_COUNT' });
    expect(failure({ DISCORD_SHARD_COUNT: 'two' })).toMatchObject({ variable: 'DISCORD_SHARD_COUNT' });
    expect(failure({ DISCORD_SHARDS: '0,1' }).message).toMatch(/^DISCORD_SHARD_COUNT: /);
  });

  it("puts a guild on shard (guild_id >> 22) % shardCount, DMs on shard 0", () => {
    expect(shardOfGuild('41771983423143937', 1)).toBe(0);
    const guild = ((123456789n << 22n) + 777n).toString();
    expect(shardOfGuild(guild, 2)).toBe(123456789 % 2);
    expect(shardOfGuild(guild, 10)).toBe(123456789 % 10);
    expect(shardOfGuild(null, 4)).toBe(0);
  });
});

describe('two Discord processes, each holding its own gateway shard (gateway stand-in)', () => {
  let gateway: DiscordGatewayStub;
  let rest: DiscordRestStub;
  let store: Store;
  let dataDir: string;
  const adapters: DiscordHandle[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'discord-shards-'));
    gateway = await DiscordGatewayStub.start({ user: BOT_USER, applicationId: APP_ID, guilds: [guildCreatePayload()], heartbeatIntervalMs: 1_000 });
    rest = await DiscordRestStub.start({ user: BOT_USER, applicationId: APP_ID, gatewayUrl: gateway.url });
    store = await openStore({ dataDir, log: silentLog });
  });

  afterAll(async () => {
    for (const a of adapters) await a.stop().catch(() => undefined);
    await Promise.allSettled([gateway?.close(), rest?.close()]);
    await store?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('identifies with shard [0, 2] in one and [1, 2] in the other', async () => {
    const engine = await loadEngine(SEEDS, silentLog);
    const bot = new Bot({ engine, store, log: silentLog, defaultTimezone: 'UTC' });
    for (const shard of ['0', '1']) {
      const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: APP_ID, DISCORD_API_URL: rest.url, DATA_DIR: dataDir, CORPUS_DIR: SEEDS, DISCORD_SHARDS: shard, DISCORD_SHARD_COUNT: '2' });
      adapters.push(await startDiscord({ bot, log: silentLog, config }));
    }
    const identifies = gateway.ops(Op.Identify).map((p) => (p.d as { shard?: unknown; token?: unknown }).shard);
    expect(identifies).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(gateway.sessions).toHaveLength(2);
  });
});
