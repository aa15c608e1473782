// "Who is the boss of Gazprom?", "who coaches wales": a role at an organisation, answered by a name set right
// beside the role word in a sentence that names the organisation ("Gazprom chief executive Alexei Miller").
import { type QuestionType } from './question-analysis.ts';
import { candidateFilter, collectCandidates } from './span-candidates.ts';
import { isStopWord, stem, stemTokens, words } from './text.ts';

/** Roles a chat question may ask with, as index stems, each with the role nouns a report prints for it. */
const ROLE_GROUPS: readonly { asked: readonly string[]; printed: readonly string[] }[] = [
  // who runs / heads / is in charge of a firm or a body ("boss" is folded into "chief")
  { asked: ['chief', 'execut', 'exec', 'ceo', 'head', 'run', 'charg', 'presid', 'director'], printed: ['chief', 'execut', 'ceo', 'head', 'chairman', 'presid', 'director', 'manag'] },
  { asked: ['chairman'], printed: ['chairman'] },
  // (a club's manager is its "boss" in sports reports, folded into "chief": "Larne boss Jimmy McGeough")
  { asked: ['coach', 'manag'], printed: ['coach', 'manag', 'chief'] },
  { asked: ['lead'], printed: ['lead'] },
  { asked: ['captain', 'skipper'], printed: ['captain', 'skipper'] },
  { asked: ['minist', 'secretari', 'premier'], printed: ['minist', 'secretari', 'premier', 'presid'] },
  // a band's singer: "Franz Ferdinand frontman Alex Kapranos"
  { asked: ['singer', 'frontman', 'vocalist'], printed: ['singer', 'frontman', 'vocalist', 'frontwoman'] },
  // who refereed a match: "referee Jonathan Kaplan"
  { asked: ['refere', 'umpir'], printed: ['refere', 'umpir'] },
  // who speaks for someone in court or to the press: "Mr Ebbers' lawyer Reid Weingarten", "agent Pini Zahavi"
  { asked: ['lawyer', 'attornei', 'solicitor', 'barrist'], printed: ['lawyer', 'attornei', 'solicitor', 'barrist', 'counsel'] },
  { asked: ['agent'], printed: ['agent'] },
  { asked: ['spokesman', 'spokeswoman', 'spokesperson'], printed: ['spokesman', 'spokeswoman', 'spokesperson'] },
  // who founded a firm: "BIFA founder Elliot Grove", "its founder, Mikhail Khodorkovsky"
  { asked: ['found', 'founder'], printed: ['founder'] },
];

/** Every role noun a report prints. */
const ANY_ROLE: ReadonlySet<string> = new Set(ROLE_GROUPS.flatMap((g) => g.printed));

/** Words naming which office of a body a role is, set before it ("group chief executive", "joint managing director"). */
const OFFICE_QUALIFIER: ReadonlySet<string> = new Set(['group', 'joint', 'overal', 'global', 'worldwid']);

/** Words either side of a role noun within which a name holds the role ("chief executive Peter Brabeck", "Miller, Gazprom's chief"). */
const ROLE_REACH = 3;
/** Words before a role that say it is held no longer ("former", "ex-", "the late", "predecessor as"). */
const PAST_HOLDER = /^(?:former|ex|late|outgo|previou|predecessor)$/;
/** Departments a role noun may be narrowed to: "chief *financial* officer", "*finance* director", "head of *market* development". */
const DEPARTMENT = new Set(['financi', 'financ', 'oper', 'technolog', 'technic', 'inform', 'market', 'economist', 'scientist', 'strategist', 'invest', 'medic', 'correspond', 'analyst', 'legal', 'creativ', 'commun', 'secur', 'commerci', 'digit', 'content', 'develop', 'product', 'program', 'sale', 'polici', 'press', 'staff', 'research', 'design']);
/** Words before a role noun that make it a lesser one: "*vice* president", "*deputy* leader", "*shadow* chancellor". */
const LESSER = /^(?:vice|deputi|help|assist|junior|shadow|associ)$/;
/** A role word's forms as a verb ("heads a coalition"), never the noun a holder is named beside. */
const ROLE_VERB = /^(?:heads|headed|heading|leads|leading|directs|directed|directing|chairs|chaired|chairing)$/i;
/** Words that open a sentence before a role without naming a body ("The coach", "Former chief executive"). */
const PLAIN_OPENER = /^(?:the|a|an|its|his|her|their|our|former|new|acting|interim|current|then|now|and|but|as|when|while|after|before|with|under)$/;

