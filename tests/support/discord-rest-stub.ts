/**
 * A loopback stand-in for Discord's REST API (v10) under `/api`, enough for the real
 * discord.js client: the gateway address, the bot user, command registration, interaction
 * callbacks (204, no body), webhook edits/follow-ups/deletes, channel messages and typing.
 * Every request is recorded with its parsed JSON body.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { messagePayload, snowflake, type GatewayUser } from './discord-gateway-stub.ts';

export type RequestKind =
  | 'gateway'
  | 'me'
  | 'commands'
  | 'callback'
  | 'webhook-edit'
  | 'webhook-followup'
  | 'webhook-delete'
  | 'channel-message'
  | 'channel-edit'
  | 'channel-history'
  | 'dm-open'
  | 'typing'
  | 'unknown';

export interface RecordedRequest {
  kind: RequestKind;
  method: string;
  /** Decoded path after `/api/v10`, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  /** The raw path as received (percent-encoding kept). */
  rawPath: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: any;
  /** Ids parsed from the path: interaction id/token, webhook app id/token, channel id. */
  params: Record<string, string>;
  at: number;
  /** The JSON the stub answered with (a created message, registered commands…), if any. */
  response?: any;
}

/** A message as it would be posted: the request kinds that create or edit one. */
export const MESSAGE_KINDS: readonly RequestKind[] = ['webhook-edit', 'webhook-followup', 'channel-message', 'channel-edit'];

export interface RestStubOptions {
  user: GatewayUser;
  applicationId: string;
  gatewayUrl: string;
}

