import type { ChatMessage } from './chat-client.ts';
import { NO_ANSWER_MARK } from './check-grounding.ts';

/** A passage as the model sees it: numbered, with its article's title and id. */
export interface PromptPassage {
  articleId: string;
  title: string;
  date: string | null;
  text: string;
}

const RULES = [
  'Use only the numbered passages below; you know nothing else.',
  'Cite the passage that supports each sentence with its number in square brackets, like [1] or [2][3], at the end of the sentence.',
  'When you quote, copy the words exactly as they appear in the passage, inside double quotes, and cite that passage in the same sentence.',
  `If the passages do not answer, reply exactly: ${NO_ANSWER_MARK}`,
];

/** The passages block: `[n] title (article id, date)` then the passage text. */
export function formatPassages(passages: readonly PromptPassage[]): string {
  return passages.map((p, i) => `[${i + 1}] ${p.title} (article ${p.articleId}${p.date ? `, ${p.date.slice(0, 10)}` : ''})\n${p.text}`).join('\n\n');
}

/** The messages asking a question over retrieved passages. */
export function buildAnswerPrompt(question: string, passages: readonly PromptPassage[]): ChatMessage[] {
  return [
    {
      role: 'system',
      content: `You answer questions about news articles. ${RULES.join(' ')} Start with the short answer itself, in at most three sentences.`,
    },
    { role: 'user', content: `Passages:\n\n${formatPassages(passages)}\n\nQuestion: ${question}` },
  ];
}

/** The messages asking for a story's summary over its source articles (one passage each). */
export function buildSummaryPrompt(headline: string, passages: readonly PromptPassage[]): ChatMessage[] {
  return [
    {
      role: 'system',
      content: `You summarize news stories for a daily digest. ${RULES.join(' ')} Write two or three plain sentences that say what happened.`,
    },
    { role: 'user', content: `Passages:\n\n${formatPassages(passages)}\n\nSummarize the story "${headline}".` },
  ];
}
