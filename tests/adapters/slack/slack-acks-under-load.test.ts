import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineTurns } from '../../../adapters/slack/engine-turns.ts';
import { fireBurstInChild } from '../../support/slack-burst-client.ts';
import { SIGNING_SECRET, startHarness, type Harness } from '../../support/slack-harness.ts';

/** Holds the event loop as synchronous engine work does. */
function busy(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // spin
  }
}

describe('engineTurns', () => {
  it('runs work one at a time, in order, each after pending I/O', async () => {
    const turn = engineTurns();
    const order: string[] = [];
    const done = Promise.all([1, 2, 3].map((i) => turn(async () => void order.push(`start ${i}`)).then(() => order.push(`end ${i}`))));
    order.push('sync');
    await done;
    expect(order[0]).toBe('sync');
    expect(order.filter((o) => o.startsWith('start'))).toEqual(['start 1', 'start 2', 'start 3']);
  });

  it('lets the next turn start when one waits on I/O longer than its share', async () => {
    const turn = engineTurns(50);
    let secondAt = 0;
    const started = Date.now();
    const first = turn(() => new Promise<void>((resolve) => setTimeout(resolve, 1000)));
    await turn(async () => void (secondAt = Date.now() - started));
    expect(secondAt).toBeLessThan(900);
    await first;
  });

  it('passes failures to their caller and keeps going', async () => {
    const turn = engineTurns();
    await expect(turn(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(turn(async () => 42)).resolves.toBe(42);
  });
});

describe('/brief acknowledgements under a burst (HTTP mode)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('acknowledges 30 concurrent commands while each one holds the event loop, and answers every one', async () => {
    const count = 30;
    const workMs = 40;
    // each command holds the event loop for workMs, as the engine does on a large corpus
    h.bot.override = () => {
      busy(workMs);
      return { kind: 'notice', text: 'done' };
    };
    try {
      const seenBefore = h.bot.seen.length;
      const ids = Array.from({ length: count }, (_, i) => `burst-${i}`);
      // the client in its own process, as Slack is
      const acks = await fireBurstInChild({
        eventsUrl: h.eventsUrl,
        secret: SIGNING_SECRET,
        commands: ids.map((id, i) => ({ text: `ask question number ${i}?`, responseUrl: h.stub.responseUrl(id), user: `U0BURST${i}` })),
      });
      for (const a of acks) expect(a.status).toBe(200);
      await h.stub.waitFor(() => ids.every((id) => h.stub.responses(id).length === 1), 15_000, 'every answer');
      expect(h.bot.seen.length - seenBefore).toBe(count);
      // (the ack latency target is measured by `bench:acks` on a real engine; here every ack and answer must arrive)
    } finally {
      h.bot.override = null;
    }
  });
});

describe('/brief under a burst with the engine in a worker thread (as npm start runs it)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ engine: 'worker', env: { RATE_LIMIT_PER_MINUTE: '0' } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('acknowledges 50 concurrent commands and delivers every answer, each computed by the worker', async () => {
    const count = 50;
    const kinds = [
      { text: 'ask who captured the palace in Aleppo?', expect: /Syrian rebels/ },
      { text: 'ask how many residents were evacuated near Reykjavik?', expect: /4,000/ },
      { text: 'volcano', expect: /Volcano erupts near Reykjavik/ },
      { text: 'summary volcano', expect: /Volcano erupts near Reykjavik/ },
      { text: 'sources budget', expect: /Harbour council approves budget/ },
    ];
    const seenBefore = h.bot.seen.length;
    const ids = Array.from({ length: count }, (_, i) => `worker-burst-${i}`);
    const acks = await fireBurstInChild({
      eventsUrl: h.eventsUrl,
      secret: SIGNING_SECRET,
      commands: ids.map((id, i) => ({ text: kinds[i % kinds.length]!.text, responseUrl: h.stub.responseUrl(id), user: `U0WBURST${i}` })),
    });
    expect(acks).toHaveLength(count);
    for (const a of acks) expect(a.status).toBe(200);
    await h.stub.waitFor(() => ids.every((id) => h.stub.responses(id).length === 1), 30_000, 'every answer');
    ids.forEach((id, i) => expect(JSON.stringify(h.stub.responses(id)[0]!.body)).toMatch(kinds[i % kinds.length]!.expect));
    expect(h.bot.seen.length - seenBefore).toBe(count);
    // the answers came from the worker thread (its log lines are marked)
    expect(h.logs.some((l) => l.msg === 'corpus indexed' && l.thread === 'engine')).toBe(true);
  });
});
