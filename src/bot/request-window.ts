import { ok, type Result } from '../errors.ts';
import { parseSince } from './parse-since.ts';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const WEEKDAY_ABBREVIATIONS: Record<string, (typeof WEEKDAYS)[number]> = {
  sun: 'sunday', mon: 'monday', tue: 'tuesday', tues: 'tuesday', wed: 'wednesday', thu: 'thursday',
  thur: 'thursday', thurs: 'thursday', fri: 'friday', sat: 'saturday',
};
const DAY_MS = 24 * 60 * 60 * 1000;

/** A weekday name, full or abbreviated, as its full lower-case name; else null. */
export function weekdayName(word: string): (typeof WEEKDAYS)[number] | null {
  const w = word.toLowerCase();
  if ((WEEKDAYS as readonly string[]).includes(w)) return w as (typeof WEEKDAYS)[number];
  return Object.hasOwn(WEEKDAY_ABBREVIATIONS, w) ? WEEKDAY_ABBREVIATIONS[w]! : null;
}

/**
 * Reads a time window said in words ("monday", "this week", "3 days ago") as `parseSince`
 * does, except that a weekday always means the latest one not in the future (a person
 * asking "since sat" on a Thursday means last Saturday) and "this week" starts on Monday.
 */
export function resolveSinceWords(spec: string, now: Date, timeZone: string): Result<Date> {
  const words = spec.trim().toLowerCase();
  const day = words === 'this week' ? 'monday' : weekdayName(words);
  if (!day) return parseSince(spec, now, timeZone);
  const read = parseSince(day, now, timeZone);
  if (!read.ok || read.value.getTime() <= now.getTime()) return read;
  return ok(new Date(read.value.getTime() - 7 * DAY_MS));
}

/** A short label for a window spec: "Mon" for a weekday (and for "this week"), else the words themselves. */
export function sinceLabelOf(spec: string): string {
  const day = spec.trim().toLowerCase() === 'this week' ? 'monday' : weekdayName(spec.trim());
  if (!day) return spec.trim();
  return day.charAt(0).toUpperCase() + day.slice(1, 3);
}
