// Span scoring: each candidate's evidence, the ranking weights, and the chosen span.
import { classifyQuestion, definedSubject, focusOf, organizationAsked, personAsked, questionStems, slotOf, type QuestionType } from './question-analysis.ts';
import {
  CLAUSE_BREAKS,
  collect,
  collectCandidates,
  densestWindow,
  DEMONYM_ENDING,
  DETERMINERS,
  LONG_SENTENCE,
  clauseCandidates,
  parenCandidates,
  patternCandidates,
  comingForPast,
  asksAmount,
  gameScoreTest,
  pastForComing,
  phraseCandidates,
  tokenize,
  YEAR_RANGE,
  type Candidate,
  type Token,
} from './span-candidates.ts';
import { STOP_WORDS, stem, terms, words } from './text.ts';
import { loadWordVectors } from './word-vectors.ts';
import { placeLikeness, THING_NAME } from './name-likeness.ts';
import { isEnglishWord } from './english-words.ts';
import { CLOCK_TIME, isQuantityOf, isTimeOf, quantityAsked, timeUnitAsked } from './answer-units.ts';
import { QUESTION_TYPES, SPAN_TREES, sumTrees, type SpanTrees } from './span-trees.ts';
import { alignCandidate, templatesOf } from './span-alignment.ts';
export { SPAN_TREES, type SpanTree, type SpanTrees } from './span-trees.ts';

export { classifyQuestion, type QuestionType } from './question-analysis.ts';
export { candidateTest, hasCandidate } from './span-candidates.ts';
/** Discourse words that are never an answer ("for *example*", "in *particular*", "*One* of the…"). */
const FILLERS = /^(?:example|instance|particular|addition|contrast|general|fact|turn|short|total|part|one|ones|others?|order|case|way|time|result|course|well|least|most|later|earlier|now|then|today|recently|previously|also|however|along|among|across|around|about|against|toward|towards|upon|within|without|beyond|despite|nearby|together|alone|again|away|back|here|there|instead|meanwhile|therefore|thus|weeks? later|years? later|days? later|via|unless|whereas|whilst|thereby|theretofore|hitherto|nonetheless|nevertheless|moreover|furthermore|otherwise|likewise|namely|albeit|amid|amidst|versus|vs\.?|etc\.?|e\.g\.?|i\.e\.?|st\.?)$/i;

/** A generic head and "of" leading a phrase ("*part of the* consortium", "*the site of* Fort Caroline"). */
const PARTITIVE = /^(?:the\s+|a\s+|an\s+)?(part|parts|one|some|most|many|all|site|means|kind|kinds|type|types|form|forms|sort|class|classes|example|examples|member|members|majority|bulk|rest|portion|series|number|lot|lots|range|variety|set)\s+of\s+(?:the\s+|a\s+|an\s+)?(?=\S)/i;
/** Phonetic symbols of a pronunciation guide. */
const PHONETIC = /[ˈˌːəɒɪʊŋʃʒθðæɛɔᵻʌɐɜɝɚ]/u;

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
  /** A capitalised piece of a longer name the question already uses ("Military Academy" of "Aleppo Military Academy"). */
  fragment: number;
  /** An untyped phrase most of whose words the question already holds. */
  repeats: number;
  /** A clause or verb phrase (generated only when the question asks why / how / what something did). */
  clauseAsked: number;
  /** The span's head word is an adjective (by the tagger) and the question does not ask for a kind. */
  adjHead: number;
  /** A phrase (not a clause) whose head word is a verb by the tagger. */
  verbHead: number;
  /** What a parenthesis explains ("enzootic (*commonly present*)"). */
  paren: number;
  /** For a who-question, a name with a possessive and the thing it owns ("X's Palace"): a thing, not the person. */
  possessive: number;
  /** The span's head (last word) is the question's focus noun ("which *river*" → "the Rhine *River*"). */
  focusHead: number;
  /** A single word. */
  oneWord: number;
  /** Words in the span / 8, capped at 1: a length prior whose sign the per-type offsets set. */
  length: number;
  /** The span opens with a capital letter. */
  capital: number;
  /** The span holds a digit. */
  digit: number;
  /** Within three tokens after the question's verb (its object), whichever side the question asks. */
  afterVerb: number;
  /** Within three tokens before the question's verb (its subject). */
  beforeVerb: number;
  /** A lower-case head word among the commonest words (by the word-vector list's frequency order): often generic ("way", "form"). */
  commonHead: number;
  /** How rare the head word is: log of its frequency rank / log of the list's length (1 when not listed). */
  headRarity: number;
  /** A number of the kind of quantity asked ("£390m" for "how much did it cost", "34" in "Smith, 34," for "how old"). */
  kindMatch: number;
  /** A number of another kind than asked ("12 goals" for "how old", "the 15th" for "how many"). */
  kindMiss: number;
  /** Where-question: how much more the span's words are like place words than like person words (word vectors), in [-1, 1]. */
  placeLike: number;
  /** Who-question: how much more the span's words are like person words than like place words (word vectors), in [-1, 1]. */
  personLike: number;
  /** Share of the question's words found in order on the side of the span where the question puts them around its wh-phrase. */
  alignShare: number;
  /** Question words right after the span, in the order they follow the wh-phrase ("*Paris* is the capital of France"), / 3. */
  alignNext: number;
  /** Question words right before the span, in the order they precede the wh-phrase ("protest against what"), / 3. */
  alignPrev: number;
  /** Definitional question ("Who is X?"): the span says X again, with or without a title ("President X"): nothing new. */
  restates: number;
  /** Definitional question: the span stands beside X as its title or apposition ("Syrian President X", "X, an Islamist group"). */
  defines: number;
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
  focus: 1.53,
  pattern: 1.01,
  choice: 1.53,
  unit: 0.43,
  closeness: 1.23,
  novel: 0.19,
  distance: -0.05,
  fragment: -1.5,
  repeats: -1.5,
  clauseAsked: -0.5,
  paren: 0,
  adjHead: -1,
  verbHead: 0.25,
  possessive: -1,
  focusHead: 1.03,
  oneWord: 0,
  length: 0,
  capital: 0,
  digit: 0,
  afterVerb: 0,
  beforeVerb: 0,
  commonHead: 0,
  headRarity: 0,
  kindMatch: 1,
  kindMiss: -1,
  placeLike: 0.63,
  personLike: 0.96,
  alignShare: 0,
  alignNext: 0,
  alignPrev: 0,
  restates: -1.5,
  defines: 1,
};
/** The shape of SPAN_RANK_WEIGHTS. */
export type SpanWeights = Readonly<Record<keyof SpanEvidence, number>>;
/** Per-question-type offsets added to the shared weights (absent = 0). */
export type SpanTypeOffsets = Readonly<Record<QuestionType, Readonly<Partial<Record<keyof SpanEvidence, number>>>>>;
/**
 * Per-question-type offsets to SPAN_RANK_WEIGHTS (the ranker's type × evidence interactions):
 * fitted with the shared weights by `bench/calibrate/fit-span-ranker.ts`, each offset pulled to 0.
 */
