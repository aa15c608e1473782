import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const hasRedis = spawnSync('redis-server', ['--version']).status === 0;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('SQLite store', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('keeps values across reopening, expires them and deletes them', async () => {
    const store = await openStore({ dataDir: temp.dir });
    await store.set('ns', 'k', { a: 1 });
    await store.set('ns', 'short', 'x', 30);
    await store.close();
    const again = await openStore({ dataDir: temp.dir });
    expect(again.kind).toBe('sqlite');
    expect(await again.get('ns', 'k')).toEqual({ a: 1 });
    await new Promise((r) => setTimeout(r, 60));
    expect(await again.get('ns', 'short')).toBeUndefined();
    await again.delete('ns', 'k');
    expect(await again.get('ns', 'k')).toBeUndefined();
    await again.close();
  });
});

describe.skipIf(!hasRedis)('Redis store (redis-server on loopback)', () => {
  let server: ChildProcess | undefined;
  afterAll(() => server?.kill());

  it('shares values between two connections', async () => {
    const port = await freePort();
    server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 300));
    const url = `redis://127.0.0.1:${port}`;
    const a = await openStore({ dataDir: '', redisUrl: url });
    const b = await openStore({ dataDir: '', redisUrl: url });
    await a.set('conversation', 'x', { turn: 1 }, 10_000);
    expect(await b.get('conversation', 'x')).toEqual({ turn: 1 });
    expect(b.kind).toBe('redis');
    await a.close();
    await b.close();
  });
});
