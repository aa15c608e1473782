import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import { describeWithRedis, startRedisServer, type RedisServer } from '../support/redis-server.ts';
import { makeTempDir } from '../support/temp-dir.ts';

describe('SQLite store', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('keeps values across reopening, expires them and deletes them', async () => {
    const store = await openStore({ dataDir: temp.dir });
    await store.set('ns', 'k', { a: 1 });
    await store.set('ns', 'short', 'x', 30);
    await store.close();
    const again = await openStore({ dataDir: temp.dir });
    expect(again.kind).toBe('sqlite');
    expect(await again.get('ns', 'k')).toEqual({ a: 1 });
    await new Promise((r) => setTimeout(r, 60));
    expect(await again.get('ns', 'short')).toBeUndefined();
    await again.delete('ns', 'k');
    expect(await again.get('ns', 'k')).toBeUndefined();
    await again.close();
  });
});

describeWithRedis('Redis store (redis-server on loopback)', () => {
  let server: RedisServer | undefined;
  afterAll(() => server?.stop());

  it('shares values between two connections', async () => {
    server = await startRedisServer();
    const url = server.url;
    const a = await openStore({ dataDir: '', redisUrl: url });
    const b = await openStore({ dataDir: '', redisUrl: url });
    await a.set('conversation', 'x', { turn: 1 }, 10_000);
    expect(await b.get('conversation', 'x')).toEqual({ turn: 1 });
    expect(b.kind).toBe('redis');
    await a.close();
    await b.close();
  });
});
