// The persisted index: the engine's whole state in one binary file under DATA_DIR, so a restart
// needs no corpus reading and no analysis. Written atomically (temp file, fsync, rename), versioned
// (format version, a probe of the tokenizer, the corpus fingerprint) and checksummed (CRC-32 of
// everything after the fixed header): any mismatch or damage means "rebuild", never a bad index.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { Bm25Index, Vocabulary, type Bm25Snapshot } from './bm25-index.ts';
import { corpusFingerprint } from './corpus-files.ts';
import { textByteLength, textBytes, writeText } from './packed-text.ts';
import { Engine } from './engine.ts';
import type { EngineEntry, EngineState } from './corpus-index.ts';
import { splitSentences, terms, WORD_TABLES_DIGEST } from './text.ts';
import type { Article } from './types.ts';

/** Bump when the file layout or what the engine stores changes (5: character references decoded at ingest). */
export const INDEX_FORMAT_VERSION = 5;
export const INDEX_FILE = 'engine-index.bin';
const MAGIC = 'BRIEFIDX';
const FIXED_HEADER = 32;

/** Changes whenever tokenizing or sentence splitting gives other results: an old index is then rebuilt. */
export function analysisProbe(): string {
  const text =
    "Mr. J. K. Rowling's 3rd book sold 200,000 copies in the U.S. on Monday. Officials didn't say why.\n\nThe river Lune burst its banks — flooding homes; children were evacuated! Yahoo! shares rose. It was the Lune's. Then it fell. It cost £4m. Sales fell in the 1960s. Then oil came.";
  // the probe text cannot exercise every table entry (a new synonym, say): their digest does
  const parts = [WORD_TABLES_DIGEST, terms(text).join(' '), splitSentences(text).map((s) => `${s.start}-${s.end}-${s.paragraph}`).join(' ')];
  return parts.join('|');
}

type Section = {
  name: string;
  kind: 'i32' | 'u8' | 'f64' | 'utf8';
  bytes: Uint8Array;
  /** A section written in pieces (never held whole): its byte length and its pieces. */
  length?: number;
  chunks?: () => Iterable<Uint8Array>;
};

