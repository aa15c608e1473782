import type { Article } from '../types.ts';
import { splitSentences, squeeze, words } from '../text.ts';

/** An article as a parser found it: raw text plus whatever metadata the format carried. */
export interface RawArticle {
  id: string;
  text: string;
  title?: string | null;
  url?: string | null;
  /** Raw metadata date (string, epoch number or Date); normalised by cleanArticle. */
  date?: unknown;
  source?: string | null;
  origin: string;
}

const MAX_TITLE_CHARS = 120;
/** How much of the text is read for a headline-like sentence when there is no title. */
const HEADLINE_SCAN_CHARS = 4000;

// ---------------------------------------------------------------- text normalisation

// zero-width characters, and bidi embeddings, overrides and isolates (which reorder the text shown around them)
const ZERO_WIDTH = /[\u200B\u200C\u200D\u2060\uFEFF\u00AD\u202A-\u202E\u2066-\u2069]/g;
// C0 controls except \t and \n, DEL and C1 controls
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** CRLF→LF, no zero-width, text-direction or control characters, no trailing spaces, at most one blank line in a row. */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(ZERO_WIDTH, '')
    .replace(CONTROL, '')
    .replace(/[ \t\u00A0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A one-line metadata value (title, source): white space squeezed, null when empty. */
export function metaString(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const s = squeeze(String(value).replace(ZERO_WIDTH, '').replace(CONTROL, ' '));
  return s ? s : null;
}

// ---------------------------------------------------------------- dates

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEP(?:T(?:EMBER)?)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)';
const ORD = '(?:st|nd|rd|th)?';
/** Month D, YYYY | D Month YYYY | YYYY-MM-DD — capitalised month names only, so "may 5" is not a date. */
const FULL_DATE = new RegExp(
  [
    `\\b${MONTH}\\.?\\s+(\\d{1,2})${ORD},?\\s+(\\d{4})\\b`,
    `\\b(\\d{1,2})${ORD}\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+(\\d{4})\\b`,
    `\\b(\\d{4})-(\\d{2})-(\\d{2})(?![\\d-])`,
  ].join('|'),
  'g',
);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validDay(y: number, m: number, d: number): string | null {
  if (!(y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1)) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days ? `${y}-${pad(m)}-${pad(d)}` : null;
}

function monthNumber(name: string): number {
  return MONTHS[name.slice(0, 3).toLowerCase()] ?? 0;
}

/** The first full date (day, month and year) in a text as `YYYY-MM-DD`, or null. */
export function findDateInText(text: string): string | null {
  for (const m of text.matchAll(FULL_DATE)) {
    const day = dayOf(m);
    if (day) return day;
  }
  return null;
}

/** The day a FULL_DATE match names, or null when it is no real day (February 30). */
function dayOf(m: RegExpMatchArray): string | null {
  if (m[1] !== undefined) return validDay(Number(m[3]), monthNumber(m[1]), Number(m[2]));
  if (m[4] !== undefined) return validDay(Number(m[6]), monthNumber(m[5] ?? ''), Number(m[4]));
  if (m[7] !== undefined) return validDay(Number(m[7]), Number(m[8]), Number(m[9]));
  return null;
}

/** Words before a date that make it a date the text looks ahead to, not when it was written. */
const FORWARD_DATE = /\b(?:deadline|by|until|till|before|due|expir\w*|target\w*|scheduled|planned|set for|from|to|next|after|ahead of|starting|begins?|ends?)\b[^.]*$/i;

/** How far into a text a dateline (a place, a label, a byline before the date) may start: the top of the article. */
export const DATELINE_CHARS = 300;
const WEEKDAY = /(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s*)$/i;
/** Words that announce a date: "Published: …", "Last updated on …", "Filed …". */
const DATE_LABEL = /(?:^|[\s|·•(])(?:(?:published|posted|updated|last\s+updated|last\s+modified|first\s+published|filed)(?:\s+(?:on|at))?\s*[:\-–—]?|date\s*:)\s*$/i;
/** A place before a dateline: "LONDON, ", "New York (Reuters), ", "Kirkby, Merseyside, ". */
const PLACE_WORDS = String.raw`[A-Z][\p{L}.'’-]*(?:\s+(?:[A-Z][\p{L}.'’-]*|de|del|la|le|of|upon|on|am)){0,3}`;
const DATELINE_PLACE = new RegExp(String.raw`^${PLACE_WORDS}(?:,\s*${PLACE_WORDS})?(?:\s*\([^()]{1,30}\))?,$`, 'u');
/** What may follow a dateline's date: nothing, a dash or colon, a time, a zone or an agency. */
const DATELINE_AFTER = /^\s*(?:$|[-–—:|·•/]|\(|,?\s*\d{1,2}[:.]\d{2}|(?:GMT|UTC|BST|[ECMP][SD]T)\b|T\d{2}:)/;

/**
 * An article's date from its text as `YYYY-MM-DD` (interface.md: "else the first full date in the
 * text"): a dateline near the top first, a full date that starts a line ("3 March 2005 — …"),
 * follows a label ("Published: …") or a byline ("By Jane Doe | …"), or follows a place and comes
 * before a dash ("LONDON, March 3, 2005 — …"), on a line starting within the first DATELINE_CHARS
 * characters; failing those, the first full date anywhere that the text does not look ahead to
 * ("the report is due on March 31, 2006" is a deadline, not when it was written). Null otherwise.
 */
export function findDateline(text: string): string | null {
  const head = text.slice(0, DATELINE_CHARS);
  let offset = 0;
  for (const line of head.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    if (!line.trim()) continue;
    const end = text.indexOf('\n', lineStart);
    const lineLength = (end === -1 ? text.length : end) - lineStart;
    // a date starting in the head is read whole, with a little of what follows it
    const full = text.slice(lineStart, Math.min(lineStart + lineLength, DATELINE_CHARS + 60));
    for (const m of full.matchAll(FULL_DATE)) {
      if (lineStart + m.index >= DATELINE_CHARS) break;
      const day = dayOf(m);
      if (!day) continue;
      const before = full.slice(0, m.index).replace(WEEKDAY, '').trim();
      const after = full.slice(m.index + m[0].length);
      if (before === '' && DATELINE_AFTER.test(after)) return day;
      if (DATE_LABEL.test(` ${before}`)) return day;
      if (/^by\s/i.test(before) && /[|·•,–—-]$/.test(before) && lineLength <= 160) return day;
      if (/[|·•]$/.test(before) && lineLength <= 160) return day;
      if (DATELINE_PLACE.test(before) && DATELINE_AFTER.test(after)) return day;
      if (!isForwardDate(full, m.index)) return day;
    }
  }
  // past the top: the first full date the text does not look ahead to
  for (const m of text.matchAll(FULL_DATE)) {
    if (m.index < DATELINE_CHARS) continue;
    const day = dayOf(m);
    if (day && !isForwardDate(text, m.index)) return day;
  }
  return null;
}

/** A date the words just before it look ahead to ("due on …", "a deadline of …"), within its sentence. */
function isForwardDate(text: string, at: number): boolean {
  return FORWARD_DATE.test(text.slice(Math.max(0, at - 40), at));
}

/** Paragraphs at the top where a dateline-only line is dropped. */
const DATELINE_PARAGRAPHS = 3;

/** A paragraph that is only a dateline ("Published: 3 March 2005, 10:32 GMT"): metadata, not text. */
function isDatelineOnly(paragraph: string): boolean {
  if (paragraph.includes('\n') || paragraph.length > 100 || !findDateline(paragraph)) return false;
  const rest = paragraph
    .replace(FULL_DATE, ' ')
    .replace(/\b(?:published|posted|updated|last\s+updated|last\s+modified|first\s+published|filed|date|on|at)\b/gi, ' ')
    .replace(/\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b/gi, ' ')
    .replace(/\b\d{1,2}[:.]\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:am|pm)?\b|\b(?:GMT|UTC|BST|[ECMP][SD]T|Z)\b|T\d{2}:\d{2}\S*/gi, ' ');
  return !/[\p{L}\p{N}]/u.test(rest);
}

function instant(ms: number): string | null {
  if (!Number.isFinite(ms)) return null;
  const d = new Date(ms);
  // beyond ±8.64e15 ms a Date is invalid (and toISOString throws)
  if (Number.isNaN(d.getTime())) return null;
  const y = d.getUTCFullYear();
  if (y < 1000 || y > 2999) return null;
  return d.toISOString().replace(/\.000Z$/, 'Z');
}

/**
 * A metadata date as ISO 8601: `YYYY-MM-DD` when only the day is known, else a UTC instant
 * (`2024-11-30T18:00:00Z`). Accepts ISO strings, RFC 822 (`Sat, 30 Nov 2024 18:00:00 GMT`),
 * "November 30, 2024", epoch seconds or milliseconds and Date objects. Null when unreadable.
 */
export function normalizeDate(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return instant(value.getTime());
  if (typeof value === 'number') return instant(value < 1e11 ? value * 1000 : value);
  if (typeof value !== 'string') return null;
  const s = squeeze(value);
  if (!s) return null;
  if (/^\d{9,13}$/.test(s)) return normalizeDate(Number(s));
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) ?? /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(s);
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(s);
  if (m) {
    if (!validDay(Number(m[1]), Number(m[2]), Number(m[3]))) return null;
    let zone = (m[8] ?? 'Z').toUpperCase();
    if (/^[+-]\d{2}$/.test(zone)) zone += ':00';
    else if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
    return instant(Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${m[7] ?? ''}${zone}`));
  }
  // Without a time of day only a full date will do ("November 2024" is not a day)
  if (!/\d{1,2}:\d{2}/.test(s)) return findDateInText(s);
  // Free-form (RFC 822 and the like): read a zone-less time as UTC, never the host's zone
  const zoned = /(?:\b(?:Z|GMT|UTC|UT|[ECMP][SD]T)|[+-]\d{2}:?\d{2})\s*$/i.test(s);
  return instant(zoned ? Date.parse(s) : Date.parse(`${s} UTC`));
}

// ---------------------------------------------------------------- captions and credits

const CREDIT_PAREN = /\(\s*(?:photo|image|picture|video|illustrative|illustration)?\s*(?:photo\s*)?credits?\s*:[^()]*\)/i;
const CREDIT_LINE =
  /^\s*[([]?\s*(?:photo(?:graph)?s?|images?|pictures?|pic|credits?|photo\s+credits?|image\s+credits?|picture\s+credits?|caption)\s*:\s*\S/i;
const AGENCY_CREDIT =
  /\b(?:Getty\s+Images\b|Shutterstock\b|Alamy\b|via\s+Getty\b|iStock(?:photo)?\b|Wikimedia\s+Commons\b|PA\s+(?:Media|Wire|Images)\b|EPA-EFE\b|Flash90\b|AP\s+Photo\s*\/|REUTERS\s*\/|Reuters\s*\/|AFP\s*\/|EPA\s*\/)/;

/** A line that is only a photo credit: short and naming a picture agency. */
function isCreditOnlyLine(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > 120) return false;
  if (!AGENCY_CREDIT.test(t)) return false;
  // Credit lines are short and do not read as a sentence
  return words(t).length <= 10 && !/[.!?]["”’]?$/.test(t.replace(/\b[A-Z]\.$/, ''));
}

function isCreditLine(line: string): boolean {
  return CREDIT_PAREN.test(line) || CREDIT_LINE.test(line) || isCreditOnlyLine(line);
}

/**
 * Drops caption and credit paragraphs. A short block (a caption and its credit line) goes
 * whole; in a long block only the credit line (and a caption line just before a bare credit) goes.
 */
function dropCaptions(paragraphs: string[]): string[] {
  const out: string[] = [];
  for (const par of paragraphs) {
    const lines = par.split('\n');
    const hits = lines.map(isCreditLine);
    if (!hits.some(Boolean)) {
      out.push(par);
      continue;
    }
    if (lines.length <= 4) continue;
    const keep = lines.filter((line, i) => {
      if (hits[i]) return false;
      const next = lines[i + 1];
      // a caption line directly above a bare "(photo credit: …)" line
      return !(next !== undefined && hits[i + 1] && /^\s*[([]/.test(next));
    });
    const rest = keep.join('\n').trim();
    if (rest) out.push(rest);
  }
  return out;
}

// ---------------------------------------------------------------- source lines

const AGENCIES: Record<string, string> = {
  reuters: 'Reuters',
  ap: 'Associated Press',
  'associated press': 'Associated Press',
  afp: 'AFP',
  'agence france-presse': 'AFP',
  bloomberg: 'Bloomberg',
  upi: 'UPI',
  dpa: 'dpa',
  'press association': 'Press Association',
  pa: 'Press Association',
  cnn: 'CNN',
  bbc: 'BBC',
};

function trimSourceName(name: string): string | null {
  const s = squeeze(name.replace(/^["“'‘]|["”'’]$/g, '').replace(/[.;,]+$/, ''));
  if (!s || s.length > 80 || words(s).length > 8) return null;
  return AGENCIES[s.toLowerCase()] ?? s;
}

/** Reads a publisher line ("As reported by The Jerusalem Post", "(Reuters)", "Source: X"). */
export function sourceFromLine(line: string): string | null {
  const t = squeeze(line);
  if (!t || t.length > 120) return null;
  let m =
    /^(?:as\s+(?:first\s+)?reported\s+(?:by|in)|originally\s+(?:published|reported|appeared)\s+(?:by|in|on)|this\s+(?:article|story)\s+(?:was\s+)?(?:originally\s+|first\s+)?(?:published|appeared)\s+(?:by|in|on)|first\s+published\s+(?:by|in|on)|published\s+by)\s*:?\s+(.+)$/i.exec(
      t,
    ) ?? /^sources?\s*:\s*(.+)$/i.exec(t);
  if (m?.[1]) return trimSourceName(m[1]);
  m = /^(?:additional\s+)?reporting\s+by\s+(.+)$/i.exec(t);
  if (m?.[1]) {
    // "Reporting by Jane Doe; Editing by …" is the Reuters signature; an agency name wins
    const agency = /\b(Reuters|Associated Press|AP|AFP|Bloomberg|UPI|dpa)\b/.exec(m[1]);
    return agency?.[1] ? (AGENCIES[agency[1].toLowerCase()] ?? agency[1]) : 'Reuters';
  }
  // "(Reuters)", "— Associated Press": a short capitalised name alone on the line
  m = /^\(\s*([A-Z][\w&.' -]{1,40}?)\s*\)\.?$/.exec(t) ?? /^(?:—|–|--)\s*([A-Z][\w&.' -]{1,60}?)\s*$/.exec(t);
  if (m?.[1] && words(m[1]).length <= 5) return trimSourceName(m[1]);
  return null;
}

/** Removes trailing publisher lines; returns the publisher named by the last one removed. */
function dropSourceLines(paragraphs: string[]): string | null {
  let found: string | null = null;
  for (let guard = 0; guard < 3 && paragraphs.length > 0; guard++) {
    const last = paragraphs[paragraphs.length - 1]!;
    const lines = last.split('\n');
    // never remove the only line left
    if (paragraphs.length === 1 && lines.length === 1) break;
    const tail = lines[lines.length - 1]!;
    const source = sourceFromLine(tail);
    if (!source) break;
    found ??= source;
    if (lines.length === 1) paragraphs.pop();
    else paragraphs[paragraphs.length - 1] = lines.slice(0, -1).join('\n').trimEnd();
  }
  return found;
}

// ---------------------------------------------------------------- titles

function readsAsHeadline(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > 200) return false;
  if (/[.:,;]$/.test(t)) return false;
  const n = words(t).length;
  return n >= 1 && n <= 20;
}

/** Cuts a sentence at a word boundary to at most `max` characters, with "…" when cut. */
export function cutTitle(text: string, max = MAX_TITLE_CHARS): string {
  const s = squeeze(text);
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  const head = (space > max / 3 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '');
  return `${head}…`;
}

/** A headline-like sentence of the body: the first with at least 5 words. */
function headlineSentence(text: string): string | null {
  const sentences = splitSentences(text);
  const chosen = sentences.find((s) => words(s.text).length >= 5) ?? sentences[0];
  if (!chosen) return null;
  const t = chosen.text.replace(/\.$/, '').trim();
  return t ? cutTitle(t) : null;
}

function sameTitle(a: string, b: string): boolean {
  return words(a).join(' ') === words(b).join(' ');
}

// ---------------------------------------------------------------- the whole pass

/**
 * Cleans a raw article: normalises the text, drops captions and credits, takes the
 * publisher from a trailing line, dates it (metadata, else a dateline at the top of the raw
 * text, else null) and titles it. Null when no text is left.
 */
export function cleanArticle(raw: RawArticle): Article | null {
  const normalized = normalizeText(raw.text);
  const date = normalizeDate(raw.date) ?? findDateline(normalized);

  let paragraphs = normalized
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  // a dateline alone on a line at the top (above or below a title line) is metadata, and no title
  const datelines = paragraphs.slice(0, DATELINE_PARAGRAPHS).filter(isDatelineOnly);
  if (datelines.length && datelines.length < paragraphs.length) paragraphs = paragraphs.filter((p) => !datelines.includes(p));
  paragraphs = dropCaptions(paragraphs);
  const lineSource = dropSourceLines(paragraphs);
  const source = metaString(raw.source) ?? lineSource;

  let title = metaString(raw.title);
  const first = paragraphs[0];
  if (title) {
    // The body often repeats the title as its first line
    if (first !== undefined && paragraphs.length > 1 && !first.includes('\n') && sameTitle(first, title)) {
      paragraphs.shift();
    }
  } else if (first !== undefined && paragraphs.length > 1 && !first.includes('\n') && readsAsHeadline(first)) {
    title = squeeze(first);
    paragraphs.shift();
  }

  const text = normalizeText(paragraphs.join('\n\n'));
  if (!text) return null;
  // the first sentences are enough to find a headline; a huge text is never split whole here
  title ??= headlineSentence(text.slice(0, HEADLINE_SCAN_CHARS)) ?? cutTitle(raw.id);

  return {
    id: raw.id,
    title,
    text,
    url: metaString(raw.url),
    date,
    source,
    origin: raw.origin,
  };
}
