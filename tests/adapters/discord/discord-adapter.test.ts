import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { GatewayIntentBits, MessageFlags, type APIEmbed } from 'discord.js';
import { articleKey } from '../../../adapters/discord/article-choices.ts';
import type { FeedbackRecord } from '../../../adapters/discord/handle-feedback.ts';
import { DISCORD_LIMITS, embedLength } from '../../../adapters/discord/render-discord.ts';
import type { Reply } from '../../../src/bot/reply.ts';
import type { ConversationTurn } from '../../../src/engine/engine.ts';
import type { RecordedRequest } from '../../support/discord-rest-stub.ts';
import { BOB, BOT_USER, DM_CHANNEL_ID, TEXT_CHANNEL_ID, THREAD_ID, startHarness, type Harness } from '../../support/discord-harness.ts';

const QUESTION = 'who captured the palace in Aleppo?';
const EPHEMERAL = MessageFlags.Ephemeral;

let h: Harness;
let seed: { id: string; title: string; date: string | null };

beforeAll(async () => {
  h = await startHarness();
  const first = (await h.engine.sources('', 1))[0];
  if (!first) throw new Error('the seeds corpus is empty');
  seed = { id: first.id, title: first.title, date: first.date };
});

afterAll(async () => {
  await h?.stop();
});

const embedsOf = (r: RecordedRequest): APIEmbed[] => (r.kind === 'callback' ? r.body.data.embeds : r.body.embeds) ?? [];
const flagsOf = (r: RecordedRequest): number => (r.kind === 'callback' ? r.body.data?.flags : r.body.flags) ?? 0;

/** The public path: a deferred, non-ephemeral callback, then the @original edited. */
async function publicReply(token: string): Promise<{ callback: RecordedRequest; edit: RecordedRequest }> {
  const callback = await h.waitForToken(token, 'callback');
  expect(callback.body.type).toBe(5);
  expect(flagsOf(callback) & EPHEMERAL).toBe(0);
  const edit = await h.waitForToken(token, 'webhook-edit');
  expect(edit.rawPath).toMatch(/\/messages\/%40original$/);
  expect(edit.at).toBeGreaterThanOrEqual(callback.at);
  return { callback, edit };
}

/** Channel messages posted after a given request count, to one channel. */
async function channelMessage(channelId: string, after: number): Promise<RecordedRequest> {
  return h.rest.waitFor((r) => r.kind === 'channel-message' && r.params.channelId === channelId && h.rest.requests.indexOf(r) >= after);
}

describe('startup', () => {
  it('identifies with Guilds, GuildMessages and DirectMessages only, through the REST base it was given', () => {
    const identify = h.gateway.ops(2)[0]!.d as { intents: number; token: string };
    expect(identify.intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages);
    expect(identify.token).toBe('stub-bot-token');
    expect(h.rest.of('gateway')).toHaveLength(1);
    expect(h.logs.some((l) => l.msg === 'discord adapter ready')).toBe(true);
  });
});

