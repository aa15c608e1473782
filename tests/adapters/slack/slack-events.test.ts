import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText, buttons, contexts, sections, sleep } from '../../support/slack-blocks.ts';
import { payloadTexts, startHarness, UNSAFE_PATTERNS, type Harness } from '../../support/slack-harness.ts';
import type { RecordedCall } from '../../support/slack-api-stub.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

let clock = 1_700_100_000;
const nextTs = () => `${++clock}.000100`;

const postsTo = (channel: string): RecordedCall[] => h.stub.api('chat.postMessage').filter((c) => c.body.channel === channel);

async function waitForPosts(channel: string, count: number): Promise<Record<string, unknown>[]> {
  await h.stub.waitFor(() => postsTo(channel).length >= count, 5000, `${count} post(s) to ${channel}`);
  return postsTo(channel).map((c) => c.body);
}

function mention(channel: string, text: string, extra: Record<string, unknown> = {}) {
  const ts = nextTs();
  return { event: { type: 'app_mention', user: 'U0BOB', text, ts, channel, ...extra }, ts };
}

function dm(channel: string, text: string, extra: Record<string, unknown> = {}) {
  const ts = nextTs();
  return { event: { type: 'message', channel_type: 'im', user: 'U0ALICE', text, ts, channel, ...extra }, ts };
}

const sourceIds = (body: Record<string, unknown>): string[] => {
  const up = buttons(body).find((b) => b.action_id === 'feedback_up');
  return up ? (JSON.parse(up.value) as { s: string[] }).s : [];
};

