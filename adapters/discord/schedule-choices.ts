import { clockText, matchTimeZones, readTime } from '../../src/schedule/time-input.ts';
import { parseDays } from '../../src/schedule/subscription.ts';
import { MAX_CHOICES, type ArticleChoice } from './article-choices.ts';

const choice = (name: string, value = name): ArticleChoice => ({ name: name.slice(0, 100), value: value.slice(0, 100) });

/** `timezone:` suggestions: IANA names matching what was typed loosely ("london" → Europe/London). */
export function timezoneChoices(typed: string, defaultZone: string): ArticleChoice[] {
  return matchTimeZones(typed, MAX_CHOICES, defaultZone).map((zone) => choice(zone));
}

/** `time:` suggestions: what was typed read as a time ("9am" → 09:00), both readings of a bare hour, else common times. */
export function timeChoices(typed: string): ArticleChoice[] {
  const reading = readTime(typed);
  if (reading.kind === 'time') return [choice(clockText(reading.time))];
  if (reading.kind === 'ambiguous') {
    const h = reading.hour % 12;
    return [choice(`${clockText({ hour: h, minute: 0 })} (${reading.hour} am)`, clockText({ hour: h, minute: 0 })), choice(`${clockText({ hour: h + 12, minute: 0 })} (${reading.hour} pm)`, clockText({ hour: h + 12, minute: 0 }))];
  }
  const common = ['07:00', '08:00', '08:30', '09:00', '12:00', '17:00', '18:00'];
  const prefix = typed.trim();
  const shown = common.filter((t) => t.startsWith(prefix));
  return (shown.length ? shown : common).map((t) => choice(t));
}

/** Every `days:` value the parser accepts, described. */
const DAY_CHOICES: ArticleChoice[] = [
  choice('daily: every day', 'daily'),
  choice('weekdays: Monday to Friday', 'weekdays'),
  choice('weekends: Saturday and Sunday', 'weekends'),
  choice('mon,wed,fri: day names, comma-separated', 'mon,wed,fri'),
];

/** `days:` suggestions: the named sets, or the typed day list itself when it parses. */
export function daysChoices(typed: string): ArticleChoice[] {
  const t = typed.replace(/\s+/g, '').toLowerCase();
  if (!t) return DAY_CHOICES;
  const matching = DAY_CHOICES.filter((c) => c.value.startsWith(t));
  if (matching.length) return matching;
  return parseDays(t).ok ? [choice(t)] : DAY_CHOICES;
}
