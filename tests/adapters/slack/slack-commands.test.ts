import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_LIMITS, messageChars, slackUsage } from '../../../adapters/slack/render-slack.ts';
import { USAGE } from '../../../src/bot/command.ts';
import { startSlack } from '../../../adapters/slack/slack-adapter.ts';
import type { FeedbackRecord } from '../../../adapters/slack/handle-feedback.ts';
import type { Reply } from '../../../src/bot/reply.ts';
import { loadConfig } from '../../../src/config.ts';
import { ConfigError } from '../../../src/errors.ts';
import { allText, blocksOf, button, buttons, contexts, sections, sleep } from '../../support/slack-blocks.ts';
import { payloadTexts, startHarness, UNSAFE_PATTERNS, type Harness } from '../../support/slack-harness.ts';
import type { Store } from '../../../src/store/open-store.ts';
import type { Bot } from '../../../src/bot/bot.ts';
import { pino } from 'pino';
import { SlackApiStub } from '../../support/slack-api-stub.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

let n = 0;
const newId = (name: string) => `${name}-${++n}`;

/** Sends `/brief TEXT` and returns the response_url id and the HTTP answer (the ack). */
async function brief(text: string, fields: { user?: string; channel?: string } = {}) {
  const id = newId('cmd');
  const ack = await h.client.command({ text, responseUrl: h.stub.responseUrl(id), ...fields });
  return { id, ack };
}

async function replies(id: string, count = 1): Promise<Record<string, unknown>[]> {
  await h.stub.waitFor((s) => s.responses(id).length >= count, 5000, `${count} response(s) at ${id}`);
  return h.stub.responses(id).map((c) => c.body);
}

function expectPrivate(body: Record<string, unknown>) {
  expect(body.response_type).toBe('ephemeral');
  expect(typeof body.text).toBe('string');
  expect(String(body.text).length).toBeGreaterThan(0);
}

