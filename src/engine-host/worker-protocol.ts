// The messages between the main thread and the engine worker: one generic call message (method
// name and arguments, structured-cloned), one result message, and lifecycle and log lines.
import { CorpusUnreadableError } from '../errors.ts';

/** What the worker is started with (workerData). */
export interface EngineWorkerData {
  corpusDir: string;
  /** DATA_DIR: the persisted index is loaded from and saved here. */
  dataDir?: string;
  feeds?: string;
  feedPollCron?: string;
  /** Watch CORPUS_DIR (default true). */
  watch?: boolean;
  /** Quiet time before re-saving the index after changes. */
  saveDelayMs?: number;
  /** Send `progress` messages while the corpus is indexed (someone shows them). */
  progress?: boolean;
  /** The main logger's level: lines below it are not even sent. */
  logLevel: string;
}

/** Who answers a call in the worker: the engine, or the ingestion beside it (feed health). */
export type CallTarget = 'engine' | 'ingest';

export type ToWorker = { type: 'call'; id: number; target: CallTarget; method: string; args: unknown[] } | { type: 'stop' };

/** An error as it crosses the thread boundary. */
export interface WireError {
  name: string;
  message: string;
  stack?: string;
}

export type FromWorker =
  | { type: 'ready'; articles: number }
  | { type: 'failed'; error: WireError }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: WireError }
  | { type: 'log'; line: string }
  | { type: 'progress'; done: number; total: number }
  | { type: 'stopped' };

export function toWire(err: unknown): WireError {
  if (err instanceof Error) return { name: err.name, message: err.message, ...(err.stack ? { stack: err.stack } : {}) };
  return { name: 'Error', message: String(err) };
}

/** The error again on this side, with the worker's stack (where it really happened). */
export function fromWire(wire: WireError): Error {
  const err = wire.name === 'CorpusUnreadableError' ? new CorpusUnreadableError(wire.message) : new Error(wire.message);
  err.name = wire.name;
  if (wire.stack) err.stack = wire.stack;
  return err;
}
