import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { openStore } from '../../src/store/open-store.ts';
import { request } from 'node:http';
import { describeWithRedis, freePort, killRedisServer, startRedisServer } from '../support/redis-server.ts';
import { PROJECT_ROOT } from '../support/run-command.ts';
import { corruptSqliteHeader, lockSqliteFile } from '../support/store-faults.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const TSX = `${PROJECT_ROOT}/node_modules/.bin/tsx`;

/** `npm start` as an operator runs it (console bot, no chat token), with its output collected. */
class Started {
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;
  exitedAt = 0;
  constructor(readonly child: ChildProcess) {
    child.stdout!.on('data', (d: Buffer) => (this.stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.exited = new Promise((resolve) =>
      child.on('close', (code) => {
        this.exitedAt = Date.now();
        resolve(code);
      }),
    );
  }

  async waitFor(check: () => boolean, what: string, ms = 20_000): Promise<void> {
    const until = Date.now() + ms;
    while (!check()) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}; stderr: ${this.stderr.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The exit code, or 'hung' after `ms`. */
  exit(ms = 15_000): Promise<number | null | 'hung'> {
    return Promise.race([this.exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), ms))]);
  }
}

const running: Started[] = [];
const temps: { remove: () => void }[] = [];
afterEach(async () => {
  // a killed bot may still be writing into its DATA_DIR: wait for it before removing the folder
  await Promise.all(running.splice(0).map((r) => (r.child.kill('SIGKILL'), r.exit(5_000))));
  for (const t of temps.splice(0)) t.remove();
});

function start(env: Record<string, string>, options: { uid?: number; gid?: number } = {}): Started {
  const child = spawn(TSX, ['src/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '', REDIS_URL: '', HEALTH_PORT: '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
    ...options,
  });
  const started = new Started(child);
  running.push(started);
  return started;
}

function tempDir() {
  const t = makeTempDir();
  temps.push(t);
  return t.dir;
}

const logLines = (stderr: string) =>
  stderr
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { msg: string; redis?: string; attempt?: number });

describe('REDIS_CONNECT_TIMEOUT_MS', () => {
  it('defaults to 20 s and refuses a value that is not a number of milliseconds, naming the variable', () => {
    expect(loadConfig({}).REDIS_CONNECT_TIMEOUT_MS).toBe(20_000);
    expect(loadConfig({ REDIS_CONNECT_TIMEOUT_MS: '1500' }).REDIS_CONNECT_TIMEOUT_MS).toBe(1500);
    expect(() => loadConfig({ REDIS_CONNECT_TIMEOUT_MS: 'soon' })).toThrow(/^REDIS_CONNECT_TIMEOUT_MS: /);
    expect(() => loadConfig({ REDIS_CONNECT_TIMEOUT_MS: '-5' })).toThrow(/^REDIS_CONNECT_TIMEOUT_MS: /);
  });
});

describe('start-up with Redis unreachable (REDIS_URL on a closed port)', () => {
  it('retries with a line per attempt naming host:port (no credentials), then exits 1 naming REDIS_URL', async () => {
    const port = await freePort();
    const bot = start({ DATA_DIR: tempDir(), REDIS_URL: `redis://briefing:s3cret-passw0rd@127.0.0.1:${port}`, REDIS_CONNECT_TIMEOUT_MS: '1500' });
    const code = await bot.exit();
    expect(code).toBe(1);
    const attempts = logLines(bot.stderr).filter((l) => l.msg === 'redis: not reachable yet; retrying');
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    for (const a of attempts) expect(a.redis).toBe(`127.0.0.1:${port}`);
    expect(bot.stderr).not.toContain('s3cret-passw0rd');
    const last = bot.stderr.trim().split('\n').at(-1)!;
    expect(last).toMatch(new RegExp(`^configuration error: REDIS_URL: Redis at 127\\.0\\.0\\.1:${port} did not answer within 1\\.5 s`));
    expect(bot.stderr).not.toMatch(/\n\s+at /);
    expect(bot.stdout).toBe('');
  }, 30_000);

  it('exits within 2 s of SIGTERM while it waits for Redis', async () => {
    const port = await freePort();
    const bot = start({ DATA_DIR: tempDir(), REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_CONNECT_TIMEOUT_MS: '20000' });
    await bot.waitFor(() => /redis: not reachable yet; retrying/.test(bot.stderr), 'the first attempt');
    const signalled = Date.now();
    bot.child.kill('SIGTERM');
    const code = await bot.exit(5_000);
    expect(code).toBe(0);
    expect(bot.exitedAt - signalled).toBeLessThan(2_000);
    expect(bot.stderr).toMatch(/"msg":"stopping"/);
  }, 30_000);
});

describe('DATA_DIR that cannot be used', () => {
  it('a DATA_DIR that is a file: one configuration error naming DATA_DIR, exit 1, no stack trace', async () => {
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, 'x');
    const bot = start({ DATA_DIR: file });
    expect(await bot.exit()).toBe(1);
    const lines = bot.stderr.trim().split('\n').filter((l) => !l.startsWith('{'));
    expect(lines).toEqual([`configuration error: DATA_DIR: "${file}" is a file, not a folder; point DATA_DIR at a folder the bot can write`]);
    expect(bot.stderr).not.toMatch(/\n\s+at /);
  }, 30_000);

  it('a read-only DATA_DIR: one configuration error naming DATA_DIR, exit 1, no stack trace', async () => {
    const parent = tempDir();
    chmodSync(parent, 0o755);
    const dir = join(parent, 'data');
    mkdirSync(dir);
    chmodSync(dir, 0o555);
    // root may write anywhere: run the bot as an ordinary user to meet the read-only folder
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const bot = start({ DATA_DIR: dir, HOME: parent }, asUser);
    expect(await bot.exit()).toBe(1);
    const lines = bot.stderr.trim().split('\n').filter((l) => !l.startsWith('{'));
    expect(lines).toEqual([`configuration error: DATA_DIR: "${dir}" is not writable by this user; point DATA_DIR at a folder the bot can write`]);
  }, 30_000);
});

