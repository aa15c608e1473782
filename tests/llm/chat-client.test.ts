import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChatClient, completionsUrl } from '../../src/llm/chat-client.ts';
import { buildAnswerPrompt } from '../../src/llm/build-prompt.ts';
import { FakeModelServer, promptPassages, quotablePhrase } from '../support/fake-model-server.ts';

const PASSAGES = [
  { articleId: 'volcano.txt', title: 'Volcano erupts near Reykjavik', date: '2024-11-25', text: 'A volcano erupted near Reykjavik on Monday night. Authorities evacuated 4,000 residents.' },
  { articleId: 'harbour.txt', title: 'Harbour council approves budget', date: null, text: 'The harbour council approved a budget of 40 million euros.' },
];
const messages = buildAnswerPrompt('How many residents were evacuated?', PASSAGES);

let model: FakeModelServer;
beforeAll(async () => {
  model = await FakeModelServer.start();
});
afterAll(async () => {
  await model?.stop();
});
beforeEach(() => {
  model.mode = 'good';
  model.requests.length = 0;
});

const client = (timeoutMs = 5000, apiKey?: string) => new ChatClient({ baseUrl: model.url, model: 'fake-1', timeoutMs, ...(apiKey ? { apiKey } : {}) });

describe('ChatClient against a loopback chat-completions server', () => {
  it('finds the endpoint from a base with or without /v1', () => {
    expect(completionsUrl('http://127.0.0.1:11434')).toBe('http://127.0.0.1:11434/v1/chat/completions');
    expect(completionsUrl('http://127.0.0.1:11434/v1/')).toBe('http://127.0.0.1:11434/v1/chat/completions');
    expect(completionsUrl('https://x.example/v1/chat/completions')).toBe('https://x.example/v1/chat/completions');
  });

  it('reads a non-streaming reply and sends the model, the numbered passages and the key as a bearer token', async () => {
    const r = await client(5000, 'sk-test-key-123456').complete(messages);
    const phrase = quotablePhrase(PASSAGES[0]!.text);
    expect(r).toEqual({ ok: true, text: `The first passage answers it [1]. It reports "${phrase}" [1].` });
    const req = model.requests[0]!;
    expect(req.path).toBe('/v1/chat/completions');
    expect(req.body).toMatchObject({ model: 'fake-1', stream: false });
    expect(req.headers.authorization).toBe('Bearer sk-test-key-123456');
    const prompt = req.body.messages!.find((m) => m.role === 'user')!.content;
    expect(promptPassages(prompt).map((p) => p.heading)).toEqual(['Volcano erupts near Reykjavik (article volcano.txt, 2024-11-25)', 'Harbour council approves budget (article harbour.txt)']);
  });

  it('streams server-sent events to [DONE], reporting the text so far', async () => {
    const seen: string[] = [];
    const r = await client().complete(messages, { onText: (t) => seen.push(t) });
    expect(r.ok).toBe(true);
    expect(model.requests[0]!.body.stream).toBe(true);
    expect(model.requests[0]!.headers.authorization).toBeUndefined();
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.at(-1)).toBe(r.ok ? r.text : '');
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.startsWith(seen[i - 1]!)).toBe(true);
  });

  it('returns HTTP errors, malformed replies and timeouts as reasons', async () => {
    model.mode = 'error500';
    expect(await client().complete(messages)).toEqual({ ok: false, reason: 'HTTP 500' });
    model.mode = 'malformed';
    expect(await client().complete(messages)).toEqual({ ok: false, reason: 'malformed reply: not JSON' });
    expect(await client().complete(messages, { onText: () => {} })).toEqual({ ok: false, reason: 'malformed stream: an event is not JSON' });
    model.mode = 'hang';
    expect(await client(150).complete(messages)).toEqual({ ok: false, reason: 'timeout after 150 ms' });
    expect(await client(150).complete(messages, { onText: () => {} })).toEqual({ ok: false, reason: 'timeout after 150 ms' });
  });

  it('says so when nothing listens', async () => {
    const dead = new ChatClient({ baseUrl: 'http://127.0.0.1:9', model: 'm', timeoutMs: 2000 });
    const r = await dead.complete(messages);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toMatch(/^network: /);
  });
});
