import type { Engine } from '../engine/engine.ts';
import type { ArticleListing } from '../engine/types.ts';
import type { Result } from '../errors.ts';
import { ok } from '../errors.ts';
import { terms } from '../engine/text.ts';

/** The article a summary request names, and the next few that match its words too ("Also matching: …"). */
export interface ArticleMatch {
  best: ArticleListing;
  also: ArticleListing[];
}

/**
 * Resolves words to the best article as `summary` does, and lists up to `limit` other articles
 * the same words find whose titles share one of them, one article per title.
 */
export function matchArticles(engine: Pick<Engine, 'resolve' | 'sources'>, words: string, limit = 3): Result<ArticleMatch> {
  const found = engine.resolve(words);
  if (!found.ok) return found;
  const { id, title, date, source, url } = found.value;
  const best: ArticleListing = { id, title, date, source, url };
  const titles = new Set([title.trim().toLowerCase()]);
  const wanted = new Set(terms(words));
  // a body that merely mentions the words is no candidate: its title must share one of them
  const titled = (t: string) => terms(t).some((x) => wanted.has(x));
  const also: ArticleListing[] = [];
  for (const a of engine.sources(words, limit + 4)) {
    const key = a.title.trim().toLowerCase();
    if (also.length >= limit || a.id === id || titles.has(key) || !titled(a.title)) continue;
    titles.add(key);
    also.push(a);
  }
  return ok({ best, also });
}
