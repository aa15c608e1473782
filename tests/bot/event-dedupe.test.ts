// The Bot answers "have I seen this platform event?" for the adapters, over the once store it is given.
import { afterEach, describe, expect, it } from 'vitest';
import { Bot } from '../../src/bot/bot.ts';
import { openOnceStore, type OnceStore } from '../../src/store/once-store.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { loadSeedEngine } from '../support/seed-engine.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { silentLog } from '../support/test-log.ts';

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function replica(dataDir: string, once?: OnceStore): Promise<{ bot: Bot; store: Store }> {
  const store = await openStore({ dataDir });
  closers.push(() => store.close());
  return { bot: new Bot({ engine: await loadSeedEngine(), store, log: silentLog, ...(once ? { once } : {}) }), store };
}

describe('Bot.firstDelivery', () => {
  it('answers each event once across two Bots sharing the once file, and records it beside the state', async () => {
    const temp = makeTempDir();
    closers.push(temp.remove);
    const onceA = await openOnceStore({ dataDir: temp.dir });
    const onceB = await openOnceStore({ dataDir: temp.dir });
    closers.push(() => onceA.close(), () => onceB.close());
    const a = await replica(temp.dir, onceA);
    const b = await replica(temp.dir, onceB);
    expect(await a.bot.firstDelivery('slack', 'Ev1')).toBe(true);
    expect(await b.bot.firstDelivery('slack', 'Ev1')).toBe(false);
    expect(await a.bot.firstDelivery('slack', 'Ev1')).toBe(false);
    expect(await b.bot.firstDelivery('slack', 'Ev2')).toBe(true);
    expect(await a.store.get('slack-event', 'Ev1')).toBeDefined();
  });

  it('keeps one surface apart from another', async () => {
    const temp = makeTempDir();
    closers.push(temp.remove);
    const { bot } = await replica(temp.dir);
    expect(await bot.firstDelivery('slack', 'Ev1')).toBe(true);
    expect(await bot.firstDelivery('discord', 'Ev1')).toBe(true);
    expect(await bot.firstDelivery('discord', 'Ev1')).toBe(false);
  });

  it('falls back to this process when the once store fails: the first delivery is answered, a repeat is not', async () => {
    const temp = makeTempDir();
    closers.push(temp.remove);
    const broken: OnceStore = { kind: 'memory', first: () => Promise.reject(new Error('SQLITE_BUSY')), close: async () => undefined };
    const { bot } = await replica(temp.dir, broken);
    expect(await bot.firstDelivery('slack', 'EvDown')).toBe(true);
    expect(await bot.firstDelivery('slack', 'EvDown')).toBe(false);
  });
});
