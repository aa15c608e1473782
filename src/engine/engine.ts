import { analyzeArticle, indexTermIds, TermMapper, type AnalyzedArticle } from './analyze-article.ts';
import { answerQuestion, ABSTAIN_BELOW, type AnswerDraft, type ConfidenceFeatures } from './answer-question.ts';
import { SHORT_ABOVE, type SpanFeatures } from './span-confidence.ts';
import { Bm25Index, MAX_TF, Vocabulary } from './bm25-index.ts';
import { buildStory, centralities, clusterArticles, compareByDate, rankStories, toSourceRef, type StoryInput } from './compose-stories.ts';
import { rankMatches, type Match } from './rank-matches.ts';
import { articleKey, isArticleKey } from './article-key.ts';
import { matchTitles } from './match-titles.ts';
import { pickSummarySentences } from './summarize-article.ts';
import { SpellingSuggester } from './spelling.ts';
import { needsContext } from './follow-up.ts';
import { terms, words } from './text.ts';
import type { Answer, Article, ArticleListing, ArticleSummary, BriefOptions, MatchRef, RetrievedPassage, Story } from './types.ts';
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
  /** The best span and its evidence, also when not shown (for the bench and calibration). */
  span: { text: string | null; from: string | null; confidence: number; features: SpanFeatures | null; answerFeatures: ConfidenceFeatures | null };
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

/** A title as compared for copies: lower case, letters and digits only. */
const titleKey = (title: string) => title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** What the engine keeps of an article: no sentences (those are analyzed on demand). */
export interface EngineEntry {
  key: number;
  article: Article;
  titleTerms: string[];
  /** Distinct term ids of title and body (first appearance order) and their counts. */
  vector: { ids: Int32Array; counts: Uint8Array };
  /** Passage keys firstPassage … firstPassage + passageCount - 1. */
  firstPassage: number;
  passageCount: number;
  /** Milliseconds since the epoch, NaN when undated. */
  time: number;
}

/** Counts term ids of one document, remembering their first appearance order; reused. */
class TermCounter {
  private counts: Int32Array = new Int32Array(1024);
  private order: Int32Array = new Int32Array(1024);
  distinct = 0;

  count(id: number): void {
    if (id >= this.counts.length) this.counts = grow(this.counts, id + 1);
    if (this.counts[id]!++ === 0) {
      if (this.distinct >= this.order.length) this.order = grow(this.order, this.distinct + 1);
      this.order[this.distinct++] = id;
    }
  }

  idAt(i: number): number {
    return this.order[i]!;
  }

  countOf(id: number): number {
    return id < this.counts.length ? this.counts[id]! : 0;
  }

  reset(): void {
    for (let i = 0; i < this.distinct; i++) this.counts[this.order[i]!] = 0;
    this.distinct = 0;
  }
}

/** Analyzed articles kept for answers and summaries (least recently used dropped first). */
const ANALYZED_CACHE = 1024;

function grow(a: Int32Array, need: number): Int32Array {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2, 256));
  b.set(a);
  return b;
}

/**
 * The offline briefing engine: an index of passages and articles that answers questions,
 * summarizes articles and composes briefs. Articles can be added and removed at any time.
 * Indexes hold compact postings over numeric term ids; sentences are analyzed only for the
 * articles a question retrieves or a brief shows, and cached.
 */
export class Engine {
  private readonly entries = new Map<number, EngineEntry>();
  private readonly keyById = new Map<string, number>();
  /** Lower-cased id, and lower-cased id without its extension → key; built on first use. */
  private keyByLowerId: Map<string, number> | null = null;
  /** Short key (article-key.ts) → id; built on first use. */
  private idByShortKey: Map<string, string> | null = null;
  private readonly vocab: Vocabulary;
  private readonly passageIndex: Bm25Index;
  private readonly articleIndex: Bm25Index;
  /** Per passage key: its article key and sentence range. */
  private passageArticle: Int32Array = new Int32Array(0);
  private passageFrom: Int32Array = new Int32Array(0);
  private passageTo: Int32Array = new Int32Array(0);
  private nextArticleKey = 0;
  private nextPassageKey = 0;
  private readonly analyzed = new Map<number, AnalyzedArticle>();
  private readonly intern: (term: string) => number;
  private readonly mapper: TermMapper;
  private readonly counter = new TermCounter();
  /** Entries newest first (compareByDate), and dated entries by time; rebuilt after changes. */
  private byDate: EngineEntry[] | null = null;
  /** Suggestions for question words the corpus does not use; built on the first such word. */
  private spelling: SpellingSuggester | null = null;
  private byTime: EngineEntry[] | null = null;
  private orderInserts = 0;

