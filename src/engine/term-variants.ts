// How chat writes what it asks: filler, spellings, openers, shorthand and phrases to read past, and the agent and role
// forms of a question word that retrieval may also search (off by default; bench/README.md, third session, `retrieval3`).
import type { Bm25Index } from './bm25-index.ts';
import { foldPhrases, phraseRestEnd, stem } from './text.ts';
import type { WordVectors } from './word-vectors.ts';

/**
 * Chat spellings of contractions and question words without their apostrophe ("whats", "cant"):
 * they ask nothing, and as unknown or rare terms they would weigh more than any real word.
 */
const CHAT_FILLER = new Set(
  (
    'whats whos wheres whens whys hows thats theres heres whatre whatve whod ' +
    'cant dont doesnt didnt isnt arent wasnt werent wont wouldnt couldnt shouldnt hasnt havent hadnt mustnt ' +
    'youre youve theyre theyve weve shes hes itll ' +
    // politeness and greetings ask nothing either ("pls", "hey"); not words that are also names or terms ("U.S.", "ID", "Ive", "Ur", "IM")
    'please pls plz plez thanks thx ty hey hi hello hiya yo ok okay lol btw ' +
    // question and little words as typed in a hurry
    'wat wot wut wht hw abt cuz coz tho thru wud ' +
    // hedges and time fillers that ask nothing the sentence must hold ("what is it called nowadays")
    'nowadays currently presently anymore actually exactly basically rn supposedly roughly ' +
    // chat's spellings of little words ("gonna" for going to, "till" for until) and "meant to" (what is planned: "when is
    // the sale meant to happen")
    'gonna till meant'
  ).split(' '),
);

/**
 * A chat opener before the question itself: a greeting, the bot addressed, "can you tell me", "do you know",
 * "i want to know"; none of its words is what is asked.
 */
