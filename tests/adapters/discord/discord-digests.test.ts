import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordAPIError, MessageFlags, PermissionFlagsBits, RateLimitError, type APIEmbed } from 'discord.js';
import { classifyDiscordError, markDigest, parseFooterMarker } from '../../../adapters/discord/discord-digest-channel.ts';
import { DISCORD_LIMITS, embedLength, renderDiscord } from '../../../adapters/discord/render-discord.ts';
import type { Reply } from '../../../src/bot/reply.ts';
import { slotMarker } from '../../../src/schedule/digest-channel.ts';
import { createDigestCommands } from '../../../src/bot/digest-commands.ts';
import { createDigestService, type DigestService } from '../../../src/schedule/digest-service.ts';
import { SchedulerHalt, type DeliveryStep } from '../../../src/schedule/scheduler.ts';
import { FakeClock } from '../../support/digest-rig.ts';
import { ALICE, BOB, startHarness, TEXT_CHANNEL_ID, THREAD_ID, type Harness, type HarnessDigests } from '../../support/discord-harness.ts';
import type { RecordedRequest } from '../../support/discord-rest-stub.ts';

/**
 * `/digest` through the real Discord adapter (discord.js against the loopback REST and gateway
 * stand-ins) and scheduled digests through its DigestChannel, on a controllable clock.
 */

const EPHEMERAL = MessageFlags.Ephemeral;
/** View Channel + Send Messages: no Manage Channels, no Manage Server, no Administrator. */
const PLAIN_MEMBER = String(PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages);
/** A moderator of the channel; and one who manages the server. */
const CHANNEL_MANAGER = String(PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.ManageChannels);
const SERVER_MANAGER = String(PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.ManageGuild);
const KEY = `discord:${TEXT_CHANNEL_ID}`;

const clock = new FakeClock(new Date('2024-11-30T12:00:00Z'));
let crashAt: DeliveryStep | null = null;
const waits: number[] = [];

let h: Harness;
let service: DigestService;
let restart: () => Promise<void>;

beforeAll(async () => {
  let make!: () => Promise<DigestService>;
  const digests: HarnessDigests = {
    handle: (action, args, ctx) => createDigestCommands(service).handle(action, args, ctx),
    stop: () => service.stop(),
  };
  h = await startHarness({
    now: clock.now,
    digests: async ({ engine, store, log, dataDir }) => {
      engine.add([
        {
          id: 'harbour.txt',
          title: 'Harbour council warns @everyone about ferry fares',
          text: 'The harbour council told @everyone and @here that ferry fares rise by 10 percent. <@123> and <@&456> must pay first, the council said in <#789>.\n\nCritics said the budget ignores fishermen.',
          url: 'https://news.example.org/harbour',
          date: '2024-11-30',
          source: null,
          origin: 'harbour.txt',
        },
      ]);
      make = () =>
        createDigestService({
          engine,
          store,
          log,
          dataDir,
          catchupHours: 6,
          defaultTimezone: 'UTC',
          now: clock.now,
          cron: false,
          leaseMs: 5 * 60_000,
          sleep: async (ms) => void waits.push(ms),
          onStep: (step) => {
            if (step === crashAt) throw new SchedulerHalt(`crash at ${step}`);
          },
        });
      service = await make();
      return digests;
    },
  });
  await service.start(new Map([['discord', h.digestChannel]]));
  restart = async () => {
    await service.stop();
    service = await make();
    await service.start(new Map([['discord', h.digestChannel]]));
  };
});

afterAll(async () => {
  await h?.stop();
});

const embedsOf = (r: RecordedRequest): APIEmbed[] => (r.kind === 'callback' ? r.body.data?.embeds : r.body.embeds) ?? [];
const textOf = (r: RecordedRequest) => embedsOf(r).map((e) => e.description ?? '').join('\n');

