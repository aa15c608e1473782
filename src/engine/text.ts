import { DEMONYMS } from './demonyms.ts';
import { createHash } from 'node:crypto';
import { stemmer } from 'stemmer';
import { americanSpelling, AMERICAN_ENDINGS_TEXT, isEnglishWord } from './english-words.ts';

/** A sentence with its position in the text, so quotes stay verbatim. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
  /** Index of the paragraph it belongs to. */
  paragraph: number;
}

const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'gen', 'gov', 'sen', 'rep', 'rev',
    'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm', 'maj', 'pres', 'supt', 'insp', 'hon', 'messrs',
    'inc', 'ltd', 'co', 'corp', 'plc', 'bros', 'dept', 'univ', 'assn', 'est', 'approx',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
    'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
    'vs', 'etc', 'no', 'nos', 'vol', 'fig', 'al', 'cf', 'ca', 'op', 'pp', 'eg', 'ie', 'viz',
    'ave', 'blvd', 'rd', 'hwy',
  ],
);

/** Splits text into paragraphs on blank lines (or single newlines where no blank lines exist). */
export function splitParagraphs(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const separator = /\n\s*\n/.test(text) ? /\n\s*\n/g : /\n/g;
  let last = 0;
  const push = (from: number, to: number) => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) out.push({ text: trimmed, start: from + lead });
  };
  for (const m of text.matchAll(separator)) {
    push(last, m.index);
    last = m.index + m[0].length;
  }
  push(last, text.length);
  return out;
}

const SENTENCE_STARTERS =
  /^(?:The|A|An|He|She|It|They|We|I|In|On|At|But|And|This|That|These|Those|There|His|Her|Their|Its|Our|After|Before|When|While|If|As|Some|Many|Most|Officials|However|Meanwhile)\b/;

