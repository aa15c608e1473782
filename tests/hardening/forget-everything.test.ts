// Every kind of user data stored through real events on each surface, then `forget`: the store,
// read back key by key from its SQLite file, holds nothing more about that user.
// Not the user's, so left on purpose: Slack's event records (`slack-event:<event_id>`) and the
// event dedupe ("once") marks in once.sqlite belong to the channel's delivery, and digest
// subscriptions belong to their channel (they stay until someone unsubscribes).
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../adapters/console/console-adapter.ts';
import { Bot } from '../../src/bot/bot.ts';
import { openStore } from '../../src/store/open-store.ts';
import { startHarness as startDiscordHarness, ALICE, BOB, BOT_USER, DM_CHANNEL_ID, TEXT_CHANNEL_ID } from '../support/discord-harness.ts';
import { buttons } from '../support/slack-blocks.ts';
import { startHarness as startSlackHarness } from '../support/slack-harness.ts';
import { loadSeedEngine } from '../support/seed-engine.ts';
import { namespacesOf, storeKeys } from '../support/store-keys.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { silentLog } from '../support/test-log.ts';

/** Keys that belong to channels, not users (see the top of this file). */
const CHANNEL_OWNED = /^(slack-event|subscription|digest)/;

const added = (after: string[], before: string[]) => after.filter((k) => !before.includes(k) && !CHANNEL_OWNED.test(k));

