// The messages between the main thread and the engine worker: one generic call message (method
// name and arguments, structured-cloned), one result message, and lifecycle and log lines.
import type { WireError } from '../errors.ts';

// the error registry lives in errors.ts; re-exported so the protocol is read in one place
export { fromWire, toWire, type WireError } from '../errors.ts';

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

export type FromWorker =
  | { type: 'ready'; articles: number }
  | { type: 'failed'; error: WireError }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: WireError }
  | { type: 'log'; line: string }
  | { type: 'progress'; done: number; total: number }
  | { type: 'stopped' };