/** Whether the period ending `word` is part of an abbreviation, an initial or a number. */
function isNonTerminalPeriod(before: string, after: string): boolean {
  const m = /([A-Za-z.]+)\.$/.exec(before);
  if (!m) return /\d\.$/.test(before) && /^\d/.test(after);
  // "Alzheimer's." ends a sentence: the "s" of a possessive or a contraction is no initial
  if (/['’]$/.test(before.slice(0, m.index))) return false;
  const word = m[1]!.toLowerCase();
  if (ABBREVIATIONS.has(word)) return true;
  // Initials ("J. K. Rowling") never end a sentence; dotted acronyms ("U.S.") end one only
  // before a word that usually starts a sentence
  // (a letter right after a number is a unit or a decade, "£4m.", "the 1960s.", not an initial)
  if (/^[a-z]$/.test(word)) return !/\d$/.test(before.slice(0, m.index));
  if (/^([a-z]\.)+[a-z]$/.test(word)) return !SENTENCE_STARTERS.test(after);
  return false;
}

/** Splits a paragraph into sentences, keeping offsets into the original text. */
function splitParagraphSentences(par: string, base: number, paragraph: number, out: Sentence[]): void {
  const boundary = /[.!?…]+["'”’)\]]*(?=\s+)|[.!?]+["'”’)\]]*$/g;
  let start = 0;
  for (const m of par.matchAll(boundary)) {
    const end = m.index + m[0].length;
    // Bounded look-around: copying the rest of a long paragraph at every boundary would be quadratic
    const after = par.slice(end, end + 64).trimStart();
    if (m[0].startsWith('.') && m[0].length === 1 && isNonTerminalPeriod(par.slice(Math.max(start, end - 64), end), after)) continue;
    // A sentence continues when the next word starts in lower case ("he said. and", "the musical Mamma Mia! has")
    if (after && /^[a-z]/.test(after)) continue;
    pushSentence(par, start, end, base, paragraph, out);
    start = end;
  }
  pushSentence(par, start, par.length, base, paragraph, out);
}

function pushSentence(par: string, from: number, to: number, base: number, paragraph: number, out: Sentence[]): void {
  const raw = par.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (!text) return;
  out.push({ text, start: base + from + lead, end: base + from + lead + text.length, paragraph });
}

/** Splits text into sentences across paragraphs. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  splitParagraphs(text).forEach((p, i) => splitParagraphSentences(p.text, p.start, i, out));
  return out;
}

export const STOP_WORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him ' +
    'himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other ' +
    'our ours ourselves out over own same she should so some such than that the their theirs them themselves then there ' +
    'these they this those through to too under until up very was we were what when where which while who whom why will ' +
    'with would you your yours yourself yourselves also said says say would may might must shall besides ' +
    "s t d ll m o re ve y isn aren wasn weren hasn haven hadn doesn don didn wouldn shan shouldn can't cannot"
  ).split(/\s+/),
);

/** Words whose contracted form is a stop word: the stop words and "won" ("won't"), which alone is the verb ("who won"). */
const CONTRACTION_HEADS = new Set([...STOP_WORDS, 'won']);

/** A lower-cased word that is no index term: a stop word, or a contraction of one ("don't", "won't"). */
export function isStopWord(w: string): boolean {
  // (only a contraction's ending makes one: "O'Herlihy", "O'Driscoll" are names, though "o" alone is a stop word)
  return STOP_WORDS.has(w) || (CONTRACTION.test(w) && CONTRACTION_HEADS.has(w.replace(/['’].*$/, '')));
}

/** A word with a contraction's ending ("don't", "won't", "they're", "it's"). */
const CONTRACTION = /['’](?:s|t|ll|re|ve|d|m)$/;

/** A word: letters and digits, an inner apostrophe ("don't", "O'Neill") and an inner ampersand ("AT&T", "P&O"). */
const WORD = /[\p{L}\p{N}]+(?:&[\p{L}\p{N}]+)*(?:['’][\p{L}]+)?/gu;

/** A word of a sentence with its offset, its index stem and whether it is written with a capital. */
export interface StemToken {
  start: number;
  term: string;
  capital: boolean;
}

/** A sentence's words as stemmed tokens, and the index of the first token at or after a character offset. */
export function stemTokens(sentence: string): { tokens: StemToken[]; indexAt: (offset: number) => number } {
  const tokens = [...sentence.matchAll(WORD)].map((m) => ({ start: m.index, term: stem(m[0].toLowerCase().normalize('NFKC')), capital: /^\p{Lu}/u.test(m[0]) }));
  const indexAt = (offset: number) => {
    let i = 0;
    while (i < tokens.length && tokens[i]!.start < offset) i++;
    return i;
  };
  return { tokens, indexAt };
}

/**
 * Participles joined after a word describe a noun and tell no deed ("state-owned firm", "US-led force"): read as a
 * word of their own, so "who owns" or "who led" does not meet them.
 */
const JOINED_PARTICIPLE = /(?<=[\p{L}\p{N}])-(owned|run|led|backed|controlled|funded)\b/gu;

/** Lower-cased word tokens (`WORD`s; hyphenated words kept apart, a joined participle read as a word of its own). */
export function words(text: string): string[] {
  return text.toLowerCase().normalize('NFKC').replace(JOINED_PARTICIPLE, ' $1joined').match(WORD) ?? [];
}

/** Irregular forms Porter's rules cannot join to their base word. */
const IRREGULAR: Record<string, string> = Object.fromEntries(
  (
    'sent:send took:take taken:take won:win began:begin begun:begin went:go gone:go goes:go undergoes:undergo gave:give given:give made:make became:become ' +
    'bought:buy brought:bring built:build caught:catch chose:choose chosen:choose came:come did:do done:do drew:draw ' +
    'drove:drive driven:drive ate:eat fell:fall fallen:fall felt:feel fought:fight found:find flew:fly flown:fly ' +
    'forgot:forget got:get gotten:get grew:grow grown:grow held:hold hid:hide kept:keep knew:know known:know led:lead ' +
    'left:leave lost:lose met:meet paid:pay ran:run rose:rise risen:rise saw:see seen:see sold:sell shot:shoot ' +
    'sang:sing spoke:speak spoken:speak spent:spend stood:stand stole:steal stolen:steal struck:strike swore:swear ' +
    'taught:teach thought:think threw:throw thrown:throw told:tell understood:understand woke:wake wore:wear worn:wear ' +
    'wrote:write written:write killed:kill died:die dead:die death:die men:man women:woman children:child people:person ' +
    'wives:wife lives:life mice:mouse feet:foot teeth:tooth geese:goose beaten:beat withdrew:withdraw withdrawn:withdraw ' +
    'heard:hear sought:seek broke:break broken:break fled:flee sank:sink sunk:sink shook:shake shaken:shake swept:sweep ' +
    'tore:tear torn:tear wept:weep rode:ride ridden:ride rang:ring sung:sing slept:sleep ' +
    'spun:spin stuck:stick swam:swim swung:swing overtook:overtake overtaken:overtake undertook:undertake ' +
    'undertaken:undertake forgave:forgive forgiven:forgive arose:arise arisen:arise bled:bleed blew:blow blown:blow ' +
    'bred:breed drank:drink foresaw:foresee foreseen:foresee oversaw:oversee overseen:oversee hidden:hide eaten:eat ' +
    'forgotten:forget sworn:swear bitten:bite shone:shine shrank:shrink shrunk:shrink sprang:spring stung:sting ' +
    'strove:strive woven:weave dealt:deal mistook:mistake leapt:leap crept:creep clung:cling flung:fling'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string])
    .concat(Object.entries(DEMONYMS)),
);

/** Stems of common news synonyms folded into one, so a question and an article that word it differently still meet. */
const SYNONYM_STEMS: Record<string, string> = Object.fromEntries(
  (
    'seiz:captur invad:captur purchas:bui acquir:bui commenc:begin start:begin finish:end conclud:end ' +
    'larg:big huge:big tini:small littl:small assist:help aid:help construct:build erect:build ' +
    'permit:allow obtain:get receiv:get attempt:try select:choos pick:choos rapid:fast quick:fast ' +
    'tv:televis movi:film automobil:car vehicl:car legisl:law halt:stop ceas:stop increas:rise grow:rise decreas:fall declin:fall drop:fall ' +
    // how news tells a change in prices, profits and shares
    'jump:rise climb:rise soar:rise surg:rise plung:fall slump:fall tumbl:fall ' +
    // role words chat uses for the titles news prints ("X's boss" for its chief executive)
    'boss:chief chairwoman:chairman chairperson:chairman ' +
    // business and places: the plain word and the one reporters print
    'headquart:base turnov:revenu stake:share ' +
    // verbs headlines prefer, folded into the plain verb
    'ax:cut slash:cut quit:resign probe:investig hike:rise sack:dismiss defeat:beat unveil:launch ' +
    // colloquial words for the ones reporters print, and a word Porter's rules split in two
    'kid:child cop:polic soccer:footbal telli:televis cellphon:mobil jobless:unemploy unemploi:unemploy injuri:injur ' +
    // agent and noun forms Porter's rules keep apart from the verb a chat question uses ("who won" / "the winner")
    'winner:win birth:born growth:rise marriag:marri loss:lose shut:close burial:buri ' +
    // role nouns and the verb a chat question asks with ("who chairs" / "chairman of", "who leads" / "leader")
    'chair:chairman leader:lead ' +
    // words for anger news prints beside the plain one a chat question asks with
    'livid:angri furiou:angri'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/**
 * Phrases news prints beside the one word that means the same ("stepped down" / "resigned"), read as
 * that word wherever they occur, in articles and questions alike: phrase, then the word. General English
 * phrasal verbs of news reporting; none from an item of any evaluation set.
 */
const PHRASE_FOLDS_TEXT =
  'pass away:died step down:resigned stand down:resigned find guilty:convicted pull out:withdraw ' +
  'turn down:rejected call off:cancelled tie the knot:married get the sack:dismissed get sacked:dismissed ' +
  'come into force:effect come into effect:effect take effect:effect knock out:eliminated look into:investigated come back:returned blow up:exploded set up:established take over:takeover';

/** Words after which "lives" is the verb ("she lives", "who lives"). */
const LIVES_SUBJECT: ReadonlySet<string> = new Set(['he', 'she', 'who', 'it', 'now', 'still', 'currently', 'also', 'family', 'and', 'reportedly']);
/** Words before which "lives" tells where someone lives ("lives in", "lives near"). */
const LIVES_PLACE: ReadonlySet<string> = new Set(['in', 'at', 'near', 'with', 'on', 'abroad', 'there', 'here', 'alone', 'together', 'nearby', 'outside', 'close']);
/** Words after which "lives" is the plural of "life" ("their lives in danger", "300 lives"). */
const LIVES_OWNER: ReadonlySet<string> = new Set(['their', 'his', 'her', 'its', 'our', 'my', 'your', 'whose', 'the', 'many', 'more', 'of', 'own', 'saving', 'save', 'saved', 'risk', 'risked', 'risking', 'lost', 'claimed', 'cost']);

/** Whether "lives" between two words is the verb, which IRREGULAR otherwise reads as the plural of "life". */
function livesIsVerb(before: string, after: string): boolean {
  if (LIVES_SUBJECT.has(before)) return true;
  return LIVES_PLACE.has(after) && !LIVES_OWNER.has(before) && !/\d$|['’]s$/.test(before);
}

/** A plural in "-oes" whose singular ends in "o" ("heroes", "potatoes", "echoes"), which Porter leaves as "heroe". */
const OES_PLURAL = /^[a-z]{3,}oes$/;
function singularOfOes(word: string): string | undefined {
  return OES_PLURAL.test(word) && isEnglishWord(word.slice(0, -2)) ? word.slice(0, -2) : undefined;
}

/** Porter undoubles a final l only after two syllables: "trialled", "dialled", "fuelled" kept theirs. */
const DOUBLED_L = /[aeiou]{2}ll$/;

/** A digest of every word table above: a persisted index built with other tables is stale. */
export const WORD_TABLES_DIGEST = createHash('sha256')
  .update(JSON.stringify([[...ABBREVIATIONS], [...STOP_WORDS], IRREGULAR, SYNONYM_STEMS, AMERICAN_ENDINGS_TEXT, PHRASE_FOLDS_TEXT, [...LIVES_SUBJECT], [...LIVES_PLACE], [...LIVES_OWNER], CONTRACTION.source, WORD.source, JOINED_PARTICIPLE.source, DOUBLED_L.source, OES_PLURAL.source]))
  .digest('hex')
  .slice(0, 16);

const stemCache = new Map<string, string>();

/** Titles of address written before a person's name ("Mr Brown", "Dame Judi Dench"). */
export const ADDRESS_TITLE_WORDS: readonly string[] = ['Mr', 'Mrs', 'Ms', 'Miss', 'Dr', 'Sir', 'Dame', 'Lord', 'Lady'];

/** Porter stem of a lower-cased word, cached since the vocabulary is small. */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stemOf(word);
    if (stemCache.size < 500_000) stemCache.set(word, s);
  }
  return s;
}

/** The same stem, not cached: for the many made-up spellings a typo repair tries. */
export function stemUncached(word: string): string {
  return stemCache.get(word) ?? stemOf(word);
}

function stemOf(word: string): string {
  const bare = word.replace(/['’]s$/, '').replace(/['’]/g, '');
  const porter = /\d/.test(bare) ? bare : stemmer(IRREGULAR[bare] ?? singularOfOes(bare) ?? americanSpelling(bare));
  const s = DOUBLED_L.test(porter) ? porter.slice(0, -1) : porter;
  return SYNONYM_STEMS[s] ?? s;
}

/** Switch for measuring: phrases folded into their word (`PHRASE_FOLDS_TEXT`). */
export const PHRASE_FOLDING = { on: true };

interface PhraseFold {
  /** Stems of the words after the first. */
  rest: string[];
  word: string;
}
/** The folds by every spelling of their first word ("step", "stepped", "stepping" …); built on first use (stems are cached). */
let phraseHeads: Map<string, PhraseFold[]> | null = null;

function buildPhraseHeads(): Map<string, PhraseFold[]> {
  const heads = new Map<string, PhraseFold[]>();
  for (const entry of PHRASE_FOLDS_TEXT.match(/[a-z ]+?:[a-z]+/g) ?? []) {
    const [phrase, word] = entry.trim().split(':') as [string, string];
    const [first, ...rest] = phrase.split(' ') as [string, ...string[]];
    // Porter stems some verbs apart from their past ("tie" / "tied")
    const stems = new Set([stem(first), stem(`${first}d`), stem(`${first}ed`)]);
    const forms = [first, `${first}s`, `${first}es`, `${first}ed`, `${first}d`, `${first}ing`, `${first}${first.at(-1)}ed`, `${first}${first.at(-1)}ing`, `${first.slice(0, -1)}ing`,
      ...Object.keys(IRREGULAR).filter((k) => IRREGULAR[k] === first)];
    for (const f of forms) {
      if (!stems.has(stem(f))) continue;
      const list = heads.get(f) ?? [];
      if (!list.some((x) => x.word === word && x.rest.join(' ') === rest.map(stem).join(' '))) list.push({ rest: rest.map(stem), word });
      heads.set(f, list);
    }
  }
  return heads;
}

/**
 * The words with each phrase of `PHRASE_FOLDS_TEXT` replaced by its word ("he stepped down" → "he resigned");
 * the list itself when none occurs. One pronoun may stand inside a phrase ("turned it down").
 */
export function foldPhrases(list: readonly string[]): readonly string[] {
  if (!PHRASE_FOLDING.on) return list;
  const heads = (phraseHeads ??= buildPhraseHeads());
  let out: string[] | null = null;
  for (let i = 0; i < list.length; i++) {
    if (list[i] === 'lives' && livesIsVerb(list[i - 1] ?? '', list[i + 1] ?? '')) {
      out ??= list.slice(0, i);
      out.push('live');
      continue;
    }
    const folds = heads.get(list[i]!);
    let end = 0;
    let word = '';
    for (const f of folds ?? []) {
      end = phraseRestEnd(list, i + 1, f.rest);
      if (end) {
        word = f.word;
        break;
      }
    }
    if (!end) {
      out?.push(list[i]!);
      continue;
    }
    out ??= list.slice(0, i);
    out.push(word);
    i = end - 1;
  }
  return out ?? list;
}
/** Words a separable phrasal verb may hold between its verb and particle ("turned it down"). */
const PHRASE_GAP: ReadonlySet<string> = new Set(['it', 'them', 'him', 'her', 'this', 'that']);

/**
 * End (exclusive) of a phrase's words after its first, as stems `rest`, matched from position `j` of `list`, or 0;
 * one pronoun may stand before them ("turned *it* down"). `stemAt` gives the stem at a position when already known.
 */
export function phraseRestEnd(list: readonly string[], j: number, rest: readonly string[], stemAt: (k: number) => string = (k) => stem(list[k] ?? '')): number {
  if (rest.length > 0 && PHRASE_GAP.has(list[j] ?? '') && stemAt(j + 1) === rest[0]) j++;
  return rest.every((s, k) => stemAt(j + k) === s) ? j + rest.length : 0;
}

/** Index terms of a text: stemmed words without stop words. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of foldPhrases(words(text))) {
    if (isStopWord(w)) continue;
    out.push(stem(w));
  }
  return out;
}

/** Collapses runs of white space to one space. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Text as compared for copies (titles, sentences): lower case, letters and digits only. */
export function copyKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
