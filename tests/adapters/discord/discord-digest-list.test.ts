import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageFlags, PermissionFlagsBits, type APIEmbed } from 'discord.js';
import { DISCORD_COMMANDS } from '../../../adapters/discord/commands.ts';
import { createDigestCommands } from '../../../src/bot/digest-commands.ts';
import { createDigestService, type DigestService } from '../../../src/schedule/digest-service.ts';
import type { Subscription } from '../../../src/schedule/subscription.ts';
import { FakeClock } from '../../support/digest-rig.ts';
import { BOB, DM_CHANNEL_ID, GUILD_ID, startHarness, TEXT_CHANNEL_ID, THREAD_ID, type Harness, type HarnessDigests } from '../../support/discord-harness.ts';
import type { RecordedRequest } from '../../support/discord-rest-stub.ts';

/**
 * `/digest list`, autocomplete of the subscribe options, loose times and zones and Discord
 * timestamps, through the real Discord adapter against the loopback REST and gateway stand-ins.
 */

const EPHEMERAL = MessageFlags.Ephemeral;
const PLAIN_MEMBER = String(PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages);
const SERVER_MANAGER = String(PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.ManageGuild);
const clock = new FakeClock(new Date('2024-11-30T12:00:00Z'));

let h: Harness;
let service: DigestService;

beforeAll(async () => {
  const digests: HarnessDigests = { handle: (action, args, ctx) => createDigestCommands(service).handle(action, args, ctx), stop: () => service.stop() };
  h = await startHarness({
    now: clock.now,
    digests: async ({ engine, store, log, dataDir }) => {
      service = await createDigestService({ engine, store, log, dataDir, catchupHours: 6, defaultTimezone: 'UTC', now: clock.now, cron: false });
      return digests;
    },
  });
  await service.start(new Map([['discord', h.digestChannel]]));
});

afterAll(async () => {
  await h?.stop();
});

const embedsOf = (r: RecordedRequest): APIEmbed[] => (r.kind === 'callback' ? r.body.data?.embeds : r.body.embeds) ?? [];
const textOf = (r: RecordedRequest) => embedsOf(r).map((e) => e.description ?? '').join('\n');

/** The embeds of a `/digest <sub>` reply, public or private; `ephemeral` says which it was. */
async function digest(sub: string, options: Record<string, string> = {}, opts: Parameters<Harness['slash']>[2] = {}): Promise<{ embeds: APIEmbed[]; ephemeral: boolean }> {
  const sent = h.slash('digest', options, { ...opts, subcommand: sub });
  const callback = await h.waitForToken(sent.token, 'callback');
  if ((callback.body.data?.flags ?? 0) & EPHEMERAL) return { embeds: embedsOf(await h.waitForToken(sent.token, 'webhook-edit')), ephemeral: true };
  const first = await Promise.race([h.waitForToken(sent.token, 'webhook-edit'), h.waitForToken(sent.token, 'webhook-delete')]);
  if (first.kind === 'webhook-edit') return { embeds: embedsOf(first), ephemeral: false };
  const followUp = await h.waitForToken(sent.token, 'webhook-followup');
  return { embeds: embedsOf(followUp), ephemeral: Boolean(followUp.body.flags & EPHEMERAL) };
}

async function choices(option: string, typed: string): Promise<{ name: string; value: string }[]> {
  const sent = h.autocomplete('digest', option, typed, 'subscribe');
  const callback = await h.waitForToken(sent.token, 'callback');
  expect(callback.body.type).toBe(8);
  return callback.body.data.choices as { name: string; value: string }[];
}