describe('Slack events in HTTP mode', () => {
  it('answers an @mention in that message’s thread, publicly, without a share button', async () => {
    const { event, ts } = mention('C0NEWS1', '<@UBOT> how many residents were evacuated?');
    const sent = await h.client.event(event);
    expect(sent.status).toBe(200);
    const [post] = await waitForPosts('C0NEWS1', 1);
    expect(post!.thread_ts).toBe(ts);
    expect(post!.text).toContain('4,000');
    expect(contexts(post!)[0]).toBe('*Q:* how many residents were evacuated?');
    expect(buttons(post!).map((b) => b.action_id)).toEqual(['feedback_up', 'feedback_down']);
    expect(h.bot.seen.at(-1)!.ctx).toMatchObject({ surface: 'slack', conversationId: `C0NEWS1:${ts}`, userId: 'U0BOB' });
  });

  it('treats a mention in the same thread as a follow-up; another thread starts afresh', async () => {
    const first = mention('C0NEWS2', '<@UBOT> When did the volcano near Reykjavik erupt?');
    await h.client.event(first.event);
    await waitForPosts('C0NEWS2', 1);

    const followUp = mention('C0NEWS2', '<@UBOT> what was the budget?', { thread_ts: first.ts });
    await h.client.event(followUp.event);
    const [, reply] = await waitForPosts('C0NEWS2', 2);
    expect(reply!.thread_ts).toBe(first.ts);
    expect(h.bot.seen.at(-1)!.ctx.conversationId).toBe(`C0NEWS2:${first.ts}`);
    expect(sourceIds(reply!)).toEqual(['volcano.txt']);

    const fresh = mention('C0NEWS2', '<@UBOT> what was the budget?');
    await h.client.event(fresh.event);
    const posts = await waitForPosts('C0NEWS2', 3);
    expect(posts[2]!.thread_ts).toBe(fresh.ts);
    expect(sourceIds(posts[2]!)).toEqual(['harbour.txt']);
  });

  it('answers a DM in the DM, with follow-ups in the same conversation', async () => {
    const first = dm('D0ALICE', 'When did the volcano near Reykjavik erupt?');
    await h.client.event(first.event);
    const [answer] = await waitForPosts('D0ALICE', 1);
    expect(answer!.thread_ts).toBeUndefined();
    expect(answer!.text).toContain('Monday night');

    await h.client.event(dm('D0ALICE', 'what was the budget?').event);
    const [, followUp] = await waitForPosts('D0ALICE', 2);
    expect(sourceIds(followUp!)).toEqual(['volcano.txt']);
    expect(h.bot.seen.at(-1)!.ctx.conversationId).toBe('D0ALICE');
    const stored = await h.store.get<{ articleIds: string[] }>('conversation', 'slack:D0ALICE');
    expect(stored?.articleIds).toEqual(['volcano.txt']);
  });

  it('answers "help" in a DM with the Slack help', async () => {
    await h.client.event(dm('D0HELP', 'help').event);
    const [post] = await waitForPosts('D0HELP', 1);
    expect(sections(post!).join('\n')).toContain('`/brief ask QUESTION`');
  });

  it('answers a retried event once (same event_id, x-slack-retry-num)', async () => {
    const { event } = mention('C0RETRY', '<@UBOT> how many residents were evacuated?');
    const first = await h.client.event(event, { eventId: 'EvRETRY1' });
    await waitForPosts('C0RETRY', 1);
    const retry = await h.client.event(event, { eventId: 'EvRETRY1', retryNum: 1 });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);

    // and two deliveries racing each other
    const race = mention('C0RACE', '<@UBOT> how many residents were evacuated?');
    await Promise.all([h.client.event(race.event, { eventId: 'EvRACE1' }), h.client.event(race.event, { eventId: 'EvRACE1', retryNum: 1 })]);
    await waitForPosts('C0RACE', 1);
    await sleep(300);
    expect(postsTo('C0RETRY')).toHaveLength(1);
    expect(postsTo('C0RACE')).toHaveLength(1);
    expect(await h.store.get('slack-event', 'EvRETRY1')).toBeDefined();
  });

  it('ignores its own messages, other bots, edits, other subtypes and channel chatter', async () => {
    const seenBefore = h.bot.seen.length;
    const ignored: Record<string, unknown>[] = [
      dm('D0IGNORE', 'how many residents were evacuated?', { user: 'UBOT', bot_id: 'BBOT' }).event,
      dm('D0IGNORE', 'how many residents were evacuated?', { bot_id: 'B0OTHER', user: 'U0OTHERBOT' }).event,
      dm('D0IGNORE', 'how many residents were evacuated?', { subtype: 'bot_message', bot_id: 'B0OTHER' }).event,
      {
        type: 'message',
        subtype: 'message_changed',
        channel_type: 'im',
        channel: 'D0IGNORE',
        ts: nextTs(),
        message: { type: 'message', user: 'U0ALICE', text: 'how many residents were evacuated?', ts: nextTs(), edited: { user: 'U0ALICE', ts: nextTs() } },
        previous_message: { type: 'message', user: 'U0ALICE', text: 'how many?', ts: nextTs() },
      },
      dm('D0IGNORE', 'how many residents were evacuated?', { edited: { user: 'U0ALICE', ts: nextTs() } }).event,
      { type: 'message', subtype: 'message_deleted', channel_type: 'im', channel: 'D0IGNORE', ts: nextTs(), deleted_ts: nextTs() },
      { type: 'message', channel_type: 'channel', channel: 'C0CHATTER', user: 'U0ALICE', text: 'how many residents were evacuated?', ts: nextTs() },
      mention('C0IGNORE', '<@UBOT> how many residents were evacuated?', { user: 'UBOT', bot_id: 'BBOT' }).event,
    ];
    for (const event of ignored) expect((await h.client.event(event)).status).toBe(200);
    // a sentinel DM sent after them: once it is answered, the ignored ones have been handled
    await h.client.event(dm('D0SENTINEL', 'how many residents were evacuated?').event);
    await waitForPosts('D0SENTINEL', 1);
    await sleep(200);
    expect(postsTo('D0IGNORE')).toHaveLength(0);
    expect(postsTo('C0CHATTER')).toHaveLength(0);
    expect(postsTo('C0IGNORE')).toHaveLength(0);
    expect(h.bot.seen.length).toBe(seenBefore + 1);
  });

  it('quotes an article full of would-be mentions without mentioning anyone', async () => {
    const question = 'What did Mayor Lena Ortiz say about ferry fares <!channel> &amp; <@U123> <#C999|general>?';
    await h.client.event(mention('C0ESCAPE', `<@UBOT> ${question}`).event);
    await h.client.event(dm('D0ESCAPE', question).event);
    const [pub] = await waitForPosts('C0ESCAPE', 1);
    const [priv] = await waitForPosts('D0ESCAPE', 1);
    for (const body of [pub!, priv!]) {
      const text = allText(body);
      // the quote is there (leading the reply, or under a short answer), with every control character escaped and every @word broken
      expect(sections(body).join('\n')).toContain(
        'Mayor Lena Ortiz told &lt;!channel&gt; and @\u2060everyone that ferry fares will rise by 10 percent &amp; &lt;@U123&gt; must pay first.',
      );
      expect(contexts(body)[0]).toBe('*Q:* What did Mayor Lena Ortiz say about ferry fares @\u2060channel &amp; @U123 #general?');
      expect(text).not.toMatch(/<!|<@|<#/);
      expect(text).not.toMatch(/@(everyone|channel|here)\b/);
    }
  });

  it('apologises in the thread with a reference when something unexpected fails', async () => {
    h.bot.failWith = new Error('index corrupted');
    try {
      const { event, ts } = mention('C0FAIL', '<@UBOT> how many residents were evacuated?');
      await h.client.event(event);
      const [post] = await waitForPosts('C0FAIL', 1);
      expect(post!.thread_ts).toBe(ts);
      const m = /reference ([A-Z0-9]+)/.exec(allText(post!));
      expect(m).not.toBeNull();
      expect(h.logs.some((l) => l.ref === m![1] && l.level === 50)).toBe(true);
      expect(allText(post!)).not.toContain('index corrupted');
    } finally {
      h.bot.failWith = null;
    }
  });

  it('never posts anything that could mention someone (every payload of this file scanned)', () => {
    const outbound = h.stub.outbound();
    expect(outbound.length).toBeGreaterThan(8);
    for (const call of outbound) {
      for (const { path, text } of payloadTexts(call.body)) {
        for (const pattern of UNSAFE_PATTERNS) expect(`${call.method} ${path}: ${text}`).not.toMatch(pattern);
      }
    }
  });
});
