/**
 * Two real bot processes (`src/main.ts` through tsx) on one real Redis, Slack in HTTP mode, as
 * behind a load balancer: signed events are spread across both, retries (same event_id, with
 * x-slack-retry-num) go to the other process, some racing the first delivery. Each event must be
 * answered exactly once (chat.postMessage counted at the loopback Web API stand-in).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createClient } from '@redis/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackApiStub } from '../support/slack-api-stub.ts';
import { SlackSignedClient } from '../support/slack-signed-client.ts';
import { describeWithRedis, startRedisServer } from '../support/redis-server.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SECRET = 'replica-signing-secret-0123456789';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
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

interface Replica {
  name: string;
  token: string;
  port: number;
  child: ChildProcess;
  stderr: string[];
  dataDir: string;
  client: SlackSignedClient;
}

/** `node --import tsx src/main.ts` with only the variables a replica needs; resolves once it listens. */
async function startReplica(name: string, env: { apiUrl: string; redisUrl: string }): Promise<Replica> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), `replica-${name}-`));
  const token = `xoxb-replica-${name}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      NODE_ENV: 'test',
      SLACK_BOT_TOKEN: token,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: env.apiUrl,
      PORT: String(port),
      REDIS_URL: env.redisUrl,
      CORPUS_DIR: join(ROOT, 'seeds'),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '0',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr!.on('data', (c: Buffer) => stderr.push(String(c)));
  const replica: Replica = { name, token, port, child, stderr, dataDir, client: new SlackSignedClient(`http://127.0.0.1:${port}/slack/events`, SECRET) };
  const deadline = Date.now() + 20_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null) throw new Error(`replica ${name} exited with ${child.exitCode}: ${stderr.join('')}`);
    if (Date.now() > deadline) throw new Error(`replica ${name} not listening on ${port} after 20 s: ${stderr.join('')}`);
    await sleep(100);
  }
  return replica;
}

async function stopReplica(r: Replica): Promise<void> {
  if (r.child.exitCode === null && r.child.signalCode === null) {
    const exited = new Promise<void>((resolve) => r.child.once('exit', () => resolve()));
    r.child.kill('SIGTERM');
    const killer = setTimeout(() => r.child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(killer);
  }
  rmSync(r.dataDir, { recursive: true, force: true });
}

describeWithRedis('two Slack replicas (separate processes) on one Redis, HTTP mode behind a load balancer', () => {
  let redis: Awaited<ReturnType<typeof startRedisServer>>;
  let stub: SlackApiStub;
  const replicas: Replica[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    stub = await SlackApiStub.start();
    replicas.push(...(await Promise.all(['a', 'b'].map((n) => startReplica(n, { apiUrl: stub.url, redisUrl: redis.url })))));
  }, 30_000);

  afterAll(async () => {
    await Promise.allSettled(replicas.map(stopReplica));
    await stub?.stop();
    redis?.stop();
  });

  it('opens one Redis connection per process (store, claims, subscription index and the Slack once store share it)', async () => {
    const admin = createClient({ url: redis.url });
    await admin.connect();
    try {
      const own = String(await admin.sendCommand(['CLIENT', 'ID']));
      const list = String(await admin.sendCommand(['CLIENT', 'LIST', 'TYPE', 'normal']));
      const others = list.split('\n').filter((line) => line.startsWith('id=') && !line.startsWith(`id=${own} `));
      expect(others).toHaveLength(replicas.length);
    } finally {
      await admin.close();
    }
  });

  it('answers each event exactly once, retries to the other replica included', async () => {
    const [a, b] = replicas as [Replica, Replica];
    const channel = 'C0REPLICAS';
    const questions = ['who invaded the palace in Aleppo?', 'when was the palace captured?', 'which rebels swept into Aleppo?', 'what did the reports show?'];
    const events = Array.from({ length: 24 }, (_, i) => ({
      eventId: `EvREPLICA${String(i).padStart(3, '0')}`,
      event: { type: 'app_mention', user: `U0USER${i}`, text: `<@UBOT> ${questions[i % questions.length]}`, ts: `1700000${String(100 + i)}.000100`, channel },
    }));
    const sent: Promise<{ status: number }>[] = [];
    for (const [i, e] of events.entries()) {
      const first = i % 2 ? b : a;
      const other = i % 2 ? a : b;
      sent.push(first.client.event(e.event, { eventId: e.eventId }));
      if (i % 3 === 0) sent.push(other.client.event(e.event, { eventId: e.eventId, retryNum: 1 })); // racing the first delivery
    }
    for (const r of await Promise.all(sent)) expect(r.status).toBe(200);

    const postsFor = (ts: string) => stub.api('chat.postMessage').filter((c) => c.body.channel === channel && c.body.thread_ts === ts);
    await stub.waitFor(() => events.every((e) => postsFor(e.event.ts).length >= 1), 15_000, 'an answer to every event');

    // later retries, as Slack sends them after a slow acknowledgement: to both replicas
    const late: Promise<{ status: number }>[] = [];
    for (const [i, e] of events.entries()) {
      if (i % 4 !== 1) continue;
      late.push(a.client.event(e.event, { eventId: e.eventId, retryNum: 2 }), b.client.event(e.event, { eventId: e.eventId, retryNum: 2 }));
    }
    for (const r of await Promise.all(late)) expect(r.status).toBe(200);
    await sleep(800); // a duplicate answer would arrive by now

    const counts = events.map((e) => postsFor(e.event.ts).length);
    expect(counts).toEqual(events.map(() => 1));
    // the load was spread: each process answered some of the events
    const byToken = new Map<string, number>();
    for (const c of stub.api('chat.postMessage')) {
      const auth = String(c.headers.authorization ?? '');
      byToken.set(auth, (byToken.get(auth) ?? 0) + 1);
    }
    expect(byToken.get(`Bearer ${a.token}`) ?? 0).toBeGreaterThan(0);
    expect(byToken.get(`Bearer ${b.token}`) ?? 0).toBeGreaterThan(0);
    expect(stub.api('chat.postMessage')).toHaveLength(events.length);
    for (const r of replicas) expect(r.child.exitCode, r.stderr.join('')).toBeNull();
  }, 30_000);
});
