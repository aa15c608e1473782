import cron from 'node-cron';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallContext } from '../../src/bot/bot.ts';
import { parseConsoleLine } from '../../src/bot/command.ts';
import type { Reply } from '../../src/bot/reply.ts';
import { DigestChannelError } from '../../src/schedule/digest-channel.ts';
import { SchedulerHalt } from '../../src/schedule/scheduler.ts';
import { nextSlot, nextSlots, slotId } from '../../src/schedule/slots.ts';
import { cronExpression, parseSubscribe } from '../../src/schedule/subscription.ts';
import { article, makeDigestRig, type DigestRig } from '../support/digest-rig.ts';

const console_ = (channelKey = 'console:local'): CallContext => ({ surface: 'console', conversationId: 'c', userId: 'me', channelKey });

async function run(rig: DigestRig, line: string, ctx: CallContext = console_()): Promise<Reply> {
  const parsed = parseConsoleLine(line);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return rig.bot.handle(parsed.command, ctx);
}
const text = (reply: Reply) => (reply.kind === 'notice' ? reply.text : reply.kind === 'error' ? reply.message : reply.kind);

let rig: DigestRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe('scheduler with a controllable clock', () => {
  it('fires at the right instants in three timezones across DST changes, each slot once', async () => {
    rig = await makeDigestRig({ start: '2026-03-06T12:00:00Z' });
    await run(rig, '/digest subscribe time:02:30 timezone:America/New_York', console_('console:ny'));
    await run(rig, '/digest subscribe time:02:15 timezone:Europe/Berlin days:sun', console_('console:berlin'));
    await run(rig, '/digest subscribe time:09:00 timezone:Asia/Kolkata days:weekdays', console_('console:kolkata'));
    // Tick every 15 minutes for 25 days, as cron and the half-hourly sweep would
    while (rig.clock.t < new Date('2026-03-31T00:00:00Z')) {
      rig.clock.advance(15 * 60_000);
      await rig.service.scheduler.tick();
    }
    const posts = rig.channel.posts;
    const at = (key: string) => posts.filter((p) => p.channelKey === key).map((p) => p.postedAt.toISOString());
    const ny = at('console:ny');
    expect(ny).toHaveLength(24); // 7–30 March
    expect(ny.slice(0, 3)).toEqual(['2026-03-07T07:30:00.000Z', '2026-03-08T07:00:00.000Z', '2026-03-09T06:30:00.000Z']);
    // Sundays 8, 15, 22, 29 March; on the 29th 02:15 does not exist in Berlin: 03:00 CEST
    expect(at('console:berlin')).toEqual(['2026-03-08T01:15:00.000Z', '2026-03-15T01:15:00.000Z', '2026-03-22T01:15:00.000Z', '2026-03-29T01:00:00.000Z']);
    const kolkata = at('console:kolkata');
    expect(kolkata).toHaveLength(16); // weekdays 9–30 March
    expect(kolkata.every((iso) => iso.endsWith('T03:30:00.000Z'))).toBe(true);
    expect(new Set(posts.map((p) => p.slotId)).size).toBe(posts.length);
    // Each post carries its slot id: the channel and the instant it was due
    expect(posts.every((p) => p.slotId === slotId(p.channelKey, p.postedAt))).toBe(true);
  });

  it('runs a local time repeated by the fall-back change once, and a changed schedule takes effect at once', async () => {
    rig = await makeDigestRig({ start: '2026-10-31T12:00:00Z' });
    await run(rig, '/digest subscribe time:01:30 timezone:America/New_York');
    while (rig.clock.t < new Date('2026-11-02T12:00:00Z')) {
      rig.clock.advance(15 * 60_000);
      await rig.service.scheduler.tick();
    }
    // 01:30 EDT on 1 Nov (05:30Z); 01:30 EST an hour later is the same local time: not again
    expect(rig.channel.posts.map((p) => p.postedAt.toISOString())).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z']);
    await run(rig, '/digest subscribe time:13:00 timezone:America/New_York');
    rig.clock.set('2026-11-02T18:00:00Z'); // 13:00 EST
    await rig.service.scheduler.tick();
    rig.clock.set('2026-11-03T07:00:00Z'); // past the old 01:30: nothing
    await rig.service.scheduler.tick();
    expect(rig.channel.posts.map((p) => p.slotId).slice(2)).toEqual(['console:local@2026-11-02T18:00:00.000Z']);
  });

  it('catches up a slot missed within DIGEST_CATCHUP_HOURS, records older ones as missed and says so', async () => {
    rig = await makeDigestRig({ start: '2026-11-01T07:00:00Z', catchupHours: 6, articles: [article('a1', 'harbour fire', '2026-11-01T06:00:00Z')] });
    await run(rig, '/digest subscribe time:08:00 timezone:UTC');
    await rig.service.stop(); // down over the 08:00 slot
    rig.clock.set('2026-11-01T13:00:00Z');
    await rig.restart();
    expect(rig.channel.posts.map((p) => p.slotId)).toEqual(['console:local@2026-11-01T08:00:00.000Z']);
    await rig.service.stop(); // down for two slots
    rig.clock.set('2026-11-03T10:00:00Z');
    await rig.restart();
    expect(rig.channel.posts.map((p) => p.slotId)).toEqual(['console:local@2026-11-01T08:00:00.000Z', 'console:local@2026-11-03T08:00:00.000Z']);
    const last = rig.channel.posts[1]!.reply;
    expect(last.kind === 'stories' && `${last.title} ${last.empty}`).toMatch(/missed while the bot was down: Mon 2 Nov 2026 08:00/);
    const status = text(await run(rig, '/digest status'));
    expect(status).toMatch(/Missed while the bot was down: Mon 2 Nov 2026 08:00 UTC/);
    expect(status).toMatch(/Last delivery: Tue 3 Nov 2026 10:00 UTC/);
    expect(status).toMatch(/Next: Wed 4 Nov 2026 08:00 UTC/);
    // A long outage is summed up rather than listed
    await rig.service.stop();
    rig.clock.set('2026-11-09T10:00:00Z');
    await rig.restart();
    const week = rig.channel.posts[2]!.reply;
    expect(week.kind === 'stories' && week.empty).toMatch(/\(5 digests missed while the bot was down, Wed 4 Nov 2026 08:00 UTC to Sun 8 Nov 2026 08:00 UTC\)/);
  });

  it('after a crash between sending and recording, reads the channel back and does not post again', async () => {
    rig = await makeDigestRig({ start: '2026-11-01T07:59:00Z', extra: { leaseMs: 5 * 60_000 } });
    await run(rig, '/digest subscribe time:08:00 timezone:UTC');
    await rig.restart({ onStep: (step) => { if (step === 'sent') throw new SchedulerHalt(); } });
    rig.clock.set('2026-11-01T08:00:00Z');
    await expect(rig.service.scheduler.tick()).rejects.toBeInstanceOf(SchedulerHalt);
    expect(rig.channel.posts).toHaveLength(1);
    rig.clock.set('2026-11-01T08:02:00Z'); // the dead holder's lease still runs: nobody touches the slot
    await rig.restart();
    expect(rig.channel.reads).toBe(0);
    rig.clock.set('2026-11-01T08:06:00Z');
    await rig.service.scheduler.tick();
    expect(rig.channel.reads).toBe(1);
    expect(rig.channel.posts).toHaveLength(1);
    expect(text(await run(rig, '/digest status'))).toMatch(/Last delivery: Sun 1 Nov 2026 08:06 UTC/);
  });

  it('after a crash while holding the claim, the next holder posts once the lease ends', async () => {
    rig = await makeDigestRig({ start: '2026-11-01T07:59:00Z', extra: { leaseMs: 5 * 60_000 } });
    await run(rig, '/digest subscribe time:08:00 timezone:UTC');
    await rig.restart({ onStep: (step) => { if (step === 'claimed') throw new SchedulerHalt(); } });
    rig.clock.set('2026-11-01T08:00:00Z');
    await expect(rig.service.scheduler.tick()).rejects.toBeInstanceOf(SchedulerHalt);
    rig.clock.set('2026-11-01T08:10:00Z');
    await rig.restart();
    expect(rig.channel.posts.map((p) => p.slotId)).toEqual(['console:local@2026-11-01T08:00:00.000Z']);
  });

  it('a channel gone when a takeover reads it back pauses the subscription instead of retrying forever', async () => {
    rig = await makeDigestRig({ start: '2026-11-01T07:59:00Z', extra: { leaseMs: 5 * 60_000 } });
    await run(rig, '/digest subscribe time:08:00 timezone:UTC');
    await rig.restart({ onStep: (step) => { if (step === 'before-send') throw new SchedulerHalt(); } });
    rig.clock.set('2026-11-01T08:00:00Z');
    await expect(rig.service.scheduler.tick()).rejects.toBeInstanceOf(SchedulerHalt);
    rig.channel.findSlotMarker = async () => {
      throw new DigestChannelError('gone', 'not_in_channel');
    };
    rig.clock.set('2026-11-01T08:10:00Z');
    await rig.restart();
    expect(rig.channel.posts).toHaveLength(0);
    expect(text(await run(rig, '/digest status'))).toMatch(/Paused since Sun 1 Nov 2026 08:10 UTC: not_in_channel\./);
    expect(rig.channel.notices.map((n) => n.userId)).toEqual(['me']);
  });

  it('a removed channel pauses the subscription with its reason; subscribing again resumes it', async () => {
    rig = await makeDigestRig({ start: '2026-11-01T07:00:00Z' });
    await run(rig, '/digest subscribe time:08:00 timezone:UTC');
    rig.channel.gone.set('console:local', 'channel_not_found');
    rig.clock.set('2026-11-01T08:00:00Z');
    await rig.service.scheduler.tick();
    rig.channel.gone.clear();
    rig.clock.set('2026-11-02T08:00:00Z');
    await rig.service.scheduler.tick();
    expect(rig.channel.posts).toHaveLength(0);
    expect(text(await run(rig, '/digest status'))).toMatch(/Paused since Sun 1 Nov 2026 08:00 UTC: channel_not_found\. Subscribe again to resume\./);
    expect(rig.channel.notices).toEqual([
      { channelKey: 'console:local', userId: 'me', text: 'The digest for console:local is paused: channel_not_found. Subscribe again in that channel to resume.' },
    ]);
    await run(rig, '/digest subscribe time:09:00 timezone:UTC');
    rig.clock.set('2026-11-02T09:00:00Z');
    await rig.service.scheduler.tick();
    expect(rig.channel.posts.map((p) => p.slotId)).toEqual(['console:local@2026-11-02T09:00:00.000Z']);
  });

  it('retries a rate-limited post after the time the platform asks', async () => {
    const waits: number[] = [];
    rig = await makeDigestRig({ start: '2026-11-01T07:00:00Z', extra: { sleep: async (ms) => void waits.push(ms) } });
    await run(rig, '/digest subscribe time:08:00 timezone:UTC');
    rig.channel.rateLimitNext = 2;
    rig.channel.rateLimitMs = 2500;
    rig.clock.set('2026-11-01T08:00:00Z');
    await rig.service.scheduler.tick();
    expect(waits).toEqual([2500, 2500]);
    expect(rig.channel.posts).toHaveLength(1);
  });

  it('a failed post with no answer is retried on a later tick, after reading the channel back', async () => {
    rig = await makeDigestRig({ start: '2026-11-01T07:00:00Z' });
    await run(rig, '/digest subscribe time:08:00 timezone:UTC');
    rig.channel.failNext = 1;
    rig.clock.set('2026-11-01T08:00:00Z');
    await rig.service.scheduler.tick();
    expect(rig.channel.posts).toHaveLength(0);
    rig.clock.set('2026-11-01T08:30:00Z');
    await rig.service.scheduler.tick();
    expect(rig.channel.reads).toBe(1);
    expect(rig.channel.posts).toHaveLength(1);
  });
});

