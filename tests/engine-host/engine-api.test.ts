import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Bot } from '../../src/bot/bot.ts';
import type { DigestSource } from '../../src/bot/digest-commands.ts';
import {
  engineApiOver,
  engineMethods,
  INGESTION_METHODS,
  invokeEngine,
  localEngineApi,
  QUERY_METHODS,
  toEngineQueries,
  type EngineIngestion,
  type EngineQueries,
} from '../../src/engine-host/engine-api.ts';
import type { Engine } from '../../src/engine/engine.ts';
import type { DigestService } from '../../src/schedule/digest-service.ts';
import type { SchedulerOptions } from '../../src/schedule/scheduler.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { loadSeedEngine, SEED_ID } from '../support/seed-engine.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { silentLog } from '../support/test-log.ts';

/**
 * Compile-time guards, checked by `npm run typecheck` (never called): each `@ts-expect-error`
 * fails typecheck as unused the day the Bot's or the schedule's engine type gains that member.
 */
export function engineTypeGuards(bot: Bot, service: DigestService, scheduler: SchedulerOptions, commands: DigestSource): unknown[] {
  return [
    // @ts-expect-error the Bot's engine offers no ingestion
    bot['engine'].add,
    // @ts-expect-error the Bot's engine offers no ingestion
    bot['engine'].remove,
    // @ts-expect-error nor the whole corpus
    bot['engine'].listArticles,
    // @ts-expect-error the digest service's engine offers no ingestion
    service.engine.add,
    // @ts-expect-error the scheduler's engine offers no ingestion
    scheduler.engine.remove,
    // @ts-expect-error the digest commands' engine offers no ingestion
    commands.engine.add,
  ];
}

/** No name is both a query and an ingestion method (true, or typecheck fails). */
type Overlap = Extract<keyof EngineQueries, keyof EngineIngestion | 'listArticles' | 'exportState'>;
const queriesAreQueries: [Overlap] extends [never] ? true : false = true;

let engine: Engine;
let store: Store;
const temp = makeTempDir('engine-api-');
beforeAll(async () => {
  engine = await loadSeedEngine();
  store = await openStore({ dataDir: temp.dir });
});
afterAll(async () => {
  await store?.close();
  temp.remove();
});

const sorted = (names: Iterable<string>) => [...names].sort();

describe('the engine interfaces', () => {
  it('query and ingestion lists are disjoint, and the worker proxy offers exactly both', () => {
    expect(queriesAreQueries).toBe(true);
    for (const name of INGESTION_METHODS) expect(QUERY_METHODS as readonly string[]).not.toContain(name);
    const proxy = engineApiOver(async () => undefined);
    expect(sorted(Object.keys(proxy))).toEqual(sorted([...QUERY_METHODS, ...INGESTION_METHODS]));
    expect(sorted(Object.keys(localEngineApi(engine)))).toEqual(sorted(engineMethods()));
  });

  it('the Bot holds only the query methods at run time, given a plain Engine or the full proxy', async () => {
    const calls: string[] = [];
    const proxy = engineApiOver(async (method, args) => {
      calls.push(method);
      return invokeEngine(localEngineApi(engine), method, args);
    });
    for (const given of [engine, proxy]) {
      const bot = new Bot({ engine: given, store, log: silentLog });
      const held = bot['engine'] as unknown as Record<string, unknown>;
      expect(sorted(Object.keys(held))).toEqual(sorted(QUERY_METHODS));
      for (const name of [...INGESTION_METHODS, 'listArticles', 'exportState', 'passages']) expect(held[name]).toBeUndefined();
      expect(await bot.articleCount()).toBe(engine.size);
    }
    expect(calls).toEqual(['size']);
    expect(sorted(Object.keys(toEngineQueries(engine)))).toEqual(sorted(QUERY_METHODS));
  });

  it('the local interface answers as the Engine does, and an unknown method is refused', async () => {
    const local = localEngineApi(engine);
    expect(await local.ask('Who captured the palace in Aleppo?')).toEqual(engine.ask('Who captured the palace in Aleppo?'));
    expect(await local.summarize(SEED_ID, 2)).toEqual(engine.summarize(SEED_ID, 2));
    expect(await local.sources('palace')).toEqual(engine.sources('palace'));
    expect(await local.size()).toBe(engine.size);
    expect(() => invokeEngine(local, 'exportState', [])).toThrow(/offers no "exportState"/);
    expect(() => invokeEngine(local, 'listArticles', [])).toThrow(/offers no "listArticles"/);
  });
});
