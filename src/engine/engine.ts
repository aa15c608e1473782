import { analyzeArticle, type AnalyzedArticle } from './analyze-article.ts';
import { answerQuestion, ABSTAIN_BELOW } from './answer-question.ts';
import { Bm25Index } from './bm25-index.ts';
import { buildStory, clusterArticles, compareByDate, rankStories, toSourceRef, type StoryInput } from './compose-stories.ts';
import { pickSummarySentences } from './summarize-article.ts';
import { terms, words } from './text.ts';
import type { Answer, Article, ArticleListing, ArticleSummary, BriefOptions, Story } from './types.ts';
import { fail, ok, type Result } from '../errors.ts';

export { summarizeText } from './summarize-article.ts';

/** What a conversation remembers between turns, for follow-ups. */
export interface ConversationTurn {
  question: string;
  /** The question as expanded with earlier context. */
  expanded: string;
  /** Ids of the articles the previous answer cited. */
  articleIds: string[];
}

export interface AskResult {
  answer: Answer;
  /** What to remember for the next turn of this conversation. */
  turn: ConversationTurn;
}

const NO_ANSWER: Answer = { answer: null, quote: null, sources: [], confidence: 0 };
const DEFAULT_BRIEF_LIMIT = 5;
/** A topic matches an article when this share of the topic's weight is in it. */
const TOPIC_MATCH = 0.5;

/** A short or pronoun-led question leans on the previous turn. */
function isFollowUp(question: string): boolean {
  const w = words(question);
  const content = terms(question);
  return (
    content.length <= 2 ||
    /^(and|but|what about|how about|also|then|so)\b/i.test(question.trim()) ||
    w.some((x) => /^(he|she|it|they|them|his|her|its|their|this|that|these|those|there)$/.test(x))
  );
}

/**
 * The offline briefing engine: an index of passages and articles that answers questions,
 * summarizes articles and composes briefs. Articles can be added and removed at any time.
 */
export class Engine {
  private readonly entries = new Map<number, AnalyzedArticle>();
  private readonly keyById = new Map<string, number>();
  private readonly passageKeys = new Map<number, number[]>();
  private readonly passages = new Map<number, { articleKey: number; from: number; to: number }>();
  private readonly passageIndex = new Bm25Index();
  private readonly articleIndex = new Bm25Index();
  private nextArticleKey = 0;
  private nextPassageKey = 0;