describe('slash commands end to end', () => {
  it('/ask answers publicly: deferred, then the reply edited with the answer embed and feedback buttons', async () => {
    const expected = (await h.engine.ask(QUESTION)).answer;
    expect(expected.answer).not.toBeNull();
    const sent = h.slash('ask', { question: QUESTION });
    const { edit } = await publicReply(sent.token);
    const [embed] = embedsOf(edit);
    expect(embed!.title).toBe(QUESTION);
    // a short answer the engine vouches for is bold; otherwise the supporting sentence leads as it is
    expect(embed!.description).toBe(expected.short ? `**${expected.answer}**` : expected.answer);
    const fieldNames = embed!.fields!.map((f) => f.name);
    if (expected.quote && expected.quote !== expected.answer) {
      expect(embed!.fields!.find((f) => f.name === 'Supporting quote')!.value).toBe(`> ${expected.quote}`);
    } else expect(fieldNames).not.toContain('Supporting quote');
    const sources = embed!.fields!.find((f) => f.name === 'Sources')!.value;
    expect(sources).toContain(seed.title);
    if (seed.date) expect(sources).toContain(seed.date.slice(0, 10));
    const ids = edit.body.components[0].components.map((b: { custom_id: string }) => b.custom_id);
    expect(ids).toEqual([`feedback:helpful:${sent.id}`, `feedback:not_helpful:${sent.id}`]);
  });

  it('defers before the engine runs and edits the reply only after the engine is done', async () => {
    const original = h.bot.handle.bind(h.bot);
    const timeline: string[] = [];
    const spy = vi.spyOn(h.bot, 'handle').mockImplementationOnce(async (command, ctx) => {
      timeline.push(h.rest.of('callback').some((r) => r.params.token === sent.token) ? 'engine start (deferred)' : 'engine start (not deferred)');
      await sleep(400);
      const reply = await original(command, ctx);
      timeline.push('engine done');
      return reply;
    });
    const sent = h.slash('ask', { question: QUESTION });
    const { edit } = await publicReply(sent.token);
    timeline.push('edited');
    expect(timeline).toEqual(['engine start (deferred)', 'engine done', 'edited']);
    expect(embedsOf(edit)[0]!.title).toBe(QUESTION);
    spy.mockRestore();
  });

  it('/brief topic: returns the stories publicly, one embed per story', async () => {
    const stories = await h.engine.brief({ topic: 'Aleppo' });
    expect(stories.length).toBeGreaterThan(0);
    const sent = h.slash('brief', { topic: 'Aleppo' });
    const { edit } = await publicReply(sent.token);
    expect(edit.body.content).toBe('**Briefing on "Aleppo"**');
    const embeds = embedsOf(edit);
    expect(embeds).toHaveLength(stories.length);
    expect(embeds[0]!.title).toBe(`1. ${stories[0]!.headline}`.slice(0, 256));
    expect(embeds[0]!.description).toBe(stories[0]!.summary.join(' '));
    expect(embeds[0]!.fields![0]!.value).toContain(seed.title);
  });

  it('/brief since: with words it cannot read answers privately with the usage line', async () => {
    const sent = h.slash('brief', { since: 'the twelfth of never' });
    await h.waitForToken(sent.token, 'callback');
    await h.waitForToken(sent.token, 'webhook-delete');
    const followUp = await h.waitForToken(sent.token, 'webhook-followup');
    expect(flagsOf(followUp) & EPHEMERAL).toBe(EPHEMERAL);
    expect(embedsOf(followUp)[0]!.description).toMatch(/Usage: `\/brief topic: since:`$/);
    expect(h.rest.of('webhook-edit').some((r) => r.params.token === sent.token)).toBe(false);
  });

  it('/summary article: summarises the chosen article (an id, or the key of a long id)', async () => {
    const expected = await h.engine.summarize(seed.id);
    if (!expected.ok) throw new Error(expected.error.message);
    for (const value of [seed.id, articleKey(seed.id)]) {
      const sent = h.slash('summary', { article: value });
      const { edit } = await publicReply(sent.token);
      const [embed] = embedsOf(edit);
      expect(embed!.title).toBe(seed.title);
      expect(embed!.description).toBe(expected.value.summary.map((s) => `• ${s}`).join('\n'));
      expect(embed!.footer!.text).toBe(`id: ${seed.id}`);
    }
  });

  it('/summary with no matching article explains privately', async () => {
    const sent = h.slash('summary', { article: 'zebra migration quantum' });
    const followUp = await h.waitForToken(sent.token, 'webhook-followup');
    expect(flagsOf(followUp) & EPHEMERAL).toBe(EPHEMERAL);
    expect(embedsOf(followUp)[0]!.description).toContain('No article matches "zebra migration quantum"');
  });

  it('/sources lists the articles with their ids', async () => {
    const sent = h.slash('sources');
    const { edit } = await publicReply(sent.token);
    const [embed] = embedsOf(edit);
    expect(embed!.title).toBe('Most recent articles');
    expect(embed!.description).toContain(seed.title);
    expect(embed!.description).toContain(`id: \`${seed.id}\``);
  });

  it('/digest now previews the digest publicly', async () => {
    const sent = h.slash('digest', {}, { subcommand: 'now' });
    const { edit } = await publicReply(sent.token);
    expect(edit.body.content).toBe('**Digest preview: the last 24 hours**');
    expect(embedsOf(edit)[0]!.fields![0]!.value).toContain(seed.title);
  });

  it('/help answers privately at once, without deferring', async () => {
    const sent = h.slash('help');
    const callback = await h.waitForToken(sent.token, 'callback');
    expect(callback.body.type).toBe(4);
    expect(flagsOf(callback) & EPHEMERAL).toBe(EPHEMERAL);
    const [embed] = embedsOf(callback);
    expect(embed!.title).toBe('Briefing bot: ask the news corpus');
    for (const usage of ['/ask question:', '/brief topic:? since:?', '/summary article:', '/sources query:?', '/digest now', '/help']) {
      expect(embed!.description).toContain(usage);
    }
  });

  it('/ask with an empty question is refused privately, without deferring', async () => {
    const sent = h.slash('ask', { question: '  \u200B ' });
    const callback = await h.waitForToken(sent.token, 'callback');
    expect(callback.body.type).toBe(4);
    expect(flagsOf(callback) & EPHEMERAL).toBe(EPHEMERAL);
    expect(embedsOf(callback)[0]!.description).toMatch(/Usage: `\/ask question:`$/);
  });

  it('neutralises mention syntax echoed from a question', async () => {
    const sent = h.slash('ask', { question: `@everyone <@${BOB.id}> ${QUESTION}` });
    const { edit } = await publicReply(sent.token);
    const title = embedsOf(edit)[0]!.title!;
    expect(title).toContain('@\u200Beveryone');
    expect(title).toContain(`\\<@\u200B${BOB.id}\\>`);
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('autocomplete', () => {
  it('offers article titles for /summary article:, values within 100 characters', async () => {
    const word = seed.title.split(/\s+/).find((w) => w.length > 4)!.toLowerCase();
    const sent = h.autocomplete('summary', 'article', word);
    const callback = await h.waitForToken(sent.token, 'callback');
    expect(callback.body.type).toBe(8);
    const choices = callback.body.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]!.value).toBe(seed.id);
    expect(choices[0]!.name.startsWith(seed.title.slice(0, 40))).toBe(true);
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
    const none = h.autocomplete('summary', 'article', 'qqqzzzxxx');
    expect((await h.waitForToken(none.token, 'callback')).body.data.choices).toEqual([]);
  });
});

describe('feedback buttons', () => {
  it('stores and logs a vote (who, which answer, which way; no text) and thanks the voter privately', async () => {
    const sent = h.button('feedback:not_helpful:9990001', '1600000000000000001', BOB);
    const callback = await h.waitForToken(sent.token, 'callback');
    expect(callback.body.type).toBe(4);
    expect(flagsOf(callback) & EPHEMERAL).toBe(EPHEMERAL);
    expect(callback.body.data.content).toBe('Thanks, noted as not helpful.');
    const stored = await h.store.get<FeedbackRecord>('feedback', `discord:${BOB.id}:9990001`);
    expect(stored).toMatchObject({ surface: 'discord', answer: '9990001', messageId: '1600000000000000001', userId: BOB.id, vote: 'not_helpful' });
    expect(Object.keys(stored!).sort()).toEqual(['answer', 'at', 'channelId', 'messageId', 'surface', 'userId', 'vote']);
    expect(h.logs.find((l) => l.msg === 'answer feedback' && l.answer === '9990001')).toMatchObject({ vote: 'not_helpful', interactionId: sent.id });
  });
});

describe('direct messages, mentions and threads', () => {
  it('answers a DM in the DM, and a short follow-up there reuses the conversation', async () => {
    let mark = h.rest.requests.length;
    h.message(QUESTION, { where: 'dm' });
    const first = await channelMessage(DM_CHANNEL_ID, mark);
    expect(first.body.message_reference).toBeUndefined();
    expect(embedsOf(first)[0]!.title).toBe(QUESTION);
    const asked = (await h.engine.ask(QUESTION)).answer;
    expect(embedsOf(first)[0]!.description).toBe(asked.short ? `**${asked.answer}**` : asked.answer);

    mark = h.rest.requests.length;
    h.message('and what about the military academy?', { where: 'dm' });
    const second = await channelMessage(DM_CHANNEL_ID, mark);
    expect(embedsOf(second)[0]!.title).toBe('and what about the military academy?');
    const turn = await h.store.get<ConversationTurn>('conversation', `discord:${DM_CHANNEL_ID}`);
    expect(turn!.question).toBe('and what about the military academy?');
    expect(turn!.expanded).toContain(QUESTION);
  });

  it('replies to a message that mentions the bot in a server channel, and ignores one that does not', async () => {
    const mark = h.rest.requests.length;
    const ignored = h.message(`just chatting about ${QUESTION}`, { where: 'guild' });
    const id = h.message(`<@${BOT_USER.id}> ${QUESTION}`, { where: 'guild', mentionBot: true });
    const reply = await channelMessage(TEXT_CHANNEL_ID, mark);
    expect(reply.body.message_reference).toMatchObject({ message_id: id });
    expect(embedsOf(reply)[0]!.title).toBe(QUESTION);
    expect(reply.body.allowed_mentions).toEqual({ parse: [] });
    await sleep(100);
    const replies = h.rest.requests.slice(mark).filter((r) => r.kind === 'channel-message');
    expect(replies).toHaveLength(1);
    expect(replies.some((r) => r.body.message_reference?.message_id === ignored)).toBe(false);
  });

  it('treats a mention in a thread the bot answered in as a follow-up of that thread', async () => {
    let mark = h.rest.requests.length;
    h.message(`<@${BOT_USER.id}> ${QUESTION}`, { where: 'thread', mentionBot: true });
    await channelMessage(THREAD_ID, mark);
    mark = h.rest.requests.length;
    const id = h.message(`<@${BOT_USER.id}> what about it?`, { where: 'thread', mentionBot: true, user: BOB });
    const reply = await channelMessage(THREAD_ID, mark);
    expect(reply.body.message_reference).toMatchObject({ message_id: id });
    const turn = await h.store.get<ConversationTurn>('conversation', `discord:${THREAD_ID}`);
    expect(turn!.question).toBe('what about it?');
    expect(turn!.expanded).toContain(QUESTION);
  });

  it('continues the conversation when someone replies to its answer in a server channel', async () => {
    let mark = h.rest.requests.length;
    const first = h.message(`<@${BOT_USER.id}> ${QUESTION}`, { where: 'guild', mentionBot: true });
    const answer = await channelMessage(TEXT_CHANNEL_ID, mark);
    const answerId = answer.response.id as string;
    // the link from the answer to its conversation is stored right after the answer is posted: a person replies later
    await vi.waitFor(async () => expect(await h.store.get<string>('reply-link', `discord:${answerId}`)).toBeDefined());
    mark = h.rest.requests.length;
    h.message(`<@${BOT_USER.id}> and what about the academy?`, { where: 'guild', mentionBot: true, user: BOB, replyTo: answerId });
    await channelMessage(TEXT_CHANNEL_ID, mark);
    const turn = await h.store.get<ConversationTurn>('conversation', `discord:message:${first}`);
    expect(turn!.question).toBe('and what about the academy?');
    expect(turn!.expanded).toContain(QUESTION);
  });

  it('answers a slash command in a DM, in the DM conversation', async () => {
    const sent = h.slash('ask', { question: 'and the palace?' }, { where: 'dm' });
    const { edit } = await publicReply(sent.token);
    expect(embedsOf(edit)[0]!.title).toBe('and the palace?');
    const turn = await h.store.get<ConversationTurn>('conversation', `discord:${DM_CHANNEL_ID}`);
    expect(turn!.question).toBe('and the palace?');
  });

  it('ignores messages from bots, its own included', async () => {
    const mark = h.rest.requests.length;
    h.message(`<@${BOT_USER.id}> ${QUESTION}`, { where: 'guild', mentionBot: true, user: { ...BOT_USER, discriminator: '0', global_name: null, avatar: null } as never });
    h.message(QUESTION, { where: 'dm', user: { ...BOB, id: '1500000000000000077', bot: true } as never });
    // A later human message is answered: the earlier ones were processed and ignored
    h.message('when was the palace invaded?', { where: 'dm' });
    await channelMessage(DM_CHANNEL_ID, mark);
    const posted = h.rest.requests.slice(mark).filter((r) => r.kind === 'channel-message');
    expect(posted).toHaveLength(1);
    expect(embedsOf(posted[0]!)[0]!.title).toBe('when was the palace invaded?');
  });
});

describe('failures', () => {
  it('logs a failed reply with the interaction id and shows a private apology with a reference', async () => {
    h.rest.failNext((r) => r.kind === 'webhook-edit', 400, { message: 'Invalid Form Body', code: 50035 });
    const sent = h.slash('sources');
    const apology = await h.waitForToken(sent.token, 'webhook-followup');
    expect(flagsOf(apology) & EPHEMERAL).toBe(EPHEMERAL);
    const ref = /reference ([A-Z0-9]{6})/.exec(apology.body.content)?.[1];
    expect(ref).toBeDefined();
    const logged = h.logs.find((l) => l.msg === 'discord reply failed' && l.interactionId === sent.id);
    expect(logged).toMatchObject({ ref, command: 'sources' });
    expect(logged!.level).toBeGreaterThanOrEqual(50);
  });

  it('apologises privately when the bot throws, removing the public placeholder', async () => {
    const spy = vi.spyOn(h.bot, 'handle').mockRejectedValueOnce(new Error('engine exploded'));
    const sent = h.slash('ask', { question: QUESTION });
    await h.waitForToken(sent.token, 'webhook-delete');
    const apology = await h.waitForToken(sent.token, 'webhook-followup');
    expect(flagsOf(apology) & EPHEMERAL).toBe(EPHEMERAL);
    expect(apology.body.content).toMatch(/^Sorry, something went wrong on my side\. .*reference [A-Z0-9]{6}\.$/);
    expect(apology.body.content).not.toContain('engine exploded');
    expect(h.logs.some((l) => l.msg === 'discord reply failed' && l.interactionId === sent.id)).toBe(true);
    spy.mockRestore();
  });
});

describe('long replies', () => {
  it('splits a long answer over several messages, each within 10 embeds and 6,000 characters', async () => {
    const sentence = (s: number, i: number) => `Story ${s} line ${i} says the talks went on late into the night.`;
    const big: Reply = {
      kind: 'stories',
      title: 'Briefing',
      empty: '',
      stories: Array.from({ length: 12 }, (_, s) => ({
        headline: `Story ${s}`,
        summary: Array.from({ length: 40 }, (_, i) => sentence(s, i)),
        sources: [{ id: `s${s}`, title: `Source ${s}`, url: `https://example.org/${s}`, date: '2024-11-30' }],
      })),
    };
    const spy = vi.spyOn(h.bot, 'handle').mockResolvedValueOnce(big);
    const sent = h.slash('brief');
    await publicReply(sent.token);
    const followUp = await h.waitForToken(sent.token, 'webhook-followup');
    expect(flagsOf(followUp) & EPHEMERAL).toBe(0);
    await sleep(200);
    const parts = [...h.rest.of('webhook-edit'), ...h.rest.of('webhook-followup')].filter((r) => r.params.token === sent.token);
    expect(parts.length).toBeGreaterThan(1);
    let text = '';
    for (const part of parts) {
      const embeds = embedsOf(part);
      expect(embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
      expect(embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
      for (const e of embeds) expect(e.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.description);
      expect(part.body.allowed_mentions).toEqual({ parse: [] });
      text += embeds.map((e) => e.description ?? '').join('\n');
    }
    for (let s = 0; s < 12; s++) for (let i = 0; i < 40; i++) expect(text).toContain(sentence(s, i));
    spy.mockRestore();
  });
});

describe('gateway', () => {
  it('answers heartbeats', async () => {
    if (h.gateway.heartbeatAcks === 0) await h.gateway.next('heartbeat', 5_000);
    expect(h.gateway.ops(1).length).toBeGreaterThan(0);
    expect(h.gateway.heartbeatAcks).toBe(h.gateway.ops(1).length);
  });

  it('resumes after a disconnect and answers the command sent while it was away', async () => {
    const session = h.gateway.session!;
    await h.gateway.disconnect(4000);
    const resumed = h.gateway.next('resumed');
    const sent = h.slash('ask', { question: QUESTION }); // buffered: the client is not connected
    const { seq } = (await resumed) as { seq: number };
    const { edit } = await publicReply(sent.token);
    expect(embedsOf(edit)[0]!.title).toBe(QUESTION);
    const resume = h.gateway.ops(6).at(-1)!.d as { session_id: string; seq: number; token: string };
    expect(resume.session_id).toBe(session.id);
    expect(resume.seq).toBe(seq);
    expect(h.gateway.ops(2)).toHaveLength(1); // resumed, not re-identified
    expect(h.gateway.connections).toBe(2);
    // Still working normally afterwards
    const after = h.slash('sources');
    await publicReply(after.token);
  });
});

describe('allowed mentions', () => {
  it('sent allowed_mentions {parse: []} on every message posted or edited', () => {
    const messages = h.rest.messages();
    expect(messages.length).toBeGreaterThan(20);
    for (const m of messages) {
      const body = m.kind === 'callback' ? m.body.data : m.body;
      expect(body.allowed_mentions, `${m.method} ${m.path}`).toEqual({ parse: [] });
    }
  });
});
