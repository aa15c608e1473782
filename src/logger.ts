import { pino, type DestinationStream, type Logger } from 'pino';
import { join } from 'node:path';

export type { Logger };

/** Keys whose values are never written, wherever they appear in a log line (up to two levels deep). */
export const REDACT_PATHS = [
  'token', '*.token', 'secret', '*.secret', 'authorization', '*.authorization', 'Authorization', '*.Authorization',
  'headers.authorization', '*.headers.authorization', 'apiKey', '*.apiKey', 'config.headers.Authorization', '*.config.headers.Authorization',
];

/**
 * JSON logs to stderr, so stdout stays for replies and CLI JSON. Secrets are redacted by key;
 * besides, any of `secrets` (the configured token values) is replaced wherever it appears in a
 * line, as a last net under libraries that put a token into a message. `destination` replaces
 * stderr (tests capture the lines to scan them).
 */
export function createLogger(level = 'info', destination?: DestinationStream, secrets: readonly string[] = []): Logger {
  const values = [...new Set(secrets.filter((s) => s.length >= 8))].sort((a, b) => b.length - a.length);
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      ...(values.length
        ? {
            hooks: {
              streamWrite: (line: string) => {
                let out = line;
                for (const v of values) if (out.includes(v)) out = out.split(v).join('[redacted]');
                return out;
              },
            },
          }
        : {}),
    },
    destination ?? pino.destination({ dest: 2, sync: true }),
  );
}

/** The configured secret values (tokens, signing secret, the password in REDIS_URL) for createLogger. */
export function secretValues(config: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'DISCORD_TOKEN', 'LLM_API_KEY']) {
    const v = config[key];
    if (typeof v === 'string' && v) out.push(v);
  }
  const redis = config.REDIS_URL;
  if (typeof redis === 'string') {
    try {
      const password = decodeURIComponent(new URL(redis).password);
      if (password) out.push(password);
    } catch {
      // not a URL: nothing to hide
    }
  }
  return out;
}

/** Where the console bot at a terminal writes its logs, so no log line lands in the conversation. */
export const consoleLogPath = (dataDir: string) => join(dataDir, 'bot.log');

/** An append-only log file (its folder made when missing); throws when it cannot be opened. */
export function logFileDestination(path: string): DestinationStream {
  return pino.destination({ dest: path, sync: true, append: true, mkdir: true });
}
