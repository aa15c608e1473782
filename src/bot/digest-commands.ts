import type { StorySummarizer } from '../llm/digest-summaries.ts';
import type { EngineQueries } from '../engine-host/engine-api.ts';
import { composeDigest, DIGEST_LIMIT, rewriteSummaries } from '../schedule/compose-digest.ts';
import type { DigestScheduler } from '../schedule/scheduler.ts';
import { nextSlot, slotInstant } from '../schedule/slots.ts';
import { daysText, describeSchedule, parseSubscribe, SUBSCRIBE_USAGE, type Subscription } from '../schedule/subscription.ts';
import type { SubscriptionStore } from '../schedule/subscription-store.ts';
import { formatInZone } from '../schedule/zoned-time.ts';
import { DM_WORKSPACE, type CallContext } from './call-context.ts';
import type { DigestAction } from './command.ts';
import type { Reply, SubscriptionEntry } from './reply.ts';

const DAY_MS = 86_400_000;

/** A moment as the surface shows it best: on Discord a timestamp each reader sees in their own zone (and how long ago or until), elsewhere the subscription's wall clock. */
export function formatMoment(instant: Date, timeZone: string, surface: CallContext['surface']): string {
  if (surface !== 'discord') return formatInZone(instant, timeZone);
  const unix = Math.floor(instant.getTime() / 1000);
  return `<t:${unix}:f> (<t:${unix}:R>)`;
}

/** What the Bot delegates `digest …` commands to. */
export interface DigestCommands {
  handle(action: DigestAction, args: string, ctx: CallContext): Promise<Reply>;
}

/** What the commands read and change: the schedules and subscriptions of a digest service (schedule/digest-service.ts). */
export interface DigestSource {
  readonly scheduler: Pick<DigestScheduler, 'subscribe' | 'unsubscribe'>;
  readonly subscriptions: SubscriptionStore;
  readonly engine: EngineQueries;
  readonly now: () => Date;
  readonly defaultTimezone: string;
  /** Story summaries through the model (LLM_DIGEST=1), for previews as for deliveries. */
  readonly summarizeStories?: StorySummarizer | undefined;
}

/** `digest now` where no subscription says otherwise: the last 24 hours, as many stories as a digest holds. */
export async function previewLastDay(engine: Pick<EngineQueries, 'brief'>, at: Date, summarize?: StorySummarizer): Promise<Reply> {
  const stories = await engine.brief({ since: new Date(at.getTime() - DAY_MS), limit: DIGEST_LIMIT });
  const reply: Reply = { kind: 'stories', title: 'Digest preview: the last 24 hours', stories, empty: 'Nothing new in the last 24 hours.' };
  return (await rewriteSummaries({ reply, articleIds: [] }, summarize)).reply;
}

/** The channel key of a call: the adapter's, else surface and conversation. */
export const channelKeyOf = (ctx: CallContext) => ctx.channelKey ?? `${ctx.surface}:${ctx.conversationId}`;

/**
 * Who may change a channel's subscription: whoever the adapter says can manage it
 * (Discord: Manage Channels / Manage Server; Slack: workspace admin or owner); on Slack also
 * the creator of the current subscription, and anyone when the channel has none; the console always.
 */
export function mayManage(ctx: CallContext, existing: Subscription | undefined): boolean {
  if (ctx.canManageDigest ?? ctx.surface === 'console') return true;
  if (ctx.surface === 'slack') return !existing || existing.createdBy === ctx.userId;
  return false;
}

/**
 * Who may list every subscription of the workspace or server: the platform part of the rule
 * above (Discord Manage Channels / Manage Server; Slack workspace admin or owner); the console
 * always. The channel-scoped parts (a subscription's creator, a channel without one) say
 * nothing about the other channels a list would show.
 */
export function mayList(ctx: CallContext): boolean {
  return ctx.canManageDigest ?? ctx.surface === 'console';
}

const LIST_REFUSALS: Record<string, string> = {
  discord: "Listing this server's digest subscriptions needs the Manage Channels or Manage Server permission.",
  slack: "Only a workspace admin or owner can list this workspace's digest subscriptions.",
};

const REFUSALS: Record<string, string> = {
  discord: "Changing this channel's digest needs the Manage Channels or Manage Server permission.",
  slack: "Only a workspace admin or owner, or whoever set up this channel's digest, can change it.",
};

