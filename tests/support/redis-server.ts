import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createConnection, createServer } from 'node:net';
import { describe, it } from 'vitest';

/** True when `redis-server --version` runs (installed here and in CI). */
export const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0;

const MISSING = 'redis-server is not installed (apt-get install -y redis-server; .ci/run installs it)';

/**
 * The one place that decides about Redis tests: with redis-server they run; without it they
 * fail in CI (`CI=true`: a missing server must not pass as green) and are skipped locally,
 * saying why.
 */
export function describeWithRedis(name: string, body: () => void): void {
  if (hasRedisServer) {
    describe(name, body);
    return;
  }
  describe(name, () => {
    if (process.env.CI === 'true' || process.env.CI === '1') {
      it(`needs redis-server, which CI must have: ${MISSING}`, () => {
        throw new Error(`CI=true but ${MISSING}`);
      });
    } else {
      it.skip(`skipped: ${MISSING}`, () => undefined);
    }
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

export interface RedisServer {
  url: string;
  port: number;
  stop: () => void;
  process: ChildProcess;
}

/**
 * A throwaway redis-server on a free loopback port (or `port`, to restart one where it was),
 * without persistence unless `dir` is given (then it saves to `dir/dump.rdb` on shutdown and
 * loads it at start, so a restart keeps the data).
 */
export async function startRedisServer(options: { port?: number; dir?: string } = {}): Promise<RedisServer> {
  const port = options.port ?? (await freePort());
  const persistence = options.dir ? ['--dir', options.dir, '--save', '3600 1', '--dbfilename', 'dump.rdb'] : ['--save', ''];
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', ...persistence, '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 100 && !(await accepts(port)); i++) await new Promise((r) => setTimeout(r, 50));
  return { url: `redis://127.0.0.1:${port}`, port, stop: () => void child.kill(), process: child };
}

/** Stops a server and waits until its process has exited (SIGKILL: no save, as in a crash). */
export async function killRedisServer(server: RedisServer, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (server.process.exitCode !== null || server.process.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.process.once('exit', () => resolve()));
  server.process.kill(signal);
  await exited;
}