/** A `/digest <sub>` whose answer is public: the deferred reply edited. */
async function publicAnswer(sub: string, options: Record<string, string> = {}, opts: Parameters<Harness['slash']>[2] = {}): Promise<string> {
  const sent = h.slash('digest', options, { ...opts, subcommand: sub });
  const callback = await h.waitForToken(sent.token, 'callback');
  expect(callback.body.type).toBe(5);
  expect((callback.body.data?.flags ?? 0) & EPHEMERAL).toBe(0);
  return textOf(await h.waitForToken(sent.token, 'webhook-edit'));
}

/** A `/digest <sub>` answered privately: an error (public placeholder removed, ephemeral follow-up) or status (ephemeral from the start). */
async function privateAnswer(sub: string, options: Record<string, string> = {}, opts: Parameters<Harness['slash']>[2] = {}): Promise<string> {
  const sent = h.slash('digest', options, { ...opts, subcommand: sub });
  const callback = await h.waitForToken(sent.token, 'callback');
  if ((callback.body.data?.flags ?? 0) & EPHEMERAL) return textOf(await h.waitForToken(sent.token, 'webhook-edit'));
  await h.waitForToken(sent.token, 'webhook-delete');
  const followUp = await h.waitForToken(sent.token, 'webhook-followup');
  expect(followUp.body.flags & EPHEMERAL).toBe(EPHEMERAL);
  return textOf(followUp);
}

const digestPosts = (channelId: string) =>
  h.rest.of('channel-message').filter((r) => r.params.channelId === channelId && embedsOf(r).some((e) => e.footer?.text.startsWith(slotMarker(''))));
const slotsOf = (posts: RecordedRequest[]) => posts.flatMap((r) => embedsOf(r).flatMap((e) => (e.footer ? [parseFooterMarker(e.footer.text)?.slotId] : [])));