/** The role a who-question asks about (its words as asked and as reports print them) and the organisation's terms, or null when it asks no role. */
export function roleAsked(wanted: QuestionType, own: readonly string[], question = ''): { asked: readonly string[]; printed: ReadonlySet<string>; org: readonly string[]; qualifier?: string } | null {
  if (wanted !== 'who') return null;
  // "charge" asks a role only as "in charge" ("schools that charge higher tuition" asks none)
  if (question && !/\bin charge\b/i.test(question)) own = own.filter((t) => t !== 'charg');
  // "managing director" is one role: a director printed after "managing", never a club's manager ("managing" and
  // "manager" share a stem)
  const managing = /\bmanaging\s+director\b/i.test(question);
  if (managing) own = own.filter((t) => t !== 'manag');
  const printed = new Set<string>();
  const roleTerms = new Set<string>();
  for (const g of ROLE_GROUPS) {
    const hit = own.filter((t) => g.asked.includes(t));
    if (!hit.length) continue;
    hit.forEach((t) => roleTerms.add(t));
    g.printed.forEach((t) => printed.add(t));
  }
  if (managing) printed.delete('manag');
  const org = own.filter((t) => !roleTerms.has(t));
  return printed.size && org.length ? { asked: [...roleTerms], printed, org, ...(managing ? { qualifier: 'manag' } : {}) } : null;
}

/**
 * The name of someone a sentence sets in the asked role, or null: a name of the asked type within ROLE_REACH words of a
 * role noun, with the organisation by the role ("Gazprom chief executive", "chief executive of Gazprom") or, in an
 * article about the organisation (its title names it), not named at all ("said chief executive Todd Stitzer").
 */
