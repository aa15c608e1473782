// The engine for the composition root: in a worker thread (ENGINE_WORKER=1, the default) or in
// this thread (ENGINE_WORKER=0), each with the corpus watcher, the feed poller and the persisted index.
import { startIngest } from '../ingest/start-ingest.ts';
import { loadEngineWithFiles } from '../load-engine.ts';
import { localEngineApi } from './engine-api.ts';
import { EngineWorker, type EngineHost, type EngineWorkerOptions } from './engine-worker.ts';

export type { EngineHost } from './engine-worker.ts';

export interface StartEngineOptions extends EngineWorkerOptions {
  /** true: a worker thread owns the engine and ingestion; false: this thread does. */
  worker: boolean;
}

export async function startEngine(options: StartEngineOptions): Promise<EngineHost> {
  const { worker, ...rest } = options;
  if (worker) return EngineWorker.start(rest);
  const { log, corpusDir, dataDir } = rest;
  const { engine, files } = await loadEngineWithFiles(corpusDir, log, { ...(dataDir ? { dataDir } : {}), ...(rest.onProgress ? { onProgress: rest.onProgress } : {}) });
  const ingest = await startIngest({
    engine,
    baseline: files,
    log,
    corpusDir,
    ...(dataDir ? { dataDir } : {}),
    ...(rest.feeds ? { feeds: rest.feeds } : {}),
    ...(rest.feedPollCron ? { feedPollCron: rest.feedPollCron } : {}),
    ...(rest.watch !== undefined ? { watch: rest.watch } : {}),
    ...(rest.saveDelayMs !== undefined ? { saveDelayMs: rest.saveDelayMs } : {}),
  });
  return {
    engine: localEngineApi(engine),
    articles: engine.size,
    feedHealth: async () => ingest.feedHealth(),
    stop: () => ingest.stop(),
  };
}
