import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * What the stand-in model does with the next requests:
 * - `good`: answers citing passage [1] with a verbatim quote from it (two sentences);
 * - `bad-citation`: cites a passage number that was not given;
 * - `misquote`: a good first sentence, then a "quote" that is not in passage [1];
 * - `no-citation`: plain text without any [n];
 * - `hang`: accepts the request and never answers;
 * - `error500`: HTTP 500;
 * - `malformed`: a cut-off JSON body, or a stream event that is not JSON.
 */
export type ModelMode = 'good' | 'bad-citation' | 'misquote' | 'no-citation' | 'hang' | 'error500' | 'malformed';

export interface ModelRequest {
  body: {
    model?: string;
    stream?: boolean;
    messages?: { role: string; content: string }[];
  };
  headers: IncomingMessage['headers'];
  path: string;
}

/** A passage as the prompt shows it: `[n] title (article id, date)` then its text. */
export interface PromptedPassage {
  n: number;
  heading: string;
  text: string;
}

/** Reads the numbered passages back out of a prompt built by build-prompt.ts. */
export function promptPassages(prompt: string): PromptedPassage[] {
  const block = prompt.split(/\n\n(?:Question|Summarize)/)[0]!.replace(/^Passages:\n\n/, '');
  const out: PromptedPassage[] = [];
  for (const part of block.split(/\n\n(?=\[\d+\] )/)) {
    const m = /^\[(\d+)\] ([^\n]*)\n([\s\S]*)$/.exec(part);
    if (m) out.push({ n: Number(m[1]), heading: m[2]!, text: m[3]! });
  }
  return out;
}

/** Up to 10 words of the passage's first sentence, with no quote marks in them: a phrase safe to quote. */
export function quotablePhrase(text: string): string {
  const first = text.split(/(?<=[.!?])\s/)[0] ?? text;
  const clean = first.split(/["“”]/)[0]!.replace(/[.!?,;:]+$/, '').trim();
  return clean.split(/\s+/).slice(0, 10).join(' ');
}

/** The text the stand-in model writes for a mode, from the passages it was given. */
export function scriptFor(mode: ModelMode, passages: PromptedPassage[]): string {
  const phrase = quotablePhrase(passages[0]?.text ?? 'nothing');
  switch (mode) {
    case 'bad-citation':
      return `The answer is in the passages [${passages.length + 3}].`;
    case 'misquote':
      return `The first passage covers it [1]. It says "${phrase} and the moon landed in Paris" [1].`;
    case 'no-citation':
      return 'The answer is probably yes, as everyone knows.';
    default:
      return `The first passage answers it [1]. It reports "${phrase}" [1].`;
  }
}

/**
 * A loopback stand-in for an OpenAI-compatible `/v1/chat/completions` endpoint, streaming
 * (`data: {…}` server-sent events ending in `data: [DONE]`) and not. Records every request.
 * `hold()` pauses a stream after its first sentence until `release()`, so a test can see a
 * partial answer shown before the rest arrives (no timing involved).
 */
export class FakeModelServer {
  mode: ModelMode = 'good';
  readonly requests: ModelRequest[] = [];
  private held: { promise: Promise<void>; release: () => void } | null = null;
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeModelServer> {
    let fake!: FakeModelServer;
    const server = createServer((req, res) => {
      void fake.handle(req, res).catch(() => res.destroy());
    });
    fake = new FakeModelServer(server);
    server.on('connection', (s) => {
      fake.sockets.add(s);
      s.on('close', () => fake.sockets.delete(s));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** The base URL as LLM_BASE_URL holds it (`…/v1`). */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  /** Streams pause after their first sentence until `release()`. */
  hold(): void {
    let release!: () => void;
    const promise = new Promise<void>((r) => (release = r));
    this.held = { promise, release };
  }

  release(): void {
    this.held?.release();
    this.held = null;
  }

  async stop(): Promise<void> {
    this.release();
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    let body: ModelRequest['body'] = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ModelRequest['body'];
    } catch {
      // recorded as empty
    }
    this.requests.push({ body, headers: req.headers, path });
    if (req.method !== 'POST' || path !== '/v1/chat/completions') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
      return;
    }
    const mode = this.mode;
    if (mode === 'hang') return; // the socket stays open until the client gives up or the server stops
    if (mode === 'error500') {
      res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"message":"model crashed"}}');
      return;
    }
    const prompt = body.messages?.find((m) => m.role === 'user')?.content ?? '';
    const text = scriptFor(mode, promptPassages(prompt));
    if (!body.stream) {
      res.writeHead(200, { 'content-type': 'application/json' });
      if (mode === 'malformed') res.end('{"id":"x","choices":[{"message":{"content":"cut off');
      else res.end(JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion', model: body.model, choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }] }));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const event = (content: string, finish: string | null = null) =>
      `data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', model: body.model, choices: [{ index: 0, delta: { content }, finish_reason: finish }] })}\n\n`;
    if (mode === 'malformed') {
      res.write(event('The first'));
      res.end('data: {"choices": [ {"delta": \n\n');
      return;
    }
    // the first sentence and the start of the next, then (when held) a pause, then the rest
    const cut = text.indexOf('. ') + 6;
    const pieces = [text.slice(0, Math.max(6, cut)), text.slice(Math.max(6, cut))];
    for (const [i, piece] of pieces.entries()) {
      for (let at = 0; at < piece.length; at += 12) res.write(event(piece.slice(at, at + 12)));
      if (i === 0 && this.held) await this.held.promise;
    }
    res.write(event('', 'stop'));
    res.end('data: [DONE]\n\n');
  }
}
