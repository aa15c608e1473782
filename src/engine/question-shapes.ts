// Shapes a question asks its answer in, read beside the engine's evidence: "what is X" is answered by a sentence that
// defines X, and "which … the most" only by a quote that ranks.
import { isEnglishWord } from './english-words.ts';
import { STOP_WORDS } from './text.ts';

/** "what is X" / "who is X" (also "what's X", as chat types it): the thing asked to be defined, as typed. */
const DEFINITION_ASKED = /^(?:what|who)(?:\s+(?:is|are|was|were)|['’]s)\s+(?:an?\s+|the\s+)?([\p{L}\p{N}][\p{L}\p{N}'’ .&-]{1,40}?)[?.!\s]*$/iu;

/** The name a "what / who is X" question asks about as a pattern: its words, any space or hyphen between them. */
function namePattern(asked: string): string {
  return asked.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '[\\s-]+');
}

/** "X is …" that defines X, not "X is expected to", "X is launching", "X is not", "X is out on 9 November". */
const TOLD_AS = `(?:is|are|was|were)\\s+(?!(?:not|also|now|still|set|due|likely|unlikely|expected|planning|going|about|being|to|in|on|at|for|from|by|with|under|out)\\b)(?![a-z]+(?:ed|ing)\\b)`;

/** A test for a sentence that defines what a "what is X" question asks about, or null for other questions. */
export function definitionTest(question: string): ((sentence: string) => boolean) | null {
  const asked = DEFINITION_ASKED.exec(question.trim())?.[1];
  if (!asked) return null;
  const name = namePattern(asked);
  // "X is a …" / "X is desktop search software" opening the sentence, or "X, a / an / the …," in apposition
  const shape = new RegExp(`^(?:the\\s+)?${name}\\s+${TOLD_AS}\\p{L}|\\b${name},\\s+(?:a|an|the)\\s[^,.;:]{2,60},`, 'iu');
  return (sentence) => shape.test(sentence);
}

/** "which X has the most Y", "the biggest", "the best": the question asks which one ranks first. */
const RANK_ASKED = /\b(?:which|what|who)\b.*\bthe (?:most|least|best|worst|\w{2,}est)\b/i;
/** A quote that ranks: a superlative, "most", "top", "record", "leading", "No 1". */
const RANK_TOLD = /\b(?:most|least|best|worst|top|record|leading|largest|number one|no\.? ?1|\w{2,}est)\b/i;
/** Words ending in "-est" that rank nothing. */
const NOT_SUPERLATIVE = /\b(?:interest|test|west|rest|protest|contest|request|suggest|invest|arrest|harvest|forest|honest|modest|guest|quest|chest|nest|manifest|digest|pest|attest|detest|infest|unrest|behest|conquest|midwest|southwest|northwest|everest|bucharest|budapest|inquest|latest|earnest)\b/gi;

/** Whether the question asks which one ranks first and the quote ranks nothing ("… rock band Muse won Brit awards"). */
export function ranksNothing(question: string, quote: string): boolean {
  return RANK_ASKED.test(question) && !RANK_TOLD.test(quote.replace(NOT_SUPERLATIVE, ''));
}

