import { createClient } from '@redis/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.ts';
import { createDigestCommands } from '../../src/bot/digest-commands.ts';
import { createDigestService, type DigestService } from '../../src/schedule/digest-service.ts';
import { SchedulerHalt, type DeliveryStep } from '../../src/schedule/scheduler.ts';
import { nextSlots, slotId } from '../../src/schedule/slots.ts';
import { parseSubscribe } from '../../src/schedule/subscription.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { RedisConnections } from '../../src/store/redis-connections.ts';
import { StubDigestChannel } from '../support/digest-channel-stub.ts';
import { article, FakeClock } from '../support/digest-rig.ts';
import { describeWithRedis, startRedisServer } from '../support/redis-server.ts';
import { silentLog } from '../support/test-log.ts';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const owner = { surface: 'discord' as const, conversationId: 'x', userId: 'admin', canManageDigest: true };

describeWithRedis('three scheduler instances on one Redis (redis-server on loopback)', () => {
  let server: Awaited<ReturnType<typeof startRedisServer>>;
  const stores: Store[] = [];
  const engine = new Engine([article('a1', 'harbour warehouse fire', '2026-05-01T00:00:00Z')]);

  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    server.stop();
  });

  async function flush(): Promise<void> {
    const client = createClient({ url: server.url });
    await client.connect();
    await client.flushAll();
    await client.close();
  }

  /** A replica: its own connection to the shared Redis (a factory of its own, as a process of its own has). */
  async function replica(name: string, clock: FakeClock, extra: { leaseMs?: number; onStep?: (s: DeliveryStep) => void } = {}): Promise<DigestService> {
    const connections = new RedisConnections();
    const store = await openStore({ dataDir: '', redisUrl: server.url, connections });
    stores.push(store);
    return createDigestService({
      engine, store, log: silentLog, dataDir: '', redisUrl: server.url, redisConnections: connections, catchupHours: 6, now: clock.now, cron: false, owner: name, ...extra,
    });
  }

  it('posts every slot exactly once while all three tick at the same moments', async () => {
    const clock = new FakeClock(new Date('2026-05-01T00:00:00Z'));
    const channel = new StubDigestChannel(clock.now);
    const channels = new Map([['discord', channel]]);
    const replicas = await Promise.all(['r1', 'r2', 'r3'].map((n) => replica(n, clock)));
    const subs = [
      ['discord:100', 'time:06:00 timezone:Europe/London'],
      ['discord:200', 'time:06:00 timezone:UTC days:weekdays'],
      ['discord:300', 'time:23:30 timezone:America/Los_Angeles'],
    ] as const;
    for (const [key, args] of subs) {
      const reply = await createDigestCommands(replicas[0]!).handle('subscribe', args, { ...owner, channelKey: key });
      expect(reply.kind).toBe('notice');
    }
    // The others learn of the subscriptions from the store at start
    for (const r of replicas) await r.start(channels);
    const end = new Date('2026-06-15T00:00:00Z');
    while (clock.t < end) {
      clock.advance(30 * MIN);
      await Promise.all(replicas.map((r) => r.scheduler.tick()));
    }
    for (const r of replicas) await r.stop();

    const expected = subs.flatMap(([key, args]) => {
      const p = parseSubscribe(args, { channelKey: key, userId: 'admin', timezone: 'UTC', now: new Date('2026-05-01T00:00:00Z') });
      return p.ok ? nextSlots(p.value, new Date('2026-05-01T00:00:00Z'), end).map((at) => slotId(key, at)) : [];
    });
    expect(expected.length).toBeGreaterThan(100);
    const counts = channel.countBySlot();
    expect(expected.filter((id) => counts.get(id) !== 1)).toEqual([]);
    expect(channel.posts).toHaveLength(expected.length);
  });

  it('a replica that dies holding a claim is taken over by another, which reads the channel before posting', async () => {
    await flush(); // the first test's subscriptions would be caught up too
    const clock = new FakeClock(new Date('2026-07-01T07:59:00Z'));
    const channel = new StubDigestChannel(clock.now);
    const channels = new Map([['discord', channel]]);
    let crashAt: DeliveryStep | null = 'sent';
    const onStep = (step: DeliveryStep) => {
      if (step === crashAt) {
        crashAt = null;
        throw new SchedulerHalt();
      }
    };
    const a = await replica('a', clock, { leaseMs: 300, onStep });
    const b = await replica('b', clock, { leaseMs: 300 });
    await createDigestCommands(a).handle('subscribe', 'time:08:00 timezone:UTC', { ...owner, channelKey: 'discord:900' });
    await a.start(channels);
    await b.start(channels);
    clock.set('2026-07-01T08:00:00Z');
    await expect(a.scheduler.tick()).rejects.toBeInstanceOf(SchedulerHalt);
    await a.stop();
    await b.scheduler.tick(); // lease still held
    expect(channel.reads).toBe(0);
    await new Promise((r) => setTimeout(r, 400)); // Redis lease runs out
    await b.scheduler.tick();
    expect(channel.reads).toBe(1);
    expect(channel.posts.map((p) => p.slotId)).toEqual(['discord:900@2026-07-01T08:00:00.000Z']);
    await b.stop();
  });
});
