// Candidate generation: the spans of a sentence that could answer a question.
import { tagWords } from './pos-tags.ts';
import { classifyQuestion, organizationAsked, questionStems, type QuestionType } from './question-analysis.ts';
import { placeLikeness } from './name-likeness.ts';
import { isQuantityOf, isTimeOf, MULTIPLIED_WORDS, OCCASIONS, quantityAsked, RATIO_IN_TEXT, SETS_IN_TEXT, TIME_SPANS, timeUnitAsked, WEEKDAY_NAME as WEEKDAY } from './answer-units.ts';
import { STOP_WORDS, stem, words } from './text.ts';
import { expandShorthand } from './term-variants.ts';
import { isEnglishWord } from './english-words.ts';

/** A candidate's kind: the question type it answers, a list, a clause / verb phrase, or what a parenthesis says. */
type CandidateKind = QuestionType | 'list' | 'clause' | 'paren';

export const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const DATE_PATTERNS = [
  new RegExp(`\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`, 'g'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\s+\\d{4}\\b`, 'g'),
  new RegExp(`\\b${MONTH}\\s+\\d{4}\\b`, 'g'),
  new RegExp(`\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`, 'g'),
  // a British date without its year: "on 17 March"
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?!\\s+\\d{4})(?!\\w)`, 'g'),
  /\b(?:(?:1[0-9]|20)\d{2}s?\s*(?:[–-]|to)\s*(?:(?:1[0-9]|20)?\d{2})|\d{4}s|(?:1[0-9]|20)\d{2}(?!\s*(?:GMT|BST|UTC|CET|EST|PST)\b)|\d{3,4}\s*(?:AD|BC|BCE|CE))\b/g,
  /\b\d{1,2}(?:st|nd|rd|th)[\s-]+century\b/gi,
  /\b(?:early|mid|late)[\s-]+(?:\d{1,2}(?:st|nd|rd|th)[\s-]+century|\d{4}s)\b/gi,
  /\bbetween\s+(?:1[0-9]|20)\d{2}s?\s+and\s+(?:1[0-9]|20)\d{2}s?\b/g,
  new RegExp(`\\b(?:on\\s+)?${WEEKDAY}(?:\\s+(?:morning|afternoon|evening|night))?\\b`, 'g'),
  /\b(?:yesterday|today|tomorrow|last (?:week|month|year)|next (?:week|month|year))\b/gi,
  // "between June and September", "in June", "last March": a month without its day or year
  new RegExp(`\\bbetween\\s+${MONTH}\\s+and\\s+${MONTH}(?!\\s+\\d)`, 'g'),
  // (the words before it in either case, "In June, …"; the month capitalised, so "may" the verb is none; not after "by" or "from": "backed by May")
  new RegExp(`(?<=\\b(?:[Ii]n|[Ll]ast|[Nn]ext|[Tt]his|[Ss]ince|[Uu]ntil|[Ee]arly|[Ll]ate|[Mm]id|of)[\\s-]+)${MONTH}(?![\\s.]*\\d)(?!\\w)`, 'g'),
  // "two years ago", "a few weeks ago"
  /\b(?:\d+|a|an|a few|several|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)\s+(?:years?|months?|weeks?|days?|decades?|centuries)\s+ago\b/gi,
  // "in the spring", "last summer", "during the winter of 2003"
  /\b(?:(?:in|during|last|next|this|early|late)\s+(?:the\s+)?)(?:spring|summer|autumn|winter)(?:\s+of\s+\d{4})?\b/gi,
];
export const YEAR_RANGE = /\b(?:from\s+)?(?:1[0-9]|20)\d{2}\s*(?:[–-]|to|until|and)\s*(?:(?:1[0-9]|20)\d{2}|\d{2})\b/g;
/** How a people's or a country's adjective ends ("Russian", "Japanese", "British", "Iraqi"). */
export const DEMONYM_ENDING = /(?:an|ese|ish|i)$/;
/** Units a number word is hyphen-joined to as an adjective ("a *three-day* closure", "a *two-goal* striker", "a *five-year* ban"). */
const HYPHEN_UNITS = 'year|month|week|day|hour|minute|second|decade|night|season|game|match|point|goal|page|metre|meter|mile|yard|foot|inch|seat|stroke|shot|wicket|set|leg|lap|stage|episode|member|storey|bedroom|star|track|vote';
const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozens?|hundreds|thousands|millions|half|quarter|third';
// (a number word hyphen-joined to a word before it counts nothing: "no-one")
const NUMBER_PATTERN = new RegExp(
  `(?:\\b(?:about|around|nearly|almost|over|under|more than|less than|greater than|approximately|roughly|some|up to|at least)\\s+)?(?:(?:US|A|C|AU|NZ|HK)?[$£€¥]\\s?)?\\b\\d(?:[\\d,.]*\\d)?(?:\\s?[–-]\\s?\\d(?:[\\d,.]*\\d)?)?(?:(?:m|bn|mn|tn|k)\\b)?(?:\\s?(?:%|percent|per cent))?(?:\\s+(?:million|billion|trillion|thousand|hundred))?(?:\\s?(?:[kMGT]Hz|[kMGT]bps|[kMGT]b\\/s|mph|km\\/h)\\b)?(?:\\s+[a-z]+){0,2}|(?:\\b(?:about|around|nearly|almost|over|under|more than|less than|approximately|roughly|some|up to|at least)\\s+)?(?<![A-Za-z]-)\\b(?:${NUMBER_WORDS})(?:[\\s-]+(?:${NUMBER_WORDS}))*\\b(?:-(?:${HYPHEN_UNITS})\\b)?(?!-)(?:\\s+[a-z]+){0,2}`,
  'gi',
);
/** A change told as a multiple in a sentence ("profits tripled"). */
const MULTIPLIED_IN_TEXT = new RegExp(`\\b(?:${MULTIPLIED_WORDS})\\b`, 'gi');
/** A length of time without a number ("several months", "a few weeks", "many years"). */
const VAGUE_SPAN = new RegExp(`\\b(?:several|a few|a couple of|many)\\s+(?:${TIME_SPANS})\\b|\\b(?:(?:about|around|nearly|almost|over|more than|less than|at least)\\s+)?(?:half\\s+)?an?\\s+(?:decade|century|fortnight)\\b`, 'gi');
const NUMBER_ATOM = `(?:[$£€¥]\\s?)?(?:\\d[\\d,.]*|(?:${NUMBER_WORDS})(?:[\\s-]+(?:${NUMBER_WORDS}))*)`;
const NUMBER_RANGE = new RegExp(`\\b${NUMBER_ATOM}\\s+(?:to|or|and)\\s+${NUMBER_ATOM}(?:(?:m|bn|k)\\b)?(?:\\s?(?:%|percent|per cent))?(?:\\s+(?:million|billion|trillion|thousand|hundred))?(?:\\s+[a-z]+)?`, 'gi');
// an Arabic article glued to a name word ("Hayat Tahrir *al-Sham*") continues the name
const NAME_PATTERN = /(?<![\p{L}\d])(?:\p{Lu}[\p{L}'’-]*[\p{L}]|\p{Lu}\.|\p{Lu})(?:\s+(?:(?:of|the|de|da|du|la|le|van|von|der|al|bin|and|for|y)\s+)*(?:(?:al|el|ad|as|ash|an|ar|at|az)-\p{Lu}[\p{L}'’-]*[\p{L}]|\p{Lu}[\p{L}'’-]*[\p{L}\d]|\p{Lu}\.|\p{Lu}(?![\p{L}'’])|\d+(?:st|nd|rd|th)?(?![\p{L}\d]|[-–]\d)))*/gu;

