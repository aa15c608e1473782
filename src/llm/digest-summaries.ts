import type { Article, RetrievedPassage, Story } from '../engine/types.ts';
import type { Logger } from '../logger.ts';
import type { GenerativeAnswerer } from './generate-answer.ts';

/** Rewrites digest stories' summaries (LLM_DIGEST=1); a story it cannot rewrite keeps its offline summary. */
export type StorySummarizer = (stories: Story[]) => Promise<Story[]>;

/** Sources shown to the model per story, and how much of each article. */
const SOURCES_PER_STORY = 4;
const LEAD_CHARS = 1500;

/** What the summaries need of the engine (awaited: the engine may answer from another thread). */
export interface ArticleLookup {
  article(id: string): Article | undefined | Promise<Article | undefined>;
}

/** The lead of an article, cut at the last sentence end within `max` characters. */
export function articleLead(text: string, max = LEAD_CHARS): string {
  if (text.length <= max) return text.trim();
  const cut = text.slice(0, max);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('.\n'), cut.lastIndexOf('? '), cut.lastIndexOf('! '));
  return (end > max / 3 ? cut.slice(0, end + 1) : cut).trim();
}

/**
 * Story summaries through the model with the answer checks: passage [n] is the story's n-th
 * source line (distinct article), so the summary's citations match the listed sources. After a model failure (timeout,
 * HTTP error) the remaining stories of that digest keep their offline summaries without asking.
 */
export function generatedStorySummaries(generator: GenerativeAnswerer, engine: ArticleLookup, log: Logger): StorySummarizer {
  return async (stories) => {
    const out: Story[] = [];
    let modelDown = false;
    let rewritten = 0;
    for (const story of stories) {
      if (modelDown) {
        out.push(story);
        continue;
      }
      const passages: RetrievedPassage[] = [];
      // the lines surfaces list: copies folded, so [n] is the n-th line shown
      for (const source of (story.distinctSources ?? story.sources).slice(0, SOURCES_PER_STORY)) {
        const article = await engine.article(source.id);
        // [n] must name the story's n-th source: a missing one leaves the story as it is
        if (!article) {
          passages.length = 0;
          break;
        }
        passages.push({ articleId: article.id, title: article.title, url: article.url, date: article.date, text: articleLead(article.text) });
      }
      const result = await generator.summarize(story, passages);
      if ('text' in result) {
        rewritten++;
        out.push({ ...story, summary: [result.text] });
      } else {
        modelDown = result.failed === 'model';
        out.push(story);
      }
    }
    log.info({ stories: stories.length, rewritten }, 'llm: digest summaries');
    return out;
  };
}
