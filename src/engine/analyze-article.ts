import type { Article } from './types.ts';
import { splitSentences, terms, words, type Sentence } from './text.ts';

export interface AnalyzedSentence extends Sentence {
  /** Position among the article's sentences. */
  index: number;
  terms: string[];
  wordCount: number;
  /** A subheading or a line without a sentence's end: retrievable, never quoted alone. */
  isHeading: boolean;
}

/** A run of adjacent sentences indexed as one retrieval unit. */
export interface Passage {
  from: number;
  to: number;
}

export interface AnalyzedArticle {
  article: Article;
  sentences: AnalyzedSentence[];
  passages: Passage[];
  titleTerms: string[];
  /** Distinct terms of title and body, for topic filters and story clustering. */
  termCounts: Map<string, number>;
}

const PASSAGE_WORDS = 90;

export function analyzeArticle(article: Article): AnalyzedArticle {
  const sentences = splitSentences(article.text).map((s, index): AnalyzedSentence => {
    const wordCount = words(s.text).length;
    return {
      ...s,
      index,
      terms: terms(s.text),
      wordCount,
      isHeading: !/[.!?…"'”’)\]:;]$/.test(s.text) && wordCount < 12,
    };
  });
  const termCounts = new Map<string, number>();
  const titleTerms = terms(article.title);
  for (const t of titleTerms) termCounts.set(t, (termCounts.get(t) ?? 0) + 1);
  for (const s of sentences) for (const t of s.terms) termCounts.set(t, (termCounts.get(t) ?? 0) + 1);
  return { article, sentences, passages: groupPassages(sentences), titleTerms, termCounts };
}

/** Groups sentences into passages of about PASSAGE_WORDS words that stay inside a paragraph. */
function groupPassages(sentences: AnalyzedSentence[]): Passage[] {
  const out: Passage[] = [];
  let from = 0;
  let count = 0;
  sentences.forEach((s, i) => {
    const prev = sentences[i - 1];
    if (i > from && (prev?.paragraph !== s.paragraph || count + s.wordCount > PASSAGE_WORDS)) {
      out.push({ from, to: i });
      from = i;
      count = 0;
    }
    count += s.wordCount;
  });
  if (sentences.length > from) out.push({ from, to: sentences.length });
  return out;
}
