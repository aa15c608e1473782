import { createClient } from '@redis/client';
import { ConfigError, describeCause } from '../errors.ts';
import type { Logger } from '../logger.ts';

const create = (url: string) => createClient({ url });
export type RedisClient = ReturnType<typeof create>;

/** How long start-up retries an unreachable Redis by default (REDIS_CONNECT_TIMEOUT_MS). */
export const DEFAULT_REDIS_CONNECT_TIMEOUT_MS = 20_000;
/** Reconnect delays grow to this and stay there, for as long as Redis is away. */
const MAX_RECONNECT_DELAY_MS = 2_000;

export interface ConnectRedisOptions {
  log?: Logger;
  /** Give up (ConfigError naming REDIS_URL) when the first connection is not made within this. */
  timeoutMs?: number;
  /** Aborting (SIGTERM during start-up) stops the wait at once. */
  signal?: AbortSignal;
}

/** Thrown when start-up is cancelled (SIGTERM) while waiting for Redis. */
export class StartAbortedError extends Error {
  constructor(message = 'start-up cancelled') {
    super(message);
    this.name = 'StartAbortedError';
  }
}

/** `host:port` of a Redis URL, never its user or password (for logs and errors). */
export function redisAddress(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || '127.0.0.1'}:${u.port || '6379'}`;
  } catch {
    return '(unparsable REDIS_URL)';
  }
}

/**
 * A client of its own, connected: at start each failed attempt is logged (host:port, no
 * credentials) and retried until `timeoutMs`, then a ConfigError names REDIS_URL. Once
 * connected it reconnects by itself forever, and a command sent while Redis is away fails at
 * once (no offline queue) instead of waiting: callers report "store unavailable".
 */
export async function connectRedis(url: string, options: ConnectRedisOptions = {}): Promise<RedisClient> {
  const address = redisAddress(url);
  const timeoutMs = options.timeoutMs ?? DEFAULT_REDIS_CONNECT_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  let connected = false;
  let gaveUp: Error | undefined;
  const client: RedisClient = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: Math.max(100, Math.min(5_000, timeoutMs)),
      reconnectStrategy: (retries: number, cause: Error) => {
        if (!connected) {
          options.log?.warn({ redis: address, attempt: retries + 1, err: describeCause(cause) }, 'redis: not reachable yet; retrying');
          if (options.signal?.aborted) return (gaveUp = new StartAbortedError());
          if (Date.now() >= deadline) return (gaveUp = unreachable(address, timeoutMs, cause));
        }
        return Math.min(100 * 2 ** Math.min(retries, 5), MAX_RECONNECT_DELAY_MS);
      },
    },
  }) as RedisClient;
  let lastError: unknown;
  client.on('error', (err: unknown) => {
    // reconnects on its own; each command still fails loudly
    lastError = err;
  });
  // one line when the connection goes and one when it is back, not one per reconnect attempt
  let lost = false;
  client.on('ready', () => {
    if (connected && lost) options.log?.info({ redis: address }, 'redis: connection restored');
    lost = false;
  });
  client.on('reconnecting', () => {
    if (connected && !lost) options.log?.warn({ redis: address, err: describeCause(lastError) }, 'redis: connection lost; reconnecting');
    lost = true;
  });
  let onAbort: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  const stopped = new Promise<never>((_, reject) => {
    const give = (err: Error) => {
      gaveUp ??= err;
      client.destroy();
      reject(gaveUp);
    };
    // the reconnect strategy usually gives up first; this covers a socket that hangs
    timer = setTimeout(() => give(unreachable(address, timeoutMs, lastError)), timeoutMs + 1_000);
    timer.unref();
    onAbort = () => give(new StartAbortedError());
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
  });
  stopped.catch(() => undefined);
  try {
    const connecting = client.connect();
    // when the wait is given up the client is destroyed and this rejects later: not an unhandled rejection
    connecting.catch(() => undefined);
    await Promise.race([connecting, stopped]);
    connected = true;
    return client;
  } catch (err) {
    if (client.isOpen) client.destroy();
    throw gaveUp ?? unreachable(address, timeoutMs, err);
  } finally {
    clearTimeout(timer);
    if (onAbort) options.signal?.removeEventListener('abort', onAbort);
  }
}

function unreachable(address: string, timeoutMs: number, cause: unknown): ConfigError {
  return new ConfigError(
    'REDIS_URL',
    `Redis at ${address} did not answer within ${Math.round(timeoutMs / 100) / 10} s (${describeCause(cause)}); start it or fix REDIS_URL (REDIS_CONNECT_TIMEOUT_MS sets the wait)`,
  );
}

/** Closes a client without waiting on a Redis that is away: a client that is not ready is destroyed. */
export async function closeRedis(client: RedisClient, waitMs = 1_000): Promise<void> {
  if (!client.isOpen) return;
  if (!client.isReady) {
    client.destroy();
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((r) => (timer = setTimeout(() => r('late'), waitMs)));
  const outcome = await Promise.race([client.close().then(() => 'closed' as const, () => 'late' as const), late]);
  clearTimeout(timer);
  if (outcome === 'late' && client.isOpen) client.destroy();
}
