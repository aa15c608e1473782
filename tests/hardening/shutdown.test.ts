import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/run-command.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const TSX = `${PROJECT_ROOT}/node_modules/.bin/tsx`;

function getJson(port: number, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
    })
      .on('error', reject)
      .end();
  });
}

describe('npm start (console) with HEALTH_PORT, then SIGTERM', () => {
  it('serves /readyz once loaded, answers, and on SIGTERM finishes, closes the store and exits 0', async () => {
    const temp = makeTempDir();
    const child = spawn(TSX, ['src/main.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATA_DIR: temp.dir, HEALTH_PORT: '0', LOG_LEVEL: 'info', SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const waitFor = async (check: () => boolean, what: string, ms = 20_000) => {
      const until = Date.now() + ms;
      while (!check()) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${what}; stderr: ${stderr.slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      await waitFor(() => /"msg":"corpus indexed"/.test(stderr) && /health server listening/.test(stderr), 'start');
      const port = Number(/"port":(\d+)[^\n]*health server listening/.exec(stderr)?.[1]);
      expect(port).toBeGreaterThan(0);
      // the console is started just after the corpus: poll until ready
      let ready = await getJson(port, '/readyz');
      for (let i = 0; i < 100 && ready.status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 50));
        ready = await getJson(port, '/readyz');
      }
      expect(ready.status).toBe(200);
      expect(ready.body).toMatchObject({ ready: true, corpus: { articles: 1 }, adapters: { console: true }, store: { kind: 'sqlite', reachable: true } });

      child.stdin.write('Who captured the palace in Aleppo?\n');
      await waitFor(() => /\[1\] /.test(stdout), 'the answer');
      child.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 15_000))]);
      expect(code).toBe(0);
      expect(stderr).toMatch(/"signal":"SIGTERM"[^\n]*"msg":"stopping"/);
    } finally {
      child.kill('SIGKILL');
      temp.remove();
    }
  });
});
