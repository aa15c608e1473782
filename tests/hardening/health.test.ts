import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHealthServer, type HealthServer } from '../../src/health-server.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { silentLog } from '../support/test-log.ts';

function get(port: number, path: string, method = 'GET'): Promise<{ status: number; body: Record<string, unknown> | null }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as Record<string, unknown>) : null }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('health server (/healthz, /readyz on HEALTH_PORT)', () => {
  const temp = makeTempDir();
  let store: Store;
  let server: HealthServer;
  const state = { ready: false, articles: 0, adapters: {} as Record<string, boolean>, store: undefined as Store | undefined };

  beforeAll(async () => {
    store = await openStore({ dataDir: temp.dir });
    server = await startHealthServer({
      port: 0,
      host: '127.0.0.1',
      log: silentLog,
      storeTimeoutMs: 300,
      source: { ready: () => state.ready, corpusSize: () => state.articles, adapters: () => state.adapters, store: () => state.store },
    });
  });
  afterAll(async () => {
    await server.close();
    await store.close();
    temp.remove();
  });

  it('binds the configured port (0: a free one)', () => {
    expect(server.port).toBeGreaterThan(0);
  });

  it('answers /readyz 503 while the engine loads, /healthz 200 all along', async () => {
    const ready = await get(server.port, '/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'starting', ready: false, corpus: { articles: 0 }, store: { kind: null, reachable: false } });
    const live = await get(server.port, '/healthz');
    expect(live.status).toBe(200);
  });

  it('answers /readyz 200 with corpus size, adapters and store once loaded', async () => {
    state.articles = 2225;
    state.store = store;
    state.adapters = { slack: true, discord: true };
    state.ready = true;
    const ready = await get(server.port, '/readyz?verbose=1');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({
      status: 'ok',
      ready: true,
      corpus: { articles: 2225 },
      adapters: { slack: true, discord: true },
      store: { kind: 'sqlite', reachable: true },
      uptimeSeconds: expect.any(Number),
    });
  });

  it('reports an unreachable store as not ready (503), within the probe timeout', async () => {
    const hanging: Store = { kind: 'redis', get: () => new Promise(() => {}), set: () => new Promise(() => {}), delete: () => Promise.resolve(), close: () => Promise.resolve() };
    state.store = hanging;
    const started = Date.now();
    const ready = await get(server.port, '/readyz');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'degraded', store: { kind: 'redis', reachable: false } });
    expect((await get(server.port, '/healthz')).status).toBe(200);
    state.store = store;
  });

  it('answers 404 elsewhere and 405 to other methods', async () => {
    expect((await get(server.port, '/')).status).toBe(404);
    expect((await get(server.port, '/healthz', 'POST')).status).toBe(405);
  });

  it('turns /readyz to 503 when draining for shutdown', async () => {
    server.draining();
    const ready = await get(server.port, '/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'stopping', ready: false });
    expect((await get(server.port, '/healthz')).status).toBe(200);
  });
});
