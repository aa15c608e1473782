/** One error vocabulary for the whole project. Codes are pinned by the CLI JSON contract. */
export const ERROR_CODES = ['usage', 'not_found', 'corpus_unreadable', 'internal', 'config', 'rate_limited', 'forbidden', 'store_unavailable'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

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

/** Every thrown error that carries a code: the registry (ERROR_CLASSES) rebuilds it across a thread. */
export abstract class CodedError extends Error {
  abstract readonly code: ErrorCode;
  /** The fields besides the message that the class needs to be rebuilt (strings only: they cross threads). */
  wireDetail(): Record<string, string> {
    return {};
  }
}

/** A request that cannot be served as asked; the message says how to ask. */
export class UsageError extends CodedError {
  readonly code = 'usage' as const;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** What was asked for (an article, a subscription) does not exist. */
export class NotFoundError extends CodedError {
  readonly code = 'not_found' as const;
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** Too many requests from one user or surface; try again later. */
export class RateLimitedError extends CodedError {
  readonly code = 'rate_limited' as const;
  constructor(message: string) {
    super(message);
    this.name = 'RateLimitedError';
  }
}

/** The caller may not do this here. */
export class ForbiddenError extends CodedError {
  readonly code = 'forbidden' as const;
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** A bug or an uncoded failure: the user sees a reference, the log the detail. */
export class InternalError extends CodedError {
  readonly code = 'internal' as const;
  constructor(message: string) {
    super(message);
    this.name = 'InternalError';
  }
}

/** Thrown at start when the configuration cannot work; names the variable to set. */
export class ConfigError extends CodedError {
  readonly code = 'config' as const;
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }

  override wireDetail(): Record<string, string> {
    return { variable: this.variable };
  }
}

/** Thrown when the corpus path itself cannot be read (a missing folder, not one bad file). */
export class CorpusUnreadableError extends CodedError {
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
export class EngineUnavailableError extends InternalError {
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
export class StoreUnavailableError extends CodedError {
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

  override wireDetail(): Record<string, string> {
    return { operation: this.operation, cause: describeCause(this.cause) };
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

/** An error as it crosses a thread boundary (structured-cloned): its code, message and the detail to rebuild it. */
export interface WireError {
  code: ErrorCode;
  name: string;
  message: string;
  stack?: string;
  detail?: Record<string, string>;
}

/** How each code's class is built again from the wire: the one ErrorCode → class map. */
const ERROR_CLASSES: { readonly [C in ErrorCode]: (message: string, detail: Readonly<Record<string, string>>) => CodedError } = {
  usage: (message) => new UsageError(message),
  not_found: (message) => new NotFoundError(message),
  corpus_unreadable: (message) => new CorpusUnreadableError(message),
  internal: (message) => new InternalError(message),
  config: (message, detail) => new ConfigError(detail.variable ?? 'unknown', message),
  rate_limited: (message) => new RateLimitedError(message),
  forbidden: (message) => new ForbiddenError(message),
  store_unavailable: (_message, detail) => new StoreUnavailableError(detail.operation === 'write' ? 'write' : 'read', new Error(detail.cause ?? 'unknown cause')),
};

const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.hasOwn(ERROR_CLASSES, code);

/** Any thrown value as it crosses a thread: a coded error keeps its code, anything else becomes `internal`. */
export function toWire(err: unknown): WireError {
  if (!(err instanceof Error)) return { code: 'internal', name: 'Error', message: String(err) };
  const stack = err.stack ? { stack: err.stack } : {};
  if (err instanceof CodedError && isErrorCode(err.code)) return { code: err.code, name: err.name, message: err.message, ...stack, detail: err.wireDetail() };
  return { code: 'internal', name: err.name, message: err.message, ...stack };
}

/** The error again on this side: the same class, code and message, with the sender's stack (where it really happened). */
export function fromWire(wire: WireError): CodedError {
  const rebuild = isErrorCode(wire.code) ? ERROR_CLASSES[wire.code] : ERROR_CLASSES.internal;
  const err = rebuild(wire.message, wire.detail ?? {});
  // the sender's message exactly, whatever the constructor would have prefixed
  err.message = wire.message;
  if (wire.stack) err.stack = wire.stack;
  return err;
}
