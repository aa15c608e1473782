import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Bot } from '../../src/bot/bot.ts';
import { Engine } from '../../src/engine/engine.ts';
import type { Logger } from '../../src/logger.ts';
import { createDigestCommands } from '../../src/bot/digest-commands.ts';
import { createDigestService, type DigestService } from '../../src/schedule/digest-service.ts';
import type { Subscription } from '../../src/schedule/subscription.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { StubDigestChannel } from '../support/digest-channel-stub.ts';
import { article, FakeClock } from '../support/digest-rig.ts';
import {
  capturedLogger,
  consoleLine,
  corruptSqliteHeader,
  lockSqliteFile,
  restoreSqliteHeader,
  say,
  SLACK_USER,
  watchUnhandledRejections,
} from '../support/store-faults.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const rejections = watchUnhandledRejections();
afterAll(() => rejections.stop());

interface Rig {
  dir: string;
  store: Store;
  digests: DigestService;
  bot: Bot;
  clock: FakeClock;
  channel: StubDigestChannel;
  close(): Promise<void>;
}

/** A bot on a real SQLite store in `dir`, a short lock wait so a locked file fails in 200 ms. */
async function makeRig(dir: string, log: Logger, retryMs?: number): Promise<Rig> {
  const store = await openStore({ dataDir: dir, log, busyTimeoutMs: 200 });
  const engine = new Engine([article('a1', 'harbour warehouse fire', '2026-11-25T06:00:00Z')]);
  const clock = new FakeClock(new Date('2026-11-25T10:00:00Z'));
  const channel = new StubDigestChannel(clock.now);
  const digests = await createDigestService({ engine, store, log, dataDir: dir, catchupHours: 6, now: clock.now, cron: false, ...(retryMs ? { retryMs } : {}) });
  await digests.start(new Map([['console', channel]]));
  const bot = new Bot({ engine, store, log, now: clock.now, digests: createDigestCommands(digests), rateLimitPerMinute: 5 });
  return {
    dir,
    store,
    digests,
    bot,
    clock,
    channel,
    async close() {
      await digests.stop();
      await store.close();
    },
  };
}

const temps: { remove: () => void }[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.remove();
});