/** A weekday opening a run of capitalised words that is not a paper's or an event's name ("Tuesday Foreign Secretary …"). */
const DAY_BEFORE_NAME = new RegExp(`^${WEEKDAY}\\s+(?!(?:Times|Telegraph|Mirror|Express|People|Post|Herald|Mail|Sport|Independent|Observer|Tribune|Business|World|Night|Bloody|Age|Star|Sun|Record|Review|League|School)\\b)(?=\\p{Lu})`, 'u');

/** "February 1804", "21 February 1804": a date the name pattern reads as a name, not a person or a place. */
const DATE_NAME = new RegExp(`^(?:(?:${MONTH}|${WEEKDAY})\\s+\\d|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?!\\w))`);
/** Capitalised words that are not the names of people or places. */
export const NOT_NAMES = new RegExp(
  `^(?:${WEEKDAY}|${MONTH}|The|A|An|In|On|At|It|He|She|They|We|I|This|That|These|Those|But|And|However|According|His|Her|Its|Their|Our|After|Before|During|When|While|If|As|Although|Because|Since|By|For|From|With|Some|Many|Most|Other|Several|Both|Each|There|Then|Also|Although|Despite|Following|Under|Over|Between|Among|Within|Today|Yesterday|Even|Still|Yet|Only|Just|Perhaps|Indeed|Instead|Meanwhile|Nevertheless|Nonetheless|Moreover|Furthermore|Likewise|Similarly|Otherwise|Ultimately|Eventually|Finally|Initially|Overall|Earlier|Later|Here|Such|Every|Any|Not|Nor|(?:I|You|He|She|It|We|They)['’](?:d|ll|s|m|re|ve))$`,
);

export interface Candidate {
  text: string;
  start: number;
  kind: CandidateKind;
  /** A name with a possessive and what it owns ("X's Palace"). */
  possessive?: boolean;
}

export function collect(sentence: string, pattern: RegExp, kind: QuestionType, out: Candidate[]): void {
  for (const m of sentence.matchAll(pattern)) {
    out.push({ text: m[0].trim(), start: m.index + (m[0].length - m[0].trimStart().length), kind });
  }
}

/** Units of measure a number keeps after it ("382 kg", "340 miles"); other nouns are left out. */
const UNITS =
  /^(?:miles?|mi|km|kilomet(?:er|re)s?|met(?:er|re)s?|m|cm|mm|feet|foot|ft|inch(?:es)?|yards?|kg|kilograms?|grams?|g|lb|pounds?|tons?|tonnes?|ounces?|years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|century|percent|degrees?|acres?|hectares?|ha|square|sq|cubic|mph|km\/h|kph|knots?|[kmgt]hz|[kmgt]bps|(?:kilo|mega|giga|tera)?(?:bits?|bytes?)|times|fold|dollars?|euros?|cents?|points?|votes?|seats?)$/i;

/** Number candidates keep at most the unit word after the number, not a whole clause. */
function trimNumber(text: string): string {
  const unit = /^(?:(?:about|around|nearly|almost|over|under|more than|less than|approximately|roughly|some|up to|at least)\s+)?(?:(?:US|A|C|AU|NZ|HK)?[$£€¥]\s?)?[\d,.]+(?:\s?[–-]\s?\d[\d,.]*)?(?:(?:m|bn|mn|tn|k)\b)?(?:\s?(?:%|percent|per cent))?(?:\s+(?:million|billion|trillion|thousand|hundred))?/i.exec(text);
  if (unit) {
    const rest = text.slice(unit[0].length);
    // keep a following unit of measure ("382 kg"), not the counted noun the question names
    const next = /^\s?([a-z][a-z-]*)/i.exec(rest);
    const tail = next && UNITS.test(next[1]!) ? next[0] : '';
    return (unit[0] + tail).replace(/[.,]$/, '');
  }
  const w = new RegExp(`^((?:(?:about|around|nearly|almost|over|under|more than|less than|approximately|roughly|some|up to|at least)\\s+)?[a-z]+(?:[\\s-]+(?:one|two|three|four|five|six|seven|eight|nine|hundred|thousand|million|billion))*(?:-(?:${HYPHEN_UNITS})\\b)?)(\\s+[a-z][a-z-]*)?`, 'i').exec(text);
  if (!w) return text;
  const next = w[2]?.trim();
  return next && UNITS.test(next) ? `${w[1]} ${next}` : w[1]!;
}

export const CLAUSE_BREAKS = new Set(
  'is are was were be been being has have had do does did will would can could should may might must which that who whom whose when where while because although though since after before during until if as by with from into onto upon than then and or but for to in on at of also not its their his her it they he she we thus hence therefore however instead respectively'.split(
    ' ',
  ),
);
/** Words that may sit inside a capitalised name ("Bank of England"). */
const NAME_GLUE = new Set(['of', 'the', 'and', 'de', 'da', 'du', 'la', 'le', 'van', 'von', 'der', 'for', 'y', '&']);

export interface Token {
  text: string;
  start: number;
  end: number;
  lower: string;
  isWord: boolean;
  isCap: boolean;
  /** All of the token's words are question words (or stop words around one). */
  inQuestion: boolean;
  /** Part of the question's focus noun ("which *company*"), allowed inside an answer. */
  isFocus: boolean;
  /** Stems of the token's words. */
  stems: string[];
  /** The first of its stems that is a question word (not a stop word), or null. */
  questionStem: string | null;
  /** Part of speech of the token's last word (its head), '' when untagged. */
  pos: string;
}

