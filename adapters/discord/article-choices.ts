import type { ArticleListing } from '../../src/bot/reply.ts';
import { articleKey, isArticleKey, KEYLESS_MAX, needsKey } from '../../src/bot/article-key.ts';

export { articleKey };

/** Discord's limits for autocomplete: 25 choices, names and values of 1–100 characters. */
export const MAX_CHOICES = 25;
export const MAX_CHOICE_CHARS = KEYLESS_MAX;

export interface ArticleChoice {
  name: string;
  value: string;
}

type Listed = Pick<ArticleListing, 'id' | 'title' | 'date'>;

/** The choice value for an article: its id when it fits in 100 characters, else its key. */
export function choiceValue(id: string): string {
  return needsKey(id) ? articleKey(id) : id;
}

/**
 * Maps a submitted `article:` value back to what the bot resolves: a key becomes the id it
 * stands for (asked of the engine); anything else (an id, or words the user typed) is passed through.
 */
export async function resolveChoiceValue(value: string, idForKey: (key: string) => Promise<string | undefined> | string | undefined): Promise<string> {
  const trimmed = value.trim();
  if (!isArticleKey(trimmed)) return trimmed;
  return (await idForKey(trimmed)) ?? trimmed;
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** Choices for articles already matched (the engine's `matchTitles`): names within 100 characters, with the date. */
export function toChoices(articles: readonly Listed[]): ArticleChoice[] {
  return articles.slice(0, MAX_CHOICES).map((article) => {
    const title = article.title.replace(/\s+/g, ' ').trim() || article.id;
    const date = article.date ? ` (${article.date.slice(0, 10)})` : '';
    const name = date.length < MAX_CHOICE_CHARS - 10 ? `${clip(title, MAX_CHOICE_CHARS - date.length)}${date}` : clip(title, MAX_CHOICE_CHARS);
    return { name, value: choiceValue(article.id) };
  });
}
