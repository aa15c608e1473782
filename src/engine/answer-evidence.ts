// Evidence for the answer confidence beyond how much of the question a sentence holds (issue 14; bench/notes/confidence6.md).
import type { AnalyzedSentence } from './analyze-article.ts';
import { ADDRESS_TITLE_WORDS, isStopWord, terms } from './text.ts';

/** The subject leads a sentence when one of its words is among the sentence's first terms. */
const LEAD_TERMS = 5;

/**
 * 1 when the sentence opens with a word of the question's subject (a title word or a name the question asks): the
 * sentence is about the subject, where a sentence naming it late mostly mentions it in passing.
 */
export function subjectLeads(sentence: AnalyzedSentence, subject: ReadonlySet<string>): number {
  return sentence.terms.slice(0, LEAD_TERMS).some((t) => subject.has(t)) ? 1 : 0;
}

/** What `passingMention` reads of the chosen article. */
export interface ArticleTerms {
  titleTerms: readonly string[];
  sentences: readonly unknown[];
  termCounts: ReadonlyMap<string, number>;
}

/** A word the article lacks counts as the asked relation when it weighs at least this share of the weightiest word asked. */
export const PASSING = { on: true, missingShare: 0.45, minSentences: 12 };

/**
 * 1 when the chosen article touches the question only in passing: it holds none of the words asked in its title and
 * each of them at most once, and it lacks a word asked that weighs at least `PASSING.missingShare` of the weightiest.
 * Such a match is incidental ("who directed oppenheimer" over a bank analyst at "Bank Sal Oppenheim"): the article is
 * about something else and does not hold the asked relation (bench/notes/abstain7.md). Only an article of at least
 * `PASSING.minSentences` sentences: in a paragraph-long text (SQuAD's) a word said once is not said in passing.
 */
export function passingMention(asked: Iterable<string>, weightOf: (term: string) => number, article: ArticleTerms): boolean {
  if (article.sentences.length < PASSING.minSentences) return false;
  let heaviest = 0;
  let heaviestMissing = 0;
  let held = 0;
  for (const t of asked) {
    const w = weightOf(t);
    heaviest = Math.max(heaviest, w);
    if (article.titleTerms.includes(t)) return false;
    const n = article.termCounts.get(t) ?? 0;
    if (n > 1) return false;
    if (n === 0) heaviestMissing = Math.max(heaviestMissing, w);
    else held++;
  }
  return held > 0 && heaviest > 0 && heaviestMissing >= PASSING.missingShare * heaviest;
}

/**
 * A low-confidence answer from an article that is not about the question: below `confidenceBelow`, with the sentence not
 * opening with the question's subject (`led` 0) and the article's focus on the question's words under `below`.
 */
export const UNFOCUSED = { on: true, repeats: 5, below: 0.3, confidenceBelow: 0.4 };

/**
 * How much the article is about the words asked: each word's weight counts in full when the article's title holds it,
 * else by how often the article repeats it, up to `UNFOCUSED.repeats` times; over the words' total weight. A word
 * said once in a long article weighs 1/5 (bench/notes/abstain7.md).
 */
export function articleFocus(asked: Iterable<string>, weightOf: (term: string) => number, article: ArticleTerms): number {
  let total = 0;
  let held = 0;
  for (const t of asked) {
    const w = weightOf(t);
    total += w;
    held += article.titleTerms.includes(t) ? w : (w * Math.min(article.termCounts.get(t) ?? 0, UNFOCUSED.repeats)) / UNFOCUSED.repeats;
  }
  return total ? held / total : 0;
}

/** A question naming nothing must have all its other words told when it has at most this many (longer ones are paraphrased more). */
const PLAIN_RELATION_MAX = 3;

/**
 * Whether the window tells what is asked besides the names (`relation`, with `told` a word held or near in meaning): of
 * a name, at least one word ("where was X born" over a quote naming X for a bid tells nothing); of nothing named, every
 * word of a short question ("what is the meaning of life" over "… our way of life").
 */
export function tellsRelation(relation: readonly string[], namesSomething: boolean, told: (term: string) => boolean): boolean {
  if (relation.length === 0) return true;
  if (namesSomething) return relation.some(told);
  return relation.length < 2 || relation.length > PLAIN_RELATION_MAX || relation.every(told);
}

