import { randomUUID } from 'node:crypto';
import cron, { type Logger as CronLogger, type ScheduledTask } from 'node-cron';
import type { EngineQueries } from '../engine-host/engine-api.ts';
import type { Logger } from '../logger.ts';
import type { ClaimStore } from '../store/claim-store.ts';
import { composeDigest, digestSince, pruneSent, rewriteSummaries } from './compose-digest.ts';
import type { StorySummarizer } from '../llm/digest-summaries.ts';
import { DigestChannelError, surfaceOf, type DigestChannel } from './digest-channel.ts';
import { nextSlot, nextSlots, slotId } from './slots.ts';
import { cronExpression, type Subscription } from './subscription.ts';
import { addMissed, advanceCursor, emptyState, type DigestState, type SubscriptionStore } from './subscription-store.ts';

/** Points of the delivery path, for hooks (tests inject crashes there). */
export type DeliveryStep = 'claimed' | 'before-send' | 'sent' | 'state-saved' | 'recorded';

/** Thrown (by a hook) to stop an instance on the spot: a tick rethrows it instead of logging. */
export class SchedulerHalt extends Error {
  constructor(message = 'scheduler halted') {
    super(message);
    this.name = 'SchedulerHalt';
  }
}

export interface SchedulerOptions {
  engine: EngineQueries;
  subscriptions: SubscriptionStore;
  claims: ClaimStore;
  log: Logger;
  /** Deliver a slot missed while down when it is at most this old; older ones are recorded as missed. */
  catchupHours: number;
  now?: () => Date;
  /** This replica's name in claims. */
  owner?: string;
  /** How long a claim holds before another replica may take it over. */
  leaseMs?: number;
  /** false: no node-cron tasks (tests drive `tick`). */
  cron?: boolean;
  sleep?: (ms: number) => Promise<void>;
  maxRateLimitRetries?: number;
  onStep?: (step: DeliveryStep, slotId: string) => void | Promise<void>;
  /** Story summaries through the model (LLM_DIGEST=1). */
  summarizeStories?: StorySummarizer;
  /** After a tick that failed (the store unavailable), try again this soon; default 30 s with cron, none without. */
  retryMs?: number;
}

type SlotResult = 'resolved' | 'pending';

/** The sweep picks up other replicas' changes (and is a safety net for any wake-up missed). */
const SWEEP_CRON = '*/15 * * * *';

/** A node-cron pattern (UTC) for the minute of one instant. */
function minutePattern(at: Date): string {
  return `${at.getUTCMinutes()} ${at.getUTCHours()} ${at.getUTCDate()} ${at.getUTCMonth() + 1} *`;
}

/**
 * Runs every subscription's schedule. One source says when: `nextSlots` (slots.ts) decides
 * every slot; node-cron is only the clock that wakes the scheduler at them: a task per
 * subscription in its timezone, and, for a slot that pattern does not hit (a local time
 * skipped by a DST change runs at the change), a one-off task at the slot's minute. A sweep
 * every 15 minutes picks up other replicas' changes. Each wake-up calls `tick`, which delivers
 * each due slot once through claim → send with marker → record, taking over expired claims
 * after reading the channel back.
 */
export class DigestScheduler {
  private readonly subs = new Map<string, Subscription>();
  private readonly tasks = new Map<string, ScheduledTask>();
  /** One-off wake-ups at slots the subscription's own pattern does not hit. */
  private readonly gapTasks = new Map<string, ScheduledTask>();
  private sweep: ScheduledTask | undefined;
  private channels = new Map<string, DigestChannel>();
  private chain: Promise<void> = Promise.resolve();
  private running = false;
  private retryTimer: NodeJS.Timeout | undefined;
  readonly now: () => Date;
  private readonly owner: string;
  private readonly leaseMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  /** node-cron logs to the console by default; stdout belongs to replies. */
  private readonly cronLogger: CronLogger;

