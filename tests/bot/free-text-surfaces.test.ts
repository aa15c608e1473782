// One table of messages in words run against every free-text surface: the console, a Slack DM, a
// Slack mention, Slack `/brief TEXT`, a Discord DM and a Discord mention, through the loopback stand-ins.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConsole } from '../../adapters/console/console-adapter.ts';
import { Bot } from '../../src/bot/bot.ts';
import type { TextResult } from '../../src/bot/handle-text.ts';
import { understoodParts } from '../../src/bot/reply.ts';
import type { RequestIntent } from '../../src/bot/understand-request.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { BOT_USER, startHarness as startDiscord, type Harness as DiscordHarness } from '../support/discord-harness.ts';
import type { RecordedRequest } from '../support/discord-rest-stub.ts';
import { buttons, contexts } from '../support/slack-blocks.ts';
import { payloadTexts, startHarness as startSlack, testArticles, UNSAFE_PATTERNS, type Harness as SlackHarness } from '../support/slack-harness.ts';
import { loadSeedEngine } from '../support/seed-engine.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { silentLog } from '../support/test-log.ts';

type Surface = 'console' | 'slack-dm' | 'slack-mention' | 'slack-brief' | 'discord-dm' | 'discord-mention';
const SURFACES: Surface[] = ['console', 'slack-dm', 'slack-mention', 'slack-brief', 'discord-dm', 'discord-mention'];

/** What a surface delivered: what the Bot understood and the text the user saw. */
interface Seen {
  result: TextResult;
  shown: string;
  /** Every payload posted for it, for the no-ping scan. */
  payloads: unknown[];
}

/** The messages of the table: written as people type them, with the intent each must be read as. */
const TABLE: { text: string; intent: RequestIntent; kind: string }[] = [
  { text: 'brief me on the volcano pls', intent: 'brief', kind: 'stories' },
  { text: 'tl;dr the article about the harbour budget', intent: 'summary', kind: 'summary' },
  { text: 'show me articles about ferry fares', intent: 'sources', kind: 'sources' },
  { text: 'whats in my digest', intent: 'digest', kind: 'stories' },
  { text: 'top stories', intent: 'brief', kind: 'stories' },
  { text: 'how many residents were evacuated?', intent: 'ask', kind: 'answer' },
  { text: 'what can you do', intent: 'help', kind: 'help' },
];

/** Bad input: each gets a clear reply, and nothing posted pings anyone. */
/** "The corpus does not say"; Slack `/brief TEXT` reads words that are neither a request nor a question as a topic, as `/brief` always has. */
const noAnswer = (s: Seen, surface: Surface) =>
  surface === 'slack-brief' && s.result.request.intent !== 'ask'
    ? expect(s.result).toMatchObject({ request: { intent: 'brief' }, reply: { kind: 'stories' } })
    : expect(s.result.reply).toMatchObject({ kind: 'answer', answer: { answer: null } });

const BAD: { name: string; text: string; check: (seen: Seen, surface: Surface) => void }[] = [
  { name: 'gibberish', text: 'asdfgh qwerty zxcvb', check: noAnswer },
  { name: '5,000 characters', text: 'oil prices and the dollar '.repeat(200), check: (s) => expect(s.result.reply).toMatchObject({ kind: 'error', code: 'usage', message: expect.stringMatching(/keep it under 1000/) }) },
  { name: 'only emoji', text: '🎉🎉🎉', check: noAnswer },
  { name: 'only a mention of the bot', text: '@briefbot', check: (s) => expect(s.result).toMatchObject({ request: { intent: 'help' }, reply: { kind: 'help' } }) },
  { name: 'a URL', text: 'https://example.com/news/1', check: noAnswer },
  { name: 'another language', text: '¿quién ganó el partido de ayer?', check: noAnswer },
  { name: 'a would-be ping', text: 'brief me on @everyone <!channel> <@U999>', check: (s) => expect(s.result.request.intent).toBe('brief') },
];

