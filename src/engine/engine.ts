import { analyzeArticle, type AnalyzedArticle } from './analyze-article.ts';
import { answerQuestion, questionTerms, ABSTAIN_BELOW, type AnswerDraft, type AnswerSources, type ConfidenceFeatures } from './answer-question.ts';
import { retrievePassages } from './retrieve-passages.ts';
import { SHORT_ABOVE, type SpanFeatures } from './span-confidence.ts';
import { buildStory, centralities, clusterArticles, rankStories, toSourceRef, type StoryInput } from './compose-stories.ts';
import { CorpusIndex, type EngineEntry, type EngineState } from './corpus-index.ts';
import { plainArticle } from './packed-text.ts';
import { chooseDraft, contextWeight, followUpQuery, nextTurn, type ConversationTurn } from './follow-up-state.ts';
import { rankMatches, type Match } from './rank-matches.ts';
import { matchTitles } from './match-titles.ts';
import { pickSummarySentences } from './summarize-article.ts';
import { SpellingSuggester } from './spelling.ts';
import { copyKey, terms } from './text.ts';
import type { Answer, Article, ArticleListing, ArticleSummary, BriefOptions, MatchRef, RetrievedPassage, Story } from './types.ts';
import { fail, ok, type Result } from '../errors.ts';

export { summarizeText } from './summarize-article.ts';
export type { EngineEntry, EngineState } from './corpus-index.ts';
export type { ConversationTurn } from './follow-up-state.ts';

export interface AskResult {
  answer: Answer;
  /** The best span and its evidence, also when not shown (for the bench and calibration). */
  span: { text: string | null; from: string | null; confidence: number; features: SpanFeatures | null; vetoes: readonly string[]; answerFeatures: ConfidenceFeatures | null };
  /** What to remember for the next turn of this conversation. */
  turn: ConversationTurn;
}

/** An offline answer with the passages a generated answer may cite, from one call. */
export interface GroundedAskResult extends AskResult {
  /** What `passages` returns for the same question and turn. */
  passages: RetrievedPassage[];
}

const NO_ANSWER: Answer = { answer: null, quote: null, sources: [], confidence: 0, short: false };
const DEFAULT_BRIEF_LIMIT = 5;
/** A topic matches an article when this share of the topic's weight is in it. */
const TOPIC_MATCH = 0.5;
/** Words name an article whose title lacks some of them when this share of their weight is in its text. */
const TITLE_COVERAGE = 0.75;
/** Other matches a summary names beside the article chosen. */
const ALSO_MATCHING = 4;
/** Analyzed articles kept for answers and summaries (least recently used dropped first). */
const ANALYZED_CACHE = 1024;

/**
 * The offline briefing engine: answers questions, summarizes articles and composes briefs over a
 * corpus index (corpus-index.ts) to which articles can be added and removed at any time.
 * Sentences are analyzed only for the articles a question retrieves or a brief shows, and cached.
 */
export class Engine {
  private readonly analyzed = new Map<number, AnalyzedArticle>();
  private readonly index: CorpusIndex;
  /** Suggestions for question words the corpus does not use; built on the first such word. */
  private spelling: SpellingSuggester | null = null;

  constructor(articles: Article[] = [], state?: EngineState) {
    this.index = new CorpusIndex(state, (key) => this.analyzed.delete(key));
    this.index.add(articles);
    // the listing and window orders are part of the index: sorted once now, kept sorted after
    this.index.dateOrder();
    this.index.timeOrder();
  }

  get size(): number {
    return this.index.size;
  }

  /** Adds articles; an article whose id is already present replaces it. `onProgress` hears every 100. */
  add(articles: Iterable<Article>, onProgress?: (done: number) => void): void {
    this.index.add(articles, onProgress);
  }

  remove(ids: Iterable<string>): void {
    this.index.remove(ids);
  }

  article(id: string): Article | undefined {
    return this.index.entryById(id)?.article;
  }

