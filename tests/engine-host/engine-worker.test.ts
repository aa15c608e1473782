import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Bot } from '../../src/bot/bot.ts';
import { engineMethods, localEngineApi, type EngineApi } from '../../src/engine-host/engine-api.ts';
import { EngineWorker } from '../../src/engine-host/engine-worker.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { articleKey } from '../../src/engine/article-key.ts';
import type { Article } from '../../src/engine/types.ts';
import { CorpusUnreadableError, EngineUnavailableError } from '../../src/errors.ts';
import type { Logger } from '../../src/logger.ts';
import { openStore } from '../../src/store/open-store.ts';
import { loadSeedEngine, SEED_ID, SEEDS_DIR } from '../support/seed-engine.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { silentLog } from '../support/test-log.ts';

/** A worker entry that crashes on this question (tests/support/crashing-engine-worker.ts). */
const CRASHING_ENTRY = new URL('../support/crashing-engine-worker.ts', import.meta.url);
const CRASH_QUESTION = 'CRASH';

/** A logger whose lines a test can read. */
function memoryLog(): { log: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: 'info', base: undefined }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { log, lines };
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const extra: Article[] = [
  {
    id: 'harbour.txt',
    title: 'Harbour council approves budget',
    text: 'The harbour council approved a budget of 40 million euros on Tuesday. Mayor Lena Ortiz said ferry fares will rise by 10 percent.\n\nCritics said the budget ignores fishermen. The council meets again in January.',
    url: 'https://news.example.org/harbour',
    date: '2024-11-28',
    source: 'Example News',
    origin: 'harbour.txt',
  },
  {
    id: 'volcano.txt',
    title: 'Volcano erupts near Reykjavik',
    text: 'A volcano erupted near Reykjavik on Monday night, sending lava toward the town of Grindavik. Authorities evacuated 4,000 residents.\n\nThe government set a budget of 100 million euros to rebuild Grindavik.',
    url: null,
    date: '2024-11-25T21:00:00Z',
    source: null,
    origin: 'volcano.txt',
  },
];