export function tokenize(sentence: string, qStems: ReadonlySet<string>, focus: ReadonlySet<string>): Token[] {
  const out: Token[] = [];
  const tags = tagWords(sentence);
  let tag = 0;
  for (const m of sentence.matchAll(/[\p{L}\p{N}]+(?:['’.,\-–/][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu)) {
    const text = m[0];
    const lower = text.toLowerCase();
    const parts = words(text);
    const isWord = parts.length > 0;
    const stems = parts.map(stem);
    const inQuestion = isWord && stems.some((s) => qStems.has(s)) && parts.every((p, i) => STOP_WORDS.has(p) || qStems.has(stems[i]!));
    const qi = parts.findIndex((p, i) => !STOP_WORDS.has(p) && qStems.has(stems[i]!));
    const end = m.index + text.length;
    let pos = '';
    while (tag < tags.length && tags[tag]!.start < end) {
      if (tags[tag]!.end > m.index) pos = tags[tag]!.pos;
      tag++;
    }
    out.push({
      pos,
      stems,
      questionStem: qi >= 0 ? stems[qi]! : null,
      text,
      start: m.index,
      end: m.index + text.length,
      lower,
      isWord,
      isCap: /^\p{Lu}/u.test(text),
      inQuestion,
      isFocus: isWord && stems.every((s) => focus.has(s)),
    });
  }
  return out;
}

/**
 * Crude noun phrases: runs of tokens between punctuation and function words, split again
 * at question words (which an answer rarely repeats).
 */
export function phraseCandidates(sentence: string, tokens: readonly Token[], out: Candidate[]): void {
  const chunks: [number, number][] = [];
  let runStart = -1;
  const flush = (end: number) => {
    if (runStart < 0) return;
    // drop leading / trailing stop words
    let a = runStart;
    let b = end;
    while (a < b && (STOP_WORDS.has(tokens[a]!.lower) || QUANTIFIERS.has(tokens[a]!.lower) || !tokens[a]!.isWord) && tokens[a]!.text !== '$') a++;
    while (b > a && (STOP_WORDS.has(tokens[b - 1]!.lower) || !tokens[b - 1]!.isWord) && tokens[b - 1]!.text !== '%') b--;
    if (b > a) chunks.push([a, b]);
    runStart = -1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const glue = NAME_GLUE.has(t.lower) && !t.isCap && prev?.isCap && next?.isCap;
    const breaks =
      (!t.isWord && !/^[$%&'’-]$/.test(t.text)) || (CLAUSE_BREAKS.has(t.lower) && !glue) || (t.inQuestion && !t.isFocus) || verbLike(t, prev, next) ||
      // "named the unit of flux density | the tesla": a determiner after a noun opens another phrase
      (DETERMINERS.has(t.lower) && !!prev && prev.isWord && !STOP_WORDS.has(prev.lower) && NOUN_SUFFIX.test(prev.lower));
    if (breaks) flush(i);
    else if (runStart < 0) runStart = i;
  }
  flush(tokens.length);
  const push = (a: number, b: number) => {
    const first = tokens[a]!;
    const last = tokens[b - 1]!;
    out.push({ text: sentence.slice(first.start, last.end), start: first.start, kind: 'what' });
  };
  chunks.forEach(([a, b], k) => {
    push(a, b);
    // "analysis *of* algorithms", "NBC Blue *and* NBC Red": two phrases joined by one linking word
    const nextChunk = chunks[k + 1];
    if (nextChunk) {
      const between = tokens.slice(b, nextChunk[0]);
      if (between.length >= 1 && between.length <= 2 && between.every((t) => /^(of|and|or|the|a|an)$/.test(t.lower)) && /^(of|and|or)$/.test(between[0]!.lower)) {
        if (nextChunk[1] - a <= 8) push(a, nextChunk[1]);
        // "analysis *of* algorithms *and* computability theory": a third phrase joined the same way
        const third = chunks[k + 2];
        const link = third ? tokens.slice(nextChunk[1], third[0]) : [];
        if (third && link.length === 1 && /^(of|and|or)$/.test(link[0]!.lower) && third[1] - a <= 10) push(a, third[1]);
      }
    }
    // lists: "buildings, infrastructure and industrial"
    let end = b;
    for (let j = k + 1; j < chunks.length && j <= k + 5; j++) {
      const [na, nb] = chunks[j]!;
      const between = tokens.slice(end, na).map((t) => t.lower);
      const link = between.join(' ');
      if (!/^(?:,|and|or|, and|, or|,and|and the|or the|, and the)$/.test(link)) break;
      end = nb;
      if (/and|or/.test(link)) {
        // ", and economists forecast …": a comma, a coordinator and a verb after the phrase join clauses, not a list's items
        const clauses = link.startsWith(',') && nb < tokens.length && verbLike(tokens[nb]!, tokens[nb - 1], tokens[nb + 1]);
        if (!clauses) out.push({ text: sentence.slice(tokens[a]!.start, tokens[nb - 1]!.end), start: tokens[a]!.start, kind: 'list' });
        break;
      }
    }
  });
}

/** Tokens that end a clause candidate. */
const CLAUSE_END = /^[.;:!?()\[\]—–"“”]$/;

/**
 * Clauses and verb phrases, for questions asking why / how / what something did: from a verb (or
 * "to" before one) to the next comma or stop, at most 12 tokens ("occasionally *pinch in two*").
 */
export function clauseCandidates(sentence: string, tokens: readonly Token[], out: Candidate[]): void {
  const starts = new Set<number>();
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    if (t.inQuestion || !t.isWord) return;
    if (verbLike(t, prev, tokens[i + 1])) starts.add(prev?.lower === 'to' ? i - 1 : i);
    else if (/^(?:because|so|if|when)$/.test(t.lower)) starts.add(i + 1);
  });
  for (const a of starts) {
    if (a < 0 || a >= tokens.length) continue;
    let b = a;
    while (b < tokens.length && b - a < 12 && !CLAUSE_END.test(tokens[b]!.text) && !(tokens[b]!.text === ',' && b - a > 1)) b++;
    while (b > a && (STOP_WORDS.has(tokens[b - 1]!.lower) || !tokens[b - 1]!.isWord)) b--;
    if (b - a >= 2) out.push({ text: sentence.slice(tokens[a]!.start, tokens[b - 1]!.end), start: tokens[a]!.start, kind: 'clause' });
  }
}

/** What a parenthesis says, when short: "enzootic (*commonly present*)". */
export function parenCandidates(sentence: string, out: Candidate[]): void {
  for (const m of sentence.matchAll(/\(([^()]{2,80})\)/g)) {
    const inner = m[1]!.trim();
    if (words(inner).length <= 10 && /\p{L}/u.test(inner)) out.push({ text: inner, start: m.index + 1 + (m[1]!.length - m[1]!.trimStart().length), kind: 'paren' });
  }
}

/** Words that open a noun phrase but are not part of what it names ("*many* Puritan ministers"). */
const QUANTIFIERS = new Set('many several various numerous certain similar such own much most more less few whole entire'.split(' '));
export const DETERMINERS = new Set('the a an its their his her this these those our your my some many no each every all both several any another such'.split(' '));
/** After these words a lower-case word is a verb: "to *make*", "which *consisted*", "also *contain*". */
const VERB_BEFORE = new Set('to which that who will would can could may might must should did does do also not often usually generally typically'.split(' '));
/** Frequent verbs whose form does not show they are verbs. */
const COMMON_VERBS = new Set(
  'include includes contain contains become becomes became remain remains consist consists represent represents provide provides require requires allow allows make makes takes give gives shows seem seems appear appears occur occurs exist exists involve involves leads create creates describe describes define defines refer refers serves comprise comprises covers reaches holds keeps led began begins begin came comes come went goes go got gets get found finds find told tells tell saw sees see knew knows know thought thinks think'.split(
    ' ',
  ),
);
const NOT_ADVERBS = new Set('family supply assembly italy monopoly ally rally anomaly butterfly reply fly july only early daily weekly monthly yearly holy ugly silly jelly belly bully billy lily molly polly sally emily kelly poly apply multiply comply rely'.split(' '));
const NOT_VERBS = new Set('red bed seed need speed hundred feed breed creed greed shed sled wed weed reed bled fled indeed thing king ring wing spring string evening morning building ceiling'.split(' '));

/** A lower-case adverb ("-ly") or a participle / past verb right after a content word: not part of a noun phrase. */
/** A verb by the tagger, or by the word-shape rules below (the tagger misses some, the rules others). */
export function verbLike(t: Token, prev: Token | undefined, next?: Token): boolean {
  return t.pos === 'VERB' || t.pos === 'AUX' || isVerbish(t, prev, next);
}

function isVerbish(t: Token, prev: Token | undefined, next?: Token): boolean {
  if (!t.isWord || t.isCap || !/^[a-z]+$/.test(t.lower)) return false;
  if (COMMON_VERBS.has(t.lower)) return true;
  // a lower-case content word right before a determiner is a verb ("possess *a*", "covers *the*")
  // (not a noun by its suffix: "flux *density* the tesla")
  if (next && DETERMINERS.has(next.lower) && !STOP_WORDS.has(t.lower) && !DETERMINERS.has(t.lower) && !/^(?:than|like|versus|via|per|including|such)$/.test(t.lower) && !NOUN_SUFFIX.test(t.lower)) return true;
  if (t.lower.length > 4 && t.lower.endsWith('ly') && !NOT_ADVERBS.has(t.lower)) return true;
  if (prev && VERB_BEFORE.has(prev.lower) && !DETERMINERS.has(t.lower) && !/\d/.test(t.lower)) return true;
  if (prev && /^(is|are|was|were|be|been|being|has|have|had)$/.test(prev.lower) && /(?:ed|en|ing)$/.test(t.lower) && !NOT_VERBS.has(t.lower)) return true;
  if (t.lower.length > 4 && /(?:ed|ing)$/.test(t.lower) && !NOT_VERBS.has(t.lower)) {
    return !!prev && prev.isWord && !DETERMINERS.has(prev.lower) && !STOP_WORDS.has(prev.lower) && !CLAUSE_BREAKS.has(prev.lower);
  }
  return false;
}
/** Suffixes of nouns that are hardly ever verbs ("density", "government", "happiness"). */
const NOUN_SUFFIX = /.{3}(?:ity|ness|tion|sion|ment|ism|ence|ance|ship|hood|ogy)$/;
/** Spans of the asked-for type (dates, numbers, names) in a sentence. */
export function collectCandidates(type: QuestionType, sentence: string): Candidate[] {
  const candidates: Candidate[] = [];
  if (type === 'when') for (const p of DATE_PATTERNS) collect(sentence, p, 'when', candidates);
  if (type === 'number') {
    collect(sentence, NUMBER_PATTERN, 'number', candidates);
    for (const c of candidates) c.text = trimNumber(c.text);
    // a number glued to capitals is part of a name ("3GSM", "4G"), not a quantity
    for (let i = candidates.length - 1; i >= 0; i--) {
      const c = candidates[i]!;
      // a number word written with its capital inside a sentence is part of a name ("the Six Nations", "Radio Five")
      const named = /^\p{Lu}\p{Ll}/u.test(c.text) && /[\p{L}\d,]\s+$/u.test(sentence.slice(0, c.start));
      if (named || (/\d$/.test(c.text) && /^\p{Lu}/u.test(sentence.slice(c.start + c.text.length)))) candidates.splice(i, 1);
    }
    // "six to nine percent", "10 or 12 miles": a range is one answer
    for (const m of sentence.matchAll(NUMBER_RANGE)) {
      const unit = /\s+([a-z][a-z-]*)$/i.exec(m[0]);
      const text = unit && !UNITS.test(unit[1]!) && !/^(?:million|billion|trillion|thousand|hundred|percent)$/i.test(unit[1]!) ? m[0].slice(0, unit.index) : m[0];
      candidates.push({ text, start: m.index, kind: 'number' });
    }
    // "one in five loans": a share told as so many in so many is one answer (only a share asked takes it: answer-units.ts)
    for (const m of sentence.matchAll(RATIO_IN_TEXT)) candidates.push({ text: m[0], start: m.index, kind: 'number' });
    // "won 7-5 6-3": a match's sets are one score (only a score asked takes it: answer-units.ts)
    for (const m of sentence.matchAll(SETS_IN_TEXT)) candidates.push({ text: m[0], start: m.index, kind: 'number' });
    // "profits tripled": a change told as a multiple (only a change asked takes it: answer-units.ts)
    for (const m of sentence.matchAll(MULTIPLIED_IN_TEXT)) candidates.push({ text: m[0], start: m.index, kind: 'number' });
    // "spent several months in jail": a length of time told without a number
    for (const m of sentence.matchAll(VAGUE_SPAN)) candidates.push({ text: m[0], start: m.index, kind: 'number' });
    // "have won the European Cup once": a number of occasions in one word (only "how many times" takes it: answer-units.ts)
    // (not "once again", "once the deal is signed", "at once")
    for (const m of sentence.matchAll(/(?<!\b(?:at|all at)\s)\b(?:once|twice|thrice)\b(?!\s+(?:again|more|upon|a|an|the|it|he|she|they|we|you|i|his|her|its|their|this|that|these|those)\b)/gi)) candidates.push({ text: m[0], start: m.index, kind: 'number' });
  }
  if (type === 'who' || type === 'where') {
    const names: Candidate[] = [];
    collect(sentence, NAME_PATTERN, type, names);
    for (const c of names) {
      const lead = /^(?:(?:The|A|An|Former|In|On|At|But|And|After|Before|When|While|This|That|However|His|Her|Its|Their|Although|Because|During|By|For|From|With|Under|Since|As|If|Following|According to|Despite|Over|Between|Among|Within|Without|Unlike|Like|Through|Throughout|Until|Upon|Against|Along|Across|Around|Near|Including|Both|Each|Every|Some|Many|Most|Several|These|Those|Such|Other|Then|Also|There|Here|Later|Today|Yesterday|Our|My|Your)\s+)+/.exec(c.text);
      if (lead) {
        c.start += lead[0].length;
        c.text = c.text.slice(lead[0].length);
      }
      // "On Tuesday Foreign Secretary Jack Straw told …": a weekday before a name dates it (a paper's name keeps it: "Sunday Times")
      const day = DAY_BEFORE_NAME.exec(c.text);
      if (day) {
        c.start += day[0].length;
        c.text = c.text.slice(day[0].length);
      }
      // "Initially BSkyB", "Eventually Smith": an adverb opening the sentence is no part of the name
      // (an adverb is a word plus "ly": "initial-ly", never "Kel-ly")
      const adverb = /^(\p{Lu}\p{Ll}{3,})ly\s+(?=\p{Lu})/u.exec(c.text);
      if (adverb && isEnglishWord(adverb[1]!.toLowerCase())) {
        c.start += adverb[0].length;
        c.text = c.text.slice(adverb[0].length);
      }
      c.text = c.text.replace(/\s+(?:of|the|and|de|for)$/, '');
      // "the Florida-based Falic group": the place is before "-based", the name asked for someone after it
      const placedBefore = /^(.+?)-(?:based|born|bred|headquartered|registered|listed)\s+(?=\p{Lu})/u.exec(c.text);
      if (placedBefore && type === 'where') c.text = placedBefore[1]!;
      else if (placedBefore) {
        c.start += placedBefore[0].length;
        c.text = c.text.slice(placedBefore[0].length);
      }
      // "the North Carolina-based bank": the place is the name less its "-based" ("London-born" likewise), and no one
      const placed = /-(?:based|born|bred|headquartered|registered|listed)$/.exec(c.text);
      if (placed && type === 'who') continue;
      if (placed) c.text = c.text.slice(0, placed.index);
      const next = sentence.slice(c.start + c.text.length);
      // "Russian air defense", "Syrian rebels": a lone demonym before a noun describes, it does not name
      const demonym = !c.text.includes(' ') && DEMONYM_ENDING.test(c.text) && /^\s+[a-z]/.test(next);
      // "The Office", "The Times": "the" and one plain word name a thing (a title), not a person
      const title = type === 'who' && !!lead && /\bThe\s+$/.test(lead[0]) && /^\p{Lu}\p{Ll}+$/u.test(c.text) && isEnglishWord(c.text.toLowerCase());
      // "In 1976" less its "In": a year, no name
      const date = DATE_NAME.test(c.text) || !/\p{L}/u.test(c.text);
      // "Owners of the phones …": a plural common noun opening the sentence is capitalised as its first word, no name
      const opening = type === 'who' && sentence.slice(0, c.start).trim() === '' && /^\p{Lu}\p{Ll}+s$/u.test(c.text) && isEnglishWord(c.text.toLowerCase()) && isEnglishWord(c.text.slice(0, -1).toLowerCase());
      if (NOT_NAMES.test(c.text) || c.text.length <= 1 || demonym || title || date || opening) continue;
      // "Bashar Assad's Palace": the owner is a name of its own; the whole names the thing owned
      const owner = /^(.+?)['’]s\s+\S/u.exec(c.text);
      if (owner) {
        candidates.push({ text: owner[1]!, start: c.start, kind: c.kind });
        c.possessive = true;
      }
      candidates.push(c);
    }
  }
  return candidates;
}

/** "in South Wales", "at the Riverside Church": a preposition of place just before a name makes it a place. */
const LOCATIVE_BEFORE = /\b(?:in|at|near|from|to|into|across|outside|inside|throughout|around|between|towards?|via|of)\s+(?:the\s+)?$/i;
/** Prepositions after which a name that does not read as a person's is a place: "married *in* Los Angeles". */
export const PLACE_BEFORE = /\b(?:in|at|near|outside|inside|throughout)\s+(?:the\s+)?$/i;
/** Place-minus-person likeness (name-likeness.ts) from which a who-candidate is a place, not someone. */
export const PLACE_NOT_PERSON = 0.4;
/** Who-questions a country or a city may answer: who won, beat, hosts, leads ("*Brazil* beat …", "*Athens* hosted …"). */
const SIDES_ASKED = /\b(?:win|wins|won|winning|beat|beats|beaten|defeat\w*|host\w*|lead|leads|led|top|tops|topped|qualif\w*|play|plays|played|face|faces|faced)\b/i;

/** Whether the sentence holds a span of the asked-for type that the question does not already name. */
export function hasCandidate(question: string, sentence: string): boolean {
  return candidateTest(question)(sentence);
}

/** `hasCandidate` for one question over many sentences: the question is analysed once. */
export function candidateTest(question: string): (sentence: string) => boolean {
  const type = classifyQuestion(question);
  const accepts = candidateFilter(question, type);
  return (sentence) => collectCandidates(type, sentence).some((c) => accepts(c, sentence));
}

/**
 * Whether "how much" asks an amount with no kind named ("how much did ibm put into linux"): never a span of time ("a
 * *three-year* programme"), which "how much time" asks by its kind.
 */
export function asksAmount(question: string, type: QuestionType, kinds: readonly string[] | null): boolean {
  return type === 'number' && kinds === null && /\bhow much\b/i.test(question);
}

/** Whether a collected candidate is of the asked-for type and not named by the question; one rule for every test of a sentence. */
export function candidateFilter(question: string, type: QuestionType): (c: Candidate, sentence: string) => boolean {
  const qStems = questionStems(question);
  // "how old", "how much did it cost": only a number of that kind (an age, money) is of the asked-for type
  const kinds = type === 'number' ? quantityAsked(question) : null;
  const amountAsked = asksAmount(question, type, kinds);
  const gameScore = kinds?.includes('score') ? gameScoreTest(question) : null;
  // "who sang at the gala": a sentence naming only places ("held in Paris") holds no one of the asked type
  const placeOf = asksSomeone(question, type) ? placeLikeness() : null;
  const placedAt = placeOf ? placeAfterPreposition(placeOf) : null;
  // "where is the conference": someone's name ("Michael Howard", "the Tory Party") is no place, and a name is one only
  // when it reads at least as much like a place as like a person or follows a preposition of place ("set in South Wales",
  // not "won the UK Film Talent Award")
  const personOf = type === 'where' ? placeLikeness() : null;
  // "when is the election": a date told as past ("the last election in 2001") is no date of the one coming
  const toldPast = type === 'when' ? pastForComing(question) : null;
  // "what are the festival dates": only days of a month, never "on Saturday"
  const datesAsked = type === 'when' && timeUnitAsked(question) === 'date';
  const isPlace = (c: Candidate, sentence: string) => {
    const likeness = personOf!(c.text);
    const before = sentence.slice(Math.max(0, c.start - 24), c.start);
    // (a name after "by" is who did something: "considered the burial place … by Twelver Shia")
    return likeness > -PLACE_NOT_PERSON && !/\bby\s+(?:the\s+)?$/i.test(before) && (likeness >= 0 || LOCATIVE_BEFORE.test(before));
  };
  // "the David Blunkett visa affair": a person's name used as a noun's modifier names no one who did what was asked
  const attributive = placeOf ? (c: Candidate, sentence: string) => c.text.includes(' ') && /\bthe\s+$/i.test(sentence.slice(Math.max(0, c.start - 5), c.start)) && ATTRIBUTIVE_AFTER.test(sentence.slice(c.start + c.text.length)) : null;
  return (c, sentence) =>
    (!attributive || !attributive(c, sentence)) &&
    // ("once" is a stop word, and a number of occasions all the same)
    (OCCASIONS.test(c.text) || monthMay(c, sentence) || words(c.text).some((w) => !STOP_WORDS.has(w) && !qStems.has(stem(w)))) &&
    (!kinds || isQuantityOf(kinds, sentence, c.start, c.start + c.text.length)) &&
    (!amountAsked || !isQuantityOf(['duration'], sentence, c.start, c.start + c.text.length)) &&
    (!gameScore || gameScore(c, sentence)) &&
    (!placeOf || (placeOf(c.text) < PLACE_NOT_PERSON && !placedAt!(c, sentence))) &&
    (!personOf || isPlace(c, sentence)) &&
    (!toldPast || !toldPast(c, sentence)) &&
    (!datesAsked || isTimeOf('date', c.text));
}

/** "May" the month, which as a word is a stop word ("may"): after "in", "since", "last" …, or before "'s" or a day or year. */
function monthMay(c: Candidate, sentence: string): boolean {
  return c.text === 'May' && (/\b(?:in|on|since|until|by|of|last|next|early|mid|late|from|to|during)\s+$/i.test(sentence.slice(Math.max(0, c.start - 10), c.start)) || /^(?:['’]s\b|\s+\d)/.test(sentence.slice(c.start + 3)));
}

/** Words of a score question that name no side: the score and the game asked, and chat for one side meeting another. */
const SCORE_GENERIC = new Set(
  'what whats score scoreline final game match half time play played playing v vs versus against between last first second leg result end by lose lost win won beat beaten draw drew defeat defeated'
    .split(' ')
    .map(stem),
);
/** The side named right after a score ("a 1-1 draw *with Fulham*", "3-0 win *at Roma*"): the game's other side. */
/** The side a score is told against, up to four words ("win over *Dutch side Marlow*", "loss to *Cameroon's Cotonsport*"). */
const SIDE_AFTER_SCORE = /^\s*(?:[a-z-]+\s+){0,3}?(?:over|against|with|to|by|v|vs)\s+(?:the\s+)?(\p{Lu}[\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,3})/u;
/** The side beaten right before a score ("beat *American Lisa Raymond* 7-5 6-3"). */
const SIDE_BEFORE_SCORE = /\b(?:beat|beats|beaten|beating|defeated?|defeating|overcame|overcome|edged|thrashed|hammered|crushed|lost\s+to|losing\s+to)\s+((?:[\p{L}'’-]+\s+){1,4})$/u;

/**
 * Whether a sentence names the game a score question asks about: at least half the sides the question names (chat
 * shorthand as its full form, "utd" as "United"), and the side the score is told against, when named, is one of them
 * ("a 3-2 win over Cameroon's Cotonsport" for "hearts of oak v cotonsport"; not "Ireland beat Italy 40-7" for Ireland
 * v England). A place or a competition asked ("in dubai") need not be printed beside the score.
 */
function namesSides(sides: readonly string[], bothAsked: boolean, sentence: string, scoreStart: number, scoreEnd: number): boolean {
  if (sides.length === 0) return true;
  // (the stem of a people's name is its country's: "the Irish" tell Ireland)
  const told = new Set(words(sentence).map(stem));
  const named = sides.filter((t) => told.has(t) || (expandShorthand(t)?.every((f) => told.has(f)) ?? false)).length;
  const isSide = (run: string | undefined) => run === undefined || !/\p{Lu}/u.test(run) || words(run).some((w) => sides.includes(stem(w.toLowerCase().replace(/['’]s$/, ''))));
  // (the side beaten before the score tells another game only when the question names both: "moya's chennai final" names
  // one, and any opponent may be his)
  return named * 2 >= sides.length && isSide(SIDE_AFTER_SCORE.exec(sentence.slice(scoreEnd))?.[1]) && (!bothAsked || isSide(SIDE_BEFORE_SCORE.exec(sentence.slice(Math.max(0, scoreStart - 60), scoreStart))?.[1]));
}
/** A question naming both sides of a game ("kessel v marlow", "when wales beat england"). */
const BOTH_SIDES_ASKED = /\b(?:v|vs|versus|against|beat|beats|beaten|played|plays)\b/i;

/** A part of a game asked ("the half-time score", "the first set score", "when italy led"), and the words that tell it. */
const SET_PART = /\bsets?\b/i;
const GAME_PARTS: readonly (readonly [RegExp, RegExp])[] = [
  [/\bhalf[\s-]?time\b|\b(?:first|second)[\s-]half\b|\binterval\b/i, /\bhalf\b|\binterval\b|\bthe break\b/i],
  [SET_PART, SET_PART],
  [/\blegs?\b/i, /\blegs?\b/i],
  [/\b(?:led|lead|leading|trail\w*)\b/i, /./],
];
/** A score told while the game went on ("led 9-8", "to lead 4-2", "from 15-6 down", "a 17-6 lead at half-time"). */
const RUNNING_BEFORE = /\b(?:led|lead|leading|trailing|trailed|trail)\s+(?:by\s+|to\s+)?$/i;
const RUNNING_AFTER = /^\s*(?:down|up|lead|ahead|behind)\b|^\s+at\s+(?:half[\s-]?time|the\s+break|the\s+interval)\b/i;

/**
 * For a score question, whether a score the sentence tells is of the game asked and of the part of it asked (the
 * sides, "Leicester's 83-10 win" in a report on the Ireland squad is another game's; a running score is not the
 * result, nor the result a half-time score); null for other questions.
 */
export function gameScoreTest(question: string): ((c: Candidate, sentence: string) => boolean) | null {
  if (!quantityAsked(question)?.includes('score')) return null;
  const sides = [...questionStems(question)].filter((t) => !SCORE_GENERIC.has(t));
  const part = GAME_PARTS.find(([asked]) => asked.test(question))?.[1];
  const bothAsked = BOTH_SIDES_ASKED.test(question);
  return (c, sentence) => {
    const start = c.start;
    const end = c.start + c.text.length;
    const near = sentence.slice(Math.max(0, start - 50), end + 40);
    const running = RUNNING_BEFORE.test(sentence.slice(Math.max(0, start - 20), start)) || RUNNING_AFTER.test(sentence.slice(end, end + 30));
    // (one set of a match's sets is the match's score only when a set is asked: "6-4" of "6-4 6-1")
    const oneSet = part !== SET_PART && [...sentence.matchAll(SETS_IN_TEXT)].some((m) => m.index <= start && end <= m.index + m[0].length && m[0].length > c.text.length);
    return namesSides(sides, bothAsked, sentence, start, end) && (part ? part.test(near) : !running) && !oneSet;
  };
}

/** "the last / previous … in (June)" right before a date: a past one. */
const PAST_BEFORE = new RegExp(`\\b(?:last|previous|past)(?:\\s+[\\w-]+){0,4}\\s+(?:in|on|of|at)\\s+(?:the\\s+)?(?:(?:\\d{1,2}\\s+)?${MONTH}\\s+)?$`, 'i');
/** "back in (June)" right before a date: a past one. */
const BACK_IN_BEFORE = new RegExp(`\\bback\\s+in\\s+(?:${MONTH}\\s+)?$`, 'i');
/** A year or a day that may stand before a noun it dates ("1977", "September 11", "7 July"). */
const DATE_BEFORE_NOUN = new RegExp(`^(?:(?:1[5-9]|20)\\d\\d|${MONTH}\\s+\\d{1,2}|\\d{1,2}\\s+${MONTH})$`);
/** A when-question about something coming ("when is the election"), not about a last or first one. */
const ASKS_COMING = /^\W*(?:(?:by\s+)?when|what (?:date|day))(?:\s+(?:is|are|will|does|do)|['’]s)\b/i;

/**
 * For a when-question about something coming, whether a date is told as past ("the last election *in 2001*", "last
 * year", "was champion in 2001"): it dates another time; null for other questions.
 */
export function pastForComing(question: string): ((c: Candidate, sentence: string) => boolean) | null {
  if (!ASKS_COMING.test(question) || /\b(?:last|previous|past|former|first)\b/i.test(question)) return null;
  // ("when is …", "when will …": any date its clause tells as done is another time; chat asks "when does" of done things too)
  const strict = /^\W*(?:by\s+)?when(?:\s+(?:is|are|will)|['’]s)\b/i.test(question);
  return (c, sentence) =>
    (strict && pastDate(sentence, c)) ||
    // ("the previous encounter back in June *1984*": a month or a day may stand between)
    PAST_BEFORE.test(sentence.slice(Math.max(0, c.start - 60), c.start)) ||
    BACK_IN_BEFORE.test(sentence.slice(Math.max(0, c.start - 24), c.start)) ||
    pastYear(sentence, c) ||
    // ("the original *1977* Star Wars film", "the *September 11* attacks": a year or a day set before a noun dates that thing;
    // "the 29 March game" is the event itself; an owner may stand before it: "Eric Clapton's *1991* hit")
    (DATE_BEFORE_NOUN.test(c.text) && /(?:\b(?:the|original|his|her|its|their|a)|\p{L}['’]s?)\s+$/iu.test(sentence.slice(Math.max(0, c.start - 12), c.start)) && /^\s+(?:\p{Lu}[\p{L}'’-]*\s+)*\p{Ll}{3,}/u.test(sentence.slice(c.start + c.text.length)) && !/^\s+(?:and|or|to|when|after|before|until|season|game|match|final|tie|clash|fixture|meeting|vote|election|poll|deadline|launch|release|ceremony|show|concert|race|event|summit|opening|premiere|debut|start|kick-off)\b/i.test(sentence.slice(c.start + c.text.length))) ||
    // ("a few weeks ago", "the 18th Century": behind us, never a date to come)
    /\bago$/i.test(c.text) ||
    /^\s+ago\b/i.test(sentence.slice(c.start + c.text.length)) ||
    /\b(?:\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:th|st|nd|rd))[\s-]+century$/i.test(c.text) ||
    /^(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:1[0-9]|20)\d0s$/i.test(c.text) ||
    /^(?:last|previous|past)\b/i.test(c.text) ||
    /\b(?:last|previous|past)\s+$/i.test(sentence.slice(Math.max(0, c.start - 10), c.start));
}

/** A when-question about a deed done ("when was kennedy first elected"), not one to come. */
const ASKS_PAST = /^\W*when\s+(?:was|were|did|had|has|have)\b/i;
/** Words setting what follows in their clause as still to come, or only meant ("*ahead of* the final on Saturday", "*is due* in Europe at the end of January", "was *intended to* be released in 2001"). */
const COMING_BEFORE = /\b(?:ahead of|will|next|upcoming|forthcoming|due to|is due|are due|scheduled|set to|is to|are to|plans? to|planned for|planned to|expected to|intended to|meant to|supposed to)\b/i;

/**
 * For a when-question about a deed done, a test for a candidate told as to come ("next Sunday's elections"): another
 * event's time, or null for other questions.
 */
export function comingForPast(question: string): ((c: Candidate, sentence: string) => boolean) | null {
  if (!ASKS_PAST.test(question) || /\b(?:next|coming|upcoming|future)\b/i.test(question)) return null;
  return (c, sentence) => /^(?:next|this coming)\b/i.test(c.text) || /\b(?:next|this coming)\s+$/i.test(sentence.slice(Math.max(0, c.start - 16), c.start)) || COMING_BEFORE.test(sentence.slice(Math.max(0, c.start - 80), c.start).split(/[.;]/).pop() ?? '')
    // (a date in a condition is not yet a date at all: "*If* it does reach number one *on Sunday*, it will be …")
    || /^\W*(?:if|unless)\s/i.test(sentence.slice(0, c.start).split(/[,;:]/).pop() ?? '');
}

/** Verbs telling a deed as done, and words telling a clause as still to come. */
const PAST_VERBS = 'was|were|had|did|won|became|set|agreed|began|started|ended|died|born';
const PAST_TOLD = new RegExp(`\\b(?:${PAST_VERBS})\\b`, 'i');
const NOT_YET = /\b(?:will|would|next|due|to be)\b/i;
/**
 * Verbs telling a deed as done, with the ones a date's own clause uses ("*elected* president in January", "*has been*
 * chosen", "*Established* in 1981").
 */
const PAST_DONE = new RegExp(`\\b(?:${PAST_VERBS}|elected|appointed|named|launched|opened|went|came|established|founded|formed|created|(?:has|have) been)\\b`, 'i');

/** Whether a date's clause tells what happened then as done ("Mr Saakashvili, *elected* president in January"). */
function pastDate(sentence: string, c: Candidate): boolean {
  const clause = sentence.slice(Math.max(0, c.start - 50), c.start).split(/[,;:]/).pop() ?? '';
  return PAST_DONE.test(clause) && !NOT_YET.test(clause);
}

/**
 * Whether a bare year (or a list of them) is told in the past: "was world champion in 2001 and 2002", "was set in 1970"
 * (asked when something is coming, such a year tells another time).
 */
function pastYear(sentence: string, c: Candidate): boolean {
  if (!/^(?:1[5-9]|20)\d\d(?:\s*(?:,|and|or)\s*(?:1[5-9]|20)\d\d)*$/.test(c.text)) return false;
  const before = sentence.slice(Math.max(0, c.start - 50), c.start);
  // ("In 2003, C-Murder was found guilty": a year opening the sentence, or a clause, dates the clause after it: "points out
  // that in 1970 the G8 … agreed")
  const clause = /(?:^\W*|\b(?:that|and|but|as|when|while)\s+)(?:in|by|since)\s+$/i.test(before) ? (sentence.slice(c.start + c.text.length).replace(/^\s*,/, '').split(/[,;:]/)[0] ?? '') : (before.split(/[,;:]/).pop() ?? '');
  return PAST_TOLD.test(clause) && !NOT_YET.test(clause);
}

/** Whether a who-question's candidate is a place: a name that does not read as a person's after "in" or "at". */
export function placeTest(question: string, type: QuestionType): ((c: Candidate, sentence: string) => boolean) | null {
  // (a side that won or played may be a country, but not one named after "in": "will defend her titles *in Sydney*")
  return type === 'who' && !organizationAsked(question) ? placeAfterPreposition(placeLikeness()) : null;
}

/** A who-question that a place cannot answer: not one asking an organisation, nor who won, beat, hosted or leads. */
function asksSomeone(question: string, type: QuestionType): boolean {
  return type === 'who' && !organizationAsked(question) && !SIDES_ASKED.test(question);
}

function placeAfterPreposition(placeOf: (text: string) => number): (c: Candidate, sentence: string) => boolean {
  return (c, sentence) => {
    const before = sentence.slice(Math.max(0, c.start - 12), c.start);
    // (after "from" only what reads plainly as a place: "came from *England* to Egypt", not "an email from Microsoft")
    return PLACE_BEFORE.test(before) ? placeOf(c.text) > -PLACE_NOT_PERSON : /\bfrom\s+$/i.test(before) && placeOf(c.text) > 0;
  };
}

/** A lower-case noun right after a name (not a verb or a function word): "the David Blunkett *visa* affair". */
const ATTRIBUTIVE_AFTER = /^\s+(?!(?:said|says|was|is|has|had|have|who|whose|and|or|but|of|in|at|on|for|to|with|will|would|could|can|may|might|must|should|did|does|were|are|be|been|himself|herself|also|then|as|from|by|after|before|told|added)\b)[a-z]{2,}\b(?!['’])/;

const WHY_CUES = /^(?:because|due|owing|since|so|order|response|result|thanks|reason)$/;
const HOW_CUES = /^(?:by|through|via|using|with)$/;
const COPULA = new Set(['is', 'are', 'was', 'were']);
const NAMING = /^(?:known|called|referred|termed|named|nicknamed|dubbed)$/;
/** Prepositions that end what a naming word ("called", "known as") points at. */
const NAME_ENDS = new Set('at in on by from for with during after before since until near into'.split(' '));
/** Discourse adverbs that end a phrase, never part of an answer. */
const DISCOURSE_END = /^(?:respectively|thus|hence|therefore|however|instead|too|also|though)$/;
/** Words that end a clause when walking left from a copula. */
const CLAUSE_STARTS = new Set('which that who whom whose when where while because although though since if whereas and but or so'.split(' '));

/**
 * Phrases that definitional patterns point at: "What is the highest court?" over "*The European
 * Court of Justice* is the highest court…"; "What are X known as?" over "X, known as *comb jellies*".
 */
export function patternCandidates(question: string, sentence: string, tokens: readonly Token[]): Candidate[] {
  const out: Candidate[] = [];
  const verbish = (i: number) => isVerbish(tokens[i]!, tokens[i - 1], tokens[i + 1]) || NAMING.test(tokens[i]!.lower);
  const span = (a: number, b: number) => {
    // not the verb or "known as" that led here
    while (a < b && (DETERMINERS.has(tokens[a]!.lower) || !tokens[a]!.isWord || verbish(a) || /^(?:ADV|VERB|AUX)$/.test(tokens[a]!.pos) || /^(?:as|to)$/.test(tokens[a]!.lower))) a++;
    // "… expansion engines *respectively*": a discourse adverb ends no answer
    while (b > a && (STOP_WORDS.has(tokens[b - 1]!.lower) || !tokens[b - 1]!.isWord || DISCOURSE_END.test(tokens[b - 1]!.lower))) b--;
    if (b > a && b - a <= 10) out.push({ text: sentence.slice(tokens[a]!.start, tokens[b - 1]!.end), start: tokens[a]!.start, kind: 'what' });
  };
  /** End (exclusive) of the phrase starting at `a`: the next punctuation or clause word. */
  const phraseEnd = (a: number) => {
    let b = a;
    while (b < tokens.length && b - a < 12 && (tokens[b]!.isWord || /^[-'’&%$]$/.test(tokens[b]!.text)) && !CLAUSE_STARTS.has(tokens[b]!.lower) && !COPULA.has(tokens[b]!.lower)) b++;
    return b;
  };
  const phraseStart = (b: number) => {
    let a = b;
    while (a > 0 && b - a < 12 && (tokens[a - 1]!.isWord || /^[-'’&]$/.test(tokens[a - 1]!.text)) && !CLAUSE_STARTS.has(tokens[a - 1]!.lower) && !COPULA.has(tokens[a - 1]!.lower)) a--;
    return a;
  };
  /** End (exclusive) of a list continuing a phrase that ends at `b`: ", X2 and X3" / " and X2"; `b` when none follows. */
  const listEnd = (b: number) => {
    let e = b;
    let joined = false;
    while (e < tokens.length && e - b < 14) {
      const t = tokens[e]!;
      let f = e;
      if (t.text === ',') f++;
      if (/^(?:and|or)$/.test(tokens[f]?.lower ?? '')) {
        f++;
        joined = true;
      } else if (t.text !== ',') break;
      const g = phraseEnd(f);
      if (g === f) break;
      e = g;
      if (joined) break;
    }
    return joined ? e : b;
  };
  const cop = /^(?:what|which|who)\s+(?:is|are|was|were)\s+(.+?)[?.!]*$/i.exec(question.trim());
  if (cop) {
    const ys = new Set(words(cop[1]!).filter((w) => !STOP_WORDS.has(w)).map(stem));
    const hits = (from: number, to: number) => {
      let n = 0;
      for (let i = Math.max(0, from); i < Math.min(tokens.length, to); i++) if (tokens[i]!.stems.some((x) => ys.has(x))) n++;
      return n;
    };
    tokens.forEach((t, k) => {
      if (!COPULA.has(t.lower)) return;
      // "was *invaded* by": a passive's auxiliary, not "X is the Y"
      // (nor "is *attempting* to", a continuing deed other than the one asked: "were *negotiating*" for "what were they negotiating" is)
      const after = tokens[k + 1];
      if (after && /^[a-z]+(?:ed|en)$/.test(after.text) && isVerbish(after, t, tokens[k + 2])) return;
      if (after && /^[a-z]+ing$/.test(after.text) && !after.stems.some((x) => ys.has(x)) && isVerbish(after, t, tokens[k + 2])) return;
      if (hits(k + 1, k + 5) > 0) span(phraseStart(k), k); // "X is the Y": X
      if (hits(k - 4, k) > 0) {
        const b = phraseEnd(k + 1);
        span(k + 1, b); // "Y is X": X
        // "Y are X1, X2 and X3": the whole list
        const end = listEnd(b);
        if (end > b) span(k + 1, end);
      }
    });
  }
  // "why": the reason after "because", "due to"…; "how": the means after "by", "through"…
  const cue = /^\s*why\b/i.test(question) ? WHY_CUES : /^\s*how\b(?!\s+(?:many|much|long|far|old|big|large|tall|high|often|wide|deep|heavy|fast)\b)/i.test(question) ? HOW_CUES : null;
  if (cue) {
    tokens.forEach((t, k) => {
      if (!cue.test(t.lower)) return;
      let a = k + 1;
      while (a < tokens.length && cue === WHY_CUES && /^(?:of|to|that)$/.test(tokens[a]!.lower)) a++;
      let b = a;
      while (b < tokens.length && b - a < 12 && !/^[.;:!?()]$/.test(tokens[b]!.text) && !(tokens[b]!.text === ',' && b - a > 2)) b++;
      span(a, b);
    });
  }
  // "regarded as X", "such as X, Y and Z", "including X": what the sentence says the thing is, or its examples
  if (/\b(?:regarded|considered|seen|viewed|described|examples?|such|include|includes|including|instance)\b/i.test(question)) {
    tokens.forEach((t, k) => {
      const two = `${t.lower} ${tokens[k + 1]?.lower ?? ''}`;
      if (!/^(?:regarded as|considered as|seen as|viewed as|described as|such as|including .+|considered to|considered the|considered a|considered an)$/.test(two) && !/^(?:regarded|including)$/.test(t.lower)) return;
      let a = k + 1;
      while (a < tokens.length && /^(?:as|to|be|the|a|an)$/.test(tokens[a]!.lower)) a++;
      let b = a;
      // a list runs on through commas and "and"/"or"
      // (a comma before a verb ends it: "described as eccentric, *defied* this idiom")
      while (b < tokens.length && b - a < 14 && !/^[.;:!?()]$/.test(tokens[b]!.text) && !CLAUSE_STARTS.has(tokens[b]!.lower === 'and' || tokens[b]!.lower === 'or' ? '' : tokens[b]!.lower) && !COPULA.has(tokens[b]!.lower) && !(tokens[b]!.text === ',' && b + 1 < tokens.length && verbish(b + 1))) b++;
      span(a, b);
    });
  }
  if (/\b(?:known|called|referred|termed|named|nicknamed|dubbed|term|name)\b/i.test(question)) {
    tokens.forEach((t, k) => {
      if (!NAMING.test(t.lower)) return;
      let a = k + 1;
      while (a < tokens.length && /^(?:as|to|the|a|an|by|"|“|')$/.test(tokens[a]!.lower)) a++;
      // "named Ossachite *at* the site": a name ends at a preposition other than "of"
      let b = phraseEnd(a);
      // (a title's capitalised "And" joins it: "called The Rise *And* Fall Of Taylor Kennedy")
      while (b + 1 < tokens.length && /^(?:And|Or)$/.test(tokens[b]!.text) && /^\p{Lu}/u.test(tokens[b + 1]!.text) && /^\p{Lu}/u.test(tokens[b - 1]?.text ?? '')) b = phraseEnd(b + 1);
      const p = tokens.slice(a, b).findIndex((x, i) => i > 0 && NAME_ENDS.has(x.lower));
      if (p > 0) b = a + p;
      span(a, b);
    });
  }
  return out;
}

/** Longer "sentences" (unsplit text) are searched only around their densest stretch of question words. */
export const LONG_SENTENCE = 1200;

export function densestWindow(text: string, qStems: ReadonlySet<string>): string {
  const hits: number[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) if (qStems.has(stem(m[0].toLowerCase()))) hits.push(m.index);
  let from = 0;
  let most = -1;
  for (const h of hits) {
    const start = Math.max(0, h - LONG_SENTENCE / 2);
    const n = hits.filter((x) => x >= start && x < start + LONG_SENTENCE).length;
    if (n > most) {
      most = n;
      from = start;
    }
  }
  // snap to word boundaries
  const a = from === 0 ? 0 : text.indexOf(' ', from) + 1;
  const endRaw = Math.min(text.length, from + LONG_SENTENCE);
  const b = endRaw === text.length ? endRaw : text.lastIndexOf(' ', endRaw);
  return text.slice(a, b > a ? b : endRaw);
}
