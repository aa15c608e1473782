import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDigestCommands } from '../../../src/bot/digest-commands.ts';
import { createDigestService, type DigestService } from '../../../src/schedule/digest-service.ts';
import type { Subscription } from '../../../src/schedule/subscription.ts';
import { FakeClock } from '../../support/digest-rig.ts';
import { STUB_TEAM } from '../../support/slack-api-stub.ts';
import { allText, sections, sleep } from '../../support/slack-blocks.ts';
import { startHarness, type Harness, type HarnessDigests } from '../../support/slack-harness.ts';

/**
 * `/brief digest list`, loose times and timezones through the real Slack adapter (Bolt, HTTP
 * mode) against the loopback Web API stand-in.
 */

const clock = new FakeClock(new Date('2024-11-28T12:00:00Z'));
let h: Harness;
let service: DigestService;

beforeAll(async () => {
  const digests: HarnessDigests = { handle: (action, args, ctx) => createDigestCommands(service).handle(action, args, ctx), stop: () => service.stop() };
  h = await startHarness({
    digests: async ({ engine, store, log, dataDir }) => {
      service = await createDigestService({ engine, store, log, dataDir, catchupHours: 6, defaultTimezone: 'UTC', now: clock.now, cron: false });
      return digests;
    },
  });
  await service.start(new Map([['slack', h.slack.digestChannel]]));
  h.stub.timezones.set('U0ALICE', 'Europe/Berlin');
  h.stub.admins.add('U0ADMIN');
});

afterAll(async () => {
  await h?.close();
});

let n = 0;
async function brief(text: string, user: string, channel = 'C0NEWS'): Promise<Record<string, unknown>> {
  const id = `list-cmd-${++n}`;
  expect((await h.client.command({ text, user, channel, responseUrl: h.stub.responseUrl(id) })).status).toBe(200);
  await h.stub.waitFor((s) => s.responses(id).length >= 1, 5000, `a reply at ${id}`);
  const body = h.stub.responses(id)[0]!.body;
  expect(body.response_type).toBe('ephemeral');
  return body;
}

const older = (channelKey: string, extra: Partial<Subscription> = {}): Subscription => ({
  channelKey,
  hour: 7,
  minute: 15,
  timezone: 'UTC',
  days: [1, 2, 3, 4, 5],
  topic: '',
  createdBy: 'U0BOB',
  createdAt: '2024-11-01T00:00:00Z',
  ...extra,
});

describe('/brief digest subscribe reads times and zones as typed', () => {
  it('time:9am timezone:london subscribes at 09:00 Europe/London and keeps the team', async () => {
    const body = await brief('digest subscribe time:9am timezone:london days:weekends topic:harbour *fares*', 'U0ALICE');
    expect(allText(body)).toMatch(/Subscribed: this channel gets a digest every Sun, Sat at 09:00 \(Europe\/London\)/);
    expect(await service.subscriptions.get('slack:C0NEWS')).toMatchObject({ hour: 9, minute: 0, timezone: 'Europe/London', days: [0, 6], workspace: STUB_TEAM });
  });

  it('a bare hour and an unknown zone are refused with the fix', async () => {
    expect(allText(await brief('digest subscribe time:9', 'U0ALICE', 'C0EMPTY'))).toMatch(/could be morning or evening: give time:09:00 or time:21:00/);
    expect(allText(await brief('digest subscribe time:09:00 timezone:york', 'U0ALICE', 'C0EMPTY'))).toMatch(/did you mean timezone:America\/New_York\?/);
  });
});

describe('/brief digest list', () => {
  beforeAll(async () => {
    // written before the team was kept: attributed to the token's one workspace
    await service.subscriptions.put(older('slack:C0OLD'));
    await service.subscriptions.setState('slack:C0OLD', {
      cursor: '2024-11-28T07:15:00Z', lastDeliveredAt: '2024-11-28T07:15:00Z', lastSlotId: null, sent: [], pending: null, missed: [], recentMissed: [],
      paused: { reason: 'channel_not_found', at: '2024-11-28T08:00:00Z' },
    });
    // another workspace's channel and a Discord channel in the same store: never listed here
    await service.subscriptions.put(older('slack:C0ELSEWHERE', { workspace: 'T0OTHER' }));
    await service.subscriptions.put(older('discord:1300000000000000009', { workspace: '1200000000000000001' }));
  });

  it('is refused to a member who is not an admin or owner, even in a channel they subscribed', async () => {
    const text = allText(await brief('digest list', 'U0ALICE'));
    expect(text).toMatch(/Only a workspace admin or owner can list this workspace's digest subscriptions\./);
    expect(text).not.toMatch(/C0OLD/);
  });

  it("shows an admin every subscription of this workspace: channel, time, zone, days, topic, last delivery, paused", async () => {
    const body = await brief('digest list', 'U0ADMIN', 'C0RANDOM');
    const text = sections(body).join('\n');
    expect(text).toMatch(/^\*Digest subscriptions in this workspace \(2\)\*/);
    const lines = text.split('\n').filter((l) => l.startsWith('• '));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('• <#C0NEWS> · 09:00 Europe/London · weekends · topic “harbour \u2217fares\u2217” · last delivery none yet');
    expect(lines[1]).toMatch(/^• <#C0OLD> · 07:15 UTC · weekdays · every topic · paused since <!date\^1732780800\^\{date_short_pretty\} \{time\}\|2024-11-28 08:00 UTC> \(channel_not_found\)$/);
    expect(text).not.toMatch(/ELSEWHERE|1300000000000000009/);
    expect(String(body.text)).toMatch(/slack:C0NEWS, slack:C0OLD/);
  });

  it('help lists digest list and every days value', async () => {
    const text = allText(await brief('help', 'U0ALICE'));
    expect(text).toMatch(/\/brief digest list/);
    expect(text).toMatch(/daily \(also every, everyday\), weekdays, weekends, or day names such as mon,wed,fri/);
  });
});

describe('App Home', () => {
  /** Opens the Home tab as `user`; resolves with the view published for them. */
  async function openHome(user: string): Promise<{ blocks: { type: string; text?: { text: string } }[] }> {
    h.stub.homeViews.delete(user);
    const sent = await h.client.event({ type: 'app_home_opened', user, channel: `D${user}`, tab: 'home', event_ts: '1700000000.000100' });
    expect(sent.status).toBe(200);
    // the stand-in records the call, then answers it: poll for the answer's record
    for (let i = 0; i < 100 && !h.stub.homeViews.has(user); i++) await sleep(50);
    return h.stub.homeViews.get(user) as { blocks: { type: string; text?: { text: string } }[] };
  }
  const textOf = (view: { blocks: { text?: { text: string } }[] }) => view.blocks.map((b) => b.text?.text ?? '').join('\n');

  it("shows an admin how to use the bot and this workspace's digest subscriptions", async () => {
    const view = await openHome('U0ADMIN');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const text = textOf(view);
    expect(text).toMatch(/send me a direct message/);
    expect(text).toMatch(/`\/brief digest list`/);
    expect(text).toMatch(/Digest subscriptions in this workspace \(2\)/);
    expect(text).toMatch(/• <#C0NEWS> · 09:00 Europe\/London · weekends/);
    expect(text).not.toMatch(/ELSEWHERE/);
  });

  it('shows a member the help and where to find a channel’s digest, not the list', async () => {
    const text = textOf(await openHome('U0ALICE'));
    expect(text).toMatch(/`\/brief help`|\/brief ask QUESTION/);
    expect(text).toMatch(/Workspace admins and owners see every digest subscription here/);
    expect(text).not.toMatch(/C0NEWS|C0OLD/);
  });
});