/** Article texts as UTF-8, in pieces of about 8 MB. */
function* textChunks(entries: readonly EngineEntry[]): Iterable<Uint8Array> {
  let batch: Uint8Array[] = [];
  let bytes = 0;
  for (const e of entries) {
    const b = textBytes(e.article);
    batch.push(b);
    bytes += b.length;
    if (bytes >= 8 << 20) {
      yield Buffer.concat(batch);
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length) yield Buffer.concat(batch);
}

/** Per-article arrays concatenated in batches of about a million values, as bytes. */
function* batched(entries: readonly EngineEntry[], part: (e: EngineEntry) => ArrayLike<number>, make: (n: number) => Int32Array | Uint8Array): Iterable<Uint8Array> {
  let parts: ArrayLike<number>[] = [];
  let count = 0;
  const flush = () => {
    const out = make(count);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    parts = [];
    count = 0;
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  };
  for (const e of entries) {
    const p = part(e);
    parts.push(p);
    count += p.length;
    if (count >= 1 << 20) yield flush();
  }
  if (parts.length) yield flush();
}

function section(name: string, data: Int32Array | Uint8Array | Float64Array | string): Section {
  if (typeof data === 'string') return { name, kind: 'utf8', bytes: Buffer.from(data, 'utf8') };
  const kind = data instanceof Int32Array ? 'i32' : data instanceof Float64Array ? 'f64' : 'u8';
  return { name, kind, bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

const pad8 = (n: number) => (8 - (n % 8)) % 8;

interface Header {
  version: number;
  probe: string;
  fingerprint: string;
  created: string;
  articles: number;
  scalars: Record<string, number>;
  sections: { name: string; kind: Section['kind']; offset: number; length: number }[];
}

function indexSections(prefix: string, s: Bm25Snapshot): Section[] {
  return [
    section(`${prefix}.offsets`, s.offsets),
    section(`${prefix}.keys`, s.keys),
    section(`${prefix}.tfs`, s.tfs),
    section(`${prefix}.df`, s.df),
    section(`${prefix}.lengths`, s.lengths),
    section(`${prefix}.alive`, s.alive),
  ];
}

/** Writes the engine's index for a corpus; returns the file size in bytes. */
export async function saveIndex(engine: Engine, dataDir: string, corpusPath: string, fingerprint?: string): Promise<number> {
  const fp = fingerprint ?? (await corpusFingerprint(corpusPath));
  const state = engine.exportState();
  const entries = state.entries;
  const n = entries.length;
  const meta: (string | null)[][] = [];
  const textOffsets = new Float64Array(n + 1);
  const key = new Int32Array(n);
  const firstPassage = new Int32Array(n);
  const passageCount = new Int32Array(n);
  const time = new Float64Array(n);
  const vecOffsets = new Int32Array(n + 1);
  const titleOffsets = new Int32Array(n + 1);
  let vecTotal = 0;
  let titleTotal = 0;
  for (const e of entries) {
    vecTotal += e.vector.ids.length;
    titleTotal += e.titleTerms.length;
  }
  let textAt = 0;
  let v = 0;
  let t = 0;
  entries.forEach((e, i) => {
    const a = e.article;
    meta.push([a.id, a.title, a.url, a.date, a.source, a.origin]);
    textOffsets[i] = textAt;
    textAt += textByteLength(a);
    key[i] = e.key;
    firstPassage[i] = e.firstPassage;
    passageCount[i] = e.passageCount;
    time[i] = e.time;
    vecOffsets[i] = v;
    v += e.vector.ids.length;
    titleOffsets[i] = t;
    t += e.titleTerms.length;
  });
  textOffsets[n] = textAt;
  vecOffsets[n] = v;
  titleOffsets[n] = t;
  const sections: Section[] = [
    section('vocab', state.vocab.terms.join('\n')),
    section('meta', JSON.stringify(meta)),
    { name: 'texts', kind: 'u8', bytes: new Uint8Array(0), length: textAt, chunks: () => textChunks(entries) },
    section('textOffsets', textOffsets),
    section('key', key),
    section('firstPassage', firstPassage),
    section('passageCount', passageCount),
    section('time', time),
    section('vecOffsets', vecOffsets),
    { name: 'vecIds', kind: 'i32', bytes: new Uint8Array(0), length: vecTotal * 4, chunks: () => batched(entries, (e) => e.vector.ids, (k) => new Int32Array(k)) },
    { name: 'vecCounts', kind: 'u8', bytes: new Uint8Array(0), length: vecTotal, chunks: () => batched(entries, (e) => e.vector.counts, (k) => new Uint8Array(k)) },
    section('titleOffsets', titleOffsets),
    {
      name: 'titleIds',
      kind: 'i32',
      bytes: new Uint8Array(0),
      length: titleTotal * 4,
      chunks: () => batched(entries, (e) => e.titleTerms.map((term) => state.vocab.intern(term)), (k) => new Int32Array(k)),
    },
    section('passageArticle', state.passageArticle),
    section('passageFrom', state.passageFrom),
    section('passageTo', state.passageTo),
    section('dateOrder', state.dateOrder ?? new Int32Array(0)),
    section('timeOrder', state.timeOrder ?? new Int32Array(0)),
  ];
  const ps = state.passageIndex.snapshot();
  const as = state.articleIndex.snapshot();
  sections.push(...indexSections('p', ps), ...indexSections('a', as));
  let offset = 0;
  const layout = sections.map((s) => {
    const length = s.length ?? s.bytes.byteLength;
    const entry = { name: s.name, kind: s.kind, offset, length };
    offset += length + pad8(length);
    return entry;
  });
  const header: Header = {
    version: INDEX_FORMAT_VERSION,
    probe: analysisProbe(),
    fingerprint: fp,
    created: new Date().toISOString(),
    articles: n,
    scalars: {
      nextArticleKey: state.nextArticleKey,
      nextPassageKey: state.nextPassageKey,
      pLive: ps.live,
      pTotalLength: ps.totalLength,
      aLive: as.live,
      aTotalLength: as.totalLength,
    },
    sections: layout,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const headerPadded = Buffer.concat([headerBytes, Buffer.alloc(pad8(headerBytes.length))]);
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, INDEX_FILE);
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const handle = await open(tmp, 'w');
  let crc = 0;
  let position = FIXED_HEADER;
  const emit = async (c: Uint8Array) => {
    // Node 20's crc32 returns 0 for an empty view of an empty buffer, losing the running value
    if (c.byteLength === 0) return;
    crc = crc32(c, crc);
    let at = 0;
    while (at < c.byteLength) {
      const { bytesWritten } = await handle.write(c, at, Math.min(c.byteLength - at, 64 << 20), position);
      at += bytesWritten;
      position += bytesWritten;
    }
  };
  try {
    await emit(headerPadded);
    for (const s of sections) {
      for (const c of s.chunks ? s.chunks() : [s.bytes]) await emit(c);
      const length = s.length ?? s.bytes.byteLength;
      if (pad8(length)) await emit(Buffer.alloc(pad8(length)));
    }
    if (position - FIXED_HEADER !== headerPadded.length + offset) throw new Error('index size mismatch (an article changed while saving)');
    const fixed = Buffer.alloc(FIXED_HEADER);
    fixed.write(MAGIC, 0, 'latin1');
    fixed.writeUInt32LE(INDEX_FORMAT_VERSION, 8);
    fixed.writeUInt32LE(headerBytes.length, 12);
    fixed.writeUInt32LE(crc >>> 0, 16);
    fixed.writeDoubleLE(offset, 24);
    await handle.write(fixed, 0, FIXED_HEADER, 0);
    await handle.sync();
  } catch (err) {
    await handle.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw err;
  }
  const size = position;
  try {
    await handle.close();
    await rename(tmp, file);
  } catch (err) {
    // a failed rename (DATA_DIR full, replaced, read-only) must not leave an index-sized temp file
    await rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
  return size;
}

const TEMP_FILE = new RegExp(`^${INDEX_FILE.replace(/\./g, '\\.')}\\.tmp-(\\d+)-[0-9a-f]+$`);

/** Whether a process with this id runs (EPERM: it runs, as another user). */
function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM';
  }
}

/**
 * Removes index temp files left by a write that never finished (kill -9, power loss): those of a
 * process that no longer runs, and this process's own (a previous run under the same PID, as in a
 * container). Called at start, before this process writes. Returns the names removed.
 */
export async function removeStaleTempFiles(dataDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dataDir);
  } catch {
    return []; // no DATA_DIR yet: nothing left over
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_FILE.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid !== process.pid && processRuns(pid)) continue; // another live process may be writing it
    try {
      await rm(join(dataDir, name), { force: true });
      removed.push(name);
    } catch {
      // not ours to remove (permissions): left alone
    }
  }
  return removed;
}