let slack: SlackHarness;
let discord: DiscordHarness;
let consoleBot: Bot;
let consoleStore: Store;
const temp = makeTempDir();

/** Records what each Bot understood, in order. */
function spy(bot: Bot): TextResult[] {
  const results: TextResult[] = [];
  const original = bot.handleText.bind(bot);
  bot.handleText = async (...args) => {
    const r = await original(...args);
    results.push(r);
    return r;
  };
  return results;
}

let slackResults: TextResult[];
let discordResults: TextResult[];
let consoleResults: TextResult[];

beforeAll(async () => {
  slack = await startSlack();
  discord = await startDiscord();
  await discord.engine.add(testArticles());
  const engine = await loadSeedEngine();
  engine.add(testArticles());
  consoleStore = await openStore({ dataDir: temp.dir });
  consoleBot = new Bot({ engine, store: consoleStore, log: silentLog });
  slackResults = spy(slack.bot);
  discordResults = spy(discord.bot);
  consoleResults = spy(consoleBot);
});

afterAll(async () => {
  await slack?.close();
  await discord?.stop();
  await consoleStore?.close();
  temp.remove();
});

let tsClock = 1_700_300_000;
let cmdId = 0;
const slackPosts = (channel: string) => slack.stub.api('chat.postMessage').filter((c) => c.body.channel === channel).map((c) => c.body);
const discordPosts = (after: number) => discord.rest.requests.slice(after).filter((r): r is RecordedRequest => r.kind === 'channel-message');

/** Sends one message on one surface and waits for what it shows. */
async function send(surface: Surface, text: string): Promise<Seen> {
  switch (surface) {
    case 'console': {
      const before = consoleResults.length;
      const input = new PassThrough();
      const output = new PassThrough();
      let shown = '';
      output.on('data', (d: Buffer) => (shown += d.toString()));
      const done = runConsole({ bot: consoleBot, log: silentLog, input, output, interactive: false, color: false, width: 200 });
      input.end(`${text}\n`);
      await done;
      return { result: consoleResults[before]!, shown, payloads: [shown] };
    }
    case 'slack-dm':
    case 'slack-mention': {
      const before = slackResults.length;
      const channel = surface === 'slack-dm' ? 'D0TABLE' : 'C0TABLE';
      const count = slackPosts(channel).length;
      const ts = `${++tsClock}.000100`;
      const event =
        surface === 'slack-dm'
          ? { type: 'message', channel_type: 'im', user: 'U0ALICE', text, ts, channel }
          : { type: 'app_mention', user: 'U0BOB', text: `<@UBOT> ${text}`, ts, channel };
      await slack.client.event(event);
      await slack.stub.waitFor(() => slackPosts(channel).length > count, 8000, `a post to ${channel}`);
      const posts = slackPosts(channel).slice(count);
      return { result: slackResults[before]!, shown: posts.map((p) => contexts(p)[0] ?? '').join('\n'), payloads: posts };
    }
    case 'slack-brief': {
      const before = slackResults.length;
      const id = `table-${++cmdId}`;
      await slack.client.command({ text, responseUrl: slack.stub.responseUrl(id) });
      await slack.stub.waitFor((s) => s.responses(id).length > 0, 8000, `a response at ${id}`);
      const posts = slack.stub.responses(id).map((c) => c.body);
      return { result: slackResults[before]!, shown: posts.map((p) => contexts(p)[0] ?? '').join('\n'), payloads: posts };
    }
    case 'discord-dm':
    case 'discord-mention': {
      const before = discordResults.length;
      const mark = discord.rest.requests.length;
      if (surface === 'discord-dm') discord.message(text, { where: 'dm' });
      else discord.message(`<@${BOT_USER.id}> ${text}`, { where: 'guild', mentionBot: true });
      await discord.rest.waitFor((r) => r.kind === 'channel-message' && discord.rest.requests.indexOf(r) >= mark);
      const posts = discordPosts(mark).map((r) => r.body as { content?: string; allowed_mentions?: unknown });
      return { result: discordResults[before]!, shown: posts.map((p) => p.content ?? '').join('\n'), payloads: posts };
    }
  }
}

