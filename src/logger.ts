import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Keys whose values are never written, wherever they appear in a log line (two levels deep). */
export const REDACT_PATHS = [
  'token', '*.token', 'secret', '*.secret', 'authorization', '*.authorization', 'Authorization', '*.Authorization',
  'headers.authorization', '*.headers.authorization', 'config.headers.Authorization', '*.config.headers.Authorization',
];

/**
 * JSON logs to stderr, so stdout stays for replies and CLI JSON; secrets are redacted by key.
 * `destination` replaces stderr (tests capture the lines to scan them).
 */
export function createLogger(level = 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    },
    destination ?? pino.destination({ dest: 2, sync: true }),
  );
}
