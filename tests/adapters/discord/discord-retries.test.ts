import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { PLATFORM_RETRY } from '../../../adapters/shared/retry.ts';
import { startHarness, type Harness } from '../../support/discord-harness.ts';

// discord.js REST (2.6) alone retries a 5xx at once, without waiting: the adapter's REST client
// leaves retrying to a back-off wrapper (adapters/shared/retry.ts). These tests run it end to end.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const ofToken = (kind: 'callback' | 'webhook-edit' | 'webhook-followup', token: string) => h.rest.of(kind).filter((r) => r.params.token === token);

describe('Discord REST 5xx and network failures', () => {
  it('retries an interaction callback answered 500, after a back-off, and the reply arrives', async () => {
    h.rest.failNext((r) => r.kind === 'callback', 500, { message: '500: Internal Server Error', code: 0 });
    const sent = h.slash('sources');
    const second = await h.waitForToken(sent.token, 'callback', 1);
    const [first] = ofToken('callback', sent.token);
    expect(second.body).toEqual(first!.body);
    // back-off: at least half of the first wait (jitter) between the two attempts
    expect(second.at - first!.at).toBeGreaterThanOrEqual(PLATFORM_RETRY.minTimeout / 2 - 5);
    const edit = await h.waitForToken(sent.token, 'webhook-edit');
    expect(edit.body.embeds?.length ?? 0).toBeGreaterThan(0);
    expect(ofToken('callback', sent.token)).toHaveLength(2);
    expect(h.logs.some((l) => l.msg === 'discord: REST request failed; retrying' && l.what === 'HTTP 500')).toBe(true);
  });

  it('retries a webhook edit answered 500 twice: the reply is edited in once, no apology', async () => {
    h.rest.failNext((r) => r.kind === 'webhook-edit', 500, { message: '500: Internal Server Error', code: 0 });
    h.rest.failNext((r) => r.kind === 'webhook-edit', 502, { message: 'Bad Gateway', code: 0 });
    const sent = h.slash('sources');
    const third = await h.waitForToken(sent.token, 'webhook-edit', 2);
    expect(third.response).toBeDefined(); // the stub answered it with the edited message
    await sleep(300);
    expect(ofToken('webhook-edit', sent.token)).toHaveLength(3);
    expect(ofToken('webhook-followup', sent.token)).toHaveLength(0);
    expect(h.logs.some((l) => l.msg === 'discord reply failed' && l.interactionId === sent.id)).toBe(false);
  });

  it('retries a webhook edit whose connection was reset (a network error)', async () => {
    h.rest.failNext((r) => r.kind === 'webhook-edit', 0, null);
    const sent = h.slash('sources');
    const second = await h.waitForToken(sent.token, 'webhook-edit', 1);
    expect(second.response).toBeDefined();
    expect(ofToken('webhook-followup', sent.token)).toHaveLength(0);
    const retried = h.logs.filter((l) => l.msg === 'discord: REST request failed; retrying').map((l) => String(l.what));
    expect(retried).toContain('ECONNRESET');
  });

  it('gives up after the bounded retries on a lasting 5xx (then apologises)', async () => {
    for (let i = 0; i <= PLATFORM_RETRY.retries; i++) h.rest.failNext((r) => r.kind === 'webhook-edit', 503, { message: 'Service Unavailable', code: 0 });
    const sent = h.slash('sources');
    const apology = await h.waitForToken(sent.token, 'webhook-followup');
    expect(apology.body.content).toMatch(/reference [A-Z0-9]{6}/);
    expect(ofToken('webhook-edit', sent.token)).toHaveLength(PLATFORM_RETRY.retries + 1);
  });

  it('does not retry a 4xx', async () => {
    h.rest.failNext((r) => r.kind === 'webhook-edit', 400, { message: 'Invalid Form Body', code: 50035 });
    const sent = h.slash('sources');
    await h.waitForToken(sent.token, 'webhook-followup');
    await sleep(300);
    expect(ofToken('webhook-edit', sent.token)).toHaveLength(1);
  });
});
