import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { SlackApiStub } from './slack-api-stub.ts';

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/**
 * A stand-in for Slack's Socket Mode endpoint on the API stub's own port: `apps.connections.open`
 * returns `ws://127.0.0.1:PORT/socket`, where a minimal WebSocket server (RFC 6455 text, ping,
 * close frames) says hello, delivers envelopes and records the client's acknowledgements.
 */
export class SlackSocketStub {
  /** Every JSON message the client sent (acknowledgements: `{envelope_id, payload?}`). */
  readonly received: Record<string, unknown>[] = [];
  private socket: Duplex | null = null;
  private buffer = Buffer.alloc(0);
  private fragments: Buffer[] = [];
  private readonly waiters = new Set<() => void>();
  connections = 0;

  constructor(private readonly api: SlackApiStub) {
    api.on('apps.connections.open', () => ({ ok: true, url: `ws://127.0.0.1:${api.port}/socket` }));
    api.onUpgrade = (req, socket) => this.accept(req, socket);
  }

  get connected(): boolean {
    return this.socket !== null;
  }

  /** Sends a Socket Mode envelope (events_api, slash_commands, interactive…). */
  deliver(type: string, envelopeId: string, payload: unknown, acceptsResponsePayload = false): void {
    this.sendText(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: acceptsResponsePayload, retry_attempt: 0, retry_reason: '' }));
  }

  acked(envelopeId: string): Record<string, unknown> | undefined {
    return this.received.find((m) => m.envelope_id === envelopeId);
  }

  async waitFor(check: () => boolean, timeoutMs = 5000, what = 'socket condition'): Promise<void> {
    if (check()) return;
    await new Promise<void>((resolve, reject) => {
      const waiter = () => {
        if (!check()) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }

  private accept(req: IncomingMessage, socket: Duplex): void {
    const key = req.headers['sec-websocket-key'];
    if (typeof key !== 'string' || !req.url?.startsWith('/socket')) {
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    const accept = createHash('sha1').update(key + WS_GUID).digest('base64');
    socket.write(['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Accept: ${accept}`, '', ''].join('\r\n'));
    this.socket = socket;
    this.connections++;
    this.buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('close', () => {
      if (this.socket === socket) this.socket = null;
      this.notify();
    });
    socket.on('error', () => undefined);
    this.sendText(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'stub', approximate_connection_time: 3600 }, connection_info: { app_id: 'A0TEST' } }));
    this.notify();
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const frame = readFrame(this.buffer);
      if (!frame) return;
      this.buffer = this.buffer.subarray(frame.size);
      this.onFrame(frame.fin, frame.opcode, frame.payload);
    }
  }

  private onFrame(fin: boolean, opcode: number, payload: Buffer): void {
    if (opcode === 0x9) return this.sendFrame(0xa, payload); // ping → pong
    if (opcode === 0xa) return; // pong
    if (opcode === 0x8) {
      this.sendFrame(0x8, payload.subarray(0, 2));
      this.socket?.end();
      return;
    }
    if (opcode === 0x1 || opcode === 0x0) {
      this.fragments.push(payload);
      if (!fin) return;
      const text = Buffer.concat(this.fragments).toString('utf8');
      this.fragments = [];
      try {
        this.received.push(JSON.parse(text) as Record<string, unknown>);
      } catch {
        this.received.push({ _raw: text });
      }
      this.notify();
    }
  }

  private sendText(text: string): void {
    this.sendFrame(0x1, Buffer.from(text, 'utf8'));
  }

  private sendFrame(opcode: number, payload: Buffer): void {
    if (!this.socket) throw new Error('no Socket Mode client connected');
    const len = payload.length;
    const head = len < 126 ? Buffer.from([0x80 | opcode, len]) : len < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
    if (len >= 126 && len < 65536) {
      head[0] = 0x80 | opcode;
      head[1] = 126;
      head.writeUInt16BE(len, 2);
    } else if (len >= 65536) {
      head[0] = 0x80 | opcode;
      head[1] = 127;
      head.writeBigUInt64BE(BigInt(len), 2);
    }
    this.socket.write(Buffer.concat([head, payload]));
  }
}

/** Parses one client frame (always masked) from the front of `buf`, or null when incomplete. */
function readFrame(buf: Buffer): { fin: boolean; opcode: number; payload: Buffer; size: number } | null {
  if (buf.length < 2) return null;
  const fin = (buf[0]! & 0x80) !== 0;
  const opcode = buf[0]! & 0x0f;
  const masked = (buf[1]! & 0x80) !== 0;
  let len = buf[1]! & 0x7f;
  let offset = 2;
  if (len === 126) {
    if (buf.length < 4) return null;
    len = buf.readUInt16BE(2);
    offset = 4;
  } else if (len === 127) {
    if (buf.length < 10) return null;
    len = Number(buf.readBigUInt64BE(2));
    offset = 10;
  }
  const maskLen = masked ? 4 : 0;
  if (buf.length < offset + maskLen + len) return null;
  const mask = masked ? buf.subarray(offset, offset + 4) : null;
  const payload = Buffer.from(buf.subarray(offset + maskLen, offset + maskLen + len));
  if (mask) for (let i = 0; i < payload.length; i++) payload[i] = payload[i]! ^ mask[i % 4]!;
  return { fin, opcode, payload, size: offset + maskLen + len };
}