export const SPAN_TYPE_OFFSETS: SpanTypeOffsets = {
  who: {
    typeExact: -0.07, typeHint: 0.13, listFits: 0.02, listAsked: 0.03, listUnasked: -0.01,
    nameRepeat: 0.08, askedName: -0.01, overLength: -0.18, slot: 0.13, passive: -0.01, cue: 0.04,
    subject: -0.1, focus: 0.19, pattern: 0.02, closeness: 0.02, novel: -0.06, distance: -0.07,
    fragment: 0.04, paren: -0.02, adjHead: -0.04, verbHead: -0.02, possessive: 0.01,
    focusHead: 0.06, oneWord: -0.35, length: 0.05, capital: 0.33, digit: -0.24, afterVerb: 0.04,
    beforeVerb: 0.01, commonHead: -0.25, headRarity: 0.09,
  },
  when: {},
  where: {
    typeExact: -0.21, typeHint: 0.21, placePrep: 0.05, nameRepeat: -0.15, overLength: 0.03,
    cue: 0.03, focus: -0.02, closeness: 0.06, novel: 0.03, distance: -0.13, fragment: -0.04,
    paren: 0.02, adjHead: 0.08, verbHead: 0.03, focusHead: 0.05, oneWord: 0.02, length: -0.02,
    capital: 0.23, digit: -0.14, afterVerb: 0.26, beforeVerb: -0.13, commonHead: -0.11,
    headRarity: -0.08,
  },
  number: {},
  what: {
    typeExact: -0.19, listFits: 0.01, listAsked: -0.01, listUnasked: 0.02, demonym: 0.09,
    askedName: 0.2, overLength: 0.08, slot: 0.04, cue: 0.17, focus: 0.2, pattern: 0.18,
    choice: -0.02, closeness: 0.09, novel: -0.13, distance: -0.11, repeats: 0.02, clauseAsked: 0.03,
    paren: 0.15, verbHead: 0.08, focusHead: 0.47, oneWord: -0.11, length: -0.01, capital: 0.52,
    digit: -0.41, afterVerb: 0.55, beforeVerb: -0.1, commonHead: -0.53, headRarity: 0.48,
    alignShare: 0.74, alignNext: -0.1, alignPrev: 0.51,
  },
  other: { alignShare: 0.03, alignNext: -0.05, alignPrev: -0.01 },
};
const EVIDENCE_KEYS = Object.keys(SPAN_RANK_WEIGHTS) as (keyof SpanEvidence)[];
/** The trees' sum for one candidate's evidence (0 for the question types the trees are not for). */
function treeScore({ types, trees }: SpanTrees, evidence: SpanEvidence, type: QuestionType): number {
  if (!trees.length || !types.includes(type)) return 0;
  return sumTrees(trees, [...EVIDENCE_KEYS.map((k) => evidence[k]), ...QUESTION_TYPES.map((t) => (t === type ? 1 : 0))]);
}
/** A nationality or language word ("Korean", "French", "Serbian"). */
const DEMONYM = /^\p{Lu}\p{L}+(?:an|ian|ese|ish|ic|i|ch|sh)$/u;
/** A kind of thing that names itself right after ("paper The Grocer", "firm Acme", "band The Larks"): no place. */
const THING_BEFORE = /\b(?:paper|newspaper|publication|broadcaster|outlet|magazine|tabloid|journal|website|site|firm|company|group|band|club|team|channel|station|network|programme|show|series|film|movie|album|single|song|book|novel|brand|label|studio|agency|chain|retailer|airline|carrier|publisher|maker|operator|giant)\s+(?:the\s+)?$/i;

/**
 * Whether a span is a title or role before a name the question asks about ("Novelist Anna Berg" for "where was Anna
 * Berg born"): the name restates who was asked about, and the title is a common word, so it names no place.
 */
function titledAskedName(text: string, qStems: ReadonlySet<string>): boolean {
  const ws = text.split(/\s+/);
  // the title or role: a role word, or a common word for a person ending in -ist / -ian ("Novelist", "Comedian")
  const role = ws[0] ?? '';
  const isRole = PERSON_ROLE.test(role.toLowerCase()) || (isEnglishWord(role.toLowerCase()) && /(?:ist|ian)$/i.test(role));
  const named = ws.slice(1);
  return isRole && !qStems.has(stem(role.toLowerCase())) && named.length > 0 && named.every((w) => /^\p{Lu}/u.test(w) && words(w).every((x) => qStems.has(stem(x))));
}