/** The `digest subscribe|unsubscribe|status|list|now` commands over one digest service. */
export function createDigestCommands(source: DigestSource): DigestCommands {
  const { scheduler, subscriptions, engine, now } = source;
  const usageError = (message: string): Reply => ({ kind: 'error', code: 'usage', message, usage: SUBSCRIBE_USAGE });

  async function subscribe(args: string, ctx: CallContext): Promise<Reply> {
    const channelKey = channelKeyOf(ctx);
    const existing = await subscriptions.get(channelKey);
    if (!mayManage(ctx, existing)) return refuse(ctx);
    const parsed = parseSubscribe(args, { channelKey, userId: ctx.userId, timezone: ctx.timezone ?? source.defaultTimezone, now: now(), workspace: ctx.workspaceId });
    if (!parsed.ok) return usageError(parsed.error.message);
    await scheduler.subscribe(parsed.value);
    const next = nextSlot(parsed.value, now());
    return {
      kind: 'notice',
      text: [
        `${existing ? 'Subscription replaced' : 'Subscribed'}: this channel gets a digest ${describeSchedule(parsed.value)}.`,
        next ? `Next: ${formatMoment(next, parsed.value.timezone, ctx.surface)}.` : '',
      ]
        .filter(Boolean)
        .join(' '),
    };
  }

  async function unsubscribe(ctx: CallContext): Promise<Reply> {
    const channelKey = channelKeyOf(ctx);
    const existing = await subscriptions.get(channelKey);
    if (!existing) return { kind: 'notice', text: 'This channel has no digest subscription.' };
    if (!mayManage(ctx, existing)) return refuse(ctx);
    await scheduler.unsubscribe(channelKey);
    return { kind: 'notice', text: 'Unsubscribed: this channel gets no more digests.' };
  }

  function refuse(ctx: CallContext): Reply {
    return { kind: 'error', code: 'forbidden', message: REFUSALS[ctx.surface] ?? 'You do not have permission to change this channel\'s digest.' };
  }

  async function status(ctx: CallContext): Promise<Reply> {
    const channelKey = channelKeyOf(ctx);
    const sub = await subscriptions.get(channelKey);
    if (!sub) return { kind: 'notice', text: `This channel has no digest subscription. Subscribe with: ${SUBSCRIBE_USAGE}` };
    const state = await subscriptions.getState(channelKey);
    const tz = sub.timezone;
    const at = (d: Date) => formatMoment(d, tz, ctx.surface);
    const lines = [`Digest: ${describeSchedule(sub)}.`];
    if (state?.paused) {
      lines.push(`Paused since ${at(new Date(state.paused.at))}: ${state.paused.reason}. Subscribe again to resume.`);
    } else {
      const next = nextSlot(sub, now());
      lines.push(next ? `Next: ${at(next)}.` : 'Next: none scheduled.');
    }
    lines.push(state?.lastDeliveredAt ? `Last delivery: ${at(new Date(state.lastDeliveredAt))}.` : 'Last delivery: none yet.');
    if (state?.recentMissed.length) {
      lines.push(`Missed while the bot was down: ${state.recentMissed.map((id) => at(slotInstant(id))).join(', ')}.`);
    }
    return { kind: 'notice', text: lines.join('\n') };
  }

  /**
   * Every subscription of the caller's workspace or server (console: of this store), for those who
   * may manage digests. A record without `workspace` (written before it was kept) is attributed by
   * the adapter where it can be (`ctx.workspaceOf`) and counted in a note where it cannot.
   */
  async function list(ctx: CallContext): Promise<Reply> {
    if (!mayList(ctx)) return { kind: 'error', code: 'forbidden', message: LIST_REFUSALS[ctx.surface] ?? 'You do not have permission to list the digest subscriptions.' };
    const all = await subscriptions.list();
    let shown = all;
    let unattributed = 0;
    if (ctx.surface !== 'console') {
      if (!ctx.workspaceId || ctx.workspaceId === DM_WORKSPACE) return { kind: 'notice', text: `digest list shows the subscriptions of a ${ctx.surface === 'discord' ? 'server' : 'workspace'}: use it in one of its channels.` };
      shown = all.filter((sub) => {
        if (!sub.channelKey.startsWith(`${ctx.surface}:`)) return false;
        const workspace = sub.workspace ?? ctx.workspaceOf?.(sub.channelKey);
        if (workspace === undefined) unattributed++;
        return workspace === ctx.workspaceId;
      });
    }
    const entries: SubscriptionEntry[] = [];
    for (const sub of shown.sort((a, b) => a.channelKey.localeCompare(b.channelKey))) {
      const state = await subscriptions.getState(sub.channelKey);
      const next = state?.paused ? null : nextSlot(sub, now());
      entries.push({
        channelKey: sub.channelKey,
        time: `${String(sub.hour).padStart(2, '0')}:${String(sub.minute).padStart(2, '0')}`,
        timezone: sub.timezone,
        days: daysText(sub.days),
        topic: sub.topic,
        lastDeliveredAt: state?.lastDeliveredAt ?? null,
        next: next ? next.toISOString() : null,
        paused: state?.paused ?? null,
      });
    }
    const where = ctx.surface === 'console' ? 'in this data directory' : ctx.surface === 'discord' ? 'on this server' : 'in this workspace';
    const note = unattributed
      ? `${unattributed} older subscription${unattributed === 1 ? '' : 's'} could not be matched to a ${ctx.surface === 'discord' ? 'server' : 'workspace'} and ${unattributed === 1 ? 'is' : 'are'} not listed; subscribing that channel again records it.`
      : undefined;
    return { kind: 'subscriptions', title: `Digest subscriptions ${where} (${entries.length})`, entries, empty: `No digest subscriptions ${where}. Subscribe a channel with: ${SUBSCRIBE_USAGE}`, ...(note ? { note } : {}) };
  }

  async function preview(ctx: CallContext): Promise<Reply> {
    const channelKey = channelKeyOf(ctx);
    const sub = await subscriptions.get(channelKey);
    if (!sub) return previewLastDay(engine, now(), source.summarizeStories);
    const state = await subscriptions.getState(channelKey);
    return (await rewriteSummaries(await composeDigest(engine, state, { topic: sub.topic, timezone: sub.timezone, at: now(), preview: true }), source.summarizeStories)).reply;
  }

  return {
    async handle(action, args, ctx) {
      switch (action) {
        case 'subscribe':
          return subscribe(args, ctx);
        case 'unsubscribe':
          return unsubscribe(ctx);
        case 'status':
          return status(ctx);
        case 'now':
          return preview(ctx);
        case 'list':
          return list(ctx);
      }
    },
  };
}