  /** The sentences of an article, analyzed on first use and cached. */
  private analyze(entry: EngineEntry): AnalyzedArticle {
    let a = this.analyzed.get(entry.key);
    if (a) {
      this.analyzed.delete(entry.key);
    } else {
      a = analyzeArticle(plainArticle(entry.article));
      if (this.analyzed.size >= ANALYZED_CACHE) this.analyzed.delete(this.analyzed.keys().next().value!);
    }
    this.analyzed.set(entry.key, a);
    return a;
  }

  /** The analyzed article, or a stand-in that analyzes it on first use of its sentences. */
  private lazyAnalyzed(entry: EngineEntry): AnalyzedArticle {
    const cached = this.analyzed.get(entry.key);
    if (cached) return cached;
    let done: AnalyzedArticle | undefined;
    const get = () => (done ??= this.analyze(entry));
    return {
      // (the analyzed article's text is a plain string; the entry's is inflated at each read)
      get article() {
        return done?.article ?? entry.article;
      },
      titleTerms: entry.titleTerms,
      get sentences() {
        return get().sentences;
      },
      get passages() {
        return get().passages;
      },
      get termCounts() {
        return get().termCounts;
      },
    };
  }

  ask(question: string, previous?: ConversationTurn): AskResult {
    const { draft, context, asked, names } = chooseDraft(question, previous, (q, ctx, preferred, quoted) => this.draftAnswer(q, ctx, preferred, quoted), (id) => this.index.resolveId(id)?.article.text);
    const span = { text: draft?.span ?? null, from: draft?.spanSource ?? null, confidence: draft?.spanConfidence ?? 0, features: draft?.spanFeatures ?? null, vetoes: draft?.spanVetoes ?? [], answerFeatures: draft?.features ?? null };
    if (!draft || draft.confidence < ABSTAIN_BELOW) {
      return { answer: { ...NO_ANSWER, confidence: draft?.confidence ?? 0 }, span, turn: nextTurn(question, context, previous?.articleIds ?? [], { shortAnswer: null, carried: names, quoted: previous?.quoted }) };
    }
    // a span is shown only when the engine vouches for it; otherwise the supporting sentence leads
    const short = draft.span !== null && draft.spanConfidence >= SHORT_ABOVE;
    const answer: Answer = {
      answer: short ? draft.span : draft.quote,
      quote: draft.quote,
      sources: [toSourceRef(draft.entry)],
      confidence: Number(draft.confidence.toFixed(3)),
      short,
    };
    return { answer, span, turn: nextTurn(question, context, [draft.entry.article.id], { asked, shortAnswer: short ? draft.span : null, carried: names, quoted: draft.sentence.text }) };
  }

  /** `ask` and `passages` in one call, so an LLM question costs one worker round trip, not two. */
  askWithPassages(question: string, previous?: ConversationTurn, k = 5): GroundedAskResult {
    return { ...this.ask(question, previous), passages: this.passages(question, previous, k) };
  }

  private draftAnswer(question: string, context: string, preferred: readonly string[], quoted?: string): AnswerDraft | null {
    return answerQuestion(this.answerSources(), question, context, new Set(preferred), quoted);
  }

  /** The indexes answers and cited passages are read from. */
  private answerSources(): AnswerSources {
    return {
      passageIndex: this.index.passageIndex,
      passageAt: (pk) => {
        const at = this.index.passageAt(pk);
        return at ? { entry: this.lazyAnalyzed(at.entry), from: at.from, to: at.to } : undefined;
      },
      // retrieval (retrieve-passages.ts) weighs a passage by its whole article's match too
      articleIndex: this.index.articleIndex,
      articleKeyOf: (pk) => this.index.articleKeyOf(pk),
      suggest: (term) => (this.spelling ??= new SpellingSuggester(this.index.vocab, (t) => this.index.passageIndex.df(t))).suggest(term),
    };
  }

