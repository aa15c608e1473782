import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadEngine } from '../../src/load-engine.ts';
import { Bot, type CallContext } from '../../src/bot/bot.ts';
import { parseConsoleLine } from '../../src/bot/command.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { loadSeedEngine, SEED_ID } from '../support/seed-engine.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { silentLog } from '../support/test-log.ts';

describe('Bot over the seed corpus with a SQLite store', () => {
  const temp = makeTempDir();
  let store: Store;
  let bot: Bot;
  const ctx: CallContext = { surface: 'console', conversationId: 'c1', userId: 'u1' };
  const run = async (line: string, c = ctx) => {
    const parsed = parseConsoleLine(line);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return bot.handle(parsed.command, c);
  };

  beforeAll(async () => {
    store = await openStore({ dataDir: temp.dir });
    bot = new Bot({ engine: await loadSeedEngine(), store, log: silentLog, now: () => new Date('2024-11-30T20:00:00Z') });
  });
  afterAll(async () => {
    await store.close();
    temp.remove();
  });

  it('answers and stores the turn for follow-ups', async () => {
    const reply = await run('Who captured the palace in Aleppo?');
    expect(reply.kind).toBe('answer');
    if (reply.kind === 'answer') expect(reply.answer.sources[0]?.id).toBe(SEED_ID);
    const turn = await store.get<{ articleIds: string[] }>('conversation', 'console:c1');
    expect(turn?.articleIds).toEqual([SEED_ID]);
  });

  it('composes a brief, a digest preview window and a summary', async () => {
    const brief = await run('/brief aleppo');
    expect(brief.kind === 'stories' && brief.stories[0]?.sources[0]?.id).toBe(SEED_ID);
    const digest = await run('/digest now');
    expect(digest.kind === 'stories' && digest.stories.length).toBe(1);
    const summary = await run('/summary palace aleppo');
    expect(summary.kind === 'summary' && summary.summary.id).toBe(SEED_ID);
  });

  it('shows the latest stories under one line when nothing is in the asked window', async () => {
    const inWindow = await run('/brief aleppo since:2024-11-01');
    expect(inWindow).toMatchObject({ kind: 'stories', title: 'Briefing on "aleppo" since 2024-11-01' });
    const after = await run('/brief aleppo since:2024-11-30T19:00');
    expect(after).toMatchObject({ kind: 'stories', latest: true, title: 'No stories about "aleppo" since 2024-11-30T19:00. The latest on "aleppo":' });
    expect(after.kind === 'stories' && after.stories[0]?.sources[0]?.id).toBe(SEED_ID);
    // a topic the corpus does not hold stays an empty brief
    const none = await run('/brief volcano since:2024-11-30T19:00');
    expect(none.kind === 'stories' && none.stories.length).toBe(0);
  });

  it('narrows a brief on words no article holds to the words it holds, and says so', async () => {
    const narrowed = await run('/brief fighting in aleppo');
    expect(narrowed).toMatchObject({ kind: 'stories', title: 'No article mentions "fighting". Stories on "aleppo":' });
    expect(narrowed.kind === 'stories' && narrowed.stories[0]?.sources[0]?.id).toBe(SEED_ID);
    // (and nothing in the window: the latest on the words held)
    const later = await run('/brief aleppo fighting since:2024-11-30T19:00');
    expect(later).toMatchObject({ kind: 'stories', latest: true, title: 'No article mentions "fighting". No stories about "aleppo" since 2024-11-30T19:00. The latest on "aleppo":' });
    // words none of which an article holds stay an empty brief
    const none = await run('/brief volcano eruption');
    expect(none).toMatchObject({ kind: 'stories', stories: [], title: 'Briefing on "volcano eruption"' });
  });

  it('returns errors as values with a usage line', async () => {
    const missing = await run('/summary volcano eruption in iceland');
    expect(missing).toMatchObject({ kind: 'error', code: 'not_found' });
    const badSince = await run('/brief since:whenever');
    expect(badSince).toMatchObject({ kind: 'error', code: 'usage' });
  });
});

describe('Bot data calls the CLI prints raw', () => {
  const temp = makeTempDir();
  let store: Store;
  let bot: Bot;
  const ctx: CallContext = { surface: 'console', conversationId: 'cli', userId: 'cli' };

  beforeAll(async () => {
    store = await openStore({ dataDir: temp.dir });
    bot = new Bot({ engine: await loadEngine(fileURLToPath(new URL('../fixtures/dates', import.meta.url)), silentLog), store, log: silentLog });
  });
  afterAll(async () => {
    await store.close();
    temp.remove();
  });

  it('sources takes a limit, the engine default without one', async () => {
    const two = await bot.handle({ name: 'sources', query: '', limit: 2 }, ctx);
    const all = await bot.handle({ name: 'sources', query: '' }, ctx);
    expect(two.kind === 'sources' && two.articles.length).toBe(2);
    expect(all.kind === 'sources' && all.articles.length).toBeGreaterThan(2);
  });

  it('stories keeps the exact limit and window it is given (no latest-stories fallback)', async () => {
    expect(await bot.stories({ limit: 1 })).toHaveLength(1);
    expect((await bot.stories({ limit: 0 })).length).toBeGreaterThan(1);
    expect(await bot.stories({ since: new Date('2999-01-01T00:00:00Z') })).toEqual([]);
  });
});
