import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runConsole } from '../../adapters/console/console-adapter.ts';
import { createConsoleDigestChannel } from '../../adapters/console/console-digest-channel.ts';
import type { CallContext } from '../../src/bot/bot.ts';
import { parseBriefText, parseConsoleLine } from '../../src/bot/command.ts';
import type { Reply } from '../../src/bot/reply.ts';
import { article, makeDigestRig, type DigestRig } from '../support/digest-rig.ts';
import { silentLog } from '../support/test-log.ts';

let rig: DigestRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const say = (reply: Reply) => (reply.kind === 'notice' ? reply.text : reply.kind === 'error' ? `${reply.code}: ${reply.message}` : reply.kind);

async function consoleLine(line: string): Promise<Reply> {
  const parsed = parseConsoleLine(line);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return rig!.bot.handle(parsed.command, { surface: 'console', conversationId: 'c', userId: 'console', channelKey: 'console:local', canManageDigest: true });
}

/** Slack's `/brief TEXT` in channel C1. */
async function slack(text: string, userId: string, admin = false): Promise<Reply> {
  const parsed = parseBriefText(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const ctx: CallContext = { surface: 'slack', conversationId: 'C1', userId, channelKey: 'slack:C1', canManageDigest: admin, timezone: 'America/Chicago' };
  return rig!.bot.handle(parsed.command, ctx);
}

/** Discord's `/digest <sub> …` in channel 456. */
async function discord(action: string, args: string, canManage: boolean): Promise<Reply> {
  const parsed = parseConsoleLine(`/digest ${action} ${args}`);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return rig!.bot.handle(parsed.command, { surface: 'discord', conversationId: '456', userId: 'u9', channelKey: 'discord:456', canManageDigest: canManage });
}

describe('digest commands through the Bot', () => {
  it('subscribe, status, now, unsubscribe in the console', async () => {
    rig = await makeDigestRig({ start: '2026-11-25T10:00:00Z', articles: [article('a1', 'harbour warehouse fire', '2026-11-25T06:00:00Z')] });
    expect(say(await consoleLine('/digest status'))).toMatch(/no digest subscription/);
    expect(say(await consoleLine('/digest subscribe time:08:30 timezone:Europe/Berlin days:weekdays topic:harbour fire'))).toBe(
      'Subscribed: this channel gets a digest every weekday at 08:30 (Europe/Berlin) on "harbour fire". Next: Thu 26 Nov 2026 08:30 CET.',
    );
    const status = say(await consoleLine('/digest status'));
    expect(status).toMatch(/^Digest: every weekday at 08:30 \(Europe\/Berlin\) on "harbour fire"\./);
    expect(status).toMatch(/Next: Thu 26 Nov 2026 08:30 CET\./);
    expect(status).toMatch(/Last delivery: none yet\./);
    const preview = await consoleLine('/digest now');
    expect(preview.kind === 'stories' && preview.stories.map((s) => s.sources[0]?.id)).toEqual(['a1']);
    expect(say(await consoleLine('/digest subscribe time:09:00'))).toMatch(/^Subscription replaced: .* every day at 09:00 \(UTC\)\./);
    expect(say(await consoleLine('/digest unsubscribe'))).toMatch(/^Unsubscribed/);
    expect(say(await consoleLine('/digest unsubscribe'))).toMatch(/no digest subscription/);
    expect(await rig.service.subscriptions.channelKeys()).toEqual([]);
    const noSub = await consoleLine('/digest now');
    expect(noSub.kind === 'stories' && noSub.title).toBe('Digest preview: the last 24 hours');
  });

  it('names the problem in an invalid time, day or zone, with the usage line, and stores nothing', async () => {
    rig = await makeDigestRig({ start: '2026-11-25T10:00:00Z' });
    const bad = async (args: string) => {
      const r = await consoleLine(`/digest subscribe ${args}`);
      expect(r).toMatchObject({ kind: 'error', code: 'usage' });
      expect(r.kind === 'error' && r.usage).toMatch(/digest subscribe time:HH:MM/);
      return say(r);
    };
    expect(await bad('time:24:10')).toMatch(/"24:10" is not a valid time/);
    expect(await bad('time:noonish')).toMatch(/"noonish" is not a valid time/);
    expect(await bad('time:9')).toMatch(/"9" could be morning or evening: give time:09:00 or time:21:00/);
    expect(await bad('time:08:00 timezone:york')).toMatch(/did you mean timezone:America\/New_York\?/);
    expect(await bad('time:08:00 days:mon,someday')).toMatch(/"someday" is not a day/);
    expect(await bad('time:08:00 timezone:Europe/Atlantis')).toMatch(/"Europe\/Atlantis" is not a known IANA timezone/);
    expect(await bad('')).toMatch(/Give the time of day/);
    expect(await rig.service.subscriptions.channelKeys()).toEqual([]);
  });

  it('Discord: changing the digest needs Manage Channels/Server; status and now are open to everyone', async () => {
    rig = await makeDigestRig({ start: '2026-11-25T10:00:00Z' });
    expect(say(await discord('subscribe', 'time:07:00', false))).toMatch(/^forbidden: .*Manage Channels or Manage Server/);
    expect(await rig.service.subscriptions.get('discord:456')).toBeUndefined();
    expect(say(await discord('subscribe', 'time:07:00', true))).toMatch(/^Subscribed: .* every day at 07:00 \(UTC\)/);
    expect(say(await discord('unsubscribe', '', false))).toMatch(/^forbidden/);
    expect(say(await discord('status', '', false))).toMatch(/^Digest: every day at 07:00 \(UTC\)/);
    expect((await discord('now', '', false)).kind).toBe('stories');
    expect(await rig.service.subscriptions.get('discord:456')).toMatchObject({ hour: 7, minute: 0 });
  });

  it("Slack: anyone when the channel has none, then its creator or an admin; the user's timezone is the default", async () => {
    rig = await makeDigestRig({ start: '2026-11-25T10:00:00Z' });
    expect(say(await slack('digest subscribe time:08:00', 'U1'))).toMatch(/every day at 08:00 \(America\/Chicago\)/);
    expect(say(await slack('digest subscribe time:09:00', 'U2'))).toMatch(/^forbidden: Only a workspace admin or owner/);
    expect(say(await slack('digest unsubscribe', 'U2'))).toMatch(/^forbidden/);
    expect(await rig.service.subscriptions.get('slack:C1')).toMatchObject({ hour: 8, createdBy: 'U1' });
    expect(say(await slack('digest subscribe time:09:00', 'U1'))).toMatch(/^Subscription replaced/);
    expect(say(await slack('digest subscribe time:10:00 timezone:Asia/Tokyo', 'U3', true))).toMatch(/10:00 \(Asia\/Tokyo\)/);
    expect(say(await slack('digest unsubscribe', 'U1'))).toMatch(/^forbidden/); // U3 created the current one
    expect(say(await slack('digest unsubscribe', 'U3'))).toMatch(/^Unsubscribed/);
  });

  it('the console adapter subscribes its channel and the console digest channel prints the slot marker', async () => {
    rig = await makeDigestRig({ start: '2026-11-25T07:00:00Z', articles: [article('a1', 'harbour warehouse fire', '2026-11-25T06:00:00Z')] });
    const out = new PassThrough();
    let printed = '';
    out.on('data', (d: Buffer) => (printed += d.toString()));
    await rig.restart();
    await rig.service.start(new Map([['console', createConsoleDigestChannel(out, 100)]]));
    const input = new PassThrough();
    const done = runConsole({ bot: rig.bot, log: silentLog, input, output: out, interactive: false, width: 100 });
    input.end('/digest subscribe time:08:00 timezone:UTC\n');
    await done;
    expect(printed).toMatch(/Subscribed: this channel gets a digest every day at 08:00 \(UTC\)/);
    expect(await rig.service.subscriptions.channelKeys()).toEqual(['console:local']);
    rig.clock.set('2026-11-25T08:00:00Z');
    await rig.service.scheduler.tick();
    expect(printed).toMatch(/Report on the harbour warehouse fire/);
    expect(printed).toContain('(digest-slot console:local@2026-11-25T08:00:00.000Z)');
  });

  it('console /digest list: every subscription of this data directory, whatever its surface', async () => {
    rig = await makeDigestRig({ start: '2026-11-25T10:00:00Z' });
    await rig.service.subscriptions.put({ channelKey: 'slack:C0NEWS', hour: 7, minute: 0, timezone: 'UTC', days: [1, 3, 5], topic: 'ferry', createdBy: 'U1', createdAt: '2026-11-01T00:00:00Z' });
    let printed = '';
    const out = new PassThrough();
    out.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const input = new PassThrough();
    const done = runConsole({ bot: rig.bot, log: silentLog, input, output: out, interactive: false, width: 120 });
    input.end('/digest list\n/digest subscribe time:9.30pm timezone:london days:weekends\n/digest list\n');
    await done;
    const lists = printed.split('Digest subscriptions in this data directory').slice(1);
    expect(lists).toHaveLength(2);
    expect(lists[0]).toMatch(/^ \(1\)\n  slack:C0NEWS · 07:00 UTC · mon,wed,fri · topic "ferry" · last delivery none yet/);
    expect(printed).toMatch(/every Sun, Sat at 21:30 \(Europe\/London\)/);
    expect(lists[1]).toMatch(/^ \(2\)\n  console:local · 21:30 Europe\/London · weekends · every topic · last delivery none yet\n  slack:C0NEWS/);
  });
});
