import type { Engine, ConversationTurn } from '../engine/engine.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/open-store.ts';
import type { Command } from './command.ts';
import { USAGE } from './command.ts';
import { helpReply, type Surface } from './help.ts';
import { parseSince } from './parse-since.ts';
import type { Reply } from './reply.ts';
import type { DigestCommands } from '../schedule/digest-service.ts';

/** Follow-up context lives this long (the privacy promise in the README). */
export const CONVERSATION_TTL_MS = 24 * 60 * 60 * 1000;
const DIGEST_LIMIT = 8;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface BotDeps {
  engine: Engine;
  store: Store;
  log: Logger;
  /** The clock, injectable so tests control "now". */
  now?: () => Date;
  defaultTimezone?: string;
  /** Subscriptions and scheduled digests; without it `digest` only previews (`now`). */
  digests?: DigestCommands;
}

/** Who is asking and where: a DM, a thread and a console session are each one conversation. */
export interface CallContext {
  surface: Surface;
  conversationId: string;
  userId: string;
  timezone?: string;
  /** The channel a digest subscription belongs to (`console:local`, `slack:C123`, `discord:456`); default `${surface}:${conversationId}`. */
  channelKey?: string;
  /** The platform says this user may manage the channel (Discord Manage Channels/Server, Slack admin/owner). The console defaults to true. */
  canManageDigest?: boolean;
}

/** The platform-neutral command layer: a Command in, a Reply out. */
export class Bot {
  readonly engine: Engine;
  private readonly store: Store;
  private readonly log: Logger;
  private readonly now: () => Date;
  private readonly defaultTimezone: string;
  private readonly digests: DigestCommands | undefined;

  constructor(deps: BotDeps) {
    this.engine = deps.engine;
    this.store = deps.store;
    this.log = deps.log;
    this.now = deps.now ?? (() => new Date());
    this.defaultTimezone = deps.defaultTimezone ?? 'UTC';
    this.digests = deps.digests;
  }

  async handle(command: Command, ctx: CallContext): Promise<Reply> {
    switch (command.name) {
      case 'ask':
        return this.ask(command.question, ctx);
      case 'brief':
        return this.brief(command.topic, command.since, ctx);
      case 'summary': {
        const found = this.engine.summarize(command.target, command.sentences ?? 3);
        if (!found.ok) return { kind: 'error', ...found.error, usage: USAGE.summary };
        const article = this.engine.article(found.value.id);
        return { kind: 'summary', summary: found.value, url: article?.url ?? null, date: article?.date ?? null };
      }
      case 'sources':
        return { kind: 'sources', query: command.query, articles: this.engine.sources(command.query), feeds: [] };
      case 'digest':
        if (this.digests) return this.digests.handle(command.action, command.args, { ...ctx, timezone: ctx.timezone ?? this.defaultTimezone });
        if (command.action !== 'now') {
          return { kind: 'notice', text: `digest ${command.action} is not available yet; "digest now" previews the digest.` };
        }
        return this.digestNow();
      case 'help':
        return helpReply(ctx.surface);
    }
  }

  private async ask(question: string, ctx: CallContext): Promise<Reply> {
    const key = `${ctx.surface}:${ctx.conversationId}`;
    const previous = await this.store.get<ConversationTurn>('conversation', key).catch((err: unknown) => {
      this.log.warn({ err }, 'conversation context unavailable; answering without it');
      return undefined;
    });
    const { answer, turn } = this.engine.ask(question, previous);
    await this.store.set('conversation', key, turn, CONVERSATION_TTL_MS).catch((err: unknown) => {
      this.log.warn({ err }, 'conversation context not saved');
    });
    return { kind: 'answer', question, answer };
  }

  private brief(topic: string, since: string | null, ctx: CallContext): Reply {
    let sinceDate: Date | undefined;
    if (since) {
      const parsed = parseSince(since, this.now(), ctx.timezone ?? this.defaultTimezone);
      if (!parsed.ok) return { kind: 'error', ...parsed.error, usage: USAGE.brief };
      sinceDate = parsed.value;
    }
    const stories = this.engine.brief({ ...(topic ? { topic } : {}), ...(sinceDate ? { since: sinceDate } : {}) });
    const title = `Briefing${topic ? ` on "${topic}"` : ''}${since ? ` since ${since}` : ''}`;
    const empty = topic ? `No stories about "${topic}"${since ? ` since ${since}` : ''}.` : `No stories${since ? ` since ${since}` : ''}.`;
    return { kind: 'stories', title, stories, empty };
  }

  private digestNow(): Reply {
    const since = new Date(this.now().getTime() - DAY_MS);
    const stories = this.engine.brief({ since, limit: DIGEST_LIMIT });
    return { kind: 'stories', title: 'Digest preview: the last 24 hours', stories, empty: 'Nothing new in the last 24 hours.' };
  }
}
