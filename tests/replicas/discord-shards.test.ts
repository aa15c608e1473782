/**
 * Two real bot processes (`src/main.ts` through tsx), each holding its own Discord gateway shard
 * (DISCORD_SHARDS=0 / 1 of DISCORD_SHARD_COUNT=2), against the loopback REST and gateway
 * stand-ins in this process: each identifies with its own `shard` pair.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordGatewayStub, Op } from '../support/discord-gateway-stub.ts';
import { APP_ID, BOT_USER, guildCreatePayload, TOKEN } from '../support/discord-harness.ts';
import { DiscordRestStub } from '../support/discord-rest-stub.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('two Discord processes, one gateway shard each', () => {
  let gateway: DiscordGatewayStub;
  let rest: DiscordRestStub;
  const children: { child: ChildProcess; stderr: string[]; dataDir: string }[] = [];

  beforeAll(async () => {
    gateway = await DiscordGatewayStub.start({ user: BOT_USER, applicationId: APP_ID, guilds: [guildCreatePayload()], heartbeatIntervalMs: 1_000 });
    rest = await DiscordRestStub.start({ user: BOT_USER, applicationId: APP_ID, gatewayUrl: gateway.url });
  });

  afterAll(async () => {
    for (const { child, dataDir } of children) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(killer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    }
    await Promise.allSettled([gateway?.close(), rest?.close()]);
  });

  it('identifies with shard [0, 2] from one process and [1, 2] from the other', async () => {
    for (const shard of ['0', '1']) {
      const dataDir = mkdtempSync(join(tmpdir(), `discord-shard-${shard}-`));
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? tmpdir(),
          DISCORD_TOKEN: TOKEN,
          DISCORD_APP_ID: APP_ID,
          DISCORD_API_URL: rest.url,
          DISCORD_SHARDS: shard,
          DISCORD_SHARD_COUNT: '2',
          CORPUS_DIR: join(ROOT, 'seeds'),
          DATA_DIR: dataDir,
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const stderr: string[] = [];
      child.stderr!.on('data', (c: Buffer) => stderr.push(String(c)));
      children.push({ child, stderr, dataDir });
    }
    const deadline = Date.now() + 20_000;
    while (gateway.ops(Op.Identify).length < 2) {
      const dead = children.find((c) => c.child.exitCode !== null);
      if (dead) throw new Error(`a bot process exited with ${dead.child.exitCode}: ${dead.stderr.join('')}`);
      if (Date.now() > deadline) throw new Error(`not both identified after 20 s: ${children.map((c) => c.stderr.join('')).join('\n---\n')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const shards = gateway.ops(Op.Identify).map((p) => (p.d as { shard?: [number, number] }).shard);
    expect(shards).toHaveLength(2);
    expect([...shards].sort((a, b) => (a?.[0] ?? 0) - (b?.[0] ?? 0))).toEqual([
      [0, 2],
      [1, 2],
    ]);
    for (const c of children) expect(c.child.exitCode, c.stderr.join('')).toBeNull();
  }, 30_000);
});
