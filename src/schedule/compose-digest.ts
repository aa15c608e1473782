import type { EngineQueries } from '../engine-host/engine-api.ts';
import type { StorySummarizer } from '../llm/digest-summaries.ts';
import type { DigestReply } from './digest-reply.ts';
import type { DigestState } from './subscription-store.ts';
import { slotInstant } from './slots.ts';
import { formatInZone } from './zoned-time.ts';

export const DIGEST_LIMIT = 8;
const DAY_MS = 86_400_000;
/** After a first delivery, an unsent article this much older than it still counts as new. */
const LOOKBACK_MS = 7 * DAY_MS;

export interface DigestContent {
  reply: DigestReply;
  /** Every source article of the stories sent (to remember as sent). */
  articleIds: string[];
}

export interface ComposeOptions {
  topic: string;
  timezone: string;
  /** The slot (or, for a preview, the present). */
  at: Date;
  limit?: number;
  preview?: boolean;
}

/** The window start: 24 hours before a first digest; a week before the last delivery after that. */
export function digestSince(state: Pick<DigestState, 'lastDeliveredAt'> | undefined, at: Date): Date {
  return state?.lastDeliveredAt ? new Date(new Date(state.lastDeliveredAt).getTime() - LOOKBACK_MS) : new Date(at.getTime() - DAY_MS);
}

/**
 * The stories new to a channel: in its topic and window, with at least one source not sent
 * before (a story already sent comes back only when it has gained sources). Also mentions
 * slots missed while the bot was down.
 */
export async function composeDigest(engine: EngineQueries, state: DigestState | undefined, options: ComposeOptions): Promise<DigestContent> {
  const sent = new Set(state?.sent ?? []);
  const limit = options.limit ?? DIGEST_LIMIT;
  const stories = await engine.brief({ ...(options.topic ? { topic: options.topic } : {}), since: digestSince(state, options.at), limit, freshAgainst: sent });
  // the engine filters the same way; kept so an engine that ignores `freshAgainst` still sends nothing twice
  const fresh = stories.filter((story) => story.sources.some((s) => !sent.has(s.id))).slice(0, limit);
  const on = options.topic ? ` on "${options.topic}"` : '';
  const missed = state?.missed ?? [];
  const missedNote = missedText(missed, options.timezone);
  const when = formatInZone(options.at, options.timezone);
  const title = options.preview ? `Digest preview${on}: new since the last delivery` : `Digest${on}: ${when}`;
  return {
    reply: {
      kind: 'stories',
      title: `${title}${missedNote}`,
      ...(options.preview ? {} : { moment: { at: options.at.toISOString(), text: when } }),
      stories: fresh,
      empty: `Nothing new${on} ${state?.lastDeliveredAt ? 'since the last digest' : 'in the last 24 hours'}.${missedNote}`,
    },
    articleIds: [...new Set(fresh.flatMap((s) => s.sources.map((x) => x.id)))],
  };
}

/** The digest with its story summaries rewritten through the model (LLM_DIGEST=1), or as it was. */
export async function rewriteSummaries(content: DigestContent, summarize: StorySummarizer | undefined): Promise<DigestContent> {
  if (!summarize || content.reply.stories.length === 0) return content;
  return { ...content, reply: { ...content.reply, stories: await summarize(content.reply.stories) } };
}

/** Sent ids still worth remembering: articles still in the corpus and not older than the window. */
export async function pruneSent(engine: EngineQueries, sent: Iterable<string>, since: Date): Promise<string[]> {
  const floor = since.getTime() - DAY_MS;
  const ids = [...new Set(sent)];
  const articles = await Promise.all(ids.map((id) => engine.article(id)));
  return ids.filter((_, i) => {
    const a = articles[i];
    if (!a) return false;
    return a.date === null || new Date(a.date).getTime() >= floor;
  });
}

/** " (missed while the bot was down: Mon 2 Nov 2026 08:00 UTC)", or a count and range when there are many. */
export function missedText(missed: readonly string[], timezone: string): string {
  if (!missed.length) return '';
  const when = (id: string) => formatInZone(slotInstant(id), timezone);
  if (missed.length <= 3) return ` (missed while the bot was down: ${missed.map(when).join(', ')})`;
  return ` (${missed.length} digests missed while the bot was down, ${when(missed[0]!)} to ${when(missed[missed.length - 1]!)})`;
}
