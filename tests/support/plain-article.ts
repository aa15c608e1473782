import type { Article } from '../../src/engine/types.ts';

/** An undated article without a URL or source, its id standing for its origin: what engine tests build corpora from. */
export function plainArticle(id: string, title: string, text: string): Article {
  return { id, title, text, date: null, url: null, source: null, origin: id };
}