  constructor(articles: Article[] = []) {
    this.add(articles);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Adds articles; an article whose id is already present replaces it. */
  add(articles: Article[]): void {
    for (const article of articles) {
      if (this.keyById.has(article.id)) this.remove([article.id]);
      const key = this.nextArticleKey++;
      const entry = analyzeArticle(article);
      this.entries.set(key, entry);
      this.keyById.set(article.id, key);
      // Title words count twice: a headline says what the article is about
      this.articleIndex.add(key, [...entry.titleTerms, ...entry.titleTerms, ...entry.sentences.flatMap((s) => s.terms)]);
      const keys: number[] = [];
      for (const p of entry.passages) {
        const pk = this.nextPassageKey++;
        const passageTerms = entry.sentences.slice(p.from, p.to).flatMap((s) => s.terms);
        this.passageIndex.add(pk, [...entry.titleTerms, ...passageTerms]);
        this.passages.set(pk, { articleKey: key, ...p });
        keys.push(pk);
      }
      this.passageKeys.set(key, keys);
    }
  }

  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      const key = this.keyById.get(id);
      if (key === undefined) continue;
      for (const pk of this.passageKeys.get(key) ?? []) {
        this.passageIndex.remove(pk);
        this.passages.delete(pk);
      }
      this.passageKeys.delete(key);
      this.articleIndex.remove(key);
      this.entries.delete(key);
      this.keyById.delete(id);
    }
  }

  article(id: string): Article | undefined {
    const key = this.keyById.get(id);
    return key === undefined ? undefined : this.entries.get(key)?.article;
  }

  ask(question: string, previous?: ConversationTurn): AskResult {
    const followUp = previous !== undefined && isFollowUp(question);
    const context = followUp ? previous.expanded : '';
    const expanded = (followUp ? `${question} ${context}` : question).slice(0, 400);
    const draft = answerQuestion(
      {
        passageIndex: this.passageIndex,
        passageAt: (key) => {
          const p = this.passages.get(key);
          const entry = p && this.entries.get(p.articleKey);
          return p && entry ? { entry, from: p.from, to: p.to } : undefined;
        },
      },
      question,
      context,
      new Set(followUp ? previous.articleIds : []),
    );
    if (!draft || draft.confidence < ABSTAIN_BELOW) {
      return { answer: { ...NO_ANSWER, confidence: draft?.confidence ?? 0 }, turn: { question, expanded, articleIds: previous?.articleIds ?? [] } };
    }
    const answer: Answer = {
      answer: draft.span ?? draft.quote,
      quote: draft.quote,
      sources: [toSourceRef(draft.entry)],
      confidence: Number(draft.confidence.toFixed(3)),
    };
    return { answer, turn: { question, expanded, articleIds: [draft.entry.article.id] } };
  }

  /** Resolves an id, an id without its extension, or words of a title to one article. */
  resolve(idOrWords: string): Result<Article> {
    const query = idOrWords.trim();
    if (!query) return fail('usage', 'Name an article: its id or words from its title.');
    const exact = this.article(query);
    if (exact) return ok(exact);
    const lower = query.toLowerCase();
    for (const entry of this.entries.values()) {
      const id = entry.article.id.toLowerCase();
      if (id === lower || id.replace(/\.[a-z0-9]+$/, '') === lower) return ok(entry.article);
    }
    const qTerms = [...new Set(terms(query))];
    if (qTerms.length) {
      let best: { entry: AnalyzedArticle; share: number } | null = null;
      for (const entry of this.entries.values()) {
        const title = new Set(entry.titleTerms);
        const share = qTerms.filter((t) => title.has(t)).length / qTerms.length;
        if (share === 1 && (!best || share > best.share || entry.titleTerms.length < best.entry.titleTerms.length)) best = { entry, share };
      }
      if (best) return ok(best.entry.article);
      const hit = this.articleIndex.search(qTerms, 1)[0];
      const entry = hit && this.entries.get(hit.key);
      if (entry && this.coverage(qTerms, entry) >= 0.75) return ok(entry.article);
    }
    return fail('not_found', `No article matches "${query}". Try /sources to list articles.`);
  }

  summarize(idOrWords: string, sentences = 3): Result<ArticleSummary> {
    const found = this.resolve(idOrWords);
    if (!found.ok) return found;
    const entry = this.entries.get(this.keyById.get(found.value.id)!)!;
    const n = Math.max(1, Math.min(20, Math.floor(sentences)));
    const summary = pickSummarySentences(entry.sentences, n, entry.titleTerms).map((s) => s.text);
    return ok({ id: entry.article.id, title: entry.article.title, summary });
  }

  /** Top stories, optionally narrowed to a topic and a window; same-story articles merged. */
  brief(options: BriefOptions = {}): Story[] {
    const limit = options.limit ?? DEFAULT_BRIEF_LIMIT;
    const since = options.since?.toISOString();
    const inWindow = (e: AnalyzedArticle) =>
      (!since || (e.article.date !== null && normalizeDate(e.article.date) >= since)) && !options.excludeIds?.has(e.article.id);
    let inputs: StoryInput[];
    const topicTerms = options.topic ? [...new Set(terms(options.topic))] : [];
    if (topicTerms.length) {
      const hits = this.articleIndex.search(topicTerms, 0);
      const top = hits[0]?.score ?? 1;
      inputs = hits
        .map((h) => ({ entry: this.entries.get(h.key)!, relevance: h.score / top }))
        .filter((x) => x.entry && inWindow(x.entry) && this.coverage(topicTerms, x.entry) >= TOPIC_MATCH);
    } else {
      inputs = [...this.entries.values()].filter(inWindow).map((entry) => ({ entry, relevance: 1 }));
    }
    const groups = rankStories(clusterArticles(inputs, (t) => this.articleIndex.idf(t)));
    return (limit > 0 ? groups.slice(0, limit) : groups).map(buildStory);
  }

  /** Articles matching words (best first), or the most recent ones without words. */
  sources(query = '', limit = 10): ArticleListing[] {
    const qTerms = [...new Set(terms(query))];
    const entries = qTerms.length
      ? this.articleIndex
          .search(qTerms, limit)
          .map((h) => this.entries.get(h.key)!)
          .filter(Boolean)
      : [...this.entries.values()].sort(compareByDate).slice(0, limit);
    return entries.map(({ article: a }) => ({ id: a.id, title: a.title, date: a.date, source: a.source, url: a.url }));
  }

  /** All articles, newest first (for autocomplete and listings). */
  listArticles(): Article[] {
    return [...this.entries.values()].sort(compareByDate).map((e) => e.article);
  }

  /** Share of the query's idf weight present in an article. */
  private coverage(qTerms: readonly string[], entry: AnalyzedArticle): number {
    let have = 0;
    let total = 0;
    for (const t of qTerms) {
      const w = this.articleIndex.idf(t);
      total += w;
      if (entry.termCounts.has(t)) have += w;
    }
    return total ? have / total : 0;
  }
}

/** Date-only values compare as the start of that day in UTC. */
function normalizeDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00.000Z` : new Date(date).toISOString();
}
