// "When did Douglas Adams die?", "where was Arthur Hailey born?": a date or a place set right after the asked verb, with
// the asked name just before it ("Adams, who died in 2001, would have …"), answers it; the name beside another date
// ("Douglas Adams' original 1977 scripts") does not.
import { type QuestionType } from './question-analysis.ts';
import { candidateFilter, collectCandidates } from './span-candidates.ts';
import { stemTokens } from './text.ts';

/** Words between the asked verb and its date or place ("died *in* 2001", "released *on 9* November", "born *in* Luton"). */
const VERB_TO_SLOT = 3;
/** Words between the asked name and the verb ("Adams, who died", "Firefox 1.0 was released"). */
const NAME_TO_VERB = 6;
/** The question types the pattern answers (where-questions measured too: SQuAD EM −0.09, F1 −0.13; bench/notes/lead9.md). */
const EVENT_SLOT_TYPES: readonly QuestionType[] = ['when'];

/**
 * The date (when-question) or place (where-question) a sentence sets right after a word the question asks besides its
 * names (`relation`, index terms), with one of the question's names (`named`) just before that word, or null.
 */
export function eventSlotTest(question: string, wanted: QuestionType, relation: ReadonlySet<string>, named: ReadonlySet<string>): ((sentence: string) => string | null) | null {
  if (!EVENT_SLOT_TYPES.includes(wanted) || relation.size === 0 || named.size === 0) return null;
  const accepts = candidateFilter(question, wanted);
  return (sentence) => {
    const { tokens, indexAt: indexOf } = stemTokens(sentence);
    const verbs = tokens.flatMap((t, i) => (relation.has(t.term) && tokens.slice(Math.max(0, i - NAME_TO_VERB), i).some((n) => named.has(n.term)) ? [i] : []));
    if (!verbs.length) return null;
    const slot = collectCandidates(wanted, sentence).find((c) => {
      if (!accepts(c, sentence)) return false;
      const at = indexOf(c.start);
      return verbs.some((v) => at > v && at - v <= VERB_TO_SLOT);
    });
    return slot?.text ?? null;
  };
}
