// Digest schedules asked for in words ("subscribe me to a daily digest at 9am", "stop the digest"), read into the digest command.
import { clockText, readTime, uniqueTimeZone } from '../schedule/time-input.ts';

export type ScheduleAction = 'subscribe' | 'unsubscribe' | 'status' | 'list';

/** A digest schedule request read from words: the digest action and its `key:value` arguments. */
export interface ScheduleWords {
  action: ScheduleAction;
  /** `time:09:00 days:weekdays topic:oil` as the command takes them; '' when none were said. */
  args: string;
  /** subscribe: no time was said, or only a bare hour ("at 9"): the command is shown, not run. */
  missingTime?: boolean;
  /** subscribe: the bare hour said, when it could be morning or evening. */
  ambiguousHour?: number;
}

const DIGEST_NOUN = '(?:news )?(?:digests?|briefings?|briefs?|news|headlines|updates|summar(?:y|ies)|top stories)';
const SCHEDULE_ADJ = '(?:(?<adj>daily|weekly|morning|evening|weekday|weekend|regular|scheduled|automatic)\\s+)?';
const DETERMINER = '(?:(?:a|an|the|my|our|this|these|this channel\'s)\\s+)?';
const TO_WHOM = '(?:\\s+(?:me|us|this channel|the channel|here|everyone))?';

const SUBSCRIBE = [
  // "subscribe me to the daily digest at 9am", "sign us up for a digest", "subscribe"
  new RegExp(`^(?:subscribe${TO_WHOM}|sign${TO_WHOM}\\s+up)(?:\\s+(?:to|for)\\s+${DETERMINER}${SCHEDULE_ADJ}${DIGEST_NOUN})?(?<rest>.*)$`),
  // "set up a daily digest", "schedule a digest for 8:30 on weekdays", "turn on the morning briefing"
  new RegExp(`^(?:set up|setup|schedule|start|create|turn on|enable|add)${TO_WHOM}\\s+${DETERMINER}${SCHEDULE_ADJ}(?:news )?(?:digests?|briefings?|daily briefs?)(?<rest>.*)$`),
  // "send me the digest every morning at 8", "post a briefing here daily": a send with a schedule word after it
  // "daily digest at 7:30am weekdays", "a digest every monday at 9": the schedule said without a verb
  new RegExp(`^${DETERMINER}${SCHEDULE_ADJ}(?:news )?(?:digests?|briefings?)(?<rest>\\s+(?:every|each|daily|weekly|on weekdays|on weekends|at|@)\\b.*)$`),
  new RegExp(`^(?:send|post|give|deliver|drop)${TO_WHOM}\\s+${DETERMINER}${SCHEDULE_ADJ}${DIGEST_NOUN}${TO_WHOM}(?<rest>\\s+(?:every|each|daily|weekly|on weekdays|on weekends|at|in the morning)\\b.*)$`),
];
const UNSUBSCRIBE = [
  /^(?:unsubscribe|unsub)(?:\s+(?:me|us|this channel|here))?(?:\s+from\s+.*)?$/,
  new RegExp(`^(?:stop|cancel|end|turn off|disable|remove|delete|kill)\\s+${DETERMINER}${SCHEDULE_ADJ}(?:digests?|briefings?|daily briefs?|subscriptions?)(?:\\s+(?:here|please|in this channel|for (?:me|us|this channel)))?$`),
  new RegExp(`^(?:stop|quit|no more)\\s+(?:sending|posting|delivering)${TO_WHOM}\\s+${DETERMINER}${SCHEDULE_ADJ}${DIGEST_NOUN}(?:\\s+here)?$`),
  /^no more (?:daily |weekly )?digests?(?: please| here)?$/,
];
const STATUS =
  /^(?:digest status|(?:the )?status of (?:the |my |our )?digest|(?:what is|whats|show(?: me)?|check) (?:the |my |our )?digest (?:status|schedule)|when(?: is| does| will)? (?:the |my |our )?(?:next )?digest(?: come| arrive| run| go out| get sent| due)?|is (?:the |my |our |there a )?digest (?:on|set up|scheduled|running|active|subscribed)|(?:am i|are we|is this channel|is this server) (?:still )?subscribed(?: to (?:the |a |any |your )?(?:daily )?digests?)?|do (?:i|we) have a digest(?: here)?)$/;
const LIST = /^(?:(?:list|show)(?: me)? )?(?:all |every )?(?:the |my |our )?(?:digest )?subscriptions(?: here)?$|^(?:list|show)(?: me)? (?:all |every )(?:the )?digests$/;