/** Words before a verb that tell it as not (yet) done: "favourite *to* win", "*could* win", "will *almost certainly* raise", "*odds of* winning". */
const UNREALISED_BEFORE = new RegExp(
  '\\b(?:(?:will|would|could|may|might|can|shall|should|must)\\s+(?:not\\s+|also\\s+|still\\s+|almost\\s+|\\p{Ll}+ly\\s+){0,2}' +
    // "to" after a word of prospect ("favourite to win", "wanted to win"), not of purpose ("crosses to score")
    '|(?:favourites?|tipped|set|expected|likely|unlikely|hop(?:e|es|ed|ing)|bid|bidding|aim(?:s|ed|ing)?|want(?:s|ed|ing)?|plan(?:s|ned|ning)?|chances?|odds|attempt(?:s|ed|ing)?|try|tries|tried|trying|seek(?:s|ing)?|sought|fight(?:s|ing)?|battl(?:e|es|ed|ing)|(?:un)?able|fail(?:s|ed|ing)?|going|bound|poised|ready|due|vow(?:s|ed)?|promis(?:e|es|ed)|approach(?:es)?|offer(?:s|ed)?|moves?|efforts?|propos(?:al|es|ed)|agree(?:s|d)?)\\s+(?:(?:us|them|him|her|me|it|you)\\s+)?(?:not\\s+)?to\\s+' +
    '|(?:odds|chances?|hopes?|prospects?|favourites?|tipped|bid|bidding)\\s+(?:of|for|at)\\s+' +
    // a deed thought or talked of ("not thinking of winning the Grand Slam")
    '|(?:think(?:s|ing)?|thought|dream(?:s|ing|ed|t)?|talk(?:s|ing|ed)?)\\s+(?:of|about)\\s+' +
    // a condition ("if convicted", "unless he is found guilty")
    '|(?:if|unless)\\s+(?:(?:he|she|they|it|\\p{Lu}\\p{L}+)\\s+)?(?:(?:is|are|was|were|gets?|got)\\s+)?(?:found\\s+)?)$',
  'iu',
);

/**
 * Whether "what did X win" is answered by a quote that tells the verb only as not done ("the new favourite to win best
 * picture"): the quote says what X may do, not what it did. `verb` is the asked verb's term; `termOf` reads a word.
 */