describe('digest content', () => {
  it('sends stories new since the last delivery, a story again only with new sources, else one short line', async () => {
    rig = await makeDigestRig({
      start: '2026-11-01T07:00:00Z',
      articles: [
        article('fire-1', 'harbour warehouse fire', '2026-11-01T05:00:00Z'),
        article('vote-1', 'parliament budget vote', '2026-11-01T04:00:00Z'),
        article('old-1', 'museum reopening ceremony', '2026-10-20T04:00:00Z'),
      ],
    });
    await run(rig, '/digest subscribe time:08:00 timezone:UTC');
    rig.clock.set('2026-11-01T08:00:00Z');
    await rig.service.scheduler.tick();
    const ids = (i: number) => {
      const r = rig!.channel.posts[i]!.reply;
      return r.kind === 'stories' ? r.stories.map((s) => s.sources.map((x) => x.id).sort().join('+')).sort() : [];
    };
    expect(ids(0)).toEqual(['fire-1', 'vote-1']);

    rig.engine.add([
      article('fire-2', 'harbour warehouse fire', '2026-11-01T20:00:00Z', 'Investigators arrived.'),
      article('storm-1', 'coastal storm warning', '2026-11-01T21:00:00Z'),
    ]);
    expect(text(await run(rig, '/digest now'))).toBe('stories');
    const preview = await run(rig, '/digest now');
    expect(preview.kind === 'stories' && preview.title).toMatch(/preview/);
    rig.clock.set('2026-11-02T08:00:00Z');
    await rig.service.scheduler.tick();
    expect(ids(1)).toEqual(['fire-1+fire-2', 'storm-1']);

    rig.clock.set('2026-11-03T08:00:00Z');
    await rig.service.scheduler.tick();
    const third = rig.channel.posts[2]!.reply;
    expect(third.kind === 'stories' && third.stories).toEqual([]);
    expect(third.kind === 'stories' && third.empty).toBe('Nothing new since the last digest.');
  });

  it('narrows to the subscription topic', async () => {
    rig = await makeDigestRig({
      start: '2026-11-01T07:00:00Z',
      articles: [article('fire-1', 'harbour warehouse fire', '2026-11-01T05:00:00Z'), article('vote-1', 'parliament budget vote', '2026-11-01T04:00:00Z')],
    });
    await run(rig, '/digest subscribe time:08:00 timezone:UTC topic:budget vote');
    rig.clock.set('2026-11-01T08:00:00Z');
    await rig.service.scheduler.tick();
    const r = rig.channel.posts[0]!.reply;
    expect(r.kind === 'stories' && r.stories.flatMap((s) => s.sources.map((x) => x.id))).toEqual(['vote-1']);
    expect(r.kind === 'stories' && r.title).toMatch(/on "budget vote"/);
  });
});

