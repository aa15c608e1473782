/**
 * No secret is ever logged: the configured tokens are set, the Bot, the Slack adapter and the
 * Discord adapter run through normal and failing paths with the production logger at `trace`
 * writing to a captured stream, and no captured line may contain a token. Every command line
 * carries a request id.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord } from '../../adapters/discord/discord-adapter.ts';
import { startSlack, type SlackHandle } from '../../adapters/slack/slack-adapter.ts';
import { Bot } from '../../src/bot/bot.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { loadEngine } from '../../src/load-engine.ts';
import { createLogger, secretValues, type Logger } from '../../src/logger.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { DiscordGatewayStub, messagePayload, snowflake } from '../support/discord-gateway-stub.ts';
import { DiscordRestStub } from '../support/discord-rest-stub.ts';
import { APP_ID, BOT_USER, DM_CHANNEL_ID, guildCreatePayload, ALICE } from '../support/discord-harness.ts';
import { SEEDS_DIR } from '../support/seed-engine.ts';
import { SlackApiStub } from '../support/slack-api-stub.ts';
import { SlackSignedClient } from '../support/slack-signed-client.ts';

const SECRETS = {
  SLACK_BOT_TOKEN: 'xoxb-1111111111-2222222222-LOGSCANbotTOKENvalue',
  SLACK_SIGNING_SECRET: 'LOGSCAN0signing0secret0c0ffee42',
  DISCORD_TOKEN: 'MTEwMDAwLOGSCAN.discord.TOKENvalue-xyz',
};

/** The production logger (same redaction) writing to memory. */
function capturedLogger(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { log: createLogger('trace', stream), lines };
}

function expectNoSecret(lines: string[]): void {
  expect(lines.length).toBeGreaterThan(5);
  for (const line of lines) {
    for (const [name, value] of Object.entries(SECRETS)) {
      // the whole value, and any long piece of it (a token cut or split by a library)
      if (line.includes(value) || line.includes(value.slice(-16)) || line.includes(value.slice(0, 20))) {
        throw new Error(`${name} appears in a log line: ${line.slice(0, 300)}`);
      }
    }
  }
}

describe('the production logger redacts secrets by key', () => {
  it('drops token, secret and authorization values, also inside error-like objects', () => {
    const { log, lines } = capturedLogger();
    log.info({ token: SECRETS.SLACK_BOT_TOKEN, secret: SECRETS.SLACK_SIGNING_SECRET }, 'one');
    log.warn({ err: { token: SECRETS.DISCORD_TOKEN, headers: { authorization: `Bearer ${SECRETS.SLACK_BOT_TOKEN}` } } }, 'two');
    log.error({ err: { config: { headers: { Authorization: `Bot ${SECRETS.DISCORD_TOKEN}` } } } }, 'three');
    log.info({ headers: { authorization: `Bearer ${SECRETS.SLACK_BOT_TOKEN}` } }, 'four');
    expect(lines).toHaveLength(4);
    for (const line of lines) for (const v of Object.values(SECRETS)) expect(line).not.toContain(v);
    expect(lines.join('\n')).toContain('[redacted]');
  });
});

describe('the secret net: configured values are replaced wherever they appear', () => {
  it('scrubs token values from messages and nested strings', () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = createLogger('info', stream, secretValues({ ...SECRETS, REDIS_URL: 'redis://:hunter2hunter2@127.0.0.1:6379' }));
    log.info(`connecting with ${SECRETS.DISCORD_TOKEN}`);
    log.warn({ detail: { url: `https://slack.com/api?token=${SECRETS.SLACK_BOT_TOKEN}` } }, 'retrying');
    log.error({ err: new Error(`redis://:hunter2hunter2@127.0.0.1:6379 refused`) }, 'redis down');
    const all = lines.join('');
    for (const v of [...Object.values(SECRETS), 'hunter2hunter2']) expect(all).not.toContain(v);
    expect(all.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(3);
  });
});

