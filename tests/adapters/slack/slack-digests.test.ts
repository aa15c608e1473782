import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifySlackError, DIGEST_EVENT_TYPE } from '../../../adapters/slack/slack-digest-channel.ts';
import type { Reply } from '../../../src/bot/reply.ts';
import { DigestChannelError } from '../../../src/schedule/digest-channel.ts';
import { createDigestCommands } from '../../../src/bot/digest-commands.ts';
import { createDigestService, type DigestService } from '../../../src/schedule/digest-service.ts';
import { SchedulerHalt, type DeliveryStep } from '../../../src/schedule/scheduler.ts';
import { FakeClock } from '../../support/digest-rig.ts';
import { SlackApiStub } from '../../support/slack-api-stub.ts';
import { allText, sections } from '../../support/slack-blocks.ts';
import { payloadTexts, startHarness, UNSAFE_PATTERNS, type Harness, type HarnessDigests } from '../../support/slack-harness.ts';

/**
 * Digest subscriptions through the real Slack adapter (Bolt, HTTP mode) and scheduled digests
 * through its DigestChannel, against the loopback Web API stand-in, on a controllable clock.
 */

const clock = new FakeClock(new Date('2024-11-28T12:00:00Z'));
/** The delivery step where the running instance "dies" (a simulated crash), if any. */
let crashAt: DeliveryStep | null = null;
const waits: number[] = [];

let h: Harness;
let service: DigestService;
let restart: () => Promise<void>;

