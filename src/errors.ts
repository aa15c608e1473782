/** One error vocabulary for the whole project. Codes are pinned by the CLI JSON contract. */
export type ErrorCode = 'usage' | 'not_found' | 'corpus_unreadable' | 'internal' | 'config' | 'rate_limited' | 'forbidden' | 'store_unavailable';

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

/** What a store operation was doing when it failed: a read changes nothing, a write may not have happened. */
export type StoreOperation = 'read' | 'write';

/**
 * Thrown by the store layer when SQLite or Redis cannot serve a read or a write (locked,
 * damaged, unreachable): the caller tells the user plainly instead of treating it as "no value"
 * or as saved. `cause` keeps the driver's error for the log.
 */
export class StoreUnavailableError extends Error {
  readonly code = 'store_unavailable' as const;
  constructor(
    readonly operation: StoreOperation,
    override readonly cause: unknown,
  ) {
    super(`store unavailable (${operation}): ${describeCause(cause)}`);
    this.name = 'StoreUnavailableError';
  }

  /** The error itself when it already is one, else a new one around `cause`. */
  static wrap(operation: StoreOperation, cause: unknown): StoreUnavailableError {
    return cause instanceof StoreUnavailableError ? cause : new StoreUnavailableError(operation, cause);
  }
}

/** One line about a driver error: its code and message (`SQLITE_BUSY: database is locked`). */
export function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    const message = cause.message || cause.name;
    return typeof code === 'string' && !message.startsWith(code) ? `${code}: ${message}` : message;
  }
  return String(cause);
}
