// The requests dev set through the Bot (Bot.handleText, as every free-text surface runs it): same intent, same content, and the cost on top of the command.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Bot } from '../src/bot/bot.ts';
import type { Reply } from '../src/bot/reply.ts';
import type { Engine } from '../src/engine/engine.ts';
import { createLogger } from '../src/logger.ts';
import { openStore } from '../src/store/open-store.ts';
import { BENCH_NOW, BENCH_ZONE, type RequestOutcome } from './requests-section.ts';

export interface BotRun {
  messages: number;
  /** The Bot read the same intent as the understanding alone. */
  intentSamePct: number;
  /** Of the messages where the engine showed something: the Bot showed the same (story ids, article, answer). */
  sameShownPct: number;
  sameShownOf: number;
  /** Content right (by the engine-direct checks) and shown the same by the Bot. */
  contentPct: number;
  /** The same, over the conversations without a time window (undated BBC articles fall outside every window through the Bot). */
  contentUnwindowedPct: number;
  unwindowed: number;
  /** Where they differ, in a few words. */
  differ: string[];
  /** ms of handleText beyond running the routed command alone (understanding, the last brief, follow-up context). */
  overheadP50Ms: number;
  overheadP99Ms: number;
  textP50Ms: number;
}

function shownOf(reply: Reply): string | undefined {
  switch (reply.kind) {
    case 'stories':
      return reply.stories.map((s) => s.sources[0]?.id ?? '').filter(Boolean).join(' ');
    case 'summary':
      return reply.summary.id;
    case 'sources':
      return reply.articles[0]?.id;
    case 'answer':
      return reply.answer.answer ?? undefined;
    default:
      return undefined;
  }
}

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1] ?? NaN;
};
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
const pct = (num: number, den: number) => (den ? round((100 * num) / den, 2) : 0);

/** Runs every conversation of the set through one Bot (fixed clock and zone), each in its own DM conversation. */
export async function runThroughBot(engine: Engine, outcomes: readonly RequestOutcome[]): Promise<BotRun> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-requests-'));
  const log = createLogger('silent');
  const store = await openStore({ dataDir: dir, log });
  try {
    const bot = new Bot({ engine, store, log, now: () => BENCH_NOW, defaultTimezone: BENCH_ZONE });
    let intentSame = 0;
    let sameShown = 0;
    let shownOfCount = 0;
    let content = 0;
    const differ: string[] = [];
    const windowed = new Set(outcomes.filter((o) => o.got.sinceWords !== undefined && !o.got.catchUp).map((o) => o.item.conv));
    let unwindowed = 0;
    let contentUnwindowed = 0;
    const overheads: number[] = [];
    const texts: number[] = [];
    for (const o of outcomes) {
      const ctx = { surface: 'slack', conversationId: `D-${o.item.conv}`, userId: `U-${o.item.conv}` } as const;
      const scratch = { ...ctx, conversationId: 'scratch' };
      // cost: the message said again (engine caches warm) beyond its routed command alone, run in a scratch conversation
      const t0 = performance.now();
      const { request, command, reply } = await bot.handleText(o.item.text, ctx);
      const tText = performance.now() - t0;
      texts.push(tText);
      if (command) {
        await bot.handle(command, scratch);
        const t2 = performance.now();
        await bot.handleText(o.item.text, ctx);
        const tAgain = performance.now() - t2;
        const t1 = performance.now();
        await bot.handle(command, scratch);
        overheads.push(tAgain - (performance.now() - t1));
      }
      if (request.intent === o.got.intent) intentSame++;
      const got = shownOf(reply);
      const same = o.shown === undefined || got === o.shown;
      if (o.shown !== undefined) {
        shownOfCount++;
        if (same) sameShown++;
        else differ.push(`${o.item.conv}#${o.item.turn} "${o.item.text.slice(0, 50)}": engine ${o.shown.slice(0, 60)} · bot ${(got ?? reply.kind).slice(0, 60)}`);
      }
      const right = o.contentOk && same && request.intent === o.got.intent;
      if (right) content++;
      if (!windowed.has(o.item.conv)) {
        unwindowed++;
        if (right) contentUnwindowed++;
      }
    }
    return {
      messages: outcomes.length,
      intentSamePct: pct(intentSame, outcomes.length),
      sameShownPct: pct(sameShown, shownOfCount),
      sameShownOf: shownOfCount,
      contentPct: pct(content, outcomes.length),
      contentUnwindowedPct: pct(contentUnwindowed, unwindowed),
      unwindowed,
      differ,
      overheadP50Ms: round(percentile(overheads, 50)),
      overheadP99Ms: round(percentile(overheads, 99)),
      textP50Ms: round(percentile(texts, 50)),
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