describe('node-cron tasks', () => {
  it('creates a task per subscription in its timezone, replaced at once and removed on unsubscribe', async () => {
    rig = await makeDigestRig({ start: new Date().toISOString(), extra: { cron: true } });
    // The rig's clock is fixed; node-cron runs on the real one
    await run(rig, '/digest subscribe time:09:00 timezone:Asia/Kolkata days:mon,wed');
    const task = rig.service.scheduler.task('console:local');
    expect(task?.getPattern()).toBe('0 9 * * 1,3');
    const sub = parseSubscribe('time:09:00 timezone:Asia/Kolkata days:mon,wed', { channelKey: 'x', userId: 'u', timezone: 'UTC', now: new Date() });
    expect(sub.ok && task?.getNextRun()?.toISOString()).toBe(sub.ok && nextSlot(sub.value, new Date())?.toISOString());
    await run(rig, '/digest subscribe time:17:45 timezone:America/New_York');
    expect(rig.service.scheduler.task('console:local')?.getPattern()).toBe('45 17 * * *');
    expect(rig.service.scheduler.task('console:local')?.getStatus()).not.toBe('destroyed');
    expect(task?.getStatus()).toBe('destroyed');
    await run(rig, '/digest unsubscribe');
    expect(rig.service.scheduler.task('console:local')).toBeUndefined();
  });

  it('node-cron fires at every slot of a year in four zones but the ones a DST gap moved to the change (those get one-off tasks)', () => {
    const from = new Date('2026-01-01T00:00:00Z');
    const to = new Date('2027-01-01T00:00:00Z');
    const unmatched: Record<string, string[]> = {};
    for (const [name, args] of [
      ['new york', 'time:02:30 timezone:America/New_York'],
      ['berlin', 'time:02:15 timezone:Europe/Berlin days:sun'],
      ['sydney', 'time:02:30 timezone:Australia/Sydney'],
      ['kolkata', 'time:09:00 timezone:Asia/Kolkata days:weekdays'],
    ] as const) {
      const sub = parseSubscribe(args, { channelKey: 'x', userId: 'u', timezone: 'UTC', now: from });
      if (!sub.ok) throw new Error(sub.error.message);
      const task = cron.createTask(cronExpression(sub.value), () => undefined, { timezone: sub.value.timezone });
      const slots = nextSlots(sub.value, from, to);
      expect(slots.length).toBeGreaterThan(50);
      unmatched[name] = slots.filter((at) => !task.match(at)).map((at) => at.toISOString());
      void task.destroy();
    }
    expect(unmatched).toEqual({
      'new york': ['2026-03-08T07:00:00.000Z'],
      berlin: ['2026-03-29T01:00:00.000Z'],
      sydney: ['2026-10-03T16:00:00.000Z'],
      kolkata: [],
    });
  });

  it('wakes at a slot its own pattern skips with a one-off task at the change (New York, Berlin, Sydney), which delivers it and is replaced', async () => {
    rig = await makeDigestRig({ start: '2026-03-07T08:00:00Z', extra: { cron: true } });
    const scheduler = rig.service.scheduler;
    await run(rig, '/digest subscribe time:02:30 timezone:America/New_York', console_('console:ny'));
    await run(rig, '/digest subscribe time:01:30 timezone:America/New_York', console_('console:ny-repeated'));
    // 02:30 does not exist on 8 March in New York: 03:00 EDT, 07:00Z; no gap (or a repeated time) needs no extra task
    const once = scheduler.gapTask('console:ny');
    expect(once?.getPattern()).toBe('0 7 8 3 *');
    expect(scheduler.gapTask('console:ny-repeated')).toBeUndefined();
    rig.clock.set('2026-03-28T12:00:00Z');
    await run(rig, '/digest subscribe time:02:15 timezone:Europe/Berlin days:sun', console_('console:berlin'));
    expect(scheduler.gapTask('console:berlin')?.getPattern()).toBe('0 1 29 3 *'); // 03:00 CEST
    rig.clock.set('2026-10-02T20:00:00Z');
    await run(rig, '/digest subscribe time:02:30 timezone:Australia/Sydney', console_('console:sydney'));
    expect(scheduler.gapTask('console:sydney')?.getPattern()).toBe('0 16 3 10 *'); // 03:00 AEDT on 4 October

    // The one-off task firing (run by hand here) delivers New York's slot and arms the next, which the daily task hits
    rig.clock.set('2026-03-08T07:00:00Z');
    await once?.execute();
    expect(rig.channel.posts.filter((p) => p.channelKey === 'console:ny').map((p) => p.slotId)).toEqual(['console:ny@2026-03-08T07:00:00.000Z']);
    expect(scheduler.gapTask('console:ny')).toBeUndefined();
    expect(scheduler.task('console:ny')?.match(nextSlot({ hour: 2, minute: 30, timezone: 'America/New_York', days: [0, 1, 2, 3, 4, 5, 6] }, rig.clock.t)!)).toBe(true);
    await once?.destroy();
    await run(rig, '/digest unsubscribe', console_('console:sydney'));
    expect(scheduler.gapTask('console:sydney')).toBeUndefined();
  });

  it('rebuilds schedules from the store at start', async () => {
    rig = await makeDigestRig({ start: new Date().toISOString() });
    await run(rig, '/digest subscribe time:06:00 timezone:Europe/Paris', console_('console:a'));
    await run(rig, '/digest subscribe time:07:00 timezone:UTC', console_('console:b'));
    await rig.restart({ cron: true });
    expect(rig.service.scheduler.task('console:a')?.getPattern()).toBe('0 6 * * *');
    expect(rig.service.scheduler.task('console:b')?.getPattern()).toBe('0 7 * * *');
  });
});