describe('/digest on Discord', () => {
  it('subscribe needs Manage Channels or Manage Server; an invalid time is named; the options make the schedule', async () => {
    expect(await privateAnswer('subscribe', { time: '07:00' }, { user: BOB, permissions: PLAIN_MEMBER })).toMatch(
      /Changing this channel's digest needs the Manage Channels or Manage Server permission\./,
    );
    expect(await h.digests!.handle('status', '', { surface: 'discord', conversationId: 'x', userId: BOB.id, channelKey: KEY })).toMatchObject({
      text: expect.stringMatching(/no digest subscription/),
    });

    const bad = await privateAnswer('subscribe', { time: '25:00' }, { permissions: CHANNEL_MANAGER });
    expect(bad).toMatch(/"25:00" is not a valid time/);
    expect(bad).toMatch(/Usage: `\/digest subscribe time: timezone:\? days:\? topic:\?`/);

    expect(await publicAnswer('subscribe', { time: '19:00', timezone: 'Europe/Berlin', days: 'sat, sun' }, { user: ALICE, permissions: CHANNEL_MANAGER })).toBe(
      'Subscribed: this channel gets a digest every Sun, Sat at 19:00 (Europe/Berlin). Next: <t:1732989600:f> (<t:1732989600:R>).',
    );
    // Bob still may not change it, but may read its status (privately)
    expect(await privateAnswer('unsubscribe', {}, { user: BOB, permissions: PLAIN_MEMBER })).toMatch(/Manage Channels or Manage Server/);
    const status = await privateAnswer('status', {}, { user: BOB, permissions: PLAIN_MEMBER });
    expect(status).toMatch(/^Digest: every Sun, Sat at 19:00 \(Europe\/Berlin\)\.\nNext: <t:1732989600:f> \(<t:1732989600:R>\)\.\nLast delivery: none yet\./);

    // In a DM the user manages their own digest
    expect(await publicAnswer('subscribe', { time: '06:00', topic: 'harbour fares' }, { user: BOB, where: 'dm' })).toMatch(
      /^Subscribed: this channel gets a digest every day at 06:00 \(UTC\) on "harbour fares"\./,
    );
    expect(await publicAnswer('unsubscribe', {}, { user: BOB, where: 'dm' })).toMatch(/^Unsubscribed/);
    expect(await service.subscriptions.channelKeys()).toEqual([KEY]);
  });

  it('delivers a slot through the adapter’s DigestChannel with the marker in the footer and no pings', async () => {
    clock.set('2024-11-30T18:00:00Z');
    await service.scheduler.tick();
    const posts = digestPosts(TEXT_CHANNEL_ID);
    expect(posts).toHaveLength(1);
    const post = posts[0]!;
    expect(post.body.allowed_mentions).toEqual({ parse: [] });
    // the slot's time as a Discord timestamp: each reader sees it in their own zone
    expect(post.body.content).toBe('**Digest: <t:1732989600:f>**');
    const embeds = embedsOf(post);
    expect(embeds.at(-1)!.footer!.text).toBe(slotMarker(`${KEY}@2024-11-30T18:00:00.000Z`));
    const shown = JSON.stringify(embeds);
    expect(shown).toContain('Harbour council warns');
    expect(shown).not.toMatch(/@(everyone|here)|<@&?\d|<#\d/);
    expect(await privateAnswer('status', {}, { user: BOB, permissions: PLAIN_MEMBER })).toMatch(/Last delivery: <t:1732989600:f> \(<t:1732989600:R>\)\./);
  });

  it('after a crash between sending and recording, finds the footer marker in the channel’s messages and posts nothing twice', async () => {
    crashAt = 'sent';
    clock.set('2024-12-01T18:00:00Z');
    await expect(service.scheduler.tick()).rejects.toBeInstanceOf(SchedulerHalt);
    crashAt = null;
    const slots = [`${KEY}@2024-11-30T18:00:00.000Z`, `${KEY}@2024-12-01T18:00:00.000Z`];
    expect(slotsOf(digestPosts(TEXT_CHANNEL_ID))).toEqual(slots);

    clock.set('2024-12-01T18:02:00Z');
    await restart();
    expect(h.rest.of('channel-history')).toHaveLength(0);
    clock.set('2024-12-01T18:06:00Z');
    await service.scheduler.tick();
    const reads = h.rest.of('channel-history');
    expect(reads).toHaveLength(1);
    expect(reads[0]!.params.channelId).toBe(TEXT_CHANNEL_ID);
    expect(reads[0]!.query.get('limit')).toBe('50');
    await service.scheduler.tick();
    expect(slotsOf(digestPosts(TEXT_CHANNEL_ID))).toEqual(slots);
    expect(await privateAnswer('status', {}, { user: ALICE })).toMatch(/Last delivery: <t:1733076360:f> \(<t:1733076360:R>\)\./);
  });

  it('retries a rate-limited post after the retry_after Discord asks', async () => {
    expect(await publicAnswer('subscribe', { time: '20:00' }, { where: 'thread', permissions: SERVER_MANAGER })).toMatch(/^Subscribed: .* every day at 20:00 \(UTC\)/);
    h.rest.failNext(
      (r) => r.kind === 'channel-message' && r.params.channelId === THREAD_ID,
      429,
      { message: 'You are being rate limited.', retry_after: 2.5, global: false },
      { 'retry-after': '2.5' },
    );
    waits.length = 0;
    clock.set('2024-12-01T20:00:00Z');
    await service.scheduler.tick();
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(2500);
    expect(waits[0]).toBeLessThan(3000);
    expect(slotsOf(digestPosts(THREAD_ID))).toEqual([`discord:${THREAD_ID}@2024-12-01T20:00:00.000Z`, `discord:${THREAD_ID}@2024-12-01T20:00:00.000Z`]);
    expect(h.rest.of('channel-message').filter((r) => r.params.channelId === THREAD_ID).map((r) => r.response?.id !== undefined)).toEqual([false, true]);
  });

  it('pauses the subscription when the channel is gone, says why in status, and tells the subscriber by DM', async () => {
    h.rest.failNext((r) => r.kind === 'channel-message' && r.params.channelId === TEXT_CHANNEL_ID, 404, { message: 'Unknown Channel', code: 10003 });
    clock.set('2024-12-07T18:00:00Z');
    await service.scheduler.tick();
    clock.set('2024-12-08T18:00:00Z');
    await service.scheduler.tick();
    expect(h.rest.of('channel-message').filter((r) => r.params.channelId === TEXT_CHANNEL_ID)).toHaveLength(3); // two delivered, one refused
    expect(await privateAnswer('status', {}, { user: BOB, permissions: PLAIN_MEMBER })).toMatch(
      /Paused since <t:1733594400:f> \(<t:1733594400:R>\): Unknown Channel \(10003\)\. Subscribe again to resume\./,
    );
    const [open] = h.rest.of('dm-open');
    expect(open!.body).toEqual({ recipient_id: ALICE.id });
    const dmId = (open!.response as { id: string }).id;
    const [dm] = h.rest.of('channel-message').filter((r) => r.params.channelId === dmId);
    expect(dm!.body.allowed_mentions).toEqual({ parse: [] });
    expect(textOf(dm!)).toBe(`The digest for ${KEY} is paused: Unknown Channel (10003). Subscribe again in that channel to resume.`);
  });
});

describe('digest marker on messages within Discord limits', () => {
  it('marks every message of a long digest and keeps each within 10 embeds and 6,000 characters', () => {
    const long = 'A sentence about the harbour budget and the ferry fares. '.repeat(70);
    const reply: Reply = {
      kind: 'stories',
      title: 'Digest: Sat 30 Nov 2024 19:00 CET',
      empty: '',
      stories: Array.from({ length: 8 }, (_, i) => ({
        headline: `Story ${i + 1}`,
        summary: [long],
        sources: [{ id: `a${i}`, title: `Article ${i}`, url: null, date: '2024-11-30' }],
      })),
    };
    const slot = `${KEY}@2024-11-30T18:00:00.000Z`;
    const messages = markDigest(renderDiscord(reply), slot);
    expect(messages.length).toBeGreaterThan(1);
    messages.forEach((m, i) => {
      expect(m.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
      expect(m.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
      expect(parseFooterMarker(m.embeds.at(-1)!.footer!.text)).toEqual({ slotId: slot, part: { part: i + 1, parts: messages.length } });
    });
  });
});

describe('Discord REST failures', () => {
  const classified = (err: unknown) => {
    try {
      classifyDiscordError(err);
    } catch (e) {
      return e;
    }
    throw new Error('not thrown');
  };
  const apiError = (code: number, status: number, message: string) =>
    new DiscordAPIError({ code, message }, code, status, 'POST', 'https://discord.test/api/v10/channels/1/messages', { body: {} });

  it('a lost channel or access pauses; a 429 waits what Discord asks; anything else is unknown', () => {
    expect(classified(apiError(10003, 404, 'Unknown Channel'))).toMatchObject({ kind: 'gone', message: 'Unknown Channel (10003)' });
    expect(classified(apiError(50001, 403, 'Missing Access'))).toMatchObject({ kind: 'gone', message: 'Missing Access (50001)' });
    expect(classified(apiError(50013, 403, 'Missing Permissions'))).toMatchObject({ kind: 'gone', message: 'Missing Permissions (50013)' });
    const limited = new RateLimitError({
      timeToReset: 4000,
      limit: 5,
      method: 'POST',
      hash: 'h',
      url: 'u',
      route: '/channels/:id/messages',
      majorParameter: '1',
      global: false,
      retryAfter: 3000,
      sublimitTimeout: 0,
      scope: 'user',
    });
    expect(classified(limited)).toMatchObject({ kind: 'rate_limited', retryAfterMs: 3000 });
    const server = apiError(0, 500, 'Internal Server Error');
    expect(classified(server)).toBe(server);
  });
});