  constructor(private readonly options: SchedulerOptions) {
    const log = options.log;
    this.cronLogger = {
      info: (message) => log.debug({ source: 'node-cron' }, message),
      warn: (message) => log.warn({ source: 'node-cron' }, message),
      error: (message, err) => log.error({ source: 'node-cron', err: err ?? message }, String(message)),
      debug: (message) => log.debug({ source: 'node-cron' }, String(message)),
    };
    this.now = options.now ?? (() => new Date());
    this.owner = options.owner ?? randomUUID();
    this.leaseMs = options.leaseMs ?? 10 * 60_000;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /** Rebuilds the schedules from the store and delivers what is due (catch-up). */
  async start(channels: Map<string, DigestChannel>): Promise<void> {
    this.channels = channels;
    this.running = true;
    try {
      await this.refresh();
    } catch (err) {
      // the bot starts without schedules rather than not at all; they load once the store answers
      this.options.log.warn({ err }, 'digest: schedules could not be loaded from the store; retrying');
      this.retrySoon();
    }
    if (this.options.cron !== false && !this.sweep) {
      this.sweep = cron.schedule(SWEEP_CRON, () => this.fromCron(), { name: 'digest-sweep', noOverlap: true, timezone: 'UTC', logger: this.cronLogger });
    }
    await this.tick();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    for (const task of [...this.tasks.values(), ...this.gapTasks.values()]) await task.destroy();
    this.tasks.clear();
    this.gapTasks.clear();
    await this.sweep?.destroy();
    this.sweep = undefined;
    await this.chain.catch(() => undefined);
  }

  /** Loads every subscription from the store (other replicas may have changed them). */
  async refresh(): Promise<void> {
    const subs = await this.options.subscriptions.list();
    const keys = new Set(subs.map((s) => s.channelKey));
    for (const key of [...this.subs.keys()]) if (!keys.has(key)) this.unschedule(key);
    for (const sub of subs) this.schedule(sub);
  }

  /** The subscription as this instance runs it. */
  get(channelKey: string): Subscription | undefined {
    return this.subs.get(channelKey);
  }

  /** The node-cron task of a channel (pattern and next run), if running with cron. */
  task(channelKey: string): ScheduledTask | undefined {
    return this.tasks.get(channelKey);
  }

  /** The one-off node-cron task waking a channel at its next slot, when its own pattern does not hit that slot (a DST gap). */
  gapTask(channelKey: string): ScheduledTask | undefined {
    return this.gapTasks.get(channelKey);
  }

  /** Saves a subscription (replacing the channel's) and schedules it at once; slots before now are not owed. */
  async subscribe(sub: Subscription): Promise<void> {
    const store = this.options.subscriptions;
    await store.put(sub);
    const now = this.now();
    await store.updateState(sub.channelKey, now, (s) => ({ ...s, cursor: now.toISOString(), paused: null, missed: [], pending: null }));
    this.schedule(sub);
  }

  async unsubscribe(channelKey: string): Promise<boolean> {
    const had = (await this.options.subscriptions.get(channelKey)) !== undefined;
    await this.options.subscriptions.delete(channelKey);
    this.unschedule(channelKey);
    return had;
  }

  private schedule(sub: Subscription): void {
    const previous = this.subs.get(sub.channelKey);
    this.subs.set(sub.channelKey, sub);
    if (this.options.cron === false || !this.running) return;
    if (previous && this.tasks.has(sub.channelKey) && cronExpression(previous) === cronExpression(sub) && previous.timezone === sub.timezone) return;
    void this.tasks.get(sub.channelKey)?.destroy();
    this.tasks.set(
      sub.channelKey,
      cron.schedule(cronExpression(sub), () => this.fromCron(sub.channelKey), {
        timezone: sub.timezone,
        name: `digest ${sub.channelKey}`,
        noOverlap: true,
        logger: this.cronLogger,
      }),
    );
    this.wakeAtNextSlot(sub.channelKey);
  }

  /** Makes sure node-cron fires at the channel's next slot: its own task does unless DST skipped that local time; else a one-off task at the slot's minute. */
  private wakeAtNextSlot(channelKey: string): void {
    void this.gapTasks.get(channelKey)?.destroy();
    this.gapTasks.delete(channelKey);
    const sub = this.subs.get(channelKey);
    const task = this.tasks.get(channelKey);
    if (!sub || !task || !this.running) return;
    const next = nextSlot(sub, this.now());
    if (!next || task.match(next)) return;
    const once: ScheduledTask = cron.schedule(
      minutePattern(next),
      () => {
        // node-cron destroys a task after its last execution itself; destroying it here, mid-run, would log an error
        if (this.gapTasks.get(channelKey) === once) this.gapTasks.delete(channelKey);
        return this.fromCron(channelKey);
      },
      { timezone: 'UTC', name: `digest ${channelKey} at ${next.toISOString()}`, maxExecutions: 1, noOverlap: true, logger: this.cronLogger },
    );
    this.gapTasks.set(channelKey, once);
  }

  private unschedule(channelKey: string): void {
    this.subs.delete(channelKey);
    for (const tasks of [this.tasks, this.gapTasks]) {
      void tasks.get(channelKey)?.destroy();
      tasks.delete(channelKey);
    }
  }

  /** A wake-up: by the sweep, or by a channel's own task (which then arms that channel's next slot). */
  private async fromCron(channelKey?: string): Promise<void> {
    try {
      await this.refresh();
      await this.tick();
    } catch (err) {
      this.options.log.error({ err }, 'digest tick failed');
      this.retrySoon();
    } finally {
      if (channelKey !== undefined) this.wakeAtNextSlot(channelKey);
    }
  }

  /** One retry of refresh and tick after `retryMs` (a store outage ends; delivery goes on without waiting for the next sweep). */
  private retrySoon(): void {
    const ms = this.options.retryMs ?? (this.options.cron === false ? 0 : 30_000);
    if (ms <= 0 || !this.running || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.fromCron();
    }, ms);
    this.retryTimer.unref();
  }