describe('/digest subscribe options', () => {
  it('registers list, and autocomplete on time, timezone and days', () => {
    const digestCommand = DISCORD_COMMANDS.find((c) => c.name === 'digest')!;
    const subs = digestCommand.options!.map((o) => o.name);
    expect(subs).toEqual(['now', 'subscribe', 'unsubscribe', 'status', 'list']);
    const subscribe = digestCommand.options!.find((o) => o.name === 'subscribe') as { options: { name: string; autocomplete?: boolean; description: string }[] };
    expect(subscribe.options.filter((o) => o.autocomplete).map((o) => o.name)).toEqual(['time', 'timezone', 'days']);
    expect(subscribe.options.find((o) => o.name === 'days')!.description).toMatch(/daily.*weekdays.*weekends.*mon,wed,fri/);
  });

  it('autocompletes timezone:london to Europe/London, time:9am to 09:00, and offers every days value', async () => {
    expect((await choices('timezone', 'london'))[0]).toEqual({ name: 'Europe/London', value: 'Europe/London' });
    expect((await choices('timezone', 'new york'))[0]!.value).toBe('America/New_York');
    expect(await choices('time', '9am')).toEqual([{ name: '09:00', value: '09:00' }]);
    expect((await choices('days', '')).map((c) => c.value)).toEqual(['daily', 'weekdays', 'weekends', 'mon,wed,fri']);
  });

  it('accepts time:9am timezone:london, keeps the server, and shows the next run as a Discord timestamp', async () => {
    const { embeds } = await digest('subscribe', { time: '9am', timezone: 'london', days: 'weekdays', topic: 'ferry **fares**' }, { where: 'thread', permissions: SERVER_MANAGER });
    const text = embeds.map((e) => e.description).join('\n');
    expect(text).toMatch(/every weekday at 09:00 \(Europe\/London\) on "ferry \\\*\\\*fares\\\*\\\*"\./);
    // Monday 2 December 2024, 09:00 in London (GMT)
    expect(text).toMatch(/Next: <t:1733130000:f> \(<t:1733130000:R>\)\./);
    expect(await service.subscriptions.get(`discord:${THREAD_ID}`)).toMatchObject({ hour: 9, minute: 0, timezone: 'Europe/London', workspace: GUILD_ID });
  });

  it('status gives moments as Discord timestamps', async () => {
    const { embeds, ephemeral } = await digest('status', {}, { where: 'thread', permissions: SERVER_MANAGER });
    expect(ephemeral).toBe(true);
    expect(embeds.map((e) => e.description).join('\n')).toMatch(/Next: <t:1733130000:f> \(<t:1733130000:R>\)\.\nLast delivery: none yet\./);
  });

  it('a bare hour is refused with both readings', async () => {
    const { embeds, ephemeral } = await digest('subscribe', { time: '9' }, { where: 'thread', permissions: SERVER_MANAGER });
    expect(ephemeral).toBe(true);
    expect(embeds.map((e) => e.description).join('\n')).toMatch(/could be morning or evening: give time:09:00 or time:21:00/);
  });
});

describe('/digest list', () => {
  const older = (channelKey: string, extra: Partial<Subscription> = {}): Subscription => ({
    channelKey, hour: 7, minute: 15, timezone: 'UTC', days: [0, 1, 2, 3, 4, 5, 6], topic: '', createdBy: BOB.id, createdAt: '2024-11-01T00:00:00Z', ...extra,
  });

  beforeAll(async () => {
    // stored before the guild was kept: the cached channel tells its server
    await service.subscriptions.put(older(`discord:${TEXT_CHANNEL_ID}`));
    await service.subscriptions.setState(`discord:${TEXT_CHANNEL_ID}`, {
      cursor: '2024-11-30T07:15:00Z', lastDeliveredAt: '2024-11-30T07:15:00Z', lastSlotId: null, sent: [], pending: null, missed: [], recentMissed: [], paused: null,
    });
    // an old record of a channel this shard does not know, and another server's channel
    await service.subscriptions.put(older('discord:1300000000000000077'));
    await service.subscriptions.put(older('discord:1300000000000000088', { workspace: '1200000000000000999' }));
    await service.subscriptions.put(older('slack:C0NEWS', { workspace: 'T0TEST' }));
    // a DM's own digest: no server's, and not an unattributed old record either
    expect((await digest('subscribe', { time: '07:00' }, { where: 'dm' })).embeds[0]!.description).toMatch(/^Subscribed/);
    expect(await service.subscriptions.get(`discord:${DM_CHANNEL_ID}`)).toMatchObject({ workspace: 'dm' });
  });

  it('is refused, privately, without Manage Channels or Manage Server', async () => {
    const { embeds, ephemeral } = await digest('list', {}, { user: BOB, permissions: PLAIN_MEMBER });
    expect(ephemeral).toBe(true);
    expect(embeds[0]!.description).toBe("Listing this server's digest subscriptions needs the Manage Channels or Manage Server permission.");
  });

  it("shows a manager every subscription of this server, privately: channel, time, zone, days, topic, last delivery, paused", async () => {
    const { embeds, ephemeral } = await digest('list', {}, { user: BOB, permissions: SERVER_MANAGER });
    expect(ephemeral).toBe(true);
    expect(embeds[0]!.title).toBe('Digest subscriptions on this server (2)');
    expect(embeds[0]!.description!.split('\n')).toEqual([
      `• <#${TEXT_CHANNEL_ID}> · 07:15 UTC · daily · every topic · last delivery <t:1732950900:f>`,
      `• <#${THREAD_ID}> · 09:00 Europe/London · weekdays · topic "ferry \\*\\*fares\\*\\*" · last delivery none yet`,
    ]);
    expect(embeds[0]!.footer!.text).toBe('1 older subscription could not be matched to a server and is not listed; subscribing that channel again records it.');
  });

  it('in a DM says it lists a server', async () => {
    const { embeds } = await digest('list', {}, { where: 'dm' });
    expect(embeds[0]!.description).toMatch(/digest list shows the subscriptions of a server: use it in one of its channels\./);
  });
});
