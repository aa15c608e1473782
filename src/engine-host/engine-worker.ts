// The main thread's side of the engine worker: starts engine-worker-main in a worker_threads
// Worker, turns EngineApi calls into `call` messages, restarts the worker (from the persisted
// index) when it dies, and stops it cleanly.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { exponentialDelay } from '../backoff.ts';
import type { FeedHealth } from '../engine/types.ts';
import { EngineUnavailableError } from '../errors.ts';
import type { IndexProgress } from '../load-engine.ts';
import type { Logger } from '../logger.ts';
import { engineApiOver, type EngineApi } from './engine-api.ts';
import { fromWire, type CallTarget, type EngineWorkerData, type FromWorker, type ToWorker } from './worker-protocol.ts';

/** What the composition root holds of the engine, wherever it runs. */
export interface EngineHost {
  readonly engine: EngineApi;
  /** Articles when the engine was ready. */
  readonly articles: number;
  /** One entry per configured feed, for `/sources`. */
  feedHealth(): Promise<FeedHealth[]>;
  /** Stops ingestion (writing a pending index save) and, for a worker, the thread. */
  stop(): Promise<void>;
}

export interface EngineWorkerOptions extends Omit<EngineWorkerData, 'logLevel' | 'progress'> {
  log: Logger;
  /** Hears the first load's indexing progress (not a restart's). */
  onProgress?: IndexProgress;
  /** The worker's module; default engine-worker-main beside this file (tests pass a wrapper). */
  entry?: URL;
  /** The wait before a second restart attempt; it doubles with each failed attempt, up to 30 s. */
  restartDelayMs?: number;
  /** How long stop waits for the worker to stop ingestion before terminating it. */
  stopTimeoutMs?: number;
}

interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
  worker: Worker;
}

const MAX_RESTART_DELAY_MS = 30_000;

/**
 * What `new Worker` runs: the compiled .js module as is, or, for a .ts module (under tsx or
 * vitest, whose transforms workers do not inherit, and `--import tsx` in a worker's execArgv does
 * not reach its entry on Node 20), a bootstrap that registers tsx in the thread and imports it.
 */