beforeAll(async () => {
  let make!: () => Promise<DigestService>;
  // The Bot keeps one handle; a restart swaps the service behind it (same store and claim file)
  const digests: HarnessDigests = {
    handle: (action, args, ctx) => createDigestCommands(service).handle(action, args, ctx),
    stop: () => service.stop(),
  };
  h = await startHarness({
    digests: async ({ engine, store, log, dataDir }) => {
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
  // What main.ts does once the adapters run
  await service.start(new Map([['slack', h.slack.digestChannel]]));
  restart = async () => {
    await service.stop();
    service = await make();
    await service.start(new Map([['slack', h.slack.digestChannel]]));
  };
  h.stub.timezones.set('U0ALICE', 'Europe/Berlin');
  h.stub.admins.add('U0ADMIN');
});

afterAll(async () => {
  await h?.close();
});

let n = 0;
/** `/brief TEXT` from a user in a channel; resolves with the (ephemeral) reply. */
async function brief(text: string, user: string, channel = 'C0NEWS'): Promise<Record<string, unknown>> {
  const id = `digest-cmd-${++n}`;
  const ack = await h.client.command({ text, user, channel, responseUrl: h.stub.responseUrl(id) });
  expect(ack.status).toBe(200);
  await h.stub.waitFor((s) => s.responses(id).length >= 1, 5000, `a reply at ${id}`);
  const body = h.stub.responses(id)[0]!.body;
  expect(body.response_type).toBe('ephemeral');
  return body;
}
const say = async (text: string, user: string, channel?: string) => allText(await brief(text, user, channel));

const digestPosts = (channel: string) => h.stub.api('chat.postMessage').filter((c) => c.body.channel === channel && c.body.metadata);
const slotOf = (call: { body: Record<string, unknown> }) => (call.body.metadata as { event_payload: { slot_id: string } }).event_payload.slot_id;

describe('Slack digest subscriptions', () => {
  it('subscribes in the user’s timezone; refuses a change by someone else; names an invalid time', async () => {
    // Anyone may set up a channel that has no digest; the timezone is the user's (users.info)
    expect(await say('digest subscribe time:19:00', 'U0ALICE')).toMatch(
      /Subscribed: this channel gets a digest every day at 19:00 \(Europe\/Berlin\)\. Next: Thu 28 Nov 2024 19:00 CET\./,
    );
    expect(h.stub.api('users.info').some((c) => c.body.user === 'U0ALICE')).toBe(true);

    // Bob is neither an admin nor the creator: refused, the subscription unchanged
    for (const change of ['digest subscribe time:07:00 timezone:UTC', 'digest unsubscribe']) {
      expect(await say(change, 'U0BOB')).toMatch(/Only a workspace admin or owner, or whoever set up this channel's digest, can change it\./);
    }
    // status is open to everyone
    const status = await say('digest status', 'U0BOB');
    expect(status).toMatch(/Digest: every day at 19:00 \(Europe\/Berlin\)\./);
    expect(status).toMatch(/Next: Thu 28 Nov 2024 19:00 CET\./);
    expect(status).toMatch(/Last delivery: none yet\./);

    // An invalid time is named, with the usage line, and nothing changes
    const bad = await brief('digest subscribe time:25:00', 'U0ALICE');
    expect(allText(bad)).toMatch(/"25:00" is not a valid time/);
    expect(allText(bad)).toMatch(/\/brief digest subscribe time:HH:MM/);
    expect(await say('digest status', 'U0ALICE')).toMatch(/every day at 19:00 \(Europe\/Berlin\)/);

    // An admin may change another's subscription (another channel)
    expect(await say('digest subscribe time:08:00 days:weekdays topic:volcano', 'U0ALICE', 'C0OTHER')).toMatch(/^Subscribed/);
    expect(await say('digest unsubscribe', 'U0ADMIN', 'C0OTHER')).toMatch(/Unsubscribed: this channel gets no more digests\./);
  });

  it('delivers a slot through the adapter’s DigestChannel with the slot in the metadata and nothing that pings', async () => {
    clock.set('2024-11-28T18:00:00Z'); // 19:00 in Berlin
    await service.scheduler.tick();
    const posts = digestPosts('C0NEWS');
    expect(posts).toHaveLength(1);
    const post = posts[0]!;
    expect(post.body.metadata).toEqual({
      event_type: DIGEST_EVENT_TYPE,
      event_payload: { slot_id: 'slack:C0NEWS@2024-11-28T18:00:00.000Z', part: 1, parts: 1 },
    });
    expect(sections(post.body)[0]).toMatch(/^\*Digest: Thu 28 Nov 2024 19:00 CET\*/);
    // The harbour story (its text full of would-be mentions) is in it, escaped
    expect(allText(post.body)).toContain('Harbour council approves budget &amp; warns');
    for (const { path, text } of payloadTexts({ text: post.body.text, blocks: post.body.blocks })) {
      for (const pattern of UNSAFE_PATTERNS) expect(`${path}: ${text}`).not.toMatch(pattern);
    }
    expect(String(post.body.unfurl_links)).toBe('false');
    expect(await say('digest status', 'U0BOB')).toMatch(/Last delivery: Thu 28 Nov 2024 19:00 CET\./);
  });

  it('after a crash between sending and recording, finds the slot in conversations.history and posts nothing twice', async () => {
    crashAt = 'sent';
    clock.set('2024-11-29T18:00:00Z');
    await expect(service.scheduler.tick()).rejects.toBeInstanceOf(SchedulerHalt);
    crashAt = null;
    const slot = 'slack:C0NEWS@2024-11-29T18:00:00.000Z';
    expect(digestPosts('C0NEWS').map(slotOf)).toEqual(['slack:C0NEWS@2024-11-28T18:00:00.000Z', slot]);

    // Restart while the dead holder's lease still runs: nobody touches the slot
    clock.set('2024-11-29T18:02:00Z');
    await restart();
    expect(h.stub.api('conversations.history')).toHaveLength(0);
    // The lease has run out: the new holder reads the channel back, finds the marker, records it
    clock.set('2024-11-29T18:06:00Z');
    await service.scheduler.tick();
    const reads = h.stub.api('conversations.history');
    expect(reads).toHaveLength(1);
    expect(reads[0]!.body.channel).toBe('C0NEWS');
    expect(String(reads[0]!.body.limit)).toBe('50');
    expect(String(reads[0]!.body.include_all_metadata)).toBe('true');
    expect(digestPosts('C0NEWS').map(slotOf)).toEqual(['slack:C0NEWS@2024-11-28T18:00:00.000Z', slot]);
    await service.scheduler.tick();
    expect(digestPosts('C0NEWS')).toHaveLength(2);
    expect(await say('digest status', 'U0ALICE')).toMatch(/Last delivery: Fri 29 Nov 2024 19:06 CET\./);
  });

  it('retries a rate-limited post after the Retry-After Slack asks', async () => {
    expect(await say('digest subscribe time:20:00 timezone:UTC', 'U0ALICE', 'C0RATE')).toMatch(/^Subscribed/);
    let limited = 0;
    h.stub.on('chat.postMessage', (params) => {
      if (params.channel === 'C0RATE' && limited++ < 1) return SlackApiStub.http(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '7' });
      h.stub.off('chat.postMessage');
      return { ok: true, channel: params.channel, ts: '1800000000.000100' };
    });
    clock.set('2024-11-29T20:00:00Z');
    waits.length = 0;
    await service.scheduler.tick();
    h.stub.off('chat.postMessage');
    expect(waits).toEqual([7000]);
    expect(h.stub.api('chat.postMessage').filter((c) => c.body.channel === 'C0RATE').map((c) => slotOf(c))).toEqual([
      'slack:C0RATE@2024-11-29T20:00:00.000Z',
      'slack:C0RATE@2024-11-29T20:00:00.000Z',
    ]);
    expect(await say('digest status', 'U0ALICE', 'C0RATE')).toMatch(/Last delivery: Fri 29 Nov 2024 20:00 UTC\./);
  });

  it('pauses the subscription when the channel is gone, says why in status, and tells the subscriber by DM', async () => {
    h.stub.on('chat.postMessage', (params) =>
      params.channel === 'C0NEWS' ? { ok: false, error: 'channel_not_found' } : { ok: true, channel: params.channel, ts: '1800000001.000100' },
    );
    clock.set('2024-11-30T18:00:00Z');
    try {
      await service.scheduler.tick();
    } finally {
      h.stub.off('chat.postMessage');
    }
    clock.set('2024-12-01T18:00:00Z');
    await service.scheduler.tick();
    expect(h.stub.api('chat.postMessage').filter((c) => c.body.channel === 'C0NEWS' && c.body.metadata).map(slotOf)).toEqual([
      'slack:C0NEWS@2024-11-28T18:00:00.000Z',
      'slack:C0NEWS@2024-11-29T18:00:00.000Z',
      'slack:C0NEWS@2024-11-30T18:00:00.000Z', // the refused attempt; nothing after the pause
    ]);
    expect(await say('digest status', 'U0BOB')).toMatch(/Paused since Sat 30 Nov 2024 19:00 CET: channel_not_found\. Subscribe again to resume\./);
    // The creator hears of it privately
    expect(h.stub.api('conversations.open').map((c) => c.body.users)).toEqual(['U0ALICE']);
    const dm = h.stub.api('chat.postMessage').filter((c) => c.body.channel === 'DU0ALICE');
    expect(dm).toHaveLength(1);
    expect(allText(dm[0]!.body)).toMatch(/The digest for slack:C0NEWS is paused: channel_not_found\. Subscribe again in that channel to resume\./);
  });
});

describe('Slack DigestChannel details', () => {
  it('marks each message of a long digest with its part; after a crash midway, posts only the missing parts', async () => {
    const long = 'A sentence about the harbour budget and the ferry fares. '.repeat(45);
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
    const slot = 'slack:C0LONG@2024-11-30T18:00:00.000Z';
    const channel = h.slack.digestChannel;
    await channel.send('slack:C0LONG', reply, slot);
    const posted = h.stub.history.get('C0LONG')!;
    expect(posted.length).toBeGreaterThan(1);
    expect(posted.map((m) => m.metadata!.event_payload)).toEqual(posted.map((_, i) => ({ slot_id: slot, part: i + 1, parts: posted.length })));
    expect(await channel.findSlotMarker('slack:C0LONG', slot)).toBe(true);
    expect(await channel.findSlotMarker('slack:C0LONG', 'slack:C0LONG@2024-12-01T18:00:00.000Z')).toBe(false);

    // The process died after the first part went out: the read-back sees it, the resend completes the digest
    h.stub.history.set('C0LONG', posted.slice(0, 1));
    expect(await channel.findSlotMarker('slack:C0LONG', slot)).toBe(false);
    await channel.send('slack:C0LONG', reply, slot);
    const after = h.stub.history.get('C0LONG')!;
    expect(after.map((m) => (m.metadata!.event_payload as { part: number }).part)).toEqual(posted.map((_, i) => i + 1));
  });

  it('classifies Web API failures: a lost channel pauses, a rate limit waits, anything else is unknown', () => {
    const platform = (error: string) => Object.assign(new Error(`An API error occurred: ${error}`), { data: { ok: false, error } });
    const classified = (err: unknown) => {
      try {
        classifySlackError(err);
      } catch (e) {
        return e;
      }
      throw new Error('not thrown');
    };
    for (const code of ['channel_not_found', 'not_in_channel', 'is_archived', 'channel_is_archived', 'account_inactive', 'token_revoked', 'missing_scope']) {
      expect(classified(platform(code))).toMatchObject({ kind: 'gone', message: code });
    }
    expect(classified(platform('ratelimited'))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 1000 });
    const unknown = platform('internal_error');
    expect(classified(unknown)).toBe(unknown);
    expect(classified(unknown)).not.toBeInstanceOf(DigestChannelError);
  });
});
