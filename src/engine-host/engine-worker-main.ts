// The engine worker thread: owns the Engine and the ingestion (CORPUS_DIR watcher, FEEDS poller,
// persisted index), so the main thread holds no corpus and its event loop only does I/O.
// Started by engine-worker.ts; answers `call` messages in order, one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { startIngest, type Ingest } from '../ingest/start-ingest.ts';
import { loadEngineWithFiles } from '../load-engine.ts';
import { createLogger } from '../logger.ts';
import type { Engine } from '../engine/engine.ts';
import { invokeEngine, localEngineApi, type EngineApi } from './engine-api.ts';
import { toWire, type EngineWorkerData, type FromWorker, type ToWorker } from './worker-protocol.ts';

const port = parentPort;
if (!port) throw new Error('engine-worker-main runs as a worker thread (see engine-worker.ts)');
const options = workerData as EngineWorkerData;
const send = (message: FromWorker) => port.postMessage(message);
// Log lines go to the main thread, which writes them through its own logger (redaction, destination)
const log = createLogger(options.logLevel, { write: (line: string) => send({ type: 'log', line }) });
// as in main.ts: a stray rejection in ingestion is logged, not fatal to the engine
process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection in the engine worker; still running'));

let engine: Engine | undefined;
/** The engine's offered members (queries and ingestion), answered in this thread. */
let api: EngineApi | undefined;
let ingest: Ingest | undefined;

async function answer(message: Extract<ToWorker, { type: 'call' }>): Promise<void> {
  try {
    let value: unknown;
    if (message.target === 'ingest') {
      if (message.method !== 'feedHealth') throw new TypeError(`ingestion offers no "${message.method}"`);
      value = ingest?.feedHealth() ?? [];
    } else {
      value = await invokeEngine(api!, message.method, message.args);
    }
    send({ type: 'result', id: message.id, ok: true, value });
  } catch (err) {
    // also a result that cannot be cloned (DataCloneError): the caller hears why
    send({ type: 'result', id: message.id, ok: false, error: toWire(err) });
  }
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'call') void answer(message);
  else if (message.type === 'stop') {
    void (ingest?.stop() ?? Promise.resolve())
      .catch((err: unknown) => log.warn({ err }, 'ingestion did not stop cleanly'))
      .then(() => send({ type: 'stopped' }));
  }
});

try {
  const loaded = await loadEngineWithFiles(options.corpusDir, log, {
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.progress ? { onProgress: (done: number, total: number) => send({ type: 'progress', done, total }) } : {}),
  });
  engine = loaded.engine;
  api = localEngineApi(engine);
  ingest = await startIngest({
    engine,
    baseline: loaded.files,
    log,
    corpusDir: options.corpusDir,
    ...(options.feeds ? { feeds: options.feeds } : {}),
    ...(options.feedPollCron ? { feedPollCron: options.feedPollCron } : {}),
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.watch !== undefined ? { watch: options.watch } : {}),
    ...(options.saveDelayMs !== undefined ? { saveDelayMs: options.saveDelayMs } : {}),
  });
  send({ type: 'ready', articles: engine.size });
} catch (err) {
  send({ type: 'failed', error: toWire(err) });
}
