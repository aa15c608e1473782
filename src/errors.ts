/** One error vocabulary for the whole project. Codes are pinned by the CLI JSON contract. */
export type ErrorCode = 'usage' | 'not_found' | 'corpus_unreadable' | 'internal' | 'config' | 'rate_limited' | 'forbidden';

/** An expected failure, carried as a value: a message fit to show a person. */
export interface Failure {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: ErrorCode, message: string): Result<T> => ({
  ok: false,
  error: { code, message },
});

/** Thrown at start when the configuration cannot work; names the variable to set. */
export class ConfigError extends Error {
  readonly code = 'config' as const;
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

/** Thrown when the corpus path itself cannot be read (a missing folder, not one bad file). */
export class CorpusUnreadableError extends Error {
  readonly code = 'corpus_unreadable' as const;
  constructor(message: string) {
    super(message);
    this.name = 'CorpusUnreadableError';
  }
}

/** A short reference id a user can quote to find the logged detail of an unexpected error. */
export function makeErrorReference(): string {
  return Math.random().toString(36).slice(2, 8).toUpperCase();
}

/** Thrown to a caller of the engine when the engine worker stopped (a crash, or shutdown) before answering. */
export class EngineUnavailableError extends Error {
  readonly code = 'internal' as const;
  constructor(message: string) {
    super(message);
    this.name = 'EngineUnavailableError';
  }
}
