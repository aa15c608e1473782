import * as chrono from 'chrono-node';
import { fail, ok, type Result } from '../errors.ts';
import { zoneOffsetMs } from '../schedule/zoned-time.ts';

/** Minutes east of UTC that `timeZone` is at `instant`. */
export function zoneOffsetMinutes(timeZone: string, instant: Date): number {
  return Math.round(zoneOffsetMs(instant.getTime(), timeZone) / 60_000);
}

/** Longest `since:` value read as a date. */
export const MAX_SINCE_CHARS = 80;

/**
 * Reads `since:WHEN`: an ISO date or time, or words ("yesterday", "3 days ago", "monday"),
 * in the caller's timezone. A day without a time means the start of that day.
 */
export function parseSince(text: string, now: Date, timeZone: string): Result<Date> {
  const when = text.trim().replace(/^["“']|["”']$/g, "");
  if (!when) return fail('usage', 'since: needs a date, e.g. since:yesterday or since:2024-11-30.');
  // a date is short; the date parser is not meant for (and slows down on) long pasted text
  if (when.length > MAX_SINCE_CHARS) return fail('usage', `since: takes a date of at most ${MAX_SINCE_CHARS} characters, e.g. since:yesterday or since:2024-11-30.`);
  const offset = zoneOffsetMinutes(timeZone, now);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(when);
  if (iso) {
    const utc = Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])) - offset * 60_000;
    return Number.isNaN(utc) ? fail('usage', `"${when}" is not a date.`) : ok(new Date(utc));
  }
  const results = chrono.parse(when, { instant: now, timezone: offset }, { forwardDate: false });
  const first = results[0];
  if (!first || first.text.trim().length < when.replace(/^since\s+/i, '').length * 0.6) {
    return fail('usage', `Could not read "${when}" as a date. Try since:yesterday, since:3 days ago or since:2024-11-30.`);
  }
  const date = first.start.date();
  if (!first.start.isCertain('hour')) {
    // A day named without a time: from the start of that day, in the caller's timezone
    const local = new Date(date.getTime() + offset * 60_000);
    const start = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - offset * 60_000;
    return ok(new Date(start));
  }
  return date.getTime() > now.getTime() ? fail('usage', `"${when}" is in the future.`) : ok(date);
}