/** A name joined to a participle or a kind ("London-based", "US-born", "Labour-led"): an adjective, not a name. */
const NAME_ADJECTIVE = /^\p{Lu}[\p{L}.'’]*-(?:based|born|bred|led|backed|owned|listed|made|run|funded|style|era|bound|controlled|speaking|registered|educated|trained)$/u;

/** Whether a kind of thing introduces the name, before it or as its own lower-case lead ("trade paper *The Grocer*"). */
function introducedAsThing(sentence: string, name: { start: number; text: string }): boolean {
  const lead = /^(?:[a-z]+\s+)+(?=\p{Lu})/u.exec(name.text)?.[0] ?? '';
  return THING_BEFORE.test(sentence.slice(Math.max(0, name.start - 30), name.start) + lead);
}

/** Whether a possessive and a person's kin or role follow the name ("*Muhammad*'s granddaughter"). */
function followedByKin(sentence: string, name: { start: number; text: string }): boolean {
  const end = name.start + name.text.replace(/['’]s$/, '').length;
  return KIN_OR_ROLE_AFTER.test(sentence.slice(end, name.start + name.text.length + 40));
}

/** A person's kin or role after a possessive ("'s granddaughter", "'s former spokesman"): what precedes it is a person. */
const KIN_OR_ROLE_AFTER = /^['’]s\s+(?:(?:former|late|new|eldest|youngest|elder|younger|only|own)\s+)?(?:grand|great-grand|step)?(?:sons?|daughters?|father|mother|parents|wife|husband|widow|brothers?|sisters?|uncle|aunt|nephew|niece|cousins?|children|family|spokes(?:man|woman|person)|lawyers?|friends?|successor|predecessor|deputy|aides?)\b/i;

/** Closeness decays over this many tokens. */
const PROX_SCALE = 4;
/** Head words this high in the vector list's frequency order count as common. */
const COMMON_ROWS = 1500;
/** Units of time a time-like phrase may be told in (so a phrase holding one is a time). */
const TIME_UNITS = ['day', 'month', 'year', 'clock'] as const;
/** Given names: a name whose first word is like them (word vectors) is a person's ("Martin Allen"), not a team's or a firm's. */
const GIVEN_NAMES = 'john james david michael peter paul mark sarah mary robert'.split(' ');
const ORGANIZATION_WORDS = 'team club company firm group united city rovers bank party'.split(' ');
/** Mean cosine of a name's first word to the given names, and its lead over the organisation words, for a person's name. */
const GIVEN_LIKE = 0.45;
const GIVEN_OVER_ORG = 0.15;
/** Words that make a name an organisation's or a side's ("Leeds *United*", "Citadel *Broadcasting*"). */
const ORGANIZATION_MARKERS = /\b(?:Office|United|City|FC|AFC|Rovers|Athletic|Wanderers|Albion|Town|County|Club|Company|Co|Corp|Corporation|Inc|Ltd|Plc|PLC|Group|Holdings|Bank|Party|Association|Council|Committee|Church|Union|Society|Institute|University|College|School|Network|Broadcasting|Communications|Airlines?|Airways|Motors|Records|Studios|Entertainment|Media|News|Times|Post|Foundation|Trust|Agency|Ministry|Department|Services|Systems|Technologies|International)\b/;
/** A company's name or suffix: not a place ("*Limited*", "Tata *Group*", "Western Refining *Company*"). */
export const COMPANY_NAME = /\b(?:Limited|Ltd|Inc|plc|Plc|PLC|Corp|Corporation|Company|Co|Group|Holdings|Party|Office|Ministry|Department|Agency|Committee|Commission|Authority|Association|Foundation|Institute|Industries|Airlines|Airways|Brothers|Partners|Associates|Bank|Securities|Motors|Foods|Pharmaceuticals|Refining|Petroleum)\.?$/;
/** A country written as its initials; before a noun it describes ("a US airline"). */
const COUNTRY_INITIALS = /^(?:US|USA|UK|EU)$/;
/** Whether the words before a noun say only where it is from: a country's initials or a demonym ("a US", "the Japanese"). */
function originOnly(before: string): boolean {
  const w = before.trim().replace(/^(?:an?|the)\s+/, '');
  return COUNTRY_INITIALS.test(w) || (/^\p{Lu}\p{Ll}+$/u.test(w) && DEMONYM_ENDING.test(w));
}
/** A title that makes a name a person's ("Mr Blair"). */
const PERSON_TITLE = /^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame|Prof|Professor|President|Prime Minister|Chancellor|King|Queen|Prince|Princess|Pope|Saint|St)\.?\s/;
/** A role word right before a name that makes it a person's ("Chelsea *manager* Jose Mourinho"). */
export const PERSON_ROLE = /^(?:mr|mrs|ms|miss|dr|sir|lord|lady|dame|coach|manager|boss|striker|midfielder|defender|goalkeeper|keeper|captain|chairman|chairwoman|chief|president|minister|secretary|chancellor|spokesman|spokeswoman|singer|actor|actress|star|director|executive|founder|owner|player|winger|forward|skipper|referee|rapper|guitarist|drummer|presenter|comedian)$/;
/** A description before a name: up to three words ending in a lower-case one ("Spanish *architect* ", "the Roman Catholic *priest*, "). */
const DESCRIBED_NAME = /^(?:[\p{L}'’.-]+\s+){0,3}[a-z][\p{L}-]*,?\s+$/u;
/** Words an untyped phrase may have for free. */
const FREE_LENGTH = 4;

const LOCATIVE_PREP = /^(?:in|at|near|from|into|across|along|on|within|outside)$/;

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
  /** A name with a possessive and what it owns ("X's Palace"). */
  possessive: boolean;
  /** The ranker's softmax share of the chosen answer among the distinct answers (each at its best score). */
  probability: number;
  /** The chosen candidate's evidence. */
  evidence: SpanEvidence;
  /** Of another finer kind than asked (a bare year for "what day", a person's name for "which team"): never vouched for. */
  wrongKind: boolean;
}

/** The best span with its evidence (see `extractSpan`), or null when no candidate fits. */
export function chooseSpan(question: string, text: string, alsoAsked: readonly string[] = [], weights: SpanWeights = SPAN_RANK_WEIGHTS, offsets: SpanTypeOffsets = SPAN_TYPE_OFFSETS): SpanChoice | null {
  const { scored, candidates, type, qStems } = scoreCandidates(question, text, alsoAsked, weights, offsets);
  return pickSpan(scored, candidates, type, qStems);
}

/** Words before the title of a work someone plays in: "her role in", "starred in", "appears in the". */
const WORK_BEFORE = /\b(?:roles?|parts?|performances?|starr(?:ed|ing)|stars|appear(?:s|ed|ing)?)\s+in\s+(?:the\s+)?$/i;

/** Forms of "be" before a verb that make it passive ("would be scrapped", "was sold"). */
const PASSIVE_AUX = new Set(['be', 'been', 'being', 'is', 'are', 'was', 'were']);
/** A question asked in the passive ("when currencies are left to float"). */
const PASSIVE_ASKED = /\b(?:is|are|was|were|be|been|being)\s+(?:\p{Ll}+ly\s+)?\p{Ll}+(?:ed|en|ft|lt|pt|wn)\b/iu;

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
  wrongKind: boolean;
}

/** Every candidate span of `text` for `question`, scored with `weights` (for choosing and for fitting). */
export function scoreCandidates(
  question: string,
  text: string,
  alsoAsked: readonly string[] = [],
  shared: SpanWeights = SPAN_RANK_WEIGHTS,
  offsets: SpanTypeOffsets = SPAN_TYPE_OFFSETS,
  trees: SpanTrees = SPAN_TREES,
): { scored: ScoredCandidate[]; candidates: Candidate[]; type: QuestionType; qStems: Set<string> } {
  const type = classifyQuestion(question);
  const own = offsets[type];
  const weights = Object.fromEntries(EVIDENCE_KEYS.map((k) => [k, shared[k] + (own[k] ?? 0)])) as Record<keyof SpanEvidence, number>;
  const qStems = questionStems(question);
  // Terms the question meant though it spelled them otherwise (a corrected typo) are asked words too
  for (const t of alsoAsked) qStems.add(t);
  const sentence = text.length > LONG_SENTENCE ? densestWindow(text, qStems) : text;
  const focus = focusOf(question);
  const tokens = tokenize(sentence, qStems, focus);
  const candidates = collectCandidates(type, sentence);
  // "how long did it run?": a span of years is a duration ("1961 to 1972")
  if (type === 'number' && /\bhow long\b/i.test(question)) collect(sentence, YEAR_RANGE, 'number', candidates);
  // "what day": a weekday or a date with its day, not a bare year; "what time": a time of day ("3pm")
  const timeUnit = type === 'when' ? timeUnitAsked(question) : null;
  // "when is / will the election": the next one, never "the *last* general election in 2001"
  // (and "when was X elected": never "*next* Sunday's elections")
  const toldPast = type === 'when' ? (pastForComing(question) ?? comingForPast(question)) : null;
  if (timeUnit === 'clock') collect(sentence, CLOCK_TIME, 'when', candidates);
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
  // "when did the battle start": a span of years "(2012-16)" began in its first year
  if (type === 'when' && /\b(?:start|starts|started|begin|begins|began|begun|commenc\w*)\b/i.test(question)) {
    for (const c of candidates) {
      const range = /^((?:1[0-9]|20)\d{2})\s*[-–]\s*\d{2,4}$/.exec(c.text);
      if (range) c.text = range[1]!;
    }
  }
  phraseCandidates(sentence, tokens, candidates);
  // whole names, also those sharing a word with the question ("Fort *Beauséjour*" for "what fort")
  // (a one-word name set before the noun it describes is not the thing asked for, when no kind of thing is asked: "what did iran
  // send" → "Shia militias", not "Shia"; the phrase with its noun is a candidate of its own)
  const describes = (c: Candidate) => {
    const next = /^\s+(\p{Ll}{3,})\b/u.exec(sentence.slice(c.start + c.text.length))?.[1];
    // (the noun asked, it tells which one: "*Inherited* wealth" for "what advantage of wealth")
    return !/\s/.test(c.text) && focus.size === 0 && next !== undefined && !STOP_WORDS.has(next) && !qStems.has(stem(next));
  };
  if (type === 'what' || type === 'other') for (const c of collectCandidates('who', sentence)) if (!describes(c)) candidates.push({ ...c, kind: 'what' });
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
  const asksDemonym = /\b(?:nationality|ethnicity|language|ethnic|citizenship|faith|religion|denomination)\b/i.test(question);
  if (asksDemonym) {
    for (const t of tokens) if (t.isCap && DEMONYM.test(t.text) && !t.inQuestion) candidates.push({ text: t.text, start: t.start, kind: 'what' });
  } else if (type === 'what' || type === 'other') {
    // otherwise a demonym only describing a word asked answers nothing: "Syrian *rebels*" for "what did the rebels capture"
    const describesAsked = (c: Candidate) => {
      const next = /^\s+([a-z]+)\b/.exec(sentence.slice(c.start + c.text.length))?.[1];
      return DEMONYM.test(c.text) && next !== undefined && !STOP_WORDS.has(next) && qStems.has(stem(next));
    };
    for (let i = candidates.length - 1; i >= 0; i--) if (describesAsked(candidates[i]!)) candidates.splice(i, 1);
  }
  // "why…", "how do…", "what did X do": the answer is often a clause or verb phrase
  const asksClause = /^\s*(?:why|how)\b(?!\s+(?:many|much|long|far|old|big|large|tall|high|often|wide|deep|heavy|fast)\b)|\b(?:do|does|did|doing|happen|happened|happens|purpose|role|reason|mean|means|meant|goal|aim|effect)\b\W*$|\bwhat (?:happened|happens)\b/i.test(question);
  if (asksClause && (type === 'what' || type === 'other')) clauseCandidates(sentence, tokens, candidates);
  parenCandidates(sentence, candidates);
  // (a purpose ends the thing: "all foreign investment in its mining industries | in an effort to strengthen …")
  const patterned = patternCandidates(question, sentence, tokens).map((c) => {
    const purpose = /\s+in\s+(?:an?\s+(?:effort|bid|attempt)|order)$/i.exec(c.text);
    return purpose ? { ...c, text: c.text.slice(0, purpose.index) } : c;
  });
  for (const c of patterned) candidates.push(c);
  const patternStarts = new Set(patterned.map((c) => `${c.start}:${c.text}`));
  // "Who is X?": what the sentence calls X, as a title before it or an apposition after it
  const defined = definedSubject(question);
  const subjectAt = new Set<number>();
  if (defined) tokens.forEach((t, i) => {
    if (t.isWord && t.stems.some((x) => defined.has(x))) subjectAt.add(i);
  });
  const definingStarts = new Set<string>();
  // the initials of any run of the question's words restate it ("the tokyo stock exchange" → "TSE"), never answer it
  const questionWords = words(question).filter((w) => !STOP_WORDS.has(w.toLowerCase()));
  const questionInitials = new Set<string>();
  for (let i = 0; i < questionWords.length; i++) {
    for (let j = i + 2; j <= Math.min(questionWords.length, i + 6); j++) questionInitials.add(questionWords.slice(i, j).map((w) => w[0]!.toUpperCase()).join(''));
  }
  const subjectInitials = defined ? words(question.replace(/^\W*\w+\s+\w+\s+/, '')).filter((w) => !STOP_WORDS.has(w)).flatMap((w) => w.split('-')).map((w) => w[0]!.toUpperCase()).join('') : '';
  for (const i of subjectAt) {
    // a title before a person's name ("Syrian President X"); before a thing's name it is mostly its owner ("the RAND report")
    if (type === 'who' && !subjectAt.has(i - 1)) {
      let a = i;
      // a verb ends the title: "agreed to give *US investor* Jane Roe"
      while (a > 0 && i - a < 4 && tokens[a - 1]!.isWord && !STOP_WORDS.has(tokens[a - 1]!.lower) && tokens[a - 1]!.pos !== 'VERB' && !subjectAt.has(a - 1)) a--;
      // the rest of the person's name is no part of the title: "Chelsea boss *Jose* Mourinho" (a title in capitals,
      // "Syrian President Bashar", cannot be told from a first name and stays whole)
      let e = i;
      while (e > a && tokens[e - 1]!.isCap) e--;
      if (e === a) e = i;
      if (a < e) definingStarts.add(`${tokens[a]!.start}:${sentence.slice(tokens[a]!.start, tokens[e - 1]!.end)}`);
    }
    if (!subjectAt.has(i + 1)) {
      let k = i + 1;
      if (tokens[k]?.text === ')') k++;
      if (tokens[k]?.text !== ',') continue;
      let a = k + 1;
      while (a < tokens.length && /^(?:the|a|an)$/.test(tokens[a]!.lower)) a++;
      let b = a;
      while (b < tokens.length && b - a < 10 && (tokens[b]!.isWord || /^[-'’&]$/.test(tokens[b]!.text)) && !/^(?:who|which|that|whose|and|but|said|says|is|was|has|had)$/.test(tokens[b]!.lower)) b++;
      if (b > a) definingStarts.add(`${tokens[a]!.start}:${sentence.slice(tokens[a]!.start, tokens[b - 1]!.end)}`);
    }
  }
  for (const key of definingStarts) {
    const at = key.indexOf(':');
    candidates.push({ text: key.slice(at + 1), start: Number(key.slice(0, at)), kind: 'what' });
  }
  // "*President* Bashar Assad": for a who-question, a name led by the role asked about is the name after it
  for (const c of [...candidates]) {
    const lead = /^(\p{Lu}[\p{L}-]*)\s+(?=\p{Lu})/u.exec(c.text);
    if (type !== 'who' || !lead || c.kind === 'clause' || !focus.has(stem(lead[1]!.toLowerCase()))) continue;
    candidates.push({ text: c.text.slice(lead[0].length), start: c.start + lead[0].length, kind: c.kind === 'list' || c.kind === 'paren' ? 'what' : c.kind });
  }
  // "Bashar Assad's Palace": the owner is an answer of its own; the whole names the thing owned
  for (const c of [...candidates]) {
    const owner = /^(\p{Lu}.*?)['’]s\s+\S/u.exec(c.text);
    if (!owner || c.kind === 'clause') continue;
    c.possessive = true;
    candidates.push({ text: owner[1]!, start: c.start, kind: c.kind === 'list' || c.kind === 'paren' ? 'what' : c.kind });
  }

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
  const slot = slotOf(question, true);
  const verbAt = slot ? tokens.findIndex((t) => t.stems.includes(slot.verb)) : -1;
  // the question's verb in the sentence for the object / subject evidence: the slot verb, else any question word tagged a verb
  const anyVerbAt = verbAt >= 0 ? verbAt : tokens.findIndex((t) => t.questionStem !== null && !t.isFocus && t.pos === 'VERB');
  // "…was written to protest *against* what?": the answer follows the word before the wh-word
  const tail = /\b([a-z]+)\s+(?:what|which|whom|who)(?:\s+[a-z]+){0,2}\s*[?.]*\s*$/i.exec(question);
  const cueWord = tail && tail[1]!.toLowerCase() !== 'and' ? tail[1]!.toLowerCase() : null;
  const cueStem = cueWord ? stem(cueWord) : null;
  const cueAt: number[] = [];
  if (cueWord) tokens.forEach((t, i) => {
    if (t.lower === cueWord || (cueStem && !STOP_WORDS.has(cueWord) && t.stems.includes(cueStem))) cueAt.push(i);
  });
  const asksKind = /\b(?:kind|type|sort|form|class)s? of\b/i.test(question);
  // "how old", "how much did it cost", "how many people": the kind of quantity the number must be
  const kindsAsked = type === 'number' ? quantityAsked(question) : null;
  // (a score of another game, or of another part of it, is of the asked kind but not the score asked)
  const gameScore = kindsAsked?.includes('score') ? gameScoreTest(question) : null;
  const ofKind = (c: Candidate) => kindsAsked !== null && isQuantityOf(kindsAsked, sentence, c.start, c.start + c.text.length) && (!gameScore || gameScore(c, sentence));
  const amountAsked = asksAmount(question, type, kindsAsked);
  const otherKind = (c: Candidate) => (kindsAsked !== null && !ofKind(c)) || (amountAsked && isQuantityOf(['duration'], sentence, c.start, c.start + c.text.length));
  const vectors = loadWordVectors();
  const rowOfWord = (w: string | undefined) => {
    const t = w ? terms(w) : [];
    return vectors && t.length === 1 ? vectors.rowOf(t[0]!) : -1;
  };
  const logSize = Math.log(Math.max(2, vectors?.size ?? 2));
  // place-minus-person likeness of a span's words, for who / where questions only (a few cosines per word, cached)
  const placeMinusPerson = type === 'who' || type === 'where' ? placeLikeness() : () => 0;
  // "which team / company": a side or an organisation, not a person's name (a title or role before it, or a given name first)
  const orgAsked = (type === 'who' || type === 'what') && organizationAsked(question);
  // "which player / minister": a person, not a name with an organisation's marker ("Leeds United", "Citadel Broadcasting")
  const personFocus = type === 'who' && !orgAsked && personAsked(question);
  const givenRows = orgAsked && vectors ? GIVEN_NAMES.map(rowOfWord).filter((r) => r >= 0) : [];
  const orgRows = givenRows.length ? ORGANIZATION_WORDS.map(rowOfWord).filter((r) => r >= 0) : [];
  /** A name a person's title or role leads ("Mr Blair", "singer Ruslana"). */
  const titled = (text: string, at: number) => /^\p{Lu}/u.test(text) && (PERSON_TITLE.test(text) || PERSON_ROLE.test(tokens[at - 1]?.lower ?? ''));
  const personName = (text: string, first: number): boolean => {
    if (!orgAsked || ORGANIZATION_MARKERS.test(text)) return false;
    // "manager Peter Walsh": a role word leading the phrase
    const lead = /^([a-z]+)\s+(?=\p{Lu})/u.exec(text);
    if (lead && PERSON_ROLE.test(lead[1]!)) return true;
    if (!/^\p{Lu}/u.test(text)) return false;
    if (titled(text, first)) return true;
    // the name leading the span ("Michael Howard the party"); "Martin Allen's team" is the team, not the man
    const run = /^(\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){1,2})(['’]s)?(?=\s+[^\p{Lu}]|\s*$)/u.exec(text);
    if (!vectors || !orgRows.length || !run || (run[2] && run[0].length < text.trimEnd().length)) return false;
    const r = rowOfWord(run[1]!.split(/\s+/)[0]);
    if (r < 0) return false;
    const given = givenRows.reduce((a, g) => a + vectors.cosine(r, g), 0) / givenRows.length;
    const org = orgRows.reduce((a, g) => a + vectors.cosine(r, g), 0) / orgRows.length;
    return given >= GIVEN_LIKE && given - org >= GIVEN_OVER_ORG;
  };
  const templates = templatesOf(question);
  // the names found as people, whatever kind of phrase offers them again
  const personNames = new Set(defined && type === 'who' ? candidates.filter((c) => c.kind === 'who').map((c) => c.text) : []);
  // "Spanish architect *Enric Miralles*": a who-question asks the name, not the description before it
  const namesByEnd = new Map<number, Candidate>();
  if (type === 'who' && !defined) for (const c of candidates) if (c.kind === 'who') namesByEnd.set(c.start + c.text.length, c);
  // "Davies is credited…" after "the work of Donald Davies": a surname alone is shown as the full name the text gave
  const fullNames = type === 'who' && !defined ? candidates.filter((c) => c.kind === 'who' && /\s/.test(c.text)) : [];
  const nameOf = (c: Candidate): Candidate => {
    if (c.kind === 'who' && fullNames.length && /^\p{Lu}[\p{L}'’-]+$/u.test(c.text)) {
      const full = fullNames.find((f) => f.start < c.start && f.text.endsWith(` ${c.text}`) && !/['’]s$/.test(f.text));
      if (full) return { ...c, text: full.text };
    }
    const n = c.kind === 'who' || c.kind === 'clause' ? undefined : namesByEnd.get(c.start + c.text.length);
    return n && n.start > c.start && DESCRIBED_NAME.test(sentence.slice(c.start, n.start)) ? n : c;
  };
  const scored: ScoredCandidate[] = [];
  const seen = new Set<string>();
  const asksWho = /^\W*(?:who|whom)\b/i.test(question);
  const namedInQuestion = (word: string) => qStems.has(stem(word.toLowerCase()));
  // ("Mr Mubanga" after "Mr Abbasi and": listed with the one asked about, so acted on as well)
  const listedWithAsked = (c: Candidate) => {
    // (joined by "and" / "or" only: a comma may set an apposition, "the Archbishop of Canterbury, Dr Rowan Williams")
    const before = /(\p{Lu}[\p{L}'’-]+),?\s+(?:and|or)\s+$/u.exec(sentence.slice(Math.max(0, c.start - 40), c.start))?.[1];
    const after = /^,?\s+(?:and|or)\s+(?:(?:Mr|Mrs|Ms|Dr|Sir)\s+)?(\p{Lu}[\p{L}'’-]+)/u.exec(sentence.slice(c.start + c.text.length, c.start + c.text.length + 40))?.[1];
    // (after a deed asked, as its object: "representing Mr Abbasi and Mr Mubanga", not "Prince Charles and Camilla … married")
    const deedBefore = (sentence.slice(0, c.start).match(/\b\p{Ll}[\p{L}'’-]*/gu) ?? []).some((w) => !STOP_WORDS.has(w) && namedInQuestion(w));
    return deedBefore && ((before !== undefined && namedInQuestion(before)) || (after !== undefined && namedInQuestion(after)));
  };
  for (const c of candidates) {
    const key = `${c.start}:${c.text}:${c.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const cWords = words(c.text);
    const content = cWords.filter((w) => !STOP_WORDS.has(w));
    // a pronunciation ("/tᵻˈnɒfərə/") is never the answer
    if (content.length === 0 || (c.kind !== 'number' && cWords.length <= 2 && FILLERS.test(c.text)) || PHONETIC.test(c.text)) continue;
    const stems = content.map(stem);
    const novelCount = stems.filter((s) => !qStems.has(s)).length;
    const isOption = offered.has(c.start) && options.has(c.text.toLowerCase());
    if (novelCount === 0 && !isOption) continue;
    if (type === 'who') {
      // "a *US* airline", "the *UK* firm": a country's initials before a noun say where the thing asked is from, not who
      if (COUNTRY_INITIALS.test(c.text) && tokens[tokenAt(c.start) + 1]?.pos === 'NOUN') continue;
      // "which airline": "US airline", "a Japanese bank" say where the asked thing is from, not its name ("Delta Airlines")
      const end = tokens[tokenAt(c.start + c.text.length - 1)];
      if (end?.isFocus && !end.isCap && originOnly(c.text.slice(0, end.start - c.start))) continue;
      // "who represents abbasi": a list naming the one asked about ("Mr Abbasi and Mr Mubanga") is who was acted on
      // (a "what group" question may ask for one more of a list: "along with Muslims and Jews, what group …")
      if (asksWho && !defined && (/,|\b(?:and|or)\b/.test(c.text) ? [...c.text.matchAll(/\p{Lu}[\p{L}'’-]+/gu)].some((m) => namedInQuestion(m[0])) : listedWithAsked(c))) continue;
    }
    const novel = novelCount / content.length;
    const focusOnly = stems.every((s) => focus.has(s) || !qStems.has(s));
    const fromPattern = patternStarts.has(`${c.start}:${c.text}`);
    const repeats = c.kind === 'what' && novel < 0.5 && !focusOnly && !fromPattern && !isOption;
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
      // ("six units would be *scrapped* under proposals": a passive verb has no object after it, what was scrapped stands before it)
      // (not "is *releasing* tools", and not when the question asks in the passive too: "when currencies are left to float")
      const passiveVerb = PASSIVE_AUX.has(tokens[verbAt - 1]?.lower ?? '') && !/ing$/i.test(tokens[verbAt]!.text) && !PASSIVE_ASKED.test(question);
      if (slot.side === 'right' && !passiveVerb && first > verbAt && first - verbAt <= 3) slotKind = 'slot';
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
    const fragment = (t: (typeof tokens)[number] | undefined) => t !== undefined && t.isCap && t.inQuestion && !t.isFocus;
    const isFragment = /^\p{Lu}/u.test(c.text) && (fragment(tokens[first - 1]) || fragment(tokens[last + 1]) || (first < last && fragment(tokens[first]) && tokens.slice(first, last + 1).every((t) => t.isCap || !t.isWord)));
    const isList = c.kind === 'list';
    const headRow = rowOfWord(tokens[last]?.text);
    const aligned = alignCandidate(templates, tokens, first, last);
    // "Engineering News-Record (*ENR*)": the subject's initials restate it too
    const restates = defined !== null && type === 'who' && c.kind !== 'clause' && ([...defined].every((x) => stems.includes(x)) || (subjectInitials.length > 1 && c.text === subjectInitials));
    const defines = defined !== null && !restates && definingStarts.has(`${c.start}:${c.text}`);
    // "Who is X?" asks what X is: another person's name never says it
    if (!restates && personNames.has(c.text)) continue;
    // a time of another unit, whatever kind of candidate offers it ("1998" as a date or as a plain phrase)
    const isTime = c.kind === 'when' || TIME_UNITS.some((u) => isTimeOf(u, c.text));
    const otherTime =
      isTime &&
      ((timeUnit !== null && !isTimeOf(timeUnit, c.text)) ||
        (toldPast !== null && toldPast(c, sentence)));
    const shown = nameOf(c);
    const organisation = personFocus && /^\p{Lu}/u.test(shown.text) && ORGANIZATION_MARKERS.test(shown.text);
    // "which country won": a place; not a name a person's title or role leads ("singer Ruslana"), nor one whose kin or
    // role follows it ("*Muhammad*'s granddaughter"), nor one its kind of thing introduces ("trade paper *The Grocer*")
    const notPlace = type === 'where' && (titled(c.text, first) || (shown !== c && titled(shown.text, tokenAt(shown.start))) || introducedAsThing(sentence, shown) || followedByKin(sentence, shown));
    // "who directed the film": not "the Satyajit Ray *Award*"; "where is it set": not "UK Film Talent *Award*" nor "*Limited*"
    // (nor, for who, a work someone plays in: "her role in *Vera Drake*")
    const work = type === 'who' && WORK_BEFORE.test(sentence.slice(Math.max(0, shown.start - 32), shown.start));
    const thing = work || ((type === 'who' || type === 'where') && !defined && /^\p{Lu}/u.test(shown.text) && (THING_NAME.test(shown.text) || (type === 'where' && COMPANY_NAME.test(shown.text))));
    // "Who is X?" is answered by what defines X ("*Wales coach* Mike Ruddock"), not by a phrase that merely sits near X
    const undefining = type === 'who' && defined !== null && !defines;
    const initialsAsked = /^\p{Lu}{2,6}$/u.test(c.text) && questionInitials.has(c.text);
    // "London-based", "US-born": a name made an adjective describes someone, it is no one
    const nameAdjective = type === 'who' && NAME_ADJECTIVE.test(shown.text);
    // "where was Anna Berg born": "Novelist Anna Berg" restates who was asked about, it is no place
    const namesOnlyAsked = type === 'where' && titledAskedName(shown.text, qStems);
    const wrongKind = otherTime || organisation || notPlace || thing || undefining || initialsAsked || nameAdjective || namesOnlyAsked || personName(c.text, first) || (shown !== c && personName(shown.text, tokenAt(shown.start)));
    const evidence: SpanEvidence = {
      typeExact: !isList && c.kind === type && !wrongKind ? 1 : 0,
      typeHint: !isList && c.kind !== type ? typeHint(type, c, tokens, first) : 0,
      listFits: isList && (type === 'what' || type === 'other' || type === 'who') ? 1 : 0,
      listAsked: isList && asksMany ? 1 : 0,
      listUnasked: isList && !asksMany ? 1 : 0,
      // a place is "in X"; a name that repeats part of the question is rarely the one asked for
      // (an article may stand between: "in a London hotel")
      placePrep: c.kind === 'where' && LOCATIVE_PREP.test((/^(?:a|an|the)$/.test(tokens[first - 1]?.lower ?? '') ? tokens[first - 2] : tokens[first - 1])?.lower ?? '') ? 1 : 0,
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
      fragment: isFragment ? 1 : 0,
      repeats: repeats ? 1 : 0,
      clauseAsked: c.kind === 'clause' && asksClause ? 1 : 0,
      paren: c.kind === 'paren' ? 1 : 0,
      adjHead: tokens[last]?.pos === 'ADJ' && !asksKind ? 1 : 0,
      verbHead: c.kind !== 'clause' && (tokens[last]?.pos === 'VERB' || tokens[last]?.pos === 'AUX') ? 1 : 0,
      possessive: c.possessive && type === 'who' ? 1 : 0,
      // "adapted from her debut *novel*, The Quiet Harbour": the name beside the focus noun is the instance asked, the noun its kind
      focusHead: c.kind !== 'clause' && ((tokens[last]?.isFocus === true && !namedAfter(tokens, last)) || namedBy(tokens, first)) ? 1 : 0,
      oneWord: cWords.length === 1 ? 1 : 0,
      length: Math.min(1, cWords.length / 8),
      capital: /^\p{Lu}/u.test(c.text) ? 1 : 0,
      digit: /\d/.test(c.text) ? 1 : 0,
      afterVerb: anyVerbAt >= 0 && first > anyVerbAt && first - anyVerbAt <= 3 ? 1 : 0,
      beforeVerb: anyVerbAt >= 0 && last < anyVerbAt && anyVerbAt - last <= 3 ? 1 : 0,
      // a common word heading a name ("Islamic *State*") is not generic
      commonHead: headRow >= 0 && headRow < COMMON_ROWS && !tokens[last]?.isCap ? 1 : 0,
      headRarity: headRow < 0 ? 1 : Math.min(1, Math.log(headRow + 1) / logSize),
      kindMatch: kindsAsked && c.kind === 'number' && ofKind(c) ? 1 : 0,
      kindMiss: wrongKind || (c.kind === 'number' && otherKind(c)) ? 1 : 0,
      placeLike: type === 'where' ? placeMinusPerson(c.text) : 0,
      // an organisation asked: likeness to people is no evidence for it
      personLike: type === 'who' && !orgAsked ? -placeMinusPerson(c.text) : 0,
      alignShare: aligned.share,
      alignNext: aligned.next,
      alignPrev: aligned.prev,
      restates: restates ? 1 : 0,
      defines: defines ? 1 : 0,
    };
    let score = 0;
    for (const k of EVIDENCE_KEYS) score += weights[k] * evidence[k];
    score += treeScore(trees, evidence, type);
    const relation = slotKind !== null || fromPattern || isOption || besideFocus || unitFound;
    // "part of the ONdigital consortium", "the site of Fort Caroline": a generic head before "of" names nothing itself
    const partitive = (type === 'what' || type === 'other') && c.kind !== 'clause' && c.kind !== 'number' ? PARTITIVE.exec(shown.text) : null;
    const text = partitive && !focus.has(stem(partitive[1]!.toLowerCase())) ? shown.text.slice(partitive[0].length) : shown.text;
    const trimmed = trimSpan(text, c.kind === 'when' ? new Set() : qStems, focus);
    // a name cut down to a plain word by the words asked ("Radio 3's World Music *Day*" for "where is the world music
    // concert") names nothing by itself
    if (isNameFragment(text, trimmed)) continue;
    scored.push({ text: trimmed, score, evidence, typeMatch: c.kind === type && type !== 'what' && type !== 'other' && !wrongKind, relation, kind: fromPattern ? 'pattern' : c.kind, closeness, nearest: nearestAnchor, headPos: tokens[last]?.pos ?? '', wrongKind });
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
    possessive: chosen.evidence.possessive > 0,
    probability: shareOf(scored, chosen),
    evidence: chosen.evidence,
    wrongKind: chosen.wrongKind,
  };
}

/** Softmax share of `chosen` among the distinct answer texts, each at its best score. */
function shareOf(scored: readonly ScoredCandidate[], chosen: ScoredCandidate): number {
  const best = new Map<string, number>();
  for (const c of scored) if (c.text) best.set(c.text, Math.max(best.get(c.text) ?? -Infinity, c.score));
  let z = 0;
  for (const s of best.values()) z += Math.exp(s - chosen.score);
  return 1 / z;
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

const NUMBER_MODIFIERS = /^(?:over|under|about|around|nearly|almost|less|more|up|at|than|only|just|some)$/i;
const NUMBERISH = /\d|\b(?:half|quarter|third|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundred|thousand|million|billion|dozens?)\b/i;

/** Whether a name follows the lower-case focus noun at `i`, right after it or set off by commas ("a short novel, *The …*,"). */
function namedAfter(tokens: readonly Token[], i: number): boolean {
  if (tokens[i]?.isCap) return false;
  if (tokens[i + 1]?.text !== ',') return tokens[i + 1]?.isCap === true && tokens[i + 1]!.isWord;
  return appositive(tokens, i + 2);
}

/** Whether the name starting at `i` stands right after a lower-case focus noun, so it names the instance asked. */
function namedBy(tokens: readonly Token[], i: number): boolean {
  if (!tokens[i]?.isCap) return false;
  let j = i - 1;
  const det = /^(?:the|a|an)$/i.test(tokens[j]?.text ?? '');
  if (det) j--;
  if (tokens[j]?.text !== ',') return tokens[j]?.isFocus === true && !tokens[j]!.isCap;
  return tokens[j - 1]?.isFocus === true && !tokens[j - 1]!.isCap && appositive(tokens, det ? i - 1 : i);
}

/**
 * Whether the name starting at `i`, after a comma, is an apposition: a title ("The …", "A …") or a name closed by a
 * comma or a full stop, not the subject of a new clause ("When she finished the novel, *Penguin* published it").
 */
function appositive(tokens: readonly Token[], i: number): boolean {
  const first = tokens[i];
  if (!first?.isCap || !first.isWord) return false;
  if (/^(?:The|A|An)$/.test(first.text)) return true;
  let k = i;
  while (tokens[k]?.isCap || /^(?:of|the|and|de)$/.test(tokens[k]?.text ?? '')) k++;
  return tokens[k] === undefined || /^[,.;]$/.test(tokens[k]!.text);
}

/** Whether trimming left one plain English word of a longer run of capitalised words. */
function isNameFragment(text: string, trimmed: string): boolean {
  const whole = text.split(/\s+/);
  return whole.length > 1 && whole.every((t) => /^[\p{Lu}\d]/u.test(t)) && /^\p{Lu}\p{Ll}+$/u.test(trimmed) && isEnglishWord(trimmed.toLowerCase());
}

/** Drops leading articles and question words at the span's edges. */
function trimSpan(text: string, qStems: ReadonlySet<string>, focus: ReadonlySet<string>): string {
  const tokens = text.split(/\s+/);
  const isQ = (t: string) => {
    const ws = words(t);
    return ws.length > 0 && ws.every((w) => STOP_WORDS.has(w) || (qStems.has(stem(w)) && !focus.has(stem(w))));
  };
  // "The Nordic *Court* of Appeal": a name told as "X of Y" is one unit, its head before the "of", when what the
  // question lacks is its "of" part; a title before a person ("Governor of the Bank *Anna Berg*") is still cut
  const firstNew = tokens.findIndex((t) => !isQ(t));
  const ofName =
    tokens.length > 2 &&
    firstNew > 0 &&
    tokens.every((t) => /^[\p{Lu}\d]/u.test(t) || /^(?:of|the|de|for)$/.test(t)) &&
    /^(?:of|de|for|the)$/.test(tokens[firstNew - 1]!) &&
    tokens.slice(1, firstNew).some((t) => /^(?:of|de|for)$/.test(t));
  // "*over* half", "*less than* two percent": a modifier of a number stays
  while (tokens.length > 1 && (/^(the|a|an)$/i.test(tokens[0]!) || (!ofName && isQ(tokens[0]!) && !(NUMBER_MODIFIERS.test(tokens[0]!) && NUMBERISH.test(tokens.slice(1).join(' ')))))) tokens.shift();
  // a name keeps its last word even when the question has it ("Mount *Kenya*")
  // a list keeps its last item whole ("primary law, secondary law and supplementary *law*")
  const name = (tokens.length > 1 && tokens.every((t) => /^[\p{Lu}\d]/u.test(t) || /^(?:of|the|de|and|for)$/.test(t))) || (tokens.some((t, i) => i > 0 && i < tokens.length - 1 && /^(?:and|or)$/i.test(t)));
  while (tokens.length > 1 && !name && isQ(tokens[tokens.length - 1]!)) tokens.pop();
  const trimmed = tokens
    .join(' ')
    .replace(/['’]s$/, '')
    .replace(/^[("'“‘]+|[)"'”’.,;:]+$/g, '');
  // (a bracket opened inside the span closes it: "7-6 (8-6)")
  return /\([^)]*$/.test(trimmed) && text.startsWith(`${trimmed})`, text.indexOf(trimmed)) ? `${trimmed})` : trimmed;
}
