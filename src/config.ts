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
  DIGEST_CATCHUP_HOURS: z.coerce.number().min(0).default(6),
  FEEDS: optional,
  FEED_POLL_CRON: z.string().default('*/15 * * * *'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(20),
  HEALTH_PORT: optional,
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
  if (!isValidTimeZone(config.DEFAULT_TIMEZONE)) {
    throw new ConfigError('DEFAULT_TIMEZONE', `"${config.DEFAULT_TIMEZONE}" is not an IANA timezone (e.g. Europe/Berlin)`);
  }
  return config;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
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
