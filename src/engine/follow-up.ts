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
  if (/["“”]\S[^"“”]*["“”]|\d/.test(question)) return true;
  const list = question.replace(/[?.!,;:()]/g, ' ').split(/\s+/).filter(Boolean);
  return list.some((w, i) => (/^\p{Lu}{2,}s?$/u.test(w) || (i > 0 && /^\p{Lu}/u.test(w))) && !NOT_NAMES.test(w));
}