export function roleHolderTest(
  question: string,
  role: { printed: ReadonlySet<string>; org: readonly string[]; qualifier?: string },
  /** Find the holder of a lesser role instead ("chief technology officer Marc Morin"): who is *not* the one asked. */
  lesserOnly = false,
): (sentence: string, sentenceTerms: readonly string[], titleTerms: readonly string[]) => string | null {
  const accepts = candidateFilter(question, 'who');
  // a word is the organisation's as typed, not only by its stem: "Arsene" and "Arsenal" share the stem "arsen"
  // (as typed without a possessive: "kenteris's lawyer" names Kenteris)
  const typed = words(question).map((w) => w.replace(/['’]s?$/, ''));
  const orgWord = (word: string) => {
    const w = word.toLowerCase();
    const t = stem(w);
    if (!role.org.includes(t)) return false;
    const asked = typed.filter((q) => stem(q) === t);
    return asked.length === 0 || asked.some((q) => w.startsWith(q.slice(0, Math.max(3, q.length - 1))));
  };
  return (sentence, sentenceTerms, titleTerms) => {
    if (!sentenceTerms.some((t) => role.printed.has(t))) return null;
    const inSentence = role.org.filter((t) => sentenceTerms.includes(t));
    if (inSentence.length === 0 ? !role.org.every((t) => titleTerms.includes(t)) : inSentence.length < role.org.length) return null;
    const { tokens, indexAt: indexOf } = stemTokens(sentence);
    const office = new Set([...role.printed, ...role.org]);
    // the first word of the run of `words` the word at i ends: the role nouns ("chief *executive*" → "chief"), or the office's
    // words with them ("Shadow *foreign* secretary" → "foreign")
    const runStart = (i: number, words: ReadonlySet<string>) => {
      let j = i;
      while (j > 0 && words.has(tokens[j - 1]!.term)) j--;
      return j;
    };
    // unnamed in the sentence, the role must be no other body's: "said chief executive X", not "Saints coach X", "AK chief X"
    const othersRole = (i: number) => {
      const j = runStart(i, role.printed);
      // (a sentence's first word is capitalised anyway: a name only when no plain opener, "Saints coach" not "The coach")
      return [j - 1, j - 2].some((k) => k >= 0 && tokens[k]!.capital && !role.printed.has(tokens[k]!.term) && (k > 0 || !PLAIN_OPENER.test(sentence.slice(tokens[0]!.start).split(/\s/)[0]!.toLowerCase())));
    };
    // "former Conservative leader William Hague" held the role once (so did "Tomlinson's predecessor as chief schools inspector")
    const former = (i: number) => tokens.slice(Math.max(0, i - 3), i).some((t) => PAST_HOLDER.test(t.term));
    // a department's or a deputy's role is not the one asked: "John Connors, Microsoft's chief financial officer" is no boss
    // (and "head of distribution": a head of any lower-case field is a department's)
    // (a lesser word may stand before a field the role is of: "deputy *planning* director", "deputy *prime* minister"; not
    // "deputy *as* chief inspector")
    const lesserBefore = (j: number) => [j - 1, j - 2].some((k) => k >= 0 && LESSER.test(tokens[k]!.term) && tokens.slice(k + 1, j).every((t) => !t.capital && !isStopWord(wordAt(sentence, t.start).toLowerCase())));
    const lesser = (i: number) =>
      DEPARTMENT.has(tokens[i + 1]?.term ?? '') || DEPARTMENT.has(tokens[i - 1]?.term ?? '') || lesserBefore(runStart(i, office)) || (tokens[i + 1]?.term === 'of' && DEPARTMENT.has(tokens[i + 2]?.term ?? '')) || (tokens[i]!.term === 'head' && tokens[i + 1]?.term === 'of' && tokens[i + 2] !== undefined && !tokens[i + 2]!.capital && !/^(?:the|a|an|its|his|her|their|our|it|thi|that)$/.test(tokens[i + 2]!.term));
    // named in the sentence, the organisation must not be another name's right before the role: "Eric Abensur, Wanadoo's
    // chief executive told the BBC" names no head of the BBC
    const ownedByOther = (i: number) => {
      const j = runStart(i, role.printed);
      const k = j - 1;
      // (a name set off by a comma is the holder in apposition: "Ann Lister, chief executive of Kestrel Foods")
      return k > 0 && tokens[k]!.capital && !role.org.includes(tokens[k]!.term) && !sentence.slice(tokens[k]!.start, tokens[j]!.start).includes(',');
    };
    // (a role of two words asked needs its first word before the role noun: "*managing* director")
    // (a role word used as a verb sets no name beside it in the role: "Contrack, of Arlington, Virginia, *heads* a coalition")
    const roleAt = tokens.flatMap((t, i) => (role.printed.has(t.term) && !ROLE_VERB.test(wordAt(sentence, t.start)) && (role.qualifier === undefined || tokens[i - 1]?.term === role.qualifier) && !former(i) && lesser(i) === lesserOnly && (inSentence.length > 0 ? !ownedByOther(i) : !othersRole(i)) ? [i] : []));
    // the organisation named in the sentence stands by the role, not elsewhere ("led by Digby Jones, director general of the CBI … and Cadbury")
    // (or named before it and owning it by "its": "Yukos said … the ambitions of its founder, Mikhail Khodorkovsky")
    const ownedByIts = (r: number) => tokens[r - 1]?.term === 'it' && /^its$/i.test(wordAt(sentence, tokens[r - 1]!.start)) && tokens.slice(0, r - 1).some((t) => role.org.includes(t.term));
    if (inSentence.length && !tokens.some((t, i) => role.org.includes(t.term) && roleAt.some((r) => Math.abs(r - i) <= ROLE_REACH + 1)) && !roleAt.some(ownedByIts)) return null;
    // set by the role: right after it ("chief executive Peter Brabeck", "Microsoft chief, Bill Gates"), or before it with
    // only the office's words between ("Alexei Miller, Gazprom's chief"), never a verb's object ("the prime minister
    // should sack Mr Brown")
    // (or after the role with only the office's words between: "UN Secretary *General* Kofi Annan")
    // (a lesser role's holder follows its department's words: "chief *technology officer* Marc Morin")
    // (a word saying which of a body's offices it is may stand between: "Helmut Panke, BMW's *group* chief executive")
    // (or another of the holder's roles joined to it: "BIFA founder *and director* Elliot Grove")
    // (before the role only when no name follows it: "*Conservative* shadow culture secretary John Whittingdale" names him)
    const between = (t: { term: string }) => office.has(t.term) || t.term === 'and' || ANY_ROLE.has(t.term);
    // (never a name joined on by "and" after the role: "Mukesh is the company's chairman *and Anil* its deputy")
    const besideRole = (a: number, b: number) => roleAt.some((i) => (i < a && a - i <= ROLE_REACH && tokens[a - 1]?.term !== 'and' && (lesserOnly || tokens.slice(i + 1, a).every(between))) || (i > b && i - b <= ROLE_REACH && tokens.slice(b + 1, i).every((t) => office.has(t.term) || t.term === 'the' || OFFICE_QUALIFIER.has(t.term)) && !tokens[i + 1]?.capital));
    let holder: string | null = null;
    for (const c of collectCandidates('who', sentence)) {
      if (!accepts(c, sentence)) continue;
      // a name run that opens with the office's own words is the holder after them: "Prime Minister Tony Blair"
      let start = c.start;
      let a = indexOf(c.start);
      const last = a + Math.max(1, words(c.text).length) - 1;
      while (a < last && (role.printed.has(tokens[a]!.term) || orgWord(wordAt(sentence, tokens[a]!.start)))) start = tokens[++a]!.start;
      const text = c.text.slice(start - c.start);
      // the organisation's own name is no holder of its role, and a possessive owns the role ("MCI's directors")
      if (words(text).some(orgWord) || /['’]s?$/.test(text)) continue;
      // a name that carries a role of its own names another office's holder: "US Secretary of State Condoleezza Rice, UN
      // Secretary General Kofi Annan"
      if (words(text).slice(0, -1).some((w) => role.printed.has(stem(w)))) continue;
      const b = a + Math.max(1, words(text).length) - 1;
      // (a name set before a department's word is part of the role, not its holder: "chief *US* economist")
      if (tokens[b + 1] !== undefined && !tokens[b + 1]!.capital && DEPARTMENT.has(tokens[b + 1]!.term)) continue;
      if (besideRole(a, b)) {
        holder = text;
        break;
      }
    }
    return holder;
  };
}

/** The word starting at a token's offset. */
function wordAt(sentence: string, start: number): string {
  return /^[\p{L}\p{N}]+/u.exec(sentence.slice(start))?.[0] ?? '';
}
