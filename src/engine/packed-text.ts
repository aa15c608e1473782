// Article texts kept deflated in the index: at 100k articles the texts are ~310 MB of strings on the heap and ~160 MB
// deflated, which is what kept the 100k peak RSS within a few MB of its limit. Read on demand; the analyzed articles
// (the engine's cache) hold them as plain strings.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Article } from './types.ts';

const PACKED = Symbol('packed text');
type Packed = Article & { [PACKED]: Uint8Array };

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
  const packed = new Uint8Array(deflateRawSync(article.text, { level: 1 }));
  Object.defineProperties(article, {
    [PACKED]: { value: packed, configurable: true },
    text: { get: readPacked, set: writeText, enumerable: true, configurable: true },
  });
  return article;
}

/** `article` with its text as a plain string (inflated once, for the many reads of an analysis). */
export function plainArticle(article: Article): Article {
  const { text, ...rest } = article;
  return { ...rest, text } as Article;
}