export type LoadIndexResult = { ok: true; engine: Engine } | { ok: false; reason: 'missing' | 'version' | 'corpus' | 'corrupt'; detail: string };

/** Reads the persisted index when it is whole and matches this build and this corpus. */
export async function loadIndex(dataDir: string, corpusPath: string, fingerprint?: string): Promise<LoadIndexResult> {
  const file = join(dataDir, INDEX_FILE);
  let buf: Buffer;
  try {
    // one blocking read: far fewer round trips than a streamed read of a file this size
    buf = readFileSync(file);
  } catch (err) {
    const code = (err as { code?: string }).code;
    return { ok: false, reason: code === 'ENOENT' ? 'missing' : 'corrupt', detail: code === 'ENOENT' ? `${file} not found` : String(err) };
  }
  const corrupt = (detail: string): LoadIndexResult => ({ ok: false, reason: 'corrupt', detail });
  if (buf.length < FIXED_HEADER || buf.toString('latin1', 0, 8) !== MAGIC) return corrupt('not an index file (bad magic)');
  const version = buf.readUInt32LE(8);
  if (version !== INDEX_FORMAT_VERSION) return { ok: false, reason: 'version', detail: `format version ${version}, this build reads ${INDEX_FORMAT_VERSION}` };
  const headerLength = buf.readUInt32LE(12);
  const crc = buf.readUInt32LE(16);
  const payloadLength = buf.readDoubleLE(24);
  const headerEnd = FIXED_HEADER + headerLength + pad8(headerLength);
  if (headerEnd + payloadLength !== buf.length) return corrupt(`length ${buf.length} does not match the header`);
  if ((crc32(buf.subarray(FIXED_HEADER)) >>> 0) !== crc) return corrupt('checksum mismatch');
  let header: Header;
  try {
    header = JSON.parse(buf.toString('utf8', FIXED_HEADER, FIXED_HEADER + headerLength)) as Header;
  } catch {
    return corrupt('header is not JSON');
  }
  if (header.version !== INDEX_FORMAT_VERSION) return { ok: false, reason: 'version', detail: `format version ${header.version}` };
  if (header.probe !== analysisProbe()) return { ok: false, reason: 'version', detail: 'built by a different tokenizer' };
  const fp = fingerprint ?? (await corpusFingerprint(corpusPath));
  if (header.fingerprint !== fp) return { ok: false, reason: 'corpus', detail: 'the corpus files changed since the index was written' };
  try {
    return { ok: true, engine: restore(buf, headerEnd, header) };
  } catch (err) {
    return corrupt(`unreadable section (${err instanceof Error ? err.message : String(err)})`);
  }
}

