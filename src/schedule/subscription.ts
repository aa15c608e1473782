import { isValidTimeZone } from '../config.ts';
import { fail, ok, type Result } from '../errors.ts';
import { clockText, knownTimeZones, matchTimeZones, readTime, uniqueTimeZone } from './time-input.ts';

/** One channel's digest schedule. One per channel key (`console:local`, `slack:C123`, `discord:456`). */
export interface Subscription {
  channelKey: string;
  hour: number;
  minute: number;
  timezone: string;
  /** Local weekdays it runs on, 0 = Sunday … 6 = Saturday, sorted. */
  days: number[];
  /** Narrows the digest; '' for every story. */
  topic: string;
  createdBy: string;
  /** ISO instant. */
  createdAt: string;
  /**
   * The Slack workspace (team id) or Discord server (guild id) of the channel, for `digest list`.
   * Absent on records written before it was kept (they still load: the field is optional, the
   * store's schema version unchanged) and on console subscriptions.
   */
  workspace?: string;
}

export const SUBSCRIBE_USAGE = 'digest subscribe time:HH:MM [timezone:IANA] [days:daily|weekdays|weekends|mon,wed,fri] [topic:words…]';

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DAY_ALIASES: Record<string, number> = {
  sunday: 0, monday: 1, tuesday: 2, tues: 2, wednesday: 3, thursday: 4, thur: 4, thurs: 4, friday: 5, saturday: 6,
};
const ALL_DAYS = [0, 1, 2, 3, 4, 5, 6];
const WEEKDAYS = [1, 2, 3, 4, 5];

/** Reads the time of day: `HH:MM` on a 24-hour clock, or an unambiguous other form (`9am`, `9.30pm`, `0830`). */
export function parseTime(text: string): Result<{ hour: number; minute: number }> {
  const reading = readTime(text);
  if (reading.kind === 'time') return ok(reading.time);
  if (reading.kind === 'ambiguous') {
    const h = reading.hour;
    return fail('usage', `"${text.trim()}" could be morning or evening: give time:${clockText({ hour: h % 12, minute: 0 })} or time:${clockText({ hour: (h % 12) + 12, minute: 0 })} (or time:${h}am / time:${h}pm).`);
  }
  return fail('usage', `"${text}" is not a valid time: give hours and minutes on a 24-hour clock, e.g. time:08:30 or time:17:05 (time:9am and time:9.30pm work too).`);
}

/** The day words every surface accepts for `days:`, as help and docs list them. */
export const DAYS_HELP = 'daily (also every, everyday), weekdays, weekends, or day names such as mon,wed,fri (full names too)';

export function parseDays(text: string): Result<number[]> {
  const value = text.trim().toLowerCase();
  if (value === 'daily' || value === 'every' || value === 'everyday') return ok(ALL_DAYS);
  if (value === 'weekdays' || value === 'weekday') return ok(WEEKDAYS);
  if (value === 'weekends' || value === 'weekend') return ok([0, 6]);
  const days = new Set<number>();
  for (const word of value.split(',').map((w) => w.trim())) {
    const n = DAY_NAMES.indexOf(word) >= 0 ? DAY_NAMES.indexOf(word) : DAY_ALIASES[word];
    if (n === undefined) {
      return fail('usage', `"${word || text}" is not a day: use days:daily, days:weekdays, days:weekends, or day names such as days:mon,wed,fri.`);
    }
    days.add(n);
  }
  return ok([...days].sort((a, b) => a - b));
}

/** The canonical spelling, so "europe/berlin" is stored as "Europe/Berlin"; a modern name the user typed (Asia/Kolkata) is kept, not turned into the runtime's older alias. */
function canonicalZone(zone: string): string {
  const lower = zone.toLowerCase();
  return knownTimeZones().find((z) => z.toLowerCase() === lower) ?? new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
}

