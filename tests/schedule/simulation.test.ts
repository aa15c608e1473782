import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.ts';
import { createDigestCommands } from '../../src/bot/digest-commands.ts';
import { createDigestService, type DigestService } from '../../src/schedule/digest-service.ts';
import { SchedulerHalt, type DeliveryStep } from '../../src/schedule/scheduler.ts';
import { nextSlot, nextSlots, slotId } from '../../src/schedule/slots.ts';
import { SqliteClaimStore } from '../../src/store/sqlite-claim-store.ts';
import { parseSubscribe, type Subscription } from '../../src/schedule/subscription.ts';
import { openStore } from '../../src/store/open-store.ts';
import { StubDigestChannel } from '../support/digest-channel-stub.ts';
import { article, FakeClock } from '../support/digest-rig.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { silentLog } from '../support/test-log.ts';
import { prng } from '../support/seeded-random.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const CRASH_POINTS: DeliveryStep[] = ['claimed', 'before-send', 'sent', 'state-saved'];

describe('1,000 days of digests with crashes at random points of the delivery path (real SQLite)', () => {
  // Real SQLite files; on tmpfs when the machine has one, so 1,000 days take seconds
  const temp = makeTempDir('briefing-sim-', existsSync('/dev/shm') ? '/dev/shm' : undefined);
  afterAll(() => temp.remove());

  it('loses no slot and doubles none', async () => {
    const random = prng(20261125);
    const start = new Date('2026-01-01T00:00:00Z');
    const end = new Date(start.getTime() + 1000 * DAY);
    const clock = new FakeClock(start);
    const store = await openStore({ dataDir: temp.dir });
    const engine = new Engine([article('a1', 'harbour warehouse fire', '2025-12-31T20:00:00Z')]);
    const channel = new StubDigestChannel(clock.now);
    const channels = new Map([['console', channel]]);
    let armed: DeliveryStep | null = null;
    const crashes = new Map<DeliveryStep, number>();
    const onStep = (step: DeliveryStep) => {
      if (step !== armed) return;
      armed = null;
      crashes.set(step, (crashes.get(step) ?? 0) + 1);
      throw new SchedulerHalt(`crash at ${step}`);
    };
    let restarts = 0;
    let service: DigestService | undefined;
    // A process start: a fresh scheduler on the same SQLite files; its catch-up may crash too
    const boot = async () => {
      for (;;) {
        const claims = await SqliteClaimStore.open(`${temp.dir}/digest-claims.sqlite`);
        const s = await createDigestService({
          engine, store, log: silentLog, dataDir: temp.dir, catchupHours: 24, now: clock.now, cron: false, claims,
          leaseMs: 10 * MIN, owner: `process-${restarts}`, onStep,
        });
        try {
          await s.start(channels);
          service = s;
          return;
        } catch (err) {
          if (!(err instanceof SchedulerHalt)) throw err;
          await claims.close(); // the process died: its connection goes with it
          restarts++;
          clock.advance(random() * 3 * HOUR);
        }
      }
    };
    const owner = { surface: 'console' as const, conversationId: 'sim', userId: 'sim' };
    await boot();
    const subs: Subscription[] = [];
    for (const [key, args] of [
      ['console:ny', 'time:02:30 timezone:America/New_York'],
      ['console:berlin', 'time:02:30 timezone:Europe/Berlin'],
      ['console:kolkata', 'time:09:00 timezone:Asia/Kolkata days:mon,wed,fri topic:harbour fire'],
    ] as const) {
      const reply = await createDigestCommands(service!).handle('subscribe', args, { ...owner, channelKey: key });
      expect(reply.kind).toBe('notice');
      const parsed = parseSubscribe(args, { channelKey: key, userId: 'sim', timezone: 'UTC', now: start });
      if (parsed.ok) subs.push(parsed.value);
    }

    while (clock.t < end) {
      // Jump to just after the next slot of any channel (or a little while on, when one is pending)
      const next = Math.min(...subs.map((s) => nextSlot(s, clock.t)?.getTime() ?? Infinity));
      clock.set(new Date(Math.max(next, clock.t.getTime() + 5 * MIN) + random() * 40 * MIN));
      if (random() < 0.25) armed = CRASH_POINTS[Math.floor(random() * CRASH_POINTS.length)]!;
      try {
        await service!.scheduler.tick();
        armed = null;
      } catch (err) {
        if (!(err instanceof SchedulerHalt)) throw err;
        await service!.stop(); // the dead process's timers and connection are gone
        restarts++;
        clock.advance(random() * 3 * HOUR); // down for a while
        if (random() < 0.3) armed = CRASH_POINTS[Math.floor(random() * CRASH_POINTS.length)]!;
        await boot();
      }
    }
    // Settle: no more crashes, the last leases run out
    armed = null;
    clock.advance(HOUR);
    await service!.scheduler.tick();
    await service!.stop();
    await store.close();

    const counts = channel.countBySlot();
    const expected = subs.flatMap((s) => nextSlots(s, start, clock.t).map((at) => slotId(s.channelKey, at)));
    const lost = expected.filter((id) => !counts.has(id));
    const doubled = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
    const unexpected = [...counts.keys()].filter((id) => !expected.includes(id));
    expect(expected.length).toBeGreaterThan(2400);
    expect({ lost, doubled, unexpected }).toEqual({ lost: [], doubled: [], unexpected: [] });
    // The crashes really happened at every point, and recoveries read the channel back
    for (const step of CRASH_POINTS) expect(crashes.get(step) ?? 0).toBeGreaterThan(20);
    expect(restarts).toBeGreaterThan(100);
    expect(channel.reads).toBeGreaterThan(20);
  }, 60_000);
});
