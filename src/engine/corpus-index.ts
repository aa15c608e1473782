// The engine's corpus index: articles and passages added and removed at any time, the BM25
// indexes over numeric term ids, the id lookups and the sorted orders, and the state the
// persisted index saves. The queries over it are engine.ts.
import { indexTermIds, TermMapper } from './analyze-article.ts';
import { Bm25Index, MAX_TF, Vocabulary } from './bm25-index.ts';
import { compareByDate } from './compose-stories.ts';
import { articleKey, isArticleKey } from './article-key.ts';
import { packText } from './packed-text.ts';
import type { Article } from './types.ts';

/** What the engine keeps of an article: no sentences (those are analyzed on demand). */
export interface EngineEntry {
  key: number;
  article: Article;
  titleTerms: string[];
  /** Distinct term ids of title and body (first appearance order) and their counts. */
  vector: { ids: Int32Array; counts: Uint8Array };
  /** Passage keys firstPassage … firstPassage + passageCount - 1. */
  firstPassage: number;
  passageCount: number;
  /** Milliseconds since the epoch, NaN when undated. */
  time: number;
}

/** Everything an engine is made of; restoring it needs no analysis. */
export interface EngineState {
  vocab: Vocabulary;
  passageIndex: Bm25Index;
  articleIndex: Bm25Index;
  passageArticle: Int32Array;
  passageFrom: Int32Array;
  passageTo: Int32Array;
  nextArticleKey: number;
  nextPassageKey: number;
  entries: EngineEntry[];
  /** Keys newest first (listing order) and dated keys by time (window order), when saved. */
  dateOrder?: Int32Array;
  timeOrder?: Int32Array;
}

/** A passage: its article and sentence range. */
export interface PassageAt {
  entry: EngineEntry;
  from: number;
  to: number;
}

/** Counts term ids of one document, remembering their first appearance order; reused. */
class TermCounter {
  private counts: Int32Array = new Int32Array(1024);
  private order: Int32Array = new Int32Array(1024);
  distinct = 0;

  count(id: number): void {
    if (id >= this.counts.length) this.counts = grow(this.counts, id + 1);
    if (this.counts[id]!++ === 0) {
      if (this.distinct >= this.order.length) this.order = grow(this.order, this.distinct + 1);
      this.order[this.distinct++] = id;
    }
  }

  idAt(i: number): number {
    return this.order[i]!;
  }

  countOf(id: number): number {
    return id < this.counts.length ? this.counts[id]! : 0;
  }

  reset(): void {
    for (let i = 0; i < this.distinct; i++) this.counts[this.order[i]!] = 0;
    this.distinct = 0;
  }
}

function grow(a: Int32Array, need: number): Int32Array {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2, 256));
  b.set(a);
  return b;
}

/**
 * Articles and passages under numeric keys, with compact postings over numeric term ids, the
 * lookups by id, and the listing (newest first) and window (by time) orders kept sorted.
 */
export class CorpusIndex {
  private readonly entries = new Map<number, EngineEntry>();
  private readonly keyById = new Map<string, number>();
  /** Lower-cased id, and lower-cased id without its extension → key; built on first use. */
  private keyByLowerId: Map<string, number> | null = null;
  /** Short key (article-key.ts) → id; built on first use. */
  private idByShortKey: Map<string, string> | null = null;
  readonly vocab: Vocabulary;
  readonly passageIndex: Bm25Index;
  readonly articleIndex: Bm25Index;
  /** Per passage key: its article key and sentence range. */
  private passageArticle: Int32Array = new Int32Array(0);
  private passageFrom: Int32Array = new Int32Array(0);
  private passageTo: Int32Array = new Int32Array(0);
  private nextArticleKey = 0;
  private nextPassageKey = 0;
  private readonly intern: (term: string) => number;
  private readonly mapper: TermMapper;
  private readonly counter = new TermCounter();
  /** Entries newest first (compareByDate), and dated entries by time; rebuilt after changes. */
  private byDate: EngineEntry[] | null = null;
  private byTime: EngineEntry[] | null = null;
  private orderInserts = 0;

