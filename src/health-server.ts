import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError } from './errors.ts';
import type { Logger } from './logger.ts';
import type { Store } from './store/open-store.ts';

/** What the health endpoints report; every field is read at request time. */
export interface HealthSource {
  /** True once the corpus is indexed and the adapters are started. */
  ready(): boolean;
  /** Articles in the corpus now (0 before it is loaded); may ask the engine thread. */
  corpusSize(): number | Promise<number>;
  /** Adapter name → connected (e.g. `{ slack: true, discord: false }`, `{ console: true }`). */
  adapters(): Record<string, boolean>;
  /** The store, once opened. */
  store(): Store | undefined;
}

export interface HealthReport {
  status: 'ok' | 'starting' | 'degraded' | 'stopping';
  ready: boolean;
  corpus: { articles: number };
  adapters: Record<string, boolean>;
  store: { kind: string | null; reachable: boolean };
  uptimeSeconds: number;
}

export interface HealthServerOptions {
  port: number;
  /** Interface to bind; default all interfaces (a container's probe comes from outside). */
  host?: string;
  source: HealthSource;
  log: Logger;
  /** How long a store probe may take before the store counts as unreachable. */
  storeTimeoutMs?: number;
}

export interface HealthServer {
  port: number;
  /** Marks the process as stopping: /readyz answers 503 from now on. */
  draining(): void;
  close(): Promise<void>;
}

/** A set-and-read round trip through the store, bounded in time. */
async function probeStore(store: Store | undefined, timeoutMs: number): Promise<boolean> {
  if (!store) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
    timer.unref();
  });
  const probe = (async () => {
    const value = Date.now();
    await store.set('health', 'probe', value, 60_000);
    return (await store.get<number>('health', 'probe')) !== undefined;
  })().catch(() => false);
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `GET /healthz`: liveness, 200 while the process serves HTTP at all. `GET /readyz`: 200 when
 * the corpus is loaded, the adapters are started and the store answers, else 503. Both return
 * the same JSON report (corpus size, adapters connected, store reachable).
 */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const started = Date.now();
  const timeoutMs = options.storeTimeoutMs ?? 1000;
  let stopping = false;

  async function report(): Promise<HealthReport> {
    const store = options.source.store();
    const reachable = await probeStore(store, timeoutMs);
    const ready = options.source.ready() && reachable && !stopping;
    return {
      status: stopping ? 'stopping' : !options.source.ready() ? 'starting' : reachable ? 'ok' : 'degraded',
      ready,
      corpus: { articles: await options.source.corpusSize() },
      adapters: options.source.adapters(),
      store: { kind: store?.kind ?? null, reachable },
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
    };
  }

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(`${JSON.stringify(body)}\n`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, { error: 'method not allowed' });
    if (path !== '/healthz' && path !== '/readyz') return send(404, { error: 'not found; try /healthz or /readyz' });
    report().then(
      (r) => send(path === '/healthz' ? 200 : r.ready ? 200 : 503, r),
      (err: unknown) => {
        options.log.error({ err }, 'health report failed');
        send(500, { error: 'health report failed' });
      },
    );
  });
  server.on('clientError', (_err, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  options.log.info({ port }, 'health server listening (/healthz, /readyz)');
  return {
    port,
    draining: () => {
      stopping = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** HEALTH_PORT as a port number, or null when unset; throws on a value that is not a port. */
export function healthPort(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError('HEALTH_PORT', `must be a port number (0–65535), not "${value}"`);
  return n;
}