export function toldUndone(
  quote: string,
  verb: string,
  termOf: (word: string) => string | undefined,
  /** When given, only the verb with one of these terms in the six words after it counts ("winning *Wimbledon*" tells nothing of the Australian Open). */
  object?: ReadonlySet<string>,
): boolean {
  let seen = false;
  for (const m of quote.matchAll(/[\p{L}'’-]+/gu)) {
    if (termOf(m[0]) !== verb) continue;
    if (object && !(quote.slice(m.index + m[0].length).match(/[\p{L}'’-]+/gu) ?? []).slice(0, 6).some((w) => object.has(termOf(w) ?? ''))) continue;
    if (!UNREALISED_BEFORE.test(quote.slice(Math.max(0, m.index - 24), m.index))) return false;
    seen = true;
  }
  return seen;
}

/** Every offset at which a (non-empty) span stands in a sentence. */
function* startsOf(sentence: string, span: string): Generator<number> {
  for (let at = sentence.indexOf(span); at >= 0; at = sentence.indexOf(span, at + 1)) yield at;
}

/**
 * Whether a sentence tells the one a span names, wherever it names it, as not doing the asked verb (its term `verb`):
 * "the Conservatives *are not going to win* this election" for "who will win the election".
 */
export function deniedDeed(sentence: string, span: string, verb: string, termOf: (word: string) => string | undefined): boolean {
  if (!span) return false;
  for (const i of startsOf(sentence, span)) {
    const after = sentence.slice(i + span.length, i + span.length + 80).split(/[,;:.!?]/)[0]!;
    const ws = after.match(/[\p{L}'’-]+/gu) ?? [];
    const at = ws.findIndex((w) => termOf(w) === verb);
    if (at > 0 && ws.slice(0, at).some((w) => /^(?:not|never|\p{L}+n['’]t)$/iu.test(w))) return true;
  }
  return false;
}

/**
 * Whether the one a span names did the asked verb (term `verb`) to something like, but not, what was asked (`object`,
 * its terms): "Liam Neeson *won best actor*" for "who won best actress" (the object after the verb holds some of the
 * asked object's terms, and a word of its own in place of the rest).
 */
export function otherObject(sentence: string, span: string, verb: string, object: readonly string[], termOf: (word: string) => string | undefined): boolean {
  if (!span || object.length < 2) return false;
  for (const i of startsOf(sentence, span)) {
    const raw = sentence.slice(i + span.length, i + span.length + 60).split(/[,;:.!?]/)[0]!.match(/[\p{L}'’-]+/gu) ?? [];
    const ws = raw.map((w) => termOf(w) ?? '');
    if (ws[0] !== verb) continue;
    // the object's words: the run of content words after the verb and its determiner ("won *best actor* for …"; not a
    // clause, "proposed *that* every object …")
    let k = 1;
    while (k < ws.length && ws[k] === '' && /^(?:a|an|the|his|her|its|their)$/i.test(raw[k]!)) k++;
    const told: string[] = [];
    while (k < ws.length && ws[k] !== '') told.push(ws[k++]!);
    const held = object.filter((t) => told.includes(t)).length;
    // (some of the asked object's words, and one of its own in place of the rest)
    if (held > 0 && held < object.length && told.some((t) => !object.includes(t))) return true;
  }
  return false;
}

/**
 * Whether a span is what a who-question's verb was done to, not who did it: "*Angels and Demons* was written before …"
 * for "who wrote …" (a passive of the asked verb right after the span, with no "by" naming the doer).
 */
export function patientOf(sentence: string, end: number, verb: string, termOf: (word: string) => string | undefined): boolean {
  const m = /^\s*,?\s*(?:was|were|is|are|has been|have been|had been|being|will be)\s+(?:\p{Ll}+ly\s+)?([\p{L}'’-]+)(?!\s+by\b)/u.exec(sentence.slice(end, end + 60));
  return m !== null && termOf(m[1]!) === verb;
}

/** A reporting verb right before a time ("said *on Wednesday*", "told the BBC last week"): the time of the telling. */
/** A time opening a sentence: "In (the mid-)", "On", "Last". */
const TIME_OPENS = /^\W*(?:in|on|at|by|last|early|late)\s+(?:the\s+)?(?:(?:mid|early|late)[\s-]+)?$/i;
/** The rest of the time, then the one telling and the telling: "…, Fletcher said", "… the minister told MPs". */
const TELLER_NEXT = /^[^,]{0,24},\s+(?:the\s+)?(?:\p{L}[\p{L}'’.-]*\s+){1,3}?(said|says|told|added|reported|confirmed|insisted|warned|claimed|admitted|revealed|announced)\b/iu;
const TOLD_AT = /\b(said|says|told(?:\s+(?:the\s+)?[\p{L}'’.-]+){0,3}|added|reported|confirmed|insisted|warned|claimed|admitted|revealed|announced)\s+(?:on\s+|late\s+|early\s+|last\s+|this\s+|earlier\s+)?$/iu;

/**
 * Whether a when-span is the time something was said, not the time of the deed asked: "Lawmakers said *on Wednesday
 * night* Bondi, … appointed by the Italian government …" for "when did Bondi take over". A question asking the
 * telling itself ("when did X announce …") is answered by it.
 */
export function timeOfTelling(sentence: string, start: number, asked: ReadonlySet<string>, termOf: (word: string) => string | undefined): boolean {
  // (or a time opening the sentence before the one telling: "In the mid-1990s, Fletcher said he had …")
  const m = TOLD_AT.exec(sentence.slice(Math.max(0, start - 48), start)) ?? (TIME_OPENS.test(sentence.slice(0, start)) ? TELLER_NEXT.exec(sentence.slice(start)) : null);
  if (!m) return false;
  const verb = termOf(m[1]!.split(/\s+/)[0]!);
  return verb === undefined || !asked.has(verb);
}

/**
 * Whether a who-span's terms end in the name asked about, so name that one and not the answer: every name asked
 * ("Singer Anna *Lister*" for "who is anna lister married to"), or one whole name of several asked ("Robert *de Niro*" for
 * "who directed hide and seek, the de niro one"), never a name's last word alone ("Ögedei *Khan*" for Genghis Khan's
 * successor). `named` are the question's name terms, `cased` the question with its capitals restored, `own` its terms.
 */
export function endsInAskedName(spanTerms: readonly string[], named: ReadonlySet<string>, cased: string, own: ReadonlySet<string>): boolean {
  const last = spanTerms[spanTerms.length - 1];
  if (last === undefined || !named.has(last)) return false;
  if ([...named].every((t) => spanTerms.includes(t))) return true;
  // (a possessive ends a name, one word enough: "Tautou's Da Vinci Code" is Tautou and her film)
  const runs = [...cased.replace(/['’]s\b/g, '\u0001').matchAll(/\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:de|da|van|von|der|al|le|la)\s+)?\p{Lu}[\p{L}'’-]*)*(\u0001)?/gu)].map((m) => ({ owner: m[1] !== undefined, ts: terms(m[0]).filter((t) => own.has(t)) }));
  return runs.some(({ owner, ts: r }) => (r.length > 1 || owner) && r[r.length - 1] === last && r.every((t) => spanTerms.includes(t)));
}

/** "what is X called", "what's the name of X", "what is X's name": a name is asked, not a fact about X. */
export const NAME_ASKED = /^\W*(?:what|which)(?:['’]?s)?\b.*(?:\b(?:called|named|titled|name\s+of)\b|(?:\p{L}['’]?s|\s(?:their|its|his|her))\s+(?:(?:real|full|birth|stage|first|middle|maiden|proper)\s+)?name\b)/iu;
/** Words that give a name ("known as", "dubbed", "renamed"). */
const NAMING_WORD = /\b(?:called|named|renamed|dubbed|titled|entitled|nicknamed|branded|known\s+as)\b/i;
/** Titles of address: the word after one is a person's name ("Mr Pound"), whom the article names in full elsewhere. */
const ADDRESS_TITLES = `(?:${ADDRESS_TITLE_WORDS.join('|')})\\.?\\s`;
/** A title of address right before a word. */
const ADDRESS = new RegExp(`${ADDRESS_TITLES}+$`);
const ADDRESS_FIRST = new RegExp(`^${ADDRESS_TITLES}`);

/** Whether a span opens with a title of address, so names someone ("Mr Ebbers"). */
export function addressedName(span: string): boolean {
  return ADDRESS_FIRST.test(span);
}

/** The span without the title of address it opens with ("Mr Brown" → "Brown"): the name it gives. */
export function nameWithoutAddress(span: string): string {
  return span.replace(ADDRESS_FIRST, '');
}

/**
 * Whether a quote names nothing a name-question could be answered by: no naming word, no quoted title, and no name
 * beyond the sentence's first word, the names asked and people re-mentioned by title ("Mr Ebbers, 63, has always
 * insisted … WorldCom's finances" for "what is worldcom called now"). `asked` are the question's terms.
 */
export function namesNothingNew(quote: string, asked: ReadonlySet<string>, isName: (word: string) => boolean): boolean {
  if (NAMING_WORD.test(quote) || /["“‘'][\p{Lu}\d][^"”’']{0,60}["”’']/u.test(quote)) return false;
  for (const m of quote.matchAll(/(?<![\p{L}\d'’-])\p{Lu}[\p{L}\d'’-]*/gu)) {
    const before = quote.slice(0, m.index);
    if (/(?:^|[.!?:]["”’]?\s+)["“‘]?$/u.test(before) || ADDRESS.test(before) || ADDRESS.test(`${m[0]} `) || !isName(m[0])) continue;
    if (terms(m[0]).some((t) => !asked.has(t))) return false;
  }
  return true;
}

/** Where a name-question's thing starts: "the name of (the) …", "what's (the) … called". */
const NAMED_THING_START = /\bname\s+of\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+|its\s+)?|^\W*(?:what|which)(?:['’]?s|\s+is|\s+was|\s+are|\s+were)?\s+(?:the\s+)?(?=(?:[\p{L}\d'’-]+\s+){0,5}?called\W*$)/iu;

/**
 * The thing a name-question asks the name of, as an index term: the last word of its phrase that is no name asked,
 * before a function word, a verb's -ing or -ed form or "called" ("the name of the *mum* who told blair", "the munich
 * *hotel* where", "what's 50 cent's second *album* called"); null when none.
 */
export function namedThingAsked(question: string, namedTerms: ReadonlySet<string>): string | null {
  const m = NAMED_THING_START.exec(question);
  if (!m) return null;
  let head: string | null = null;
  for (const w of question.slice(m.index + m[0].length).toLowerCase().match(/[\p{L}\d'’-]+/gu) ?? []) {
    const t = terms(w.replace(/['’]s?$/, ''))[0];
    if (w === 'called' || t === undefined || isStopWord(w) || (w.length > 4 && /(?:ing|ed)$/.test(w))) break;
    // (a number is part of a name: "50 cent's album")
    if (namedTerms.has(t) || /^\d/.test(t)) {
      if (head !== null) break;
      continue;
    }
    head = t;
  }
  return head;
}

/** An unnamed mention: an article or a possessive, up to two describing words, then the word (`$1`) and no name after it. */
const UNNAMED_MENTION = /(?:^|\s)(?:a|an|her|his|their|its|one|another|[\p{L}-]+['’]s?)\s+(?:[\p{L}-]+\s+){0,2}?([\p{Ll}][\p{L}-]*)(?![\p{L}-])(?!,?\s+(?:the\s+)?(?:(?:Mr|Mrs|Ms|Dr|Sir)\s+)?["“]?[\p{Lu}\d])/gu;

/**
 * Whether a quote tells of the thing a name-question asks for (`thing`, an index term) only without its name ("an
 * Indonesian official", "a German hotel", "Bellamy's agent, the player …"): set after an article or a possessive with
 * no name after it, in a quote with no naming word and no quoted title.
 */
export function tellsThingUnnamed(quote: string, thing: string): boolean {
  if (NAMING_WORD.test(quote) || /["“‘'][\p{Lu}\d][^"”’']{0,60}["”’']/u.test(quote)) return false;
  for (const m of quote.matchAll(UNNAMED_MENTION)) if (terms(m[1]!)[0] === thing) return true;
  return false;
}

/** Whether the words right before and right after a span (start–end in `sentence`) are both asked terms. */
export function flankedByAsked(sentence: string, start: number, end: number, asked: ReadonlySet<string>): boolean {
  const before = /([\p{L}\d'’-]+)\W*$/u.exec(sentence.slice(Math.max(0, start - 40), start))?.[1];
  const after = /^\W*([\p{L}\d'’-]+)/u.exec(sentence.slice(end, end + 40))?.[1];
  const isAsked = (w: string | undefined) => w !== undefined && terms(w).length > 0 && terms(w).every((t) => asked.has(t));
  return isAsked(before) && isAsked(after);
}

/** A penalty or a sum told as what someone risks, not what they got: "could face …", "faces …", "… if convicted". */
const RISKED_BEFORE = /\b(?:could|would|may|might|will|to)\s+(?:\p{Ll}+\s+)?(?:face|get|receive)\b[^.;]{0,40}$|\b(?:faces|facing|risks?|risking)\b[^.;]{0,40}$/iu;
const RISKED_AFTER = /^[^.;]{0,60}\bif\s+(?:he|she|they|it|\p{Lu}\p{Ll}+)?\s*(?:is|are|was|were)?\s*(?:convicted|found\s+guilty)\b/iu;
/** Questions that ask what is risked ("how long could X get", "what does X face"). */
const ASKS_RISK = /\b(?:could|might|may|would|faces?|facing|risks?|maximum|max|up to)\b/i;

/**
 * Whether a span (start–end in `sentence`) is a penalty or sum told as risked, not one given: "Mr Ebbers could face a jail
 * sentence of *up to 85 years* if convicted" for "how long was ebbers jailed for". A question asking the risk is answered by it.
 */
export function toldAsRisk(sentence: string, start: number, end: number, question: string): boolean {
  if (ASKS_RISK.test(question)) return false;
  return RISKED_BEFORE.test(sentence.slice(Math.max(0, start - 60), start)) || RISKED_AFTER.test(sentence.slice(end));
}

/** Words that never stand inside a role's title: verbs of saying and being, joining words, articles, prepositions. */
const NOT_OF_ROLE = /^(?:said|says|told|tells|added|is|was|were|are|be|been|has|had|have|and|or|but|that|who|which|whom|the|a|an|of|to|in|on|at|for|with|by|as|from|than|then|when|while)$/;

/**
 * Whether a one-word span is set right before a role noun and a name, so describes the named one ("*Pop* star Ann Lister",
 * "*Conservative* shadow culture secretary John Whittingdale").
 */
export function beforeRoleAndName(sentence: string, start: number, span: string, role: RegExp): boolean {
  if (/\s/.test(span)) return false;
  const m = /^\s+((?:[a-z-]+\s+){0,2})([a-z]+)\s+\p{Lu}/u.exec(sentence.slice(start + span.length));
  // (words between describe the role, "shadow culture", never a verb or a joining word: "Lister *said* star Tom Vale")
  return m !== null && role.test(m[2]!) && !m[1]!.split(/\s+/).some((w) => NOT_OF_ROLE.test(w));
}

/**
 * Whether every place a span stands in a sentence is inside a longer word ("4" of "4x100m", "one" of "someone", "140,000" of
 * "140,000-acre"); `asked`, the question's terms: a number hyphened to the unit asked is whole ("10" of "10-county" for "how
 * many counties").
 */
export function cutsEveryWord(sentence: string, span: string, asked: ReadonlySet<string> = new Set()): boolean {
  if (!span) return false;
  for (const at of startsOf(sentence, span)) {
    // (a number hyphened to a word is a measure with its unit: "140,000-acre", not "140,000")
    const unit = /\d$/.test(span) ? /^-(\p{L}+)/u.exec(sentence.slice(at + span.length))?.[1] : undefined;
    const hyphened = unit !== undefined && !asked.has(terms(unit)[0] ?? '');
    // (and digits after a thousands comma or a decimal point are the tail of a number: "000" of "6,000")
    const numberTail = /^\d/.test(span) && /\d[,.]$/.test(sentence.slice(0, at));
    if (!hyphened && !numberTail && !/^[\p{L}\d]/u.test(sentence.slice(at + span.length)) && !/[\p{L}\d]$/u.test(sentence.slice(0, at))) return false;
  }
  return true;
}

/** "what did X say / think / tell …": X, the one whose words are asked. */
const SAYING_ASKED = /^\W*what\s+(?:did|does|do|has|have|had|is|was)\s+(.+?)\s+(?:say|said|saying|think|thinks|thought|tell|told|telling|claim|claimed|argue|argued|warn|warned)\b/i;
/** A reporting verb: who stands before it or right after it is the one speaking. */
const REPORTING = /\b(?:said|says|insisted|insists|told|claimed|claims|added|warned|argued|admitted|stressed|explained|believes)\b/gi;

/** The terms of the one whose words a question asks ("what did ann lister say about …" → lister's), or null. */
export function speakerAsked(question: string): string[] | null {
  const who = SAYING_ASKED.exec(question)?.[1];
  const list = who ? terms(who) : [];
  return list.length ? list : null;
}

/**
 * Whether every reporting verb of a quote has another speaker than the one asked: none of the asked one's terms in the
 * eight words before it nor the three after it ("Chelsea boss Jose Mourinho has *insisted* that … Arsene Wenger would
 * swap places" for "what did wenger say about mourinho"). A quote without a reporting verb tells no other speaker.
 */
export function otherSpeaker(quote: string, speaker: readonly string[]): boolean {
  let seen = false;
  for (const m of quote.matchAll(REPORTING)) {
    const before = (quote.slice(0, m.index).match(/[\p{L}\p{N}'’-]+/gu) ?? []).slice(-8).join(' ');
    const after = (quote.slice(m.index + m[0].length).match(/[\p{L}\p{N}'’-]+/gu) ?? []).slice(0, 3).join(' ');
    if (terms(`${before} ${after}`).some((t) => speaker.includes(t))) return false;
    seen = true;
  }
  return seen;
}

/** Whether a quote tells no saying at all: no reporting verb and no quotation marks ("Damien Duff could also miss the game"). */
export function tellsNoSaying(quote: string): boolean {
  return !/["“”]/.test(quote) && !/\b(?:said|says|insisted|insists|told|tells|claimed|claims|added|adds|warned|warns|argued|argues|admitted|admits|stressed|explained|believes|believed|thinks|thought|described|called|urged|suggested|according to)\b/i.test(quote);
}

/** Words that tell a win ("who won X" asks one). */
const WIN_WORDS = /\b(?:won|wins?|winning|winners?|victory|victories|victorious|champions?|title|titles|beat|beats|beating|defeated|defeating|elected|re-elected|triumph\w*|crowned|clinched|lifted|named|awarded|scooped|picked up|went to|gold)\b/i;

/** Whether "who won X" ("which team won X") is asked over a quote holding no word of winning. */
export function untoldWin(question: string, quote: string): boolean {
  return /^\W*(?:who|which\s+\w+)\s+won\b/i.test(question) && !WIN_WORDS.test(quote);
}

/** Words that tell who beat whom, read beside the name ("the defeat *to Wales*", "*Wales beat* France"). */
const BEAT_WORDS = /\b(?:beat|beats|beaten|beating|defeat|defeats|defeated|win|wins|won|victory|victories|lost|lose|loses|losing|loss|thrashed|thrashing|edged|overcame|knocked)\b/i;

/** Whether "who beat X" is answered by a name with no word of beating beside it ("… pressure had eased on Laporte, despite the defeat"). */
export function beatApart(question: string, quote: string, start: number, end: number): boolean {
  if (!/^\W*who\s+(?:beat|beats|defeated|defeats|knocked\s+out|thrashed)\b/i.test(question)) return false;
  // (two words either side, not across a comma: "Laporte, despite the defeat" is beside no win of his)
  const before = (quote.slice(Math.max(0, start - 40), start).split(/[,;:]/).pop() ?? '').split(/\s+/).filter(Boolean).slice(-2).join(' ');
  const after = (quote.slice(end, end + 40).split(/[,;:]/)[0] ?? '').split(/\s+/).filter(Boolean).slice(0, 2).join(' ');
  return !BEAT_WORDS.test(before) && !BEAT_WORDS.test(after);
}

/**
 * Whether a word the question asks in lower case as an English word ("is *the pound* up or down") stands in the quote only
 * as a person's name after a title ("Mr Pound"): the quote is about someone, not the thing asked. `askedWords` are the
 * question's lower-case English words.
 */
export function askedOnlyAsName(quote: string, askedWords: readonly string[]): boolean {
  return askedWords.some((w) => {
    const hits = [...quote.matchAll(new RegExp(`\\b${w.replace(/[^\p{L}\p{N}]/gu, '')}\\b`, 'giu'))];
    // (a surname alone after the title: "Sir Cliff Richard" is a full name a question may type in lower case)
    return hits.length > 0 && hits.every((m) => /^\p{Lu}/u.test(m[0]) && ADDRESS.test(quote.slice(Math.max(0, m.index - 8), m.index)) && !/^\s+\p{Lu}/u.test(quote.slice(m.index + m[0].length)));
  });
}

/** A name of a team sheet: capitalised words, with their particles ("Van Persie", "de Villiers", "N'Gotty"). */
const ROSTER_NAME = /^(?:(?:\p{Lu}[\p{L}'’.-]*|de|van|von|di|da|du|del|der|den|le|la|dos|and)\s*){1,5}$/u;
/** Questions a team sheet answers: who played, the line-up. */
const ROSTER_ASKED = /\b(?:team|teams|line-?ups?|side|squad|played|playing|plays|start|started|starting|picked|selected|subs|substitutes|bench)\b/i;

/**
 * Whether a quote is a team sheet ("Almunia, Lauren, Toure, Campbell, Cole, Pires, …"), which tells only who played:
 * it names every player a question may ask about, and answers nothing else.
 */
export function rosterForOther(question: string, quote: string): boolean {
  if (ROSTER_ASKED.test(question)) return false;
  const bare = quote.replace(/\([^)]*\)/g, ' ');
  const names = (/^[^:]{0,40}:/.test(bare) ? bare.slice(bare.indexOf(':') + 1) : bare).split(/[,;]/).map((p) => p.trim().replace(/\.$/, ''));
  return names.length >= 6 && names.every((p) => p !== '' && ROSTER_NAME.test(p));
}

/** Words for a work, whose name is a title ("the console *game* Rising Sun", "which *book* won"). */
export const WORK_NOUNS = 'book|novel|film|movie|song|single|album|show|programme|program|series|play|musical|game|opera|magazine|website|track|sitcom|soap|drama|documentary|title';
const WORK_BEFORE = new RegExp(`\\b(?:${WORK_NOUNS})\\s+$`, 'i');

/** Whether the span at `start` is named as a work right before it ("the console *game* Rising Sun", "the *film* Closer"): a title. */
export function namedAsWork(sentence: string, start: number): boolean {
  return WORK_BEFORE.test(sentence.slice(Math.max(0, start - 20), start));
}