const RANGE = Symbol('text range');
const BYTES = Symbol('text bytes');
type Stored = Article & { [RANGE]: number; [BYTES]: Buffer };

function readText(this: Stored): string {
  const from = this[RANGE];
  return this[BYTES].toString('utf8', from, from + (this as unknown as { [LENGTH]: number })[LENGTH]);
}
const LENGTH = Symbol('text length');

/**
 * An article whose text stays in the index file's bytes until read: a restart decodes no text,
 * and `text` is an own enumerable property to every reader (spread, JSON).
 */
function storedArticle(m: (string | null)[], texts: Buffer, from: number, to: number): Article {
  const article = { id: m[0]!, title: m[1] ?? '', url: m[2] ?? null, date: m[3] ?? null, source: m[4] ?? null, origin: m[5] ?? '' } as Article;
  Object.defineProperties(article, {
    [RANGE]: { value: from },
    [LENGTH]: { value: to - from },
    [BYTES]: { value: texts },
    text: { get: readText, set: writeText, enumerable: true, configurable: true },
  });
  return article;
}

/** The flat per-article arrays of a restored index; entries read them on demand. */
interface Flat {
  key: Int32Array;
  firstPassage: Int32Array;
  passageCount: Int32Array;
  time: Float64Array;
  vecOffsets: Int32Array;
  vecIds: Int32Array;
  vecCounts: Uint8Array;
  titleOffsets: Int32Array;
  titleIds: Int32Array;
  terms: string[];
}

/** An engine entry over the flat arrays: two fields per article instead of a dozen objects. */
class StoredEntry implements EngineEntry {
  constructor(
    readonly article: Article,
    private readonly flat: Flat,
    private readonly i: number,
  ) {}
  get key(): number {
    return this.flat.key[this.i]!;
  }
  get firstPassage(): number {
    return this.flat.firstPassage[this.i]!;
  }
  get passageCount(): number {
    return this.flat.passageCount[this.i]!;
  }
  get time(): number {
    return this.flat.time[this.i]!;
  }
  get vector(): { ids: Int32Array; counts: Uint8Array } {
    const from = this.flat.vecOffsets[this.i]!;
    const to = this.flat.vecOffsets[this.i + 1]!;
    return { ids: this.flat.vecIds.subarray(from, to), counts: this.flat.vecCounts.subarray(from, to) };
  }
  get titleTerms(): string[] {
    const out: string[] = [];
    for (let t = this.flat.titleOffsets[this.i]!; t < this.flat.titleOffsets[this.i + 1]!; t++) out.push(this.flat.terms[this.flat.titleIds[t]!]!);
    return out;
  }
}