describe('/brief in HTTP mode', () => {
  it('acknowledges at once while the engine is held busy, then delivers the answer', async () => {
    let release!: () => void;
    h.bot.gate = new Promise<void>((resolve) => (release = resolve));
    try {
      const id = newId('ack');
      const sending = h.client.command({ text: 'ask how many residents were evacuated?', responseUrl: h.stub.responseUrl(id) });
      const ack = await Promise.race([sending, sleep(2500).then(() => null)]);
      expect(ack, 'the ack must not wait for the engine').not.toBeNull();
      expect(ack!.status).toBe(200);
      expect(ack!.body === '' || (JSON.parse(ack!.body) as { response_type?: string }).response_type === 'ephemeral').toBe(true);
      await sleep(100);
      expect(h.stub.responses(id)).toHaveLength(0);
      release();
      const [answer] = await replies(id);
      expect(h.stub.responses(id)[0]!.at).toBeGreaterThanOrEqual(ack!.at);
      expect(allText(answer!)).toContain('4,000');
    } finally {
      h.bot.gate = null;
      release?.();
    }
  });

  it('answers `/brief ask` privately with the answer, the quote, the sources and the buttons', async () => {
    const { id, ack } = await brief('ask how many residents were evacuated?');
    expect(ack.status).toBe(200);
    const [body] = await replies(id);
    expectPrivate(body!);
    expect(body!.text).toContain('4,000');
    const secs = sections(body!);
    // a vouched-for short answer, in bold
    expect(secs[0]).toMatch(/^\*4,000/);
    expect(secs).toContain('>“Authorities evacuated 4,000 residents.”');
    const ctx = contexts(body!);
    expect(ctx[0]).toBe('*Q:* how many residents were evacuated?');
    expect(ctx.some((c) => c.includes('Volcano erupts near Reykjavik · 2024-11-25'))).toBe(true);
    for (const b of blocksOf(body!)) if (b.text?.type === 'mrkdwn') expect(b.text.verbatim).toBe(true);
    expect(buttons(body!).map((b) => b.action_id)).toEqual(['feedback_up', 'feedback_down', 'share_in_channel']);
    const value = JSON.parse(button(body!, 'feedback_up').value) as { r: string; s: string[] };
    expect(value.r).toMatch(/^[\w-]{6,}$/);
    expect(value.s).toEqual(['volcano.txt']);
  });

  it('links a source that has a URL, with an escaped title', async () => {
    const { id } = await brief('ask What did Mayor Lena Ortiz say about ferry fares?');
    const [body] = await replies(id);
    const ctx = contexts(body!).join('\n');
    expect(ctx).toContain('<https://news.example.org/harbour?id=1&amp;lang=en|Harbour council approves budget &amp; warns &lt;!channel&gt; readers> · 2024-11-28');
  });

  it('says plainly when the corpus has no answer', async () => {
    const { id } = await brief('ask what is the capital of Peru?');
    const [body] = await replies(id);
    expect(sections(body!)[0]).toContain('The corpus does not say');
  });

  it('reads `/brief WORDS` as a topic brief, privately, with a share button', async () => {
    const { id } = await brief('aleppo');
    const [body] = await replies(id);
    expectPrivate(body!);
    const secs = sections(body!);
    expect(secs[0]).toBe('*Briefing on "aleppo"*');
    expect(secs[1]).toMatch(/^\*1\. Early reports showed rebels walking around/);
    expect(secs.join('\n')).not.toContain('Volcano');
    expect(contexts(body!).join('\n')).toContain('2024-11-30');
    expect(buttons(body!).map((b) => b.action_id)).toEqual(['share_in_channel']);
  });

  it('gives the top stories for an empty `/brief`', async () => {
    const { id } = await brief('');
    const [body] = await replies(id);
    const text = sections(body!).join('\n');
    expect(sections(body!)[0]).toBe('*Briefing*');
    expect(text).toContain('Volcano erupts near Reykjavik');
    expect(text).toContain('Harbour council approves budget &amp; warns &lt;!channel&gt; readers');
    expect(blocksOf(body!).filter((b) => b.type === 'divider').length).toBeGreaterThanOrEqual(2);
  });

  it('summarizes an article with `/brief summary`', async () => {
    const { id } = await brief('summary volcano');
    const [body] = await replies(id);
    const secs = sections(body!);
    expect(secs[0]).toBe('*Volcano erupts near Reykjavik* · 2024-11-25');
    expect(secs[1]).toMatch(/^• A volcano erupted near Reykjavik/);
    expect(contexts(body!)).toContain('id: `volcano.txt`');
  });

  it('lists articles with `/brief sources`', async () => {
    const { id } = await brief('sources volcano');
    const [body] = await replies(id);
    const text = sections(body!).join('\n');
    expect(text).toContain('*Articles matching “volcano”*');
    expect(text).toMatch(/1\. Volcano erupts near Reykjavik · 2024-11-25 · id: `volcano.txt`/);
  });

  it('explains `/brief help` privately, with Slack usage lines and no share button', async () => {
    const { id } = await brief('help');
    const [body] = await replies(id);
    expectPrivate(body!);
    const text = sections(body!).join('\n');
    expect(text).toContain('`/brief ask QUESTION`');
    expect(text).toContain('`/brief summary ID_OR_TITLE_WORDS`');
    expect(buttons(body!)).toEqual([]);
  });

  it.each([
    ['ask', /Ask a question/, '/brief ask QUESTION'],
    ['ask    ', /Ask a question/, '/brief ask QUESTION'],
    ['digest sometimes', /Unknown digest action "sometimes"/, slackUsage(USAGE.digest)],
    ['summary zzzqqq nothing like it', /No article matches .*Try \/brief sources/, '/brief summary ID_OR_TITLE_WORDS'],
    ['volcano since:blorp glorp', /Could not read/, '/brief [topic words] [since:WHEN]'],
  ])('explains `/brief %s` privately with the usage line', async (text, message, usage) => {
    const { id } = await brief(text);
    const [body] = await replies(id);
    expectPrivate(body!);
    expect(sections(body!)[0]).toMatch(message);
    expect(contexts(body!)).toContain(`Usage: \`${usage}\``);
    expect(buttons(body!)).toEqual([]);
  });

  it("reads since: in the user's Slack timezone (users.info, cached)", async () => {
    h.stub.timezones.set('U0TOKYO', 'Asia/Tokyo');
    const before = h.stub.api('users.info').length;
    const { id } = await brief('since:2024-11-26', { user: 'U0TOKYO' });
    await replies(id);
    const seen = h.bot.seen.at(-1)!;
    expect(seen.ctx.timezone).toBe('Asia/Tokyo');
    expect(h.stub.api('users.info').slice(before).map((c) => c.body.user)).toEqual(['U0TOKYO']);
    const again = await brief('since:yesterday', { user: 'U0TOKYO' });
    await replies(again.id);
    expect(h.stub.api('users.info').length).toBe(before + 1);
    // a question needs no timezone: no users.info call at all
    const q = await brief('ask how many residents were evacuated?', { user: 'U0OTHER' });
    await replies(q.id);
    expect(h.stub.api('users.info').length).toBe(before + 1);
  });

  it('previews the digest with `/brief digest now`, passing the channel and the admin role on', async () => {
    h.stub.admins.add('U0ADMIN');
    const { id } = await brief('digest now', { user: 'U0ADMIN', channel: 'C0DIGEST' });
    const [body] = await replies(id);
    expectPrivate(body!);
    // nothing is new in the seed's last 24 hours: one line says so, the latest stories follow
    expect(sections(body!)[0]).toMatch(/^\*Nothing new in the last 24 hours\. The latest stories:\*/);
    expect(sections(body!).length).toBeGreaterThan(1);
    expect(h.bot.seen.at(-1)!.ctx).toMatchObject({ channelKey: 'slack:C0DIGEST', canManageDigest: true, userId: 'U0ADMIN' });
    const other = await brief('digest now', { user: 'U0PLAIN', channel: 'C0DIGEST' });
    await replies(other.id);
    expect(h.bot.seen.at(-1)!.ctx.canManageDigest).toBe(false);
  });

  it('shares a reply in the channel on "Share in channel", then removes the private copy', async () => {
    const { id } = await brief('ask how many residents were evacuated?', { channel: 'C0SHARE' });
    const [privateReply] = await replies(id);
    const share = button(privateReply!, 'share_in_channel');
    const clickId = newId('click');
    const click = await h.client.buttonClick({ actionId: 'share_in_channel', value: share.value, responseUrl: h.stub.responseUrl(clickId), channel: 'C0SHARE' });
    expect(click.status).toBe(200);
    await h.stub.waitFor((s) => s.api('chat.postMessage').some((c) => c.body.channel === 'C0SHARE'), 5000, 'the shared post');
    const posted = h.stub.api('chat.postMessage').filter((c) => c.body.channel === 'C0SHARE');
    expect(posted).toHaveLength(1);
    const pub = posted[0]!.body;
    expect(pub.text).toBe(privateReply!.text);
    expect(sections(pub)).toEqual(sections(privateReply!));
    expect(buttons(pub).map((b) => b.action_id)).toEqual(['feedback_up', 'feedback_down']);
    expect(button(pub, 'feedback_up').value).toBe(button(privateReply!, 'feedback_up').value);
    const [removal] = await replies(clickId);
    expect(removal).toMatchObject({ delete_original: true });

    // a second click (the key is used up) posts nothing more
    const againId = newId('click');
    await h.client.buttonClick({ actionId: 'share_in_channel', value: share.value, responseUrl: h.stub.responseUrl(againId), channel: 'C0SHARE' });
    const [expired] = await replies(againId);
    expect(allText(expired!)).toContain('expired');
    expect(h.stub.api('chat.postMessage').filter((c) => c.body.channel === 'C0SHARE')).toHaveLength(1);
  });

  it('explains privately when it cannot post in the channel', async () => {
    h.stub.on('chat.postMessage', () => ({ ok: false, error: 'not_in_channel' }));
    try {
      const { id } = await brief('aleppo', { channel: 'C0OUTSIDE' });
      const [privateReply] = await replies(id);
      const clickId = newId('click');
      await h.client.buttonClick({
        actionId: 'share_in_channel',
        value: button(privateReply!, 'share_in_channel').value,
        responseUrl: h.stub.responseUrl(clickId),
        channel: 'C0OUTSIDE',
      });
      const [note] = await replies(clickId);
      expect(note!.response_type).toBe('ephemeral');
      expect(allText(note!)).toContain('cannot post in this conversation');
    } finally {
      h.stub.off('chat.postMessage');
    }
  });

  it('stores and logs 👍/👎 clicks: who, which answer, which vote, no message text', async () => {
    const { id } = await brief('ask how many residents were evacuated?', { user: 'U0VOTER' });
    const [body] = await replies(id);
    const down = button(body!, 'feedback_down');
    const ref = (JSON.parse(down.value) as { r: string }).r;
    const clickId = newId('vote');
    const click = await h.client.buttonClick({ actionId: 'feedback_down', value: down.value, responseUrl: h.stub.responseUrl(clickId), user: 'U0VOTER' });
    expect(click.status).toBe(200);
    await replies(clickId);
    const record = await h.store.get<FeedbackRecord>('feedback', `slack:U0VOTER:${ref}`);
    expect(record).toMatchObject({ answer: ref, vote: 'down', user: 'U0VOTER', sources: ['volcano.txt'] });
    expect(JSON.stringify(record)).not.toContain('evacuated');
    expect(h.logs.some((l) => l.msg === 'slack: answer feedback' && l.feedback === 'down' && l.answer === ref)).toBe(true);
  });

  it('splits a long reply into several messages within Slack limits', async () => {
    const long: Reply = {
      kind: 'stories',
      title: 'Everything',
      empty: 'none',
      stories: Array.from({ length: 14 }, (_, i) => ({
        headline: `Headline number ${i}`,
        summary: Array.from({ length: 30 }, (_, j) => `Story ${i} sentence ${j} tells a long & detailed tale of the harbour.`),
        sources: Array.from({ length: 12 }, (_, k) => ({ id: `s${i}-${k}`, title: `Source ${k} of story ${i}`, url: `https://example.org/${i}/${k}`, date: '2024-11-01' })),
      })),
    };
    h.bot.override = () => long;
    try {
      const { id } = await brief('everything at once');
      await replies(id, 2);
      await sleep(200);
      const bodies = h.stub.responses(id).map((c) => c.body);
      expect(bodies.length).toBeGreaterThanOrEqual(2);
      expect(bodies.length).toBeLessThanOrEqual(5);
      for (const b of bodies) {
        expectPrivate(b);
        const blocks = blocksOf(b);
        expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
        for (const s of sections(b)) expect(s.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionChars);
        expect(messageChars({ text: String(b.text), blocks: blocks as never })).toBeLessThan(10_000);
        expect(JSON.stringify(blocks).length).toBeLessThan(40_000);
      }
      const joined = bodies.map((b) => sections(b).join('\n')).join('\n');
      const order = [...joined.matchAll(/Headline number (\d+)/g)].map((m) => Number(m[1]));
      expect(order.slice(0, 4)).toEqual([0, 1, 2, 3]);
      expect(buttons(bodies.at(-1)!).map((b) => b.action_id)).toEqual(['share_in_channel']);
      for (const b of bodies.slice(0, -1)) expect(buttons(b)).toEqual([]);
    } finally {
      h.bot.override = null;
    }
  });

  it('apologises with a reference when something unexpected fails, and logs it', async () => {
    h.bot.failWith = new Error('engine exploded');
    try {
      const { id } = await brief('ask anything at all?');
      const [body] = await replies(id);
      expectPrivate(body!);
      const m = /Sorry, something went wrong \(reference ([A-Z0-9]+)\)/.exec(sections(body!)[0]!);
      expect(m).not.toBeNull();
      expect(h.logs.some((l) => l.ref === m![1] && l.level === 50)).toBe(true);
      expect(allText(body!)).not.toContain('engine exploded');
    } finally {
      h.bot.failWith = null;
    }
  });

  it('answers a forged signature or a stale timestamp with 401 and posts nothing', async () => {
    const before = { calls: h.stub.outbound().length, seen: h.bot.seen.length };
    const forgedId = newId('forged');
    const forged = await h.client.command({ text: 'ask how many residents were evacuated?', responseUrl: h.stub.responseUrl(forgedId) }, { secret: 'not-the-secret' });
    expect(forged.status).toBe(401);
    const staleId = newId('stale');
    const stale = await h.client.command(
      { text: 'ask how many residents were evacuated?', responseUrl: h.stub.responseUrl(staleId) },
      { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 },
    );
    expect(stale.status).toBe(401);
    const event = await h.client.event(
      { type: 'app_mention', user: 'U0BOB', text: '<@UBOT> how many residents were evacuated?', ts: '1700000999.000100', channel: 'C0FORGED' },
      { secret: 'wrong' },
    );
    expect(event.status).toBe(401);
    await sleep(300);
    expect(h.stub.outbound().length).toBe(before.calls);
    expect(h.bot.seen.length).toBe(before.seen);
  });

  it('never posts anything that could mention someone (every payload of this file scanned)', () => {
    const outbound = h.stub.outbound();
    expect(outbound.length).toBeGreaterThan(10);
    for (const call of outbound) {
      for (const { path, text } of payloadTexts(call.body)) {
        for (const pattern of UNSAFE_PATTERNS) expect(`${call.method} ${path}: ${text}`).not.toMatch(pattern);
      }
    }
  });
});

describe('startSlack configuration', () => {
  it('refuses to start without SLACK_SIGNING_SECRET or SLACK_APP_TOKEN, naming the variable', async () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-x', LOG_LEVEL: 'silent' });
    const deps = { bot: {} as Bot, store: {} as Store, log: pino({ level: 'silent' }), config };
    await expect(startSlack(deps)).rejects.toBeInstanceOf(ConfigError);
    await expect(startSlack(deps)).rejects.toThrow(/SLACK_SIGNING_SECRET/);
  });

  it('refuses a token Slack rejects, naming SLACK_BOT_TOKEN, before listening', async () => {
    const stub = await SlackApiStub.start();
    try {
      stub.on('auth.test', () => ({ ok: false, error: 'invalid_auth' }));
      const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-bad', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: stub.url, PORT: '0', LOG_LEVEL: 'silent' });
      const deps = { bot: {} as Bot, store: {} as Store, log: pino({ level: 'silent' }), config, host: '127.0.0.1' };
      const err = await startSlack(deps).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).variable).toBe('SLACK_BOT_TOKEN');
      expect(stub.api('auth.test')).toHaveLength(1);
    } finally {
      await stub.stop();
    }
  });
});
