/** Wall-clock arithmetic in IANA timezones with Intl only (no dependency: Luxon was measured and kept out, see docs/architecture.md). */

const MINUTE_MS = 60_000;
const READ_OPTIONS = { hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'short' } as const;
const DISPLAY_OPTIONS = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' } as const;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter per zone and use, kept: building one costs about as much as twenty-five uses of one. */
function formatter(timeZone: string, use: 'read' | 'display' = 'read'): Intl.DateTimeFormat {
  const key = `${use} ${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = use === 'read' ? new Intl.DateTimeFormat('en-US', { timeZone, ...READ_OPTIONS }) : new Intl.DateTimeFormat('en-GB', { timeZone, ...DISPLAY_OPTIONS });
    formatters.set(key, f);
  }
  return f;
}

export interface LocalParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The wall clock of an instant in a timezone. */
export function localParts(instant: Date | number, timeZone: string): LocalParts {
  const parts = formatter(timeZone).formatToParts(typeof instant === 'number' ? instant : instant.getTime());
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')) % 24,
    minute: Number(get('minute')),
    weekday: WEEKDAYS.indexOf(get('weekday')),
  };
}

/** The zone's offset from UTC at an instant, in ms (wall clock minus UTC), to the minute. */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return wall - Math.floor(instant / MINUTE_MS) * MINUTE_MS;
}

/**
 * The instant a wall-clock minute happens in a zone. A repeated minute (clocks set back)
 * resolves to its first occurrence; a nonexistent one (clocks set forward) to the first
 * valid minute after the gap, i.e. the instant of the change.
 */
export function zonedInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const offsets = new Set([-14, -2, 0, 2, 14].map((h) => zoneOffsetMs(wall + h * 3_600_000, timeZone)));
  const matches = [...offsets]
    .map((o) => wall - o)
    .filter((t) => wall - zoneOffsetMs(t, timeZone) === t)
    .sort((a, b) => a - b);
  if (matches[0] !== undefined) return new Date(matches[0]);
  // In a gap: the change happens between the reading with the later offset and the earlier one
  const sorted = [...offsets].sort((a, b) => a - b);
  let lo = wall - sorted[sorted.length - 1]!; // before the change (reads before the gap)
  let hi = wall - sorted[0]!; // after the change (reads after the gap)
  const before = zoneOffsetMs(lo, timeZone);
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (zoneOffsetMs(mid, timeZone) === before) lo = mid;
    else hi = mid;
  }
  return new Date(hi);
}

/** "Mon 30 Nov 2026 08:30 CET" in the zone. */
export function formatInZone(instant: Date, timeZone: string): string {
  return formatter(timeZone, 'display').format(instant).replace(/,/g, '');
}
