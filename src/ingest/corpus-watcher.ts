// Watches CORPUS_DIR: added, changed and removed files update the engine with add/remove (no
// restart, no rebuild). fs.watch (recursive; Linux Node 20 supports it) says *that* something
// changed; a debounced sync then compares the files' sizes and times with what was loaded.
// Optionally also a periodic full sync (`pollMs`), for file systems where events do not arrive.
import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { dedupeIds, loadCorpusFile } from '../engine/corpus/load-corpus.ts';
import { isCorpusPath, listCorpusFiles, type CorpusFile } from '../engine/corpus-files.ts';
import type { Article, LoadWarning } from '../engine/types.ts';
import type { Logger } from '../logger.ts';

/** What the watcher needs of the engine. */
export interface CorpusSink {
  add(articles: Article[]): void;
  remove(ids: Iterable<string>): void;
  listArticles(): Article[];
  article(id: string): Article | undefined;
}

export interface CorpusWatcherOptions {
  corpusDir: string;
  engine: CorpusSink;
  log: Logger;
  /** Quiet time after the last event before syncing; default 150 ms. */
  debounceMs?: number;
  /** Also sync every this many ms (0: events only); default 0. */
  pollMs?: number;
  /**
   * The files as the engine holds them (sizes and times when the loader read them). Given, the
   * watcher compares against it at once, so an edit made while the corpus was loading is picked up;
   * without it, the files found at start are assumed to be what the engine holds.
   */
  baseline?: readonly CorpusFile[];
  /** Called after a sync that changed something. */
  onChange?: (change: CorpusChange) => void;
}

export interface CorpusChange {
  added: string[];
  changed: string[];
  removed: string[];
  /** Articles added (new or replaced) and ids removed. */
  articlesAdded: number;
  articlesRemoved: number;
}

interface Known {
  size: number;
  mtimeMs: number;
  ids: string[];
}

export class CorpusWatcher {
  private readonly known = new Map<string, Known>();
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private poller: NodeJS.Timeout | null = null;
  private syncing: Promise<CorpusChange> = Promise.resolve(emptyChange());
  private pending = false;
  private closed = false;

  constructor(private readonly opts: CorpusWatcherOptions) {}

  /** Reads the current files (the engine is assumed to hold them) and starts watching. */
  async start(): Promise<void> {
    const files = this.opts.baseline ?? (await listCorpusFiles(this.opts.corpusDir));
    const byOrigin = new Map<string, string[]>();
    for (const a of this.opts.engine.listArticles()) {
      let list = byOrigin.get(a.origin);
      if (!list) byOrigin.set(a.origin, (list = []));
      list.push(a.id);
    }
    for (const f of files) this.known.set(f.rel, { size: f.size, mtimeMs: f.mtimeMs, ids: byOrigin.get(f.rel) ?? [] });
    const root = this.opts.corpusDir;
    const isDir = (await stat(root)).isDirectory();
    this.watcher = watch(root, { recursive: isDir, persistent: false }, () => this.schedule());
    this.watcher.on('error', (err) => this.opts.log.warn({ err: err.message }, 'corpus watcher error; syncing'));
    if (this.opts.pollMs) {
      this.poller = setInterval(() => this.schedule(), this.opts.pollMs);
      this.poller.unref();
    }
    // what changed between the loader's read and the watch starting raised no event: look now
    if (this.opts.baseline) this.schedule();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.watcher?.close();
    if (this.timer) clearTimeout(this.timer);
    if (this.poller) clearInterval(this.poller);
    await this.syncing.catch(() => undefined);
  }

  private schedule(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.sync().catch((err: unknown) => this.opts.log.error({ err: err instanceof Error ? err.message : String(err) }, 'corpus sync failed'));
    }, this.opts.debounceMs ?? 150);
    this.timer.unref();
  }

  /** Brings the engine in line with the files now (also callable directly); one sync at a time. */
  sync(): Promise<CorpusChange> {
    if (this.pending) return this.syncing;
    this.pending = true;
    this.syncing = this.syncing
      .catch(() => emptyChange())
      .then(() => {
        this.pending = false;
        return this.syncOnce();
      });
    return this.syncing;
  }

  private async syncOnce(): Promise<CorpusChange> {
    const change = emptyChange();
    let files: CorpusFile[];
    try {
      files = await listCorpusFiles(this.opts.corpusDir);
    } catch (err) {
      this.opts.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'corpus folder cannot be read; keeping the loaded articles');
      return change;
    }
    const now = new Map(files.map((f) => [f.rel, f]));
    for (const [rel, k] of this.known) {
      if (now.has(rel)) continue;
      this.opts.engine.remove(k.ids);
      this.known.delete(rel);
      change.removed.push(rel);
      change.articlesRemoved += k.ids.length;
    }
    for (const f of files) {
      const k = this.known.get(f.rel);
      if (k && k.size === f.size && k.mtimeMs === f.mtimeMs) continue;
      const { articles, warnings } = await this.load(f.rel, k?.ids ?? []);
      for (const w of warnings) this.opts.log.warn({ path: w.path }, `corpus: ${w.path}: ${w.reason}`);
      if (k) {
        const keep = new Set(articles.map((a) => a.id));
        const gone = k.ids.filter((id) => !keep.has(id));
        this.opts.engine.remove(gone);
        change.articlesRemoved += gone.length;
        change.changed.push(f.rel);
      } else change.added.push(f.rel);
      this.opts.engine.add(articles);
      change.articlesAdded += articles.length;
      this.known.set(f.rel, { size: f.size, mtimeMs: f.mtimeMs, ids: articles.map((a) => a.id) });
    }
    if (change.added.length || change.changed.length || change.removed.length) {
      this.opts.log.info(
        { added: change.added.length, changed: change.changed.length, removed: change.removed.length, articlesAdded: change.articlesAdded, articlesRemoved: change.articlesRemoved },
        'corpus changed; index updated',
      );
      this.opts.onChange?.(change);
    }
    return change;
  }

  /** One file's articles, ids kept apart from other files' (a clash gets `#2`…). */
  private async load(rel: string, ownIds: readonly string[]): Promise<{ articles: Article[]; warnings: LoadWarning[] }> {
    const root = this.opts.corpusDir;
    const isFile = (await stat(root)).isFile();
    if (!isFile && !isCorpusPath(rel)) return { articles: [], warnings: [] };
    const { articles, warnings } = await loadCorpusFile(root, isFile ? rel : join(...rel.split('/')));
    const own = new Set(ownIds);
    const taken = new Set<string>();
    for (const a of articles) {
      // an id held by another file's article is taken; this file's own old ids are free again
      if (!own.has(a.id) && this.opts.engine.article(a.id)) taken.add(a.id);
    }
    const clashes = articles.filter((a) => taken.has(a.id));
    if (clashes.length) {
      const all = new Set(this.opts.engine.listArticles().map((a) => a.id));
      for (const id of own) all.delete(id);
      const ws: LoadWarning[] = [];
      dedupeIds(articles, ws, all);
      warnings.push(...ws);
    }
    return { articles, warnings };
  }
}

function emptyChange(): CorpusChange {
  return { added: [], changed: [], removed: [], articlesAdded: 0, articlesRemoved: 0 };
}

/** Starts watching a corpus folder (or single file) whose articles the engine already holds. */
export async function watchCorpus(options: CorpusWatcherOptions): Promise<CorpusWatcher> {
  const w = new CorpusWatcher(options);
  await w.start();
  return w;
}
