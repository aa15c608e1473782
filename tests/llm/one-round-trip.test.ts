/**
 * An LLM question costs one engine call (one worker round trip): `askWithPassages` brings the
 * offline answer and the passages the model may cite together, the same as `ask` and `passages`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Bot, type CallContext } from '../../src/bot/bot.ts';
import { parseConsoleLine } from '../../src/bot/command.ts';
import { engineApiOver, invokeEngine, localEngineApi } from '../../src/engine-host/engine-api.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { FakeModelServer } from '../support/fake-model-server.ts';
import { fakeGenerator } from '../support/llm-rig.ts';
import { loadSeedEngine } from '../support/seed-engine.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { silentLog } from '../support/test-log.ts';

const QUESTION = 'Who captured the palace in Aleppo?';
const FOLLOW_UP = 'When did they capture it?';
const temp = makeTempDir();
let model: FakeModelServer;
let engine: Engine;
let store: Store;

beforeAll(async () => {
  model = await FakeModelServer.start();
  engine = await loadSeedEngine();
  store = await openStore({ dataDir: temp.dir });
});
afterAll(async () => {
  await model?.stop();
  await store?.close();
  temp.remove();
});

/** A bot whose engine calls are counted by method, through the same generic call a worker uses. */
function countingBot(withModel: boolean): { bot: Bot; calls: string[] } {
  const calls: string[] = [];
  const api = engineApiOver(async (method, args) => {
    calls.push(method);
    return invokeEngine(localEngineApi(engine), method, args);
  });
  const bot = new Bot({ engine: api, store, log: silentLog, ...(withModel ? { generator: fakeGenerator(model.url, silentLog) } : {}) });
  return { bot, calls };
}

async function ask(bot: Bot, line: string, ctx: CallContext) {
  const parsed = parseConsoleLine(line);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return bot.handle(parsed.command, ctx);
}

describe('one engine call per LLM question', () => {
  it('askWithPassages returns what ask and passages return, for a question and a follow-up', () => {
    const first = engine.askWithPassages(QUESTION);
    expect(first).toEqual({ ...engine.ask(QUESTION), passages: engine.passages(QUESTION) });
    expect(first.passages.length).toBeGreaterThan(0);
    expect(engine.askWithPassages(FOLLOW_UP, first.turn)).toEqual({ ...engine.ask(FOLLOW_UP, first.turn), passages: engine.passages(FOLLOW_UP, first.turn) });
  });

  it('with a model, a question and its follow-up each make one engine call and the answer is generated from the passages', async () => {
    model.mode = 'good';
    const { bot, calls } = countingBot(true);
    const ctx: CallContext = { surface: 'console', conversationId: 'one-trip', userId: 'u1' };
    const reply = await ask(bot, QUESTION, ctx);
    expect(calls).toEqual(['askWithPassages']);
    expect(reply.kind === 'answer' && reply.answer.generated?.sources.length).toBeGreaterThan(0);
    await ask(bot, FOLLOW_UP, ctx);
    expect(calls).toEqual(['askWithPassages', 'askWithPassages']);
  });

  it('without a model, a question makes one plain ask (no passages retrieved)', async () => {
    const { bot, calls } = countingBot(false);
    const reply = await ask(bot, QUESTION, { surface: 'console', conversationId: 'offline', userId: 'u2' });
    expect(calls).toEqual(['ask']);
    expect(reply.kind === 'answer' && reply.answer.answer).toContain('Syrian rebels');
  });
});