  /** `onRemove` hears the key of every entry removed or replaced (the engine drops what it cached for it). */
  constructor(
    state: EngineState | undefined,
    private readonly onRemove: (key: number) => void,
  ) {
    this.vocab = state?.vocab ?? new Vocabulary();
    this.passageIndex = state?.passageIndex ?? new Bm25Index(this.vocab);
    this.articleIndex = state?.articleIndex ?? new Bm25Index(this.vocab);
    this.intern = (t) => this.vocab.intern(t);
    this.mapper = new TermMapper(this.intern);
    if (state) {
      this.passageArticle = state.passageArticle;
      this.passageFrom = state.passageFrom;
      this.passageTo = state.passageTo;
      this.nextArticleKey = state.nextArticleKey;
      this.nextPassageKey = state.nextPassageKey;
      for (const e of state.entries) this.register(e);
      const byKey = (keys: Int32Array | undefined) => {
        if (!keys) return null;
        const list: EngineEntry[] = [];
        for (const k of keys) {
          const e = this.entries.get(k);
          if (!e) return null;
          list.push(e);
        }
        return list;
      };
      this.byDate = byKey(state.dateOrder);
      this.byTime = byKey(state.timeOrder);
      this.orderInserts = 0;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** Every entry, in insertion order. */
  values(): IterableIterator<EngineEntry> {
    return this.entries.values();
  }

  entry(key: number): EngineEntry | undefined {
    return this.entries.get(key);
  }

  entryById(id: string): EngineEntry | undefined {
    const key = this.keyById.get(id);
    return key === undefined ? undefined : this.entries.get(key);
  }

  /** A passage key's article and sentence range, while the passage is indexed. */
  passageAt(pk: number): PassageAt | undefined {
    if (!this.passageIndex.has(pk)) return undefined;
    const entry = this.entries.get(this.passageArticle[pk]!);
    return entry ? { entry, from: this.passageFrom[pk]!, to: this.passageTo[pk]! } : undefined;
  }

  /** The article key a passage key belongs to, -1 for none. */
  articleKeyOf(pk: number): number {
    return this.passageArticle[pk] ?? -1;
  }

  /** Adds articles; an article whose id is already present replaces it. `onProgress` hears every 100. */
  add(articles: Iterable<Article>, onProgress?: (done: number) => void): void {
    let done = 0;
    for (const article of articles) {
      if (onProgress && ++done % 100 === 0) onProgress(done);
      if (this.keyById.has(article.id)) this.remove([article.id]);
      const key = this.nextArticleKey++;
      const analysis = indexTermIds(article, this.mapper, this.intern);
      const { titleIds, passages, passageIds } = analysis;
      // the article: title and body counts (first appearance order); title words count twice in the index
      const counter = this.counter;
      for (const id of titleIds) counter.count(id);
      for (const list of passageIds) for (const id of list) counter.count(id);
      const n = counter.distinct;
      const ids = new Int32Array(n);
      const counts = new Uint8Array(n);
      const tfs = new Uint8Array(n);
      // exact counts for the document length; the stored ones are capped at a byte
      const full = new Int32Array(n);
      let length = 0;
      for (let i = 0; i < n; i++) {
        const id = counter.idAt(i);
        const c = counter.countOf(id);
        ids[i] = id;
        full[i] = c;
        counts[i] = Math.min(c, MAX_TF);
      }
      counter.reset();
      for (const id of titleIds) counter.count(id);
      for (let i = 0; i < n; i++) {
        const tf = full[i]! + counter.countOf(ids[i]!);
        tfs[i] = Math.min(tf, MAX_TF);
        length += tf;
      }
      counter.reset();
      this.articleIndex.addCounts(key, ids, tfs, length);
      const firstPassage = this.nextPassageKey;
      this.nextPassageKey += passages.length;
      this.passageArticle = grow(this.passageArticle, this.nextPassageKey);
      this.passageFrom = grow(this.passageFrom, this.nextPassageKey);
      this.passageTo = grow(this.passageTo, this.nextPassageKey);
      passages.forEach((p, j) => {
        const pk = firstPassage + j;
        this.passageArticle[pk] = key;
        this.passageFrom[pk] = p.from;
        this.passageTo[pk] = p.to;
        const [pIds, pTfs, pLength] = this.passageCounts(titleIds, passageIds[j]!);
        this.passageIndex.addCounts(pk, pIds, pTfs, pLength);
      });
      this.register({
        key,
        article: packText(article),
        titleTerms: analysis.titleTerms,
        vector: { ids, counts },
        firstPassage,
        passageCount: passages.length,
        time: article.date ? Date.parse(normalizeDate(article.date)) : NaN,
      });
    }
  }

  /** Distinct term ids of a passage document (its article's title, then its sentences) and their counts. */
  private passageCounts(titleIds: readonly number[], bodyIds: readonly number[]): [Int32Array, Uint8Array, number] {
    const counter = this.counter;
    for (const id of titleIds) counter.count(id);
    for (const id of bodyIds) counter.count(id);
    const n = counter.distinct;
    const ids = new Int32Array(n);
    const tfs = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const id = counter.idAt(i);
      ids[i] = id;
      tfs[i] = Math.min(counter.countOf(id), MAX_TF);
    }
    counter.reset();
    return [ids, tfs, titleIds.length + bodyIds.length];
  }

  private register(entry: EngineEntry): void {
    this.entries.set(entry.key, entry);
    this.keyById.set(entry.article.id, entry.key);
    if (this.keyByLowerId) addLowerIds(this.keyByLowerId, entry);
    this.idByShortKey?.set(articleKey(entry.article.id), entry.article.id);
    // kept sorted by insertion while changes are few; a large batch sorts again once
    if (this.byDate && this.orderInserts < ORDER_INSERTS) insertSorted(this.byDate, entry, compareByDate);
    else this.byDate = null;
    if (this.byTime && this.orderInserts < ORDER_INSERTS) {
      if (!Number.isNaN(entry.time)) insertSorted(this.byTime, entry, byTimeThenKey);
    } else this.byTime = null;
    this.orderInserts++;
  }

  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      const key = this.keyById.get(id);
      const entry = key === undefined ? undefined : this.entries.get(key);
      if (key === undefined || !entry) continue;
      // a passage's terms are those of its title and sentences: recomputed, not stored
      const analysis = indexTermIds(entry.article, this.mapper, this.intern);
      analysis.passageIds.forEach((bodyIds, j) => {
        const [pIds] = this.passageCounts(analysis.titleIds, bodyIds);
        this.passageIndex.removeIds(entry.firstPassage + j, pIds);
      });
      this.articleIndex.removeIds(key, entry.vector.ids);
      this.entries.delete(key);
      this.keyById.delete(id);
      this.idByShortKey?.delete(articleKey(id));
      this.onRemove(key);
      // another article may answer to the same lower-cased name: rebuilt when next needed
      if (this.keyByLowerId?.get(id.toLowerCase()) === key || this.keyByLowerId?.get(id.toLowerCase().replace(/\.[a-z0-9]+$/, '')) === key) this.keyByLowerId = null;
      if (this.byDate) removeSorted(this.byDate, entry, compareByDate);
      if (this.byTime && !Number.isNaN(entry.time)) removeSorted(this.byTime, entry, byTimeThenKey);
    }
  }

  /** The entry of an exact id, or of an id typed in another case or without its extension. */
  resolveId(query: string): EngineEntry | undefined {
    const exact = this.keyById.get(query);
    if (exact !== undefined) return this.entries.get(exact);
    if (!this.keyByLowerId) {
      this.keyByLowerId = new Map();
      for (const entry of this.entries.values()) addLowerIds(this.keyByLowerId, entry);
    }
    const byLower = this.keyByLowerId.get(query.toLowerCase());
    return byLower === undefined ? undefined : this.entries.get(byLower);
  }

  /** The id a short key (article-key.ts) stands for, or undefined. */
  idForKey(key: string): string | undefined {
    if (!isArticleKey(key)) return undefined;
    if (!this.idByShortKey) {
      this.idByShortKey = new Map();
      for (const id of this.keyById.keys()) this.idByShortKey.set(articleKey(id), id);
    }
    return this.idByShortKey.get(key);
  }

  /** Entries newest first (the listing order). */
  dateOrder(): EngineEntry[] {
    if (!this.byDate) {
      this.byDate = [...this.entries.values()].sort(compareByDate);
      this.orderInserts = 0;
    }
    return this.byDate;
  }

  /** Dated entries by time, then key (the window order). */
  timeOrder(): EngineEntry[] {
    if (!this.byTime) {
      this.byTime = [...this.entries.values()].filter((e) => !Number.isNaN(e.time)).sort(byTimeThenKey);
      this.orderInserts = 0;
    }
    return this.byTime;
  }

  /** The index's state, for the persisted index (see persist-index.ts). */
  exportState(): EngineState {
    return {
      vocab: this.vocab,
      passageIndex: this.passageIndex,
      articleIndex: this.articleIndex,
      passageArticle: this.passageArticle.subarray(0, this.nextPassageKey),
      passageFrom: this.passageFrom.subarray(0, this.nextPassageKey),
      passageTo: this.passageTo.subarray(0, this.nextPassageKey),
      nextArticleKey: this.nextArticleKey,
      nextPassageKey: this.nextPassageKey,
      entries: [...this.entries.values()],
      dateOrder: Int32Array.from(this.dateOrder(), (e) => e.key),
      timeOrder: Int32Array.from(this.timeOrder(), (e) => e.key),
    };
  }
}

