// Question analysis: what a question asks for (its type, focus noun, the slot of its verb).
import { tagQuestion } from './pos-tags.ts';
import { STOP_WORDS, stem, words } from './text.ts';

/** What kind of short answer a question asks for. */
export type QuestionType = 'who' | 'when' | 'where' | 'number' | 'what' | 'other';

/** Nouns that ask a quantity of one kind (answer-units reads the kind): a share, money, either, a count. */
export const SHARE_NOUNS = 'growth|inflation|stake|unemployment';
export const MONEY_NOUNS = 'profit|revenue|turnover|debt|valuation';
export const BALANCE_NOUNS = 'deficit|surplus';
export const COUNT_NOUNS = 'attendance';
/** "what was the score (in …)", "what's the final score", "what was the egypt v belgium score": a game's score is asked. */
/** (the noun, not the verb: "what minute did rooney score" asks a time) */
export const SCORE_ASKED = /\b(?:what|which|whats)\b.*(?<!\b(?:did|does|do|will|would|can|could|to|has|have|had)\s+(?:[\w'’-]+\s+){0,3})\b(?:score|scoreline)\b(?!\s+(?:for|of)\s+(?:credit|test|exam))/;
/** "what was X's winning time", "whats kelly holmes time in the 1500m": the time a race took, a duration ("6.46secs"). */
/** (never a clock's time, "what time does it start", nor "this / last / half time"; "what time did X clock" is a race's) */
export const RACE_TIME_ASKED = /^\W*(?:[\w'’]+\s+){0,2}?what\s+time\s+(?:did|does|do|has|have|will)\s+(?:[\w'’-]+\s+){1,4}?(?:clock|clocked|run|ran|record|recorded|post|posted|set|finish|finished)\b|^\W*(?:[\w'’]+\s+){0,2}?(?:what|whats|what['’]s)(?:\s+(?:is|was|were|are))?\s+(?!time\b)(?:[\w'’-]+\s+){0,5}?(?:winning|record|finishing|best|lap|qualifying|race|marathon|[\w-]+['’]s|[\w-]+s)(?<!\b(?:this|its|his|hers|was|is|us|plus|less|bus|yes|has|does|sales|news|times|terms)) time\b(?:\s+(?:in|at|over|for|on)\b.*|\W*)$/;
/** "what is X at now": the level something stands at (a time word makes "at" no place: "what is he good at"). */
const LEVEL_AT_ASKED = /^\W*(?:[\w'’]+\s+){0,2}?what\s+(?:is|are|was|were)\s+(?:the\s+)?(?:[\w'’-]+\s+){1,4}?at\s+(?:now|right now|rn|currently|the moment|present|today|the minute)\W*$/;
/** "number one", "number 10": a place in a chart or an address, never a quantity asked ("which album is number one"). */
const NUMBER_LABEL = /\bnumber\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\b/g;
/** Nouns after "what" / "which" that ask for a quantity. */
const QUANTITY_NOUNS = `percentage|percent|majority|turnout|proportion|number|amount|price|cost|population|size|rate|temperature|speed|distance|length|height|depth|weight|value|share|fraction|ratio|sum|total|budget|fee|salary|wage|fine|score|scoreline|${SHARE_NOUNS}|${MONEY_NOUNS}|${BALANCE_NOUNS}|${COUNT_NOUNS}|limit`;

/** "what / which (is) (the) (up to two words) NOUN": a question naming the quantity it asks by its noun. */
export const whatNoun = (nouns: string) => new RegExp(`\\b(?:what|which)(?: (?:was|is|were|are))?(?: the)? (?:[\\w'’]+ ){0,2}(?:${nouns})s?\\b`);
const QUANTITY_QUESTION = whatNoun(QUANTITY_NOUNS);

/** "what's the price", "who's the boss": the question word's "is" written out, as the patterns read it. */
export function expandIs(question: string): string {
  return question.replace(/\b(what|who|where|when|which|how)['’]s\b/gi, '$1 is');
}

/** "what kind of network": a description is asked, not a name or a number. */
const KIND_OF = /\b(?:what|which) (?:kind|type|sort)\b/;
/** "what does an ipod cost", "what is the club worth": a price or a value asked without "how much". */
export const COST_ASKED = /\bwhat (?:does|did|do|will|would|could|might) (?:[\w'’-]+\s+){1,5}?cost\b|\bwhat (?:is|was|are|were|['’]s) (?:[\w'’-]+\s+){1,5}?worth\b/;

/** "what / which [one or two describing words] NOUN", the noun naming the kind of answer. */
const WH_NOUN = (nouns: string) => new RegExp(`\\b(?:what|which)\\s+(?:(?!(?:is|was|are|were|did|does|do|has|have|had|the|a|an|about)\\b)[a-z-]+\\s+){0,2}?(?:${nouns})\\b`);
const PLACE_QUESTION = WH_NOUN('city|cities|country|countries|place|state|region|town|towns|continent|nation|county|province|location|area|island|river|street|district|borough|neighborhood|theatre|theater|venue|stadium|arena|prison|hotel');
const PERSON_QUESTION = WH_NOUN('person|man|woman|company|organization|group|team|president|king|queen|author|scientist|leader|emperor|artist|composer|writer|player|politician|general');

/** A who-question whose focus is an organisation or a side, not a person ("which *team* won", "what *company* bought"). */
const ORGANIZATION_QUESTION = WH_NOUN('team|teams|side|club|company|companies|firm|firms|organization|organisation|group|band|party|corporation|network|broadcaster|airline|bank|agency|newspaper|channel|label|university|school|government|supermarket|retailer|retailers|carmaker|manufacturer|maker|publisher|studio|operator|insurer|lender|chain|brewer|watchdog|regulator|charity|charities|shop|store');

/** A who-question whose focus is a person ("which *player* scored", "what *minister* resigned"). */
export const PERSON_FOCUS_NOUNS = 'person|people|man|men|woman|women|president|king|queen|author|scientist|leader|emperor|artist|composer|writer|player|players|politician|minister|manager|coach|actor|actress|singer|striker|captain|chairman|director|boss|chief|judge|mayor|governor|senator|prime minister|chancellor|lawyer|barrister|mp|candidate|driver|rider|athlete|boxer|golfer|goalkeeper|keeper|defender|midfielder|winger|batsman|bowler|jockey|executive|spokesman|spokeswoman|economist|analyst|designer|presenter|comedian|musician|rapper|journalist|reporter|editor|owner|founder|investor|banker|secretary|doctor|footballer|skipper|prop|flanker|fly-half|scrum-half|hooker|referee|umpire';
const PERSON_FOCUS_QUESTION = WH_NOUN(PERSON_FOCUS_NOUNS);

/** Whether a who-question asks for a person: an organisation's or a side's name is then the wrong kind of answer. */
export function personAsked(question: string): boolean {
  const q = question.toLowerCase();
  // "who's the prime minister", "who is the uk's finance minister": a role held by a person
  const role = /\bwho(?:\s+is|\s+was|['’]s|s)\s+(?:the\s+)?(?:[a-z'’]+\s+){0,2}?([a-z]+)(?:\s+(?:now|currently|today|these days|at the moment|right now))?\s*\??$/.exec(q)?.[1];
  return PERSON_FOCUS_QUESTION.test(q) || (role !== undefined && ROLE_NOUNS.test(role) && !/^(?:general|champion|winner)$/.test(role));
}

/** "who does X play for", "who did X sign for", "who does X work for", "who did X join": a side or an employer is asked. */
const SIDE_OF = /^\W*who\s+(?:does|did|do|will|would|is|was|has|have|had)\s+(?:[\p{L}\d'’.-]+\s+){1,4}?(?:(?:play|plays|playing|played|sign|signs|signing|signed|work|works|working|worked)\s+for|join|joined|joining)\W*$/u;

/** Whether a who-question asks for an organisation or a side: a person's name is then the wrong kind of answer. */
export function organizationAsked(question: string): boolean {
  const q = question.toLowerCase();
  return ORGANIZATION_QUESTION.test(q) || SIDE_OF.test(q);
}

export function classifyQuestion(question: string): QuestionType {
  const q = expandIs(question.toLowerCase());
  if (/\bhow (many|much|long|far|old|big|large|tall|high|often|wide|deep|heavy|fast|rich|wealthy|expensive|costly|cheap)\b/.test(q)) return 'number';
  // ("what are numbers divisible by 3 called" asks a name)
  if (RACE_TIME_ASKED.test(q)) return 'number';
  // "what's italian consumer confidence at now", "what are ssl shares at": a level, told as a number
  if (LEVEL_AT_ASKED.test(q)) return 'number';
  if ((QUANTITY_QUESTION.test(q.replace(NUMBER_LABEL, 'top')) && !KIND_OF.test(q) && !/\b(?:called|named|termed|known as)\W*$/.test(q)) || COST_ASKED.test(q) || SCORE_ASKED.test(q) || /\b(?:what|which) ?%/.test(q)) return 'number';
  // ("what are the festival dates": a date asked by its noun)
  if (/^\W*(?:\w+\s+)?when\b|\bwhen\W*$|\b(what year|which year|what dates?|which dates?|what time|what days?|what month|what century|what decade|what period|what era)\b|\bwhat (?:is|are|was|were) (?:the )?(?:[\w'’-]+ ){0,3}dates?\b/.test(q)) return 'when';
  if (/^\W*(?:\w+\s+)?where\b|\bwhere\W*$/.test(q) || PLACE_QUESTION.test(q)) return 'where';
  if (/\b(who|whom|whose)\b/.test(q) || PERSON_QUESTION.test(q) || (!KIND_OF.test(q) && (PERSON_FOCUS_QUESTION.test(q) || ORGANIZATION_QUESTION.test(q)))) return 'who';
  if (/\b(what|which)\b/.test(q)) return 'what';
  return 'other';
}

/** The noun a "what/which" question asks about: "what *kind of forest*", "which *company*". */
export function focusOf(question: string): Set<string> {
  // one tagger call per question, though the span is sought in several sentences
  if (question !== lastFocusQuestion) {
    lastFocusQuestion = question;
    lastFocus = readFocus(question);
  }
  return new Set(lastFocus);
}
let lastFocusQuestion = '';
let lastFocus = new Set<string>();

/** Role words a who-question asks a name for ("who is *president*"), not a thing to define. */
const ROLE_NOUNS = /^(?:president|vice|prime|minister|chancellor|king|queen|prince|princess|leader|chair|chairman|chairwoman|chief|head|boss|ceo|cfo|coo|exec|executive|officer|founder|owner|director|manager|coach|captain|striker|goalkeeper|player|mayor|governor|secretary|spokesman|spokeswoman|spokesperson|editor|author|winner|champion|speaker|premier|emperor|pope|general|commander|judge|ambassador|envoy|father|mother|son|daughter|wife|husband|brother|sister)$/;

/**
 * The subject a definitional question asks about ("Who is *Bashar Assad*?", "What is *HTS*?",
 * "What was *the Seven Years War*?"), as stems; null for a question asking a name for a role or
 * description ("Who is the Syrian president?", "What is the capital of Kenya?").
 */
export function definedSubject(question: string): Set<string> | null {
  const m = /^\W*(who|what)\s+(?:is|was|are|were)\s+(?:(the|a|an)\s+)?([^?]+?)\s*\?*\s*$/i.exec(question);
  if (!m) return null;
  const det = m[2]?.toLowerCase();
  const subject = m[3]!;
  const ws = words(subject);
  // a description, not a thing: prepositions, possessives, superlatives, ordinals, participles ("known as", "called")
  if (ws.length === 0 || ws.length > 5 || ws.some((w) => PREPOSITIONS.has(w) || AUXILIARIES.has(w) || /(?:est|ed)$|^(?:first|second|third|last|most|main|known|called|named)$|['’]s$/.test(w)) || /['’]s\b/.test(subject)) return null;
  if (m[1]!.toLowerCase() === 'who' && (det === 'the' || ws.some((w) => ROLE_NOUNS.test(w)))) return null;
  // "what is the X": a thing to define when its head is a name ("the Seven Years *War*"), else a description ("the Norman religion")
  if (det === 'the' && !/^\p{Lu}/u.test(subject.split(/\s+/).pop() ?? '')) return null;
  const content = ws.filter((w) => !STOP_WORDS.has(w));
  return content.length ? new Set(content.map(stem)) : null;
}

function readFocus(question: string): Set<string> {
  // "Who is Bashar Assad?" asks what he is: no role to stand beside
  if (/^\W*who\b/i.test(question) && definedSubject(question)) return new Set();
  // "Who is the Syrian *president*?": the role a who-question names is its focus (the answer stands beside it)
  const role = /^\W*who\s+(?:is|was|are|were)\s+(?:the\s+|a\s+|an\s+)?(?:[a-z-]+\s+){0,3}?([a-z-]+)\s*\?*\s*$/i.exec(question);
  if (role && !STOP_WORDS.has(role[1]!.toLowerCase())) return new Set([stem(role[1]!.toLowerCase())]);
  const m = /\b(?:what|which)\s+((?:[a-z-]+\s+){0,3}?[a-z-]+)(?=\s+(?:is|was|are|were|did|does|do|has|have|had|can|could|will|would|of|in|on|at|for|to|by|from|that|the|a|an)\b|[?,]|$)/i.exec(question);
  if (!m || /^(is|was|are|were|be|been|did|does|do|has|have|had|can|could|will|would|should|may|might|must)\b/i.test(m[1]!)) return new Set();
  // "which company *bought Pixar*": the wh-phrase ends where the tagger's nouns and adjectives end
  // "what kind of *forest*": the noun after "kind of" names the kind
  const after = tagQuestion(question).filter((t) => t.start >= m.index + m[0].length - m[1]!.length);
  let end = 0;
  while (end < after.length && end < 6) {
    const t = after[end]!;
    const w = question.slice(t.start, t.end).toLowerCase();
    const kindOf = w === 'of' && end > 0 && /^(?:kind|type|sort|form|class)e?s?$/.test(question.slice(after[end - 1]!.start, after[end - 1]!.end).toLowerCase());
    if (!/^(?:NOUN|PROPN|ADJ|NUM)$/.test(t.pos) && w !== '-' && !kindOf) break;
    end++;
  }
  const phrase = end === 0 ? '' : question.slice(after[0]!.start, after[end - 1]!.end);
  const ws = words(phrase).filter((w) => !STOP_WORDS.has(w) && !/^(?:kind|type|sort|name|one|part|form|class)(?:e?s)?$/.test(w));
  return new Set(ws.map(stem));
}

export function questionStems(question: string): Set<string> {
  return new Set(words(question).filter((w) => !STOP_WORDS.has(w)).map(stem));
}

const AUXILIARIES = new Set('is was are were be been did does do has have had can could will would should may might must'.split(' '));
const PREPOSITIONS = new Set('in on at to for from by with of into onto about over under after before during since until through between among against toward towards within without via per as'.split(' '));
const WH = new Set(['who', 'what', 'which', 'whom', 'whose']);

/**
 * Where the answer sits relative to the question's verb: "Who *introduced* plague…" asks for
 * the subject (left of the verb in the sentence); "What did the army *throw*…" for the object (right).
 */
export function slotOf(question: string, tagged = false): { verb: string; side: 'left' | 'right' } | null {
  const ws = words(question);
  const w = ws.findIndex((x) => WH.has(x));
  if (w < 0 || w > 2) return null;
  const next = ws[w + 1];
  if (!next) return null;
  if (/^(did|does|do|can|could|will|would|should)$/.test(next)) {
    const rest = ws.slice(w + 2);
    const p = rest.findIndex((x, i) => i > 0 && PREPOSITIONS.has(x));
    const verb = p > 0 ? rest[p - 1] : rest[rest.length - 1];
    return verb && !STOP_WORDS.has(verb) ? { verb: stem(verb), side: 'right' } : null;
  }
  if (AUXILIARIES.has(next)) {
    const after = ws[w + 2];
    if (/^(has|have|had)$/.test(next) && after && /ed$|en$/.test(after)) return { verb: stem(after), side: 'left' };
    return null;
  }
  // "who/what VERB …" or "what/which NOUN [NOUN] VERB …"
  for (let i = w + 1; i <= w + 3 && i < ws.length; i++) {
    const x = ws[i]!;
    if (AUXILIARIES.has(x)) {
      if (/^(has|have|had)$/.test(x) && ws[i + 1] && /ed$|en$/.test(ws[i + 1]!)) return { verb: stem(ws[i + 1]!), side: 'left' };
      return null;
    }
    if (STOP_WORDS.has(x) || PREPOSITIONS.has(x)) return null;
    const verbLike = /[^s]ed$/.test(x) || (i > w + 1 && /[^su]s$/.test(x)) || stem(x) !== x.replace(/s$/, '') && /ed$/.test(x);
    if (ws[w] === 'who' && i === w + 1 && !AUXILIARIES.has(x)) return { verb: stem(x), side: 'left' };
    if (verbLike) return { verb: stem(x), side: 'left' };
  }
  return tagged ? taggedSubjectSlot(question) : null;
}

/** "which company *bought* Pixar": a verb the suffix tests miss (irregular), found by the tagger right after the wh-phrase. */
function taggedSubjectSlot(question: string): { verb: string; side: 'left' } | null {
  const tags = tagQuestion(question).map((t) => ({ word: question.slice(t.start, t.end).toLowerCase(), pos: t.pos }));
  const w = tags.findIndex((t) => WH.has(t.word));
  if (w < 0 || w > 2) return null;
  for (let i = w + 1; i <= w + 4 && i < tags.length; i++) {
    const t = tags[i]!;
    if (t.pos === 'VERB') return i > w + 1 && !STOP_WORDS.has(t.word) ? { verb: stem(t.word), side: 'left' } : null;
    if (!/^(?:NOUN|PROPN|ADJ|NUM)$/.test(t.pos)) return null;
  }
  return null;
}
