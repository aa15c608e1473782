/** One article of the corpus, as loaded and cleaned. */
export interface Article {
  /** Stable id: the interface page's rules (path relative to the corpus root, FILE#N, guid…). */
  id: string;
  title: string;
  /** Body text with captions and credit lines removed; paragraphs separated by blank lines. */
  text: string;
  url: string | null;
  /** ISO 8601 date or date-time, or null when unknown. */
  date: string | null;
  /** Publisher when metadata or the text names it. */
  source: string | null;
  /** Where it came from (file path relative to the corpus root, or a feed URL). */
  origin: string;
}

/** A reference to an article as shown to users and in CLI JSON. */
export interface SourceRef {
  id: string;
  title: string;
  url: string | null;
  date: string | null;
}

export interface Answer {
  /** Short answer span, or the supporting sentence; null when the corpus does not say. */
  answer: string | null;
  /** Verbatim text of the cited article (one or two adjacent sentences), or null. */
  quote: string | null;
  sources: SourceRef[];
  /** In [0, 1]. */
  confidence: number;
  /** True when `answer` is a short span the engine vouches for; false when it is the supporting quote itself. */
  short: boolean;
  /** A model's answer that passed the grounding checks (LLM_BASE_URL); the offline fields above stay as they were. */
  generated?: GeneratedAnswer;
}

/** A generated answer: text citing passages as [n], and the passages it cites. */
export interface GeneratedAnswer {
  text: string;
  /** The cited passages' articles, each with the number the text cites it by. */
  sources: (SourceRef & { n: number })[];
  model: string;
  /** True while streaming: a verified prefix of the answer, more to come. */
  partial?: boolean;
}

/** A passage retrieved for a question: what a generated answer may cite. */
export interface RetrievedPassage {
  articleId: string;
  title: string;
  url: string | null;
  date: string | null;
  text: string;
}

export interface Story {
  headline: string;
  summary: string[];
  /** Every article of the story, copies included, newest first. */
  sources: SourceRef[];
  /**
   * Each distinct article once, newest first: exact and near copies folded into the line they
   * copy (`copies` counts them). What the surfaces list; absent on stories built elsewhere.
   */
  distinctSources?: DistinctSource[];
}

/** A distinct article of a story and the copies folded into it. */
export interface DistinctSource extends SourceRef {
  /** How many other articles of the story copy this one (exactly or nearly). */
  copies: number;
  /** Ids of those copies (each is also in the story's `sources`). */
  copyIds: string[];
}

export interface ArticleSummary {
  id: string;
  title: string;
  summary: string[];
  /** The next best matches when words matched several articles (at most 4, best first). */
  alsoMatching?: MatchRef[];
}

/** Another article the words of a `summarize` matched. */
export interface MatchRef {
  id: string;
  title: string;
  date: string | null;
}

export interface ArticleListing {
  id: string;
  title: string;
  date: string | null;
  source: string | null;
  url: string | null;
}

export interface FeedHealth {
  url: string;
  ok: boolean;
  checked: string | null;
  error: string | null;
}

/** A warning met while loading, e.g. a file skipped; loading goes on. */
export interface LoadWarning {
  path: string;
  reason: string;
}

export interface BriefOptions {
  topic?: string;
  /** Only articles dated at or after this instant. */
  since?: Date;
  /** Maximum stories; 0 means every story. */
  limit?: number;
  /** Only articles not in this set (a digest's "new since last delivery"). */
  excludeIds?: ReadonlySet<string>;
  /**
   * Only stories with an article outside this set (a digest's articles already sent), left out before the stories
   * are summarized, so a digest over a busy day builds the few it shows rather than every story of the window.
   */
  freshAgainst?: ReadonlySet<string>;
}
