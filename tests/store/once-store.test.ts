import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryOnceStore, RedisOnceStore, SqliteOnceStore, type OnceStore } from '../../src/store/once-store.ts';
import { RedisConnections } from '../../src/store/redis-connections.ts';
import { describeWithRedis, startRedisServer } from '../support/redis-server.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Two connections to one backing store: exactly one of many racing callers wins a key. */
function contract(name: string, open: () => Promise<[OnceStore, OnceStore]>) {
  describe(`${name} once store`, () => {
    let a: OnceStore;
    let b: OnceStore;
    beforeAll(async () => {
      [a, b] = await open();
    });
    afterAll(async () => {
      await a.close();
      await b.close();
    });

    it('lets exactly one of many racing callers through, per key', async () => {
      for (let k = 0; k < 20; k++) {
        const key = `race-${k}`;
        const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).first(key, 60_000)));
        expect(results.filter(Boolean)).toHaveLength(1);
      }
    });

    it('lets a key through again once its mark has expired', async () => {
      expect(await a.first('short', 150)).toBe(true);
      expect(await b.first('short', 150)).toBe(false);
      await sleep(250);
      const again = await Promise.all([a.first('short', 60_000), b.first('short', 60_000)]);
      expect(again.filter(Boolean)).toHaveLength(1);
    });
  });
}

const dir = makeTempDir('briefing-once-');
afterAll(() => dir.remove());
contract('SQLite (two connections on one file)', async () => [await SqliteOnceStore.open(`${dir.dir}/once.sqlite`), await SqliteOnceStore.open(`${dir.dir}/once.sqlite`)]);

describe('memory once store', () => {
  it('marks a key once', async () => {
    const m = new MemoryOnceStore();
    expect(await m.first('k', 1000)).toBe(true);
    expect(await m.first('k', 1000)).toBe(false);
  });
});

describeWithRedis('Redis once store', () => {
  let server: Awaited<ReturnType<typeof startRedisServer>> | undefined;
  afterAll(() => server?.stop());
  contract('Redis (two clients)', async () => {
    server = await startRedisServer();
    // a connection each, as two replicas have
    return [await RedisOnceStore.open(server.url, undefined, {}, new RedisConnections()), await RedisOnceStore.open(server.url, undefined, {}, new RedisConnections())];
  });
});
