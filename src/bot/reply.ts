import type { ErrorCode } from '../errors.ts';
import type { Answer, ArticleListing, ArticleSummary, FeedHealth, Story } from '../engine/types.ts';

/** A platform-neutral reply; each adapter renders it (terminal text, Block Kit, embeds). */
export type Reply =
  | { kind: 'answer'; question: string; answer: Answer }
  | { kind: 'stories'; title: string; stories: Story[]; empty: string }
  | { kind: 'summary'; summary: ArticleSummary; url: string | null; date: string | null }
  | { kind: 'sources'; query: string; articles: ArticleListing[]; feeds: FeedHealth[] }
  | { kind: 'help'; title: string; entries: HelpEntry[] }
  | { kind: 'notice'; text: string }
  | { kind: 'error'; code: ErrorCode; message: string; usage?: string };

export interface HelpEntry {
  usage: string;
  description: string;
}

/** The plain sentence used when the corpus does not support an answer. */
export const NO_ANSWER_TEXT = 'The corpus does not say. No article supports an answer to that question.';
