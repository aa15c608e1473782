import { request } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Bot } from '../../src/bot/bot.ts';
import { Engine } from '../../src/engine/engine.ts';
import { startHealthServer, type HealthServer } from '../../src/health-server.ts';
import { createDigestCommands } from '../../src/bot/digest-commands.ts';
import { createDigestService, type DigestService } from '../../src/schedule/digest-service.ts';
import { processRedis, type RedisLease } from '../../src/store/redis-connections.ts';
import type { Subscription } from '../../src/schedule/subscription.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { StubDigestChannel } from '../support/digest-channel-stub.ts';
import { article, FakeClock } from '../support/digest-rig.ts';
import { describeWithRedis, killRedisServer, startRedisServer, type RedisServer } from '../support/redis-server.ts';
import { capturedLogger, consoleLine, say, SLACK_USER, watchUnhandledRejections } from '../support/store-faults.ts';
import { makeTempDir } from '../support/temp-dir.ts';

function readyz(port: number): Promise<{ status: number; body: { store?: { reachable?: boolean } } }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: '/readyz' }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as { store?: { reachable?: boolean } } }));
    })
      .on('error', reject)
      .end();
  });
}

async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describeWithRedis('Redis killed (SIGKILL) and restarted while the bot runs', () => {
  const rejections = watchUnhandledRejections();
  const temp = makeTempDir();
  const { log, messages } = capturedLogger();
  let server: RedisServer;
  let store: Store;
  let digests: DigestService;
  let rate: RedisLease;
  let bot: Bot;
  let health: HealthServer;
  const clock = new FakeClock(new Date('2026-11-25T10:00:00Z'));
  const channel = new StubDigestChannel(clock.now);

  beforeAll(async () => {
    server = await startRedisServer({ dir: temp.dir });
    const engine = new Engine([article('a1', 'harbour warehouse fire', '2026-11-25T06:00:00Z')]);
    store = await openStore({ dataDir: temp.dir, redisUrl: server.url, log });
    digests = await createDigestService({ engine, store, log, dataDir: temp.dir, redisUrl: server.url, redisConnect: { log }, catchupHours: 6, now: clock.now, cron: false });
    await digests.start(new Map([['console', channel]]));
    // as main.ts does: the rate buckets share the store's one connection
    rate = await processRedis.lease(server.url, { log });
    bot = new Bot({ engine, store, log, now: clock.now, digests: createDigestCommands(digests), rateLimitPerMinute: 5, rateLimitRedis: rate.client });
    health = await startHealthServer({
      port: 0,
      host: '127.0.0.1',
      log,
      storeTimeoutMs: 500,
      source: { ready: () => true, corpusSize: () => 1, adapters: () => ({ console: true }), store: () => store },
    });
  }, 20_000);

  afterAll(async () => {
    await health?.close();
    await digests?.stop();
    await store?.close();
    await rate?.release();
    // (Redis saves into the folder on SIGTERM: wait for it to exit before the folder is removed)
    if (server) await killRedisServer(server, 'SIGTERM');
    temp.remove();
    rejections.stop();
  });

  it('says the store is unavailable at once, answers questions, fails /readyz, and recovers by itself with nothing changed', async () => {
    expect(say(await consoleLine(bot, '/digest subscribe time:11:00'))).toMatch(/^Subscribed/);
    expect((await consoleLine(bot, 'What burned at the harbour?', SLACK_USER)).kind).toBe('answer');
    expect((await readyz(health.port)).status).toBe(200);
    // Redis snapshots what it holds, then dies without a word (as a crash would)
    await rate.client.sendCommand(['SAVE']);
    await killRedisServer(server, 'SIGKILL');

    const started = Date.now();
    const subscribe = await consoleLine(bot, '/digest subscribe time:10:00');
    expect(say(subscribe)).toBe('store_unavailable: I could not save that — the store is unavailable; nothing changed, try again in a minute.');
    expect(say(await consoleLine(bot, '/digest status'))).toMatch(/^store_unavailable: I could not read this channel's digest settings/);
    expect(say(await consoleLine(bot, '/forget', SLACK_USER))).toMatch(/^store_unavailable: I could not delete anything/);
    expect((await consoleLine(bot, 'What burned at the harbour?', SLACK_USER)).kind).toBe('answer');
    // no command waits for Redis to come back
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(messages()).toContain('rate limit store unavailable; letting the question through');
    expect(messages()).toContain('conversation context unavailable; answering without it');

    const down = await readyz(health.port);
    expect(down.status).toBe(503);
    expect(down.body.store?.reachable).toBe(false);

    // the slot falls due during the outage: not delivered, not lost
    clock.set('2026-11-25T11:00:30Z');
    await digests.scheduler.tick();
    expect(channel.posts).toHaveLength(0);

    // a few seconds away: several reconnect attempts, logged once per client, not once per attempt
    await new Promise((r) => setTimeout(r, 3_000));
    server = await startRedisServer({ port: server.port, dir: temp.dir });
    const status = await eventually(
      () => consoleLine(bot, '/digest status'),
      (r) => r.kind === 'notice',
    );
    // what was saved before the crash is there; what was refused during the outage is not
    expect(say(status)).toMatch(/^Digest: every day at 11:00 \(UTC\)\./);
    expect(await store.get<Subscription>('subscription', 'console:local')).toMatchObject({ hour: 11, minute: 0 });
    expect((await eventually(() => readyz(health.port), (r) => r.status === 200)).status).toBe(200);
    expect(messages()).toContain('redis: connection lost; reconnecting');
    expect(messages()).toContain('redis: connection restored');
    // one shared connection (store, claims, subscription index, rate buckets): one line, not one per user or per attempt
    expect(messages().filter((m) => m === 'redis: connection lost; reconnecting').length).toBe(1);

    // the digest due during the outage goes out once the store is back, exactly once
    clock.set('2026-11-25T11:02:00Z');
    await eventually(
      async () => {
        await digests.scheduler.tick();
        return channel.posts.length;
      },
      (n) => n > 0,
    );
    await digests.scheduler.tick();
    expect([...channel.countBySlot().values()]).toEqual([1]);

    expect(say(await consoleLine(bot, '/digest subscribe time:10:30'))).toMatch(/^Subscription replaced/);
    expect(await store.get<Subscription>('subscription', 'console:local')).toMatchObject({ hour: 10, minute: 30 });
    expect(rejections.seen).toEqual([]);
  }, 40_000);
});