const DAYS: [RegExp, string][] = [
  [/\b(?:weekdays?|on weekdays|every weekday|work ?days|monday to friday|mon-fri|mon to fri)\b/, 'weekdays'],
  [/\b(?:weekends?|on weekends|saturdays? and sundays?)\b/, 'weekends'],
  [/\b(?:daily|every day|everyday|each day|every morning|every evening|each morning|every night)\b/, 'daily'],
];
const DAY_NAME = /\b(?:every |on |each )?(mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?s?\b/g;
const TIME_WORD = /\b(?:at|for|around|@)\s+(\d{1,2}(?:[:.h]\d{2})?\s*(?:[ap]\.?m\.?)?|noon|midday|midnight)(?![\w:])|\b(\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\.?|\d{1,2}[:.]\d{2}|noon|midnight)(?![\w:])/;
const ZONE_WORD = /\b(?:in |,\s*)?([a-z]+(?: [a-z]+)?) time\b|\b(utc|gmt)\b/;
/** "subscribe to oil news", "a digest for chelsea news": the words before the digest noun. */
const TOPIC_BEFORE_NOUN = new RegExp(`^\\s*(?:to|for)\\s+(?:the\\s+|a\\s+)?(?:daily\\s+|weekly\\s+)?(.+?)\\s+${DIGEST_NOUN}\\b`);
const TOPIC_WORD = /\b(?:on|about|covering|re|regarding)\s+(.+?)(?=\s+(?:every|each|daily|weekly|at|on weekdays|on weekends|in the morning)\b|$)/g;

/** The digest arguments said in words: a time, days, a zone, a topic. */
function readArgs(rest: string): Omit<ScheduleWords, 'action'> {
  const args: string[] = [];
  let missingTime = true;
  let ambiguousHour: number | undefined;
  const t = TIME_WORD.exec(rest);
  const spoken = t?.[1] ?? t?.[2];
  if (spoken) {
    const reading = readTime(spoken);
    // "in the evening" / "tonight" settle a bare hour
    const pm = /\b(?:evening|night|tonight|afternoon)\b/.test(rest);
    if (reading.kind === 'time') {
      args.push(`time:${clockText(reading.time)}`);
      missingTime = false;
    } else if (reading.kind === 'ambiguous') {
      const hour = pm ? (reading.hour % 12) + 12 : reading.hour % 12;
      args.push(`time:${clockText({ hour, minute: 0 })}`);
      if (/\b(?:morning|evening|night|tonight|afternoon)\b/.test(rest)) missingTime = false;
      else ambiguousHour = reading.hour;
    }
  }
  const zone = ZONE_WORD.exec(rest);
  const zoneName = zone ? (zone[2] ? 'UTC' : uniqueTimeZone(zone[1]!) ?? uniqueTimeZone(zone[1]!.split(' ').pop()!)) : null;
  if (zoneName) args.push(`timezone:${zoneName}`);
  const dayRule = DAYS.find(([re]) => re.test(rest));
  const named = [...rest.matchAll(DAY_NAME)].map((m) => m[1]!);
  if (dayRule) args.push(`days:${dayRule[1]}`);
  else if (named.length) args.push(`days:${[...new Set(named)].join(',')}`);
  // the topic is what is left once the time and day words are gone
  const plain = DAYS.reduce((r, [re]) => r.replace(re, ' '), rest.replace(TIME_WORD, ' ')).replace(DAY_NAME, ' ').replace(/\s+/g, ' ');
  const topic = [...plain.matchAll(TOPIC_WORD)].map((m) => m[1]!.replace(/\b(?:please|thanks|pls)\b/g, '').trim()).find(Boolean) ?? TOPIC_BEFORE_NOUN.exec(plain)?.[1];
  if (topic) args.push(`topic:${topic}`);
  return { args: args.join(' '), ...(missingTime ? { missingTime } : {}), ...(ambiguousHour !== undefined ? { ambiguousHour } : {}) };
}

/** The digest command typed without its slash: "digest subscribe time:08:00 days:weekdays", "digest list". */
const COMMAND_TYPED = /^digest\s+(subscribe|unsubscribe|status|list)(?:\s+(.+))?$/;
/** The command's own `key:value` arguments, taken as typed. */
const KEYED_ARG = /\b(?:time|timezone|days|topic):/;

/** Reads normalized words as a digest schedule request; null when they are none. */
export function readScheduleWords(t: string): ScheduleWords | null {
  const typed = COMMAND_TYPED.exec(t);
  if (typed) {
    const action = typed[1] as ScheduleAction;
    const rest = typed[2] ?? '';
    if (action !== 'subscribe') return rest ? null : { action, args: '' };
    return { action, ...(KEYED_ARG.test(rest) ? { args: rest, ...(/\btime:/.test(rest) ? {} : { missingTime: true }) } : readArgs(rest)) };
  }
  if (STATUS.test(t)) return { action: 'status', args: '' };
  if (LIST.test(t)) return { action: 'list', args: '' };
  if (UNSUBSCRIBE.some((re) => re.test(t))) return { action: 'unsubscribe', args: '' };
  for (const re of SUBSCRIBE) {
    const m = re.exec(t);
    // "a daily digest", "the weekday briefing": the adjective says the days
    const adj = m?.groups?.['adj'];
    const days = adj === 'daily' ? ' daily' : adj === 'weekday' ? ' weekdays' : adj === 'weekend' ? ' weekends' : '';
    if (m) return { action: 'subscribe', ...readArgs(`${m.groups?.['rest'] ?? ''}${days}`) };
  }
  return null;
}
