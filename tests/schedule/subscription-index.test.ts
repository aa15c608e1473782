import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisConnections, type RedisLease } from '../../src/store/redis-connections.ts';
import type { Subscription } from '../../src/schedule/subscription.ts';
import { SubscriptionStore } from '../../src/schedule/subscription-store.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { describeWithRedis, startRedisServer } from '../support/redis-server.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const sub = (channelKey: string): Subscription => ({
  channelKey,
  hour: 8,
  minute: 0,
  timezone: 'UTC',
  days: [0, 1, 2, 3, 4, 5, 6],
  topic: '',
  createdBy: 'U1',
  createdAt: '2026-05-01T00:00:00.000Z',
});
const keys = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}:C${i}`);

describe('the subscription index (what schedules are rebuilt from) loses no concurrent change', () => {
  const temp = makeTempDir();
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ dataDir: temp.dir });
  });
  afterAll(async () => {
    await store.close();
    temp.remove();
  });

  it('keeps every channel subscribed at once in one process, and every unsubscribe', async () => {
    const subs = new SubscriptionStore(store);
    await Promise.all(keys(20, 'slack').map((k) => subs.put(sub(k))));
    expect((await subs.channelKeys()).sort()).toEqual(keys(20, 'slack').sort());
    await Promise.all(keys(20, 'slack').filter((_, i) => i % 2 === 0).map((k) => subs.delete(k)));
    expect((await subs.channelKeys()).sort()).toEqual(keys(20, 'slack').filter((_, i) => i % 2 === 1).sort());
    expect(await subs.list()).toHaveLength(10);
  });
});

describeWithRedis('the subscription index across replicas on one Redis (needs redis-server)', () => {
  let server: Awaited<ReturnType<typeof startRedisServer>> | undefined;
  const stores: Store[] = [];
  const leases: RedisLease[] = [];
  const replica = async () => {
    // a process of its own: one connection for its store and its index
    const connections = new RedisConnections();
    const store = await openStore({ dataDir: '', redisUrl: server!.url, connections });
    const redis = await connections.lease(server!.url);
    stores.push(store);
    leases.push(redis);
    return new SubscriptionStore(store, redis.client);
  };
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    for (const l of leases) await l.release();
    server?.stop();
  });

  it('lists every channel that three replicas subscribed at the same moment', async () => {
    const replicas = await Promise.all([replica(), replica(), replica()]);
    await Promise.all(keys(30, 'discord').map((k, i) => replicas[i % 3]!.put(sub(k))));
    const fresh = await replica();
    expect((await fresh.channelKeys()).sort()).toEqual(keys(30, 'discord').sort());
    await Promise.all(keys(30, 'discord').slice(0, 15).map((k, i) => replicas[i % 3]!.delete(k)));
    expect((await fresh.channelKeys()).sort()).toEqual(keys(30, 'discord').slice(15).sort());
  });

  it('still reads channels listed in the Store before the Redis set existed', async () => {
    const [a] = await Promise.all([replica()]);
    await stores.at(-1)!.set('subscription-index', 'channels', ['slack:OLD']);
    await stores.at(-1)!.set('subscription', 'slack:OLD', sub('slack:OLD'));
    expect(await a!.channelKeys()).toContain('slack:OLD');
    await a!.delete('slack:OLD');
    expect(await a!.channelKeys()).not.toContain('slack:OLD');
  });
});
