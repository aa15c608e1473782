import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/** One request the stand-in received: a Web API call or a POST to a response_url. */
export interface RecordedCall {
  kind: 'api' | 'response_url';
  /** API method (`chat.postMessage`) or the response_url id. */
  method: string;
  headers: IncomingMessage['headers'];
  /** Parameters: form fields (JSON-looking values parsed) or the JSON body. */
  body: Record<string, unknown>;
  at: number;
}

export type ApiHandler = (params: Record<string, unknown>, call: RecordedCall) => Record<string, unknown> | HttpAnswer | Promise<Record<string, unknown> | HttpAnswer>;

/** An answer with its own HTTP status and headers (e.g. a 429 with Retry-After), from `SlackApiStub.http`. */
export interface HttpAnswer {
  http: { status: number; headers: Record<string, string>; body: unknown };
}

/** A message the stand-in keeps in a channel's history (what conversations.history returns). */
export interface StubMessage {
  type: 'message';
  ts: string;
  text: string;
  bot_id: string;
  blocks?: unknown;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

export const STUB_TEAM = 'T0TEST';
export const STUB_BOT_USER = 'UBOT';
export const STUB_BOT_ID = 'BBOT';

/**
 * A loopback stand-in for the Slack Web API (`…/api/<method>`) and for response_urls
 * (`…/respond/<id>`). It records every call, answers the usual methods as Slack does, and
 * lets a test override any method. Listens on 127.0.0.1 only.
 */
export class SlackApiStub {
  readonly calls: RecordedCall[] = [];
  /** Per-user timezones served by users.info. */
  readonly timezones = new Map<string, string>();
  /** Users that users.info reports as workspace admins. */
  readonly admins = new Set<string>();
  /** Messages posted with chat.postMessage, per channel, oldest first. */
  readonly history = new Map<string, StubMessage[]>();
  /** The Home tab last published for each user (`views.publish`). */
  readonly homeViews = new Map<string, Record<string, unknown>>();
  private readonly handlers = new Map<string, ApiHandler>();
  /** Pending injected failures: target → HTTP status and how many more times. */
  private readonly failures = new Map<string, { status: number; times: number }>();
  private readonly waiters = new Set<() => void>();
  private readonly sockets = new Set<Socket | Duplex>();
  private ts = 1_700_000_000;
  /** Set by a Socket Mode stand-in to take WebSocket upgrades. */
  onUpgrade: ((req: IncomingMessage, socket: Duplex, head: Buffer) => void) | null = null;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<SlackApiStub> {
    let stub!: SlackApiStub;
    const server = createServer((req, res) => void stub.handle(req, res));
    stub = new SlackApiStub(server);
    server.on('connection', (s) => {
      stub.sockets.add(s);
      s.on('close', () => stub.sockets.delete(s));
    });
    server.on('upgrade', (req, socket, head) => {
      stub.sockets.add(socket);
      socket.on('close', () => stub.sockets.delete(socket));
      if (stub.onUpgrade) stub.onUpgrade(req, socket, head);
      else socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return stub;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Web API base, with its trailing slash (what SLACK_API_URL holds). */
  get url(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/respond/${encodeURIComponent(id)}`;
  }

  /** Overrides the answer of one API method. */
  on(method: string, handler: ApiHandler): void {
    this.handlers.set(method, handler);
  }

  /** A custom answer with this HTTP status, headers and body. */
  static http(status: number, body: unknown, headers: Record<string, string> = {}): HttpAnswer {
    return { http: { status, headers, body } };
  }

  /**
   * The next `times` calls to `target` answer with HTTP `status` (still recorded) instead:
   * `target` is an API method (`chat.postMessage`), a response_url id, or `response_url` for any;
   * `times` 0 clears it.
   */
  failNext(target: string, status: number, times = 1): void {
    if (times <= 0) this.failures.delete(target);
    else this.failures.set(target, { status, times });
  }

  /** Takes one injected failure for this call, if any is pending. */
  private failure(targets: string[]): number | null {
    for (const t of targets) {
      const f = this.failures.get(t);
      if (!f) continue;
      if (--f.times <= 0) this.failures.delete(t);
      return f.status;
    }
    return null;
  }

  /** Back to the default answer of a method. */
  off(method: string): void {
    this.handlers.delete(method);
  }

  api(method?: string): RecordedCall[] {
    return this.calls.filter((c) => c.kind === 'api' && (method === undefined || c.method === method));
  }

  responses(id?: string): RecordedCall[] {
    return this.calls.filter((c) => c.kind === 'response_url' && (id === undefined || c.method === id));
  }

  /** Everything the bot sent out: message posts, updates, ephemerals and response_url bodies. */
  outbound(): RecordedCall[] {
    return this.calls.filter((c) => c.kind === 'response_url' || /^chat\./.test(c.method));
  }

  /** Resolves once `check` holds for the recorded calls; rejects after `timeoutMs`. */
  async waitFor(check: (stub: SlackApiStub) => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
    if (check(this)) return;
    await new Promise<void>((resolve, reject) => {
      const waiter = () => {
        if (!check(this)) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`timed out waiting for ${what}; calls: ${this.calls.map((c) => c.method).join(', ')}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Forgets the recorded calls (between tests). */
  reset(): void {
    this.calls.length = 0;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private record(call: RecordedCall): void {
    this.calls.push(call);
    for (const w of [...this.waiters]) w();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const body = parseBody(raw, req.headers['content-type'] ?? '');
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };

    const respond = /^\/respond\/(.+)$/.exec(path);
    if (respond && req.method === 'POST') {
      const id = decodeURIComponent(respond[1]!);
      this.record({ kind: 'response_url', method: id, headers: req.headers, body, at: Date.now() });
      const failed = this.failure([id, 'response_url']);
      if (failed !== null) {
        res.writeHead(failed, { 'content-type': 'text/plain' });
        res.end(failed >= 500 ? 'internal_error' : 'invalid_request');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
      return;
    }
    const api = /^\/api\/([\w.]+)$/.exec(path);
    if (!api) return json(404, { ok: false, error: 'unknown_path' });
    const method = api[1]!;
    const call: RecordedCall = { kind: 'api', method, headers: req.headers, body, at: Date.now() };
    this.record(call);
    const failed = this.failure([method]);
    if (failed !== null) return json(failed, { ok: false, error: failed >= 500 ? 'internal_error' : 'invalid_request' });
    const custom = this.handlers.get(method);
    const answer = custom ? await custom(body, call) : this.answer(method, body);
    if ('http' in answer && typeof answer.http === 'object') {
      const { status, headers, body: payload } = (answer as HttpAnswer).http;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
      return;
    }
    json(200, answer);
  }

  private answer(method: string, params: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://test.slack.com/', team: 'Test', user: 'briefing', team_id: STUB_TEAM, user_id: STUB_BOT_USER, bot_id: STUB_BOT_ID };
      case 'chat.postMessage':
      case 'chat.update': {
        const ts = `${++this.ts}.000100`;
        if (method === 'chat.postMessage') {
          const channel = String(params.channel ?? '');
          const message: StubMessage = {
            type: 'message',
            ts,
            text: String(params.text ?? ''),
            bot_id: STUB_BOT_ID,
            ...(params.blocks ? { blocks: params.blocks } : {}),
            ...(params.metadata ? { metadata: params.metadata as StubMessage['metadata'] } : {}),
          };
          this.history.set(channel, [...(this.history.get(channel) ?? []), message]);
        }
        return { ok: true, channel: params.channel, ts, message: { text: params.text, ts, bot_id: STUB_BOT_ID } };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${++this.ts}.000200` };
      case 'users.info': {
        const id = String(params.user ?? '');
        return { ok: true, user: { id, name: id.toLowerCase(), tz: this.timezones.get(id) ?? 'America/New_York', is_admin: this.admins.has(id), is_owner: false } };
      }
      case 'conversations.info':
        return { ok: true, channel: { id: params.channel, is_member: true } };
      case 'conversations.history': {
        // newest first, `limit` of them; metadata only when asked for, as Slack does
        const all = [...(this.history.get(String(params.channel ?? '')) ?? [])].reverse();
        const limit = Number(params.limit ?? 100) || 100;
        const withMetadata = params.include_all_metadata === true || params.include_all_metadata === 'true';
        const messages = all.slice(0, limit).map(({ metadata, ...m }) => (withMetadata && metadata ? { ...m, metadata } : m));
        return { ok: true, messages, has_more: all.length > limit };
      }
      case 'conversations.replies':
        return { ok: true, messages: [], has_more: false };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(params.users ?? '').split(',')[0]}` } };
      case 'views.publish': {
        // Slack's checks that matter here: a home view, at most 100 blocks
        const view = params.view as { type?: string; blocks?: unknown[] } | undefined;
        if (!view || view.type !== 'home' || !Array.isArray(view.blocks) || view.blocks.length > 100) return { ok: false, error: 'invalid_arguments' };
        this.homeViews.set(String(params.user_id ?? ''), view);
        return { ok: true, view: { id: `V${++this.ts}`, ...view } };
      }
      default:
        return { ok: true };
    }
  }
}

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.includes('application/json')) {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return { _raw: raw };
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (/^[[{]/.test(v)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        // not JSON after all
      }
    }
    out[k] = v;
  }
  return out;
}