  constructor(articles: Article[] = [], state?: EngineState) {
    this.vocab = state?.vocab ?? new Vocabulary();
    this.passageIndex = state?.passageIndex ?? new Bm25Index(this.vocab);
    this.articleIndex = state?.articleIndex ?? new Bm25Index(this.vocab);
    this.intern = (t) => this.vocab.intern(t);
    this.mapper = new TermMapper(this.intern);
    if (state) {
      this.passageArticle = state.passageArticle;
      this.passageFrom = state.passageFrom;
      this.passageTo = state.passageTo;
      this.nextArticleKey = state.nextArticleKey;
      this.nextPassageKey = state.nextPassageKey;
      for (const e of state.entries) this.register(e);
      const byKey = (keys: Int32Array | undefined) => {
        if (!keys) return null;
        const list: EngineEntry[] = [];
        for (const k of keys) {
          const e = this.entries.get(k);
          if (!e) return null;
          list.push(e);
        }
        return list;
      };
      this.byDate = byKey(state.dateOrder);
      this.byTime = byKey(state.timeOrder);
      this.orderInserts = 0;
    }
    this.add(articles);
    // the listing and window orders are part of the index: sorted once now, kept sorted after
    this.dateOrder();
    this.timeOrder();
  }

  get size(): number {
    return this.entries.size;
  }

  /** Adds articles; an article whose id is already present replaces it. `onProgress` hears every 100. */
  add(articles: Iterable<Article>, onProgress?: (done: number) => void): void {
    let done = 0;
    for (const article of articles) {
      if (onProgress && ++done % 100 === 0) onProgress(done);
      if (this.keyById.has(article.id)) this.remove([article.id]);
      const key = this.nextArticleKey++;
      const analysis = indexTermIds(article, this.mapper, this.intern);
      const { titleIds, passages, passageIds } = analysis;
      // the article: title and body counts (first appearance order); title words count twice in the index
      const counter = this.counter;
      for (const id of titleIds) counter.count(id);
      for (const list of passageIds) for (const id of list) counter.count(id);
      const n = counter.distinct;
      const ids = new Int32Array(n);
      const counts = new Uint8Array(n);
      const tfs = new Uint8Array(n);
      // exact counts for the document length; the stored ones are capped at a byte
      const full = new Int32Array(n);
      let length = 0;
      for (let i = 0; i < n; i++) {
        const id = counter.idAt(i);
        const c = counter.countOf(id);
        ids[i] = id;
        full[i] = c;
        counts[i] = Math.min(c, MAX_TF);
      }
      counter.reset();
      for (const id of titleIds) counter.count(id);
      for (let i = 0; i < n; i++) {
        const tf = full[i]! + counter.countOf(ids[i]!);
        tfs[i] = Math.min(tf, MAX_TF);
        length += tf;
      }
      counter.reset();
      this.articleIndex.addCounts(key, ids, tfs, length);
      const firstPassage = this.nextPassageKey;
      this.nextPassageKey += passages.length;
      this.passageArticle = grow(this.passageArticle, this.nextPassageKey);
      this.passageFrom = grow(this.passageFrom, this.nextPassageKey);
      this.passageTo = grow(this.passageTo, this.nextPassageKey);
      passages.forEach((p, j) => {
        const pk = firstPassage + j;
        this.passageArticle[pk] = key;
        this.passageFrom[pk] = p.from;
        this.passageTo[pk] = p.to;
        const [pIds, pTfs, pLength] = this.passageCounts(titleIds, passageIds[j]!);
        this.passageIndex.addCounts(pk, pIds, pTfs, pLength);
      });
      this.register({
        key,
        article,
        titleTerms: analysis.titleTerms,
        vector: { ids, counts },
        firstPassage,
        passageCount: passages.length,
        time: article.date ? Date.parse(normalizeDate(article.date)) : NaN,
      });
    }
  }