describe('no configured token appears in the logs of a Slack and Discord run', () => {
  let dir: string;
  let store: Store;
  let bot: Bot;
  let log: Logger;
  let lines: string[];
  let config: Config;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'log-scan-'));
    ({ log, lines } = capturedLogger());
    const engine = await loadEngine(SEEDS_DIR, log);
    store = await openStore({ dataDir: dir, log });
    bot = new Bot({ engine, store, log, rateLimitPerMinute: 2, now: () => new Date('2024-11-30T20:00:00Z') });
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('Slack: commands, a rate limit, failing Web API calls, feedback, forget', async () => {
    const stub = await SlackApiStub.start();
    let slack: SlackHandle | undefined;
    try {
      config = loadConfig({ ...SECRETS, SLACK_API_URL: stub.url, PORT: '0', DATA_DIR: dir, LOG_LEVEL: 'trace', DISCORD_TOKEN: '' });
      slack = await startSlack({ bot, log, config, host: '127.0.0.1' });
      const client = new SlackSignedClient(`http://127.0.0.1:${slack.port}/slack/events`, SECRETS.SLACK_SIGNING_SECRET);
      const send = async (text: string, id: string) => {
        await client.command({ text, responseUrl: stub.responseUrl(id), user: 'U0SCAN' });
        await stub.waitFor((s) => s.responses(id).length >= 1, 5000, id);
        return stub.responses(id)[0]!.body as { text: string; blocks: { elements?: { action_id: string; value: string }[] }[] };
      };
      const answer = await send('ask who captured the palace in Aleppo?', 's1');
      await send('ask why?', 's2');
      expect((await send('ask and then?', 's3')).text).toMatch(/try again in/);
      // users.info fails: logged as a warning with the Slack error
      stub.on('users.info', () => ({ ok: false, error: 'user_not_found' }));
      await send('since:yesterday', 's4');
      // posting fails on "Share in channel": the apology path logs the Web API error object
      // (a 5xx would be retried with back-off by the Web API client for minutes)
      stub.on('chat.postMessage', () => ({ ok: false, error: 'fatal_error' }));
      const share = answer.blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'share_in_channel')!;
      await client.buttonClick({ actionId: 'share_in_channel', value: share.value, responseUrl: stub.responseUrl('s5'), user: 'U0SCAN' });
      await stub.waitFor((s) => s.responses('s5').length >= 1, 15000, 's5');
      const down = answer.blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'feedback_down')!;
      await client.buttonClick({ actionId: 'feedback_down', value: down.value, responseUrl: stub.responseUrl('s6'), user: 'U0SCAN' });
      await stub.waitFor((s) => s.responses('s6').length >= 1, 5000, 's6');
      await send('forget', 's7');
      // a forged request is refused (and logged) without its signature leaking
      await client.command({ text: 'help', responseUrl: stub.responseUrl('s8') }, { secret: 'wrong-secret' });
    } finally {
      await slack?.stop();
      await stub.stop();
    }
    expectNoSecret(lines);
    const commands = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'command');
    expect(commands.length).toBeGreaterThanOrEqual(5);
    for (const c of commands) expect(c.reqId).toEqual(expect.any(String));
    expect(commands.some((c) => c.code === 'rate_limited')).toBe(true);
    // the user's text is not in the command log lines
    expect(commands.some((c) => JSON.stringify(c).includes('Aleppo'))).toBe(false);
  });

  it('Discord: login, a DM, a gateway hiccup and stop, with discord.js debug output at trace', async () => {
    const before = lines.length;
    const gateway = await DiscordGatewayStub.start({ user: BOT_USER, applicationId: APP_ID, guilds: [guildCreatePayload()], heartbeatIntervalMs: 1_000 });
    const rest = await DiscordRestStub.start({ user: BOT_USER, applicationId: APP_ID, gatewayUrl: gateway.url });
    const discordConfig = loadConfig({ ...SECRETS, SLACK_BOT_TOKEN: '', DISCORD_APP_ID: APP_ID, DISCORD_API_URL: rest.url, DATA_DIR: dir, LOG_LEVEL: 'trace' });
    const adapter = await startDiscord({ bot, log, config: discordConfig });
    try {
      const id = snowflake();
      gateway.dispatch('MESSAGE_CREATE', messagePayload({
        id,
        channel_id: DM_CHANNEL_ID,
        channel_type: 1,
        author: ALICE,
        content: 'who captured the palace in Aleppo?',
      }));
      await rest.waitFor((r) => r.kind !== 'callback' && JSON.stringify(r).includes(DM_CHANNEL_ID));
    } finally {
      await adapter.stop();
      await Promise.allSettled([gateway.close(), rest.close()]);
    }
    expect(lines.length).toBeGreaterThan(before);
    expectNoSecret(lines);
  });
});