  /** Delivers every slot due by `now` (serialised: one tick at a time per instance). */
  tick(now: Date = this.now()): Promise<void> {
    const run = this.chain.then(() => this.runTick(now));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async runTick(now: Date): Promise<void> {
    for (const sub of [...this.subs.values()]) {
      try {
        await this.runDue(sub, now);
      } catch (err) {
        if (err instanceof SchedulerHalt) throw err;
        this.options.log.error({ err, channelKey: sub.channelKey }, 'digest delivery failed; retried on the next tick');
        this.retrySoon();
      }
    }
  }

  private async runDue(sub: Subscription, now: Date): Promise<void> {
    const store = this.options.subscriptions;
    const state = (await store.getState(sub.channelKey)) ?? emptyState(new Date(sub.createdAt));
    if (state.paused) return;
    for (const at of nextSlots(sub, new Date(state.cursor), now)) {
      if ((await this.handleSlot(sub, at, now)) === 'pending') return;
      await store.updateState(sub.channelKey, at, (s) => advanceCursor(s, at));
    }
  }

  private async step(step: DeliveryStep, id: string): Promise<void> {
    await this.options.onStep?.(step, id);
  }

  private async handleSlot(sub: Subscription, at: Date, now: Date): Promise<SlotResult> {
    const { claims, subscriptions: store, log } = this.options;
    const id = slotId(sub.channelKey, at);
    const late = now.getTime() - at.getTime() > this.options.catchupHours * 3_600_000;
    const found = this.channels.get(surfaceOf(sub.channelKey));
    const channel = found && (found.handles?.(sub.channelKey) ?? true) ? found : undefined;
    // Another replica (or a later start) with this channel's adapter delivers it
    if (!channel && !late) return 'pending';
    const claim = await claims.claim(id, this.owner, this.leaseMs, now.getTime());
    if (claim.status === 'done') return 'resolved';
    if (claim.status === 'held') return 'pending';
    const { token } = claim;
    await this.step('claimed', id);

    if (claim.takeover && channel) {
      // The last holder died after claiming: the digest may be in the channel already
      let posted = false;
      try {
        posted = await channel.findSlotMarker(sub.channelKey, id);
      } catch (err) {
        if (err instanceof DigestChannelError && err.kind === 'gone') {
          // Nothing can have been posted to a channel that is gone (or that the bot lost access to)
          await this.pause(channel, sub, id, at, now, token, err.message);
          return 'resolved';
        }
        log.warn({ err, slotId: id }, 'digest: could not read the channel back; retrying later');
        await claims.release(id, token);
        return 'pending';
      }
      if (posted) {
        await this.markDelivered(sub, id, at, now, null);
        await claims.record(id, token, 'delivered', now.getTime());
        log.info({ slotId: id }, 'digest: found an earlier post of this slot; recorded it without posting again');
        return 'resolved';
      }
    }

    if (late || !channel) {
      await store.updateState(sub.channelKey, at, (s) => advanceCursor(addMissed(s, id), at));
      await claims.record(id, token, 'missed', now.getTime());
      log.warn({ slotId: id }, 'digest: slot missed while down, beyond DIGEST_CATCHUP_HOURS');
      return 'resolved';
    }
    const state = await store.getState(sub.channelKey);
    const content = await rewriteSummaries(await composeDigest(this.options.engine, state, { topic: sub.topic, timezone: sub.timezone, at }), this.options.summarizeStories);
    await store.updateState(sub.channelKey, at, (s) => ({ ...s, pending: { slotId: id, articleIds: content.articleIds } }));
    await this.step('before-send', id);

    // Not src/backoff.ts: a rate-limited send waits the time the platform asked (Retry-After), renewing the claim meanwhile
    const maxRetries = this.options.maxRateLimitRetries ?? 5;
    for (let attempt = 0; ; attempt++) {
      try {
        await channel.send(sub.channelKey, content.reply, id);
        break;
      } catch (err) {
        if (err instanceof DigestChannelError && err.kind === 'gone') {
          await this.pause(channel, sub, id, at, now, token, err.message);
          return 'resolved';
        }
        if (err instanceof DigestChannelError && err.kind === 'rate_limited' && attempt < maxRetries) {
          const wait = Math.max(err.retryAfterMs, 1000);
          if (!(await claims.renew(id, token, this.leaseMs + wait, this.now().getTime()))) return 'pending';
          log.info({ slotId: id, retryAfterMs: wait }, 'digest: rate limited; retrying after the time asked');
          await this.sleep(wait);
          continue;
        }
        // Unknown outcome: leave it to a takeover, which reads the channel back first
        await claims.release(id, token);
        log.warn({ err, slotId: id }, 'digest: send failed; retrying later');
        return 'pending';
      }
    }
    await this.step('sent', id);
    await this.markDelivered(sub, id, at, now, content.articleIds);
    await this.step('state-saved', id);
    if (!(await claims.record(id, token, 'delivered', now.getTime()))) {
      log.warn({ slotId: id }, 'digest: delivered but the claim was taken over; the new holder finds the marker');
    }
    await this.step('recorded', id);
    log.info({ slotId: id, stories: content.articleIds.length }, 'digest delivered');
    return 'resolved';
  }

  /** The channel is gone or access was lost: the subscription pauses (status says why) and the slot is skipped. */
  private async pause(channel: DigestChannel, sub: Subscription, id: string, at: Date, now: Date, token: number, reason: string): Promise<void> {
    await this.options.subscriptions.updateState(sub.channelKey, at, (s) => advanceCursor({ ...s, pending: null, paused: { reason, at: now.toISOString() } }, at));
    await this.options.claims.record(id, token, 'skipped', now.getTime());
    this.options.log.warn({ slotId: id, reason }, 'digest: channel gone; subscription paused');
    await this.tellPaused(channel, sub, reason);
  }

  /** Tells whoever set up the subscription that it is paused, where the platform allows (a DM). */
  private async tellPaused(channel: DigestChannel, sub: Subscription, reason: string): Promise<void> {
    if (!channel.notify) return;
    const text = `The digest for ${sub.channelKey} is paused: ${reason}. Subscribe again in that channel to resume.`;
    await channel.notify(sub.channelKey, sub.createdBy, text).catch((err: unknown) => {
      this.options.log.warn({ err, channelKey: sub.channelKey }, 'digest: could not tell the subscriber about the pause');
    });
  }

  /** Remembers a delivery: its articles (else those planned for this slot), time, cleared missed list. */
  private async markDelivered(sub: Subscription, id: string, at: Date, now: Date, articleIds: string[] | null): Promise<void> {
    const store = this.options.subscriptions;
    await store.updateState(sub.channelKey, at, async (s: DigestState) => {
      if (s.lastSlotId === id) return advanceCursor(s.pending ? { ...s, pending: null } : s, at);
      const ids = articleIds ?? (s.pending?.slotId === id ? s.pending.articleIds : []);
      const lastDeliveredAt = now.toISOString();
      return {
        ...s,
        cursor: s.cursor < at.toISOString() ? at.toISOString() : s.cursor,
        lastDeliveredAt,
        lastSlotId: id,
        sent: await pruneSent(this.options.engine, [...s.sent, ...ids], digestSince({ lastDeliveredAt }, now)),
        pending: null,
        missed: [],
      };
    });
  }
}
