import { ADDRESS_TITLE_WORDS, terms, words } from './text.ts';

/** Words that refer back to something said before. */
const REFERRING = /^(?:he|she|it|they|them|his|her|hers|its|their|theirs|this|that|these|those|there|him)$/;
/** Openings that continue the previous question rather than ask a new one ("and the academy?"). */
const CONTINUING = /^(?:and|but|or|also|then|so|what about|how about|same for|what else)\b/i;
/** Capitalised words that open questions and sentences, not names. */
const NOT_NAMES = /^(?:What|Which|Who|Whom|Whose|When|Where|How|Why|Is|Are|Was|Were|Do|Does|Did|Can|Could|Will|Would|Should|The|A|An|In|On|At|Of|I)$/;

/**
 * Whether a question needs the previous turn to be understood: it continues it ("and the
 * academy?"), has no content of its own ("why?"), refers back early ("when will *it* be
 * debated?"), or is short and names nothing ("how many died?"). A question with a named subject
 * and no leading pronoun stands on its own ("What is HTS?").
 */
export function needsContext(question: string): boolean {
  const q = question.trim();
  if (CONTINUING.test(q)) return true;
  const content = terms(q);
  if (content.length === 0) return true;
  const ws = words(q);
  // a pronoun among the first words is the question's subject or object
  if (ws.slice(0, 4).some((w) => REFERRING.test(w))) return true;
  if (hasNamedSubject(q)) return false;
  return content.length <= 2 || ws.some((w) => REFERRING.test(w));
}

/** A name, acronym, number or quoted term: something the question names by itself. */
function hasNamedSubject(question: string): boolean {
  return /["“”]\S[^"“”]*["“”]|\d/.test(question) || nameRuns(question).length > 0;
}

/** The runs of names in a text: acronyms, and capitalised words past the first that open no question or sentence. */
function nameRuns(text: string): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  text.replace(/[?.!,;:()]/g, ' ').split(/\s+/).filter(Boolean).forEach((w, i) => {
    if ((/^\p{Lu}{2,}s?$/u.test(w) || (i > 0 && /^\p{Lu}/u.test(w))) && !NOT_NAMES.test(w)) run.push(w);
    else if (run.length) runs.push(run), (run = []);
  });
  if (run.length) runs.push(run);
  return runs;
}

/** Pronouns a follow-up may name its subject by, and whether each stands for a possessive. */
const SUBJECT_PRONOUNS: Record<string, boolean> = { it: false, they: false, them: false, he: false, she: false, him: false, her: false, its: true, their: true, his: true };
/** The pronouns that stand for a person. */
const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her', 'his']);

/** What the previous turn named, beside its question: the one thing it was about, and the person it answered. */
export interface TurnNames {
  /** The one name of the question as read (case restored from the cited article), or null. */
  subject?: string | null;
  /** The person a "he" or "she" stands for: the short answer of a question that asked for a person ("who beat Coria?" → "Olivier Rochus"), else the subject when it may be a person, or null. */
  person?: string | null;
}

/**
 * The follow-up with its pronoun replaced by what the previous turn named, so that it is read as
 * the standalone question it stands for ("who leads it?" after "What is HTS?" → "who leads HTS?").
 * The previous turn names one thing when it holds one name (a capitalised run or a quoted term);
 * a lower-case topic ("psp") is not substituted (measured: two follow-ups of the requests set lost
 * their answer that way). Else unchanged.
 */
export function resolveReference(question: string, previousQuestion: string, names: TurnNames = {}): string {
  const tokens = question.split(/(\s+)/);
  const bareOf = (token: string) => token.toLowerCase().replace(/[?.!,;:]+$/, '');
  // the pronoun among the first six words
  let seen = 0;
  const at = tokens.findIndex((t) => bareOf(t).trim() !== '' && ++seen <= 6 && Object.hasOwn(SUBJECT_PRONOUNS, bareOf(t)));
  if (at < 0) return question;
  const word = tokens[at]!;
  const bare = bareOf(word);
  // "who beat Coria?" "Rochus." "who does *he* play next?": a person pronoun stands for the person just named
  const subject = (PERSON_PRONOUNS.has(bare) ? names.person : names.subject) ?? namedSubject(previousQuestion);
  if (!subject) return question;
  tokens[at] = `${subject}${SUBJECT_PRONOUNS[bare] ? "'s" : ''}${word.slice(bare.length)}`;
  return tokens.join('');
}

/** The one thing a question or topic names, or null (none, or several). */
function namedSubject(text: string): string | null {
  const quoted = /["“]([^"“”]{2,60})["”]/.exec(text);
  if (quoted) return quoted[1]!;
  const runs = nameRuns(text);
  return runs.length === 1 ? runs[0]!.join(' ') : null;
}

