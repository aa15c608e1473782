/**
 * Slack HTTP mode refuses what it cannot trust before reading it (docs/bad-input.md, "Limits and
 * odd files"): unsigned or badly timed requests get 401 with the body unread, an over-long body
 * 413, reads beyond the concurrent cap 503; a signed request without a response_url and an
 * event callback with `event: null` get a clear answer, and nothing crashes.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SLACK_HTTP_LIMITS } from '../../../adapters/slack/guarded-receiver.ts';
import { sleep } from '../../support/slack-blocks.ts';
import { startHarness, type Harness } from '../../support/slack-harness.ts';
import { commandFields, eventEnvelope } from '../../support/slack-signed-client.ts';

const MAX_PENDING = 4;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ slackDeps: { httpLimits: { maxPendingBodies: MAX_PENDING } } });
});
afterAll(async () => {
  await h?.close();
});

interface Open {
  /** The answer, or 'no answer' when none came within the wait. */
  answer: (waitMs?: number) => Promise<{ status: number; body: string } | 'no answer'>;
  destroy: () => void;
}

/** A POST whose headers claim `length` bytes of which only `sent` are written: the body never finishes. */
function openPost(headers: Record<string, string>, length: number, sent = 16): Open {
  const url = new URL(h.eventsUrl);
  const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(length), ...headers } });
  const answered = new Promise<{ status: number; body: string }>((resolve) => {
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, body }));
    });
  });
  req.on('error', () => undefined); // the server closing an unread request is expected
  req.write(Buffer.alloc(sent, 'x'));
  return {
    answer: (waitMs = 2000) => Promise.race([answered, sleep(waitMs).then(() => 'no answer' as const)]),
    destroy: () => req.destroy(),
  };
}

const now = () => String(Math.floor(Date.now() / 1000));
/** Headers shaped like Slack's (a signature that fails verification, but only once the body is read). */
const plausible = (): Record<string, string> => ({ 'x-slack-signature': `v0=${'0'.repeat(64)}`, 'x-slack-request-timestamp': now() });

describe('Slack HTTP: refused before the body is read', () => {
  it('an unsigned 4 MB post gets 401 at once, its body unread', async () => {
    const open = openPost({}, 4 * 1024 * 1024, 1024);
    try {
      const answer = await open.answer();
      expect(answer).not.toBe('no answer');
      expect(answer !== 'no answer' && answer.status).toBe(401);
      expect(answer !== 'no answer' && JSON.parse(answer.body)).toEqual({ error: 'missing or malformed x-slack-signature' });
    } finally {
      open.destroy();
    }
  });

  it('a timestamp 10 minutes in the future, correctly signed, gets 401 and is not answered', async () => {
    const seen = h.bot.seen.length;
    const sent = await h.client.command({ text: 'ask how many residents were evacuated?', responseUrl: h.stub.responseUrl('future') }, { timestamp: Math.floor(Date.now() / 1000) + 10 * 60 });
    expect(sent.status).toBe(401);
    const stale = openPost({ ...plausible(), 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000) - 6 * 60) }, 100_000);
    try {
      const answer = await stale.answer();
      expect(answer !== 'no answer' && answer.status).toBe(401);
    } finally {
      stale.destroy();
    }
    await sleep(200);
    expect(h.bot.seen.length).toBe(seen);
  });

  it('a body declared over the cap gets 413 unread', async () => {
    const open = openPost(plausible(), DEFAULT_SLACK_HTTP_LIMITS.maxBodyBytes + 1);
    try {
      const answer = await open.answer();
      expect(answer !== 'no answer' && answer.status).toBe(413);
    } finally {
      open.destroy();
    }
  });

  it('reads beyond the concurrent cap get 503; once the slow ones go, requests are served again', async () => {
    const slow = Array.from({ length: MAX_PENDING }, () => openPost(plausible(), 10_000));
    try {
      await sleep(200); // all of them are being read now
      const extra = openPost(plausible(), 10_000);
      const answer = await extra.answer();
      extra.destroy();
      expect(answer !== 'no answer' && answer.status).toBe(503);
      expect(h.logs.some((l) => l.msg === 'slack: request refused before its body (503)')).toBe(true);
    } finally {
      for (const s of slow) s.destroy();
    }
    await sleep(200);
    const ok = await h.client.command({ text: 'help', responseUrl: h.stub.responseUrl('after-cap') });
    expect(ok.status).toBe(200);
  });
});

describe('Slack HTTP: signed but odd requests', () => {
  it('a /brief without response_url is answered in the acknowledgement, with no TypeError', async () => {
    const fields: Record<string, string> = commandFields({ text: 'ask how many residents were evacuated?', responseUrl: 'x' });
    delete fields.response_url;
    const sent = await h.client.send(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');
    expect(sent.status).toBe(200);
    expect(JSON.parse(sent.body)).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('without a response_url') });
    await sleep(300);
    const logged = JSON.stringify(h.logs);
    expect(logged).not.toMatch(/is not a function/);
    expect(h.logs.some((l) => l.msg === 'slack: /brief without a response_url; answered in the acknowledgement')).toBe(true);
  });

  it('an event callback with event: null gets 400, and the next mention is answered', async () => {
    const envelope = { ...eventEnvelope({ type: 'app_mention' }), event: null };
    const sent = await h.client.send(JSON.stringify(envelope), 'application/json');
    expect(sent.status).toBe(400);
    expect(JSON.parse(sent.body)).toEqual({ error: 'event_callback without an event object' });
    const next = await h.client.event({ type: 'app_mention', user: 'U0BOB', text: '<@UBOT> how many residents were evacuated?', ts: '1700009999.000100', channel: 'C0AFTERNULL' });
    expect(next.status).toBe(200);
    await h.stub.waitFor(() => h.stub.api('chat.postMessage').some((c) => c.body.channel === 'C0AFTERNULL'), 5000, 'the answer after event: null');
  });
});
