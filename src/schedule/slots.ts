import type { Subscription } from './subscription.ts';
import { localParts, zonedInstant } from './zoned-time.ts';

const DAY_MS = 86_400_000;

/** The id of one scheduled delivery: the channel and the slot's instant. */
export function slotId(channelKey: string, instant: Date): string {
  return `${channelKey}@${instant.toISOString()}`;
}

/** The instant a slot id names. */
export function slotInstant(id: string): Date {
  return new Date(id.slice(id.lastIndexOf('@') + 1));
}

/**
 * The subscription's slot instants in (from, to], in order. Each local day on the schedule
 * has one slot: a nonexistent local time (clocks set forward) runs at the first valid minute
 * after the gap, a repeated one (clocks set back) once, at its first occurrence.
 */
export function nextSlots(sub: Pick<Subscription, 'hour' | 'minute' | 'timezone' | 'days'>, from: Date, to: Date): Date[] {
  const out: Date[] = [];
  if (to.getTime() <= from.getTime()) return out;
  const start = localParts(from.getTime() - DAY_MS, sub.timezone);
  const end = localParts(to.getTime() + DAY_MS, sub.timezone);
  const endKey = Date.UTC(end.year, end.month - 1, end.day);
  for (let day = Date.UTC(start.year, start.month - 1, start.day); day <= endKey; day += DAY_MS) {
    const d = new Date(day);
    if (!sub.days.includes(d.getUTCDay())) continue;
    const at = zonedInstant(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), sub.hour, sub.minute, sub.timezone);
    if (at.getTime() > from.getTime() && at.getTime() <= to.getTime()) out.push(at);
  }
  return out;
}

/** The first slot after `from` (looks up to 8 days ahead), or null with no days. */
export function nextSlot(sub: Pick<Subscription, 'hour' | 'minute' | 'timezone' | 'days'>, from: Date): Date | null {
  return nextSlots(sub, from, new Date(from.getTime() + 8 * DAY_MS))[0] ?? null;
}
