import { randomUUID } from 'node:crypto';
import type { Engine, ConversationTurn } from '../engine/engine.ts';
import { toEngineQueries, type EngineQueries } from '../engine-host/engine-api.ts';
import type { Answer, FeedHealth, RetrievedPassage } from '../engine/types.ts';
import { describeCause, makeErrorReference, StoreUnavailableError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { GenerativeAnswerer } from '../llm/generate-answer.ts';
import { runStoreCall, type Store, type StoreCall } from '../store/open-store.ts';
import type { Command } from './command.ts';
import { USAGE } from './command.ts';
import { helpReply } from './help.ts';
import { resolveSinceWords } from './request-window.ts';
import { handleText, LAST_BRIEF_NAMESPACE, rememberBrief, type TextDeps, type TextOptions, type TextResult } from './handle-text.ts';
import { withLatestStories } from './latest-stories.ts';
import type { Reply } from './reply.ts';
import { previewLastDay, type DigestCommands } from './digest-commands.ts';
import { DIGEST_LIMIT } from '../schedule/compose-digest.ts';
import { RateLimiter, waitText } from './rate-limit.ts';
import type { RedisClient } from '../store/redis-client.ts';
import { FEEDBACK_NAMESPACE, FEEDBACK_TTL_MS, REPLY_LINK_NAMESPACE, SHARE_NAMESPACE, UserData, type ForgetCounts } from './user-data.ts';
import type { ArticleListing, BriefOptions, Story } from '../engine/types.ts';
import { MemoryOnceStore, type OnceStore } from '../store/once-store.ts';
import { EVENT_TTL_MS, EventDedupe } from './event-dedupe.ts';

/** Follow-up context lives this long (the privacy promise in the README). */
export const CONVERSATION_TTL_MS = 24 * 60 * 60 * 1000;

export interface BotDeps {
  /** The engine, in a worker or in this thread; a plain Engine is answered in this thread. */
  engine: Engine | EngineQueries;
  store: Store;
  log: Logger;
  /** The clock, injectable so tests control "now". */
  now?: () => Date;
  defaultTimezone?: string;
  /** Subscriptions and scheduled digests; without it `digest` only previews (`now`). */
  digests?: DigestCommands;
  /** Questions per user per minute (RATE_LIMIT_PER_MINUTE); 0 or unset: no limit. The console is exempt. */
  rateLimitPerMinute?: number;
  /** Health of the configured feeds, for `sources` (none without FEEDS). */
  feedHealth?: () => FeedHealth[] | Promise<FeedHealth[]>;
  /** With REDIS_URL: rate buckets taken atomically in Redis, exact across replicas. */
  rateLimitRedis?: RedisClient;
  /** Generative answers (LLM_BASE_URL); without it the offline engine answers alone. */
  generator?: GenerativeAnswerer;
  /** Event dedupe marks shared across processes (opened and closed by the caller); without it, this process only. */
  once?: OnceStore;
}

// who is asking and where: its own module, so the Bot's helpers (handle-text.ts) need not import the Bot
export { DM_WORKSPACE, userKeyOf, type CallContext } from './call-context.ts';
import { userKeyOf, type CallContext } from './call-context.ts';
import type { Surface } from './help.ts';

/** Whose data a call writes: one user on one surface. */
export type UserRef = Pick<CallContext, 'surface' | 'userId'>;

/** The platform-neutral command layer: a Command in, a Reply out. */
export class Bot {
  private readonly engine: EngineQueries;
  private readonly store: Store;
  private readonly log: Logger;
  private readonly now: () => Date;
  private readonly defaultTimezone: string;
  private readonly digests: DigestCommands | undefined;
  private readonly feedHealth: (() => FeedHealth[] | Promise<FeedHealth[]>) | undefined;
  private readonly generator: GenerativeAnswerer | undefined;
  private readonly rateLimiter: RateLimiter;
  /** Which store keys hold something about each user, for `forget`. */
  private readonly userData: UserData;
  private readonly events: EventDedupe;

  constructor(deps: BotDeps) {
    this.engine = toEngineQueries(deps.engine);
    this.store = deps.store;
    this.log = deps.log;
    this.now = deps.now ?? (() => new Date());
    this.feedHealth = deps.feedHealth;
    this.defaultTimezone = deps.defaultTimezone ?? 'UTC';
    this.digests = deps.digests;
    this.generator = deps.generator;
    this.rateLimiter = new RateLimiter(this.store, deps.rateLimitPerMinute ?? 0, this.now, this.log, deps.rateLimitRedis);
    this.userData = new UserData(this.store, this.log, this.now);
    this.events = new EventDedupe(deps.once ?? new MemoryOnceStore(), this.log);
    this.text = { handle: (c, ctx) => this.handle(c, ctx), article: (id) => this.listing(id), latest: () => this.engine.brief({}), articleCount: () => this.articleCount(), store: this.store, userData: this.userData, log: this.log, now: this.now, defaultTimezone: this.defaultTimezone, ttlMs: CONVERSATION_TTL_MS };
  }

  private readonly text: TextDeps;

  private async listing(id: string) {
    const a = await this.engine.article(id);
    return a ? { id: a.id, title: a.title, date: a.date, source: a.source, url: a.url } : undefined;
  }

  /** How many articles the engine holds (the console's greeting). */
  articleCount(): Promise<number> {
    return this.engine.size();
  }

  /** Articles whose titles match what is typed (Discord autocomplete): the engine matches, `limit` listings come back. */
  matchTitles(typed: string, limit: number): Promise<ArticleListing[]> {
    return this.engine.matchTitles(typed, limit);
  }

  /** Stories in the engine's order for an exact window and limit, as data: the CLI's `brief` and `digest` (--since, --limit) print them raw. */
  stories(options: BriefOptions): Promise<Story[]> {
    return this.engine.brief(options);
  }

  /** The article id a short article key stands for (Discord choice values), if any. */
  articleIdForKey(key: string): Promise<string | undefined> {
    return this.engine.idForKey(key);
  }

  /**
   * Stores one user's vote on one answer (voting again replaces it), under the user's key so
   * `forget` deletes it. The record holds no message text. Throws StoreUnavailableError.
   */
  async recordFeedback(who: UserRef, answerRef: string, record: object): Promise<void> {
    const key = `${userKeyOf(who)}:${answerRef}`;
    await this.store.set(FEEDBACK_NAMESPACE, key, record, FEEDBACK_TTL_MS);
    await this.userData.track(userKeyOf(who), FEEDBACK_NAMESPACE, key, FEEDBACK_TTL_MS);
  }

  /** Keeps a reply for "Share in channel"; returns its reference, or undefined when the store failed (the reply goes out without the button). */
  async saveShare<T>(who: UserRef, entry: T): Promise<string | undefined> {
    const ref = randomUUID().replace(/-/g, '').slice(0, 20);
    const key = `${userKeyOf(who)}:${ref}`;
    try {
      await this.store.set(SHARE_NAMESPACE, key, entry, CONVERSATION_TTL_MS);
    } catch (err) {
      this.log.warn({ err: describeCause(err instanceof StoreUnavailableError ? err.cause : err), surface: who.surface }, 'reply not stored for sharing');
      return undefined;
    }
    // the kept reply holds the caller's question: `forget` must find it
    await this.userData.track(userKeyOf(who), SHARE_NAMESPACE, key, CONVERSATION_TTL_MS);
    return ref;
  }

  /** The reply this user kept under `ref`, if it has not expired; only its owner finds it. Throws StoreUnavailableError. */
  readShare<T>(who: UserRef, ref: string): Promise<T | undefined> {
    return this.store.get<T>(SHARE_NAMESPACE, `${userKeyOf(who)}:${ref}`);
  }

  /** Deletes a kept reply once it is shared (failures ignored: it expires anyway). */
  async dropShare(who: UserRef, ref: string): Promise<void> {
    await this.store.delete(SHARE_NAMESPACE, `${userKeyOf(who)}:${ref}`).catch(() => undefined);
  }

  /** Remembers that the bot's message `messageId` answered `ctx`'s conversation, so a reply to it continues that conversation. */
  async linkReply(ctx: CallContext, messageId: string): Promise<void> {
    const key = `${ctx.surface}:${messageId}`;
    try {
      await this.store.set(REPLY_LINK_NAMESPACE, key, ctx.conversationId, CONVERSATION_TTL_MS);
    } catch {
      return; // without the link a reply starts a new conversation
    }
    await this.userData.track(userKeyOf(ctx), REPLY_LINK_NAMESPACE, key, CONVERSATION_TTL_MS);
  }

  /** The conversation a reply to the bot's message `messageId` continues, if known. */
  async linkedConversation(surface: Surface, messageId: string): Promise<string | undefined> {
    return this.store.get<string>(REPLY_LINK_NAMESPACE, `${surface}:${messageId}`).catch(() => undefined);
  }

  /**
   * Whether this is the first delivery of a platform event (a platform may deliver one twice, to
   * another replica too): the first is recorded beside the other state, the channel's, not a user's.
   */
  async firstDelivery(surface: Surface, eventId: string): Promise<boolean> {
    if (!(await this.events.first(surface, eventId))) return false;
    await this.store.set(`${surface}-event`, eventId, { at: this.now().toISOString() }, EVENT_TTL_MS).catch((err: unknown) => this.log.debug({ err: describeCause(err), eventId }, 'event record not stored'));
    return true;
  }

  /** A message in words (DM, mention, console line, Slack `/brief TEXT`): understood, then run as its command (handle-text.ts). */
  handleText(text: string, ctx: CallContext, options?: TextOptions): Promise<TextResult> {
    return handleText(this.text, text, ctx, options);
  }

  /**
   * Runs one command. Never throws: an unexpected error becomes an `internal` error reply
   * with a reference that finds the logged detail. Each command logs one line with a
   * request id (never the user's text).
   */
  async handle(command: Command, ctx: CallContext): Promise<Reply> {
    const reqId = ctx.requestId ?? randomUUID();
    const started = performance.now();
    let reply: Reply;
    const call: StoreCall = { wrote: false, failed: undefined };
    try {
      reply = await runStoreCall(call, () => this.dispatch(command, ctx));
    } catch (err) {
      if (err instanceof StoreUnavailableError) {
        this.log.warn(
          { reqId, surface: ctx.surface, command: command.name, operation: err.operation, partly: call.wrote, cause: describeCause(err.cause) },
          'store unavailable; command not done',
        );
        return storeUnavailableReply(command, call.wrote);
      }
      const ref = makeErrorReference();
      this.log.error({ err, reqId, ref, surface: ctx.surface, command: command.name }, 'command failed');
      return { kind: 'error', code: 'internal', message: `Sorry, something went wrong (reference ${ref}).` };
    }
    this.log.info(
      { reqId, surface: ctx.surface, command: command.name, reply: reply.kind, ...(reply.kind === 'error' ? { code: reply.code } : {}), ms: Math.round(performance.now() - started) },
      'command',
    );
    return reply;
  }

  private async dispatch(command: Command, ctx: CallContext): Promise<Reply> {
    switch (command.name) {
      case 'ask': {
        const limited = await this.checkRate(ctx);
        return limited ?? this.ask(command.question, ctx);
      }
      case 'forget':
        return this.forget(ctx);
      case 'brief': {
        const reply = await this.brief(command.topic, command.since, ctx);
        await rememberBrief(this.text, ctx, reply);
        return reply;
      }
      case 'summary': {
        const found = await this.engine.summarize(command.target, command.sentences ?? 3);
        if (!found.ok) return { kind: 'error', ...found.error, usage: USAGE.summary };
        const article = await this.engine.article(found.value.id);
        return { kind: 'summary', summary: found.value, url: article?.url ?? null, date: article?.date ?? null };
      }
      case 'sources':
        // Feed health belongs beside the plain listing, not beside a search's results
        return { kind: 'sources', query: command.query, articles: await this.engine.sources(command.query, command.limit), feeds: command.query ? [] : ((await this.feedHealth?.()) ?? []) };
      case 'digest': {
        if (!this.digests && command.action !== 'now') return { kind: 'notice', text: `digest ${command.action} is not available yet; "digest now" previews the digest.` };
        const reply = this.digests ? await this.digests.handle(command.action, command.args, { ...ctx, timezone: ctx.timezone ?? this.defaultTimezone }) : await previewLastDay(this.engine, this.now());
        if (command.action !== 'now') return reply;
        // a preview is never empty while the corpus is not: the latest stories under a "nothing new" line
        return withLatestStories(reply, () => this.engine.brief({ limit: DIGEST_LIMIT }));
      }
      case 'help':
        return helpReply(ctx.surface);
    }
  }

  /** A `rate_limited` reply when this user has asked too often, else null. The console is exempt. */
  private async checkRate(ctx: CallContext): Promise<Reply | null> {
    if (ctx.surface === 'console' || !this.rateLimiter.enabled) return null;
    const decision = await this.rateLimiter.take(userKeyOf(ctx));
    if (decision.ok) return null;
    const per = this.rateLimiter.perMinute;
    return {
      kind: 'error',
      code: 'rate_limited',
      message: `You have asked ${per} question${per === 1 ? '' : 's'} in the last minute, which is the limit. Please try again in ${waitText(decision.retryAfterMs)}.`,
    };
  }

  /** Deletes what the bot holds about the caller: conversation context, feedback, replies kept for sharing, the rate bucket. */
  private async forget(ctx: CallContext): Promise<Reply> {
    const userKey = userKeyOf(ctx);
    const counts: ForgetCounts = await this.userData.forget(userKey);
    const bucket = await this.rateLimiter.has(userKey);
    await this.rateLimiter.reset(userKey);
    this.log.info({ surface: ctx.surface, deleted: counts, rateBucket: bucket }, 'forget: user data deleted');
    return { kind: 'notice', text: forgetText(counts, bucket) };
  }

  private async ask(question: string, ctx: CallContext): Promise<Reply> {
    const key = `${ctx.surface}:${ctx.conversationId}`;
    let storeDown = false;
    const previous = await this.store.get<ConversationTurn>('conversation', key).catch((err: unknown) => {
      storeDown = true;
      this.log.warn({ err: describeCause(err instanceof StoreUnavailableError ? err.cause : err) }, 'conversation context unavailable; answering without it');
      return undefined;
    });
    // with a model, one engine call brings the passages too (one worker round trip, not two)
    const grounded = this.generator ? await this.engine.askWithPassages(question, previous) : null;
    const asked = grounded ?? (await this.engine.ask(question, previous));
    const answer = grounded ? await this.generate(question, grounded.passages, grounded.answer, ctx) : asked.answer;
    // a follow-up leans on the articles the shown answer cited
    const turn = answer.generated ? { ...asked.turn, articleIds: [...new Set(answer.generated.sources.map((s) => s.id))] } : asked.turn;
    // the store just failed this request: the answer goes out now, without a second wait on it
    const saved =
      !storeDown &&
      (await this.store.set('conversation', key, turn, CONVERSATION_TTL_MS).then(
        () => true,
        (err: unknown) => {
          this.log.warn({ err: describeCause(err instanceof StoreUnavailableError ? err.cause : err) }, 'conversation context not saved');
          return false;
        },
      ));
    if (saved) await this.userData.track(userKeyOf(ctx), 'conversation', key, CONVERSATION_TTL_MS);
    return { kind: 'answer', question, answer };
  }

  /** The offline answer with a verified generated one added when the model gives one. */
  private async generate(question: string, passages: RetrievedPassage[], offline: Answer, ctx: CallContext): Promise<Answer> {
    const onPartial = ctx.onPartial;
    return this.generator!.answer(question, passages, offline, onPartial ? (partial) => onPartial({ kind: 'answer', question, answer: partial }) : undefined);
  }

  private async brief(topic: string, since: string | null, ctx: CallContext): Promise<Reply> {
    let sinceDate: Date | undefined;
    if (since) {
      const parsed = resolveSinceWords(since, this.now(), ctx.timezone ?? this.defaultTimezone);
      if (!parsed.ok) return { kind: 'error', ...parsed.error, usage: USAGE.brief };
      sinceDate = parsed.value;
    }
    let stories = await this.engine.brief({ ...(topic ? { topic } : {}), ...(sinceDate ? { since: sinceDate } : {}) });
    let title = `Briefing${topic ? ` on "${topic}"` : ''}${since ? ` since ${since}` : ''}`;
    const empty = topic ? `No stories about "${topic}"${since ? ` since ${since}` : ''}.` : `No stories${since ? ` since ${since}` : ''}.`;
    // words no article holds ("the *fighting* in aleppo" over a story of rebels taking the city): the stories on the rest, said so
    let shown = topic;
    let unheldLine = '';
    if (stories.length === 0 && topic) {
      const { held, unheld } = await this.engine.heldWords(topic);
      if (held.length && unheld.length) {
        shown = held.join(' ');
        unheldLine = `No article mentions "${unheld.join(' ')}". `;
        stories = await this.engine.brief({ topic: shown, ...(sinceDate ? { since: sinceDate } : {}) });
        if (stories.length) title = `${unheldLine}Stories on "${shown}"${since ? ` since ${since}` : ''}:`;
      }
    }
    if (stories.length === 0 && sinceDate && sinceDate.getTime() <= this.now().getTime()) {
      // nothing in the window: say so in one line and show the latest stories rather than nothing (a future since stays empty: a slip to point out)
      const latest = await this.engine.brief(shown ? { topic: shown } : {});
      if (latest.length) return { kind: 'stories', title: `${unheldLine}No stories${shown ? ` about "${shown}"` : ''} since ${since}. The latest${shown ? ` on "${shown}"` : ''}:`, stories: latest, empty, latest: true };
    }
    return { kind: 'stories', title, stories, empty };
  }

}

/** The plain sentence for a store failure where nothing was changed (button clicks, previews). */
export const STORE_UNAVAILABLE_TEXT = 'I could not do that: the store is unavailable right now; nothing changed. Try again in a minute.';

/**
 * What a user is told when the store failed during their command: plainly that it failed, and
 * truthfully whether anything changed (`wrote`: a write of this command had already succeeded).
 */
export function storeUnavailableReply(command: Command, wrote: boolean): Reply {
  const message = (() => {
    if (command.name === 'forget') {
      return wrote
        ? 'I deleted only part of what I hold about you: the store became unavailable. Try forget again in a minute.'
        : 'I could not delete anything: the store is unavailable; nothing changed. Try forget again in a minute.';
    }
    if (wrote) return 'I could only partly save that: the store became unavailable. Check with "digest status" and try again in a minute.';
    if (command.name === 'digest' && command.action === 'status') {
      return "I could not read this channel's digest settings: the store is unavailable right now; nothing changed. Try again in a minute.";
    }
    if (command.name === 'digest' && (command.action === 'subscribe' || command.action === 'unsubscribe')) {
      return 'I could not save that — the store is unavailable; nothing changed, try again in a minute.';
    }
    return STORE_UNAVAILABLE_TEXT;
  })();
  return { kind: 'error', code: 'store_unavailable', message };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The notice `forget` answers with: what was deleted, and what stays. */
export function forgetText(counts: ForgetCounts, rateBucket: boolean): string {
  const parts: string[] = [];
  if (counts.conversation) parts.push(`the context of ${plural(counts.conversation, 'conversation', 'conversations')}`);
  if (counts.feedback) parts.push(plural(counts.feedback, 'feedback vote', 'feedback votes'));
  if (counts[SHARE_NAMESPACE]) parts.push(plural(counts[SHARE_NAMESPACE], 'reply kept for "Share in channel"', 'replies kept for "Share in channel"'));
  if (counts[LAST_BRIEF_NAMESPACE]) parts.push(plural(counts[LAST_BRIEF_NAMESPACE], 'last briefing', 'last briefings'));
  if (counts[REPLY_LINK_NAMESPACE]) parts.push(plural(counts[REPLY_LINK_NAMESPACE], 'link from my answer to your conversation', 'links from my answers to your conversations'));
  for (const [ns, n] of Object.entries(counts)) {
    if (!['conversation', 'feedback', SHARE_NAMESPACE, LAST_BRIEF_NAMESPACE, REPLY_LINK_NAMESPACE].includes(ns) && n) parts.push(plural(n, `${ns} record`, `${ns} records`));
  }
  if (rateBucket) parts.push('your question-rate counter');
  const stays = 'Digest subscriptions belong to their channel and stay until someone unsubscribes.';
  if (parts.length === 0) return `I held nothing about you: no conversation context, feedback or question-rate counter. ${stays}`;
  const list = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
  return `Done: I deleted ${list}. ${stays}`;
}
