// Live ingestion for the composition root: the CORPUS_DIR watcher, the FEEDS poller, and a
// debounced re-save of the persisted index after either changed the engine.
import type { Engine } from '../engine/engine.ts';
import { saveIndex } from '../engine/persist-index.ts';
import type { FeedHealth } from '../engine/types.ts';
import type { CorpusFile } from '../engine/corpus-files.ts';
import type { Logger } from '../logger.ts';
import { watchCorpus, type CorpusWatcher } from './corpus-watcher.ts';
import { FeedPoller, parseFeedList } from './feed-poller.ts';

export interface IngestOptions {
  engine: Engine;
  log: Logger;
  corpusDir: string;
  /** Comma-separated feed URLs (FEEDS); none: no poller. */
  feeds?: string;
  /** FEED_POLL_CRON. */
  feedPollCron?: string;
  /** DATA_DIR: where the persisted index is re-saved after changes; none: not saved. */
  dataDir?: string;
  /** The files as the engine holds them (loadEngineWithFiles): the watcher's baseline. */
  baseline?: readonly CorpusFile[];
  /** Watch CORPUS_DIR (default true). */
  watch?: boolean;
  /** Quiet time before re-saving the index; default 10 s. */
  saveDelayMs?: number;
}

export interface Ingest {
  /** One entry per configured feed, for `/sources` (empty without FEEDS). */
  feedHealth(): FeedHealth[];
  /** Stops watching and polling; writes a pending index save first. */
  stop(): Promise<void>;
}

export async function startIngest(options: IngestOptions): Promise<Ingest> {
  const { engine, log, corpusDir, dataDir } = options;
  let saveTimer: NodeJS.Timeout | null = null;
  let saving: Promise<void> = Promise.resolve();
  const save = () => {
    saveTimer = null;
    if (!dataDir) return;
    saving = saving
      .then(() => saveIndex(engine, dataDir, corpusDir))
      .then((bytes) => log.info({ bytes }, 'persisted index updated'))
      .catch((err: unknown) => log.warn({ err: err instanceof Error ? err.message : String(err) }, 'persisted index could not be updated'));
  };
  const changed = () => {
    if (!dataDir) return;
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(save, options.saveDelayMs ?? 10_000);
    saveTimer.unref();
  };

  let watcher: CorpusWatcher | null = null;
  if (options.watch !== false) {
    try {
      watcher = await watchCorpus({ corpusDir, engine, log, onChange: changed, ...(options.baseline ? { baseline: options.baseline } : {}) });
      log.info({ corpusDir }, 'watching the corpus for changes');
    } catch (err) {
      log.warn({ err: err instanceof Error ? err.message : String(err) }, 'corpus cannot be watched; changes need a restart');
    }
  }
  const urls = parseFeedList(options.feeds);
  const poller = urls.length ? new FeedPoller({ urls, engine, log, cron: options.feedPollCron, onArticles: changed }) : null;
  poller?.start();
  if (poller) log.info({ feeds: urls.length, cron: options.feedPollCron }, 'polling feeds');

  return {
    feedHealth: () => poller?.health() ?? [],
    async stop() {
      poller?.stop();
      await watcher?.close();
      if (saveTimer) {
        clearTimeout(saveTimer);
        save();
      }
      await saving;
    },
  };
}