function restore(buf: Buffer, base: number, header: Header): Engine {
  // typed arrays view the file's bytes (sections are 8-byte aligned); copied once when the buffer is not
  let payload: Uint8Array;
  if ((buf.byteOffset + base) % 8 === 0) payload = new Uint8Array(buf.buffer, buf.byteOffset + base, buf.length - base);
  else {
    payload = new Uint8Array(buf.length - base);
    payload.set(buf.subarray(base));
  }
  const at = new Map(header.sections.map((s) => [s.name, s]));
  const raw = (name: string) => {
    const s = at.get(name);
    if (!s) throw new Error(`section ${name} missing`);
    return s;
  };
  const i32 = (name: string) => {
    const s = raw(name);
    return new Int32Array(payload.buffer, payload.byteOffset + s.offset, s.length / 4);
  };
  const f64 = (name: string) => {
    const s = raw(name);
    return new Float64Array(payload.buffer, payload.byteOffset + s.offset, s.length / 8);
  };
  const u8 = (name: string) => {
    const s = raw(name);
    return new Uint8Array(payload.buffer, payload.byteOffset + s.offset, s.length);
  };
  const utf8 = (name: string) => {
    const s = raw(name);
    return Buffer.from(payload.buffer, payload.byteOffset + s.offset, s.length).toString('utf8');
  };
  const vocabText = utf8('vocab');
  const vocab = Vocabulary.fromTerms(vocabText ? vocabText.split('\n') : []);
  const meta = JSON.parse(utf8('meta')) as (string | null)[][];
  const texts = Buffer.from(payload.buffer, payload.byteOffset + raw('texts').offset, raw('texts').length);
  const textOffsets = f64('textOffsets');
  const flat: Flat = {
    key: i32('key'),
    firstPassage: i32('firstPassage'),
    passageCount: i32('passageCount'),
    time: f64('time'),
    vecOffsets: i32('vecOffsets'),
    vecIds: i32('vecIds'),
    vecCounts: u8('vecCounts'),
    titleOffsets: i32('titleOffsets'),
    titleIds: i32('titleIds'),
    terms: vocab.terms,
  };
  const entries: EngineEntry[] = meta.map((m, i) => new StoredEntry(storedArticle(m, texts, textOffsets[i]!, textOffsets[i + 1]!), flat, i));
  const sc = header.scalars;
  const index = (prefix: string, live: number, totalLength: number) =>
    Bm25Index.fromSnapshot(
      {
        offsets: i32(`${prefix}.offsets`),
        keys: i32(`${prefix}.keys`),
        tfs: u8(`${prefix}.tfs`),
        df: i32(`${prefix}.df`),
        lengths: i32(`${prefix}.lengths`),
        alive: u8(`${prefix}.alive`),
        live,
        totalLength,
      },
      vocab,
    );
  const state: EngineState = {
    vocab,
    passageIndex: index('p', sc['pLive']!, sc['pTotalLength']!),
    articleIndex: index('a', sc['aLive']!, sc['aTotalLength']!),
    passageArticle: i32('passageArticle'),
    passageFrom: i32('passageFrom'),
    passageTo: i32('passageTo'),
    nextArticleKey: sc['nextArticleKey']!,
    nextPassageKey: sc['nextPassageKey']!,
    entries,
    dateOrder: i32('dateOrder'),
    timeOrder: i32('timeOrder'),
  };
  return Engine.fromState(state);
}
