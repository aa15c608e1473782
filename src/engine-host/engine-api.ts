// The engine as the rest of the bot sees it: every call is async, so the engine may live in a
// worker thread (engine-worker.ts) or in this one (localEngineApi) behind the same interface.
// Two hand-written interfaces: the queries the Bot, the digest schedule and the CLI ask, and the
// ingestion (add, remove) that only the ingestion side and the worker host may call.
import { Engine, type AskResult, type ConversationTurn, type GroundedAskResult } from '../engine/engine.ts';
import type { Article, ArticleListing, ArticleSummary, BriefOptions, Story } from '../engine/types.ts';
import type { Result } from '../errors.ts';

/** What the Bot, the digest schedule and the CLI ask of the engine; nothing here changes the corpus. */
export interface EngineQueries {
  ask(question: string, previous?: ConversationTurn): Promise<AskResult>;
  /** `ask` with the passages a generated answer may cite, in one call (one worker round trip). */
  askWithPassages(question: string, previous?: ConversationTurn, k?: number): Promise<GroundedAskResult>;
  summarize(idOrWords: string, sentences?: number): Promise<Result<ArticleSummary>>;
  brief(options?: BriefOptions): Promise<Story[]>;
  sources(query?: string, limit?: number): Promise<ArticleListing[]>;
  /** A topic's words some article holds and those none holds (a brief on words no article holds narrows to the rest). */
  heldWords(text: string): Promise<{ held: string[]; unheld: string[] }>;
  article(id: string): Promise<Article | undefined>;
  matchTitles(typed: string, limit?: number): Promise<ArticleListing[]>;
  idForKey(key: string): Promise<string | undefined>;
  /** How many articles the engine holds. */
  size(): Promise<number>;
}

/** What changes the corpus the engine holds: only where ingestion happens (src/ingest/, the worker host, tests). */
export interface EngineIngestion {
  /** Adds articles; an article whose id is already present replaces it. */
  add(articles: readonly Article[]): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
}

/** The engine host's proxy (worker or this thread): queries and ingestion. */
export type EngineApi = EngineQueries & EngineIngestion;

export const QUERY_METHODS = ['ask', 'askWithPassages', 'summarize', 'brief', 'sources', 'heldWords', 'article', 'matchTitles', 'idForKey', 'size'] as const satisfies readonly (keyof EngineQueries)[];
export const INGESTION_METHODS = ['add', 'remove'] as const satisfies readonly (keyof EngineIngestion)[];

// compile-time: a member added to an interface but not to its list fails typecheck here
type Unlisted = Exclude<keyof EngineQueries, (typeof QUERY_METHODS)[number]> | Exclude<keyof EngineIngestion, (typeof INGESTION_METHODS)[number]>;
const everyMemberListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyMemberListed;

export type EngineMethod = keyof EngineApi;

/** Carries one engine call to wherever the engine is, and its result back. */
export type EngineCall = (method: string, args: unknown[]) => Promise<unknown>;

const OFFERED: ReadonlySet<string> = new Set<string>([...QUERY_METHODS, ...INGESTION_METHODS]);

/** Names of the members the engine host offers across a thread (queries and ingestion). */
export function engineMethods(): ReadonlySet<string> {
  return OFFERED;
}

/** An EngineApi whose every member goes through `call` (one generic message, not one per method). */
export function engineApiOver(call: EngineCall): EngineApi {
  const api: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const name of OFFERED) api[name] = (...args: unknown[]) => call(name, args);
  return api as unknown as EngineApi;
}

/** The in-process EngineApi: the same engine, answered in this thread (the CLI, tests, ENGINE_WORKER=0). */
export function localEngineApi(engine: Engine): EngineApi {
  return {
    ask: async (question, previous) => engine.ask(question, previous),
    askWithPassages: async (question, previous, k) => engine.askWithPassages(question, previous, k),
    summarize: async (idOrWords, sentences) => engine.summarize(idOrWords, sentences),
    brief: async (options) => engine.brief(options),
    sources: async (query, limit) => engine.sources(query, limit),
    heldWords: async (text) => engine.heldWords(text),
    article: async (id) => engine.article(id),
    matchTitles: async (typed, limit) => engine.matchTitles(typed, limit),
    idForKey: async (key) => engine.idForKey(key),
    size: async () => engine.size,
    add: async (articles) => engine.add(articles),
    remove: async (ids) => engine.remove(ids),
  };
}

/** Only the query members of an engine proxy: what the Bot and the schedule hold at run time too. */
export function queriesOf(api: EngineQueries): EngineQueries {
  const out: Record<string, unknown> = {};
  // looked up at each call, on the proxy: a hand-made engine may use `this` or be replaced later
  for (const name of QUERY_METHODS) out[name] = (...args: unknown[]) => (api[name] as (...a: unknown[]) => unknown).apply(api, args);
  return out as unknown as EngineQueries;
}

/** The query members only, of a proxy or of a plain Engine (wrapped in this thread): what the Bot and the schedule hold. */
export function toEngineQueries(engine: Engine | EngineQueries): EngineQueries {
  return queriesOf(engine instanceof Engine ? localEngineApi(engine) : engine);
}

/** Runs one call on an engine in this thread (the worker's side of engineApiOver). */
export function invokeEngine(engine: EngineApi, method: string, args: unknown[]): Promise<unknown> {
  if (!OFFERED.has(method)) throw new TypeError(`the engine offers no "${method}"`);
  return (engine[method as EngineMethod] as (...a: unknown[]) => Promise<unknown>)(...args);
}
