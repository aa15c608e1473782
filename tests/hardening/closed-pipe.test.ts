import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/run-command.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const TSX = `${PROJECT_ROOT}/node_modules/.bin/tsx`;
const temps: { remove(): void }[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.remove();
});

/** Runs a command with piped input, reads its first output, then closes the pipe as `| head -1` does. */
function readFirstAndClose(args: string[], input: string): Promise<{ code: number | null; first: string; stderr: string }> {
  const temp = makeTempDir();
  temps.push(temp);
  const child = spawn(TSX, args, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '', REDIS_URL: '', HEALTH_PORT: '', DATA_DIR: temp.dir },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => {
    let first = '';
    child.stdout.once('data', (d: Buffer) => {
      first = d.toString();
      child.stdout.destroy();
    });
    child.on('exit', (code) => resolve({ code, first, stderr }));
    child.stdin.end(input);
  });
}

const QUESTIONS = 'Who captured the palace in Aleppo?\nWhat is HTS?\nWhy did Iran send militias?\nWho is the Syrian president?\n'.repeat(5);

describe('output piped into a reader that stops early (`| head -1`)', () => {
  it('the console bot ends quietly, exit code 0', async () => {
    const run = await readFirstAndClose(['src/main.ts'], QUESTIONS);
    expect(run.first).toContain('> Who captured the palace in Aleppo?');
    expect(run.stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(run.code).toBe(0);
  }, 60_000);

  it('the CLI ends quietly, exit code 0', async () => {
    const run = await readFirstAndClose(['adapters/cli/main.ts', 'chat', '-', '--json'], QUESTIONS);
    expect(run.first).toContain('"intent"');
    expect(run.stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(run.code).toBe(0);
  }, 60_000);
});
