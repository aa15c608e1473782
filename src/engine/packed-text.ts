// Article texts kept deflated in the index: at 100k articles the texts are ~310 MB of strings on the heap and ~160 MB
// deflated, which is what kept the 100k peak RSS within a few MB of its limit. Read on demand; the analyzed articles
// (the engine's cache) hold them as plain strings.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Article } from './types.ts';

const PACKED = Symbol('packed text');
const BYTES = Symbol('text bytes');
type Packed = Article & { [PACKED]: Uint8Array; [BYTES]: number };

function readPacked(this: Packed): string {
  return inflateRawSync(this[PACKED]).toString('utf8');
}

/** The setter of a text read on demand: an assigned text becomes a plain property. */
export function writeText(this: Article, value: string): void {
  Object.defineProperty(this, 'text', { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Keeps `article`'s text deflated, in place: the engine owns the articles it is given, and a copy would hold both
 * texts until the whole batch was indexed. `text` stays an own enumerable property to every reader (spread, JSON, the
 * worker's structured clone), read by inflating.
 */
export function packText(article: Article): Article {
  // (level 1, the fastest; the copy owns exactly its bytes, where zlib's result is a view of a larger pooled buffer)
  const text = article.text;
  const packed = new Uint8Array(deflateRawSync(text, { level: 1 }));
  Object.defineProperties(article, {
    [PACKED]: { value: packed, configurable: true },
    [BYTES]: { value: Buffer.byteLength(text, 'utf8'), configurable: true },
    text: { get: readPacked, set: writeText, enumerable: true, configurable: true },
  });
  return article;
}

/** `article` with its text as a plain string (inflated once, for the many reads of an analysis). */
export function plainArticle(article: Article): Article {
  const { text, ...rest } = article;
  return { ...rest, text } as Article;
}

/** The article as packed, or null when its text is a plain string (never packed, or assigned since). */
function packedOf(article: Article): Packed | null {
  return Object.getOwnPropertyDescriptor(article, 'text')?.get === readPacked ? (article as Packed) : null;
}

/** The UTF-8 size of an article's text, without inflating a packed one (the persisted index lays texts out by it). */
export function textByteLength(article: Article): number {
  return packedOf(article)?.[BYTES] ?? Buffer.byteLength(article.text, 'utf8');
}

/** An article's text as UTF-8 bytes: a packed one inflated straight to bytes, with no string made between. */
export function textBytes(article: Article): Uint8Array {
  const packed = packedOf(article);
  return packed ? inflateRawSync(packed[PACKED]) : Buffer.from(article.text, 'utf8');
}
