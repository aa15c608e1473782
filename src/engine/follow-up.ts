import { terms, words } from './text.ts';

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
const SUBJECT_PRONOUNS: Record<string, boolean> = { it: false, they: false, them: false, he: false, she: false, him: false, its: true, their: true, his: true };

/**
 * The follow-up with its pronoun replaced by what the previous turn named, so that it is read as
 * the standalone question it stands for ("who leads it?" after "What is HTS?" → "who leads HTS?").
 * The previous turn names one thing when it holds one name (a capitalised run or a quoted term);
 * a lower-case topic ("psp") is not substituted (measured: two follow-ups of the requests set lost
 * their answer that way). Else unchanged.
 */
export function resolveReference(question: string, previousQuestion: string): string {
  const tokens = question.split(/(\s+)/);
  const bareOf = (token: string) => token.toLowerCase().replace(/[?.!,;:]+$/, '');
  // the pronoun among the first six words
  let seen = 0;
  const at = tokens.findIndex((t) => bareOf(t).trim() !== '' && ++seen <= 6 && Object.hasOwn(SUBJECT_PRONOUNS, bareOf(t)));
  if (at < 0) return question;
  const subject = namedSubject(previousQuestion);
  if (!subject) return question;
  const word = tokens[at]!;
  const bare = bareOf(word);
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