/** Question words that are never a name, however an article writes them. */
const NEVER_NAMES = new Set(['what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'how', 'why', 'is', 'are', 'was', 'were', 'do', 'does', 'did', 'can', 'could', 'will', 'would', 'should', 'the', 'a', 'an', 'in', 'on', 'at', 'of', 'i', 'and', 'or', 'to', 'for', 'by', 'with', 'from', 'it', 'he', 'she', 'they', 'his', 'her', 'its', 'their', 'him', 'them', 'this', 'that', 'much', 'many', 'new', 'first', 'last', 'next']);

/**
 * The one name a question is about, its case restored from how `text` (the article the answer cited)
 * writes it mid-sentence: "which band did charlie simpson leave" → "Charlie Simpson". Null when the
 * question names nothing the text writes as a name, or several names (which one a pronoun means is unknown).
 */
export function subjectIn(question: string, text: string): string | null {
  const tokens = question.split(/[\s?.!,;:()]+/);
  const keyOf = (token: string) => token.toLowerCase().replace(/['’]s?$/, '');
  const asked = new Set(tokens.map(keyOf));
  const written = new Map<string, { upper: number; lower: number; form: string }>();
  for (const m of text.matchAll(/[\p{L}][\p{L}'’-]*/gu)) {
    const w = m[0].replace(/['’]s$/, '');
    const key = w.toLowerCase();
    // (only the question's words are counted: this runs on every answer)
    if (!asked.has(key)) continue;
    const seen = written.get(key) ?? { upper: 0, lower: 0, form: w };
    // only a capital in mid-sentence says "name": sentences and quotes open with one
    const before = text.slice(Math.max(0, m.index - 3), m.index).trimEnd();
    const midSentence = before !== '' && /[\p{L}\p{N},;]$/u.test(before);
    if (midSentence && /^\p{Lu}/u.test(w)) (seen.upper++, (seen.form = w));
    else if (!/^\p{Lu}/u.test(w)) seen.lower++;
    written.set(key, seen);
  }
  const runs: string[][] = [];
  let run: string[] = [];
  for (const token of tokens) {
    const key = keyOf(token);
    const seen = written.get(key);
    if (key && !NEVER_NAMES.has(key) && seen && seen.upper > 0 && seen.upper >= seen.lower) run.push(seen.form);
    else if (run.length) runs.push(run), (run = []);
    // a possessive ends a name: "douglas's india film" names Douglas, then India
    if (/['’]s?$/.test(token) && run.length) runs.push(run), (run = []);
  }
  if (run.length) runs.push(run);
  if (runs.length !== 1) return null;
  const name = runs[0]!.join(' ');
  // a run the text writes only inside a longer name ("Mouse Adapter" of "Assistive Mouse Adapter") is not what it names
  return standsAlone(name, text) ? name : null;
}

const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Titles a name may follow and still stand alone ("Ms Simonetti"). */
const TITLES = new Set(ADDRESS_TITLE_WORDS);

/** Whether the text writes `name` at least once with no capitalised word (other than a title) right before or after it. */
function standsAlone(name: string, text: string): boolean {
  for (const m of text.matchAll(new RegExp(`(?:(\\p{Lu}[\\p{L}'’-]*) )?\\b${escaped(name)}\\b(?!['’]?s? \\p{Lu})`, 'gu'))) {
    // (nor a possessive owner: "India's Sania Mirza")
    if (m[1] === undefined || TITLES.has(m[1]) || /['’]s$/.test(m[1])) return true;
    // a capital that opens a sentence ("Trouble-hit Mitsubishi Motors is …") is no part of the name
    if (/(?:^|[.!?]["'”’]?\s+)$/.test(text.slice(Math.max(0, m.index - 4), m.index)) || m.index === 0) return true;
  }
  return false;
}

/** Whether a short answer reads as a person's or a thing's name (one to four capitalised words), not a number or a phrase. */
export function isName(span: string): boolean {
  const ws = span.trim().split(/\s+/);
  return ws.length <= 4 && ws.every((w) => /^\p{Lu}[\p{L}'’.]*(?:-\p{Lu}[\p{L}'’.]*)*$/u.test(w));
}

/** Whether a name may be a person's: two words or more, or one the text writes after a title ("Ms Simonetti"). */
export function mayBePerson(name: string, text: string): boolean {
  if (name.includes(' ')) return true;
  return new RegExp(`\\b(?:${[...TITLES].join('|')})\\.? ${escaped(name)}\\b`).test(text);
}
