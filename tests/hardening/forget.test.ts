import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISCORD_COMMANDS } from '../../adapters/discord/commands.ts';
import { Bot, type CallContext } from '../../src/bot/bot.ts';
import { parseBriefText, parseConsoleLine } from '../../src/bot/command.ts';
import { helpReply } from '../../src/bot/help.ts';
import { USER_INDEX_NAMESPACE } from '../../src/bot/user-data.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { loadSeedEngine } from '../support/seed-engine.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { silentLog } from '../support/test-log.ts';
import { startHarness as startSlackHarness } from '../support/slack-harness.ts';
import { startHarness as startDiscordHarness, ALICE, BOB } from '../support/discord-harness.ts';

const Q = { name: 'ask', question: 'Who captured the palace in Aleppo?' } as const;

describe('forget: parsing and help on every surface', () => {
  it('is a command in the console, in Slack /brief and on Discord', () => {
    expect(parseConsoleLine('/forget')).toEqual({ ok: true, command: { name: 'forget' } });
    expect(parseConsoleLine('/FORGET me')).toEqual({ ok: true, command: { name: 'forget' } });
    expect(parseBriefText('forget')).toEqual({ ok: true, command: { name: 'forget' } });
    expect(DISCORD_COMMANDS.find((c) => c.name === 'forget')).toBeTruthy();
  });

  it('is listed in help on every surface', () => {
    for (const [surface, usage] of [['console', '/forget'], ['slack', '/brief forget'], ['discord', '/forget']] as const) {
      const help = helpReply(surface);
      expect(help.kind === 'help' && help.entries.map((e) => e.usage)).toContain(usage);
    }
  });
});

describe('forget in the Bot', () => {
  const temp = makeTempDir();
  let store: Store;
  let bot: Bot;
  const u1a: CallContext = { surface: 'slack', conversationId: 'D1', userId: 'U1' };
  const u1b: CallContext = { surface: 'slack', conversationId: 'C1:171.1', userId: 'U1' };
  const u2: CallContext = { surface: 'slack', conversationId: 'D2', userId: 'U2' };

  beforeAll(async () => {
    store = await openStore({ dataDir: temp.dir });
    bot = new Bot({ engine: await loadSeedEngine(), store, log: silentLog, rateLimitPerMinute: 10 });
  });
  afterAll(async () => {
    await store.close();
    temp.remove();
  });

  it("deletes the caller's conversation context, feedback and rate bucket, and nobody else's", async () => {
    await bot.handle(Q, u1a);
    await bot.handle(Q, u1b);
    await bot.handle(Q, u2);
    await bot.recordFeedback({ surface: 'slack', userId: 'U1' }, 'ref1', { vote: 'up' });
    await bot.recordFeedback({ surface: 'slack', userId: 'U2' }, 'ref1', { vote: 'down' });
    expect(await store.get('conversation', 'slack:D1')).toBeDefined();
    expect(await store.get('rate', 'slack:U1')).toBeDefined();

    const reply = await bot.handle({ name: 'forget' }, u1a);
    expect(reply.kind).toBe('notice');
    if (reply.kind === 'notice') {
      expect(reply.text).toMatch(/the context of 2 conversations, 1 feedback vote and your question-rate counter/);
    }
    expect(await store.get('conversation', 'slack:D1')).toBeUndefined();
    expect(await store.get('conversation', 'slack:C1:171.1')).toBeUndefined();
    expect(await store.get('feedback', 'slack:U1:ref1')).toBeUndefined();
    expect(await store.get('rate', 'slack:U1')).toBeUndefined();
    expect(await store.get(USER_INDEX_NAMESPACE, 'slack:U1')).toBeUndefined();
    // the other user's data stays
    expect(await store.get('conversation', 'slack:D2')).toBeDefined();
    expect(await store.get('feedback', 'slack:U2:ref1')).toBeDefined();
    expect(await store.get('rate', 'slack:U2')).toBeDefined();
  });

  it('finds every record written at once: updates of one user index never overwrite each other', async () => {
    const who = { surface: 'discord', userId: 'UCONCURRENT' } as const;
    await Promise.all(Array.from({ length: 12 }, (_, i) => bot.recordFeedback(who, `ref${i}`, { vote: 'up' })));
    const reply = await bot.handle({ name: 'forget' }, { ...who, conversationId: 'x' });
    expect(reply.kind === 'notice' && reply.text).toMatch(/I deleted 12 feedback votes/);
    expect(await store.get('feedback', 'discord:UCONCURRENT:ref11')).toBeUndefined();
  });

  it('says so when there is nothing to delete', async () => {
    const reply = await bot.handle({ name: 'forget' }, { surface: 'discord', conversationId: 'x', userId: 'nobody' });
    expect(reply.kind === 'notice' && reply.text).toMatch(/^I held nothing about you/);
  });

  it('a follow-up after forget starts afresh', async () => {
    await bot.handle(Q, u1a);
    await bot.handle({ name: 'forget' }, u1a);
    expect(await store.get('conversation', 'slack:D1')).toBeUndefined();
  });
});