  /**
   * The passages retrieval finds for a question, best first, as plain values (what a generated
   * answer may cite): the same retrieval as `ask` (retrieve-passages.ts) and follow-up handling,
   * earlier turns' words weighted down and the previous answer's articles preferred.
   */
  passages(question: string, previous?: ConversationTurn, k = 5): RetrievedPassage[] {
    const sources = this.answerSources();
    const query = followUpQuery(question, previous, (text) => questionTerms(text, sources));
    if (query.own.size === 0 || k < 1) return [];
    const passageIndex = this.index.passageIndex;
    const weight = new Map(query.terms.map((t) => [t, passageIndex.idf(t) * contextWeight(query, t)]));
    const out: RetrievedPassage[] = [];
    for (const { p } of retrievePassages(sources, query.terms, weight, query.preferred, k, query.ownList)) {
      const first = p.entry.sentences[p.from];
      const last = p.entry.sentences[p.to - 1];
      if (!first || !last) continue;
      const { id, title, url, date, text } = p.entry.article;
      out.push({ articleId: id, title, url, date, text: text.slice(first.start, last.end) });
    }
    return out;
  }

  /** Resolves an id, an id without its extension, or words of a title to one article. */
  resolve(idOrWords: string): Result<Article> {
    const found = this.lookUp(idOrWords);
    return found.ok ? ok(found.value.entry.article) : found;
  }

  /** The article an id or words name, and (for words) every article they match, best first. */
  private lookUp(idOrWords: string): Result<{ entry: EngineEntry; ranked: EngineEntry[] }> {
    const query = idOrWords.trim();
    if (!query) return fail('usage', 'Name an article: its id or words from its title.');
    const byId = this.index.resolveId(query);
    if (byId) return ok({ entry: byId, ranked: [] });
    const ranked = this.matchWords(query);
    if (ranked[0]) return ok({ entry: ranked[0], ranked });
    return fail('not_found', `No article matches "${query}". Try /sources to list articles.`);
  }

  /**
   * Every article some words name, best first: a title holding every word beats the text alone
   * (which must hold TITLE_COVERAGE of the words' weight); near-ties go to the newest, then the
   * most central of them (rank-matches.ts).
   */
  private matchWords(query: string): EngineEntry[] {
    const qTerms = [...new Set(terms(query))];
    if (!qTerms.length) return [];
    const hits = this.index.articleIndex.search(qTerms, 0);
    const top = hits[0]?.score || 1;
    const matches: Match<EngineEntry>[] = [];
    for (const h of hits) {
      const entry = this.index.entry(h.key);
      if (!entry) continue;
      const inTitle = qTerms.every((t) => entry.titleTerms.includes(t));
      if (!inTitle && this.coverage(qTerms, entry) < TITLE_COVERAGE) continue;
      matches.push({ entry, quality: (inTitle ? 1 : 0) + h.score / top, time: entry.time, id: entry.article.id });
    }
    return rankMatches(matches, (entries) => centralities(entries, (e) => e.vector, this.idfFunction()));
  }

  /** Idf by term id, memoized for one operation. */
  private idfFunction(): (termId: number) => number {
    const idfs = new Float64Array(this.index.vocab.size).fill(-1);
    return (t: number) => {
      let x = idfs[t] ?? -1;
      if (x < 0) x = idfs[t] = this.index.articleIndex.idfOf(t);
      return x;
    };
  }

  summarize(idOrWords: string, sentences = 3): Result<ArticleSummary> {
    const found = this.lookUp(idOrWords);
    if (!found.ok) return found;
    const entry = this.analyze(found.value.entry);
    const n = Math.max(1, Math.min(20, Math.floor(sentences)));
    const summary = pickSummarySentences(entry.sentences, n, entry.titleTerms).map((s) => s.text);
    // copies of an article listed already (same title) are not another match
    const seen = new Set([copyKey(entry.article.title)]);
    const also: MatchRef[] = [];
    for (const { article: a } of found.value.ranked) {
      if (also.length >= ALSO_MATCHING) break;
      const key = copyKey(a.title);
      if (seen.has(key)) continue;
      seen.add(key);
      also.push({ id: a.id, title: a.title, date: a.date });
    }
    return ok({ id: entry.article.id, title: entry.article.title, summary, ...(also.length ? { alsoMatching: also } : {}) });
  }

