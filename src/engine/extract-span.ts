import { tagWords } from './pos-tags.ts';
import { STOP_WORDS, stem, words } from './text.ts';

/** What kind of short answer a question asks for. */
export type QuestionType = 'who' | 'when' | 'where' | 'number' | 'what' | 'other';
type CandidateKind = QuestionType | 'list';

/** Nouns after "what" / "which" that ask for a quantity. */
const QUANTITY_NOUNS = 'percentage|percent|proportion|number|amount|price|cost|population|size|rate|temperature|speed|distance|length|height|depth|weight|value|share|fraction|ratio|sum|total';

const QUANTITY_QUESTION = new RegExp(`\\b(?:what|which)(?: (?:was|is|were|are))?(?: the)? (?:\\w+ )?(?:${QUANTITY_NOUNS})\\b`);

/** "what / which [one or two describing words] NOUN", the noun naming the kind of answer. */
const WH_NOUN = (nouns: string) => new RegExp(`\\b(?:what|which)\\s+(?:(?!(?:is|was|are|were|did|does|do|has|have|had|the|a|an)\\b)[a-z-]+\\s+){0,2}?(?:${nouns})\\b`);
const PLACE_QUESTION = WH_NOUN('city|country|place|state|region|town|continent|nation|county|province|location|area|island|river|street|district|borough|neighborhood');
const PERSON_QUESTION = WH_NOUN('person|man|woman|company|organization|group|team|president|king|queen|author|scientist|leader|emperor|artist|composer|writer|player|politician|general');

