// Evidence for the answer confidence beyond how much of the question a sentence holds (issue 14; bench/notes/confidence6.md).
import type { AnalyzedSentence } from './analyze-article.ts';

/** The subject leads a sentence when one of its words is among the sentence's first terms. */
const LEAD_TERMS = 5;

/**
 * 1 when the sentence opens with a word of the question's subject (a title word or a name the question asks): the
 * sentence is about the subject, where a sentence naming it late mostly mentions it in passing.
 */
export function subjectLeads(sentence: AnalyzedSentence, subject: ReadonlySet<string>): number {
  return sentence.terms.slice(0, LEAD_TERMS).some((t) => subject.has(t)) ? 1 : 0;
}