const CHAT_OPENER =
  /^\s*(?:(?:hey|hi|hello|hiya|ok|okay|so|um|yo)(?=[\s,!.])[\s,!.]*)*(?:bot(?=[\s,:!.])[\s,:!.]*)?(?:(?:(?:can|could|would|will) (?:you|u) (?:please |pls |plz )?(?:tell|show) me|(?:please |pls |plz )?tell me|do (?:you|u) know|(?:does |do )?any(?:one|body|1) (?:know|knows)|i (?:want|wanna|would like|'d like|’d like) (?:to )?know|i wonder|i'm wondering|any idea|quick (?:question|q)|random question)\b[\s,:]*)?/i;

/** Chat spellings of question and little words, and contractions typed without their apostrophe, as written out. */
const CHAT_SPELLINGS: Record<string, string> = {
  wat: 'what', wot: 'what', wut: 'what', wht: 'what', hw: 'how', abt: 'about', ppl: 'people',
  whats: "what's", whos: "who's", wheres: "where's", whens: "when's", whys: "why's", hows: "how's",
  thats: "that's", theres: "there's", cant: "can't", dont: "don't", doesnt: "doesn't", didnt: "didn't",
  isnt: "isn't", arent: "aren't", wasnt: "wasn't", werent: "weren't", wont: "won't", wouldnt: "wouldn't",
  couldnt: "couldn't", shouldnt: "shouldn't", hasnt: "hasn't", havent: "haven't", hadnt: "hadn't",
  youre: "you're", theyre: "they're",
  // chat's "how come" asks why
  'how come': 'why',
};
const CHAT_SPELLING = new RegExp(`\\b(?:${Object.keys(CHAT_SPELLINGS).join('|')})\\b(?!['’.])`, 'gi');

/** "wen is the budget": "wen" opening a question before a verb is "when" (elsewhere it may be a name: "Wen Jiabao"). */
const WEN = /^(\W*)wen\b(?=\s+(?:is|are|was|were|will|did|does|do|can|should|would)\b)/i;

/** A question asked inside an opener, its verb last ("when the oscars are this year"): the verb goes back before its subject. */
const EMBEDDED_ORDER = /^(\W*)(when|where|who|what|which)\s+((?:the|this|that|these|those|his|her|their|its)\s+(?:(?!(?:is|are|was|were)\b)[\w'’-]+\s+){0,4}?)(is|are|was|were)\b/i;

/** A noun phrase asked after an opener, no question word or verb first ("the date of …", "sloncek's real name"). */
const ASKED_PHRASE = /^(?!(?:who|what|when|where|why|how|which|that|there|it|he|she|here)['’]s\b)(?:the\s|[\p{L}-]+['’]s\s)(?!.*\b(?:who|what|when|where|why|how|which)\b)/iu;

/** Politeness after the question ("… pls", "…, thanks!"), its final punctuation kept. */
const CHAT_CLOSER = /[\s,]+(?:please|pls|plz|thanks|thx|ty|lol)\b[\s.!]*(?=[?]?\s*$)/i;

/**
 * The question without a chat opener or closer, its chat spellings written out ("hey, can you tell me wats
 * the score pls" → "what's the score"); the opener and closer stay when nothing else would be left.
 */
export function bareQuestion(question: string): string {
  const opened = question.replace(CHAT_OPENER, '');
  // after an opener, a noun phrase asks what it is ("anyone know the name of bellamy's agent"), and a question takes back a
  // question's word order ("anyone know when the oscars are")
  const asked = opened === question ? opened : (ASKED_PHRASE.test(opened) ? `what is ${opened}` : opened).replace(EMBEDDED_ORDER, (_, lead: string, wh: string, subject: string, verb: string) => `${lead}${wh} ${verb} ${subject.trim()}`);
  const rest = asked.replace(CHAT_CLOSER, '');
  return (rest.trim() ? rest : question).replace(CHAT_SPELLING, (w) => CHAT_SPELLINGS[w.toLowerCase()] ?? w).replace(WEN, '$1when');
}

/** Whether a lower-case question word is a contraction or question word typed without its apostrophe. */
export function isChatFiller(word: string): boolean {
  return CHAT_FILLER.has(word);
}

/**
 * Chat shorthand for a word, as the index's terms of the full form: used when the corpus lacks the
 * shorthand or writes the full form far more often ("pm" beside "prime minister"). General English, no
 * item of any evaluation set.
 */
const SHORTHAND: Record<string, string> = {
  exec: 'executive',
  execs: 'executives',
  govt: 'government',
  gov: 'government',
  ppl: 'people',
  uni: 'university',
  intl: 'international',
  mgr: 'manager',
  dept: 'department',
  yr: 'year',
  yrs: 'years',
  mins: 'minutes',
  mln: 'million',
  bn: 'billion',
  utd: 'united',
  ceo: 'chief executive',
  cfo: 'finance chief',
  // titles as chat types them
  pm: 'prime minister',
  pres: 'president',
  prez: 'president',
  mgmt: 'management',
  biz: 'business',
  hq: 'headquarters',
  // words chat clips
  stats: 'statistics',
  info: 'information',
  admin: 'administration',
  prof: 'professor',
  nuke: 'nuclear',
  nukes: 'nuclear weapons',
  mag: 'magazine',
  pic: 'picture',
  pics: 'pictures',
  vid: 'video',
  vids: 'videos',
  ref: 'referee',
  reffed: 'refereed',
  champs: 'champions',
  champ: 'champion',
  noms: 'nominations',
  nom: 'nomination',
  pb: 'personal best',
  pbs: 'personal bests',
  avg: 'average',
  approx: 'approximately',
  quals: 'qualifications',
  telly: 'television',
  footy: 'football',
  aussie: 'australian',
  aussies: 'australians',
  celeb: 'celebrity',
  celebs: 'celebrities',
  fest: 'festival',
  fave: 'favourite',
  tix: 'tickets',
  beeb: 'bbc',
  refs: 'referees',
  panto: 'pantomime',
  eps: 'episodes',
  // months chat clips
  jan: 'january',
  feb: 'february',
  aug: 'august',
  sept: 'september',
  oct: 'october',
  nov: 'november',
  // words chat writes joined that news hyphens ("wi-fi", "e-commerce")
  wifi: 'wi fi',
  hifi: 'hi fi',
  ecommerce: 'e commerce',
  walmart: 'wal mart',
  // chat's words for people and their titles, a price and a wish ("blokes", "yanks", "reps", "pricey", "wanna")
  bloke: 'man',
  blokes: 'men',
  yank: 'american',
  yanks: 'americans',
  pricey: 'expensive',
  reps: 'representatives',
  rep: 'representative',
  wanna: 'want',
};
/** The full form stands in when the corpus writes it this many times as often as the shorthand (passages). */
export const SHORTHAND_RARER = 5;

/**
 * The full form's index terms of a shorthand word, or null; `df` (passages holding an index term), when
 * given, keeps a shorthand the corpus uses about as often as its full form ("utd" beside "united").
 */
export function expandShorthand(word: string, df?: (term: string) => number): string[] | null {
  const full = SHORTHAND[word];
  if (full === undefined) return null;
  const fullTerms = full.split(' ').map(stem);
  if (!df) return fullTerms;
  const own = df(stem(word));
  return own === 0 || own * SHORTHAND_RARER < Math.min(...fullTerms.map(df)) ? fullTerms : null;
}

/**
 * News words a chat word may stand for where the two are not one word everywhere (so not folded in the
 * index): "boss" (folded into "chief") is a football club's manager too. Index stems, both ways where both hold.
 */
const CHAT_ALTERNATIVES: Record<string, readonly string[]> = {
  chief: ['manag'],
  coach: ['manag'],
  manag: ['coach', 'chief'],
  earn: ['profit'],
  profit: ['earn'],
  live: ['base'],
  establish: ['found'],
  // who founded a firm is its founder ("Yukos' founder, Mikhail Khodorkovsky"), and the other way
  found: ['founder'],
  founder: ['found'],
  // news tells control as whose hands a place is in ("in rebel hands")
  control: ['hand'],
  // what chat "ditches", news scraps or abandons
  ditch: ['scrap', 'abandon'],
};
/** Alternatives weigh `share` of their own idf in sentence choice, outside the question's total weight; retrieval searches them only with `inRetrieval`. */
export const ALTERNATIVES = { on: true, share: 0.2, inRetrieval: true };

/** The news words the question's terms (and its chat phrases, `fromPhrases`) may stand for, present in the corpus and not asked already. */
export function chatAlternatives(asked: readonly string[], df: (term: string) => number, fromPhrases: readonly string[] = []): string[] {
  if (!ALTERNATIVES.on) return [];
  const have = new Set(asked);
  const out = new Set<string>();
  for (const a of [...asked.flatMap((t) => CHAT_ALTERNATIVES[t] ?? []), ...fromPhrases]) if (!have.has(a) && df(a) > 0) out.add(a);
  return [...out];
}

/**
 * Chat phrases whose words news reports do not use ("went bust" for collapsed, "shut down" for closed),
 * as general English phrasal verbs and idioms in news reporting; none from an item of any evaluation set.
 * Phrases news prints beside their word are folded on both sides instead (`foldPhrases` in text.ts).
 * `reads`: the news words the question holds instead of the phrase (the question's own terms, what the
 * confidence judges); empty when the phrase asks nothing a sentence must hold. `alternatives`: news
 * words the phrase may stand for, searched and counted in sentence choice like `CHAT_ALTERNATIVES`
 * (never in the confidence). Matched on stems, so every inflection reads ("stepping down", "went bust").
 */
const CHAT_PHRASES: readonly { phrase: string; reads: string; alternatives: string }[] = [
  // news rarely prints the phrase: the question asks for the news word
  { phrase: 'go bust', reads: 'collapsed', alternatives: 'administration bankrupt bust' },
  { phrase: 'birth name', reads: 'born', alternatives: 'birth' },
  { phrase: 'lay off', reads: 'cut', alternatives: 'jobs redundancies' },
  { phrase: 'kick in', reads: 'effect', alternatives: 'start kick' },
  { phrase: 'lock up', reads: 'jailed', alternatives: 'prison' },
  { phrase: 'fork out', reads: 'paid', alternatives: 'spent cost' },
  { phrase: 'cough up', reads: 'paid', alternatives: 'spent cost' },
  { phrase: 'splash out', reads: 'spent', alternatives: 'paid cost' },
  { phrase: 'post out', reads: 'sent', alternatives: 'mailed' },
  { phrase: 'send out', reads: 'sent', alternatives: 'mailed' },
  { phrase: 'come round', reads: 'visited', alternatives: 'visit met' },
  { phrase: 'get rid of', reads: 'abolish', alternatives: 'scrap axe cut remove' },
  { phrase: 'get married', reads: 'married', alternatives: 'wed wedding' },
  { phrase: 'shell out', reads: 'paid', alternatives: 'spent cost pay' },
  { phrase: 'go through the roof', reads: 'soared', alternatives: 'rose jumped surged' },
  { phrase: 'boot out', reads: 'evicted', alternatives: 'voted eliminated leave' },
  // news prints the phrase too, or it has other senses: the verb stays asked, the word helps choose the sentence
  { phrase: 'go up', reads: 'go', alternatives: 'rose' },
  { phrase: 'go down', reads: 'go', alternatives: 'fell' },
  { phrase: 'rake in', reads: 'raked', alternatives: 'earned made' },
  { phrase: 'come out', reads: 'come', alternatives: 'released' },
  { phrase: 'hand over', reads: 'hand', alternatives: 'gave transferred' },
  { phrase: 'sign up', reads: 'sign', alternatives: 'joined' },
  { phrase: 'in charge of', reads: 'charge', alternatives: 'chief head runs' },
  { phrase: 'take place', reads: 'take place', alternatives: 'held' },
  { phrase: 'bring in', reads: 'bring', alternatives: 'introduced' },
  { phrase: 'roll out', reads: 'roll', alternatives: 'launched' },
  { phrase: 'find out', reads: 'find', alternatives: 'discovered' },
  { phrase: 'give up', reads: 'give', alternatives: 'quit' },
  { phrase: 'get back', reads: 'get', alternatives: 'returned' },
  { phrase: 'run for', reads: 'run', alternatives: 'standing candidate' },
  { phrase: 'talk up', reads: 'talk', alternatives: 'praised backed tipped' },
];
/** Words after a phrase that make it one of several offered ("up or down", "up, down"). */
const CHOICE_NEXT = new Set(['or', 'up', 'down']);
/** Switch for measuring: chat phrases read as their news words. */
export const PHRASES = { on: true };

const PHRASE_STEMS = CHAT_PHRASES.map((p) => ({
  stems: p.phrase.split(' ').map(stem),
  reads: p.reads ? p.reads.split(' ') : [],
  alternatives: p.alternatives ? p.alternatives.split(' ').map(stem) : [],
}));

/**
 * The question's words with each phrase read as its news words ("who stepped down" → "who resigned" by the
 * folds, "when did it go bust" → "when did it collapsed"), and the index stems of the news words the
 * phrases may stand for (alternatives).
 */
export function readPhrases(typed: readonly string[]): { words: string[]; alternatives: string[] } {
  // phrases folded in the index too ("stepped down" → "resigned") are read as the articles' terms are
  const list = foldPhrases(typed);
  if (!PHRASES.on) return { words: [...list], alternatives: [] };
  const stems = list.map(stem);
  const out: string[] = [];
  const alternatives = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const hit = PHRASE_STEMS.map((p) => ({ p, end: matchAt(stems, list, i, p.stems) })).find((m) => m.end > 0);
    if (!hit) {
      out.push(list[i]!);
      continue;
    }
    out.push(...hit.p.reads);
    for (const a of hit.p.alternatives) alternatives.add(a);
    i = hit.end - 1;
  }
  return { words: out, alternatives: [...alternatives] };
}

/** End (exclusive) of the phrase matched at `i`, or 0; one pronoun may stand between its first two words. */
function matchAt(stems: readonly string[], list: readonly string[], i: number, phrase: readonly string[]): number {
  if (stems[i] !== phrase[0]) return 0;
  const end = phraseRestEnd(list, i + 1, phrase.slice(1), (k) => stems[k] ?? '');
  // "going up, down or staying the same" offers a choice: no one reading is what was asked
  return end && !CHOICE_NEXT.has(list[end] ?? '') ? end : 0;
}

/**
 * Suffixes that turn an action or thing into its agent, role or relation ("lead" / "leader" /
 * "leadership", "chair" / "chairman", "found" / "founder", "front" / "frontman"), on Porter stems.
 */
const AGENT_SUFFIXES = ['er', 'r', 'or', 'man', 'men'];
/** Role words a question uses for another role word news text prefers (both directions listed). */
const ROLE_WORDS: Record<string, readonly string[]> = {
  boss: ['chief', 'head'],
  chief: ['boss'],
};
/**
 * Variants are read at `share` of the question word's weight, and only when the two words' vectors
 * agree (cosine ≥ `minCosine`): "miller" is not a variant of "mill", nor "career" of "care".
 */
export const VARIANTS = { share: 0.5, minCosine: 0.5, minStem: 3, backwards: false };

/** Candidate spellings of a stem's agent and relation forms (and the stem behind an agent form). */
function candidateForms(term: string): string[] {
  const out = new Set<string>();
  for (const s of AGENT_SUFFIXES) out.add(term + s);
  out.add(`${term}${term.at(-1)}er`);
  if (VARIANTS.backwards) for (const s of AGENT_SUFFIXES) {
    if (!term.endsWith(s) || term.length - s.length < VARIANTS.minStem) continue;
    const base = term.slice(0, -s.length);
    out.add(base);
    // "winner" → "win"
    if (base.length > VARIANTS.minStem && base.at(-1) === base.at(-2)) out.add(base.slice(0, -1));
  }
  out.delete(term);
  return [...out];
}

/**
 * Index terms that mean the question term's agent, role or relation form, present in the index and
 * close in meaning by the word vectors; none for numbers or terms without a vector (names mostly).
 */
export function termVariants(term: string, index: Bm25Index, vectors: WordVectors | null): string[] {
  if (/\d/.test(term) || term.length < VARIANTS.minStem) return [];
  const role = ROLE_WORDS[term]?.filter((t) => index.df(t) > 0) ?? [];
  if (!vectors) return role;
  const row = vectors.rowOf(term);
  if (row < 0) return role;
  const out = [...role];
  for (const form of candidateForms(term)) {
    if (index.df(form) === 0) continue;
    const other = vectors.rowOf(form);
    if (other >= 0 && vectors.cosine(row, other) >= VARIANTS.minCosine) out.push(form);
  }
  return out;
}

/**
 * The query retrieval searches: the question's terms, plus each one's variants at `VARIANTS.share`
 * of its weight (taken at the variant's own idf); a term the question holds itself keeps its weight.
 * Terms in `exact` (names, numbers) are never expanded.
 */
export function expandQuery(
  qTerms: readonly string[],
  weight: ReadonlyMap<string, number>,
  index: Bm25Index,
  vectors: WordVectors | null,
  exact: ReadonlySet<string> = new Set(),
): { terms: string[]; weight: Map<string, number> } {
  const out = new Map(weight);
  const list = [...qTerms];
  for (const t of qTerms) {
    if (exact.has(t)) continue;
    const idf = index.idf(t);
    // the question word's weight per unit of idf (a follow-up's earlier words count less)
    const factor = idf > 0 ? (weight.get(t) ?? 0) / idf : 0;
    for (const v of termVariants(t, index, vectors)) {
      if (weight.has(v)) continue;
      const w = VARIANTS.share * factor * index.idf(v);
      if (w > (out.get(v) ?? 0)) {
        if (!out.has(v)) list.push(v);
        out.set(v, w);
      }
    }
  }
  return { terms: list, weight: out };
}
