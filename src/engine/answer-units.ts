import { BALANCE_NOUNS, COST_ASKED, COUNT_NOUNS, expandIs, MONEY_NOUNS, RACE_TIME_ASKED, SCORE_ASKED, SHARE_NOUNS, whatNoun } from './question-analysis.ts';
import { STOP_WORDS } from './text.ts';
import { capitalRuns } from './name-runs.ts';
import { isEnglishWord } from './english-words.ts';
/**
 * The kind of quantity a number question asks for (the usual numeric answer classes of question
 * answering: money, percentage, age, duration, distance), and whether a number in a sentence is
 * one: "how old is X?" is not answered by "X scored 12 goals".
 */
export type QuantityKind = 'money' | 'percent' | 'age' | 'duration' | 'distance' | 'speed' | 'weight' | 'count' | 'times' | 'score';

const MONEY_WORDS =
  /\b(?:cost|costs|costing|paid|pay|pays|paying|payment|earn|earns|earned|earning|earnings|worth|spend|spends|spent|spending|charge|charged|price|priced|fee|fees|salary|wage|wages|fine|fined|bid|offer|offers|offered|offering|owe|owes|owed|budget|fund|funding|invest|invested|investment|compensation|damages|bonus|sold for|bought for|sell for|buy for|money|cash|tax|taxes|loan|loans|debt|debts|deal worth|value|valued|save|saves|saved|saving|savings)\b/;
/** What is counted in money or as a share when it rises or falls. */
const ECONOMIC_WORDS = /\b(?:profits?|revenues?|sales|turnover|earnings|income|prices?|shares?|stocks?|markets?|economy|growth|gdp|inflation|rates?|costs?|spending|exports?|imports?|output|wages?|salary|salaries|budget|deficit|debt|value|valuation|fares?|bills?|tax|taxes)\b/;
/** Words of growth a "how fast" question about the economy asks a share for. */
const GROWTH_WORDS = /\b(?:rise|rises|rose|risen|rising|increase|increased|increasing|grow|grew|grown|growing|expand|expanded|expanding|jump|jumped|climb|climbed|fall|fell|fallen|falling|drop|dropped|shrink|shrank|shrunk)\b/;
const CHANGE_WORDS = /\b(?:rise|rises|rose|risen|fall|falls|fell|fallen|increase|increased|decrease|decreased|grow|grew|grown|drop|dropped|jump|jumped|climb|climbed|slip|slipped|up|down|cut|boost|boosted)\b/;

/** Comparatives a difference is asked by ("how much *smaller*"). */
const COMPARED_WORDS = /\b(?:smaller|bigger|larger|higher|lower|greater|cheaper|dearer|more|less)\b/;

/** A game's score printed in a sentence: two small numbers joined by a dash ("a 19-13 victory", "4-0"). */
export const SCORE_IN_TEXT = /(?<![\d.,-])\d{1,3}\s?[-–]\s?\d{1,3}(?![\d%-]|[.,]\d)/;

/** A match's sets, two or more scores in a row with their tie-breaks ("7-6 (7-3) 6-3", "1-6, 4-6"). */
const SET = String.raw`\d{1,2}\s?[-–]\s?\d{1,2}(?:\s*\(\d{1,2}\s?[-–/]\s?\d{1,2}\))?`;
export const SETS_IN_TEXT = new RegExp(String.raw`(?<![\d.,-])${SET}(?:,?\s+${SET})+(?![\d%-]|[.,]\d)`, 'g');

/** Whether a span is a game's score, or a match's sets, and nothing else ("19-13", "7-5 6-3"). */
export function isScore(text: string): boolean {
  const t = text.trim();
  const m = SCORE_IN_TEXT.exec(t);
  return (m !== null && m[0].length === t.length) || [...t.matchAll(SETS_IN_TEXT)].some((s) => s[0].length === t.length);
}

