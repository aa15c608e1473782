import { closeSync, mkdirSync, openSync, statSync, unlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './errors.ts';

const optional = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

const schema = z.object({
  CORPUS_DIR: z.string().default('./seeds'),
  DATA_DIR: z.string().default('./data'),
  REDIS_URL: optional,
  /** At start, how long an unreachable Redis is retried before the process exits 1 naming REDIS_URL. */
  REDIS_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(20000),
  DEFAULT_TIMEZONE: z.string().default('UTC'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SLACK_BOT_TOKEN: optional,
  SLACK_APP_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SLACK_API_URL: optional,
  DISCORD_TOKEN: optional,
  DISCORD_APP_ID: optional,
  DISCORD_GUILD_ID: optional,
  DISCORD_API_URL: optional,
  /** The gateway shards this process holds (`0,1`); with DISCORD_SHARD_COUNT. Unset: every shard. */
  DISCORD_SHARDS: optional.transform((v, ctx) => {
    if (v === undefined) return undefined;
    const shards = parseShardList(v);
    if (typeof shards === 'string') {
      ctx.addIssue({ code: 'custom', message: shards });
      return z.NEVER;
    }
    return shards;
  }),
  /** How many shards the bot runs in all, across every process. */
  DISCORD_SHARD_COUNT: z.coerce.number().int().min(1).max(100_000).optional(),
  DIGEST_CATCHUP_HOURS: z.coerce.number().min(0).default(6),
  FEEDS: optional,
  FEED_POLL_CRON: z.string().default('*/15 * * * *'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(20),
  HEALTH_PORT: optional,
  /** 1: the engine and ingestion run in a worker thread (the event loop stays free for acks); 0: in this thread. */
  ENGINE_WORKER: z.enum(['0', '1'], { message: 'must be 1 (the engine in a worker thread) or 0 (in the main thread)' }).default('1').transform((v) => v === '1'),
  /** An OpenAI-compatible chat-completions server: generative answers when set. */
  LLM_BASE_URL: optional,
  LLM_MODEL: optional,
  LLM_API_KEY: optional,
  LLM_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(20000),
  /** `1`: digest story summaries through the model too. */
  LLM_DIGEST: z.enum(['0', '1']).default('0').transform((v) => v === '1'),
});

export type Config = z.infer<typeof schema>;

/** Reads and validates the environment once; a bad value throws naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blanked = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(blanked);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  const config = parsed.data;
  if (config.DISCORD_SHARDS && config.DISCORD_SHARD_COUNT === undefined) {
    throw new ConfigError('DISCORD_SHARD_COUNT', 'set it (the total number of shards across every process) when DISCORD_SHARDS is set');
  }
  if (config.DISCORD_SHARDS && config.DISCORD_SHARD_COUNT !== undefined) {
    const outside = config.DISCORD_SHARDS.filter((id) => id >= config.DISCORD_SHARD_COUNT!);
    if (outside.length) throw new ConfigError('DISCORD_SHARDS', `shard ${outside[0]} is not below DISCORD_SHARD_COUNT (${config.DISCORD_SHARD_COUNT}); shards count from 0`);
  }
  if (!isValidTimeZone(config.DEFAULT_TIMEZONE)) {
    throw new ConfigError('DEFAULT_TIMEZONE', `"${config.DEFAULT_TIMEZONE}" is not an IANA timezone (e.g. Europe/Berlin)`);
  }
  if (config.HEALTH_PORT !== undefined && !(/^\d{1,5}$/.test(config.HEALTH_PORT) && Number(config.HEALTH_PORT) <= 65535)) {
    throw new ConfigError('HEALTH_PORT', `must be a port number (0–65535), not "${config.HEALTH_PORT}"`);
  }
  checkUrls(config);
  if (config.LLM_BASE_URL !== undefined) {
    if (!config.LLM_MODEL) throw new ConfigError('LLM_MODEL', 'set it (the model name the server knows, e.g. llama3.2) when LLM_BASE_URL is set');
  }
  if (config.LLM_DIGEST && !config.LLM_BASE_URL) throw new ConfigError('LLM_BASE_URL', 'set it (an OpenAI-compatible server) for LLM_DIGEST=1');
  return config;
}

/** The URL variables, each with the schemes it takes and an example for the message. */
const URL_VARIABLES = [
  { name: 'SLACK_API_URL', kind: 'an http(s)', schemes: ['http:', 'https:'], example: 'http://127.0.0.1:9000/api/' },
  { name: 'DISCORD_API_URL', kind: 'an http(s)', schemes: ['http:', 'https:'], example: 'http://127.0.0.1:9000/api' },
  { name: 'LLM_BASE_URL', kind: 'an http(s)', schemes: ['http:', 'https:'], example: 'http://127.0.0.1:11434/v1' },
  { name: 'REDIS_URL', kind: 'a redis:// or rediss://', schemes: ['redis:', 'rediss:'], example: 'redis://127.0.0.1:6379' },
] as const;

/** Every URL variable, and each URL of FEEDS, parsed at start: a typo fails here, not at the first poll or call. */
function checkUrls(config: Config): void {
  for (const { name, kind, schemes, example } of URL_VARIABLES) {
    const value = config[name];
    if (value !== undefined && !isUrlWithScheme(value, schemes)) {
      throw new ConfigError(name, `must be ${kind} URL such as ${example}, not "${value}"`);
    }
  }
  if (config.FEEDS !== undefined) {
    const bad = config.FEEDS.split(',').map((s) => s.trim()).find((url) => url && !isUrlWithScheme(url, ['http:', 'https:']));
    if (bad !== undefined) throw new ConfigError('FEEDS', `"${bad}" is not an http(s) URL; give comma-separated URLs such as https://example.com/rss.xml`);
  }
}

function isUrlWithScheme(value: string, schemes: readonly string[]): boolean {
  if (/\s/.test(value) || !URL.canParse(value)) return false;
  const url = new URL(value);
  return schemes.includes(url.protocol) && url.hostname !== '';
}

/** `0,1,3` → [0, 1, 3]; a message naming what is wrong otherwise. */
export function parseShardList(value: string): number[] | string {
  const parts = value.split(',').map((p) => p.trim());
  const shards: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,6}$/.test(part)) return `"${value}" is not a comma-separated list of shard ids (e.g. 0,1)`;
    const id = Number(part);
    if (shards.includes(id)) return `shard ${id} is listed twice in "${value}"`;
    shards.push(id);
  }
  return shards.sort((a, b) => a - b);
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * DATA_DIR must be a folder the bot can write (created when missing): a file, or a folder it
 * may not write, is a ConfigError naming DATA_DIR instead of a stack trace at the first write.
 */
export function checkDataDir(dir: string): void {
  const shown = `"${dir}"${resolve(dir) === dir ? '' : ` (${resolve(dir)})`}`;
  try {
    const stat = statSync(dir, { throwIfNoEntry: false });
    if (stat && !stat.isDirectory()) throw new ConfigError('DATA_DIR', `${shown} is a file, not a folder; point DATA_DIR at a folder the bot can write`);
    if (!stat) mkdirSync(dir, { recursive: true });
    const probe = join(dir, `.write-check-${process.pid}`);
    closeSync(openSync(probe, 'w'));
    unlinkSync(probe);
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    const why: Record<string, string> = {
      EACCES: 'is not writable by this user',
      EPERM: 'is not writable by this user',
      EROFS: 'is on a read-only file system',
      ENOTDIR: 'is inside a file, not a folder',
      ENOSPC: 'is on a full disk',
    };
    throw new ConfigError('DATA_DIR', `${shown} ${why[code] ?? `cannot be used (${code})`}; point DATA_DIR at a folder the bot can write`);
  }
}

/** Reads `.env` into process.env when present, silently; real environment variables win. */
export function readDotEnv(path = '.env'): void {
  try {
    process.loadEnvFile(path);
  } catch {
    // no .env file: the environment alone configures the bot
  }
}