export function workerEntry(entry?: URL): { script: URL | string; eval: boolean } {
  const url = entry ?? new URL(`./engine-worker-main${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  if (!url.pathname.endsWith('.ts')) return { script: url, eval: false };
  // resolved here, so any working directory will do
  const tsxApi = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const script = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  return { script, eval: true };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export class EngineWorker implements EngineHost {
  readonly engine: EngineApi;
  articles = 0;
  private readonly log: Logger;
  private worker: Worker | null = null;
  /** The worker that answers the next call, once it is ready. */
  private current: Promise<Worker>;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stopping: Promise<void> | null = null;
  private failedStarts = 0;
  private onStopped: (() => void) | null = null;
  /** A worker was ready once: later ones are restarts, whose progress nobody shows. */
  private started = false;

  private constructor(private readonly options: EngineWorkerOptions) {
    this.log = options.log;
    this.engine = engineApiOver((method, args) => this.call('engine', method, args));
    this.current = this.spawn();
  }

  /** Starts the worker and waits until its engine is ready; a corpus that cannot be read throws here. */
  static async start(options: EngineWorkerOptions): Promise<EngineWorker> {
    const host = new EngineWorker(options);
    try {
      await host.current;
    } catch (err) {
      await host.stop();
      throw err;
    }
    return host;
  }

  feedHealth(): Promise<FeedHealth[]> {
    return this.call('ingest', 'feedHealth', []) as Promise<FeedHealth[]>;
  }

  /** The worker's thread id, while one runs (tests, logs). */
  get threadId(): number | null {
    return this.worker?.threadId ?? null;
  }

  private async call(target: CallTarget, method: string, args: unknown[]): Promise<unknown> {
    if (this.stopping) throw new EngineUnavailableError('the engine is stopping');
    const worker = await this.current;
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject, worker });
      try {
        worker.postMessage({ type: 'call', id, target, method, args } satisfies ToWorker);
      } catch (err) {
        // an argument that cannot be cloned (a function): this call fails, nothing else
        this.pending.delete(id);
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  }

  private spawn(): Promise<Worker> {
    const { script, eval: evaluated } = workerEntry(this.options.entry);
    const { log: _log, entry: _entry, restartDelayMs: _delay, stopTimeoutMs: _timeout, onProgress, ...data } = this.options;
    const workerData: EngineWorkerData = { ...data, logLevel: this.log.level, progress: onProgress !== undefined && !this.started };
    const worker = new Worker(script, { workerData, eval: evaluated });
    this.worker = worker;
    return new Promise<Worker>((resolve, reject) => {
      let ready = false;
      worker.on('message', (message: FromWorker) => {
        switch (message.type) {
          case 'result': {
            const call = this.pending.get(message.id);
            if (!call) return;
            this.pending.delete(message.id);
            if (message.ok) call.resolve(message.value);
            else call.reject(fromWire(message.error));
            return;
          }
          case 'log':
            this.relayLog(message.line);
            return;
          case 'progress':
            onProgress?.(message.done, message.total);
            return;
          case 'ready':
            ready = true;
            this.started = true;
            this.articles = message.articles;
            resolve(worker);
            return;
          case 'failed':
            reject(fromWire(message.error));
            if (this.worker === worker) this.worker = null;
            void worker.terminate();
            return;
          case 'stopped':
            this.onStopped?.();
            return;
        }
      });
      worker.on('error', (err) => this.log.error({ err, threadId: worker.threadId }, 'engine worker crashed'));
      worker.on('exit', (code) => {
        if (this.worker === worker) this.worker = null;
        const lost = new EngineUnavailableError(this.stopping ? 'the engine is stopping' : 'the engine stopped while answering; it is being restarted');
        for (const [id, call] of this.pending) {
          if (call.worker !== worker) continue;
          this.pending.delete(id);
          call.reject(lost);
        }
        if (!ready) reject(new EngineUnavailableError(`the engine worker exited (code ${code}) before it was ready`));
        else if (!this.stopping) {
          this.log.error({ code, threadId: worker.threadId }, 'engine worker exited; restarting it from the persisted index');
          this.restart(0);
        }
      });
    });
  }

  /** A new worker after `delayMs`; calls meanwhile wait for it, and a failed attempt fails them and tries again later. */
  private restart(delayMs: number): void {
    const attempt = sleep(delayMs).then(() => {
      if (this.stopping) throw new EngineUnavailableError('the engine is stopping');
      return this.spawn();
    });
    this.current = attempt;
    attempt.then(
      () => {
        this.failedStarts = 0;
        this.log.info({ articles: this.articles }, 'engine worker restarted');
      },
      (err: unknown) => {
        if (this.stopping) return;
        const wait = exponentialDelay({ minTimeout: this.options.restartDelayMs ?? 1000, maxTimeout: MAX_RESTART_DELAY_MS, factor: 2 }, ++this.failedStarts);
        this.log.error({ err, retryInMs: wait }, 'engine worker could not be restarted; trying again');
        this.restart(wait);
      },
    );
  }

  /** A worker log line written through this thread's logger (its redaction, its destination). */
  private relayLog(line: string): void {
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(line) as Record<string, unknown>;
    } catch {
      this.log.warn({ thread: 'engine' }, 'engine worker wrote a line that is not JSON');
      return;
    }
    const { level, time: _time, msg, ...fields } = parsed;
    const label = typeof level === 'number' ? this.log.levels.labels[level] : undefined;
    const write = label && label in LEVEL_METHODS ? this.log[label as keyof typeof LEVEL_METHODS].bind(this.log) : this.log.info.bind(this.log);
    write({ ...fields, thread: 'engine' }, typeof msg === 'string' ? msg : '');
  }

  stop(): Promise<void> {
    this.stopping ??= this.shutDown();
    return this.stopping;
  }

  private async shutDown(): Promise<void> {
    const worker = this.worker;
    if (worker) {
      const done = new Promise<void>((resolve) => {
        this.onStopped = resolve;
        worker.once('exit', () => resolve());
      });
      worker.postMessage({ type: 'stop' } satisfies ToWorker);
      const finished = await Promise.race([done.then(() => true), sleep(this.options.stopTimeoutMs ?? 15_000).then(() => false)]);
      await worker.terminate();
      if (finished) this.log.info('engine worker stopped');
      else this.log.warn({ ms: this.options.stopTimeoutMs ?? 15_000 }, 'engine worker did not stop in time; terminated');
    }
    for (const call of this.pending.values()) call.reject(new EngineUnavailableError('the engine is stopping'));
    this.pending.clear();
  }
}

const LEVEL_METHODS = { fatal: 1, error: 1, warn: 1, info: 1, debug: 1, trace: 1 } as const;