/** The quantity kinds that answer the question (any of them will do), or null when any number will. */
export function quantityAsked(question: string): readonly QuantityKind[] | null {
  const q = expandIs(question.toLowerCase());
  // ("what % of searches", "what pc of the vote": the sign or its short form asks a share too)
  if (/\b(?:what|which) (?:percentage|percent|proportion|share|pc)\b|(?:\bwhat|\bwhich) ?%|\bhow many (?:per ?cent|percent|%)/.test(q)) return ['percent'];
  // "what was the score": a game's score, "19-13"
  if (SCORE_ASKED.test(q)) return ['score'];
  if (/\bhow old\b|\b(?:what|which) age\b/.test(q)) return ['age'];
  if (RACE_TIME_ASKED.test(q)) return ['duration'];
  // "how heavy is X", "how much does X weigh", "what does it weigh": a weight, never "five years" or a price
  if (/\bhow heavy\b|\bhow much (?:\w+['’]?\s+){0,4}?weigh(?:s|ed)?\b|\bwhat (?:does|did|do) (?:\w+['’]?\s+){1,4}?weigh\b|\b(?:what|how much) (?:is|was) (?:the |its |his |her |their )?weight\b|\bhow much weight\b/.test(q)) return ['weight'];
  // "how rich is she", "how expensive is it": a fortune or a price
  if (/\bhow (?:rich|wealthy|expensive|costly|cheap)\b/.test(q) || COST_ASKED.test(q)) return ['money'];
  // "how much time does it save": a time, however the verb reads as money
  if (/\bhow much (?:(?:jail|prison|playing|extra|more|less|spare|injury|recovery|waiting|travel|screen|air|free) )?(?:time|longer|shorter)\b/.test(q)) return ['duration'];
  if (/\bhow much\b/.test(q)) {
    // "how much of the debts": a share of them, or an amount
    // ("how much of deutsche boerse does tci own": a stake, a share; not "out of their own pockets")
    if (/\bhow much of\b/.test(q)) return MONEY_WORDS.test(q) ? ['money', 'percent'] : /\b(?:own|owns|owned|hold|holds|held|control|controls|controlled)\b(?!\s+(?!(?:a|an|the|any|some|shares?|stakes?|of|in|now|today|outright)\b)[a-z]+)/.test(q) ? ['percent'] : null;
    // "how much did profits rise?": a change is told in money or as a share
    // (and "by how much were its reserves smaller": a difference, told the same ways)
    const changed = CHANGE_WORDS.test(q) || COMPARED_WORDS.test(q);
    if (changed && (ECONOMIC_WORDS.test(q) || MONEY_WORDS.test(q))) return ['money', 'percent'];
    if (changed) return null;
    // "how much did X sell its shares for", "how much did yugansk go for": a price
    if (/\b(?:sell|sold|sells|selling|buy|bought|buys|fetch|fetched|go|goes|went|gone|going)\b.*\bfor\b/.test(q)) return ['money'];
    if (MONEY_WORDS.test(q)) return ['money'];
    // "how much did bp make last year": what a firm or a person makes is money
    if (/\bhow much (?:money )?(?:did|does|do|will|has|have|had|could|would)\s+(?:\w+['’]?\s+){1,5}?(?:make|made|take home)\b(?!\s+(?:of|up|out|it|sure|sense))/.test(q)) return ['money'];
    // "how much are v festival tickets", "how much is an ipod mini": the price of a thing
    if (/\bhow much (?:is|are|was|were) (?:a |an |the |one |two |\w+['’]s )?[\w\s'’-]+$/.test(q.replace(/[?.!\s]+$/, '')) && !/\b\w+(?:ed|en)\b|\b(?:left|worth|needed|there)\b/.test(q)) return ['money'];
    return null;
  }
  if (/\bhow long\b/.test(q)) return ['duration', 'distance'];
  // "how fast did the economy grow": a rate of change is told as a share
  if (/\bhow (?:fast|quickly)\b/.test(q) && GROWTH_WORDS.test(q) && (ECONOMIC_WORDS.test(q) || /\b(?:population|gr[eo]w\w*|expand\w*)\b/.test(q))) {
    return /\bhow fast\b/.test(q) ? ['percent', 'speed'] : ['percent', 'speed', 'duration'];
  }
  // ("how fast did the tickets sell out": a deed's speed may be told as the time it took, "in 24 hours")
  if (/\bhow fast (?:did|do|does|will|would|can|could|has|have|had)\b/.test(q)) return ['speed', 'duration'];
  if (/\bhow fast\b|\b(?:what|which)(?: (?:is|was))?(?: the| its)? (?:top |maximum |average )?speed\b/.test(q)) return ['speed'];
  // "how quickly" may be told as a time taken ("within two days")
  if (/\bhow quick(?:ly)?\b/.test(q)) return ['speed', 'duration'];
  // ("how far above normal": a margin, told as a share or in the thing's own unit)
  if (/\bhow far (?:above|below|ahead|behind|over|under)\b/.test(q)) return null;
  // "how high is the deficit", "how far did shares fall": a sum or a share, not a height
  if (/\bhow (?:far|high|low)\b/.test(q) && (ECONOMIC_WORDS.test(q) || MONEY_WORDS.test(q))) return ['money', 'percent'];
  // "how high did the album get": a place in a chart, a rank ("number four"), not a height
  if (/\bhow (?:high|far|low)\b/.test(q) && /\b(?:charts?|album|single|song|track|hit|dvd|book|film|movie)\b/.test(q)) return null;
  if (/\bhow (?:far|tall|high|deep|wide)\b/.test(q)) return ['distance'];
  // "how many people": a count, not "6km" or "30%" (unless the things counted are such units)
  // ("how many of the voters": a share of a group may be a percentage)
  // "what is the population of X": a count of people, never a year or a share
  if (POPULATION_ASKED.test(q)) return ['count'];
  // "what is the interest rate": a share, never "2005"; "what was the budget / fine": money
  if (RATE_ASKED.test(q)) return ['percent'];
  if (PRICE_ASKED.test(q)) return ['money'];
  // "what growth is forecast", "what stake does X hold", "what profit did X make": the noun names the kind
  if (SHARE_NOUN_ASKED.test(q)) return /\bstakes?\b/.test(q) ? ['percent', 'money'] : /\bunemployment\b/.test(q) ? ['percent', 'count'] : ['percent'];
  if (MONEY_NOUN_ASKED.test(q)) return ['money'];
  if (BALANCE_NOUN_ASKED.test(q)) return ['money', 'percent'];
  if (ATTENDANCE_ASKED.test(q)) return ['count'];
  // "how many times have they won": occasions are counted, never "100 years" ("how many times bigger" asks a ratio)
  if (/\bhow many times\b(?!\s+(?:more|less|bigger|larger|higher|greater|faster|smaller|lower|as|over|the)\b)/.test(q)) return ['times'];
  // "what is the number of X" counts X as "how many X" does
  const counted = countedNoun(q);
  if (counted && counted !== 'of') {
    // "how many weeks", "how many miles": a number told in that unit, not any number nearby ("how many years old": an age)
    const unit = COUNTED_UNITS.find(([re]) => re.test(counted))?.[1];
    if (unit) return unit === 'duration' && /\bhow many \w+ (?:old|ago)\b/.test(q) ? null : [unit];
    if (!MEASURE_NOUNS.test(counted)) return ['count'];
  }
  return null;
}

/** "what / which (is) (the) (one word) NOUN": a question naming the quantity it asks by its noun. */
const WHAT_THE = String.raw`\b(?:what|which)(?: (?:is|was|are|were))?(?: the)? (?:\w+ )?`;
const POPULATION_ASKED = new RegExp(`${WHAT_THE}population\\b`);
const RATE_ASKED = new RegExp(`${WHAT_THE}(?:interest|unemployment|jobless|inflation|growth|tax|mortgage|base|vat) rates?\\b`);
const PRICE_ASKED = new RegExp(`${WHAT_THE}(?:price|cost|fee|salary|budget|fine)s?\\b(?! (?:of living|cutting))`);
/** Quantities named by their noun, as the question classifier reads them: a share, money, either, a count. */
const SHARE_NOUN_ASKED = whatNoun(SHARE_NOUNS);
const MONEY_NOUN_ASKED = whatNoun(MONEY_NOUNS);
const BALANCE_NOUN_ASKED = whatNoun(BALANCE_NOUNS);
const ATTENDANCE_ASKED = whatNoun(COUNT_NOUNS);
/** Units a span of time is told in ("six weeks", "two seasons"), as a regular-expression source. */
export const TIME_SPANS = 'years?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|decades?|centuries|nights?|seasons?';
/** The noun a "how many" question counts ("how many *people*", "the number of *jobs*"), or null. */
export function countedNoun(question: string): string | null {
  return /\bhow many\s+([a-z]+)|\b(?:what|which)(?: (?:is|was|are|were))?(?: the)? (?:total )?number of\s+([a-z]+)/.exec(question.toLowerCase())?.slice(1).find(Boolean) ?? null;
}

/** The plural noun a "how many" question counts, past its modifiers ("how many idle *farms*", "how many more ukip *people*"), or null. */
export function countedThing(question: string): string | null {
  const after = /\bhow many\s+((?:[a-z'’-]+\s*){1,4})/.exec(question.toLowerCase())?.[1]?.trim().split(/\s+/) ?? [];
  return after.find((w) => PLURAL.test(w) && !STOP_WORD_LIKE.test(w)) ?? null;
}
const PLURAL = /^[a-z]+s$|^(?:people|men|women|children|staff|police|crew|personnel)$/;

/** The plural noun a number counts, within two words after it ("two *songs*", "2,000 broadband *users*"), or null. */
export function nounCounted(sentence: string, end: number): string | null {
  const next = sentence.slice(end, end + 40).match(/^(?:\s+[\p{L}'’-]+){1,3}/u)?.[0].trim().split(/\s+/) ?? [];
  for (const w of next) {
    const lower = w.toLowerCase();
    if (STOP_WORD_LIKE.test(lower)) return null;
    if (PLURAL.test(lower)) return lower;
  }
  return null;
}

/** The plural noun a count is of, told after "of" ("thousands *of people*", "13 of its *workers*"), or null. */
export function nounOfCount(sentence: string, end: number): string | null {
  const noun = /^\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?([a-z]+)\b/.exec(sentence.slice(end, end + 40))?.[1];
  return noun !== undefined && PLURAL.test(noun) ? noun : null;
}

/** A number as a count is told: digits or number words, with a scale ("five million"). */
const COUNT_TOLD = /\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds|thousands|millions|dozens)(?:\s+(?:million|billion|thousand|hundred))?\b/gi;

/** Whether the sentence counts the thing asked: a number and right after it that plural noun ("five million *copies*"). */
export function countsThing(sentence: string, counted: string, termsOf: (text: string) => string[]): boolean {
  const asked = termsOf(counted)[0];
  for (const m of sentence.matchAll(COUNT_TOLD)) {
    const noun = nounCounted(sentence, m.index + m[0].length);
    if (noun !== null && termsOf(noun)[0] === asked) return true;
  }
  return false;
}

/** The singular noun a number measures right after it ("a 6,932 *majority*"), or null: a figure of that, not a count. */
export function nounMeasured(sentence: string, end: number): string | null {
  const next = /^\s+([a-z]{3,})\b/.exec(sentence.slice(end, end + 30))?.[1];
  if (!next || STOP_WORD_LIKE.test(next) || STOP_WORDS.has(next) || /(?:s|ed|ing|ly|er|est)$/.test(next) || !isEnglishWord(next)) return null;
  return next;
}

/**
 * The place or body a count is narrowed to right after its noun ("three people *from Scotland*", "40 jobs *in Wales*"),
 * or null: a part of the whole asked when the question names neither.
 */
export function countedPart(sentence: string, end: number): string | null {
  return /^(?:\s+[\p{L}'’-]+){1,3}?\s+(?:from|in|at)\s+((?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)/u.exec(sentence.slice(end, end + 80))?.[1] ?? null;
}

/** Words after a number that end its noun phrase ("5 *of* them", "50 *were* hurt", "two *is* …"). */
const STOP_WORD_LIKE = /^(?:of|and|or|to|in|on|at|for|by|with|from|as|is|was|were|are|has|have|this|its|his|hers|hers|less|plus|thus|unless|across|towards|besides|whereas|perhaps|always|yes|does|says)$/;

/** Units a "how many" question may count, with the kind of number told in them ("pounds" may be weight or money: none). */
const COUNTED_UNITS: readonly (readonly [RegExp, QuantityKind])[] = [
  [new RegExp(`^(?:${TIME_SPANS}|yrs?|hrs?|mins?|secs?)$`), 'duration'],
  [/^(?:miles?|metres?|meters?|kilometres?|kilometers?|km|feet|inches|yards?)$/, 'distance'],
  [/^(?:dollars?|euros?|cents?|pence)$/, 'money'],
];
/** Other nouns a "how many" question counts that are themselves units or scales: any number answers them. */
const MEASURE_NOUNS = /^(?:terms?|times|hundreds?|thousands?|millions?|billions?|points?|per|percent|pounds?|tonnes?|tons?|litres?|liters?|gallons?|barrels?|acres?|hectares?|degrees?)$/;
/** A change told as a multiple ("profits tripled", "sales halved"). */
export const MULTIPLIED_WORDS = 'doubled|tripled|trebled|quadrupled|halved';
export const MULTIPLIED = new RegExp(`^(?:${MULTIPLIED_WORDS})$`, 'i');
/** A number of occasions told in one word. */
export const OCCASIONS = /^(?:once|twice|thrice)$/i;
const MONEY = /[$£€¥]|\b(?:dollars?|pounds?|euros?|yen|francs?|rupees?|yuan|roubles?|rubles?|cents?|pence|usd|gbp|eur)\b/i;
const PERCENT = /%|\bper ?cent\b|\bpercent(?:age points?)?\b|\bpoints?\b/i;
/** A "point" with no figure and no "percentage" in the span ("one point"): no share. */
const WORDED_POINT = /^(?:(?!\d|percentage).)*\bpoints?\b(?:(?!\d|percentage).)*$/i;
const DURATION = new RegExp(`^\\s*(?:[-\\s]|more|full|whole|long|straight|consecutive|successive|of)*(?:${TIME_SPANS}|century|terms?)\\b`, 'i');
/**
 * A ban or an absence told in games ("a three-game ban", "out for six matches"): a length of time asked, never a count of
 * games, and only beside a word of ban or absence ("121 of his 147 matches" is no time).
 */
const GAMES_SPAN = /^\s*(?:[-\s]|more|straight|consecutive|successive)*(?:games?|matches)\b/i;
const BAN_WORDS = /\b(?:ban|bans|banned|suspen\w+|miss|misses|missed|missing|out|sidelined|absence|injur\w+)\b/i;
/** A rate after a number: "70mph", "one gigabit a second", "3GHz", "ten times faster". */
const SPEED = /^\s*-?\s*(?:mph|km\/h|kph|knots?|(?:miles?|kilometres?|kilometers?|km|metres?|meters?)\s+(?:an|a|per)\s+(?:hour|minute|second)|(?:kilo|mega|giga|tera)?(?:bits?|bytes?)(?:\s+(?:a|per)\s+second)?|[kmgt]b(?:ps|\/s)|[kmg]bit\/s|[kmg]hz|times\s+(?:faster|quicker|as\s+fast))\b/i;
const WEIGHT_UNITS = 'kg|kgs|kilos?|kilograms?|kilogrammes?|tonnes?|tons?|lbs?|pounds?|stones?|st|grams?|grammes?|g|ounces?|oz';
const WEIGHT = new RegExp(`^\\s*-?\\s*(?:${WEIGHT_UNITS})\\b`, 'i');
/** A unit of weight anywhere in a text ("86.9kg", "25lb", "14 stone"). */
export const WEIGHT_UNIT = new RegExp(`(?:\\b|\\d)(?:${WEIGHT_UNITS})\\b`, 'i');
const DISTANCE = /^\s*-?\s*(?:m|km|cm|mm|ft|metres?|meters?|kilometres?|kilometers?|miles?|feet|foot|inches|inch|yards?|centimetres?|centimeters?|millimetres?|millimeters?|miles? per hour|mph|km\/h)\b/i;

/** The number itself at the start of a span ("nearly three hundred", "2.5 billion"), so what follows is its unit. */
const LEADING_NUMBER =
  /^(?:[\d.,\s–-]+|(?:about|around|over|under|nearly|almost|some|roughly|approximately|at least|at most|up to|more than|less than|fewer than|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|several|few|many|couple of|and)\b\s*)+/i;
/** A quarter of the year ("fourth-quarter profits", "the first quarter"), not a fraction. */
const QUARTER_OF_YEAR = /\b(?:first|second|third|fourth|final|last|latest|previous|current|q[1-4])[\s-]+quarters?\b|\bquarter[\s-]+(?:on[\s-]+quarter|results|profits?|earnings|figures|sales)\b/i;
/** So many in so many, a share ("one in five", "three out of four"). */
export const RATIO_IN_TEXT = /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:in|out\s+of)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|every)\b(?!\s*(?:%|per\s?cent))/gi;
const RATIO = new RegExp(`^${RATIO_IN_TEXT.source}$`, 'i');
const SHARE_WORDS = /\b(?:half|third|thirds|quarter|quarters|majority|minority|fifth|fifths|tenth)\b/i;
const YEAR = /\b1[0-9]{3}\b|\b20[0-9]{2}\b/;
/** A number that is only a year ("2005", "2006/07"; not "2,000" or "1500 soldiers", which the caller checks after). */
const YEAR_ONLY = /^(?:in\s+|since\s+)?(?:1[0-9]{3}|20[0-9]{2})(?:\s*[/–-]\s*\d{2,4})?$/i;
/** Words before a year that tell a thing's date, so its age: "dating to 1338", "built in 1890", "founded in 1902", "since 1990". */
const DATING_CUE = /\b(?:dat(?:es|ed|ing)\s+(?:back\s+)?(?:to|from)|(?:built|founded|established|formed|created|constructed|completed|opened|born|set up|launched|erected|started|begun|began|made|written|composed|painted|published|introduced|first\s+\w+)\s+(?:in|on)|since)\s+(?:(?:about|around|c\.|circa|the|early|mid|late)[\s-]+)*$/i;
/** A sports or academic season ("2006/07", "the 2005 season"): a time, never a thing's date. */
const SEASON = /^\d{4}\s*\/\s*\d{2,4}|^\d{4}(?:\s*[–-]\s*\d{2,4})?\s+season/i;
/** Ordinal numbers: a rank, not a count ("the 15th", "eighth"). */
const ORDINAL = /^\d+(?:st|nd|rd|th)\b|^(?:first|second|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth|\w+tieth|hundredth|thousandth|millionth)\b/i;
/** What an ordinal counts so far when it comes before it ("his 50th *cap*", "a 12th *world record*"). */
const ORDINAL_TALLY = /^\s+(?:(?:world|career|international|league|test|grand slam|major)\s+)?(?:caps?|appearances?|titles?|records?|wins?|victor(?:y|ies)|starts?|hat-tricks?|trophies|trophy|medals?)\b/i;
/** Whether a number is a year, a rank, a time of day or a day of a date rather than a count of things. */
function isNotCount(sentence: string, start: number, end: number): boolean {
  const text = sentence.slice(start, end).trim();
  const before = sentence.slice(Math.max(0, start - 12), start);
  const after = sentence.slice(end, end + 20);
  // (but the nth of a tally counts it so far: "wins his 50th cap", "her 12th world record"; "his 15th goal of the season"
  // stays a rank, a goal in the match asked)
  if (ORDINAL.test(text) || /^(?:st|nd|rd|th)\b/i.test(after)) return !ORDINAL_TALLY.test(after.replace(/^(?:st|nd|rd|th)\b/i, ''));
  // "the third" is a rank; "a third", "two thirds" are shares
  if (/^third$/i.test(text) && !/\b(?:a|one|two)\s*$/i.test(before)) return true;
  // a year is a count only when a counted noun follows it ("1500 soldiers")
  // (a plural or a group: "1946 movie" is the film's year)
  if (YEAR_ONLY.test(text) && !/^\s+(?!(?:and|or|to|the|a|an|in|on|at|of|for|by|with|from|when|after|before|as|but|was|were|is|are|season|this|its|his|has|does|plus|across|thus|less|unless|always|perhaps|whereas|besides|towards)\b)(?:[a-z]{2,}s|people|staff|police|cattle|personnel|crew|folk|livestock)\b/.test(after)) return true;
  // "people over 60", "those aged under 16": an age bracket of a group, not how many there are
  const group = `${sentence.slice(Math.max(0, start - 30), start)}${/^(?:over|under|above|below|aged)\s/i.test(text) ? text.replace(/\d.*$/, '') : ''}`;
  if (/\b(?:people|persons|those|adults|men|women|children|kids|pensioners|voters|workers|patients|residents|drivers|anyone|everyone)\s+(?:aged\s+)?(?:over|under|above|below|aged)\s*$/i.test(group)) return true;
  // "people aged between 18 and 34", "those aged 16 to 24": an age range
  // (or "the voting age to 16": an age)
  if (/\baged\s+(?:between\s+|from\s+)?(?:\d+\s*(?:and|to|-|–)\s*)?$|\bages?\s+(?:of|to|at|from)\s+$/i.test(sentence.slice(Math.max(0, start - 30), start))) return true;
  // "the Falcon 25", "Xbox 2", "Channel 4": a number after a name inside the sentence names a model or a channel
  // ("BBC Radio 2": the name may be a run of capitalised words)
  if (/^\d+(?:\s|$)/.test(text) && /[A-Za-z,]\s+(?!(?:About|Around|Over|Under|Nearly|Almost|Some|Only|Just|All|And|But|The|In|On|At|By|To|Of|For|From|Since|Until|Than)\s)[A-Z][A-Za-z]*\s+$/.test(sentence.slice(Math.max(0, start - 40), start))) return true;
  // "10:30", "3pm", "May 15"
  if (/^(?::\d|\s*(?:am|pm|a\.m\.|p\.m\.|GMT|BST)\b)/i.test(after)) return true;
  // (and "5 May": the day before its month)
  if (/^\d{1,2}$/.test(text) && (MONTH_BEFORE.test(before) || MONTH_AFTER.test(after))) return true;
  // "One of the next titles": one among others, not how many
  if (/^one$/i.test(text) && /^\s+of\b/i.test(after)) return true;
  // "with the score at 1-1", "a 2-0 win": a score, not how many
  if (/^\d{1,2}\s?[-–]\s?\d{1,2}$/.test(text) && (SCORE_BEFORE.test(sentence.slice(Math.max(0, start - 25), start)) || SCORE_AFTER.test(after))) return true;
  return false;
}
const SCORE_BEFORE = /\b(?:score|scored|scoreline|at|won|beat|beaten|drew|draw|lost|led|leading|trailing)\s+(?:(?:a|the|it|them|him|her|by)\s+)?$/i;
const MONTH_WORDS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec';
/** A month right before a number ("May 15") or right after it ("5 May"): the number is a day. */
const MONTH_BEFORE = new RegExp(`\\b(?:${MONTH_WORDS})\\.?\\s*$`);
const MONTH_AFTER = new RegExp(`^\\s*(?:${MONTH_WORDS})\\b`);
const SCORE_AFTER = /^\s*(?:win|winners|victory|victors|defeat|draw|loss|lead|home|away|scoreline|result|thrashing|drubbing|ahead|behind|deficit|on aggregate|in front)\b/i;

/** Whether a number is told in a unit of time ("six weeks", "a 10-year plan") or spans years ("1961 to 1972"). */
function toldAsTime(text: string, after: string): boolean {
  return DURATION.test(after) || DURATION.test(text.replace(LEADING_NUMBER, ' ')) || /^\s*(?:from\s+)?\d{4}\s*(?:to|until|-|–)\s*\d{2,4}\b/.test(text);
}

/** Whether the number at `start..end` of the sentence is a quantity of one of the kinds (read with its unit around it). */
export function isQuantityOf(kinds: readonly QuantityKind[], sentence: string, start: number, end: number): boolean {
  const text = sentence.slice(start, end);
  const before = sentence.slice(Math.max(0, start - 12), start);
  const after = sentence.slice(end, end + 40);
  return kinds.some((kind) => {
    switch (kind) {
      case 'money':
        return MONEY.test(text) || /[$£€¥]\s*$/.test(before) || /^\s*(?:m|bn|k|million|billion|trillion)?\s*(?:dollars?|pounds?|euros?|yen|francs?|rupees?|yuan|roubles?|rubles?|cents?|pence|p)\b/i.test(after);
      case 'percent':
        // "the fourth quarter" is a period of the year, not a share
        // ("profits tripled": a change told as a multiple)
        // ("on one point": a point spelled out without "percentage" is no share)
        // ("one in five loans": a share told as so many in so many)
        return MULTIPLIED.test(text.trim()) || RATIO.test(text.trim()) || (PERCENT.test(text) && !WORDED_POINT.test(text)) || (SHARE_WORDS.test(text) && !QUARTER_OF_YEAR.test(sentence.slice(Math.max(0, start - 20), end + 12))) || /^\s*(?:%|per ?cent\b|percent\b|percentage points?\b)/i.test(after) || (/\d/.test(text) && /^\s*points?\b/i.test(after));
      case 'age':
        // "aged 34", "34-year-old", "34 years old", "the age of 34", "Smith, 34, said", "(34)"
        // (a thing's age is told by its date: "graves dating to 1338")
        // a year is an age only as a thing's date ("dating to 1338"), never "2006/07" beside a person
        return (YEAR.test(text) && !SEASON.test(sentence.slice(start, end + 12)) && DATING_CUE.test(sentence.slice(Math.max(0, start - 40), start))) || /\baged?\s*$|\bage of\s*$/i.test(before) || /^\s*-?\s*years?[-\s]old\b|^-year-old\b/i.test(after) || (/^\s*\d{1,3}\s*$/.test(text) && ((/,\s*$/.test(before) && /^\s*,/.test(after)) || (/\(\s*$/.test(before) && /^\s*\)/.test(after))));
      case 'duration':
        return toldAsTime(text, after) || ((GAMES_SPAN.test(after) || GAMES_SPAN.test(text.replace(LEADING_NUMBER, ' '))) && BAN_WORDS.test(sentence.slice(Math.max(0, start - 40), end + 40)));
      case 'distance':
        // "won the 400m": an athletics event, not a distance
        if (/\bthe\s*$/i.test(before) && /^\s*\d{2,5}\s?(?:m|metres|meters)\b(?!\s+(?:long|wide|high|tall|deep|of|from|away))/i.test(text + after)) return false;
        return DISTANCE.test(after) || DISTANCE.test(text.replace(LEADING_NUMBER, ' '));
      case 'speed':
        return SPEED.test(after) || SPEED.test(text.replace(LEADING_NUMBER, ' '));
      case 'weight':
        return WEIGHT.test(after) || WEIGHT.test(text.replace(LEADING_NUMBER, ' '));
      case 'count':
        // "how many people": not "30 days" (a question counting days asks for a duration: COUNTED_UNITS), nor "once"
        // (nor a bare decimal, "9.3", which counts no things: "2.5 million" and "1.5bn" do)
        // (nor "four points", spelled out or not)
        // (a number of games is a count of them: only "how long" reads it as a time)
        return !OCCASIONS.test(text) && !isQuantityOf(['money', 'percent', 'distance'], sentence, start, end) && !toldAsTime(text, after) && !/\bpoints?\b/i.test(text) && !/^\s*points?\b/i.test(after) && !isNotCount(sentence, start, end) && !(/^\d+\.\d+$/.test(text.trim()) && !/^\s*(?:m|bn|k|million|billion|trillion|thousand)\b/i.test(sentence.slice(end, end + 12)));
      case 'times':
        // "how many times": "once", "twice", "five times", "for the 21st time", "nine of her previous meetings"
        return OCCASIONS.test(text) || /^\s*times\b/i.test(after) || /\stimes$/i.test(text) || (ORDINAL.test(text.trim()) && /^\s+time\b/i.test(after)) || /^\s+of\s+(?:(?:her|his|their|its|the)\s+)?(?:[\w-]+\s+)?(?:meetings|matches|games|encounters|attempts|visits|starts|outings|bids|finals)\b/i.test(after);
      case 'score':
        return isScore(text);
    }
  });
}

/** What a rate is per ("a year", "per passenger", "annually"): the question's and a number's must agree. */
const RATE_WORDS: Readonly<Record<string, string>> = { annually: 'year', yearly: 'year', monthly: 'month', weekly: 'week', daily: 'day', hourly: 'hour', annum: 'year' };
/** "a year", "per head": after "a" only a unit of time is a rate ("how much does a household pay" names who pays). */
const QUESTION_RATE = /\b(?:a|an|per|each|every)\s+(year|month|week|day|hour|minute|second)\b|\b(?:per|each|every)\s+(head|person|household|seat|passenger|game|match)\b|\b(annually|yearly|monthly|weekly|daily|hourly)\b/i;
const NUMBER_RATE = /^\s*(?:bn|m|k|million|billion|trillion)?\s*(?:(?:dollars?|pounds?|euros?|yen|cents?|pence|per ?cent|%)\s*)?(?:(?:a|an|per|each|every)\s+(?:(?:single|new|extra|additional)\s+)?([a-z]+)|(annually|yearly|monthly|weekly|daily|hourly))\b/i;

/** The unit a question asks a rate per ("how much does it cost a year" → year), or null. */
export function rateAsked(question: string): string | null {
  const m = QUESTION_RATE.exec(question);
  const word = (m?.[1] ?? m?.[2] ?? m?.[3])?.toLowerCase();
  return word ? (RATE_WORDS[word] ?? word) : null;
}

/** Whether the number at `start..end` is a rate per something other than `per` ("£90 per passenger" when a year is asked). */
export function otherRate(per: string, sentence: string, start: number, end: number): boolean {
  const m = NUMBER_RATE.exec(sentence.slice(end, end + 50));
  const word = (m?.[1] ?? m?.[2])?.toLowerCase().replace(/s$/, '');
  return word !== undefined && (RATE_WORDS[word] ?? word) !== per;
}

/** The ways news sets a person's age right beside the name: "Anelka, 25,", "19-year-old Simpson", "Smith (34)", "At 23, Henson". */
/** A verb whose object is the name after it ("*pipped* Maurice Greene"), ending a stretch of words. */
const VERB_BEFORE_OBJECT = /\b(?:[a-z]+ed|beat|beats|won|took|joins|replaces|faces|met|meets|follows|succeeds)/;
/** A described age, then a verb and the name it acts on: "-year-old pipped *Maurice* Greene"; group 1 is the name's first word. */
const AGE_OBJECT_AFTER = new RegExp(`^-year-old\\s+(?:[a-z-]+\\s+){0,2}?${VERB_BEFORE_OBJECT.source}\\s+(\\p{Lu}[\\p{L}'’-]+)`, 'u');
const AGE_NAMED: readonly { re: RegExp; age: number; name: number }[] = [
  { re: /(\p{Lu}[\p{L}'’-]+),\s+(?:who is\s+|aged\s+)?(\d{1,3}),/gu, age: 2, name: 1 },
  // (a verb before the name makes it the object, someone else: "The 22-year-old *pipped* Maurice Greene")
  { re: new RegExp(`\\b(\\d{1,3})-year-old\\s+(?:[a-z-]+\\s+){0,2}?(?<!${VERB_BEFORE_OBJECT.source}\\s)(\\p{Lu}[\\p{L}'’-]+)`, 'gu'), age: 1, name: 2 },
  { re: /(\p{Lu}[\p{L}'’-]+)\s+\((\d{1,3})\)/gu, age: 2, name: 1 },
  { re: /(\p{Lu}[\p{L}'’-]+),?\s+aged\s+(\d{1,3})\b/gu, age: 2, name: 1 },
  { re: /\bAt\s+(\d{1,3}),\s+(\p{Lu}[\p{L}'’-]+)/gu, age: 1, name: 2 },
  // (the speaker's age closing a quote: "said Hynde, 53.")
  { re: /\b(?:said|says|added|adds|explained|told)\s+(?:\p{Lu}[\p{L}'’-]+\s+)?(\p{Lu}[\p{L}'’-]+),\s+(\d{1,3})(?=[.;!?]|$)/gu, age: 2, name: 1 },
];

/** "the 60-year-old actor": an age told by a description of the person, not followed by someone's name. */
const AGE_DESCRIBED = /\b[Tt]he\s+(\d{1,3})-year-old\s+(?:(?:former|ex|new|young|veteran)\s+)?(?:\p{Lu}[\p{L}'’-]*\s+){0,2}(?:[a-z]+ing\s+)?(?:international|scrum-half|fly-half|full-back|flanker|hooker|batsman|bowler|jockey|cyclist|swimmer|actor|actress|singer|star|striker|midfielder|defender|winger|forward|player|athlete|runner|sprinter|boxer|golfer|driver|director|writer|author|presenter|musician|rapper|model|comedian|chef|designer|businessman|businesswoman|executive|politician|minister|coach|manager|captain|keeper|goalkeeper|centre|teenager|youngster|veteran|premier|man|woman)\b(?!\s+\p{Lu})/u;
/**
 * "The 71-year-old served …", "the 25-year-old Dubliner underlined …", "The 25-year-old, who …": the age as the subject
 * of a verb (or a demonym's), someone the article is about.
 */
const AGE_SUBJECT = /\b[Tt]he\s+(\d{1,3})-year-old(?:\s+\p{Lu}\p{Ll}+(?:er|man|woman|ian|an|ese|ish))?(?=,|\s+(?:[a-z]+ed|said|says|has|had|is|was|will|would|told|made|won|became|who|denies|wrote|took|gave|went|came|left|ran|got|spoke|sang|led|lost|kept|beat)\b)/u;

/**
 * The age a sentence sets right beside a name the question asks about (index terms `named`), or, in an article whose
 * title names the person (`aboutNamed`), by a description of them ("the 60-year-old actor"); asked at an event
 * (`atEvent`), only an age the sentence gives at a deed ("at the age of 43"); null when none.
 */
export function ageNamed(sentence: string, named: ReadonlySet<string>, termsOf: (word: string) => string[], aboutNamed = false, atEvent = false): string | null {
  if (named.size === 0) return null;
  // (an age asked at an event, "how old was he when he became editor", is no age set beside the name: "Lee, 82," is the
  // age at the telling)
  for (const { re, age, name } of atEvent ? [] : AGE_NAMED) {
    for (const m of sentence.matchAll(re)) {
      const years = Number(m[age]);
      if (years >= 1 && years < 120 && termsOf(m[name]!).some((t) => named.has(t))) return m[age]!;
    }
  }
  // "Mr Blair became the youngest premier … at the age of 43": an age at a deed, in a sentence naming the one asked
  const atAge = AT_AGE.exec(sentence)?.[1];
  if (atAge !== undefined && termsOf(sentence).some((t) => named.has(t))) return atAge;
  // "Merle Kilgore, co-writer of …, has died of heart failure aged 70": the age at death of the one the sentence opens with
  const died = atEvent ? undefined : DIED_AGED.exec(sentence)?.[1];
  if (died !== undefined && (capitalRuns(sentence)[0] ?? []).some((w) => termsOf(w).some((t) => named.has(t)))) return died;
  if (!aboutNamed) return null;
  // "The England international, 24, was hurt", "offered £500,000 for the Wales star, 30,": a description with its age
  const apposed = AGE_APPOSED.exec(sentence)?.[1];
  if (apposed !== undefined) return apposed;
  // (a subject doing something to the one asked is someone else: "The 22-year-old pipped *Maurice Greene*")
  const subject = AGE_SUBJECT.exec(sentence);
  const object = subject ? AGE_OBJECT_AFTER.exec(sentence.slice(subject.index + subject[0].indexOf('-year-old')))?.[1] : undefined;
  // ("… how to replace the 32-year-old."): an age closing the sentence describes someone already named
  return AGE_DESCRIBED.exec(sentence)?.[1] ?? (object !== undefined && termsOf(object).some((t) => named.has(t)) ? null : subject?.[1]) ?? AGE_CLOSING.exec(sentence)?.[1] ?? null;
}

/** A sentence opening with a described age as its subject: "The 22-year-old is set to compete …". */
const OPENS_DESCRIBED_AGE = /^\W*[Tt]he\s+\d{1,3}-year-old\b/;
/** A verb closing the stretch of a sentence that names its subject ("Mark Lewis-Francis *has* stepped up …"). */
const SUBJECT_VERB = /^(?:[a-z]+ed|has|have|had|is|was|are|were|will|would|can|could|said|says|told|became|began|won|beat|lost|made|took|went|came|left|got|ran|led|faces|insists|hopes|believes)$/;
/** Verbs of saying, whose clause after names who is told of. */
const REPORTING = /^(?:says|said|insists|insisted|believes|believed|told)$/;
/** Sentences looked back over for the one a sentence-opening "The 22-year-old" describes. */
const DESCRIBED_REACH = 3;

/**
 * Whether a sentence opening with "The 22-year-old" describes someone the sentences before name as their subject, other
 * than the one asked (index terms `named`): after "Mark Lewis-Francis has stepped up his preparations … by taking advice
 * from … Linford Christie", the 22-year-old is Lewis-Francis. Quoted words name no subject; a sentence whose subject
 * names no one ("But the Sale full-back pulled out", "Polar Express is based on …": `personName` tells) passes the look to
 * the one before.
 */
export function ageOfAnother(sentenceAt: (i: number) => string | undefined, index: number, named: ReadonlySet<string>, termsOf: (word: string) => string[], personName: (run: readonly string[]) => boolean): boolean {
  if (!OPENS_DESCRIBED_AGE.test(sentenceAt(index) ?? '')) return false;
  for (let j = index - 1; j >= 0 && j >= index - DESCRIBED_REACH; j--) {
    const told = (sentenceAt(j) ?? '').replace(/["“][^"”]*["”]/g, ' ').replace(/["“].*$/s, ' ');
    const words = told.split(/\s+/);
    const verbAt = words.findIndex((w) => SUBJECT_VERB.test(w.replace(/[^\p{L}]/gu, '')));
    // (what someone says tells of the one it names: "Mike Ruddock *says* John Yapp has what it takes. The 21-year-old …"
    // is Yapp)
    const reported = verbAt >= 0 && REPORTING.test(words[verbAt]!.replace(/[^\p{L}]/gu, '')) ? words.slice(verbAt + 1).findIndex((w) => SUBJECT_VERB.test(w.replace(/[^\p{L}]/gu, ''))) : -1;
    const subject = (verbAt < 0 ? words : reported > 0 ? words.slice(verbAt + 1, verbAt + 1 + reported) : words.slice(0, verbAt)).join(' ');
    const runs = capitalRuns(subject);
    if (runs.some((run) => run.some((w) => termsOf(w).some((t) => named.has(t))))) return false;
    if (runs.some(personName)) return true;
  }
  return false;
}

/** "… to replace the 32-year-old.": a described age closing its sentence (not a speaker's: "said the 23-year-old."). */
const AGE_CLOSING = /(?<!\b(?:said|says|added|adds|told|explained)\s+)\b[Tt]he\s+(\d{1,3})-year-old\s*(?=[.!?]|$)/;
/** "has died … aged 70", "died on Sunday, aged 84": the age at death. */
const DIED_AGED = /\b(?:died|dies)\b[^.;:"“]*?\baged\s+(\d{1,3})\b/;
/** "the England international, 24,": a description of someone set with their age between commas. */
const AGE_APPOSED = /\b[Tt]he\s+(?:[\p{L}'’-]+\s+){0,3}?(?:international|star|striker|midfielder|defender|winger|forward|player|captain|keeper|goalkeeper|actor|actress|singer|rapper|presenter|director|veteran|youngster|teenager|champion|athlete|sprinter|runner|boxer|golfer|driver|scrum-half|fly-half|full-back|flanker|hooker|prop|centre|lock|batsman|bowler),\s+(\d{1,3}),/u;

/** "at the age of 43", "by the age of 20". */
const AT_AGE = /\b(?:at|by)\s+the\s+age\s+of\s+(\d{1,3})\b/;

/** Words naming someone's relative. */
const KIN = /^(?:wife|husband|son|daughter|mother|father|brother|sister|widow|widower|partner|girlfriend|boyfriend|fiancee?|grandson|granddaughter|grandmother|grandfather|mum|dad)s?$/i;
/** Tokens either side of an age within which the thing it is the age of must be named ("Smith, 34,", "34-year-old Smith"). */
const AGE_REACH = 5;

/**
 * Whether an age at `start..end` stands beside a word the question names (index terms `asked`): "the 26-year-old
 * will face competition from … Henson" tells someone else's age, not Henson's.
 */
export function ageBeside(sentence: string, start: number, end: number, asked: ReadonlySet<string>, termsOf: (word: string) => string[]): boolean {
  // a thing's age told by its date ("graves dating to 1338") is not a person's
  if (YEAR.test(sentence.slice(start, end))) return true;
  // "Lucy, 36,": an age set off after a name is that name's
  const owner = /(\p{Lu}[\p{L}'’-]+),\s*$/u.exec(sentence.slice(Math.max(0, start - 40), start))?.[1];
  if (owner && /^\s*,/.test(sentence.slice(end))) return termsOf(owner).some((t) => asked.has(t));
  const before = sentence.slice(0, start).split(/\s+/).filter(Boolean).slice(-AGE_REACH);
  // (an age told of a relative not asked is the relative's: "just 11 days after his wife Audrey died aged 91")
  const kin = before.find((w) => KIN.test(w.replace(/[^\p{L}]/gu, '')));
  if (kin !== undefined && !termsOf(kin).some((t) => asked.has(t))) return false;
  // (a described age doing something to the one named after it is someone else's: "The 22-year-old pipped Maurice Greene")
  const objectAfter = AGE_OBJECT_AFTER.test(sentence.slice(end));
  const after = objectAfter ? [] : sentence.slice(end).split(/\s+/).filter(Boolean).slice(0, AGE_REACH);
  return [...before, ...after].some((w) => termsOf(w).some((t) => asked.has(t)));
}

/**
 * The unit of time a when-question asks for: "what day" a weekday or a date with its day, "what month" a month,
 * "what year" a year, "what century / decade" a year or an era, "what time" a time of day; null for plain "when".
 */
export type TimeUnit = 'day' | 'date' | 'month' | 'year' | 'era' | 'clock';

const MONTH_NAME = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
/** The days of the week, as a regular-expression source. */
export const WEEKDAY_NAME = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
/** A time of day: "10:30", "3pm", "7 a.m.", "noon", "Sunday evening". */
export const CLOCK_TIME = /\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w)|\b\d{1,2}:\d{2}\b|\b[0-2]\d[0-5]\d\s*(?:GMT|BST|UTC|CET|EST|PST)\b|\b(?:noon|midday|midnight)\b/gi;
const TIME_UNITS: Record<TimeUnit, RegExp> = {
  day: new RegExp(`\\b${WEEKDAY_NAME}\\b|\\b${MONTH_NAME}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAME}`),
  // a day of a month, never a weekday alone ("what are the festival dates": "24-26 June", not "Saturday")
  date: new RegExp(`\\b${MONTH_NAME}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAME}`),
  month: new RegExp(`\\b${MONTH_NAME}(?!\\w)`),
  year: /\b\d{3,4}(?!\d)/,
  era: /\d{3,4}|\bcentur(?:y|ies)\b|\d0s\b/i,
  clock: new RegExp(`${CLOCK_TIME.source}|\\b(?:morning|afternoon|evening|night|dawn|dusk|overnight)\\b`, 'i'),
};

/** The unit of time a when-question asks for, or null when any time will do ("when did it start"). */
export function timeUnitAsked(question: string): TimeUnit | null {
  const q = question.toLowerCase();
  // "what date(s)", "the exact date": the days of a month ("Friday" alone tells no date)
  if (/\b(?:what|which)\s+dates?\b|\bexact\s+dates?\b|\bwhat(?:['’]?s| is| are| was| were) (?:the )?(?:[\w'’-]+ ){0,3}dates\b/.test(q)) return 'date';
  if (/\b(?:what|which)\s+day\b/.test(q)) return 'day';
  if (/\b(?:what|which)\s+month\b/.test(q)) return 'month';
  if (/\b(?:what|which)\s+year\b/.test(q)) return 'year';
  if (/\b(?:what|which)\s+(?:century|decade)\b/.test(q)) return 'era';
  // "at what time did it start", "what time is kick-off"; not "during what time" or "what time frame" (a period)
  if (/(?<!\bduring )\bwhat time(?:\s+of\s+(?:the\s+)?day|\s+(?:is|was|are|were|did|does|do|will|would|can|should)\b|\s*\W*$)/.test(q)) return 'clock';
  return null;
}

/**
 * Whether a time told as `text` is of the unit asked: "2002" is no answer to "what day", "Tuesday" none to "what year";
 * a time told relative to the article's own date ("last month", "yesterday") names no month or day either.
 */
export function isTimeOf(unit: TimeUnit, text: string): boolean {
  // "1801–1866" is a span of years (a life, a reign), not the one year asked
  if (unit === 'year' && /^\D*\d{4}\s*(?:[–—-]|to)\s*(?:c\.\s*)?\d{4}\D*$/.test(text)) return false;
  return TIME_UNITS[unit].test(text);
}

const RISE = /^(?:rise|rises|rose|risen|rising|increase|increased|increases|gain|gained|gains|grow|grew|grown|growing|jump|jumped|climb|climbed|soar|soared|surge|surged|up|higher|boost|boosted)$/i;
const FALL = /^(?:fall|falls|fell|fallen|falling|drop|dropped|drops|decline|declined|cut|cuts|shrink|shrank|slump|slumped|down|lose|lost|plunge|plunged|slide|slid|lower|tumble|tumbled|dip|dipped|decrease|decreased)$/i;

/** The way a change is asked about ("how much did shares *rise*"): up, down, or null when the question names none or both. */
export function changeAsked(question: string): 'up' | 'down' | null {
  const ws = question.toLowerCase().split(/[^a-z]+/);
  const up = ws.some((w) => RISE.test(w));
  const down = ws.some((w) => FALL.test(w));
  return up === down ? null : up ? 'up' : 'down';
}

/**
 * The economic thing whose change a figure tells: the last such word in its clause before it ("music *sales* for the year
 * will fall 8-9%"), or null; shares and stock are one.
 */
export function changedThing(before: string): string | null {
  const clause = before.split(/[,;:]|\b(?:and|but|while|whereas|with)\b/).pop() ?? '';
  const found = [...clause.toLowerCase().matchAll(CHANGED_THINGS)].pop()?.[0];
  return found === undefined ? null : found.replace(/^stocks?$/, 'shares');
}
/** What a change may be told of: the economic words, less those that describe the change itself ("an annual *rate* of"). */
const CHANGED_THINGS = new RegExp(`${ECONOMIC_WORDS.source.replace('rates?|', '').replace('growth|', '')}|\\b(?:loss(?:es)?|orders|deliveries|reserves|borrowing|unemployment)\\b`, 'g');
/** The economic things a question asks a change of ("how much did emi *shares* fall"), shares and stock as one. */
export function thingsAsked(question: string): string[] {
  return [...question.toLowerCase().matchAll(CHANGED_THINGS)].map((m) => m[0].replace(/^stocks?$/, 'shares'));
}

/** Whether the words just before a number tell a change the other way than asked ("fell $12.33" for "how much did it rise"). */
/**
 * Whether a number is told as no change at all: no word of rising or falling in the six words before it or the three
 * after ("owns 6.7% of its shares" for "how much did its shares rise"; "up 19.6%", "a 5% rise" are changes).
 */
export function noChangeTold(sentence: string, start: number, end: number): boolean {
  const before = sentence.slice(Math.max(0, start - 60), start).split(/[^A-Za-z]+/).filter(Boolean).slice(-6);
  const after = sentence.slice(end, end + 30).split(/[^A-Za-z]+/).filter(Boolean).slice(0, 3);
  const word = /^[a-z]+/i.exec(sentence.slice(start))?.[0] ?? '';
  return !MULTIPLIED.test(word) && ![...before, ...after].some((w) => RISE.test(w) || FALL.test(w) || /^(?:rally|rallied|slip|slipped|ahead|added|adding|shed|losing|gaining|jumps|climbs|change|changed|increasing|raising|raise|raised|cutting)$/i.test(w));
}

export function otherDirection(asked: 'up' | 'down', sentence: string, start: number): boolean {
  // ("halved" for a rise, "doubled" for a fall: the change is the word itself)
  const word = /^[a-z]+/i.exec(sentence.slice(start))?.[0] ?? '';
  if (MULTIPLIED.test(word)) return (asked === 'up') === /^halved$/i.test(word);
  const before = sentence.slice(Math.max(0, start - 30), start).split(/[^A-Za-z]+/).filter(Boolean).slice(-3);
  return before.some((w) => (asked === 'up' ? FALL : RISE).test(w)) && !before.some((w) => (asked === 'up' ? RISE : FALL).test(w));
}

/** Whether the span at `start..end` is "one" picking one thing out, which counts nothing ("*One* such avatar", "one of the", "one day"). */
export function picksOneOut(sentence: string, start: number, end: number): boolean {
  return /^one$/i.test(sentence.slice(start, end)) && /^\s+(?:such|another|day|time|way|thing|reason|problem|of\s+(?:the|his|her|its|their|them|those|these|our|my|your))\b/i.test(sentence.slice(end));
}
