/** BM25's term-frequency saturation `k1` and length normalisation `b`. */
export interface Bm25Params {
  k1: number;
  b: number;
}

/** The classic defaults. */
export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75 };

export interface ScoredKey {
  key: number;
  score: number;
}

/** Term strings ↔ dense numeric ids; shared by the indexes of one engine. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly terms: string[] = [];

  get size(): number {
    return this.terms.length;
  }

  /** The id of a term, created when new. */
  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
    }
    return id;
  }

  /** The id of a known term, or -1. */
  lookup(term: string): number {
    return this.ids.get(term) ?? -1;
  }

  static fromTerms(terms: string[]): Vocabulary {
    const v = new Vocabulary();
    for (const t of terms) v.intern(t);
    return v;
  }
}

type NumberArray = Int32Array | Uint8Array | Float64Array;

/** `a` when it holds `need` entries, else a copy at least twice as long (and at least `min`). */
function grown<T extends NumberArray>(a: T, need: number, min: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (length: number) => T)(Math.max(need, a.length * 2, min));
  b.set(a);
  return b;
}

/**
 * Term frequencies are kept in one byte: BM25's tf saturates long before 255 (k1 ≈ 1.2), and a
 * byte instead of two per posting saves ~55 MB at 100k articles.
 */
export const MAX_TF = 255;

const CHUNK_BITS = 20;
const CHUNK = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK - 1;
/** Staged postings are merged once this many pile up. */
const AUTO_FLUSH = 16 * CHUNK;

/** The whole state of an index as flat typed arrays (for the persisted index). */
export interface Bm25Snapshot {
  /** Per term id: start of its postings in `keys`/`tfs` (length = vocabulary size + 1). */
  offsets: Int32Array;
  keys: Int32Array;
  /** Term frequencies, capped at MAX_TF. */
  tfs: Uint8Array;
  df: Int32Array;
  /** Per key: document length, and 1 when the key is a live document. */
  lengths: Int32Array;
  alive: Uint8Array;
  live: number;
  totalLength: number;
}

/** Postings appended to one term after its base list (few terms between merges). */
interface Tail {
  keys: Int32Array;
  tfs: Uint8Array;
  n: number;
}

/**
 * An Okapi BM25 index over numbered documents of pre-computed terms, with compact postings over
 * numeric term ids: one flat base (per term a range of keys and term frequencies, in key order)
 * plus small per-term tails for documents added since the last merge. Added documents are staged
 * and merged in one pass at the next search, so a large batch costs one linear merge.
 * Documents can be added and removed one at a time: no full rebuild. Removal either purges the
 * postings at once (keys whose terms the index remembers, see `add`) or marks the key dead
 * (`removeIds`); dead postings are skipped and swept out once they pile up.
 */
export class Bm25Index {
  readonly vocab: Vocabulary;
  private baseOffsets: Int32Array = new Int32Array(1);
  private baseKeys: Int32Array = new Int32Array(0);
  private baseTfs: Uint8Array = new Uint8Array(0);
  private readonly tails = new Map<number, Tail>();
  private dfs: Int32Array = new Int32Array(0);
  private lengths: Int32Array = new Int32Array(0);
  private alive: Uint8Array = new Uint8Array(0);
  /** Term ids of documents added through `add` (purged at once on removal). */
  private readonly docTerms = new Map<number, Int32Array>();
  private live = 0;
  private totalLength = 0;
  private deadPostings = 0;
  private livePostings = 0;
  /** Staged postings (chunks of term ids and counts) and the staged documents' keys and sizes. */
  private stIds: Int32Array[] = [];
  private stTfs: Uint8Array[] = [];
  private staged = 0;
  private stDocKey: Int32Array = new Int32Array(0);
  private stDocCount: Int32Array = new Int32Array(0);
  private stagedDocs = 0;
  private acc: Float64Array = new Float64Array(0);
  private touched: Int32Array = new Int32Array(0);

  constructor(vocab: Vocabulary = new Vocabulary()) {
    this.vocab = vocab;
  }

  get size(): number {
    return this.live;
  }

  has(key: number): boolean {
    return key >= 0 && key < this.alive.length && this.alive[key] === 1;
  }

