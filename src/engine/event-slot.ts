// "When did Douglas Adams die?": a date set right after the asked verb, with the asked name just before it ("Adams, who
// died in 2001, would have …"), answers it; the name beside another date ("Douglas Adams' original 1977 scripts") does
// not. (Where-questions read the same way were measured and left out: SQuAD EM −0.09, F1 −0.13; bench/notes/lead9.md.)
import { type QuestionType } from './question-analysis.ts';
import { candidateFilter, collectCandidates } from './span-candidates.ts';
import { tagQuestion } from './pos-tags.ts';
import { stemTokens, terms } from './text.ts';

/** A when-question about something coming ("when is …", "what date are …"). */
const COMING = /^\W*(?:when|what (?:date|day))(?:\s+(?:is|are|will)|['’]s)\b/i;
/** Words between the asked verb and its date ("died *in* 2001", "released *on 9* November"). */
const VERB_TO_DATE = 3;
/** Words between the asked verb and a name asked as its object ("launching *the iPod*"). */
const VERB_TO_OBJECT = 2;
/** Words between the asked name and the verb ("Adams, who died", "Firefox 1.0 was released"). */
const NAME_TO_VERB = 6;
/** The word a slice opens with (a token's own word). */
const WORD_AT_START = /^[\p{L}\p{N}-]+/u;
/** Between the asked name and the verb: an apposition set off by commas, in one clause ("X, the band's singer, died"). */
const APPOSITION = /^(?:['’]s)?\s*,[^,;:.()"“”]{3,90},\s*$/;
/** Words between the asked verb and its date when they are one phrase of cause or manner ("died of a drug overdose in 1970"). */
const VERB_TO_DATE_PHRASE = 6;
/** That phrase: "of" or "from" and a few words, then "in" or "on", with no comma, clause or other event between. */
const PHRASE_TO_DATE = /^\s+(?:of|from)\s+(?:(?!and\b|but\b|after\b|before\b|when\b|while\b|which\b|who\b)[\p{L}'’-]+\s+){1,4}(?:in|on)\s+$/u;

/**
 * The date a sentence sets right after a word a when-question asks besides its names (`relation`, index terms), with one
 * of the question's names (`named`) just before that word, or null.
 */
export function eventSlotTest(question: string, wanted: QuestionType, relation: ReadonlySet<string>, named: ReadonlySet<string>): ((sentence: string) => string | null) | null {
  if (wanted !== 'when' || relation.size === 0) return null;
  // "when is / will X": something coming, which no date set after a verb of the past tells ("was champion in 2001")
  if (COMING.test(question)) return null;
  const accepts = candidateFilter(question, 'when');
  const asked = stemTokens(question).tokens.map((t) => t.term);
  // a question naming no one asks about the thing its first word names: "when did the *tsunami* hit"
  if (named.size === 0) {
    const subject = asked.find((t) => relation.has(t));
    if (subject === undefined || relation.size < 2) return null;
    named = new Set([subject]);
    relation = new Set([...relation].filter((t) => t !== subject));
  }
  const firstName = asked.findIndex((t) => named.has(t));
  // the question's own verbs ("launch" of "when did apple launch the ipod"), which may take an asked word as their object
  const verbTerms = new Set(tagQuestion(question).filter((t) => t.pos === 'VERB').flatMap((t) => terms(question.slice(t.start, t.end))));
  const after = asked.filter((t, i) => i > firstName && relation.has(t));
  return (sentence) => {
    const { tokens, indexAt: indexOf } = stemTokens(sentence);
    // every word asked after the name is told, not one of them: "Blair faces his first *prime* minister's questions of
    // 2005" does not tell when he *became* prime minister (words before the name describe it: "sound engineer X")
    if (after.some((r) => !tokens.some((t) => t.term === r))) return null;
    // (a verb joined to a word before it modifies a noun, "tsunami-hit nations", and tells no event)
    // (or before an apposition set off by commas: "Hendrix, widely considered one of the best guitarists of his era, died")
    const nameBefore = (i: number) => tokens.slice(Math.max(0, i - NAME_TO_VERB), i).some((n) => named.has(n.term)) || tokens.slice(0, i).some((n) => named.has(n.term) && APPOSITION.test(sentence.slice(n.start, tokens[i]!.start).replace(WORD_AT_START, '')));
    const verbs = tokens.flatMap((t, i) => (relation.has(t.term) && sentence[t.start - 1] !== '-' && nameBefore(i) ? [i] : []));
    // (or with another word asked as its object right after it: "… after *launching the iPod* in 2001"; the date then follows it)
    // (the names asked all in the sentence: "published its report in 1973" of another body tells nothing of the FCC's)
    const namesTold = [...named].every((n) => tokens.some((t) => t.term === n));
    for (const [i, t] of tokens.entries()) {
      if (!namesTold || !relation.has(t.term) || !verbTerms.has(t.term) || sentence[t.start - 1] === '-' || verbs.includes(i)) continue;
      const object = tokens.slice(i + 1, i + 1 + VERB_TO_OBJECT).findIndex((n) => named.has(n.term) || (relation.has(n.term) && n.term !== t.term));
      if (object >= 0) verbs.push(i + 1 + object);
    }
    if (!verbs.length) return null;
    const date = collectCandidates('when', sentence).find((c) => {
      if (!accepts(c, sentence)) return false;
      const at = indexOf(c.start);
      // (further after a cause or a manner told in one phrase: "died *of a drug overdose in* 1970")
      return verbs.some((v) => at > v && (at - v <= VERB_TO_DATE || (at - v <= VERB_TO_DATE_PHRASE && PHRASE_TO_DATE.test(sentence.slice(tokens[v]!.start, c.start).replace(WORD_AT_START, '')))));
    });
    return date?.text ?? null;
  };
}

/** Words that set a coming event at a date ("will be *held* on", "*takes place* on", "*following* on", "*tipped* for"). */
const SCHEDULED = /^(?:held|hold|place|start|starts|begin|begins|open|opens|following|due|scheduled|set|expected|tipped|staged|run|runs)$/;
/** Words between the event's name and the word that schedules it ("The main Oscar ceremony *will be* held"). */
const NAME_TO_SCHEDULED = 6;
/** Words between that word and the date ("held *in Los Angeles on* 27 February"). */
const SCHEDULED_TO_DATE = 5;

/**
 * "when are the oscars": the date a sentence schedules the asked event for ("The Oscars will take place … on 27
 * February", "the general election, which is widely tipped for May"), with every word asked just before it; or null.
 */
export function comingDateTest(question: string, wanted: QuestionType, asked: ReadonlySet<string>): ((sentence: string) => string | null) | null {
  if (wanted !== 'when' || asked.size === 0 || !COMING.test(question)) return null;
  const accepts = candidateFilter(question, 'when');
  return (sentence) => {
    const { tokens, indexAt } = stemTokens(sentence);
    // the event's name: the last of the asked words, with all of them told in the sentence
    if ([...asked].some((a) => !tokens.some((t) => t.term === a))) return null;
    const named = tokens.flatMap((t, i) => (asked.has(t.term) ? [i] : []));
    const slots = tokens.flatMap((t, i) => (SCHEDULED.test(t.term) || SCHEDULED.test(sentence.slice(t.start).split(/\W/)[0]!.toLowerCase()) ? [i] : []));
    const scheduled = slots.filter((v) => named.some((n) => n < v && v - n <= NAME_TO_SCHEDULED));
    if (!scheduled.length) return null;
    const date = collectCandidates('when', sentence).find((c) => {
      if (!accepts(c, sentence) || dayOfOther(sentence, c.start, asked) || supersededDate(sentence, c.start, c.start + c.text.length, question)) return false;
      const at = indexAt(c.start);
      return scheduled.some((v) => at > v && at - v <= SCHEDULED_TO_DATE);
    });
    return date?.text ?? null;
  };
}

/** A plan's first date told before a date: "originally due for release in", "initially scheduled for". */
const SET_FIRST_BEFORE = /\b(?:originally|initially|first)\s+(?:due|scheduled|planned|set|expected|slated|meant|intended)\b[^.;]*$/i;
/** The plan moved after the date: "…, has been delayed until 2006", "but was postponed". */
const MOVED_AFTER = /^[^.;]*?\b(?:delayed|postponed|put back|pushed back|moved|brought forward|rescheduled)\b/i;

/**
 * Whether a date at `start..end` is the one a plan was first set for and then moved ("originally due for release in
 * *2005*, has been delayed until 2006"): no longer the date, unless the question asks what it first was.
 */
export function supersededDate(sentence: string, start: number, end: number, question: string): boolean {
  return SET_FIRST_BEFORE.test(sentence.slice(Math.max(0, start - 50), start)) && MOVED_AFTER.test(sentence.slice(end, end + 60)) && !/\b(?:originally|initially|first (?:due|planned|set|scheduled))\b/i.test(question);
}

/** A date set as a day of something named right before it ("the expected *polling* day of 5 May"). */
const DAY_OF_BEFORE = /\b([a-z]+)\s+(?:day|date|deadline)\s+(?:of|on)\s+$/i;
/** Words before "day of" that name no other thing ("the day of", "its date of"). */
const NO_THING = /^(?:the|a|its|their|his|her|this|that|same|new|next|last|one)$/i;

/** Whether a date at `start` is told as the day of another thing than asked ("the expected polling day of 5 May" for "when is the budget"). */
export function dayOfOther(sentence: string, start: number, asked: ReadonlySet<string>): boolean {
  const thing = DAY_OF_BEFORE.exec(sentence.slice(Math.max(0, start - 40), start))?.[1];
  return thing !== undefined && !NO_THING.test(thing) && !terms(thing).some((t) => asked.has(t));
}
