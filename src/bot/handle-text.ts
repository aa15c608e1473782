// Free text on every surface (DMs, mentions, console lines, Slack `/brief TEXT`): understood once, dispatched as a command.
import type { ConversationTurn } from '../engine/engine.ts';
import type { ArticleListing, Story } from '../engine/types.ts';
import { withLatestStories } from './latest-stories.ts';
import { describeCause, StoreUnavailableError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/open-store.ts';
import { userKeyOf, type CallContext } from './call-context.ts';
import { parseSubcommand, type Command } from './command.ts';
import type { Reply } from './reply.ts';
import { requestCommand, requestTurn, understandBriefText, understandRequest, type UnderstoodRequest } from './understand-request.ts';
import type { UserData } from './user-data.ts';

/** Store namespace of the last brief per conversation and user: its stories' article ids and when it was given. */
export const LAST_BRIEF_NAMESPACE = 'last-brief';

export interface LastBrief {
  /** The first source of each story, in the order shown. */
  ids: string[];
  /** ISO instant of the brief. */
  at: string;
  /** Every source of each story, in the order shown (for "sources for #3"). */
  sources?: string[][];
  /** The ids are an article listing asked for in words ("articles about X"), not a brief; `at` stays the last brief's ('' for none). */
  listed?: true;
}

/** What the text dispatch needs of the Bot. */
export interface TextDeps {
  handle(command: Command, ctx: CallContext): Promise<Reply>;
  /** The latest stories, for a catch-up with nothing new. */
  latest(): Promise<Story[]>;
  /** An article by id, for the sources of a story of the last brief. */
  article(id: string): Promise<ArticleListing | undefined>;
  /** How many articles the engine holds, when the Bot offers it; else counted from a capped listing. */
  articleCount?: () => Promise<number>;
  store: Store;
  userData: UserData;
  log: Logger;
  now(): Date;
  defaultTimezone: string;
  ttlMs: number;
}

export interface TextOptions {
  /** Slack `/brief TEXT` after its sub-command words: what is neither a request nor a question is a topic. */
  briefText?: boolean;
  /** Runs the routed command in place of `handle` (Slack adds the user's timezone and admin flag). */
  run?: (command: Command, ctx: CallContext) => Promise<Reply>;
  /** The caller's timezone when `ctx` has none and the words name a time ("since monday"); asked only then. */
  timezone?: () => Promise<string | undefined>;
}

export interface TextResult {
  request: UnderstoodRequest;
  /** The command it was routed to, or null when the reply was made without one (a reference to no brief). */
  command: Command | null;
  reply: Reply;
}

const conversationKeyOf = (ctx: CallContext) => `${ctx.surface}:${ctx.conversationId}`;
const lastBriefKeyOf = (ctx: CallContext) => `${ctx.surface}:${ctx.conversationId}:${ctx.userId}`;

function warnStore(log: Logger, err: unknown, what: string): void {
  log.warn({ err: describeCause(err instanceof StoreUnavailableError ? err.cause : err) }, what);
}

/** Keeps the stories of a brief just shown, so "summarize the second one" and "catch me up" can refer to it. */
export async function rememberBrief(deps: TextDeps, ctx: CallContext, reply: Reply): Promise<void> {
  if (reply.kind !== 'stories') return;
  const shown = reply.stories.filter((s) => s.sources.length > 0);
  const ids = shown.map((s) => s.sources[0]!.id);
  const sources = shown.map((s) => s.sources.map((x) => x.id));
  await saveForUser<LastBrief>(deps, ctx, LAST_BRIEF_NAMESPACE, lastBriefKeyOf(ctx), { ids, at: deps.now().toISOString(), sources }, 'last brief not saved');
}

/** An article listing asked for in words: "the 2nd one" after it means its second article, while "catch me up" still counts from the last brief. */
async function rememberListing(deps: TextDeps, ctx: CallContext, last: LastBrief | undefined, ids: string[]): Promise<void> {
  await saveForUser<LastBrief>(deps, ctx, LAST_BRIEF_NAMESPACE, lastBriefKeyOf(ctx), { ids, at: last?.at ?? '', sources: ids.map((id) => [id]), listed: true }, 'article listing not saved');
}

/** Writes a record about the caller with its entry in the user's data index (what `forget` deletes); a store fault is logged, not thrown. */
async function saveForUser<T>(deps: TextDeps, ctx: CallContext, namespace: string, key: string, value: T, failure: string): Promise<void> {
  try {
    // independent writes: the record itself and the entry that lets `forget` find it
    await Promise.all([deps.store.set<T>(namespace, key, value, deps.ttlMs), deps.userData.track(userKeyOf(ctx), namespace, key, deps.ttlMs)]);
  } catch (err) {
    warnStore(deps.log, err, failure);
  }
}

async function readLastBrief(deps: TextDeps, ctx: CallContext): Promise<LastBrief | undefined> {
  try {
    return await deps.store.get<LastBrief>(LAST_BRIEF_NAMESPACE, lastBriefKeyOf(ctx));
  } catch (err) {
    warnStore(deps.log, err, 'last brief unavailable; references to it cannot be read');
    return undefined;
  }
}

/** Articles a reply showed, for the follow-up context it leaves. */
function shownOf(reply: Reply): { id: string; title: string }[] {
  switch (reply.kind) {
    case 'stories':
      return reply.stories.flatMap((s) => (s.sources[0] ? [{ id: s.sources[0].id, title: s.headline }] : []));
    case 'summary':
      return [{ id: reply.summary.id, title: reply.summary.title }];
    case 'sources':
      return reply.articles.map((a) => ({ id: a.id, title: a.title }));
    default:
      return [];
  }
}

/** "sources for #3": every source article of that story of the last brief (a search by its id would find others). */
async function storySources(deps: TextDeps, last: LastBrief | undefined, ref: number): Promise<Reply> {
  const ids = last?.sources?.[ref - 1] ?? (last?.ids[ref - 1] !== undefined ? [last.ids[ref - 1]!] : []);
  const articles = (await Promise.all(ids.map((id) => deps.article(id)))).filter((a): a is ArticleListing => a !== undefined);
  return { kind: 'sources', query: last?.listed ? `article ${ref} of the last list` : `story ${ref} of your last brief`, articles, feeds: [] };
}

/** A reference to a story that the last brief here does not have: said plainly, with what to do. */
function missingRefReply(request: UnderstoodRequest, last: LastBrief | undefined): Reply {
  const n = request.ref ?? 0;
  const text = !last
    ? `There is no brief here yet to refer to (story ${n}). Ask for one first, e.g. "brief me on oil", then "summarize the second one".`
    : last.listed
      ? `The last list here had ${last.ids.length} article${last.ids.length === 1 ? '' : 's'}; there is no number ${n}.`
      : last.ids.length === 0
      ? `Your last brief here had no stories, so there is no story ${n}.`
      : `Your last brief here had ${last.ids.length} stor${last.ids.length === 1 ? 'y' : 'ies'}; there is no story ${n}.`;
  return { kind: 'notice', text };
}

/** The article the last answer in this conversation cited, when it cited exactly one. */
async function readLastCited(deps: TextDeps, ctx: CallContext): Promise<string | undefined> {
  try {
    const turn = await deps.store.get<ConversationTurn>('conversation', conversationKeyOf(ctx));
    return turn?.articleIds.length === 1 ? turn.articleIds[0] : undefined;
  } catch (err) {
    warnStore(deps.log, err, 'conversation context unavailable; "summarize it" cannot be read');
    return undefined;
  }
}

/** The line saying how a message was read, and the command for next time. */
const understoodOf = (request: UnderstoodRequest) => ({ line: request.understood, command: request.command });

/** Thanks or "never mind": one line. "Start over": the follow-up context goes, so the next question stands alone. */
async function acknowledge(deps: TextDeps, ctx: CallContext, ack: 'ack' | 'reset' | 'missed'): Promise<Reply> {
  if (ack === 'ack') return { kind: 'notice', text: 'OK. Ask me anything about the news, or type help for the commands.' };
  if (ack === 'missed') return { kind: 'notice', text: 'Sorry that missed. Try other words, name the article ("summarize the Yukos article"), or use a command: type help for the list.' };
  try {
    await deps.store.delete('conversation', conversationKeyOf(ctx));
  } catch (err) {
    warnStore(deps.log, err, 'follow-up context not cleared');
    return { kind: 'notice', text: 'I could not clear the conversation context just now (the store is unavailable); please try again in a moment.' };
  }
  return { kind: 'notice', text: 'Starting over: your next question is read on its own.' };
}

/** How many articles a listing may hold to count the corpus when no count is offered. */
const COUNT_CAP = 5000;

/** "how recent is your news", "what sources do you use": what the corpus holds, said from the corpus itself. */
async function describeCorpus(deps: TextDeps, ctx: CallContext): Promise<Reply> {
  const listed = await deps.handle({ name: 'sources', query: '', limit: COUNT_CAP }, ctx);
  if (listed.kind !== 'sources') return { kind: 'notice', text: 'I answer from a fixed news corpus, not the live web; I could not look it over just now.' };
  const count = deps.articleCount ? await deps.articleCount() : listed.articles.length;
  if (count === 0) return { kind: 'notice', text: 'I answer from a fixed news corpus, not the live web, and it holds no articles yet.' };
  const many = !deps.articleCount && count >= COUNT_CAP ? `more than ${COUNT_CAP.toLocaleString('en-GB')}` : count.toLocaleString('en-GB');
  // the listing is newest first, undated articles last (the undated are counted only when it holds the whole corpus)
  const newest = listed.articles.find((a) => a.date);
  const dated = listed.articles.filter((a) => a.date).length;
  const when = newest
    ? `the newest is dated ${newest.date!.slice(0, 10)} ("${newest.title}")${dated < listed.articles.length && count <= listed.articles.length ? `; ${(listed.articles.length - dated).toLocaleString('en-GB')} carry no date` : ''}`
    : 'none of them carries a date, so I cannot say how recent they are';
  const bySource = new Map<string, number>();
  for (const a of listed.articles) if (a.source) bySource.set(a.source, (bySource.get(a.source) ?? 0) + 1);
  const sources = [...bySource.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  const from = sources.length ? ` Sources: ${sources.slice(0, 5).join(', ')}${sources.length > 5 ? ` and ${sources.length - 5} more` : ''}.` : '';
  const feeds = listed.feeds.length ? ` ${listed.feeds.length} feed${listed.feeds.length === 1 ? '' : 's'} refresh it (${listed.feeds.filter((f) => f.ok).length} working).` : '';
  return { kind: 'notice', text: `I answer from a fixed news corpus, not the live web: ${many} article${count === 1 ? '' : 's'}; ${when}.${from}${feeds} "sources" lists the latest.` };
}

/** "what do you store about me": what the Bot keeps per user (the namespaces `forget` deletes). */
function aboutDataText(ttlMs: number): string {
  const hours = Math.round(ttlMs / 3_600_000);
  return `What I keep about you: the context of our conversation (so follow-up questions work) and your last brief here (so "summarize the second one" works), each for ${hours} hour${hours === 1 ? '' : 's'}; also feedback you give, replies you share, and a question-rate counter. "forget" deletes all of it.`;
}

const ABOUT_BOT_TEXT =
  'I am a news briefing bot: I answer questions with a quote from the news corpus I hold, brief you on a topic, summarize an article and list sources. I know only what that corpus says. Type help for the commands.';

/** "summarize it" with no single article just cited: said plainly, with what to do. */
const NO_LAST_CITED = 'There is no single article just cited here to summarize. Name it ("summarize the Yukos article"), or after a brief say "summarize the second one".';

/** A digest schedule in words whose time is missing or could be morning or evening: the command to send, not run. */
function scheduleGuide(request: UnderstoodRequest): Reply | null {
  const s = request.schedule;
  if (!s || s.action !== 'subscribe' || (!s.missingTime && s.ambiguousHour === undefined)) return null;
  if (s.ambiguousHour !== undefined) {
    const h = s.ambiguousHour % 12;
    const evening = request.command.replace(/time:\d{2}:00/, `time:${String(h + 12).padStart(2, '0')}:00`);
    return { kind: 'notice', text: `"${s.ambiguousHour}" could be morning or evening. Send ${request.command} for the morning, or ${evening} for the evening.` };
  }
  return { kind: 'notice', text: `Say when, and the digest comes here on a schedule: ${request.command} (days:weekdays, days:mon,wed,fri, timezone:Europe/London and topic:words are optional).` };
}

/**
 * Understands one free-text message and runs the command it asks for, as the same Bot
 * command a slash command runs. The reply carries the understood line and the command for
 * next time (not for a plain question or help). Never throws for bad input.
 */
export async function handleText(deps: TextDeps, text: string, ctx: CallContext, options: TextOptions = {}): Promise<TextResult> {
  const last = await readLastBrief(deps, ctx);
  let lastCitedId: string | undefined;
  const understand = (timeZone: string) => {
    const o = {
      now: deps.now(),
      timeZone,
      surface: ctx.surface,
      ...(last ? { lastBrief: last.ids, ...(last.at ? { lastBriefAt: new Date(last.at) } : {}), ...(last.listed ? { lastIsListing: true } : {}) } : {}),
      ...(lastCitedId ? { lastCitedId } : {}),
    };
    return options.briefText ? understandBriefText(text, o) : understandRequest(text, o);
  };
  let request = understand(ctx.timezone ?? deps.defaultTimezone);
  if (request.ack) return { request, command: null, reply: await acknowledge(deps, ctx, request.ack) };
  if (request.about) return { request, command: null, reply: request.about === 'corpus' ? await describeCorpus(deps, ctx) : { kind: 'notice', text: request.about === 'data' ? aboutDataText(deps.ttlMs) : ABOUT_BOT_TEXT } };
  // "summarize it", "source?": the article the last answer cited, read only when the words refer to it
  if (request.lastCited) {
    lastCitedId = await readLastCited(deps, ctx);
    if (!lastCitedId && request.intent === 'summary') return { request, command: null, reply: { kind: 'notice', text: NO_LAST_CITED } };
    request = understand(ctx.timezone ?? deps.defaultTimezone);
    const article = lastCitedId && request.intent === 'sources' ? await deps.article(lastCitedId) : undefined;
    if (article) return { request, command: null, reply: { kind: 'sources', query: 'the article the last answer cited', articles: [article], feeds: [], understood: understoodOf(request) } };
  }
  const guide = scheduleGuide(request);
  if (guide) return { request, command: null, reply: { ...guide, understood: understoodOf(request) } };
  // the caller's zone is looked up only when the words name a time
  if (!ctx.timezone && options.timezone && request.sinceWords && !request.catchUp) {
    const zone = await options.timezone();
    if (zone) {
      ctx = { ...ctx, timezone: zone };
      request = understand(zone);
    }
  }
  if (request.ref !== undefined && request.refId === undefined) return { request, command: null, reply: missingRefReply(request, last) };

  let command = requestCommand(request);
  if (command.name === 'ask') {
    // the same checks as `/ask` (empty, too long): a clear usage reply, never a question sent on
    const parsed = parseSubcommand('ask', command.question);
    if (!parsed.ok) return { request, command: null, reply: { kind: 'error', ...parsed.error } };
    command = parsed.command;
  }
  if (command.name === 'brief' && request.since && !command.since) command = { ...command, since: request.since.toISOString() };
  let reply =
    request.intent === 'sources' && request.ref !== undefined
      ? await storySources(deps, last, request.ref)
      : await (options.run ?? deps.handle)(command, ctx);

  if (request.intent === 'sources' && request.ref === undefined && !request.lastCited && reply.kind === 'sources' && reply.articles.length > 1) {
    await rememberListing(deps, ctx, last, reply.articles.map((a) => a.id));
  }
  if (request.catchUp && reply.kind === 'stories') {
    const since = request.sinceLabel ?? 'the last 24 hours';
    reply = { ...reply, title: reply.latest ? `Nothing new since ${since}. The latest stories:` : `Catching up: the top stories since ${since}`, empty: `Nothing new since ${since}.` };
    // like a digest preview: nothing new is said in one line, the latest stories follow (and are what "number 3" means)
    if (reply.stories.length === 0) {
      reply = await withLatestStories(reply, deps.latest);
      await rememberBrief(deps, ctx, reply);
    }
  }
  const turn: ConversationTurn | undefined = reply.kind === 'error' ? undefined : requestTurn(request, shownOf(reply));
  if (turn) await saveForUser(deps, ctx, 'conversation', conversationKeyOf(ctx), turn, 'follow-up context of a request not saved');
  // `/brief oil` typed as the command it is needs no line telling it so
  const typedAsIs = options.briefText && request.command.toLowerCase() === `/brief ${text.trim()}`.toLowerCase();
  if (request.intent !== 'ask' && (request.intent !== 'help' || request.schedule) && !typedAsIs) reply = { ...reply, understood: understoodOf(request) };
  return { request, command, reply };
}