describe('the console bot on a damaged or locked SQLite store', () => {
  it('warns at start, answers questions, says digest status is unavailable, and stops with exit 0', async () => {
    const dataDir = tempDir();
    const seeded = await openStore({ dataDir });
    await seeded.set('subscription', 'console:local', { hour: 8 });
    await seeded.close();
    corruptSqliteHeader(join(dataDir, 'state.sqlite'));
    const bot = start({ DATA_DIR: dataDir });
    await bot.waitFor(() => /"msg":"corpus indexed"/.test(bot.stderr), 'start');
    bot.child.stdin!.write('Who captured the palace in Aleppo?\n');
    await bot.waitFor(() => /\[1\] /.test(bot.stdout), 'the answer');
    bot.child.stdin!.write('/digest status\n');
    await bot.waitFor(() => /could not read this channel's digest settings/.test(bot.stdout), 'the status reply');
    expect(bot.stdout).not.toMatch(/no digest subscription/);
    bot.child.kill('SIGTERM');
    expect(await bot.exit()).toBe(0);
    expect(bot.stderr).toMatch(/"msg":"store: the SQLite file cannot be used now/);
    expect(bot.stderr).toMatch(/SQLITE_NOTADB/);
    expect(bot.stderr).not.toMatch(/unhandled rejection/);
  }, 40_000);

  it('stops with exit 0 while another process holds the store locked (SQLITE_BUSY at shutdown)', async () => {
    const dataDir = tempDir();
    const bot = start({ DATA_DIR: dataDir });
    await bot.waitFor(() => /"msg":"corpus indexed"/.test(bot.stderr), 'start');
    bot.child.stdin!.write('/digest subscribe time:08:00\n');
    await bot.waitFor(() => /Subscribed/.test(bot.stdout), 'the subscription');
    const lock = await lockSqliteFile(join(dataDir, 'state.sqlite'));
    try {
      bot.child.stdin!.write('/digest subscribe time:10:00\n');
      await bot.waitFor(() => /I could not save that — the store is unavailable; nothing changed/.test(bot.stdout), 'the refusal');
      bot.child.kill('SIGTERM');
      expect(await bot.exit()).toBe(0);
    } finally {
      await lock.release();
    }
    expect(bot.stderr).not.toMatch(/unhandled rejection/);
    const check = await openStore({ dataDir });
    expect(await check.get('subscription', 'console:local')).toMatchObject({ hour: 8 });
    await check.close();
  }, 40_000);
});

function readyzStatus(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: '/readyz' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    })
      .on('error', reject)
      .end();
  });
}

describeWithRedis('npm start on Redis, Redis killed and restarted while it runs', () => {
  it('fails /readyz and says the store is unavailable while Redis is away, recovers by itself, and stops with exit 0', async () => {
    const dataDir = tempDir();
    let redis = await startRedisServer({ dir: dataDir });
    try {
      const bot = start({ DATA_DIR: dataDir, REDIS_URL: redis.url, HEALTH_PORT: '0', REDIS_CONNECT_TIMEOUT_MS: '5000' });
      await bot.waitFor(() => /health server listening/.test(bot.stderr) && /"msg":"corpus indexed"/.test(bot.stderr), 'start');
      const port = Number(/"port":(\d+)[^\n]*health server listening/.exec(bot.stderr)?.[1]);
      const until = async (want: number) => {
        const end = Date.now() + 15_000;
        let status = await readyzStatus(port);
        while (status !== want && Date.now() < end) {
          await new Promise((r) => setTimeout(r, 100));
          status = await readyzStatus(port);
        }
        return status;
      };
      expect(await until(200), bot.stderr).toBe(200);
      bot.child.stdin!.write('/digest subscribe time:08:00\n');
      await bot.waitFor(() => /Subscribed/.test(bot.stdout), 'the subscription');

      await killRedisServer(redis, 'SIGTERM');
      expect(await until(503), bot.stderr).toBe(503);
      bot.child.stdin!.write('/digest status\n');
      await bot.waitFor(() => /could not read this channel's digest settings/.test(bot.stdout), 'the refusal');
      bot.child.stdin!.write('Who captured the palace in Aleppo?\n');
      await bot.waitFor(() => /\[1\] /.test(bot.stdout), 'the answer');

      redis = await startRedisServer({ port: redis.port, dir: dataDir });
      expect(await until(200), bot.stderr).toBe(200);
      const before = bot.stdout.length;
      bot.child.stdin!.write('/digest status\n');
      await bot.waitFor(() => /Digest: every day at 08:00/.test(bot.stdout.slice(before)), 'the status once Redis is back');
      bot.child.kill('SIGTERM');
      expect(await bot.exit(), bot.stderr).toBe(0);
      expect(bot.stderr).toMatch(/"msg":"redis: connection lost; reconnecting"/);
      expect(bot.stderr).toMatch(/"msg":"redis: connection restored"/);
      expect(bot.stderr).not.toMatch(/unhandled rejection/);
    } finally {
      // (Redis saves into the data folder on SIGTERM: wait for it to exit before the folder is removed)
      await killRedisServer(redis, 'SIGTERM');
    }
  }, 90_000);
});
