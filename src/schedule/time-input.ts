/** Loose reading of the times and timezones people type ("9am", "9.30pm", "london", "new york"). */
import { isValidTimeZone } from '../config.ts';

export interface ClockTime {
  hour: number;
  minute: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
export const clockText = (t: ClockTime) => `${pad(t.hour)}:${pad(t.minute)}`;

export type TimeReading = { kind: 'time'; time: ClockTime } | { kind: 'ambiguous'; hour: number } | { kind: 'none' };

/**
 * Reads a time of day: `08:30`, `8:30`, `8.30`, `08h30`, `0830` (24-hour clock), `9am`, `9:30 pm`,
 * `9.30p.m.` (12-hour clock), `noon`, `midnight`. A bare hour (`9`) is ambiguous: morning or evening.
 */
export function readTime(text: string): TimeReading {
  const t = text.trim().toLowerCase().replace(/\s+/g, '');
  if (t === 'noon' || t === 'midday') return { kind: 'time', time: { hour: 12, minute: 0 } };
  if (t === 'midnight') return { kind: 'time', time: { hour: 0, minute: 0 } };
  const twelve = /^(\d{1,2})(?:[:.h](\d{2}))?(a|p)\.?m\.?$/.exec(t);
  if (twelve) {
    const h = Number(twelve[1]);
    const minute = Number(twelve[2] ?? 0);
    if (h < 1 || h > 12 || minute > 59) return { kind: 'none' };
    return { kind: 'time', time: { hour: (h % 12) + (twelve[3] === 'p' ? 12 : 0), minute } };
  }
  const clock = /^(\d{1,2})[:.h](\d{2})$/.exec(t) ?? /^(\d{2})(\d{2})$/.exec(t);
  if (clock) {
    const hour = Number(clock[1]);
    const minute = Number(clock[2]);
    return hour > 23 || minute > 59 ? { kind: 'none' } : { kind: 'time', time: { hour, minute } };
  }
  const bare = /^(\d{1,2})h?$/.exec(t);
  if (bare) {
    const hour = Number(bare[1]);
    if (hour === 0 || hour > 12) return hour <= 23 ? { kind: 'time', time: { hour, minute: 0 } } : { kind: 'none' };
    return { kind: 'ambiguous', hour };
  }
  return { kind: 'none' };
}

/** Modern names some Node versions list under an older one (Asia/Calcutta, Europe/Kiev). */
const MODERN_NAMES = ['Asia/Kolkata', 'Europe/Kyiv', 'Asia/Yangon', 'Asia/Ho_Chi_Minh', 'Asia/Kathmandu', 'America/Nuuk', 'Atlantic/Faroe'];

let zoneList: string[] | undefined;
/** Every IANA zone this runtime knows (Intl.supportedValuesOf), with UTC and the modern names. */
export function knownTimeZones(): string[] {
  zoneList ??= [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone'), ...MODERN_NAMES.filter(isValidTimeZone)])];
  return zoneList;
}

/** Zones offered first when nothing is typed yet. */
const COMMON = [
  'UTC', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles',
  'America/Sao_Paulo', 'Asia/Kolkata', 'Asia/Singapore', 'Asia/Tokyo', 'Australia/Sydney', 'Africa/Johannesburg',
];

/** Zone abbreviations people type, to the zone they usually mean: suggested, never accepted (they name an offset, not a place's rules). */
const ABBREVIATIONS: Record<string, string[]> = {
  est: ['America/New_York'], edt: ['America/New_York'], et: ['America/New_York'],
  cst: ['America/Chicago'], cdt: ['America/Chicago'], ct: ['America/Chicago'],
  mst: ['America/Denver', 'America/Phoenix'], mdt: ['America/Denver'],
  pst: ['America/Los_Angeles'], pdt: ['America/Los_Angeles'], pt: ['America/Los_Angeles'],
  gmt: ['Europe/London', 'UTC'], bst: ['Europe/London'], wet: ['Europe/Lisbon'],
  cet: ['Europe/Berlin', 'Europe/Paris'], cest: ['Europe/Berlin', 'Europe/Paris'], eet: ['Europe/Athens', 'Europe/Helsinki'],
  ist: ['Asia/Kolkata'], jst: ['Asia/Tokyo'], kst: ['Asia/Seoul'], sgt: ['Asia/Singapore'], hkt: ['Asia/Hong_Kong'],
  aest: ['Australia/Sydney', 'Australia/Brisbane'], aedt: ['Australia/Sydney'], nzst: ['Pacific/Auckland'], nzdt: ['Pacific/Auckland'],
};

const norm = (s: string) => s.toLowerCase().replace(/[\s_\-]+/g, ' ').trim();

/** The part after the last slash, readable: "America/New_York" → "new york". */
const cityOf = (zone: string) => norm(zone.slice(zone.lastIndexOf('/') + 1));

/**
 * IANA zones matching what was typed, best first: the same name or city ("london" →
 * Europe/London, "new york" → America/New_York), then a city starting so, then names containing
 * every typed word. Empty input: common zones (and `first` at the top).
 */
export function matchTimeZones(query: string, limit = 25, first?: string): string[] {
  const q = norm(query);
  if (!q) return [...new Set([...(first ? [first] : []), ...COMMON])].filter(isValidTimeZone).slice(0, limit);
  const words = q.split(/[\s/]+/).filter(Boolean);
  const scored: { zone: string; rank: number }[] = (ABBREVIATIONS[q] ?? []).filter(isValidTimeZone).map((zone) => ({ zone, rank: -1 }));
  for (const zone of knownTimeZones()) {
    const full = norm(zone);
    const city = cityOf(zone);
    let rank = -1;
    if (full === q || city === q) rank = 0;
    else if (city.startsWith(q) || full.startsWith(q)) rank = 1;
    // a fragment inside a name only for 3 letters or more ("est" would match Budapest)
    else if (q.length >= 3 && !ABBREVIATIONS[q] && words.every((w) => full.includes(w))) rank = 2;
    if (rank >= 0) scored.push({ zone, rank });
  }
  scored.sort((a, b) => a.rank - b.rank || (a.rank < 0 ? 0 : a.zone.length - b.zone.length || a.zone.localeCompare(b.zone)));
  return [...new Set(scored.map((s) => s.zone))].slice(0, limit);
}

/** The one zone a loose name stands for ("london" → Europe/London), or null when none or several do. */
export function uniqueTimeZone(query: string): string | null {
  const q = norm(query);
  const exact = knownTimeZones().filter((zone) => norm(zone) === q || cityOf(zone) === q);
  return exact.length === 1 ? exact[0]! : null;
}
