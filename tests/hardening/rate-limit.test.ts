import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Bot, type CallContext } from '../../src/bot/bot.ts';
import { RateLimiter, waitText } from '../../src/bot/rate-limit.ts';
import type { Reply } from '../../src/bot/reply.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { connectRedis, type RedisClient } from '../../src/store/redis-client.ts';
import { describeWithRedis, startRedisServer } from '../support/redis-server.ts';
import { loadSeedEngine } from '../support/seed-engine.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { silentLog } from '../support/test-log.ts';

const Q = { name: 'ask', question: 'Who captured the palace in Aleppo?' } as const;
const slack = (userId: string, conversationId = `dm-${userId}`): CallContext => ({ surface: 'slack', conversationId, userId });

describe('per-user rate limit (token bucket in the store)', () => {
  const temp = makeTempDir();
  let store: Store;
  let engine: Engine;
  let t = Date.parse('2024-11-30T20:00:00Z');
  const clock = () => new Date(t);
  const makeBot = (perMinute: number, s: Store = store) => new Bot({ engine, store: s, log: silentLog, now: clock, rateLimitPerMinute: perMinute });

  beforeAll(async () => {
    store = await openStore({ dataDir: temp.dir });
    engine = await loadSeedEngine();
  });
  afterAll(async () => {
    await store.close();
    temp.remove();
  });

  it('lets PER_MINUTE questions through, then refuses kindly, saying when to try again', async () => {
    const bot = makeBot(3);
    for (let i = 0; i < 3; i++) expect((await bot.handle(Q, slack('U1'))).kind).toBe('answer');
    const refused = await bot.handle(Q, slack('U1'));
    expect(refused).toMatchObject({ kind: 'error', code: 'rate_limited' });
    if (refused.kind === 'error') expect(refused.message).toMatch(/try again in 20 s\.$/);
    t += 5_000;
    const later = (await bot.handle(Q, slack('U1'))) as Reply & { kind: 'error' };
    expect(later.message).toMatch(/try again in 15 s\./);
    t += 15_000;
    expect((await bot.handle(Q, slack('U1'))).kind).toBe('answer');
  });

  it('counts each user on each surface apart', async () => {
    const bot = makeBot(1);
    expect((await bot.handle(Q, slack('U2'))).kind).toBe('answer');
    expect((await bot.handle(Q, slack('U2'))).kind).toBe('error');
    expect((await bot.handle(Q, slack('U3'))).kind).toBe('answer');
    expect((await bot.handle(Q, { surface: 'discord', conversationId: 'd', userId: 'U2' })).kind).toBe('answer');
  });

  it('limits questions only: briefs, help and forget still work', async () => {
    const bot = makeBot(1);
    await bot.handle(Q, slack('U4'));
    expect((await bot.handle(Q, slack('U4'))).kind).toBe('error');
    expect((await bot.handle({ name: 'brief', topic: 'aleppo', since: null }, slack('U4'))).kind).toBe('stories');
    expect((await bot.handle({ name: 'help' }, slack('U4'))).kind).toBe('help');
  });

  it('exempts the console and is off at 0', async () => {
    const bot = makeBot(1);
    for (let i = 0; i < 5; i++) expect((await bot.handle(Q, { surface: 'console', conversationId: 'c', userId: 'console' })).kind).toBe('answer');
    const off = makeBot(0);
    for (let i = 0; i < 5; i++) expect((await off.handle(Q, slack('U5'))).kind).toBe('answer');
  });

  it('is shared by replicas through the store', async () => {
    const a = makeBot(2);
    const b = makeBot(2);
    expect((await a.handle(Q, slack('U6'))).kind).toBe('answer');
    expect((await b.handle(Q, slack('U6'))).kind).toBe('answer');
    expect((await a.handle(Q, slack('U6'))).kind).toBe('error');
    expect((await b.handle(Q, slack('U6'))).kind).toBe('error');
  });

  it('lets questions through when the store fails (and says so in the log)', async () => {
    const broken: Store = {
      kind: 'sqlite',
      get: () => Promise.reject(new Error('disk gone')),
      set: () => Promise.reject(new Error('disk gone')),
      delete: () => Promise.reject(new Error('disk gone')),
      close: () => Promise.resolve(),
    };
    const limiter = new RateLimiter(broken, 1, clock, silentLog);
    expect(await limiter.take('slack:U7')).toEqual({ ok: true });
    expect(await limiter.take('slack:U7')).toEqual({ ok: true });
    const bot = makeBot(1, broken);
    expect((await bot.handle(Q, slack('U7'))).kind).toBe('answer');
    expect((await bot.handle(Q, slack('U7'))).kind).toBe('answer');
  });

  it("never lets an extra question through when one user's questions arrive at once", async () => {
    const limiter = new RateLimiter(store, 3, clock, silentLog);
    const decisions = await Promise.all(Array.from({ length: 12 }, () => limiter.take('slack:U8')));
    expect(decisions.filter((d) => d.ok)).toHaveLength(3);
    expect(await limiter.has('slack:U8')).toBe(true);
    await limiter.reset('slack:U8');
    expect(await limiter.has('slack:U8')).toBe(false);
  });

  it('spells waits in seconds and minutes', () => {
    expect(waitText(1)).toBe('1 s');
    expect(waitText(12_000)).toBe('12 s');
    expect(waitText(60_000)).toBe('1 min');
    expect(waitText(65_500)).toBe('1 min 6 s');
  });
});