describe('/brief forget on Slack', () => {
  it('deletes the caller conversation, kept replies and feedback; the reply is private', async () => {
    const h = await startSlackHarness();
    try {
      const id = 'forget-ask';
      await h.client.command({ text: 'ask how many residents were evacuated?', responseUrl: h.stub.responseUrl(id), user: 'UFORGET' });
      await h.stub.waitFor((s) => s.responses(id).length >= 1, 5000, 'answer');
      const body = h.stub.responses(id)[0]!.body as { blocks: { type: string; elements?: { action_id: string; value: string }[] }[] };
      const down = body.blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'feedback_down')!;
      const share = body.blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'share_in_channel')!;
      await h.client.buttonClick({ actionId: 'feedback_down', value: down.value, responseUrl: h.stub.responseUrl('forget-vote'), user: 'UFORGET' });
      await h.stub.waitFor((s) => s.responses('forget-vote').length >= 1, 5000, 'vote thanks');
      const ref = (JSON.parse(down.value) as { r: string }).r;
      expect(await h.store.get('feedback', `slack:UFORGET:${ref}`)).toBeDefined();
      expect(await h.store.get('share', `slack:UFORGET:${share.value}`)).toBeDefined();

      await h.client.command({ text: 'forget', responseUrl: h.stub.responseUrl('forget-1'), user: 'UFORGET' });
      await h.stub.waitFor((s) => s.responses('forget-1').length >= 1, 5000, 'forget reply');
      const reply = h.stub.responses('forget-1')[0]!.body as { response_type: string; text: string };
      expect(reply.response_type).toBe('ephemeral');
      expect(reply.text).toMatch(/Done: I deleted the context of 1 conversation, 1 feedback vote and 1 reply kept for "Share in channel"/);
      expect(await h.store.get('feedback', `slack:UFORGET:${ref}`)).toBeUndefined();
      expect(await h.store.get('share', `slack:UFORGET:${share.value}`)).toBeUndefined();
    } finally {
      await h.close();
    }
  });
});

describe('/forget on Discord', () => {
  it('answers privately and deletes the caller feedback and context only', async () => {
    const h = await startDiscordHarness();
    try {
      await h.bot.handle(Q, { surface: 'discord', conversationId: 'chan:alice', userId: ALICE.id });
      await h.bot.handle(Q, { surface: 'discord', conversationId: 'chan:bob', userId: BOB.id });
      const vote = h.button('feedback:helpful:9990002', '1600000000000000002', ALICE);
      await h.waitForToken(vote.token, 'callback');
      expect(await h.store.get('feedback', `discord:${ALICE.id}:9990002`)).toBeDefined();

      const sent = h.slash('forget', {}, { user: ALICE });
      const callback = await h.waitForToken(sent.token, 'callback');
      const data = (callback.body as { data: { flags: number; embeds: { description?: string }[]; content?: string } }).data;
      expect(data.flags & 64).toBe(64);
      expect(JSON.stringify(data)).toMatch(/the context of 1 conversation and 1 feedback vote/);
      expect(await h.store.get('feedback', `discord:${ALICE.id}:9990002`)).toBeUndefined();
      expect(await h.store.get('conversation', 'discord:chan:alice')).toBeUndefined();
      expect(await h.store.get('conversation', 'discord:chan:bob')).toBeDefined();
    } finally {
      await h.stop();
    }
  });
});