describe('a SQLite store locked by another process (BEGIN EXCLUSIVE held)', () => {
  it('refuses to confirm what it could not save or read, still answers questions, and recovers when the lock goes', async () => {
    const temp = makeTempDir();
    temps.push(temp);
    const { log, messages } = capturedLogger();
    const rig = await makeRig(temp.dir, log);
    try {
      expect(say(await consoleLine(rig.bot, '/digest subscribe time:08:00'))).toMatch(/^Subscribed/);
      expect((await consoleLine(rig.bot, 'What burned at the harbour?', SLACK_USER)).kind).toBe('answer');

      const lock = await lockSqliteFile(join(temp.dir, 'state.sqlite'));
      let released = false;
      try {
        const subscribe = await consoleLine(rig.bot, '/digest subscribe time:10:00');
        expect(subscribe).toMatchObject({ kind: 'error', code: 'store_unavailable' });
        expect(say(subscribe)).toBe('store_unavailable: I could not save that — the store is unavailable; nothing changed, try again in a minute.');

        const status = await consoleLine(rig.bot, '/digest status');
        expect(status).toMatchObject({ kind: 'error', code: 'store_unavailable' });
        expect(say(status)).toMatch(/could not read this channel's digest settings: the store is unavailable/);
        expect(say(status)).not.toMatch(/no digest subscription/);

        const forget = await consoleLine(rig.bot, '/forget', SLACK_USER);
        expect(say(forget)).toBe('store_unavailable: I could not delete anything: the store is unavailable; nothing changed. Try forget again in a minute.');
        expect(say(forget)).not.toMatch(/held nothing/);

        // a question needs no store: answered, without follow-up context and without the rate limit
        const answer = await consoleLine(rig.bot, 'What burned at the harbour?', SLACK_USER);
        expect(answer.kind).toBe('answer');
        expect(messages()).toContain('rate limit store unavailable; letting the question through');
        expect(messages()).toContain('conversation context unavailable; answering without it');
        const refused = messages().filter((m) => m === 'store unavailable; command not done');
        expect(refused).toHaveLength(3);

        await lock.release();
        released = true;
      } finally {
        if (!released) await lock.release();
      }

      // nothing changed while locked: still 08:00, and the earlier context and rate bucket are still there
      const stored = await rig.store.get<Subscription>('subscription', 'console:local');
      expect(stored).toMatchObject({ hour: 8, minute: 0 });
      expect(await rig.store.get('conversation', 'slack:C1')).toBeDefined();
      expect(say(await consoleLine(rig.bot, '/digest status'))).toMatch(/^Digest: every day at 08:00 \(UTC\)\./);
      // and it works again without a restart
      expect(say(await consoleLine(rig.bot, '/digest subscribe time:10:30'))).toMatch(/^Subscription replaced: .* at 10:30/);
      expect(await rig.store.get<Subscription>('subscription', 'console:local')).toMatchObject({ hour: 10, minute: 30 });
      expect(say(await consoleLine(rig.bot, '/forget', SLACK_USER))).toMatch(/^Done: I deleted the context of 1 conversation/);
    } finally {
      await rig.close();
    }
    expect(rejections.seen).toEqual([]);
  }, 30_000);

  it('delivers a digest that fell due while the store was locked once the lock goes, exactly once', async () => {
    const temp = makeTempDir();
    temps.push(temp);
    const { log, messages } = capturedLogger();
    const rig = await makeRig(temp.dir, log);
    try {
      expect(say(await consoleLine(rig.bot, '/digest subscribe time:11:00'))).toMatch(/^Subscribed/);
      rig.clock.set('2026-11-25T11:00:30Z');
      const lock = await lockSqliteFile(join(temp.dir, 'state.sqlite'));
      try {
        await rig.digests.scheduler.tick();
        await rig.digests.scheduler.tick();
      } finally {
        await lock.release();
      }
      expect(rig.channel.posts).toHaveLength(0);
      expect(messages()).toContain('digest delivery failed; retried on the next tick');
      rig.clock.set('2026-11-25T11:01:00Z');
      await rig.digests.scheduler.tick();
      await rig.digests.scheduler.tick();
      expect([...rig.channel.countBySlot().values()]).toEqual([1]);
      expect(say(await consoleLine(rig.bot, '/digest status'))).toMatch(/Last delivery: Wed 25 Nov 2026 11:01/);
    } finally {
      await rig.close();
    }
    expect(rejections.seen).toEqual([]);
  }, 30_000);

  it('retries a failed delivery by itself (retryMs) and posts it once the store answers, without waiting for a sweep', async () => {
    const temp = makeTempDir();
    temps.push(temp);
    const rig = await makeRig(temp.dir, capturedLogger().log, 150);
    try {
      expect(say(await consoleLine(rig.bot, '/digest subscribe time:11:00'))).toMatch(/^Subscribed/);
      rig.clock.set('2026-11-25T11:00:30Z');
      const lock = await lockSqliteFile(join(temp.dir, 'state.sqlite'));
      try {
        await rig.digests.scheduler.tick();
        await new Promise((r) => setTimeout(r, 500));
        expect(rig.channel.posts).toHaveLength(0);
      } finally {
        await lock.release();
      }
      const until = Date.now() + 5_000;
      while (rig.channel.posts.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect([...rig.channel.countBySlot().values()]).toEqual([1]);
    } finally {
      await rig.close();
    }
  }, 30_000);
});

describe('a damaged SQLite store (its header overwritten)', () => {
  it('warns at start, starts anyway, says the store is unavailable, answers questions, keeps the file, and recovers once it is repaired', async () => {
    const temp = makeTempDir();
    temps.push(temp);
    const first = await makeRig(temp.dir, capturedLogger().log);
    expect(say(await consoleLine(first.bot, '/digest subscribe time:08:00'))).toMatch(/^Subscribed/);
    await first.close();

    const stateFile = join(temp.dir, 'state.sqlite');
    const claimsFile = join(temp.dir, 'digest-claims.sqlite');
    const stateHeader = corruptSqliteHeader(stateFile);
    const claimsHeader = corruptSqliteHeader(claimsFile);
    const damaged = readFileSync(stateFile);

    const { log, lines, messages } = capturedLogger();
    const rig = await makeRig(temp.dir, log);
    try {
      // the warnings docs/bad-input.md promises, one per damaged file, naming the file and the cause
      const warnings = lines.map((l) => JSON.parse(l) as { level: number; msg: string; file?: string; err?: string }).filter((l) => l.level === 40);
      expect(warnings.find((w) => w.msg.startsWith('store: the SQLite file cannot be used now'))).toMatchObject({ file: stateFile, err: expect.stringMatching(/SQLITE_NOTADB/) });
      expect(warnings.find((w) => w.msg.startsWith('sqlite: the file cannot be used now'))).toMatchObject({ file: claimsFile });
      expect(messages()).toContain('digest: schedules could not be loaded from the store; retrying');

      expect(say(await consoleLine(rig.bot, '/digest status'))).toMatch(/^store_unavailable: I could not read this channel's digest settings/);
      expect(say(await consoleLine(rig.bot, '/digest subscribe time:10:00'))).toMatch(/^store_unavailable: I could not save that — the store is unavailable; nothing changed/);
      expect(say(await consoleLine(rig.bot, '/forget', SLACK_USER))).toMatch(/^store_unavailable: I could not delete anything/);
      expect((await consoleLine(rig.bot, 'What burned at the harbour?', SLACK_USER)).kind).toBe('answer');
      // the bot never writes over a file it cannot read
      expect(readFileSync(stateFile).equals(damaged)).toBe(true);

      restoreSqliteHeader(stateFile, stateHeader);
      restoreSqliteHeader(claimsFile, claimsHeader);
      expect(say(await consoleLine(rig.bot, '/digest status'))).toMatch(/^Digest: every day at 08:00 \(UTC\)\./);
      expect(await rig.store.get<Subscription>('subscription', 'console:local')).toMatchObject({ hour: 8 });
    } finally {
      await rig.close();
    }
    expect(rejections.seen).toEqual([]);
  }, 30_000);

  it('closes without throwing when the file was damaged all along', async () => {
    const temp = makeTempDir();
    temps.push(temp);
    const seeded = await openStore({ dataDir: temp.dir });
    await seeded.set('ns', 'k', 1);
    await seeded.close();
    corruptSqliteHeader(join(temp.dir, 'state.sqlite'));
    const store = await openStore({ dataDir: temp.dir, busyTimeoutMs: 200 });
    await expect(store.get('ns', 'k')).rejects.toMatchObject({ code: 'store_unavailable', operation: 'read' });
    await expect(store.set('ns', 'k', 2)).rejects.toMatchObject({ code: 'store_unavailable', operation: 'write' });
    // retrying the damaged file on every operation opens no file handle that stays open
    const handles = () => readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`) === join(temp.dir, 'state.sqlite');
      } catch {
        return false;
      }
    }).length;
    const before = handles();
    for (let i = 0; i < 20; i++) await store.get('ns', 'k').catch(() => undefined);
    expect(handles()).toBeLessThanOrEqual(before);
    await expect(store.close()).resolves.toBeUndefined();
    expect(rejections.seen).toEqual([]);
  });
});
