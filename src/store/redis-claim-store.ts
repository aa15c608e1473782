import type { ConnectRedisOptions, RedisClient } from './redis-client.ts';
import { processRedis, type RedisConnections, type RedisLease } from './redis-connections.ts';
import type { ClaimResult, ClaimStore, SlotOutcome } from './claim-store.ts';

/** Records and fencing counters outlive any catch-up window by far. */
const KEEP_MS = 40 * 86_400_000;

const RECORD = `
local c = redis.call('GET', KEYS[1])
if c == ARGV[1] or (not c and redis.call('GET', KEYS[3]) == ARGV[1]) then
  if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
  redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
  redis.call('DEL', KEYS[1])
  return 1
end
return 0`;

const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
end
return 0`;


/**
 * Slot claims in Redis, shared by every replica: the claim is `SET claim NX PX lease`, the
 * fencing token an `INCR` per slot (a token above 1 means an earlier holder's lease ran out
 * without a record), the record a compare-and-set on the token. Leases run on Redis' clock.
 */
export class RedisClaimStore implements ClaimStore {
  readonly kind = 'redis' as const;

  private readonly client: RedisClient;

  private constructor(
    private readonly redis: RedisLease,
    private readonly prefix: string,
  ) {
    this.client = redis.client;
  }

  /** On the process's shared connection (`connections`), opened here when it is the first user. */
  static async open(url: string, prefix = 'briefing:digest', connect: ConnectRedisOptions = {}, connections: RedisConnections = processRedis): Promise<RedisClaimStore> {
    return new RedisClaimStore(await connections.lease(url, connect), prefix);
  }

  private keys(slotId: string) {
    return { claim: `${this.prefix}:claim:${slotId}`, done: `${this.prefix}:done:${slotId}`, fence: `${this.prefix}:fence:${slotId}` };
  }

  async claim(slotId: string, owner: string, leaseMs: number): Promise<ClaimResult> {
    const k = this.keys(slotId);
    const done = await this.client.get(k.done);
    if (done) return { status: 'done', outcome: done as SlotOutcome };
    const set = await this.client.set(k.claim, `pending:${owner}`, { condition: 'NX', expiration: { type: 'PX', value: leaseMs } });
    if (set === null) return { status: 'held' };
    const token = await this.client.incr(k.fence);
    await this.client.pExpire(k.fence, KEEP_MS);
    await this.client.set(k.claim, String(token), { condition: 'XX', expiration: { type: 'PX', value: leaseMs } });
    const recorded = await this.client.get(k.done);
    if (recorded) {
      await this.release(slotId, token);
      return { status: 'done', outcome: recorded as SlotOutcome };
    }
    return { status: 'acquired', token, takeover: token > 1 };
  }

  async record(slotId: string, token: number, outcome: SlotOutcome): Promise<boolean> {
    const k = this.keys(slotId);
    const r = await this.client.eval(RECORD, { keys: [k.claim, k.done, k.fence], arguments: [String(token), outcome, String(KEEP_MS)] });
    return r === 1;
  }

  async renew(slotId: string, token: number, leaseMs: number): Promise<boolean> {
    const r = await this.client.eval(RENEW, { keys: [this.keys(slotId).claim], arguments: [String(token), String(leaseMs)] });
    return r === 1;
  }

  async release(slotId: string, token: number): Promise<void> {
    await this.client.eval(RELEASE, { keys: [this.keys(slotId).claim], arguments: [String(token)] });
  }

  async outcome(slotId: string): Promise<SlotOutcome | undefined> {
    return ((await this.client.get(this.keys(slotId).done)) as SlotOutcome | null) ?? undefined;
  }

  close(): Promise<void> {
    return this.redis.release();
  }
}