  /** Top stories, optionally narrowed to a topic and a window; same-story articles merged. */
  brief(options: BriefOptions = {}): Story[] {
    const limit = options.limit ?? DEFAULT_BRIEF_LIMIT;
    const since = options.since?.getTime();
    const inWindow = (e: EngineEntry) =>
      (since === undefined || e.time >= since) && !options.excludeIds?.has(e.article.id);
    let inputs: StoryInput<EngineEntry>[];
    const topicTerms = options.topic ? [...new Set(terms(options.topic))] : [];
    if (topicTerms.length) {
      const hits = this.index.articleIndex.search(topicTerms, 0);
      const top = hits[0]?.score ?? 1;
      inputs = [];
      for (const h of hits) {
        const entry = this.index.entry(h.key);
        if (entry && inWindow(entry) && this.coverage(topicTerms, entry) >= TOPIC_MATCH) inputs.push({ entry, relevance: h.score / top });
      }
    } else if (since !== undefined) {
      // dated entries by time: the window is a tail of the list; insertion order kept
      const list = this.index.timeOrder();
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid]!.time >= since) hi = mid;
        else lo = mid + 1;
      }
      inputs = list
        .slice(lo)
        .filter(inWindow)
        .sort((a, b) => a.key - b.key)
        .map((entry) => ({ entry, relevance: 1 }));
    } else {
      inputs = [...this.index.values()].filter(inWindow).map((entry) => ({ entry, relevance: 1 }));
    }
    const idf = this.idfFunction();
    const sent = options.freshAgainst;
    const ranked = rankStories(clusterArticles(inputs, (e) => e.vector, idf));
    const groups = sent ? ranked.filter((g) => g.some((x) => !sent.has(x.entry.article.id))) : ranked;
    return (limit > 0 ? groups.slice(0, limit) : groups).map((g) => buildStory(g, { analyze: (e) => this.analyze(e), vectorOf: (e) => e.vector, idf }));
  }

  /** A topic's words (as typed, stop words left out) some article holds, and those none holds. */
  heldWords(text: string): { held: string[]; unheld: string[] } {
    const index = this.index.articleIndex;
    const held: string[] = [];
    const unheld: string[] = [];
    for (const w of new Set(text.split(/\s+/))) {
      const ts = terms(w);
      if (ts.length > 0) (ts.every((t) => index.df(t) > 0) ? held : unheld).push(w);
    }
    return { held, unheld };
  }

  /** Articles matching words (best first), or the most recent ones without words. */
  sources(query = '', limit = 10): ArticleListing[] {
    const qTerms = [...new Set(terms(query))];
    const entries = qTerms.length
      ? this.index.articleIndex
          .search(qTerms, limit)
          .map((h) => this.index.entry(h.key)!)
          .filter(Boolean)
      : this.index.dateOrder().slice(0, limit);
    return entries.map(({ article: a }) => ({ id: a.id, title: a.title, date: a.date, source: a.source, url: a.url }));
  }

  /** All articles, newest first (for listings in this thread; too large to send across one). */
  listArticles(): Article[] {
    return this.index.dateOrder().map((e) => e.article);
  }

  /** Autocomplete: up to `limit` articles whose title or id holds every typed word, titles starting with the text first, then newest first. */
  matchTitles(typed: string, limit = 25): ArticleListing[] {
    const entries = this.index.dateOrder();
    const articles = (function* () {
      for (const e of entries) yield e.article;
    })();
    return matchTitles(articles, typed, limit).map((a) => ({ id: a.id, title: a.title, date: a.date, source: a.source, url: a.url }));
  }

  /** The id a short key (article-key.ts) stands for, or undefined. */
  idForKey(key: string): string | undefined {
    return this.index.idForKey(key);
  }

  /** Share of the query's idf weight present in an article. */
  private coverage(qTerms: readonly string[], entry: EngineEntry): number {
    let have = 0;
    let total = 0;
    for (const t of qTerms) {
      const w = this.index.articleIndex.idf(t);
      total += w;
      const id = this.index.vocab.lookup(t);
      if (id >= 0 && entry.vector.ids.includes(id)) have += w;
    }
    return total ? have / total : 0;
  }

  /** The engine's state, for the persisted index (see persist-index.ts). */
  exportState(): EngineState {
    return this.index.exportState();
  }

  /** An engine over a saved state (no analysis, no indexing). */
  static fromState(state: EngineState): Engine {
    return new Engine([], state);
  }
}