interface Failure {
  match: (r: RecordedRequest) => boolean;
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export class DiscordRestStub {
  readonly requests: RecordedRequest[] = [];
  /** Interaction token → channel id, so webhook replies carry a channel like Discord's do. */
  readonly interactionChannels = new Map<string, string>();
  /** Messages created with `POST /channels/{id}/messages`, per channel, oldest first (what `GET …/messages` returns). */
  readonly channelHistory = new Map<string, Record<string, unknown>[]>();
  private readonly failures: Failure[] = [];
  private readonly waiters: { match: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }[] = [];

  private constructor(
    private readonly server: Server,
    private readonly options: RestStubOptions,
  ) {}

  /** The REST base to give discord.js (`rest.api`), without the version. */
  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/api`;
  }

  static async start(options: RestStubOptions): Promise<DiscordRestStub> {
    const server = createServer();
    const stub = new DiscordRestStub(server, options);
    server.on('request', (req, res) => void stub.handle(req, res));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return stub;
  }

  /** Requests of these kinds, in order. */
  of(...kinds: RequestKind[]): RecordedRequest[] {
    return this.requests.filter((r) => kinds.includes(r.kind));
  }

  /** Requests that posted or edited a message (where allowed_mentions matter). */
  messages(): RecordedRequest[] {
    return this.requests.filter(
      (r) => MESSAGE_KINDS.includes(r.kind) || (r.kind === 'callback' && [4, 7].includes((r.body as { type?: number })?.type ?? -1)),
    );
  }

  /** Resolves with the first recorded request (past or future) matching. */
  waitFor(match: (r: RecordedRequest) => boolean, timeoutMs = 10_000): Promise<RecordedRequest> {
    const seen = this.requests.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter = { match, resolve: (r: RecordedRequest) => (clearTimeout(timer), resolve(r)) };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`REST stub: no matching request within ${timeoutMs} ms; saw ${this.requests.map((r) => `${r.method} ${r.path}`).join(', ')}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /**
   * The next request matching gets this error response instead (once), with these headers (e.g. Retry-After);
   * status 0: the connection is reset instead of answered (a network error).
   */
  failNext(match: (r: RecordedRequest) => boolean, status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.failures.push({ match, status, body, headers });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private message(channelId: string, body: any, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return messagePayload({
      type: body?.message_reference ? 19 : 0,
      channel_id: channelId,
      author: { id: this.options.user.id, username: this.options.user.username, discriminator: '0', global_name: null, avatar: null, bot: true },
      content: body?.content ?? '',
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      flags: body?.flags ?? 0,
      ...(body?.message_reference ? { message_reference: body.message_reference } : {}),
      ...extra,
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rawPath = url.pathname.replace(/^\/api\/v10/, '');
    const path = decodeURIComponent(rawPath);
    let body: any = null;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const method = req.method ?? 'GET';
    const record: RecordedRequest = { kind: 'unknown', method, path, rawPath, query: url.searchParams, headers: req.headers, body, params: {}, at: Date.now() };

    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      record.response = value;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(value));
    };
    const empty = () => {
      res.writeHead(204);
      res.end();
    };

    let m: RegExpExecArray | null;
    let respond: () => void;
    if (method === 'GET' && path === '/gateway/bot') {
      record.kind = 'gateway';
      respond = () =>
        json(200, { url: this.options.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } });
    } else if (method === 'GET' && path === '/users/@me') {
      record.kind = 'me';
      respond = () => json(200, { id: this.options.user.id, username: this.options.user.username, discriminator: '0', bot: true, avatar: null });
    } else if (method === 'PUT' && (m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
      record.kind = 'commands';
      record.params = { appId: m[1]!, ...(m[2] ? { guildId: m[2] } : {}) };
      const guildId = m[2];
      respond = () =>
        json(
          200,
          (Array.isArray(body) ? body : []).map((c: Record<string, unknown>) => ({
            id: snowflake(),
            application_id: this.options.applicationId,
            version: snowflake(),
            default_member_permissions: null,
            type: 1,
            ...(guildId ? { guild_id: guildId } : {}),
            ...c,
          })),
        );
    } else if (method === 'POST' && (m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
      record.kind = 'callback';
      record.params = { interactionId: m[1]!, token: m[2]! };
      respond = empty; // Discord answers 204 with no body unless with_response=true
    } else if ((m = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/.exec(path)) && (method === 'PATCH' || method === 'DELETE')) {
      record.params = { appId: m[1]!, token: m[2]!, message: m[3]! };
      const token = m[2]!;
      if (method === 'PATCH') {
        record.kind = 'webhook-edit';
        respond = () => json(200, this.message(this.interactionChannels.get(token) ?? '0', body, { webhook_id: m![1] }));
      } else {
        record.kind = 'webhook-delete';
        respond = empty;
      }
    } else if (method === 'POST' && (m = /^\/webhooks\/(\d+)\/([^/]+)$/.exec(path))) {
      record.kind = 'webhook-followup';
      record.params = { appId: m[1]!, token: m[2]! };
      const token = m[2]!;
      respond = () => json(200, this.message(this.interactionChannels.get(token) ?? '0', body, { webhook_id: m![1] }));
    } else if (method === 'POST' && (m = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      record.kind = 'channel-message';
      record.params = { channelId: m[1]! };
      const channelId = m[1]!;
      respond = () => {
        const created = this.message(channelId, body);
        this.channelHistory.set(channelId, [...(this.channelHistory.get(channelId) ?? []), created]);
        json(200, created);
      };
    } else if (method === 'PATCH' && (m = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path))) {
      record.kind = 'channel-edit';
      record.params = { channelId: m[1]!, messageId: m[2]! };
      const [channelId, messageId] = [m[1]!, m[2]!];
      respond = () => {
        const list = this.channelHistory.get(channelId) ?? [];
        const at = list.findIndex((x: { id?: string }) => x.id === messageId);
        if (at < 0) return json(404, { message: 'Unknown Message', code: 10008 });
        const edited = { ...list[at], ...(body as object), id: messageId, edited_timestamp: new Date().toISOString() };
        list[at] = edited;
        json(200, edited);
      };
    } else if (method === 'GET' && (m = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      record.kind = 'channel-history';
      record.params = { channelId: m[1]! };
      const channelId = m[1]!;
      // newest first, at most `limit` (default 50), as Discord answers
      const limit = Math.min(100, Number(url.searchParams.get('limit') ?? 50) || 50);
      respond = () => json(200, [...(this.channelHistory.get(channelId) ?? [])].reverse().slice(0, limit));
    } else if (method === 'POST' && path === '/users/@me/channels') {
      record.kind = 'dm-open';
      const recipient = String((body as { recipient_id?: unknown } | null)?.recipient_id ?? '');
      respond = () => json(200, { id: snowflake(), type: 1, last_message_id: null, flags: 0, recipients: [{ id: recipient, username: 'user', discriminator: '0', global_name: null, avatar: null }] });
    } else if (method === 'POST' && (m = /^\/channels\/(\d+)\/typing$/.exec(path))) {
      record.kind = 'typing';
      record.params = { channelId: m[1]! };
      respond = empty;
    } else {
      respond = () => json(404, { message: `stub: unknown route ${method} ${path}`, code: 0 });
    }

    this.requests.push(record);
    const failure = this.failures.find((f) => f.match(record));
    if (failure) {
      this.failures.splice(this.failures.indexOf(failure), 1);
      if (failure.status === 0) req.socket.resetAndDestroy();
      else json(failure.status, failure.body, failure.headers);
    } else respond();
    for (const waiter of [...this.waiters]) {
      if (waiter.match(record)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(record);
      }
    }
  }
}