export function classifyQuestion(question: string): QuestionType {
  const q = question.toLowerCase();
  if (/\bhow (many|much|long|far|old|big|large|tall|high|often|wide|deep|heavy|fast)\b/.test(q)) return 'number';
  if (QUANTITY_QUESTION.test(q) && !/\b(?:what|which) (?:kind|type|sort)\b/.test(q)) return 'number';
  if (/^\W*(?:\w+\s+)?when\b|\bwhen\W*$|\b(what year|which year|what date|what time|what day|what month|what century|what decade|what period|what era)\b/.test(q)) return 'when';
  if (/^\W*(?:\w+\s+)?where\b|\bwhere\W*$/.test(q) || PLACE_QUESTION.test(q)) return 'where';
  if (/\b(who|whom|whose)\b/.test(q) || PERSON_QUESTION.test(q)) return 'who';
  if (/\b(what|which)\b/.test(q)) return 'what';
  return 'other';
}

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const DATE_PATTERNS = [
  new RegExp(`\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`, 'g'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\s+\\d{4}\\b`, 'g'),
  new RegExp(`\\b${MONTH}\\s+\\d{4}\\b`, 'g'),
  new RegExp(`\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`, 'g'),
  /\b(?:(?:1[0-9]|20)\d{2}s?\s*(?:[–-]|to)\s*(?:(?:1[0-9]|20)?\d{2})|\d{4}s|(?:1[0-9]|20)\d{2}|\d{3,4}\s*(?:AD|BC|BCE|CE))\b/g,
  /\b\d{1,2}(?:st|nd|rd|th)[\s-]+century\b/gi,
  /\b(?:early|mid|late)[\s-]+(?:\d{1,2}(?:st|nd|rd|th)[\s-]+century|\d{4}s)\b/gi,
  /\bbetween\s+(?:1[0-9]|20)\d{2}s?\s+and\s+(?:1[0-9]|20)\d{2}s?\b/g,
  new RegExp(`\\b(?:on\\s+)?${WEEKDAY}(?:\\s+(?:morning|afternoon|evening|night))?\\b`, 'g'),
  /\b(?:yesterday|today|tomorrow|last (?:week|month|year)|next (?:week|month|year))\b/gi,
];
const YEAR_RANGE = /\b(?:from\s+)?(?:1[0-9]|20)\d{2}\s*(?:[–-]|to|until|and)\s*(?:(?:1[0-9]|20)\d{2}|\d{2})\b/g;
const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozens?|hundreds|thousands|millions|half|quarter|third';
const NUMBER_PATTERN = new RegExp(
  `(?:(?:about|around|nearly|almost|over|under|more than|less than|approximately|roughly|some|up to|at least)\\s+)?(?:(?:US|A|C|AU|NZ|HK)?[$£€¥]\\s?)?\\b\\d[\\d,.]*(?:\\s?[–-]\\s?\\d[\\d,.]*)?(?:(?:m|bn|mn|tn|k)\\b)?(?:\\s?(?:%|percent|per cent))?(?:\\s+(?:million|billion|trillion|thousand|hundred))?(?:\\s+[a-z]+){0,2}|\\b(?:${NUMBER_WORDS})(?:[\\s-]+(?:${NUMBER_WORDS}))*\\b(?:\\s+[a-z]+){0,2}`,
  'gi',
);
const NAME_PATTERN = /\b(?:[A-Z][\p{L}'’-]*[\p{L}]|[A-Z]\.|[A-Z])(?:\s+(?:(?:of|the|de|da|du|la|le|van|von|der|al|bin|and|for|y)\s+)*(?:[A-Z][\p{L}'’-]*[\p{L}\d]|[A-Z]\.|[A-Z](?![\p{L}'’])|\d+))*/gu;

/** Capitalised words that are not the names of people or places. */
const NOT_NAMES = new RegExp(
  `^(?:${WEEKDAY}|${MONTH}|The|A|An|In|On|At|It|He|She|They|We|I|This|That|These|Those|But|And|However|According|His|Her|Its|Their|Our|After|Before|During|When|While|If|As|Although|Because|Since|By|For|From|With|Some|Many|Most|Other|Several|Both|Each|There|Then|Also|Although|Despite|Following|Under|Over|Between|Among|Within|Today|Yesterday)$`,
);

interface Candidate {
  text: string;
  start: number;
  kind: CandidateKind;
}

function collect(sentence: string, pattern: RegExp, kind: QuestionType, out: Candidate[]): void {
  for (const m of sentence.matchAll(pattern)) {
    out.push({ text: m[0].trim(), start: m.index + (m[0].length - m[0].trimStart().length), kind });
  }
}

/** Units of measure a number keeps after it ("382 kg", "340 miles"); other nouns are left out. */
const UNITS =
  /^(?:miles?|mi|km|kilomet(?:er|re)s?|met(?:er|re)s?|m|cm|mm|feet|foot|ft|inch(?:es)?|yards?|kg|kilograms?|grams?|g|lb|pounds?|tons?|tonnes?|ounces?|years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|century|percent|degrees?|acres?|hectares?|ha|square|sq|cubic|mph|km\/h|times|fold|dollars?|euros?|cents?|points?|votes?|seats?)$/i;

/** Number candidates keep at most the unit word after the number, not a whole clause. */
function trimNumber(text: string): string {
  const unit = /^(?:(?:about|around|nearly|almost|over|under|more than|less than|approximately|roughly|some|up to|at least)\s+)?(?:(?:US|A|C|AU|NZ|HK)?[$£€¥]\s?)?[\d,.]+(?:\s?[–-]\s?\d[\d,.]*)?(?:(?:m|bn|mn|tn|k)\b)?(?:\s?(?:%|percent|per cent))?(?:\s+(?:million|billion|trillion|thousand|hundred))?/i.exec(text);
  if (unit) {
    const rest = text.slice(unit[0].length);
    // keep a following unit of measure ("382 kg"), not the counted noun the question names
    const next = /^\s+([a-z][a-z-]*)/.exec(rest);
    const tail = next && UNITS.test(next[1]!) ? ` ${next[1]}` : '';
    return (unit[0] + tail).replace(/[.,]$/, '');
  }
  const w = /^((?:(?:about|around|nearly|almost|over|under|more than|less than|approximately|roughly|some|up to|at least)\s+)?[a-z]+(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine|hundred|thousand|million|billion))*)(\s+[a-z][a-z-]*)?/i.exec(text);
  if (!w) return text;
  const next = w[2]?.trim();
  return next && UNITS.test(next) ? `${w[1]} ${next}` : w[1]!;
}

const CLAUSE_BREAKS = new Set(
  'is are was were be been being has have had do does did will would can could should may might must which that who whom whose when where while because although though since after before during until if as by with from into onto upon than then and or but for to in on at of also not its their his her it they he she we'.split(
    ' ',
  ),
);
/** Words that may sit inside a capitalised name ("Bank of England"). */
const NAME_GLUE = new Set(['of', 'the', 'and', 'de', 'da', 'du', 'la', 'le', 'van', 'von', 'der', 'for', 'y', '&']);

interface Token {
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

function tokenize(sentence: string, qStems: ReadonlySet<string>, focus: ReadonlySet<string>): Token[] {
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

/** The noun a "what/which" question asks about: "what *kind of forest*", "which *company*". */
function focusOf(question: string): Set<string> {
  const m = /\b(?:what|which)\s+((?:[a-z-]+\s+){0,3}?[a-z-]+)(?=\s+(?:is|was|are|were|did|does|do|has|have|had|can|could|will|would|of|in|on|at|for|to|by|from|that|the|a|an)\b|[?,]|$)/i.exec(question);
  if (!m || /^(is|was|are|were|be|been|did|does|do|has|have|had|can|could|will|would|should|may|might|must)\b/i.test(m[1]!)) return new Set();
  const ws = words(m[1]!).filter((w) => !STOP_WORDS.has(w) && !/^(kind|type|sort|name|one|part|form)$/.test(w));
  return new Set(ws.map(stem));
}

/**
 * Crude noun phrases: runs of tokens between punctuation and function words, split again
 * at question words (which an answer rarely repeats).
 */
function phraseCandidates(sentence: string, tokens: readonly Token[], out: Candidate[]): void {
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
      (!t.isWord && !/^[$%&'’-]$/.test(t.text)) || (CLAUSE_BREAKS.has(t.lower) && !glue) || (t.inQuestion && !t.isFocus) || verbLike(t, prev, next);
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
        out.push({ text: sentence.slice(tokens[a]!.start, tokens[nb - 1]!.end), start: tokens[a]!.start, kind: 'list' });
        break;
      }
    }
  });
}

/** Words that open a noun phrase but are not part of what it names ("*many* Puritan ministers"). */
const QUANTIFIERS = new Set('many several various numerous certain similar such own much most more less few whole entire'.split(' '));
const DETERMINERS = new Set('the a an its their his her this these those our your my some many no each every all both several any another such'.split(' '));
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
function verbLike(t: Token, prev: Token | undefined, next?: Token): boolean {
  return t.pos === 'VERB' || t.pos === 'AUX' || isVerbish(t, prev, next);
}

function isVerbish(t: Token, prev: Token | undefined, next?: Token): boolean {
  if (!t.isWord || t.isCap || !/^[a-z]+$/.test(t.lower)) return false;
  if (COMMON_VERBS.has(t.lower)) return true;
  // a lower-case content word right before a determiner is a verb ("possess *a*", "covers *the*")
  if (next && DETERMINERS.has(next.lower) && !STOP_WORDS.has(t.lower) && !DETERMINERS.has(t.lower) && !/^(?:than|like|versus|via|per|including|such)$/.test(t.lower)) return true;
  if (t.lower.length > 4 && t.lower.endsWith('ly') && !NOT_ADVERBS.has(t.lower)) return true;
  if (prev && VERB_BEFORE.has(prev.lower) && !DETERMINERS.has(t.lower) && !/\d/.test(t.lower)) return true;
  if (prev && /^(is|are|was|were|be|been|being|has|have|had)$/.test(prev.lower) && /(?:ed|en|ing)$/.test(t.lower) && !NOT_VERBS.has(t.lower)) return true;
  if (t.lower.length > 4 && /(?:ed|ing)$/.test(t.lower) && !NOT_VERBS.has(t.lower)) {
    return !!prev && prev.isWord && !DETERMINERS.has(prev.lower) && !STOP_WORDS.has(prev.lower) && !CLAUSE_BREAKS.has(prev.lower);
  }
  return false;
}

function questionStems(question: string): Set<string> {
  return new Set(words(question).filter((w) => !STOP_WORDS.has(w)).map(stem));
}

/** Spans of the asked-for type (dates, numbers, names) in a sentence. */
function collectCandidates(type: QuestionType, sentence: string): Candidate[] {
  const candidates: Candidate[] = [];
  if (type === 'when') for (const p of DATE_PATTERNS) collect(sentence, p, 'when', candidates);
  if (type === 'number') {
    collect(sentence, NUMBER_PATTERN, 'number', candidates);
    for (const c of candidates) c.text = trimNumber(c.text);
  }
  if (type === 'who' || type === 'where') {
    const names: Candidate[] = [];
    collect(sentence, NAME_PATTERN, type, names);
    for (const c of names) {
      const lead = /^(?:(?:The|A|An|In|On|At|But|And|After|Before|When|While|This|That|However|His|Her|Its|Their|Although|Because|During|By|For|From|With|Under|Since|As|If)\s+)+/.exec(c.text);
      if (lead) {
        c.start += lead[0].length;
        c.text = c.text.slice(lead[0].length);
      }
      c.text = c.text.replace(/\s+(?:of|the|and|de|for)$/, '');
      const next = sentence.slice(c.start + c.text.length);
      // "Russian air defense", "Syrian rebels": a lone demonym before a noun describes, it does not name
      const demonym = !c.text.includes(' ') && /(?:an|ese|ish|i)$/.test(c.text) && /^\s+[a-z]/.test(next);
      if (!NOT_NAMES.test(c.text) && c.text.length > 1 && !demonym) candidates.push(c);
    }
  }
  return candidates;
}

/** Whether the sentence holds a span of the asked-for type that the question does not already name. */
export function hasCandidate(question: string, sentence: string): boolean {
  return candidateTest(question)(sentence);
}

/** `hasCandidate` for one question over many sentences: the question is analysed once. */
export function candidateTest(question: string): (sentence: string) => boolean {
  const qStems = questionStems(question);
  const type = classifyQuestion(question);
  return (sentence) => collectCandidates(type, sentence).some((c) => words(c.text).some((w) => !STOP_WORDS.has(w) && !qStems.has(stem(w))));
}

const AUXILIARIES = new Set('is was are were be been did does do has have had can could will would should may might must'.split(' '));
const PREPOSITIONS = new Set('in on at to for from by with of into onto about over under after before during since until through between among against toward towards within without via per as'.split(' '));
const WH = new Set(['who', 'what', 'which', 'whom', 'whose']);

/**
 * Where the answer sits relative to the question's verb: "Who *introduced* plague…" asks for
 * the subject (left of the verb in the sentence); "What did the army *throw*…" for the object (right).
 */
function slotOf(question: string): { verb: string; side: 'left' | 'right' } | null {
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
  return null;
}

/** Discourse words that are never an answer ("for *example*", "in *particular*", "*One* of the…"). */
const FILLERS = /^(?:example|instance|particular|addition|contrast|general|fact|turn|short|total|part|one|ones|others?|order|case|way|time|result|course|well|least|most|later|earlier|now|then|today|recently|previously|also|however|along|among|across|around|about|against|toward|towards|upon|within|without|beyond|despite|nearby|together|alone|again|away|back|here|there|instead|meanwhile|therefore|thus|weeks? later|years? later|days? later)$/i;

/** Evidence for one span candidate: the feature record the ranking weights apply to. */
export interface SpanEvidence {
  /** The candidate is of the asked-for type (a date for "when", a name for "who"). */
  typeExact: number;
  /** Partial credit for an untyped phrase whose shape suits the question (typeHint). */
  typeHint: number;
  /** A list for a what / who / other question. */
  listFits: number;
  /** A list when the question asks for several things ("two", "examples"). */
  listAsked: number;
  /** A list when it does not. */
  listUnasked: number;
  /** A place right after a locative preposition ("in X"). */
  placePrep: number;
  /** A name that repeats part of the question. */
  nameRepeat: number;
  /** A nationality or language word when the question asks for one. */
  demonym: number;
  /** A capitalised phrase when the question asks for a name. */
  askedName: number;
  /** Words beyond the length a candidate of its kind may have for free. */
  overLength: number;
  /** On the side of the question's verb where the answer sits. */
  slot: number;
  /** The agent after "VERBed by" for a who-question. */
  passive: number;
  /** Right after the word before a final wh-word ("protest *against* what?"). */
  cue: number;
  /** A name opening the sentence (its subject) for a who-question. */
  subject: number;
  /** Next to the question's focus noun. */
  focus: number;
  /** A phrase a definitional pattern points at. */
  pattern: number;
  /** One of the options a choice question offers. */
  choice: number;
  /** A number followed by the counted noun of "how many X". */
  unit: number;
  /** Closeness to each distinct question word, decaying with distance. */
  closeness: number;
  /** Share of the candidate's words the question does not hold. */
  novel: number;
  /** Mean/nearest token distance to the question's words, capped at 15. */
  distance: number;
}

/**
 * Ranking weights of span candidates: score = Σ weight × evidence. Fitted by
 * `bench/calibrate/fit-span-ranker.ts` (listwise, on the open SQuAD sample, 5-fold grouped by
 * article, drawn towards the earlier hand weights); no item named.
 */
export const SPAN_RANK_WEIGHTS: Record<keyof SpanEvidence, number> = {
  typeExact: 1.46,
  typeHint: 2.06,
  listFits: 1.07,
  listAsked: 0.37,
  listUnasked: -0.34,
  placePrep: 0.34,
  nameRepeat: -0.36,
  demonym: 0.72,
  askedName: 0.91,
  overLength: -0.31,
  slot: 0.69,
  passive: 0.81,
  cue: 0.76,
  subject: 0.09,
  focus: 0.83,
  pattern: 1.01,
  choice: 1.53,
  unit: 0.43,
  closeness: 1.23,
  novel: 0.19,
  distance: -0.05,
};
const EVIDENCE_KEYS = Object.keys(SPAN_RANK_WEIGHTS) as (keyof SpanEvidence)[];
/** A nationality or language word ("Korean", "French", "Serbian"). */
const DEMONYM = /^\p{Lu}\p{L}+(?:an|ian|ese|ish|ic|i|ch|sh)$/u;
/** Closeness decays over this many tokens. */
const PROX_SCALE = 4;
/** Words an untyped phrase may have for free. */
const FREE_LENGTH = 4;

/**
 * Picks the short answer span in `text` (a sentence or two) for `question`, or null when none fits.
 * Candidates: spans of the asked-for type (dates, numbers, names), crude noun phrases, joins and
 * lists, and what definitional patterns point at. Score: type match, share of words not already in
 * the question, nearness to the question's words, the side of the question's verb the answer sits
 * on, the question's focus noun, and length.
 */
export function extractSpan(question: string, text: string, alsoAsked: readonly string[] = []): string | null {
  return chooseSpan(question, text, alsoAsked)?.text ?? null;
}

/** The chosen span and the evidence a span confidence is computed from. */
export interface SpanChoice {
  text: string;
  /** The candidate's score. */
  score: number;
  /** Its lead over the best candidate that is a different answer (neither holds the other); 2 when alone. */
  margin: number;
  /** The candidate is of the type a typed question asks for (a date for "when", a name for "who"). */
  typeMatch: boolean;
  /** A relation cue points at it: the question verb's slot, a definitional pattern, the focus noun, the counted unit, a choice. */
  relation: boolean;
  /** How many candidates of the asked-for type the text holds that the question does not already name. */
  typedCount: number;
  /** Words in the span. */
  length: number;
  /** What kind of candidate it is (its pattern or 'what' for a plain phrase). */
  kind: string;
  /** Closeness to the question's words (each distinct one's nearest occurrence, decaying), in [0, 1]. */
  closeness: number;
  /** Tokens between the span and the nearest question word. */
  nearest: number;
  /** How many distinct candidate answers were scored. */
  candidates: number;
  /** Part of speech of the span's last word ('' when untagged). */
  headPos: string;
}

/** The best span with its evidence (see `extractSpan`), or null when no candidate fits. */
export function chooseSpan(question: string, text: string, alsoAsked: readonly string[] = [], weights: Readonly<Record<keyof SpanEvidence, number>> = SPAN_RANK_WEIGHTS): SpanChoice | null {
  const { scored, candidates, type, qStems } = scoreCandidates(question, text, alsoAsked, weights);
  return pickSpan(scored, candidates, type, qStems);
}

/** A scored span candidate with its evidence. */
export interface ScoredCandidate {
  text: string;
  score: number;
  evidence: SpanEvidence;
  typeMatch: boolean;
  relation: boolean;
  kind: string;
  closeness: number;
  nearest: number;
  headPos: string;
}

/** Every candidate span of `text` for `question`, scored with `weights` (for choosing and for fitting). */
export function scoreCandidates(
  question: string,
  text: string,
  alsoAsked: readonly string[] = [],
  weights: Readonly<Record<keyof SpanEvidence, number>> = SPAN_RANK_WEIGHTS,
): { scored: ScoredCandidate[]; candidates: Candidate[]; type: QuestionType; qStems: Set<string> } {
  const type = classifyQuestion(question);
  const qStems = questionStems(question);
  // Terms the question meant though it spelled them otherwise (a corrected typo) are asked words too
  for (const t of alsoAsked) qStems.add(t);
  const sentence = text.length > LONG_SENTENCE ? densestWindow(text, qStems) : text;
  const focus = focusOf(question);
  const tokens = tokenize(sentence, qStems, focus);
  const candidates = collectCandidates(type, sentence);
  // "how long did it run?": a span of years is a duration ("1961 to 1972")
  if (type === 'number' && /\bhow long\b/i.test(question)) collect(sentence, YEAR_RANGE, 'number', candidates);
  // "in what year": the year of a full date
  if (/\b(?:what|which) year\b/i.test(question)) {
    for (const c of candidates) {
      const y = /\b(?:1[0-9]|20)\d{2}\b/.exec(c.text);
      if (c.kind === 'when' && y && /\D/.test(c.text.replace(/\s/g, '')) && !/\d{4}s|[–-]|\bto\b|\band\b/.test(c.text)) {
        c.start += y.index;
        c.text = y[0];
      }
    }
  }
  phraseCandidates(sentence, tokens, candidates);
  // whole names, also those sharing a word with the question ("Fort *Beauséjour*" for "what fort")
  if (type === 'what' || type === 'other') for (const c of collectCandidates('who', sentence)) candidates.push({ ...c, kind: 'what' });
  // "…in Scandinavia or Germany first?": one of the offered options
  const choice = /\b([\p{L}-]+),?\s+or\s+([\p{L}-]+)/iu.exec(question);
  const options = new Set(choice ? [choice[1]!, choice[2]!].map((o) => o.toLowerCase()).filter((o) => !STOP_WORDS.has(o)) : []);
  const offered = new Set<number>();
  if (options.size === 2) {
    tokens.forEach((t) => {
      if (!options.has(t.lower)) return;
      offered.add(t.start);
      candidates.push({ text: t.text, start: t.start, kind: 'what' });
    });
  }
  // "what nationality / language": a demonym ("the *Russian* biologist")
  const asksDemonym = /\b(?:nationality|ethnicity|language|ethnic|citizenship)\b/i.test(question);
  if (asksDemonym) {
    for (const t of tokens) if (t.isCap && DEMONYM.test(t.text) && !t.inQuestion) candidates.push({ text: t.text, start: t.start, kind: 'what' });
  }
  const patterned = patternCandidates(question, sentence, tokens);
  for (const c of patterned) candidates.push(c);
  const patternStarts = new Set(patterned.map((c) => `${c.start}:${c.text}`));

  // Positions (token indexes) of question words in the sentence, for proximity
  const anchors: number[] = [];
  tokens.forEach((t, i) => {
    if (t.questionStem !== null && !t.isFocus) anchors.push(i);
  });
  const anchorStems = new Set(anchors.map((a) => tokens[a]!.questionStem!));
  const tokenAt = (offset: number) => {
    let lo = 0;
    let hi = tokens.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (tokens[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  // "what kind of *cell*": the words right before the focus noun in the sentence name the kind
  if (/\b(?:what|which) (?:kind|type|sort|form|class)s? of\b/i.test(question)) {
    tokens.forEach((t, f) => {
      if (!t.isFocus) return;
      let a = f;
      while (a > 0 && tokens[a - 1]!.isWord && !STOP_WORDS.has(tokens[a - 1]!.lower) && !CLAUSE_BREAKS.has(tokens[a - 1]!.lower) && !tokens[a - 1]!.inQuestion && !tokens[a - 1]!.isFocus && f - a < 3) a--;
      if (a < f) candidates.push({ text: sentence.slice(tokens[a]!.start, tokens[f - 1]!.end), start: tokens[a]!.start, kind: 'what' });
    });
  }
  const focusAt = new Set<number>();
  tokens.forEach((t, i) => {
    if (t.isFocus) focusAt.add(i);
  });
  // "how many *species*": a number followed by the counted noun
  const unitMatch = type === 'number' ? /\bhow (?:many|much)\s+(?:of\s+)?(?:the\s+)?([a-z-]+)/i.exec(question) : null;
  const unit = unitMatch && !STOP_WORDS.has(unitMatch[1]!.toLowerCase()) ? stem(unitMatch[1]!.toLowerCase()) : null;
  const asksName = /\b(?:what|which)(?: (?:is|was|are|were))? the names?\b|\bwhat name\b|\b(?:called|named)\b/i.test(question);
  const asksMany = /\b(?:two|three|four|five|six|several|some|examples?|list|types|kinds)\b/i.test(question);
  const slot = slotOf(question);
  const verbAt = slot ? tokens.findIndex((t) => t.stems.includes(slot.verb)) : -1;
  // "…was written to protest *against* what?": the answer follows the word before the wh-word
  const tail = /\b([a-z]+)\s+(?:what|which|whom|who)(?:\s+[a-z]+){0,2}\s*[?.]*\s*$/i.exec(question);
  const cueWord = tail && tail[1]!.toLowerCase() !== 'and' ? tail[1]!.toLowerCase() : null;
  const cueStem = cueWord ? stem(cueWord) : null;
  const cueAt: number[] = [];
  if (cueWord) tokens.forEach((t, i) => {
    if (t.lower === cueWord || (cueStem && !STOP_WORDS.has(cueWord) && t.stems.includes(cueStem))) cueAt.push(i);
  });
  const scored: ScoredCandidate[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    const key = `${c.start}:${c.text}:${c.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const cWords = words(c.text);
    const content = cWords.filter((w) => !STOP_WORDS.has(w));
    if (content.length === 0 || (c.kind !== 'number' && cWords.length <= 2 && FILLERS.test(c.text))) continue;
    const stems = content.map(stem);
    const novelCount = stems.filter((s) => !qStems.has(s)).length;
    const isOption = offered.has(c.start) && options.has(c.text.toLowerCase());
    if (novelCount === 0 && !isOption) continue;
    const novel = novelCount / content.length;
    const focusOnly = stems.every((s) => focus.has(s) || !qStems.has(s));
    const fromPattern = patternStarts.has(`${c.start}:${c.text}`);
    if (c.kind === 'what' && novel < 0.5 && !focusOnly && !fromPattern && !isOption) continue;
    const first = tokenAt(c.start);
    const last = tokenAt(c.start + c.text.length - 1);
    // Token distance to the nearest question words either side, averaged over the anchors
    let distance = 10;
    let nearestAnchor = 15;
    if (anchors.length) {
      let sum = 0;
      let nearest = Infinity;
      for (const a of anchors) {
        const d = a < first ? first - a - 1 : a > last ? a - last - 1 : 0;
        sum += d;
        nearest = Math.min(nearest, d);
      }
      distance = 0.5 * (sum / anchors.length) + 0.5 * nearest;
      nearestAnchor = Math.min(15, nearest);
    }
    // Closeness to each distinct question word (its nearest occurrence), decaying with distance
    let closeness = 0;
    if (anchorStems.size) {
      const nearestOf = new Map<string, number>();
      for (const a of anchors) {
        const d = a < first ? first - a - 1 : a > last ? a - last - 1 : 0;
        const st = tokens[a]!.questionStem!;
        nearestOf.set(st, Math.min(nearestOf.get(st) ?? Infinity, d));
      }
      for (const d of nearestOf.values()) closeness += Math.exp(-d / PROX_SCALE);
      closeness /= qStems.size || 1;
    }
    // passive ("recorded *by* X"): the agent follows "by", not the words before the verb
    const passive = verbAt >= 0 && tokens[verbAt + 1]?.lower === 'by';
    let slotKind: 'slot' | 'passive' | 'cue' | 'subject' | null = null;
    if (verbAt >= 0 && slot) {
      if (slot.side === 'left' && !passive && last < verbAt && verbAt - last <= 3) slotKind = 'slot';
      if (slot.side === 'left' && first > verbAt && first - verbAt <= 3 && tokens[first - 1]?.lower === 'by') slotKind = 'passive';
      if (slot.side === 'right' && first > verbAt && first - verbAt <= 3) slotKind = 'slot';
    }
    // the strongest relation cue counts (a max, as the weights are ordered passive > cue = slot > subject)
    const slotWeight = (k: typeof slotKind) => (k ? weights[k] : 0);
    if (cueAt.some((i) => first > i && first - i <= 3) && slotWeight('cue') > slotWeight(slotKind)) slotKind = 'cue';
    // who-questions: the sentence's subject (its first words) is often the person asked for
    if (type === 'who' && c.kind === 'who' && (first === 0 || (first === 1 && DETERMINERS.has(tokens[0]!.lower))) && slotWeight('subject') > slotWeight(slotKind)) slotKind = 'subject';
    // apposition with the focus noun: "cable sports *channel* ESPN", "the Russian *biologist* Konstantin Mereschkowski"
    const besideFocus = focusAt.has(first - 1) || focusAt.has(last + 1) || (focusAt.has(first - 2) && /^(the|a|an|of|,)$/.test(tokens[first - 1]?.lower ?? ''));
    let unitFound = false;
    if (unit && c.kind === 'number') {
      for (let i = first + 1; i <= last + 3 && i < tokens.length; i++) if (tokens[i]!.stems.includes(unit)) unitFound = true;
    }
    // A capitalised piece of a longer name the question already uses ("Military Academy" out of
    // "Aleppo Military Academy" for a question about Aleppo) names the question's thing, not the answer
    const fragment = (t: (typeof tokens)[number] | undefined) => t !== undefined && t.isCap && t.inQuestion;
    if (/^\p{Lu}/u.test(c.text) && (fragment(tokens[first - 1]) || fragment(tokens[last + 1]) || (first < last && fragment(tokens[first]) && tokens.slice(first, last + 1).every((t) => t.isCap || !t.isWord)))) continue;
    const isList = c.kind === 'list';
    const evidence: SpanEvidence = {
      typeExact: !isList && c.kind === type ? 1 : 0,
      typeHint: !isList && c.kind !== type ? typeHint(type, c, tokens, first) : 0,
      listFits: isList && (type === 'what' || type === 'other' || type === 'who') ? 1 : 0,
      listAsked: isList && asksMany ? 1 : 0,
      listUnasked: isList && !asksMany ? 1 : 0,
      // a place is "in X"; a name that repeats part of the question is rarely the one asked for
      placePrep: c.kind === 'where' && /^(?:in|at|near|from|into|across|along|on|within|outside)$/.test(tokens[first - 1]?.lower ?? '') ? 1 : 0,
      nameRepeat: (c.kind === 'who' || c.kind === 'where') && stems.some((x) => qStems.has(x) && !focus.has(x)) ? 1 : 0,
      demonym: asksDemonym && DEMONYM.test(c.text) ? 1 : 0,
      // "what is the name of…", "what is X called": a name
      askedName: asksName && c.kind === 'what' && /^\p{Lu}/u.test(c.text) && first > 0 ? 1 : 0,
      overLength: Math.max(0, cWords.length - (c.kind === type ? 6 : isList ? 10 : FREE_LENGTH)),
      slot: slotKind === 'slot' ? 1 : 0,
      passive: slotKind === 'passive' ? 1 : 0,
      cue: slotKind === 'cue' ? 1 : 0,
      subject: slotKind === 'subject' ? 1 : 0,
      focus: besideFocus ? 1 : 0,
      pattern: fromPattern ? 1 : 0,
      choice: isOption ? 1 : 0,
      unit: unitFound ? 1 : 0,
      closeness,
      novel,
      distance: Math.min(distance, 15),
    };
    let score = 0;
    for (const k of EVIDENCE_KEYS) score += weights[k] * evidence[k];
    const relation = slotKind !== null || fromPattern || isOption || besideFocus || unitFound;
    scored.push({ text: trimSpan(c.text, c.kind === 'when' ? new Set() : qStems, focus), score, evidence, typeMatch: c.kind === type && type !== 'what' && type !== 'other', relation, kind: fromPattern ? 'pattern' : c.kind, closeness, nearest: nearestAnchor, headPos: tokens[last]?.pos ?? '' });
  }
  return { scored, candidates, type, qStems };
}

function pickSpan(scored: readonly ScoredCandidate[], candidates: readonly Candidate[], type: QuestionType, qStems: ReadonlySet<string>): SpanChoice | null {
  let best: ScoredCandidate | undefined;
  for (const c of scored) if (c.text && (!best || c.score > best.score)) best = c;
  if (!best) return null;
  const chosen = best;
  const wordKey = (t: string) => ` ${words(t).join(' ')} `;
  const bestKey = wordKey(chosen.text);
  let rival = -Infinity;
  // a rival is another answer, not a longer or shorter form of the same one
  for (const c of scored) if (c.text && c !== chosen && c.score > rival && !bestKey.includes(wordKey(c.text)) && !wordKey(c.text).includes(bestKey)) rival = c.score;
  const typedCount = new Set(candidates.filter((c) => c.kind === type && words(c.text).some((w) => !STOP_WORDS.has(w) && !qStems.has(stem(w)))).map((c) => c.text)).size;
  return {
    text: chosen.text,
    score: chosen.score,
    margin: Number.isFinite(rival) ? Math.min(2, chosen.score - rival) : 2,
    typeMatch: chosen.typeMatch,
    relation: chosen.relation,
    typedCount,
    length: words(chosen.text).length,
    kind: chosen.kind,
    closeness: chosen.closeness,
    nearest: chosen.nearest,
    candidates: new Set(scored.map((c) => c.text)).size,
    headPos: chosen.headPos,
  };
}


const WHY_CUES = /^(?:because|due|owing|since|so|order|response|result|thanks|reason)$/;
const HOW_CUES = /^(?:by|through|via|using|with)$/;
const COPULA = new Set(['is', 'are', 'was', 'were']);
const NAMING = /^(?:known|called|referred|termed|named|nicknamed|dubbed)$/;
/** Words that end a clause when walking left from a copula. */
const CLAUSE_STARTS = new Set('which that who whom whose when where while because although though since if whereas and but or so'.split(' '));

/**
 * Phrases that definitional patterns point at: "What is the highest court?" over "*The European
 * Court of Justice* is the highest court…"; "What are X known as?" over "X, known as *comb jellies*".
 */
function patternCandidates(question: string, sentence: string, tokens: readonly Token[]): Candidate[] {
  const out: Candidate[] = [];
  const verbish = (i: number) => isVerbish(tokens[i]!, tokens[i - 1], tokens[i + 1]) || NAMING.test(tokens[i]!.lower);
  const span = (a: number, b: number) => {
    // not the verb or "known as" that led here
    while (a < b && (DETERMINERS.has(tokens[a]!.lower) || !tokens[a]!.isWord || verbish(a) || /^(?:as|to)$/.test(tokens[a]!.lower))) a++;
    while (b > a && (STOP_WORDS.has(tokens[b - 1]!.lower) || !tokens[b - 1]!.isWord)) b--;
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
      if (hits(k + 1, k + 5) > 0) span(phraseStart(k), k); // "X is the Y": X
      if (hits(k - 4, k) > 0) span(k + 1, phraseEnd(k + 1)); // "Y is X": X
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
      while (b < tokens.length && b - a < 14 && !/^[.;:!?()]$/.test(tokens[b]!.text) && !CLAUSE_STARTS.has(tokens[b]!.lower === 'and' || tokens[b]!.lower === 'or' ? '' : tokens[b]!.lower) && !COPULA.has(tokens[b]!.lower)) b++;
      span(a, b);
    });
  }
  if (/\b(?:known|called|referred|termed|named|nicknamed|dubbed|term|name)\b/i.test(question)) {
    tokens.forEach((t, k) => {
      if (!NAMING.test(t.lower)) return;
      let a = k + 1;
      while (a < tokens.length && /^(?:as|to|the|a|an|by|"|“|')$/.test(tokens[a]!.lower)) a++;
      span(a, phraseEnd(a));
    });
  }
  return out;
}

/** Longer "sentences" (unsplit text) are searched only around their densest stretch of question words. */
const LONG_SENTENCE = 1200;

function densestWindow(text: string, qStems: ReadonlySet<string>): string {
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

/** Partial credit for an untyped phrase whose shape suits the question. */
function typeHint(type: QuestionType, c: Candidate, tokens: readonly Token[], first: number): number {
  const capital = /^\p{Lu}/u.test(c.text);
  const before = tokens[first - 1]?.lower;
  switch (type) {
    case 'who':
      return capital ? 0.4 : 0;
    case 'where':
      return (capital ? 0.3 : 0) + (before && /^(in|at|from|near|to|into)$/.test(before) ? 0.2 : 0);
    case 'when':
      return /\b\d{3,4}\b/.test(c.text) ? 0.5 : 0;
    case 'number':
      return /\d/.test(c.text) ? 0.5 : 0;
    default:
      return 0;
  }
}

/** Drops leading articles and question words at the span's edges. */
function trimSpan(text: string, qStems: ReadonlySet<string>, focus: ReadonlySet<string>): string {
  const tokens = text.split(/\s+/);
  const isQ = (t: string) => {
    const ws = words(t);
    return ws.length > 0 && ws.every((w) => STOP_WORDS.has(w) || (qStems.has(stem(w)) && !focus.has(stem(w))));
  };
  while (tokens.length > 1 && (/^(the|a|an)$/i.test(tokens[0]!) || isQ(tokens[0]!))) tokens.shift();
  // a name keeps its last word even when the question has it ("Mount *Kenya*")
  const name = tokens.length > 1 && tokens.every((t) => /^[\p{Lu}\d]/u.test(t) || /^(?:of|the|de|and|for)$/.test(t));
  while (tokens.length > 1 && !name && isQ(tokens[tokens.length - 1]!)) tokens.pop();
  return tokens
    .join(' ')
    .replace(/['’]s$/, '')
    .replace(/^[("'“‘]+|[)"'”’.,;:]+$/g, '');
}