async function until(check: () => Promise<boolean>, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('forget deletes everything the bot holds about the caller', () => {
  it('in the console: follow-up context and the last brief, from a later session too', async () => {
    const temp = makeTempDir();
    const store = await openStore({ dataDir: temp.dir });
    try {
      // the console has no buttons (no feedback, no share entries) and no rate limit
      const bot = new Bot({ engine: await loadSeedEngine(), store, log: silentLog, rateLimitPerMinute: 100 });
      const session = async (lines: string) => {
        const input = new PassThrough();
        const output = new PassThrough();
        let text = '';
        output.on('data', (d: Buffer) => (text += d.toString()));
        const done = runConsole({ bot, log: silentLog, input, output, interactive: false });
        input.end(lines);
        await done;
        return text;
      };
      const before = await storeKeys(temp.dir);
      await session('Who captured the palace in Aleppo?\nand what about the military academy?\nbrief me on Aleppo\n');
      const during = added(await storeKeys(temp.dir), before);
      expect(namespacesOf(during)).toEqual(['conversation', 'last-brief', 'user-index']);

      const text = await session('/forget\n');
      expect(text).toMatch(/Done: I deleted the context of 1 conversation/);
      expect(added(await storeKeys(temp.dir), before)).toEqual([]);
    } finally {
      await store.close();
      temp.remove();
    }
  });

  it('on Slack: command and DM context, last brief, shares, a 👍 vote and the rate bucket; another user keeps theirs', async () => {
    const h = await startSlackHarness({ botDeps: { rateLimitPerMinute: 100 } });
    try {
      const before = await storeKeys(h.dataDir);
      const command = async (text: string, user: string, id: string) => {
        await h.client.command({ text, responseUrl: h.stub.responseUrl(id), user, channel: 'C0FORGET' });
        await h.stub.waitFor((s) => s.responses(id).length >= 1, 5000, id);
        return h.stub.responses(id)[0]!.body as Record<string, unknown>;
      };
      await command('ask what was the budget?', 'U0OTHER', 'other-ask');
      const theirs = added(await storeKeys(h.dataDir), before);

      const answer = await command('ask When did the volcano near Reykjavik erupt?', 'U0FORGET', 'me-ask');
      await command('what was the budget?', 'U0FORGET', 'me-follow-up');
      await command('brief me on the volcano', 'U0FORGET', 'me-brief');
      let ts = 1_700_200_000;
      for (const text of ['When did the volcano near Reykjavik erupt?', 'what was the budget?']) {
        await h.client.event({ type: 'message', channel_type: 'im', user: 'U0FORGET', channel: 'D0FORGET', text, ts: `${++ts}.000100` });
      }
      await h.stub.waitFor((s) => s.api('chat.postMessage').filter((c) => c.body.channel === 'D0FORGET').length >= 2, 5000, 'the DM answers');
      const up = buttons(answer).find((b) => b.action_id === 'feedback_up')!;
      await h.client.buttonClick({ actionId: 'feedback_up', value: up.value, responseUrl: h.stub.responseUrl('me-vote'), user: 'U0FORGET' });
      await h.stub.waitFor((s) => s.responses('me-vote').length >= 1, 5000, 'the vote thanks');
      const mine = added(await storeKeys(h.dataDir), [...before, ...theirs]);
      expect(namespacesOf(mine)).toEqual(['conversation', 'feedback', 'last-brief', 'rate', 'share', 'user-index']);
      expect(mine.filter((k) => k.startsWith('conversation:'))).toHaveLength(2);

      const reply = await command('forget', 'U0FORGET', 'me-forget');
      expect(reply.text).toMatch(/Done: I deleted the context of 2 conversations, 1 feedback vote, 3 replies kept for "Share in channel", 1 last briefing and your question-rate counter/);
      const after = await storeKeys(h.dataDir);
      expect(added(after, [...before, ...theirs])).toEqual([]);
      expect(after).toEqual(expect.arrayContaining(theirs));
      // the event records stay: they are the channel's delivery, not the user's
      expect(after.some((k) => k.startsWith('slack-event:'))).toBe(true);
    } finally {
      await h.close();
    }
  });

  it('on Discord: DM and mention context, reply links, the last brief, a vote and the rate bucket; another user keeps theirs', async () => {
    const h = await startDiscordHarness({ botDeps: { rateLimitPerMinute: 100 } });
    try {
      const QUESTION = 'Who captured the palace in Aleppo?';
      const before = await storeKeys(h.dataDir);
      const mentionBy = async (user: typeof ALICE) => {
        const mark = h.rest.requests.length;
        h.message(`<@${BOT_USER.id}> ${QUESTION}`, { where: 'guild', mentionBot: true, user });
        await h.rest.waitFor((r) => r.kind === 'channel-message' && r.params.channelId === TEXT_CHANNEL_ID && h.rest.requests.indexOf(r) >= mark);
      };
      await mentionBy(BOB);
      await until(async () => namespacesOf(await storeKeys(h.dataDir)).includes('reply-link'), "Bob's reply link");
      const theirs = added(await storeKeys(h.dataDir), before);

      for (const text of [QUESTION, 'and what about the military academy?']) {
        const mark = h.rest.requests.length;
        h.message(text, { where: 'dm', user: ALICE });
        await h.rest.waitFor((r) => r.kind === 'channel-message' && r.params.channelId === DM_CHANNEL_ID && h.rest.requests.indexOf(r) >= mark);
      }
      await mentionBy(ALICE);
      const brief = h.slash('brief', { topic: 'Aleppo' }, { user: ALICE });
      await h.waitForToken(brief.token, 'webhook-edit');
      const vote = h.button('feedback:helpful:9990003', '1600000000000000003', ALICE);
      await h.waitForToken(vote.token, 'callback');
      const want = ['conversation', 'feedback', 'last-brief', 'rate', 'reply-link', 'user-index'];
      await until(async () => namespacesOf(added(await storeKeys(h.dataDir), [...before, ...theirs])).length === want.length, "Alice's reply link");
      expect(namespacesOf(added(await storeKeys(h.dataDir), [...before, ...theirs]))).toEqual(want);

      const sent = h.slash('forget', {}, { user: ALICE });
      const callback = await h.waitForToken(sent.token, 'callback');
      expect(JSON.stringify(callback.body)).toMatch(/Done: I deleted the context of 2 conversations, 1 feedback vote, 1 last briefing, 1 link from my answer to your conversation and your question-rate counter/);
      const after = await storeKeys(h.dataDir);
      expect(added(after, [...before, ...theirs])).toEqual([]);
      expect(after).toEqual(expect.arrayContaining(theirs));
    } finally {
      await h.stop();
    }
  });
});
