/**
 * A loopback stand-in for Discord's WebSocket gateway (v10, JSON, no compression), enough for
 * the real discord.js client: HELLO → IDENTIFY → READY (+ GUILD_CREATE per guild), heartbeats
 * answered with ACKs, dispatches with sequence numbers, and RESUME replaying what the client
 * missed while disconnected, then RESUMED.
 */
import { EventEmitter, once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';

export const Op = { Dispatch: 0, Heartbeat: 1, Identify: 2, Resume: 6, Reconnect: 7, InvalidSession: 9, Hello: 10, HeartbeatAck: 11 } as const;

export interface GatewayPayload {
  op: number;
  d: unknown;
  s?: number | null;
  t?: string | null;
}

let counter = 0n;
/** A fresh snowflake (increasing, with a plausible timestamp). */
export function snowflake(): string {
  counter += 1n;
  return (((BigInt(Date.now()) - 1420070400000n) << 22n) + (counter % 4096n)).toString();
}

export interface GatewayUser {
  id: string;
  username: string;
  bot?: boolean;
}

export interface GatewayStubOptions {
  user: GatewayUser;
  applicationId: string;
  /** Full GUILD_CREATE payloads, sent after READY. */
  guilds: Record<string, unknown>[];
  /** Sent in HELLO; discord.js heartbeats this often (first one after a random share of it). */
  heartbeatIntervalMs?: number;
}

interface Session {
  id: string;
  seq: number;
  /** Every dispatch of the session, for replay on RESUME. */
  events: GatewayPayload[];
  socket: WebSocket | null;
}

export class DiscordGatewayStub extends EventEmitter {
  readonly url: string;
  /** Every payload the client sent, in order. */
  readonly received: GatewayPayload[] = [];
  readonly sessions: Session[] = [];
  heartbeatAcks = 0;
  connections = 0;
  private readonly sockets = new Set<WebSocket>();

  private constructor(
    private readonly server: WebSocketServer,
    private readonly options: GatewayStubOptions,
  ) {
    super();
    const { port } = server.address() as AddressInfo;
    this.url = `ws://127.0.0.1:${port}`;
    server.on('connection', (socket) => this.onConnection(socket));
  }

  static async start(options: GatewayStubOptions): Promise<DiscordGatewayStub> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await once(server, 'listening');
    return new DiscordGatewayStub(server, options);
  }

  get session(): Session | undefined {
    return this.sessions[this.sessions.length - 1];
  }

  ops(op: number): GatewayPayload[] {
    return this.received.filter((p) => p.op === op);
  }

  /** Sends a dispatch to the current session; while the client is away it is kept for RESUME. */
  dispatch(t: string, d: unknown): number {
    const session = this.session;
    if (!session) throw new Error('no gateway session: the client has not identified');
    const payload: GatewayPayload = { op: Op.Dispatch, t, s: ++session.seq, d };
    session.events.push(payload);
    if (session.socket?.readyState === WebSocket.OPEN) session.socket.send(JSON.stringify(payload));
    return payload.s!;
  }

  /** Drops the client's connection with a close code that discord.js answers by resuming (4000). */
  async disconnect(code = 4000): Promise<void> {
    const session = this.session;
    const socket = session?.socket;
    if (!session || !socket) throw new Error('no connected session');
    session.socket = null;
    const closed = once(socket, 'close');
    socket.close(code, 'stub disconnect');
    await closed;
  }

  /** Resolves at the next emitted event of that name ('ready', 'resumed', 'identify', 'heartbeat'). */
  next(event: 'ready' | 'resumed' | 'identify' | 'heartbeat', timeoutMs = 10_000): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off(event, onEvent);
        reject(new Error(`gateway stub: no ${event} within ${timeoutMs} ms`));
      }, timeoutMs);
      const onEvent = (value: unknown) => {
        clearTimeout(timer);
        resolve(value);
      };
      this.once(event, onEvent);
    });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private send(socket: WebSocket, payload: GatewayPayload): void {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(payload));
  }

  private onConnection(socket: WebSocket): void {
    this.connections += 1;
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('message', (raw) => {
      let payload: GatewayPayload;
      try {
        payload = JSON.parse(String(raw)) as GatewayPayload;
      } catch {
        socket.close(4002, 'decode error');
        return;
      }
      this.received.push(payload);
      this.onPayload(socket, payload);
    });
    this.send(socket, { op: Op.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs ?? 45_000 } });
  }

  private onPayload(socket: WebSocket, payload: GatewayPayload): void {
    switch (payload.op) {
      case Op.Heartbeat:
        this.heartbeatAcks += 1;
        this.send(socket, { op: Op.HeartbeatAck, d: null });
        this.emit('heartbeat');
        return;
      case Op.Identify: {
        const session: Session = { id: `session-${snowflake()}`, seq: 0, events: [], socket };
        this.sessions.push(session);
        this.emit('identify', payload.d);
        this.dispatch('READY', {
          v: 10,
          user: { id: this.options.user.id, username: this.options.user.username, discriminator: '0', global_name: null, avatar: null, bot: true, flags: 0 },
          guilds: this.options.guilds.map((g) => ({ id: g.id, unavailable: true })),
          session_id: session.id,
          resume_gateway_url: this.url,
          shard: [0, 1],
          application: { id: this.options.applicationId, flags: 0 },
          private_channels: [],
          relationships: [],
          user_settings: {},
          presences: [],
          guild_join_requests: [],
          geo_ordered_rtc_regions: [],
        });
        for (const guild of this.options.guilds) this.dispatch('GUILD_CREATE', guild);
        this.emit('ready', session);
        return;
      }
      case Op.Resume: {
        const d = payload.d as { session_id: string; seq: number | null };
        const session = this.sessions.find((s) => s.id === d.session_id);
        if (!session) {
          this.send(socket, { op: Op.InvalidSession, d: false });
          return;
        }
        session.socket = socket;
        for (const event of session.events) if (event.s! > (d.seq ?? 0)) this.send(socket, event);
        this.dispatch('RESUMED', {});
        this.emit('resumed', { session, seq: d.seq });
        return;
      }
      default:
        return;
    }
  }
}

/** A Discord message object as the API sends it: the fields discord.js reads, with `fields` on top. */
export function messagePayload(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    id: snowflake(),
    type: 0,
    content: '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    flags: 0,
    ...fields,
  };
}