describe('the engine in a worker thread answers as the engine in this thread does', () => {
  let worker: EngineWorker;
  let local: EngineApi;
  let engine: Engine;
  beforeAll(async () => {
    worker = await EngineWorker.start({ corpusDir: SEEDS_DIR, log: silentLog, watch: false });
    engine = await loadSeedEngine();
    local = localEngineApi(engine);
    await worker.engine.add(extra);
    await local.add(extra);
  });
  afterAll(async () => {
    await worker?.stop();
  });

  it('offers the hand-written queries and ingestion, not the index nor the whole corpus, in both', () => {
    expect(Object.keys(worker.engine).sort()).toEqual(Object.keys(local).sort());
    expect(Object.keys(worker.engine).sort()).toEqual([...engineMethods()].sort());
    for (const name of ['ask', 'askWithPassages', 'summarize', 'brief', 'sources', 'article', 'size', 'add', 'remove', 'matchTitles', 'idForKey']) expect(engineMethods().has(name)).toBe(true);
    for (const name of ['exportState', 'listArticles', 'passages', 'resolve']) expect(engineMethods().has(name)).toBe(false);
  });

  it('ask, summarize, brief, sources, article, size: the same results (Dates, Sets and Results cross intact)', async () => {
    const questions = ['Who captured the palace in Aleppo?', 'How many residents were evacuated?', 'What will rise by 10 percent?', 'Who won the chess olympiad?'];
    for (const q of questions) expect(await worker.engine.ask(q)).toEqual(await local.ask(q));
    const first = await local.ask(questions[1]!);
    expect(first.answer.answer).not.toBeNull();
    expect(await worker.engine.ask('and how much to rebuild it?', first.turn)).toEqual(await local.ask('and how much to rebuild it?', first.turn));
    // the answer with its passages, in one round trip, as in this thread
    const grounded = await worker.engine.askWithPassages('and how much to rebuild it?', first.turn);
    expect(grounded).toEqual(await local.askWithPassages('and how much to rebuild it?', first.turn));
    expect(grounded.passages.length).toBeGreaterThan(0);
    for (const target of [SEED_ID, 'volcano', 'no such article anywhere']) expect(await worker.engine.summarize(target, 2)).toEqual(await local.summarize(target, 2));
    expect((await worker.engine.summarize('no such article anywhere')).ok).toBe(false);
    const briefs = [{}, { topic: 'budget' }, { since: new Date('2024-11-26T00:00:00Z') }, { limit: 0, excludeIds: new Set(['harbour.txt']) }];
    for (const options of briefs) expect(await worker.engine.brief(options)).toEqual(await local.brief(options));
    expect((await worker.engine.brief({ since: new Date('2024-11-26T00:00:00Z') })).flatMap((s) => s.sources.map((x) => x.id))).not.toContain('volcano.txt');
    for (const words of ['', 'budget', 'Aleppo palace']) expect(await worker.engine.sources(words)).toEqual(await local.sources(words));
    expect(await worker.engine.article('volcano.txt')).toEqual(engine.article('volcano.txt'));
    expect(await worker.engine.article('missing.txt')).toBeUndefined();
    expect(await worker.engine.size()).toBe(engine.size);
    expect(await worker.engine.matchTitles('volc')).toEqual(await local.matchTitles('volc'));
    expect(await worker.engine.matchTitles('volc')).toEqual([{ id: 'volcano.txt', title: 'Volcano erupts near Reykjavik', date: '2024-11-25T21:00:00Z', source: null, url: null }]);
    expect(await worker.engine.idForKey(articleKey('volcano.txt'))).toBe('volcano.txt');
    expect(await worker.engine.idForKey(articleKey('missing.txt'))).toBeUndefined();
    expect(await worker.engine.idForKey('volcano.txt')).toBeUndefined();
  });

  it('a failing call rejects with its error; the worker goes on answering', async () => {
    // a function cannot cross the thread boundary: this call fails, not the worker
    const uncloneable = { ...extra[0]!, url: (() => undefined) as unknown as string };
    await expect(worker.engine.add([uncloneable])).rejects.toThrow(/could not be cloned/);
    expect('exportState' in worker.engine).toBe(false);
    expect((await worker.engine.ask('Who captured the palace in Aleppo?')).answer.answer).toContain('Syrian rebels');
  });

  it('remove through the worker removes', async () => {
    await worker.engine.remove(['harbour.txt']);
    expect(await worker.engine.article('harbour.txt')).toBeUndefined();
    expect(await worker.engine.idForKey(articleKey('harbour.txt'))).toBeUndefined();
    expect((await worker.engine.ask('What will rise by 10 percent?')).answer.answer).toBeNull();
  });
});