/** Reads an IANA timezone; a city alone is accepted when it names exactly one zone ("london" → Europe/London). */
export function parseZone(text: string): Result<string> {
  const zone = text.trim();
  if (zone && (zone.includes('/') || zone.toUpperCase() === 'UTC') && isValidTimeZone(zone)) return ok(canonicalZone(zone));
  const unique = zone ? uniqueTimeZone(zone) : null;
  if (unique) return ok(canonicalZone(unique));
  const near = zone ? matchTimeZones(zone, 3) : [];
  const hint = near.length ? `did you mean ${near.map((z) => `timezone:${z}`).join(' or ')}?` : 'use a name such as timezone:Europe/Berlin or timezone:America/New_York.';
  return fail('usage', `"${text}" is not a known IANA timezone: ${hint}`);
}

export interface SubscribeDefaults {
  channelKey: string;
  userId: string;
  timezone: string;
  now: Date;
  /** The Slack team or Discord guild the channel belongs to. */
  workspace?: string | undefined;
}

/** Parses `time:HH:MM [timezone:IANA] [days:…] [topic:words…]`; `topic:` takes the rest. */
export function parseSubscribe(args: string, defaults: SubscribeDefaults): Result<Subscription> {
  let text = args.trim();
  let topic = '';
  const topicMatch = /(?:^|\s)topic:\s*([\s\S]*)$/i.exec(text);
  if (topicMatch) {
    topic = topicMatch[1]!.trim();
    text = text.slice(0, topicMatch.index).trim();
  }
  const fields = new Map<string, string>();
  // "key: value" is accepted as "key:value"
  for (const token of text.replace(/\b(time|timezone|tz|zone|days|day):\s+/gi, '$1:').split(/\s+/).filter(Boolean)) {
    const m = /^([a-z]+):(.*)$/i.exec(token);
    if (!m) return fail('usage', `"${token}" is not understood. Usage: ${SUBSCRIBE_USAGE}`);
    const key = m[1]!.toLowerCase();
    const name = key === 'tz' || key === 'zone' ? 'timezone' : key === 'day' ? 'days' : key;
    if (!['time', 'timezone', 'days'].includes(name)) {
      return fail('usage', `"${m[1]}:" is not an option of digest subscribe. Usage: ${SUBSCRIBE_USAGE}`);
    }
    fields.set(name, m[2]!);
  }
  const timeText = fields.get('time');
  if (timeText === undefined || !timeText.trim()) return fail('usage', `Give the time of day for the digest, e.g. time:08:30. Usage: ${SUBSCRIBE_USAGE}`);
  const time = parseTime(timeText);
  if (!time.ok) return time;
  const zone = parseZone(fields.get('timezone') ?? defaults.timezone);
  if (!zone.ok) return zone;
  const days = parseDays(fields.get('days') ?? 'daily');
  if (!days.ok) return days;
  return ok({
    channelKey: defaults.channelKey,
    hour: time.value.hour,
    minute: time.value.minute,
    timezone: zone.value,
    days: days.value,
    topic,
    createdBy: defaults.userId,
    createdAt: defaults.now.toISOString(),
    ...(defaults.workspace ? { workspace: defaults.workspace } : {}),
  });
}

/** node-cron expression (minute hour * * weekdays), read in the subscription's timezone. */
export function cronExpression(sub: Subscription): string {
  const dow = sub.days.length === 7 ? '*' : sub.days.join(',');
  return `${sub.minute} ${sub.hour} * * ${dow}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "every weekday at 08:30 (Europe/Berlin) on "climate"". */
export function describeSchedule(sub: Subscription): string {
  const days =
    sub.days.length === 7
      ? 'every day'
      : sub.days.join(',') === WEEKDAYS.join(',')
        ? 'every weekday'
        : `every ${sub.days.map((d) => DAY_NAMES[d]![0]!.toUpperCase() + DAY_NAMES[d]!.slice(1)).join(', ')}`;
  return `${days} at ${pad(sub.hour)}:${pad(sub.minute)} (${sub.timezone})${sub.topic ? ` on "${sub.topic}"` : ''}`;
}

/** The days as typed: "daily", "weekdays", "weekends" or "mon,wed,fri". */
export function daysText(days: number[]): string {
  const key = days.join(',');
  if (days.length === 7) return 'daily';
  if (key === WEEKDAYS.join(',')) return 'weekdays';
  if (key === '0,6') return 'weekends';
  return days.map((d) => DAY_NAMES[d]!).join(',');
}
