import { loadCorpus } from './engine/corpus/load-corpus.ts';
import { fingerprintOf, listCorpusFiles, type CorpusFile } from './engine/corpus-files.ts';
import { Engine } from './engine/engine.ts';
import { loadIndex, removeStaleTempFiles, saveIndex } from './engine/persist-index.ts';
import { createProgress } from './ingest/progress.ts';
import type { Logger } from './logger.ts';

export interface LoadEngineOptions {
  /** Keep a persisted index here (DATA_DIR): used when it matches the corpus, else rebuilt and rewritten. */
  dataDir?: string;
  /** Progress lines on stderr for large corpora (default true). */
  progress?: boolean;
  /** Indexing progress for any corpus size, in place of the stderr lines (the console shows its own line). */
  onProgress?: IndexProgress;
}

/** `done` of `total` articles indexed: (0, total) when indexing starts, (total, total) when it ends. */
export type IndexProgress = (done: number, total: number) => void;

/** Corpora at least this large show indexing progress. */
const PROGRESS_FROM = 5000;

/**
 * Loads the corpus (skipped files logged, not fatal) and indexes it. Throws CorpusUnreadableError.
 * With `dataDir`, a persisted index of the same corpus (same files, sizes and times) is loaded
 * instead; a missing, outdated or damaged one is rebuilt (damage logged as a warning).
 */
export async function loadEngine(corpusPath: string, log: Logger, options: LoadEngineOptions = {}): Promise<Engine> {
  return (await loadEngineWithFiles(corpusPath, log, options)).engine;
}

export interface LoadedEngine {
  engine: Engine;
  /** The corpus files as the engine holds them (sizes and times when read): the corpus watcher's baseline. */
  files: CorpusFile[];
}

/** loadEngine, also saying which file versions the engine holds, so that an edit made meanwhile is not missed. */
export async function loadEngineWithFiles(corpusPath: string, log: Logger, options: LoadEngineOptions = {}): Promise<LoadedEngine> {
  const started = performance.now();
  let fingerprint: string | undefined;
  let listed: CorpusFile[] = [];
  if (options.dataDir) {
    const stale = await removeStaleTempFiles(options.dataDir);
    if (stale.length) log.info({ files: stale }, 'removed temp files of an index write that never finished');
    try {
      listed = await listCorpusFiles(corpusPath);
      fingerprint = fingerprintOf(listed);
    } catch {
      fingerprint = undefined; // an unreadable corpus: loadCorpus below says why
    }
    if (fingerprint) {
      const loaded = await loadIndex(options.dataDir, corpusPath, fingerprint);
      if (loaded.ok) {
        log.info({ articles: loaded.engine.size, ms: Math.round(performance.now() - started) }, 'persisted index loaded');
        // the index matched this listing (the fingerprint), so it is what the engine holds
        return { engine: loaded.engine, files: listed };
      }
      if (loaded.reason === 'corrupt') log.warn({ detail: loaded.detail }, 'persisted index is damaged; rebuilding it');
      else log.info({ reason: loaded.reason, detail: loaded.detail }, 'persisted index not used; rebuilding it');
    }
  }
  const { articles, warnings, files } = await loadCorpus(corpusPath);
  for (const w of warnings) log.warn({ path: w.path }, `corpus: ${w.path}: ${w.reason}`);
  const engine = new Engine();
  const total = articles.length;
  const { onProgress } = options;
  const progress = onProgress
    ? { update: (done: number) => onProgress(done, total), finish: () => onProgress(total, total) }
    : total >= PROGRESS_FROM && options.progress !== false
      ? createProgress('indexing', total)
      : null;
  onProgress?.(0, total);
  engine.add(articles, progress ? (done) => progress.update(done) : undefined);
  progress?.finish();
  log.info({ articles: engine.size, skipped: warnings.length, ms: Math.round(performance.now() - started) }, 'corpus indexed');
  if (options.dataDir && fingerprint) {
    try {
      const bytes = await saveIndex(engine, options.dataDir, corpusPath, fingerprint);
      log.info({ bytes }, 'persisted index written');
    } catch (err) {
      log.warn({ err: err instanceof Error ? err.message : String(err) }, 'persisted index could not be written');
    }
  }
  return { engine, files: files ?? [] };
}