  /** Distinct term ids of a passage document (its article's title, then its sentences) and their counts. */
  private passageCounts(titleIds: readonly number[], bodyIds: readonly number[]): [Int32Array, Uint8Array, number] {
    const counter = this.counter;
    for (const id of titleIds) counter.count(id);
    for (const id of bodyIds) counter.count(id);
    const n = counter.distinct;
    const ids = new Int32Array(n);
    const tfs = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const id = counter.idAt(i);
      ids[i] = id;
      tfs[i] = Math.min(counter.countOf(id), MAX_TF);
    }
    counter.reset();
    return [ids, tfs, titleIds.length + bodyIds.length];
  }

  private register(entry: EngineEntry): void {
    this.entries.set(entry.key, entry);
    this.keyById.set(entry.article.id, entry.key);
    if (this.keyByLowerId) addLowerIds(this.keyByLowerId, entry);
    this.idByShortKey?.set(articleKey(entry.article.id), entry.article.id);
    // kept sorted by insertion while changes are few; a large batch sorts again once
    if (this.byDate && this.orderInserts < ORDER_INSERTS) insertSorted(this.byDate, entry, compareByDate);
    else this.byDate = null;
    if (this.byTime && this.orderInserts < ORDER_INSERTS) {
      if (!Number.isNaN(entry.time)) insertSorted(this.byTime, entry, byTimeThenKey);
    } else this.byTime = null;
    this.orderInserts++;
  }

  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      const key = this.keyById.get(id);
      const entry = key === undefined ? undefined : this.entries.get(key);
      if (key === undefined || !entry) continue;
      // a passage's terms are those of its title and sentences: recomputed, not stored
      const analysis = indexTermIds(entry.article, this.mapper, this.intern);
      analysis.passageIds.forEach((bodyIds, j) => {
        const [pIds] = this.passageCounts(analysis.titleIds, bodyIds);
        this.passageIndex.removeIds(entry.firstPassage + j, pIds);
      });
      this.articleIndex.removeIds(key, entry.vector.ids);
      this.entries.delete(key);
      this.keyById.delete(id);
      this.idByShortKey?.delete(articleKey(id));
      this.analyzed.delete(key);
      // another article may answer to the same lower-cased name: rebuilt when next needed
      if (this.keyByLowerId?.get(id.toLowerCase()) === key || this.keyByLowerId?.get(id.toLowerCase().replace(/\.[a-z0-9]+$/, '')) === key) this.keyByLowerId = null;
      if (this.byDate) removeSorted(this.byDate, entry, compareByDate);
      if (this.byTime && !Number.isNaN(entry.time)) removeSorted(this.byTime, entry, byTimeThenKey);
    }
  }

  article(id: string): Article | undefined {
    const key = this.keyById.get(id);
    return key === undefined ? undefined : this.entries.get(key)?.article;
  }

  /** The sentences of an article, analyzed on first use and cached. */
  private analyze(entry: EngineEntry): AnalyzedArticle {
    let a = this.analyzed.get(entry.key);
    if (a) {
      this.analyzed.delete(entry.key);
    } else {
      a = analyzeArticle(entry.article);
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
      article: entry.article,
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
    const alone = this.draftAnswer(question, '', []);
    let draft = alone;
    let context = '';
    // a question that needs the previous turn is answered with it too; the answer whose sentence holds
    // more of the words asked now wins, the one in context on a tie or when the other does not answer
    if (previous !== undefined && needsContext(question)) {
      const withContext = this.draftAnswer(question, previous.expanded, previous.articleIds);
      const answers = (d: AnswerDraft | null) => d !== null && d.confidence >= ABSTAIN_BELOW;
      const better = withContext !== null && alone !== null && withContext.ownSupport >= alone.ownSupport;
      if (!answers(alone) || (answers(withContext) && better)) {
        draft = withContext;
        context = previous.expanded;
      }
    }
    const expanded = (context ? `${question} ${context}` : question).slice(0, 400);
    const span = { text: draft?.span ?? null, from: draft?.spanSource ?? null, confidence: draft?.spanConfidence ?? 0, features: draft?.spanFeatures ?? null, answerFeatures: draft?.features ?? null };
    if (!draft || draft.confidence < ABSTAIN_BELOW) {
      return { answer: { ...NO_ANSWER, confidence: draft?.confidence ?? 0 }, span, turn: { question, expanded, articleIds: previous?.articleIds ?? [] } };
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
    return { answer, span, turn: { question, expanded, articleIds: [draft.entry.article.id] } };
  }

  /** `ask` and `passages` in one call, so an LLM question costs one worker round trip, not two. */
  askWithPassages(question: string, previous?: ConversationTurn, k = 5): GroundedAskResult {
    return { ...this.ask(question, previous), passages: this.passages(question, previous, k) };
  }

  private draftAnswer(question: string, context: string, preferred: readonly string[]): AnswerDraft | null {
    return answerQuestion(
      {
        passageIndex: this.passageIndex,
        passageAt: (pk) => {
          if (!this.passageIndex.has(pk)) return undefined;
          const entry = this.entries.get(this.passageArticle[pk]!);
          return entry ? { entry: this.lazyAnalyzed(entry), from: this.passageFrom[pk]!, to: this.passageTo[pk]! } : undefined;
        },
        // retrieval (retrieve-passages.ts) weighs a passage by its whole article's match too
        articleIndex: this.articleIndex,
        articleKeyOf: (pk) => this.passageArticle[pk] ?? -1,
        suggest: (term) => (this.spelling ??= new SpellingSuggester(this.vocab, (t) => this.passageIndex.df(t))).suggest(term),
      },
      question,
      context,
      new Set(preferred),
    );
  }

  /**
   * The passages retrieval finds for a question, best first, as plain values (what a generated
   * answer may cite): the same BM25 search and follow-up handling as `ask`, earlier turns' words
   * weighted down and the previous answer's articles preferred.
   */
  passages(question: string, previous?: ConversationTurn, k = 5): RetrievedPassage[] {
    const followUp = previous !== undefined && needsContext(question);
    const own = new Set(terms(question));
    const qTerms = [...new Set([...own, ...(followUp ? terms(previous.expanded) : [])])];
    if (own.size === 0 || k < 1) return [];
    const weight = new Map(qTerms.map((t) => [t, this.passageIndex.idf(t) * (own.has(t) ? 1 : 0.4)]));
    const preferred = new Set(followUp ? previous.articleIds : []);
    const out: { passage: RetrievedPassage; score: number }[] = [];
    for (const hit of this.passageIndex.search(qTerms, k * 2, weight)) {
      const entry = this.passageIndex.has(hit.key) ? this.entries.get(this.passageArticle[hit.key]!) : undefined;
      if (!entry) continue;
      const sentences = this.analyze(entry).sentences;
      const first = sentences[this.passageFrom[hit.key]!];
      const last = sentences[this.passageTo[hit.key]! - 1];
      if (!first || !last) continue;
      const { id, title, url, date, text } = entry.article;
      out.push({ passage: { articleId: id, title, url, date, text: text.slice(first.start, last.end) }, score: hit.score * (preferred.has(id) ? 1.3 : 1) });
    }
    return out.sort((a, b) => b.score - a.score).slice(0, k).map((x) => x.passage);
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
    const byId = this.resolveId(query);
    if (byId) return ok({ entry: byId, ranked: [] });
    const ranked = this.matchWords(query);
    if (ranked[0]) return ok({ entry: ranked[0], ranked });
    return fail('not_found', `No article matches "${query}". Try /sources to list articles.`);
  }

  /** The entry of an exact id, or of an id typed in another case or without its extension. */
  private resolveId(query: string): EngineEntry | undefined {
    const exact = this.keyById.get(query);
    if (exact !== undefined) return this.entries.get(exact);
    if (!this.keyByLowerId) {
      this.keyByLowerId = new Map();
      for (const entry of this.entries.values()) addLowerIds(this.keyByLowerId, entry);
    }
    const byLower = this.keyByLowerId.get(query.toLowerCase());
    return byLower === undefined ? undefined : this.entries.get(byLower);
  }

  /**
   * Every article some words name, best first: a title holding every word beats the text alone
   * (which must hold TITLE_COVERAGE of the words' weight); near-ties go to the newest, then the
   * most central of them (rank-matches.ts).
   */
  private matchWords(query: string): EngineEntry[] {
    const qTerms = [...new Set(terms(query))];
    if (!qTerms.length) return [];
    const hits = this.articleIndex.search(qTerms, 0);
    const top = hits[0]?.score || 1;
    const matches: Match<EngineEntry>[] = [];
    for (const h of hits) {
      const entry = this.entries.get(h.key);
      if (!entry) continue;
      const inTitle = qTerms.every((t) => entry.titleTerms.includes(t));
      if (!inTitle && this.coverage(qTerms, entry) < TITLE_COVERAGE) continue;
      matches.push({ entry, quality: (inTitle ? 1 : 0) + h.score / top, time: entry.time, id: entry.article.id });
    }
    return rankMatches(matches, (entries) => centralities(entries, (e) => e.vector, this.idfFunction()));
  }

  /** Idf by term id, memoized for one operation. */
  private idfFunction(): (termId: number) => number {
    const idfs = new Float64Array(this.vocab.size).fill(-1);
    return (t: number) => {
      let x = idfs[t] ?? -1;
      if (x < 0) x = idfs[t] = this.articleIndex.idfOf(t);
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
    const seen = new Set([titleKey(entry.article.title)]);
    const also: MatchRef[] = [];
    for (const { article: a } of found.value.ranked) {
      if (also.length >= ALSO_MATCHING) break;
      const key = titleKey(a.title);
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
      const hits = this.articleIndex.search(topicTerms, 0);
      const top = hits[0]?.score ?? 1;
      inputs = [];
      for (const h of hits) {
        const entry = this.entries.get(h.key);
        if (entry && inWindow(entry) && this.coverage(topicTerms, entry) >= TOPIC_MATCH) inputs.push({ entry, relevance: h.score / top });
      }
    } else if (since !== undefined) {
      // dated entries by time: the window is a tail of the list; insertion order kept
      const list = this.timeOrder();
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
      inputs = [...this.entries.values()].filter(inWindow).map((entry) => ({ entry, relevance: 1 }));
    }
    const idf = this.idfFunction();
    const groups = rankStories(clusterArticles(inputs, (e) => e.vector, idf));
    return (limit > 0 ? groups.slice(0, limit) : groups).map((g) => buildStory(g, { analyze: (e) => this.analyze(e), vectorOf: (e) => e.vector, idf }));
  }

  /** Articles matching words (best first), or the most recent ones without words. */
  sources(query = '', limit = 10): ArticleListing[] {
    const qTerms = [...new Set(terms(query))];
    const entries = qTerms.length
      ? this.articleIndex
          .search(qTerms, limit)
          .map((h) => this.entries.get(h.key)!)
          .filter(Boolean)
      : this.dateOrder().slice(0, limit);
    return entries.map(({ article: a }) => ({ id: a.id, title: a.title, date: a.date, source: a.source, url: a.url }));
  }

  /** All articles, newest first (for listings in this thread; too large to send across one). */
  listArticles(): Article[] {
    return this.dateOrder().map((e) => e.article);
  }

  /** Autocomplete: up to `limit` articles whose title or id holds every typed word, titles starting with the text first, then newest first. */
  matchTitles(typed: string, limit = 25): ArticleListing[] {
    const entries = this.dateOrder();
    const articles = (function* () {
      for (const e of entries) yield e.article;
    })();
    return matchTitles(articles, typed, limit).map((a) => ({ id: a.id, title: a.title, date: a.date, source: a.source, url: a.url }));
  }

  /** The id a short key (article-key.ts) stands for, or undefined. */
  idForKey(key: string): string | undefined {
    if (!isArticleKey(key)) return undefined;
    if (!this.idByShortKey) {
      this.idByShortKey = new Map();
      for (const id of this.keyById.keys()) this.idByShortKey.set(articleKey(id), id);
    }
    return this.idByShortKey.get(key);
  }

  private dateOrder(): EngineEntry[] {
    if (!this.byDate) {
      this.byDate = [...this.entries.values()].sort(compareByDate);
      this.orderInserts = 0;
    }
    return this.byDate;
  }

  private timeOrder(): EngineEntry[] {
    if (!this.byTime) {
      this.byTime = [...this.entries.values()].filter((e) => !Number.isNaN(e.time)).sort(byTimeThenKey);
      this.orderInserts = 0;
    }
    return this.byTime;
  }

  /** Share of the query's idf weight present in an article. */
  private coverage(qTerms: readonly string[], entry: EngineEntry): number {
    let have = 0;
    let total = 0;
    for (const t of qTerms) {
      const w = this.articleIndex.idf(t);
      total += w;
      const id = this.vocab.lookup(t);
      if (id >= 0 && entry.vector.ids.includes(id)) have += w;
    }
    return total ? have / total : 0;
  }

  /** The engine's state, for the persisted index (see persist-index.ts). */
  exportState(): EngineState {
    return {
      vocab: this.vocab,
      passageIndex: this.passageIndex,
      articleIndex: this.articleIndex,
      passageArticle: this.passageArticle.subarray(0, this.nextPassageKey),
      passageFrom: this.passageFrom.subarray(0, this.nextPassageKey),
      passageTo: this.passageTo.subarray(0, this.nextPassageKey),
      nextArticleKey: this.nextArticleKey,
      nextPassageKey: this.nextPassageKey,
      entries: [...this.entries.values()],
      dateOrder: Int32Array.from(this.dateOrder(), (e) => e.key),
      timeOrder: Int32Array.from(this.timeOrder(), (e) => e.key),
    };
  }

  /** An engine over a saved state (no analysis, no indexing). */
  static fromState(state: EngineState): Engine {
    return new Engine([], state);
  }
}

/** Everything an engine is made of; restoring it needs no analysis. */
export interface EngineState {
  vocab: Vocabulary;
  passageIndex: Bm25Index;
  articleIndex: Bm25Index;
  passageArticle: Int32Array;
  passageFrom: Int32Array;
  passageTo: Int32Array;
  nextArticleKey: number;
  nextPassageKey: number;
  entries: EngineEntry[];
  /** Keys newest first (listing order) and dated keys by time (window order), when saved. */
  dateOrder?: Int32Array;
  timeOrder?: Int32Array;
}

/** Large batches re-sort the orders once instead of inserting one by one. */
const ORDER_INSERTS = 2000;

function byTimeThenKey(a: EngineEntry, b: EngineEntry): number {
  return a.time - b.time || a.key - b.key;
}

/** First index whose element does not sort before `entry`. */
function lowerBound<T>(list: readonly T[], entry: T, compare: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(list[mid]!, entry) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted<T>(list: T[], entry: T, compare: (a: T, b: T) => number): void {
  list.splice(lowerBound(list, entry, compare), 0, entry);
}

function removeSorted<T>(list: T[], entry: T, compare: (a: T, b: T) => number): void {
  for (let i = lowerBound(list, entry, compare); i < list.length && compare(list[i]!, entry) === 0; i++) {
    if (list[i] === entry) {
      list.splice(i, 1);
      return;
    }
  }
  const at = list.indexOf(entry); // not where the order says (e.g. a tie): found by scanning
  if (at >= 0) list.splice(at, 1);
}

function addLowerIds(map: Map<string, number>, entry: EngineEntry): void {
  const lower = entry.article.id.toLowerCase();
  if (!map.has(lower)) map.set(lower, entry.key);
  const bare = lower.replace(/\.[a-z0-9]+$/, '');
  if (!map.has(bare)) map.set(bare, entry.key);
}

/** Date-only values compare as the start of that day in UTC. */
function normalizeDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00.000Z` : new Date(date).toISOString();
}
