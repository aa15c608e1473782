import type { Article } from './types.ts';
import { foldPhrases, isStopWord, splitSentences, stem, terms, words, type Sentence } from './text.ts';

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

/**
 * Index terms of already-split words: `terms()` of text.ts without splitting twice. Checked
 * against `terms()` once at start; when they ever disagree, `terms()` itself is used.
 */
function termsOfWordsFast(list: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of foldPhrases(list)) {
    if (isStopWord(w)) continue;
    out.push(stem(w));
  }
  return out;
}

const PROBE = "The mayor's office didn't say; Kirkby’s 200 homes were flooded in 1973 — officials can't tell. Men sent children. He stepped down.";
const FAST_TERMS_AGREE = termsOfWordsFast(words(PROBE)).join(' ') === terms(PROBE).join(' ');

function sentenceTerms(text: string, list: readonly string[]): string[] {
  return FAST_TERMS_AGREE ? termsOfWordsFast(list) : terms(text);
}

export function analyzeArticle(article: Article): AnalyzedArticle {
  const sentences = splitSentences(article.text).map((s, index): AnalyzedSentence => {
    const list = words(s.text);
    const wordCount = list.length;
    return {
      ...s,
      index,
      terms: sentenceTerms(s.text, list),
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

/**
 * Word → term id, one map lookup per word: a stop word maps to -1, any other word to the id of
 * its stem (the same terms as `terms()`), interned in the given vocabulary.
 */
export class TermMapper {
  private readonly cache = new Map<string, number>();
  constructor(private readonly intern: (term: string) => number) {}

  /** Term ids of a sentence (its words already split), appended to `out`. */
  idsOf(text: string, list: readonly string[], out: number[]): void {
    if (!FAST_TERMS_AGREE) {
      for (const t of terms(text)) out.push(this.intern(t));
      return;
    }
    for (const w of foldPhrases(list)) {
      let id = this.cache.get(w);
      if (id === undefined) {
        const t = termsOfWordsFast([w]);
        id = t.length ? this.intern(t[0]!) : -1;
        if (this.cache.size < 2_000_000) this.cache.set(w, id);
      }
      if (id >= 0) out.push(id);
    }
  }
}

/** What the indexes keep of an article: term ids per passage; passages exactly those of `analyzeArticle`. */
export interface IndexTermIds {
  titleTerms: string[];
  titleIds: number[];
  passages: Passage[];
  /** Term ids of each passage's sentences (in the order of `passages`), without the title. */
  passageIds: number[][];
}

export function indexTermIds(article: Article, mapper: TermMapper, intern: (term: string) => number): IndexTermIds {
  const split = splitSentences(article.text);
  const sentences: { paragraph: number; wordCount: number; ids: number[] }[] = split.map((s) => {
    const list = words(s.text);
    const ids: number[] = [];
    mapper.idsOf(s.text, list, ids);
    return { paragraph: s.paragraph, wordCount: list.length, ids };
  });
  const titleTerms = terms(article.title);
  const passages = groupPassages(sentences);
  const passageIds = passages.map((p) => {
    const out: number[] = [];
    for (let i = p.from; i < p.to; i++) for (const id of sentences[i]!.ids) out.push(id);
    return out;
  });
  return { titleTerms, titleIds: titleTerms.map(intern), passages, passageIds };
}

/** Groups sentences into passages of about PASSAGE_WORDS words that stay inside a paragraph. */
function groupPassages(sentences: readonly { paragraph: number; wordCount: number }[]): Passage[] {
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