  /** Adds a document of term strings (a key already present is replaced). */
  add(key: number, terms: readonly string[]): void {
    if (this.has(key)) this.remove(key);
    const counts = new Map<number, number>();
    for (const t of terms) {
      const id = this.vocab.intern(t);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const ids = Int32Array.from(counts.keys());
    this.addCounts(key, ids, Uint8Array.from(counts.values(), (n) => Math.min(n, MAX_TF)), terms.length);
    this.docTerms.set(key, ids);
  }

  /**
   * Adds a document by distinct term ids and their counts; `length` is its term count. Postings
   * are staged and merged into the lists at the next search (or when many pile up).
   */
  addCounts(key: number, ids: ArrayLike<number>, tfs: ArrayLike<number>, length: number): void {
    if (this.has(key)) throw new Error(`Bm25Index: key ${key} is already present`);
    this.ensureKey(key);
    if (this.dfs.length < this.vocab.size) this.dfs = grown(this.dfs, this.vocab.size, 4);
    if (this.stagedDocs >= this.stDocKey.length) {
      this.stDocKey = grown(this.stDocKey, this.stagedDocs + 1, 4);
      this.stDocCount = grown(this.stDocCount, this.stDocKey.length, 4);
    }
    this.stDocKey[this.stagedDocs] = key;
    this.stDocCount[this.stagedDocs] = ids.length;
    this.stagedDocs++;
    for (let i = 0; i < ids.length; i++) {
      const p = this.staged++;
      const c = p >>> CHUNK_BITS;
      if (c >= this.stIds.length) this.stageChunks(c);
      const id = ids[i]!;
      this.stIds[c]![p & CHUNK_MASK] = id;
      this.stTfs[c]![p & CHUNK_MASK] = Math.min(tfs[i]!, MAX_TF);
      this.dfs[id]! += 1;
    }
    this.livePostings += ids.length;
    this.lengths[key] = length;
    this.alive[key] = 1;
    this.live++;
    this.totalLength += length;
    if (this.staged >= AUTO_FLUSH) this.flush();
  }

  /** Merges staged postings: into per-term tails when few, else base, tails and staged into a new base. */
  private flush(): void {
    if (this.stagedDocs === 0) return;
    if (this.staged < 50_000) {
      let p = 0;
      for (let d = 0; d < this.stagedDocs; d++) {
        const key = this.stDocKey[d]!;
        for (let end = p + this.stDocCount[d]!; p < end; p++) {
          const id = this.stIds[p >>> CHUNK_BITS]![p & CHUNK_MASK]!;
          let tail = this.tails.get(id);
          if (!tail) this.tails.set(id, (tail = { keys: new Int32Array(4), tfs: new Uint8Array(4), n: 0 }));
          if (tail.n >= tail.keys.length) {
            tail.keys = grown(tail.keys, tail.n + 1, 4);
            tail.tfs = grown(tail.tfs, tail.keys.length, 4);
          }
          tail.keys[tail.n] = key;
          tail.tfs[tail.n] = this.stTfs[p >>> CHUNK_BITS]![p & CHUNK_MASK]!;
          tail.n++;
        }
      }
      this.clearStaged();
      return;
    }
    this.rebase(false);
  }

  /**
   * Room for staged postings from chunk `c` on: the first chunk alone (small corpora stop there),
   * then the rest of a flush cycle in one buffer. A buffer that large is mapped and unmapped whole
   * by the allocator, so freeing it at the flush returns it to the system; chunks of a few MB each
   * stayed in the process as freed heap (~130 MB of peak RSS at 100k articles).
   */
  private stageChunks(c: number): void {
    const n = c === 0 ? 1 : Math.max(1, AUTO_FLUSH / CHUNK - c);
    const buffer = new ArrayBuffer(n * CHUNK * 5);
    for (let i = 0; i < n; i++) {
      this.stIds.push(new Int32Array(buffer, i * CHUNK * 4, CHUNK));
      this.stTfs.push(new Uint8Array(buffer, n * CHUNK * 4 + i * CHUNK, CHUNK));
    }
  }

  private clearStaged(): void {
    this.staged = 0;
    this.stagedDocs = 0;
    this.stIds = [];
    this.stTfs = [];
  }

  /** One new flat base from base + tails + staged postings (dead ones dropped when `sweep`). */
  private rebase(sweep: boolean): void {
    const terms = Math.max(this.vocab.size, this.baseOffsets.length - 1);
    const alive = this.alive;
    const count = new Int32Array(terms + 1);
    const baseTerms = this.baseOffsets.length - 1;
    for (let id = 0; id < baseTerms; id++) {
      if (!sweep) count[id] = this.baseOffsets[id + 1]! - this.baseOffsets[id]!;
      else for (let p = this.baseOffsets[id]!; p < this.baseOffsets[id + 1]!; p++) if (alive[this.baseKeys[p]!] === 1) count[id]!++;
    }
    for (const [id, tail] of this.tails) {
      if (!sweep) count[id]! += tail.n;
      else for (let p = 0; p < tail.n; p++) if (alive[tail.keys[p]!] === 1) count[id]!++;
    }
    {
      let p = 0;
      for (let d = 0; d < this.stagedDocs; d++) {
        const keep = !sweep || alive[this.stDocKey[d]!] === 1;
        for (let end = p + this.stDocCount[d]!; p < end; p++) if (keep) count[this.stIds[p >>> CHUNK_BITS]![p & CHUNK_MASK]!]!++;
      }
    }
    const offsets = new Int32Array(terms + 1);
    let total = 0;
    for (let id = 0; id < terms; id++) {
      offsets[id] = total;
      total += count[id]!;
    }
    offsets[terms] = total;
    const keys = new Int32Array(total);
    const tfs = new Uint8Array(total);
    const pos = offsets.slice(0, terms);
    for (let id = 0; id < baseTerms; id++) {
      let w = pos[id]!;
      for (let p = this.baseOffsets[id]!; p < this.baseOffsets[id + 1]!; p++) {
        const k = this.baseKeys[p]!;
        if (sweep && alive[k] !== 1) continue;
        keys[w] = k;
        tfs[w++] = this.baseTfs[p]!;
      }
      const tail = this.tails.get(id);
      if (tail) {
        for (let p = 0; p < tail.n; p++) {
          const k = tail.keys[p]!;
          if (sweep && alive[k] !== 1) continue;
          keys[w] = k;
          tfs[w++] = tail.tfs[p]!;
        }
      }
      pos[id] = w;
    }
    for (const [id, tail] of this.tails) {
      if (id < baseTerms) continue;
      let w = pos[id]!;
      for (let p = 0; p < tail.n; p++) {
        const k = tail.keys[p]!;
        if (sweep && alive[k] !== 1) continue;
        keys[w] = k;
        tfs[w++] = tail.tfs[p]!;
      }
      pos[id] = w;
    }
    let p = 0;
    for (let d = 0; d < this.stagedDocs; d++) {
      const key = this.stDocKey[d]!;
      const keep = !sweep || alive[key] === 1;
      for (let end = p + this.stDocCount[d]!; p < end; p++) {
        if (!keep) continue;
        const c = p >>> CHUNK_BITS;
        const at = p & CHUNK_MASK;
        const w = pos[this.stIds[c]![at]!]!++;
        keys[w] = key;
        tfs[w] = this.stTfs[c]![at]!;
      }
    }
    this.baseOffsets = offsets;
    this.baseKeys = keys;
    this.baseTfs = tfs;
    this.tails.clear();
    this.clearStaged();
    if (sweep) this.deadPostings = 0;
  }

  remove(key: number): void {
    if (!this.has(key)) return;
    const ids = this.docTerms.get(key);
    if (!ids) throw new Error(`Bm25Index: key ${key} was added by ids; remove it with removeIds`);
    // a key the caller may add again: marked dead and swept out at once
    this.docTerms.delete(key);
    this.livePostings -= ids.length;
    this.deadPostings += ids.length;
    this.markDead(key, ids);
    this.sweep();
  }

  /** Removes a document added by ids; its postings are skipped until the next sweep. */
  removeIds(key: number, ids: ArrayLike<number>): void {
    if (!this.has(key)) return;
    if (this.docTerms.has(key)) return this.remove(key);
    this.markDead(key, ids);
    this.livePostings -= ids.length;
    this.deadPostings += ids.length;
    if (this.deadPostings > 200_000 && this.deadPostings > this.livePostings / 4) this.sweep();
  }

  private markDead(key: number, ids: ArrayLike<number>): void {
    for (let i = 0; i < ids.length; i++) this.dfs[ids[i]!]! -= 1;
    this.alive[key] = 0;
    this.live--;
    this.totalLength -= this.lengths[key]!;
  }

  /** Drops the postings of removed documents (and merges everything into the base). */
  sweep(): void {
    if (this.deadPostings === 0) return this.flush();
    this.rebase(true);
  }

  private ensureKey(key: number): void {
    if (key < 0 || !Number.isInteger(key)) throw new Error(`Bm25Index: bad key ${key}`);
    if (key >= this.alive.length) {
      this.alive = grown(this.alive, key + 1, 64);
      this.lengths = grown(this.lengths, this.alive.length, 4);
    }
  }

  private dfOf(id: number): number {
    return id >= 0 && id < this.dfs.length ? this.dfs[id]! : 0;
  }

  /** Inverse document frequency, BM25+ style so it never goes negative. */
  idf(term: string): number {
    return this.idfOf(this.vocab.lookup(term));
  }

  idfOf(id: number): number {
    const n = this.dfOf(id);
    return Math.log(1 + (this.live - n + 0.5) / (n + 0.5));
  }

  /** Document frequency of a term. */
  df(term: string): number {
    return this.dfOf(this.vocab.lookup(term));
  }

  termFrequency(term: string, key: number): number {
    const id = this.vocab.lookup(term);
    if (id < 0 || !this.has(key)) return 0;
    this.flush();
    if (id + 1 < this.baseOffsets.length) {
      for (let p = this.baseOffsets[id]!; p < this.baseOffsets[id + 1]!; p++) if (this.baseKeys[p] === key) return this.baseTfs[p]!;
    }
    const tail = this.tails.get(id);
    if (tail) for (let p = 0; p < tail.n; p++) if (tail.keys[p] === key) return tail.tfs[p]!;
    return 0;
  }

  /** Top documents for the query terms (duplicates in the query count once each). */
  search(queryTerms: readonly string[], limit: number, weights?: ReadonlyMap<string, number>, params: Bm25Params = DEFAULT_BM25): ScoredKey[] {
    this.flush();
    const { k1: K1, b: B } = params;
    const avg = this.live ? this.totalLength / this.live : 1;
    if (this.acc.length < this.alive.length) {
      this.acc = grown(this.acc, this.alive.length, 64);
      this.touched = grown(this.touched, this.alive.length, 4);
    }
    const acc = this.acc;
    const touched = this.touched;
    const alive = this.alive;
    const lengths = this.lengths;
    const skipDead = this.deadPostings > 0;
    let nTouched = 0;
    const norm = K1 * (1 - B);
    const perLength = (K1 * B) / avg;
    const score = (keys: Int32Array, tfs: Uint8Array, from: number, to: number, top: number) => {
      for (let i = from; i < to; i++) {
        const key = keys[i]!;
        if (skipDead && alive[key] !== 1) continue;
        const tf = tfs[i]!;
        const s = (top * tf) / (tf + norm + perLength * lengths[key]!);
        if (s === 0) continue;
        const prev = acc[key]!;
        if (prev === 0) touched[nTouched++] = key;
        acc[key] = prev + s;
      }
    };
    for (const t of new Set(queryTerms)) {
      const id = this.vocab.lookup(t);
      if (id < 0 || this.dfOf(id) === 0) continue;
      const top = this.idfOf(id) * (weights?.get(t) ?? 1) * (K1 + 1);
      if (id + 1 < this.baseOffsets.length) score(this.baseKeys, this.baseTfs, this.baseOffsets[id]!, this.baseOffsets[id + 1]!, top);
      const tail = this.tails.get(id);
      if (tail) score(tail.keys, tail.tfs, 0, tail.n, top);
    }
    const out = selectTop(acc, touched, nTouched, limit);
    for (let i = 0; i < nTouched; i++) acc[touched[i]!] = 0;
    return out;
  }

  /** The index as flat arrays (dead postings swept, tails merged); shares the base arrays. */
  snapshot(): Bm25Snapshot {
    if (this.deadPostings > 0 || this.tails.size || this.stagedDocs) this.rebase(this.deadPostings > 0);
    return {
      offsets: this.baseOffsets,
      keys: this.baseKeys,
      tfs: this.baseTfs,
      df: this.dfs.slice(0, this.vocab.size),
      lengths: this.lengths.slice(0, this.alive.length),
      alive: this.alive.slice(),
      live: this.live,
      totalLength: this.totalLength,
    };
  }

  /** An index over a snapshot's arrays (not copied). */
  static fromSnapshot(s: Bm25Snapshot, vocab: Vocabulary): Bm25Index {
    const index = new Bm25Index(vocab);
    index.baseOffsets = s.offsets;
    index.baseKeys = s.keys;
    index.baseTfs = s.tfs;
    index.dfs = s.df.length >= vocab.size ? s.df : grown(s.df, vocab.size, 4);
    index.alive = s.alive;
    index.lengths = s.lengths.length >= s.alive.length ? s.lengths : grown(s.lengths, s.alive.length, 4);
    index.live = s.live;
    index.totalLength = s.totalLength;
    index.livePostings = s.keys.length;
    return index;
  }
}

/** Whether (scoreA, keyA) ranks below (scoreB, keyB): lower score, then higher key. */
function worse(sa: number, ka: number, sb: number, kb: number): boolean {
  return sa < sb || (sa === sb && ka > kb);
}

/** The `limit` best of the touched keys (all when limit ≤ 0), best first; ties to the lower key. */
function selectTop(acc: Float64Array, touched: Int32Array, n: number, limit: number): ScoredKey[] {
  if (limit <= 0 || n <= limit) {
    const all: ScoredKey[] = [];
    for (let i = 0; i < n; i++) all.push({ key: touched[i]!, score: acc[touched[i]!]! });
    return all.sort((a, b) => b.score - a.score || a.key - b.key);
  }
  // a min-heap of the best `limit` so far (root = the worst of them)
  const hk = new Int32Array(limit);
  const hs = new Float64Array(limit);
  let size = 0;
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < size && worse(hs[l]!, hk[l]!, hs[m]!, hk[m]!)) m = l;
      if (r < size && worse(hs[r]!, hk[r]!, hs[m]!, hk[m]!)) m = r;
      if (m === i) return;
      [hk[i], hk[m]] = [hk[m]!, hk[i]!];
      [hs[i], hs[m]] = [hs[m]!, hs[i]!];
      i = m;
    }
  };
  for (let i = 0; i < n; i++) {
    const key = touched[i]!;
    const score = acc[key]!;
    if (size < limit) {
      let j = size++;
      hk[j] = key;
      hs[j] = score;
      while (j > 0) {
        const p = (j - 1) >> 1;
        if (!worse(hs[j]!, hk[j]!, hs[p]!, hk[p]!)) break;
        [hk[j], hk[p]] = [hk[p]!, hk[j]!];
        [hs[j], hs[p]] = [hs[p]!, hs[j]!];
        j = p;
      }
    } else if (worse(hs[0]!, hk[0]!, score, key)) {
      hk[0] = key;
      hs[0] = score;
      siftDown(0);
    }
  }
  const out: ScoredKey[] = [];
  for (let i = 0; i < size; i++) out.push({ key: hk[i]!, score: hs[i]! });
  return out.sort((a, b) => b.score - a.score || a.key - b.key);
}

/** The `limit` highest-scoring entries, best first. */
export function topK(scores: ReadonlyMap<number, number>, limit: number): ScoredKey[] {
  const all: ScoredKey[] = [];
  for (const [key, score] of scores) all.push({ key, score });
  all.sort((a, b) => b.score - a.score || a.key - b.key);
  return limit > 0 ? all.slice(0, limit) : all;
}
