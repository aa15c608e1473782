import { createClient } from '@redis/client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.ts';
import { RateLimiter } from '../../src/bot/rate-limit.ts';
import { createDigestService } from '../../src/schedule/digest-service.ts';
import { openOnceStore } from '../../src/store/once-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { processRedis, RedisConnections } from '../../src/store/redis-connections.ts';
import { article } from '../support/digest-rig.ts';
import { describeWithRedis, startRedisServer, type RedisServer } from '../support/redis-server.ts';
import { capturedLogger } from '../support/store-faults.ts';

describeWithRedis('one Redis connection per process', () => {
  let server: RedisServer;
  let admin: ReturnType<typeof createClient>;

  beforeAll(async () => {
    server = await startRedisServer();
    admin = createClient({ url: server.url });
    await admin.connect();
  }, 20_000);

  afterAll(async () => {
    await admin?.close();
    server?.stop();
  });

  /** Connections the server sees, apart from this test's own admin client. */
  async function clientCount(): Promise<number> {
    const list = String(await admin.sendCommand(['CLIENT', 'LIST', 'TYPE', 'normal']));
    const own = String(await admin.sendCommand(['CLIENT', 'ID']));
    return list.split('\n').filter((line) => line.startsWith('id=') && !line.startsWith(`id=${own} `)).length;
  }

  it('the store, claims, subscription index, once store and rate buckets open one connection, closed by the last user', async () => {
    // no factory passed: the process's own, as src/main.ts and the Slack adapter use it
    const connections = processRedis;
    const { log } = capturedLogger();
    const store = await openStore({ dataDir: '', redisUrl: server.url, log });
    const digests = await createDigestService({
      engine: new Engine([article('a1', 'harbour warehouse fire', '2026-11-25T06:00:00Z')]),
      store,
      log,
      dataDir: '',
      redisUrl: server.url,
      catchupHours: 6,
      cron: false,
    });
    const once = await openOnceStore({ dataDir: '', redisUrl: server.url });
    const rate = await connections.lease(server.url);
    const limiter = new RateLimiter(store, 5, () => new Date(), log, rate.client);

    // every user works over it
    await store.set('probe', 'k', 1);
    expect(await store.get('probe', 'k')).toBe(1);
    expect(await once.first('event-1', 60_000)).toBe(true);
    expect(await once.first('event-1', 60_000)).toBe(false);
    expect((await limiter.take('u1')).ok).toBe(true);
    expect(await limiter.has('u1')).toBe(true);
    await digests.scheduler.tick();
    expect(await clientCount()).toBe(1);
    expect(connections.size).toBe(1);

    // closing some users leaves the connection to the others
    await store.close();
    await digests.stop();
    await once.close();
    await once.close();
    expect((await limiter.take('u1')).ok).toBe(true);
    expect(await clientCount()).toBe(1);

    await rate.release();
    expect(connections.size).toBe(0);
    for (let i = 0; i < 50 && (await clientCount()) > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await clientCount()).toBe(0);
  }, 20_000);

  it('separate factories open separate connections (replicas played in one process)', async () => {
    const a = await new RedisConnections().lease(server.url);
    const b = await new RedisConnections().lease(server.url);
    expect(a.client).not.toBe(b.client);
    expect(await clientCount()).toBe(2);
    await a.release();
    await b.release();
  });

  it('a failed first connection is not kept: the next lease tries again', async () => {
    const connections = new RedisConnections();
    const closed = 'redis://127.0.0.1:1';
    await expect(connections.lease(closed, { timeoutMs: 200 })).rejects.toThrow(/REDIS_URL/);
    expect(connections.size).toBe(0);
    const lease = await connections.lease(server.url);
    expect(connections.size).toBe(1);
    await lease.release();
  });
});