describe('the engine worker owns ingestion', () => {
  it('a file added to the watched CORPUS_DIR becomes answerable, a removed one goes; the index is persisted for restarts', async () => {
    const corpus = makeTempDir('worker-corpus-');
    const data = makeTempDir('worker-data-');
    writeFileSync(join(corpus.dir, 'flood.txt'), 'River floods northern town\n\nThe river Lune burst its banks, flooding 200 homes in Kirkby.');
    const { log, lines } = memoryLog();
    const worker = await EngineWorker.start({ corpusDir: corpus.dir, dataDir: data.dir, log, saveDelayMs: 50 });
    try {
      expect(worker.articles).toBe(1);
      expect((await worker.engine.ask('Which river burst its banks?')).answer.answer).toMatch(/Lune/);
      expect((await worker.engine.ask('How strong was the earthquake in Porto Alba?')).answer.answer).toBeNull();
      writeFileSync(join(corpus.dir, 'quake.txt'), 'Earthquake shakes coastal city\n\nA magnitude 6.1 earthquake shook Porto Alba on Friday.');
      await waitFor(async () => (await worker.engine.article('quake.txt')) !== undefined, 'the new file in the engine');
      expect((await worker.engine.ask('How strong was the earthquake in Porto Alba?')).answer.quote).toMatch(/magnitude 6\.1/);
      unlinkSync(join(corpus.dir, 'flood.txt'));
      await waitFor(async () => (await worker.engine.article('flood.txt')) === undefined, 'the removed file gone');
      expect(await worker.engine.size()).toBe(1);
      // the worker's log lines come out of this thread's logger, marked as the engine's
      await waitFor(() => lines.some((l) => l.msg === 'persisted index updated'), 'the index re-saved');
      expect(lines.find((l) => l.msg === 'corpus indexed')).toMatchObject({ thread: 'engine', articles: 1, level: 30 });
      expect(await worker.feedHealth()).toEqual([]);
    } finally {
      await worker.stop();
      corpus.remove();
      data.remove();
    }
  });

  it('a corpus that cannot be read fails the start with CorpusUnreadableError', async () => {
    const error = await EngineWorker.start({ corpusDir: join(tmpdir(), 'no-such-corpus-folder-xyz'), log: silentLog }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(CorpusUnreadableError);
    expect((error as Error).message).toMatch(/not found/);
  });
});

describe('a crash of the engine worker', () => {
  let data: string;
  beforeAll(() => {
    data = mkdtempSync(join(tmpdir(), 'worker-crash-'));
  });
  afterAll(() => rmSync(data, { recursive: true, force: true }));

  it('rejects the call in flight, is logged, and the worker restarts from the persisted index and answers the next call', async () => {
    const { log, lines } = memoryLog();
    const worker = await EngineWorker.start({ corpusDir: SEEDS_DIR, dataDir: data, log, watch: false, entry: CRASHING_ENTRY });
    try {
      const before = worker.threadId;
      expect(before).not.toBeNull();
      const crashed = worker.engine.ask(CRASH_QUESTION);
      await expect(crashed).rejects.toBeInstanceOf(EngineUnavailableError);
      await expect(crashed).rejects.toThrow(/stopped while answering/);
      // the next call waits for the new worker
      expect((await worker.engine.ask('Who captured the palace in Aleppo?')).answer.answer).toContain('Syrian rebels');
      expect(worker.threadId).not.toBe(before);
      expect(lines.find((l) => l.msg === 'engine worker crashed')).toMatchObject({ level: 50, err: { message: 'simulated engine crash' } });
      expect(lines.some((l) => l.msg === 'engine worker exited; restarting it from the persisted index')).toBe(true);
      const restartedFrom = lines.slice(lines.findIndex((l) => l.msg === 'engine worker crashed'));
      expect(restartedFrom.some((l) => l.msg === 'persisted index loaded' && l.thread === 'engine')).toBe(true);
    } finally {
      await worker.stop();
    }
  });

  it('reaches a user as the internal-error reply with a reference; the next question is answered', async () => {
    const worker = await EngineWorker.start({ corpusDir: SEEDS_DIR, dataDir: data, log: silentLog, watch: false, entry: CRASHING_ENTRY });
    const store = await openStore({ dataDir: data });
    try {
      const bot = new Bot({ engine: worker.engine, store, log: silentLog });
      const ctx = { surface: 'slack' as const, conversationId: 'C1', userId: 'U1' };
      expect(await bot.handle({ name: 'ask', question: CRASH_QUESTION }, ctx)).toMatchObject({
        kind: 'error',
        code: 'internal',
        message: expect.stringMatching(/^Sorry, something went wrong \(reference [A-Z0-9]+\)\.$/),
      });
      expect(await bot.handle({ name: 'ask', question: 'Who captured the palace in Aleppo?' }, ctx)).toMatchObject({ kind: 'answer', answer: { answer: expect.stringContaining('Syrian rebels') } });
    } finally {
      await worker.stop();
      await store.close();
    }
  });

  it('after stop, calls fail at once and the thread is gone', async () => {
    const worker = await EngineWorker.start({ corpusDir: SEEDS_DIR, log: silentLog, watch: false });
    await worker.stop();
    expect(worker.threadId).toBeNull();
    await expect(worker.engine.size()).rejects.toBeInstanceOf(EngineUnavailableError);
  });
});
