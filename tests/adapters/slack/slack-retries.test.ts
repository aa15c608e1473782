import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTransient, PLATFORM_RETRY, withRetry } from '../../../adapters/shared/retry.ts';
import { backoffDelay, exponentialDelay } from '../../../src/backoff.ts';
import { sleep } from '../../support/slack-blocks.ts';
import { startHarness, type Harness } from '../../support/slack-harness.ts';

// Slack's WebClient retries 5xx/network errors itself (bounded here to PLATFORM_RETRY); Bolt's
// respond() posts to the response_url once, so the adapter retries it (adapters/shared/retry.ts).

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

let n = 0;
const newId = (name: string) => `${name}-${++n}`;
let clock = 1_700_200_000;
const mention = (channel: string, text: string) => ({ type: 'app_mention', user: 'U0BOB', text, ts: `${++clock}.000100`, channel });
const postsTo = (channel: string) => h.stub.api('chat.postMessage').filter((c) => c.body.channel === channel);
/** Longer than the first back-off wait can be (WebClient: minTimeout × up to 2 with randomize), with room to spare. */
const PAST_FIRST_RETRY_MS = PLATFORM_RETRY.minTimeout * 2 + 300;

describe('response_url posts (Bolt respond)', () => {
  it('retries a response_url answered 500 twice: the answer is delivered once, after back-off', async () => {
    const id = newId('retry');
    h.stub.failNext(id, 500, 2);
    const ack = await h.client.command({ text: 'ask how many residents were evacuated?', responseUrl: h.stub.responseUrl(id) });
    expect(ack.status).toBe(200);
    await h.stub.waitFor((s) => s.responses(id).length >= 3, 5000, 'three attempts');
    await sleep(400);
    const attempts = h.stub.responses(id);
    expect(attempts).toHaveLength(3); // 500, 500, then 200: no fourth post
    expect(attempts[2]!.body).toEqual(attempts[0]!.body); // the same answer each time, not an apology
    expect(String(attempts[2]!.body.text)).toContain('4,000');
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(PLATFORM_RETRY.minTimeout / 2 - 5);
    expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(PLATFORM_RETRY.minTimeout - 5);
    expect(h.logs.filter((l) => l.msg === 'slack: response_url post failed; retrying')).toHaveLength(2);
  });

  it('does not retry a response_url answered 4xx', async () => {
    const id = newId('gone');
    h.stub.failNext(id, 404, 10);
    await h.client.command({ text: 'ask how many residents were evacuated?', responseUrl: h.stub.responseUrl(id) });
    await h.stub.waitFor((s) => s.responses(id).length >= 2, 5000, 'answer and apology');
    await sleep(PAST_FIRST_RETRY_MS);
    const attempts = h.stub.responses(id);
    // one try of the answer, then one try of the apology; neither repeated
    expect(attempts).toHaveLength(2);
    expect(String(attempts[0]!.body.text)).toContain('4,000');
    expect(String(attempts[1]!.body.text)).toMatch(/^Sorry, something went wrong/);
  });
});

describe('Web API calls (WebClient retryConfig)', () => {
  it('retries chat.postMessage answered 500 twice: the answer is posted once', async () => {
    h.stub.failNext('chat.postMessage', 500, 2);
    await h.client.event(mention('C0RETRY', '<@UBOT> how many residents were evacuated?'));
    await h.stub.waitFor(() => postsTo('C0RETRY').length >= 3, 5000, 'three attempts');
    await sleep(400);
    expect(postsTo('C0RETRY')).toHaveLength(3);
    expect(h.stub.history.get('C0RETRY')).toHaveLength(1);
    expect(h.stub.history.get('C0RETRY')![0]!.text).toContain('4,000');
    const [a, b] = postsTo('C0RETRY');
    expect(b!.at - a!.at).toBeGreaterThanOrEqual(PLATFORM_RETRY.minTimeout - 5);
  });

  it('does not retry chat.postMessage answered with an HTTP 400', async () => {
    h.stub.failNext('chat.postMessage', 400, 10);
    await h.client.event(mention('C0BAD', '<@UBOT> how many residents were evacuated?'));
    await h.stub.waitFor(() => postsTo('C0BAD').length >= 2, 5000, 'answer and apology');
    await sleep(PAST_FIRST_RETRY_MS);
    // one try of the answer, one of the apology
    expect(postsTo('C0BAD')).toHaveLength(2);
    expect(h.stub.history.get('C0BAD')).toBeUndefined();
    h.stub.failNext('chat.postMessage', 400, 0); // clear what is left
  });
});

describe('retry helper', () => {
  const codeError = (code: string) => Object.assign(new Error(code), { code });
  it('retries 5xx and network errors only', () => {
    expect(isTransient({ statusCode: 503 })).toBe(true);
    expect(isTransient({ status: 500 })).toBe(true);
    for (const code of ['ECONNRESET', 'ETIMEDOUT', 'ECONNREFUSED']) expect(isTransient(codeError(code))).toBe(true);
    expect(isTransient(new TypeError('fetch failed', { cause: codeError('ECONNREFUSED') }))).toBe(true);
    expect(isTransient({ statusCode: 404 })).toBe(false);
    expect(isTransient({ statusCode: 429 })).toBe(false);
    expect(isTransient(new Error('boom'))).toBe(false);
  });

  it('backs off exponentially, capped, with jitter', () => {
    const policy = { retries: 5, factor: 2, minTimeout: 200, maxTimeout: 1000 };
    expect([1, 2, 3, 4].map((i) => backoffDelay(policy, i, () => 1))).toEqual([200, 400, 800, 1000]);
    expect([1, 2, 3, 4].map((i) => backoffDelay(policy, i, () => 0))).toEqual([100, 200, 400, 500]);
    // the poller's and the engine worker's schedule: the same curve without jitter
    expect([1, 2, 3, 4].map((i) => exponentialDelay(policy, i))).toEqual([200, 400, 800, 1000]);
  });

  it('stops after the bounded attempts and throws the last error', async () => {
    let calls = 0;
    const policy = { retries: 2, factor: 2, minTimeout: 1, maxTimeout: 2 };
    await expect(
      withRetry(
        async () => {
          calls++;
          throw codeError('ECONNRESET');
        },
        { policy },
      ),
    ).rejects.toThrow('ECONNRESET');
    expect(calls).toBe(3);
    calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw Object.assign(new Error('gone'), { statusCode: 410 });
        },
        { policy },
      ),
    ).rejects.toThrow('gone');
    expect(calls).toBe(1);
  });
});