/** Large batches re-sort the orders once instead of inserting one by one. */
const ORDER_INSERTS = 2000;

function byTimeThenKey(a: EngineEntry, b: EngineEntry): number {
  return a.time - b.time || a.key - b.key;
}

/** First index whose element does not sort before `entry`. */
function lowerBound<T>(list: readonly T[], entry: T, compare: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(list[mid]!, entry) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted<T>(list: T[], entry: T, compare: (a: T, b: T) => number): void {
  list.splice(lowerBound(list, entry, compare), 0, entry);
}

function removeSorted<T>(list: T[], entry: T, compare: (a: T, b: T) => number): void {
  for (let i = lowerBound(list, entry, compare); i < list.length && compare(list[i]!, entry) === 0; i++) {
    if (list[i] === entry) {
      list.splice(i, 1);
      return;
    }
  }
  const at = list.indexOf(entry); // not where the order says (e.g. a tie): found by scanning
  if (at >= 0) list.splice(at, 1);
}

function addLowerIds(map: Map<string, number>, entry: EngineEntry): void {
  const lower = entry.article.id.toLowerCase();
  if (!map.has(lower)) map.set(lower, entry.key);
  const bare = lower.replace(/\.[a-z0-9]+$/, '');
  if (!map.has(bare)) map.set(bare, entry.key);
}

/** Date-only values compare as the start of that day in UTC. */
function normalizeDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00.000Z` : new Date(date).toISOString();
}
