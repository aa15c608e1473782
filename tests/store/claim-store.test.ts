import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimStore } from '../../src/store/claim-store.ts';
import { RedisClaimStore } from '../../src/store/redis-claim-store.ts';
import { SqliteClaimStore } from '../../src/store/sqlite-claim-store.ts';
import { RedisConnections } from '../../src/store/redis-connections.ts';
import { describeWithRedis, startRedisServer } from '../support/redis-server.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The same contract for every implementation; `expire` lets a lease run out (fake time or real). */
function contract(name: string, open: () => Promise<[ClaimStore, ClaimStore]>, expire: (leaseMs: number) => Promise<number>) {
  describe(`${name} claim store`, () => {
    let a: ClaimStore;
    let b: ClaimStore;
    beforeAll(async () => {
      [a, b] = await open();
    });
    afterAll(async () => {
      await a.close();
      await b.close();
    });

    it('lets one of two connections claim a slot at once, fences the holder out after a takeover, and records once', async () => {
      const slot = `${name}:C1@2026-11-01T08:00:00.000Z`;
      const lease = 150;
      const results = await Promise.all([a.claim(slot, 'a', lease, 1_000), b.claim(slot, 'b', lease, 1_000)]);
      const winners = results.filter((r) => r.status === 'acquired');
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => r.status === 'held')).toHaveLength(1);
      expect(winners[0]).toMatchObject({ token: 1, takeover: false });
      const holder = results[0]!.status === 'acquired' ? a : b;
      const other = holder === a ? b : a;

      const later = await expire(lease);
      const taken = await other.claim(slot, 'other', lease, later);
      expect(taken).toEqual({ status: 'acquired', token: 2, takeover: true });
      expect(await holder.record(slot, 1, 'delivered', later)).toBe(false); // fenced out
      expect(await holder.renew(slot, 1, lease, later)).toBe(false);
      expect(await other.renew(slot, 2, 10_000, later)).toBe(true);
      expect(await other.record(slot, 2, 'delivered', later)).toBe(true);
      expect(await other.record(slot, 2, 'delivered', later)).toBe(false); // once
      expect(await holder.claim(slot, 'a', lease, later + 10 * lease)).toEqual({ status: 'done', outcome: 'delivered' });
      expect(await a.outcome(slot)).toBe('delivered');
    });

    it('a released claim is taken over at once (the next holder must check the channel)', async () => {
      const slot = `${name}:C2@2026-11-01T08:00:00.000Z`;
      const first = await a.claim(slot, 'a', 60_000, 1_000);
      expect(first.status).toBe('acquired');
      if (first.status !== 'acquired') return;
      expect(await b.claim(slot, 'b', 60_000, 1_000)).toEqual({ status: 'held' });
      await a.release(slot, first.token);
      expect(await b.claim(slot, 'b', 60_000, 1_001)).toEqual({ status: 'acquired', token: 2, takeover: true });
      expect(await b.outcome(slot)).toBeUndefined();
    });
  });
}

const sqliteDir = makeTempDir('briefing-claims-');
afterAll(() => sqliteDir.remove());
contract(
  'SQLite',
  async () => [await SqliteClaimStore.open(`${sqliteDir.dir}/claims.sqlite`), await SqliteClaimStore.open(`${sqliteDir.dir}/claims.sqlite`)],
  async (lease) => 1_000 + lease, // SQLite leases run on the caller's clock
);

describeWithRedis('Redis claim store', () => {
  let server: Awaited<ReturnType<typeof startRedisServer>> | undefined;
  afterAll(() => server?.stop());
  contract(
    'Redis',
    async () => {
      server = await startRedisServer();
      // a connection each, as two replicas have
      return [await RedisClaimStore.open(server.url, undefined, {}, new RedisConnections()), await RedisClaimStore.open(server.url, undefined, {}, new RedisConnections())];
    },
    async (lease) => {
      await sleep(lease + 50); // Redis leases run on its own clock
      return Date.now();
    },
  );
});
