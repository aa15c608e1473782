import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs to stderr, so stdout stays for replies and CLI JSON; secrets are redacted by key. */
export function createLogger(level = 'info'): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: ['token', '*.token', 'secret', '*.secret', 'authorization', '*.authorization'], censor: '[redacted]' },
    },
    pino.destination({ dest: 2, sync: true }),
  );
}
