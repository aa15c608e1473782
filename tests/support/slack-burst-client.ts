/**
 * Fires a burst of signed Slack slash commands at once and prints each one's acknowledgement
 * latency as JSON. Run as its own process (`node --import tsx tests/support/slack-burst-client.ts
 * PLAN_JSON`), so its clock is not held up by the bot's synchronous work when the bot shares a
 * process with the test. Plain node:http with pre-signed bodies, a connection per request (a keep-alive
 * agent opens its sockets one after another, which would pace the burst).
 */
import http from 'node:http';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { commandFields, slackSignature } from './slack-signed-client.ts';

export interface BurstPlan {
  eventsUrl: string;
  secret: string;
  commands: { text: string; responseUrl: string; user: string }[];
}

export interface BurstResult {
  /** Request sent → response (the ack) complete, in ms. */
  ms: number;
  status: number;
  /** Date.now() when it was sent. */
  sentAt: number;
  error?: string;
}

const HERE = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function fire(plan: BurstPlan): Promise<BurstResult[]> {
  const url = new URL(plan.eventsUrl);
  const post = (body: string, headers: Record<string, string>) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent: false, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(body);
    });
  const signed = (c: BurstPlan['commands'][number]) => {
    const body = new URLSearchParams(commandFields({ text: c.text, responseUrl: c.responseUrl, user: c.user })).toString();
    const ts = Math.floor(Date.now() / 1000);
    return { body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': slackSignature(plan.secret, ts, body) } };
  };
  // warm this process's HTTP client (unsigned requests: 401), then prepare the burst
  for (let i = 0; i < 3; i++) await post('', { 'content-type': 'application/json' }).catch(() => 0);
  const requests = plan.commands.map(signed);
  const results = await Promise.all(
    requests.map(async (r): Promise<BurstResult> => {
      const start = performance.now();
      const sentAt = Date.now();
      try {
        const status = await post(r.body, r.headers);
        return { ms: performance.now() - start, status, sentAt };
      } catch (err) {
        return { ms: performance.now() - start, status: 0, sentAt, error: String(err) };
      }
    }),
  );
  return results;
}

/** Runs the burst in a child process and resolves with its results. */
export async function fireBurstInChild(plan: BurstPlan): Promise<BurstResult[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', HERE, JSON.stringify(plan)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const results = JSON.parse(out.trim().split('\n').pop() || '[]') as BurstResult[];
  if (code !== 0 || results.length !== plan.commands.length) throw new Error(`the burst client exited ${code} with ${results.length} of ${plan.commands.length} results`);
  return results;
}

if (process.argv[1] === HERE) {
  process.stdout.write(`${JSON.stringify(await fire(JSON.parse(process.argv[2] ?? '{}') as BurstPlan))}\n`);
}
