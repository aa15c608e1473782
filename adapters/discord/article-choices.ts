import { createHash } from 'node:crypto';
import type { Article } from '../../src/engine/types.ts';

/** Discord's limits for autocomplete: 25 choices, names and values of 1–100 characters. */
export const MAX_CHOICES = 25;
export const MAX_CHOICE_CHARS = 100;

const KEY_PREFIX = 'key:';

export interface ArticleChoice {
  name: string;
  value: string;
}

/** A short stable key for an id too long for a choice value: "key:" and 16 hex of its SHA-256. */
export function articleKey(id: string): string {
  return `${KEY_PREFIX}${createHash('sha256').update(id).digest('hex').slice(0, 16)}`;
}

/** The choice value for an article: its id when it fits in 100 characters, else its key. */
export function choiceValue(id: string): string {
  return id.length <= MAX_CHOICE_CHARS && !id.startsWith(KEY_PREFIX) ? id : articleKey(id);
}

/**
 * Maps a submitted `article:` value back to what the bot resolves: a key becomes the id it
 * stands for; anything else (an id, or words the user typed) is passed through.
 */
export function resolveChoiceValue(value: string, articles: () => Iterable<Article>): string {
  const trimmed = value.trim();
  if (!/^key:[0-9a-f]{16}$/.test(trimmed)) return trimmed;
  for (const article of articles()) if (articleKey(article.id) === trimmed) return article.id;
  return trimmed;
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/**
 * Up to 25 choices for what the user has typed so far: articles whose title or id holds every
 * typed word, titles starting with the text first, then newest first (the engine's order).
 */
export function articleChoices(articles: readonly Article[], typed: string, limit = MAX_CHOICES): ArticleChoice[] {
  const needle = typed.trim().toLowerCase();
  const words = needle.split(/\s+/).filter(Boolean);
  const matches = articles
    .map((article, order) => ({ article, order, hay: `${article.title} ${article.id}`.toLowerCase() }))
    .filter((x) => words.every((w) => x.hay.includes(w)))
    .map((x) => ({ ...x, prefix: needle && x.article.title.toLowerCase().startsWith(needle) ? 0 : 1 }))
    .sort((a, b) => a.prefix - b.prefix || a.order - b.order);
  return matches.slice(0, Math.min(limit, MAX_CHOICES)).map(({ article }) => {
    const title = article.title.replace(/\s+/g, ' ').trim() || article.id;
    const date = article.date ? ` (${article.date.slice(0, 10)})` : '';
    const name = date.length < MAX_CHOICE_CHARS - 10 ? `${clip(title, MAX_CHOICE_CHARS - date.length)}${date}` : clip(title, MAX_CHOICE_CHARS);
    return { name, value: choiceValue(article.id) };
  });
}