/** "what does HTS stand for", "what is SDF short for", "the full name of HTS": the abbreviation asked, or null. */
const EXPANSION_ASKED = /\bwhat\s+(?:does|do|did)\s+(?:the\s+)?([\p{L}\p{N}&.]{2,10})\s+stand\s+for\b|\bwhat(?:\s+is|['’]s|s)?\s+(?:the\s+)?([\p{L}\p{N}&.]{2,10})\s+(?:short|an?\s+(?:abbreviation|acronym))\s+(?:for|of)\b|\b(?:full|whole)\s+name\s+(?:of|for)\s+(?:the\s+)?([\p{L}\p{N}&.]{2,10})\s*[?.!]*$/iu;

/** The abbreviation whose name the question asks ("what does HTS stand for" → HTS), or null. */
export function abbreviationAsked(question: string): string | null {
  const m = EXPANSION_ASKED.exec(question.trim());
  const asked = (m?.[1] ?? m?.[2] ?? m?.[3])?.replace(/\./g, '');
  // typed in capitals, or short and no English word ("what does the party stand for" asks its policies)
  return asked && (/^[\p{Lu}\p{N}&]{2,8}$/u.test(asked) || (asked.length <= 6 && !isEnglishWord(asked.toLowerCase()))) ? asked : null;
}

/** A test giving the name an abbreviation stands for in a sentence ("Hayat Tahrir al-Sham (HTS)"), or null for other questions. */
export function expansionTest(question: string): ((sentence: string) => string | null) | null {
  const asked = abbreviationAsked(question);
  if (!asked) return null;
  const letters = asked.toUpperCase();
  const quoted = namePattern(asked);
  // "Hayat Tahrir al-Sham (HTS)" or "HTS (Hayat Tahrir al-Sham)"
  const before = new RegExp(`((?:[\\p{L}'’-]+\\s+){1,8})\\(\\s*${quoted}\\s*\\)`, 'iu');
  const after = new RegExp(`\\b${quoted}\\s*\\(([^()]{3,80})\\)`, 'iu');
  return (sentence) => {
    const b = before.exec(sentence);
    if (b) {
      const ws = b[1]!.trim().split(/\s+/);
      // the shortest run of words ending at the bracket whose initials spell the abbreviation ("of", "al-" may sit between)
      for (let k = 1; k <= ws.length; k++) {
        const run = ws.slice(ws.length - k);
        if (spells(run, letters)) return run.join(' ');
      }
    }
    const a = after.exec(sentence);
    return a && spells(a[1]!.trim().split(/\s+/), letters) ? a[1]!.trim() : null;
  };
}

/**
 * Whether a name's words spell the abbreviation: the capitals they start with, also after a hyphen ("Hayat Tahrir
 * al-Sham" → HTS), or every word's first letter ("Bank of England" → BoE, "alternating current" → AC).
 */
function spells(words: readonly string[], letters: string): boolean {
  const parts = words.flatMap((w) => w.split(/[-‐]/)).filter((p) => p.length > 0);
  // (a word in capitals gives all its letters: "UK Independence Party" → UKIP)
  const capitals = parts.filter((p) => /^[\p{Lu}\p{N}]/u.test(p)).map((p) => (/^[\p{Lu}\p{N}]{2,4}$/u.test(p) ? p : p[0]!)).join('');
  const all = words.map((w) => w[0]!).join('');
  // (a name in lower case spells it by every word: "alternating current (AC)")
  return (/^[\p{Lu}\p{N}]/u.test(words[0]!) && capitals.toUpperCase() === letters) || all.toUpperCase() === letters;
}

/** Words a title before someone's name ends in ("Chelsea *boss*", "Microsoft *founder*", "UN Secretary *General*"). */
const TITLE_END = /^(?:boss|chief|head|leader|founder|owner|chairman|chairwoman|president|minister|secretary|general|chancellor|coach|manager|captain|skipper|striker|midfielder|defender|winger|goalkeeper|keeper|forward|executive|director|editor|presenter|singer|actor|actress|star|comedian|rapper|guitarist|drummer|writer|author|tycoon|billionaire|spokesman|spokeswoman|governor|mayor|judge|ambassador|envoy|commissioner)$/i;

/** Roles an apposition after a name may hold besides a title's last word ("chief technology *officer* at NetSurity"). */
const APPOSITIVE_ROLE = /^(?:officer|analyst|lawyer|researcher|consultant|professor|economist|adviser|advisor|correspondent|member|mp|mep|peer|campaigner|official|expert|historian|scientist|critic|journalist|reporter|producer|designer|developer|engineer|partner)$/i;

/** Whether a word names a role: a title's last word or a role an apposition gives ("Kestrel *boss*", "*analyst* at …"). */
const isRoleWord = (w: string) => TITLE_END.test(w) || APPOSITIVE_ROLE.test(w);

/** Lower-case words a title holds before its last word ("*managing* director", "*deputy* chief", "*shadow* chancellor"). */
const TITLE_WORD = /^(?:managing|deputy|vice|acting|interim|joint|senior|assistant|shadow|finance|foreign|home|health|education|defence|trade|culture|sports|technical|creative|artistic|musical|executive|general|chief|operating|financial|marketing|commercial|technology|first|former|press|media|communications|political|legal)$/;

/**
 * For a "who is X" question, a reader of the title a sentence sets right before the whole name asked ("Tory leader
 * Michael Howard", "UN Secretary General Kofi Annan" → "UN Secretary General"): the title word and the capitalised or
 * title words before it, up to four; null for other questions.
 */
export function titleTest(question: string): ((sentence: string) => string | null) | null {
  const asked = DEFINITION_ASKED.exec(question.trim());
  if (!asked || !/^\W*who\b/i.test(question)) return null;
  const before = new RegExp(`((?:[\\p{L}'’.-]+\\s+){0,5}[\\p{L}]+)\\s+${namePattern(asked[1]!)}\\b`, 'giu');
  // (or in apposition after it: "said Phil Cracknell, chief technology officer at NetSurity.")
  // (of a name written with its capitals, not "lord chancellor, and not necessarily a lawyer"; and no list of people:
  // "Condoleezza Rice, UN Secretary General Kofi Annan" is another's title)
  const after = new RegExp(`\\b(${namePattern(asked[1]!)}),\\s+(?:the\\s+|a\\s+|an\\s+)?([^,.;:"“”()]{3,80}?)(?=\\s*[,.;:"“”()]|$)`, 'iu');
  return (sentence) => {
    const m = after.exec(sentence);
    const appositive = m && m[1]!.split(/[\s-]+/).every((w) => /^\p{Lu}/u.test(w)) ? m[2]! : undefined;
    const ws = appositive?.split(/\s+/) ?? [];
    const role = ws.slice(0, 6).findIndex(isRoleWord);
    if (appositive !== undefined && role >= 0 && !/^\p{Lu}/u.test(ws[role + 1] ?? '')) return appositive;
    for (const m of sentence.matchAll(before)) {
      const ws = m[1]!.split(/\s+/);
      if (!isRoleWord(ws[ws.length - 1]!)) continue;
      // walk left over capitalised words and title words ("UN Secretary General"), never over "has offered"
      let a = ws.length - 1;
      // (and over the lower-case words of a title: "Menatep Group's *managing* director", "*deputy* chief executive")
      while (a > 0 && (/^\p{Lu}/u.test(ws[a - 1]!) || TITLE_END.test(ws[a - 1]!) || TITLE_WORD.test(ws[a - 1]!)) && !/^(?:The|A|An|And|But|In|On|At|Of|By|For|With|From|Sir|Mr|Mrs|Ms|Dr)$/.test(ws[a - 1]!)) a--;
      return ws.slice(a).join(' ');
    }
    return null;
  };
}

/** Kinds of thing a descriptor before a name ends in ("net telephony *firm* Skype", "telecom *regulator* Ofcom"). */
export const THING_KIND = /^(?:firm|company|group|giant|maker|operator|retailer|chain|bank|lender|insurer|airline|carrier|broadcaster|channel|station|regulator|watchdog|body|agency|authority|organisation|organization|union|party|club|team|band|label|site|website|service|network|provider|programme|program|software|console|game|film|movie|album|single|show|series|newspaper|paper|magazine|festival|event|charity|campaign|tournament|competition|store|studio|exchange|index|fund|treaty|scheme|system|device|gadget|phone|handset|player|browser|engine)$/i;

/**
 * For "what is X" about a name ("what is skype", "what is the lse"), a reader of the definition a sentence gives X: "X
 * is (a) …" opening it, "X, a / an / the …," in apposition, or a descriptor ending in a kind of thing right before X
 * ("net telephony firm Skype"); null for other questions. `cased` is the question with its names' capitals restored.
 */
export function definitionOf(cased: string): ((sentence: string) => string | null) | null {
  const asked = DEFINITION_ASKED.exec(cased.trim());
  // (a name only, every word capitalised or a number: "Halo 2", "iTunes", not "Ctenophora commonly known as")
  if (!asked || !/^\W*what\b/i.test(cased) || !asked[1]!.trim().split(/\s+/).every((w) => /^(?:[\p{Lu}\p{N}]|\p{Ll}+\p{Lu})/u.test(w) || /^(?:of|and|the|&)$/.test(w))) return null;
  const name = namePattern(asked[1]!);
  const opening = new RegExp(`^(?:the\\s+)?${name}\\s+${TOLD_AS}(?:(?:a|an|the)\\s+)?([^,;:.()]{3,80}?)(?=\\s*[,;:.(]|\\s+(?:which|that|who|with|and|but|since|after|for|in|on|at)\\b|$)`, 'iu');
  const apposition = new RegExp(`\\b${name},\\s+(?:a|an|the)\\s+([^,.;:]{2,60}),`, 'iu');
  const before = new RegExp(`((?:[\\p{L}'’-]+\\s+){0,2}[\\p{L}]+)\\s+${name}\\b`, 'giu');
  // an abbreviation is told by the name it stands for ("the Financial Services Authority (FSA)" for "what is the FSA")
  const subject = asked[1]!.trim();
  const expands = /^[\p{Lu}\p{N}&]{2,8}$/u.test(subject) ? expansionTest(`what does ${subject} stand for`) : null;
  return (sentence) => {
    const m = opening.exec(sentence) ?? apposition.exec(sentence);
    if (m) return m[1]!.trim();
    const expansion = expands?.(sentence);
    if (expansion) return expansion;
    for (const b of sentence.matchAll(before)) {
      const ws = b[1]!.split(/\s+/);
      if (!THING_KIND.test(ws[ws.length - 1]!)) continue;
      // the descriptor's own words, not the verb or article before them ("… and *net telephony firm*")
      let a = ws.length - 1;
      while (a > 0 && !STOP_WORDS.has(ws[a - 1]!.toLowerCase())) a--;
      return ws.slice(a).join(' ');
    }
    return null;
  };
}

/** "where is X from", "where does X come from", "which country is X from": asks where someone or something comes from. */
const ORIGIN_ASKED = /^\W*(?:where|which\s+(?:country|city|town|county|state|part))\b.*\bfrom(?:\s+originally)?\W*$/i;
/** "Where did X <verb> Y from": a deed done from somewhere, unless the verb is coming from ("where does he come from"). */
const DEED_FROM_ASKED = /^\W*where\s+(?:did|does|do)\b(?!.*\b(?:come|comes|came|coming|hail|hails|hailed|originate|originates|originated|originally)\b)/i;
/** A place written with capitals, and a second one after a comma ("Omaha, Nebraska"). */
const PLACE_RUN = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*(?:,\s+\p{Lu}[\p{L}'’.-]*(?=[\s,.;:)]|$))?`;
/** After the name: "(Switzerland)", ", from Omaha", ", a quartet from Ohio", " was born in Switzerland", " grew up in Leicester". */
const ORIGIN_AFTER = new RegExp(String.raw`^(?:\s*\((${PLACE_RUN})\)|(?:\s*,\s*(?:(?:an?|the)\s+[^,.;:()"“”]{0,40}?\s)?|\s+(?:who\s+)?(?:is\s+|was\s+|were\s+|comes?\s+|came\s+|hails?\s+)?(?:originally\s+)?)(?:from|born\s+in|raised\s+in|grew\s+up\s+in|native\s+of)\s+(?:the\s+)?(${PLACE_RUN})|\s*,\s*(?:an?|the)\s+(?:[\p{Ll}-]+\s+){0,2}?(\p{Lu}[\p{L}'’.-]*)-(?:based|born))`, 'u');
/** Before the name: "California-based firm Titan", "Swiss-born conductor X". */
const ORIGIN_HYPHEN_BEFORE = /\b(\p{Lu}[\p{L}'’.]*)-(?:based|born)\s+(?:[\p{Ll}-]+\s+){0,3}$/u;
/** Before the name: a capitalised word and up to three lower-case ones ("Greek sprinter", "Irish rock band"). */
const WORD_BEFORE = /\b(\p{Lu}\p{Ll}+)\s+(?:[\p{Ll}-]+\s+){0,3}$/u;

/**
 * For a question asking where X comes from: the place a sentence gives X, set right beside X's name (`named` holds the
 * name's index terms, `termOf` gives a word's), or null; a word before the name counts only as a people's adjective
 * ("Greek sprinter Katerina Thanou"), which `isDemonym` tells.
 */
export function originTest(question: string, named: ReadonlySet<string>, termOf: (word: string) => string | undefined, isDemonym: (word: string) => boolean): ((sentence: string) => string | null) | null {
  // ("where did celtic sign juninho from" asks a deed's other side, the club he left, not where he is from)
  if (!ORIGIN_ASKED.test(question) || DEED_FROM_ASKED.test(question) || named.size === 0) return null;
  return (sentence) => {
    const ws = [...sentence.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)];
    for (let i = 0; i < ws.length; i++) {
      if (!named.has(termOf(ws[i]![0].replace(/['’]s$/, '')) ?? '')) continue;
      // the name's run of asked words: "Katerina Thanou", "Kelli White"
      let j = i;
      while (j + 1 < ws.length && named.has(termOf(ws[j + 1]![0].replace(/['’]s$/, '')) ?? '') && /^\s*$/.test(sentence.slice(ws[j]!.index! + ws[j]![0].length, ws[j + 1]!.index))) j++;
      // (the rest of a full name before it is the name's too: "Greek sprinter *Katerina* Thanou", never a people's word)
      let first = i;
      while (first > i - 3 && first > 0 && /^\p{Lu}\p{Ll}/u.test(ws[first - 1]![0]) && !isDemonym(ws[first - 1]![0]) && /^\s+$/.test(sentence.slice(ws[first - 1]!.index! + ws[first - 1]![0].length, ws[first]!.index))) first--;
      const start = ws[first]!.index!;
      const end = ws[j]!.index! + ws[j]![0].replace(/['’]s$/, '').length;
      const after = ORIGIN_AFTER.exec(sentence.slice(end, end + 90));
      const found = after?.[1] ?? after?.[2] ?? after?.[3];
      // (a people's word before a noun describes it, no place: "prising Juninho from *the Scottish* champions")
      const describing = found !== undefined && after !== null && isDemonym(found) && /^\s+\p{Ll}/u.test(sentence.slice(end + after[0].length));
      if (found && !describing) return found;
      const before = sentence.slice(Math.max(0, start - 60), start);
      const hyphen = ORIGIN_HYPHEN_BEFORE.exec(before)?.[1];
      if (hyphen) return hyphen;
      const word = WORD_BEFORE.exec(before)?.[1];
      if (word && isDemonym(word)) return word;
      i = j;
    }
    return null;
  };
}
