/**
 * `src/main.ts` as people run it, with the engine in a worker thread: under tsx (npm start) with
 * Slack in HTTP mode and a SIGTERM, and compiled (npm run build, node …/src/main.js), beside
 * ENGINE_WORKER=0 (the engine in the main thread) for the same answer.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runScript } from '../support/run-command.ts';
import { SlackApiStub } from '../support/slack-api-stub.ts';
import { SlackSignedClient } from '../support/slack-signed-client.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const TSX = join(PROJECT_ROOT, 'node_modules/.bin/tsx');
const QUESTION = 'Who captured the palace in Aleppo?';
const SECRET = 'main-worker-signing-secret-0123';
const engineLines = (stderr: string) => stderr.split('\n').filter((l) => l.includes('"thread":"engine"'));

describe('npm start with ENGINE_WORKER', () => {
  it('answers the same with the engine in a worker (default) and in the main thread (0); only the worker marks its log lines', async () => {
    const dataA = makeTempDir('main-worker-');
    const dataB = makeTempDir('main-local-');
    try {
      const inWorker = await runScript('src/main.ts', [], { input: `${QUESTION}\n`, env: { DATA_DIR: dataA.dir, LOG_LEVEL: 'info' } });
      const inMain = await runScript('src/main.ts', [], { input: `${QUESTION}\n`, env: { DATA_DIR: dataB.dir, LOG_LEVEL: 'info', ENGINE_WORKER: '0' } });
      expect(inWorker.code).toBe(0);
      expect(inMain.code).toBe(0);
      expect(inWorker.stdout).toMatch(/Syrian rebels/);
      expect(inWorker.stdout).toBe(inMain.stdout);
      expect(engineLines(inWorker.stderr).some((l) => l.includes('"msg":"corpus indexed"'))).toBe(true);
      expect(engineLines(inMain.stderr)).toEqual([]);
      expect(inMain.stderr).toMatch(/"msg":"corpus indexed"/);
    } finally {
      dataA.remove();
      dataB.remove();
    }
  });

  it('rejects an ENGINE_WORKER that is neither 0 nor 1, naming it', async () => {
    const result = await runScript('src/main.ts', [], { env: { ENGINE_WORKER: 'yes' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/ENGINE_WORKER: must be 1/);
  });
});

describe('npm start: Slack over HTTP with the engine worker, then SIGTERM', () => {
  let stub: SlackApiStub;
  beforeAll(async () => {
    stub = await SlackApiStub.start();
  });
  afterAll(async () => {
    await stub?.stop();
  });

  it('answers a slash command through the worker, counts articles ingested since start in /readyz, and exits 0 on SIGTERM', async () => {
    const data = makeTempDir('main-slack-worker-');
    const corpus = makeTempDir('main-slack-corpus-');
    cpSync(join(PROJECT_ROOT, 'seeds'), corpus.dir, { recursive: true });
    const child = spawn(TSX, ['src/main.ts'], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        DATA_DIR: data.dir,
        CORPUS_DIR: corpus.dir,
        HEALTH_PORT: '0',
        LOG_LEVEL: 'info',
        SLACK_BOT_TOKEN: 'xoxb-main-worker-test',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: stub.url,
        PORT: '0',
        DISCORD_TOKEN: '',
        RATE_LIMIT_PER_MINUTE: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const waitFor = async (check: () => boolean, what: string, ms = 20_000, poll?: () => Promise<void>) => {
      const until = Date.now() + ms;
      while (!check()) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${what}; stderr: ${stderr.slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 50));
        await poll?.();
      }
    };
    try {
      await waitFor(() => /"msg":"slack: HTTP mode listening"/.test(stderr) && /"msg":"slack adapter started"/.test(stderr), 'the Slack adapter');
      const port = Number(/"port":(\d+)[^\n]*slack: HTTP mode listening/.exec(stderr)?.[1]);
      const client = new SlackSignedClient(`http://127.0.0.1:${port}/slack/events`, SECRET);
      const sent = await client.command({ text: `ask ${QUESTION}`, responseUrl: stub.responseUrl('main-worker'), user: 'U0MAIN' });
      expect(sent.status).toBe(200);
      await stub.waitFor(() => stub.responses('main-worker').length > 0, 20_000, 'the answer');
      expect(JSON.stringify(stub.responses('main-worker')[0]!.body)).toMatch(/Syrian rebels/);
      expect(engineLines(stderr).some((l) => l.includes('"msg":"corpus indexed"') || l.includes('"msg":"persisted index loaded"'))).toBe(true);
      // an article added to the watched folder is counted by /readyz without a restart
      const healthAt = Number(/"port":(\d+)[^\n]*health server listening/.exec(stderr)?.[1]);
      const articles = async () => ((await (await fetch(`http://127.0.0.1:${healthAt}/readyz`)).json()) as { corpus: { articles: number } }).corpus.articles;
      expect(await articles()).toBe(1);
      writeFileSync(join(corpus.dir, 'harbour-fire.txt'), 'Harbour warehouse fire\n\nA fire destroyed a warehouse at the harbour on Monday night. No one was hurt.\n');
      let counted = 1;
      await waitFor(() => counted === 2, 'the new article in /readyz', 20_000, async () => void (counted = await articles()));
      child.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 15_000))]);
      expect(code).toBe(0);
      expect(stderr).toMatch(/"signal":"SIGTERM"[^\n]*"msg":"stopping"/);
      expect(stderr).toMatch(/"msg":"engine worker stopped"/);
      expect(stderr).not.toMatch(/engine worker exited; restarting/);
    } finally {
      child.kill('SIGKILL');
      data.remove();
      corpus.remove();
    }
  });
});

describe('the compiled build (npm run build, then node …/src/main.js)', () => {
  const outDir = join(PROJECT_ROOT, `.scratch-build-${process.pid}`);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('runs the .js engine worker: answers piped input and exits 0', () => {
    const tsc = spawnSync(process.execPath, [join(PROJECT_ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);
    const data = makeTempDir('main-compiled-');
    try {
      const run = spawnSync(process.execPath, [join(outDir, 'src/main.js')], {
        cwd: PROJECT_ROOT,
        input: `${QUESTION}\n`,
        encoding: 'utf8',
        env: { ...process.env, NODE_ENV: 'production', DATA_DIR: data.dir, LOG_LEVEL: 'info', SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '' },
        timeout: 30_000,
      });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/Syrian rebels/);
      expect(engineLines(run.stderr).some((l) => l.includes('"msg":"corpus indexed"'))).toBe(true);
    } finally {
      data.remove();
    }
  });
});