/** The understood line as each surface shows it: plain words, the topic wherever it is emphasised. */
function shownLine(surface: Surface, result: TextResult): RegExp {
  const u = result.reply.understood!;
  const words = understoodParts(u.line).map((p) => p.text);
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const topic = words.map(esc).join('[*_\\\\]*');
  const command = esc(u.command);
  if (surface === 'console') return new RegExp(`${topic} · ${command}`);
  if (surface.startsWith('discord')) return new RegExp(`^-# .*${topic}.* · \`${command.replace(/\\\\_/g, '_')}\``, 'm');
  return new RegExp(`${topic}.* · \`${command}\``);
}

describe.each(SURFACES)('free text on %s', (surface) => {
  it.each(TABLE.filter((row) => surface !== 'slack-brief' || !/^help\b/.test(row.text)))('reads "$text" as $intent', async (row) => {
    const seen = await send(surface, row.text);
    expect(seen.result.request.intent).toBe(row.intent);
    expect(seen.result.reply.kind).toBe(row.kind);
    if (row.intent === 'ask' || row.intent === 'help') {
      // a plain question (and help) shows no understood line
      expect(seen.result.reply.understood).toBeUndefined();
    } else {
      expect(seen.shown).toMatch(shownLine(surface, seen.result));
    }
  });

  it.each(BAD)('gives $name a clear reply that pings nobody', async ({ text, check }) => {
    const seen = await send(surface, text);
    check(seen, surface);
    for (const payload of seen.payloads) {
      if (surface.startsWith('slack')) {
        for (const { text: shown } of payloadTexts(payload)) for (const unsafe of UNSAFE_PATTERNS) expect(shown).not.toMatch(unsafe);
      } else if (surface.startsWith('discord')) {
        expect((payload as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
        expect(JSON.stringify(payload)).not.toMatch(/(?<!\u200b)@everyone|<@U999>/);
      }
    }
  });
});

describe('every surface reads a message the same way', () => {
  it('gives the same intent and understood line on the console, Slack and Discord', async () => {
    const text = 'whats the latest on the harbour since monday';
    const lines = new Set<string>();
    for (const surface of SURFACES) {
      const seen = await send(surface, text);
      expect(seen.result.request.intent).toBe('brief');
      lines.add(seen.result.request.understood);
      expect(seen.result.request.command).toMatch(/^\/brief (topic:)?harbour since:monday$/);
    }
    expect([...lines]).toEqual(['Briefing on *harbour* since Mon']);
  });
});

describe('Slack /brief TEXT', () => {
  it('reads words that are neither a request nor a question as a topic, without a line saying what was typed', async () => {
    const plain = await send('slack-brief', 'volcano');
    expect(plain.result).toMatchObject({ request: { intent: 'brief', topic: 'volcano' }, reply: { kind: 'stories' } });
    expect(plain.result.reply.understood).toBeUndefined();
    const words = await send('slack-brief', 'summarize the harbour budget');
    expect(words.result).toMatchObject({ request: { intent: 'summary' }, reply: { kind: 'summary', summary: { id: 'harbour.txt' } } });
    expect(words.shown).toMatch(/Summary of \*harbour budget\* · `\/brief summary harbour budget`/);
  });
});

describe('the last brief in a conversation', () => {
  it('lets "summarize the second one", "more on 1" and "sources for #2" refer to its stories (console)', async () => {
    const ctx = { surface: 'console', conversationId: 'refs', userId: 'console' } as const;
    const brief = await consoleBot.handleText('brief me on the budget', ctx);
    expect(brief.reply.kind).toBe('stories');
    const stories = brief.reply.kind === 'stories' ? brief.reply.stories : [];
    expect(stories.length).toBeGreaterThanOrEqual(2);
    const second = await consoleBot.handleText('summarize the second one', ctx);
    expect(second.reply).toMatchObject({ kind: 'summary', summary: { id: stories[1]!.sources[0]!.id } });
    expect(second.reply.understood?.command).toBe(`/summary ${stories[1]!.sources[0]!.id}`);
    const first = await consoleBot.handleText('more on 1', ctx);
    expect(first.reply).toMatchObject({ kind: 'summary', summary: { id: stories[0]!.sources[0]!.id } });
    const sources = await consoleBot.handleText('sources for #2', ctx);
    expect(sources.reply.kind === 'sources' && sources.reply.articles.map((a) => a.id)).toEqual(stories[1]!.sources.map((s) => s.id));
    const past = await consoleBot.handleText('tl;dr #9', ctx);
    expect(past.reply).toMatchObject({ kind: 'notice', text: expect.stringMatching(/there is no story 9/) });
    // another conversation has no brief to refer to
    const elsewhere = await consoleBot.handleText('summarize the second one', { ...ctx, conversationId: 'other' });
    expect(elsewhere.reply).toMatchObject({ kind: 'notice', text: expect.stringMatching(/no brief here yet/) });
  });

  it('works the same in a Slack DM and a Discord DM', async () => {
    await send('slack-dm', 'brief me on the budget');
    const slackSecond = await send('slack-dm', 'summarize the second one');
    expect(slackSecond.result.reply.kind).toBe('summary');
    await send('discord-dm', 'brief me on the budget');
    const discordSecond = await send('discord-dm', 'summarize the second one');
    expect(discordSecond.result.reply.kind).toBe('summary');
    expect(discordSecond.result.reply.kind === 'summary' && discordSecond.result.reply.summary.id).toBe(slackSecond.result.reply.kind === 'summary' && slackSecond.result.reply.summary.id);
  });

  it('is deleted by forget', async () => {
    const ctx = { surface: 'console', conversationId: 'forget-refs', userId: 'forgetful' } as const;
    await consoleBot.handleText('brief me on the budget', ctx);
    const forgot = await consoleBot.handle({ name: 'forget' }, ctx);
    expect(forgot.kind === 'notice' && forgot.text).toMatch(/1 last briefing/);
    const after = await consoleBot.handleText('summarize the second one', ctx);
    expect(after.reply).toMatchObject({ kind: 'notice', text: expect.stringMatching(/no brief here yet/) });
  });
});

describe('catch me up', () => {
  it('covers the last 24 hours at first, then the stories since this user’s last brief in this conversation', async () => {
    let now = new Date('2024-12-05T12:00:00Z');
    const dir = makeTempDir();
    const store = await openStore({ dataDir: dir.dir });
    const engine = await loadSeedEngine();
    engine.add(testArticles());
    const bot = new Bot({ engine, store, log: silentLog, now: () => now });
    const ctx = { surface: 'console', conversationId: 'catch', userId: 'u1' } as const;
    const first = await bot.handleText('catch me up', ctx);
    expect(first.reply.understood?.line).toBe('Catching up: top stories since the last 24 hours');
    // nothing is new in those 24 hours: one line says so and the latest stories follow, which "number 2" then refers to
    expect(first.reply.kind === 'stories' && first.reply.title).toBe('Nothing new since the last 24 hours. The latest stories:');
    const latest = first.reply.kind === 'stories' ? first.reply.stories : [];
    expect(latest.length).toBe(3);
    const second2 = await bot.handleText('summarize number 2', ctx);
    expect(second2.reply).toMatchObject({ kind: 'summary', summary: { id: latest[1]!.sources[0]!.id } });
    engine.add([{ id: 'late.txt', title: 'Ferry terminal opens early', text: 'The new ferry terminal opened on Friday, months early. The council said fares stay as they are until spring.', url: null, date: '2024-12-06', source: null, origin: 'late.txt' }]);
    now = new Date('2024-12-06T20:00:00Z');
    const second = await bot.handleText('fill me in', ctx);
    expect(second.reply.understood?.line).toBe('Catching up: top stories since your last brief');
    expect(second.reply.understood?.command).toBe('/brief since:2024-12-05T12:00:00.000Z');
    // only the article added since that brief is new
    expect(second.reply.kind === 'stories' && second.reply.stories.map((s) => s.sources[0]?.id)).toEqual(['late.txt']);
    // another user in the same conversation has no last brief of their own: 24 hours
    const other = await bot.handleText('catch me up', { ...ctx, userId: 'u2' });
    expect(other.reply.understood?.line).toBe('Catching up: top stories since the last 24 hours');
    await store.close();
    dir.remove();
  });
});

describe('digest now', () => {
  it('says nothing is new in one line and shows the latest stories under it', async () => {
    const dir = makeTempDir();
    const store = await openStore({ dataDir: dir.dir });
    const engine = await loadSeedEngine();
    engine.add(testArticles());
    const bot = new Bot({ engine, store, log: silentLog, now: () => new Date('2026-12-03T12:00:00Z') });
    const { request, reply } = await bot.handleText("what's in my digest?", { surface: 'console', conversationId: 'd', userId: 'u' });
    expect(request.intent).toBe('digest');
    expect(reply.kind === 'stories' && reply.title).toBe('Nothing new in the last 24 hours. The latest stories:');
    expect(reply.kind === 'stories' && reply.stories.length).toBe(3);
    const command = await bot.handle({ name: 'digest', action: 'now', args: '' }, { surface: 'console', conversationId: 'd', userId: 'u' });
    expect(command.kind === 'stories' && command.stories.length).toBe(3);
    await store.close();
    dir.remove();
  });
});

describe('a summary that matches several articles', () => {
  it('names the best and offers the others as buttons on Slack, and a click summarizes the one picked', async () => {
    const seen = await send('slack-dm', 'sum up the budget');
    expect(seen.result.reply.kind === 'summary' && seen.result.reply.summary.alsoMatching?.length).toBeGreaterThan(0);
    const post = seen.payloads[0] as Record<string, unknown>;
    expect(contexts(post).some((c) => c.startsWith('Also matching: '))).toBe(true);
    const pick = buttons(post).find((b) => b.action_id === 'pick_article_0')!;
    const other = seen.result.reply.kind === 'summary' ? seen.result.reply.summary.alsoMatching![0]!.id : '';
    expect(pick.value).toBe(other);
    const id = `pick-${++cmdId}`;
    await slack.client.buttonClick({ actionId: 'pick_article_0', value: pick.value, responseUrl: slack.stub.responseUrl(id), channel: 'D0TABLE' });
    await slack.stub.waitFor((s) => s.responses(id).length > 0, 8000, 'the picked summary');
    expect(JSON.stringify(slack.stub.responses(id)[0]!.body)).toContain(`id: \`${other}\``);
  });

  it('offers the others as buttons on Discord, and a click summarizes the one picked', async () => {
    const seen = await send('discord-dm', 'sum up the budget');
    const other = seen.result.reply.kind === 'summary' ? seen.result.reply.summary.alsoMatching![0]!.id : '';
    const payload = seen.payloads[0] as { components?: { components: { custom_id: string }[] }[]; embeds?: { fields?: { name: string }[] }[] };
    expect(payload.embeds?.[0]?.fields?.map((f) => f.name)).toContain('Also matching');
    const ids = payload.components?.flatMap((row) => row.components.map((c) => c.custom_id)) ?? [];
    expect(ids).toContain(`pick:${other}`);
    const click = discord.button(`pick:${other}`, '1900000000000000001');
    const answered = await discord.waitForToken(click.token, 'callback');
    expect(JSON.stringify(answered.body)).toContain(`id: ${other}`);
  });
});