describeWithRedis('rate limit in Redis, shared by replicas (needs redis-server)', () => {
  let server: Awaited<ReturnType<typeof startRedisServer>> | undefined;
  const clients: RedisClient[] = [];
  let t = Date.parse('2024-11-30T20:00:00Z');
  const clock = () => new Date(t);
  const broken: Store = {
    kind: 'redis',
    get: () => Promise.reject(new Error('the keyv store is not used for buckets in Redis')),
    set: () => Promise.reject(new Error('the keyv store is not used for buckets in Redis')),
    delete: () => Promise.reject(new Error('the keyv store is not used for buckets in Redis')),
    close: () => Promise.resolve(),
  };
  const replica = async (perMinute: number) => {
    const client = await connectRedis(server!.url);
    clients.push(client);
    return new RateLimiter(broken, perMinute, clock, silentLog, client);
  };

  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    for (const c of clients) await c.close();
    server?.stop();
  });

  it('lets exactly the limit through when questions race on three replicas', async () => {
    const replicas = await Promise.all([replica(5), replica(5), replica(5)]);
    const decisions = await Promise.all(Array.from({ length: 30 }, (_, i) => replicas[i % 3]!.take('slack:R1')));
    expect(decisions.filter((d) => d.ok)).toHaveLength(5);
    const refused = decisions.find((d) => !d.ok);
    expect(refused).toEqual({ ok: false, retryAfterMs: 12_000 });
  });

  it('refills with time, keeps users apart, and forgets a bucket', async () => {
    const [a, b] = await Promise.all([replica(2), replica(2)]);
    expect((await a!.take('discord:R2')).ok).toBe(true);
    expect((await b!.take('discord:R2')).ok).toBe(true);
    expect(await a!.take('discord:R2')).toEqual({ ok: false, retryAfterMs: 30_000 });
    expect((await b!.take('discord:R3')).ok).toBe(true);
    t += 30_000;
    expect((await b!.take('discord:R2')).ok).toBe(true);
    expect((await a!.take('discord:R2')).ok).toBe(false);
    expect(await a!.has('discord:R2')).toBe(true);
    await b!.reset('discord:R2');
    expect(await a!.has('discord:R2')).toBe(false);
    expect((await a!.take('discord:R2')).ok).toBe(true);
  });
});
