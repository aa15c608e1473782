// What a conversation carries from one question to the next, and how a follow-up uses it:
// which draft answers (with the previous turn's context or without), the turn remembered
// after it, and the words retrieval searches for. Whether a question needs context is follow-up.ts.
import { ABSTAIN_BELOW, type AnswerDraft } from './answer-question.ts';
import { isName, mayBePerson, needsContext, resolveReference, subjectIn, type TurnNames } from './follow-up.ts';
import { classifyQuestion, definedSubject, organizationAsked, personAsked } from './question-analysis.ts';
import { bareQuestion } from './term-variants.ts';
import { terms } from './text.ts';

/** What a conversation remembers between turns, for follow-ups. */
export interface ConversationTurn {
  question: string;
  /** The question as expanded with earlier context. */
  expanded: string;
  /** Ids of the articles the previous answer cited. */
  articleIds: string[];
  /** The question as read (a pronoun replaced by the name it stood for), when the turn was answered. */
  asked?: string;
  /** The short answer shown, when it reads as a name. */
  answered?: string | null;
  /** What the turn before named, kept by a follow-up that names nothing itself. */
  carried?: TurnNames;
  /** The sentence the answer quoted, which "when?" or "why?" after it asks about. */
  quoted?: string;
}

/** Longest expanded question a turn keeps. */
const EXPANDED_MAX = 400;
/** Weight of an earlier turn's word beside the question's own in a follow-up's retrieval. */
const CONTEXT_WEIGHT = 0.4;

/**
 * The draft to answer with, and the context it was drafted with ('' alone). A question that
 * needs the previous turn is drafted with it too (its pronoun replaced by what that turn named); the draft whose sentence holds more of the
 * words asked now wins, the one in context on a tie or when the other does not answer. `articleText` gives the
 * text of an article the previous answer cited (what that turn's names are read against); `names` is what they were.
 */
export function chooseDraft(
  question: string,
  previous: ConversationTurn | undefined,
  draft: (question: string, context: string, preferred: readonly string[], quoted?: string) => AnswerDraft | null,
  articleText: (id: string) => string | undefined = () => undefined,
): { draft: AnswerDraft | null; context: string; asked: string; names: TurnNames } {
  const alone = draft(question, '', []);
  if (previous === undefined || !needsContext(question)) return { draft: alone, context: '', asked: question, names: {} };
  // the names are read only now, for a follow-up: reading them costs a pass over the article
  const cited = previous.articleIds[0];
  const names = namesOf(previous, cited === undefined ? undefined : articleText(cited));
  // in context, "who leads it?" is read as the standalone question it stands for
  const resolved = resolveReference(question, previous.question, names);
  const withContext = draft(resolved, previous.expanded, previous.articleIds, previous.quoted);
  const answers = (d: AnswerDraft | null) => d !== null && d.confidence >= ABSTAIN_BELOW;
  // a pronoun that stood for a name: the question is about that name, whatever the other draft covers
  const better = withContext !== null && alone !== null && (resolved !== question || withContext.ownSupport >= alone.ownSupport);
  // an answer from another story than the conversation's is no answer to "how much is the deal worth":
  // the conversation's story is kept, and says nothing when it holds no answer
  const inStory = (d: AnswerDraft | null) => d !== null && previous.articleIds.includes(d.entry.article.id);
  const stays = inStory(withContext) && !inStory(alone);
  // (and a draft alone whose quote, with its neighbours and title, never names that name is about someone else: "when did he
  // join chelsea" after "Jose Mourinho" is not answered by "The 54-year-old … joining Chelsea the following year")
  const elsewhere = resolved !== question && alone !== null && !namesAny(alone, nameTermsAdded(question, resolved));
  if (!answers(alone) || stays || elsewhere || (answers(withContext) && better)) return { draft: withContext, context: previous.expanded, asked: resolved, names };
  return { draft: alone, context: '', asked: question, names: {} };
}

/** The terms a resolved question holds that the question as typed did not: the name a pronoun stood for. */
function nameTermsAdded(question: string, resolved: string): string[] {
  const typed = new Set(terms(question));
  return terms(resolved).filter((t) => !typed.has(t));
}

/** Whether a draft's sentence, its neighbours or its article's title hold one of the terms. */
function namesAny(d: AnswerDraft, wanted: readonly string[]): boolean {
  const { entry, sentence } = d;
  const held = [...entry.titleTerms, ...sentence.terms, ...(entry.sentences[sentence.index - 1]?.terms ?? []), ...(entry.sentences[sentence.index + 1]?.terms ?? [])];
  return wanted.some((t) => held.includes(t));
}

/** What an answered turn tells the next one about the names a pronoun may stand for. */
export interface TurnReading {
  /** The question as read (its pronoun replaced by the name it stood for); absent when the turn was not answered. */
  asked?: string;
  /** The short answer shown, or null. */
  shortAnswer: string | null;
  /** The names of the turn before, when this question took its context (`chooseDraft`'s `names`). */
  carried?: TurnNames;
  /** The sentence the answer quoted (or, unanswered, the one the turn before quoted). */
  quoted?: string;
}

/** The turn to remember after a question asked in `context`, citing `articleIds`; `reading` when it was answered. */
export function nextTurn(question: string, context: string, articleIds: string[], reading?: TurnReading): ConversationTurn {
  // a chat opener ("hey bot, can you tell me") is no subject for the next question to carry
  const asked = bareQuestion(question);
  const expanded = (context ? `${asked} ${context}` : asked).slice(0, EXPANDED_MAX);
  const turn: ConversationTurn = { question, expanded, articleIds };
  if (reading?.asked !== undefined) {
    turn.asked = bareQuestion(reading.asked);
    turn.answered = reading.shortAnswer !== null && isName(reading.shortAnswer) ? reading.shortAnswer : null;
  }
  // a follow-up that names nothing itself keeps talking about what the turn before named
  if (context && (reading?.carried?.subject || reading?.carried?.person)) turn.carried = reading.carried;
  if (reading?.quoted !== undefined) turn.quoted = reading.quoted.slice(0, EXPANDED_MAX);
  return turn;
}

/** What a pronoun in the question after `turn` may stand for, read against `text`, the article its answer cited. */
export function namesOf(turn: ConversationTurn, text: string | undefined): TurnNames {
  const carried = turn.carried;
  if (turn.asked === undefined || text === undefined) return { subject: carried?.subject ?? null, person: carried?.person ?? null };
  const name = turn.answered ?? null;
  // "what is india's biggest airline?" "Jet Airways." "who founded it?": the name answered is what the next "it" means
  const defined = /^\W*(?:what|which)\s+(?:is|was|are|were)\b/i.test(turn.asked) ? name : null;
  const subject = defined ?? subjectIn(turn.asked, text) ?? carried?.subject ?? null;
  // ("who is sania mirza" asks about her: she is the one a "she" after it means)
  const askedPerson = (classifyQuestion(turn.asked) === 'who' && !organizationAsked(turn.asked) && definedSubject(turn.asked) === null) || personAsked(turn.asked);
  // after "who …?" a "he" is the person answered, never the one asked about; else the person asked about, else a person answered
  const named = !askedPerson && defined === null && subject !== null && mayBePerson(subject, text) ? subject : null;
  const person = (askedPerson ? name : (named ?? (name !== null && name !== defined && name.includes(' ') ? name : null))) ?? carried?.person ?? null;
  return { subject, person };
}

/** The words retrieval searches for a question in its conversation, and the articles it prefers. */
export interface FollowUpQuery {
  /** The question's own terms. */
  own: Set<string>;
  /** The same in the question's order, repeats kept (their adjacent pairs count in retrieval). */
  ownList: string[];
  /** Its own terms, then (for a follow-up) the earlier turns' ones. */
  terms: string[];
  /** Articles the previous answer cited (a follow-up only). */
  preferred: Set<string>;
}

/** `termsOf` reads a text's query terms (the answerer's, so passages and answers search the same words). */
export function followUpQuery(question: string, previous: ConversationTurn | undefined, termsOf: (text: string) => string[] = terms): FollowUpQuery {
  const followUp = previous !== undefined && needsContext(question);
  const ownList = termsOf(bareQuestion(question));
  const own = new Set(ownList);
  return {
    own,
    ownList,
    terms: [...new Set([...own, ...(followUp ? termsOf(previous.expanded) : [])])],
    preferred: new Set(followUp ? previous.articleIds : []),
  };
}

/** A term's weight factor in a follow-up's retrieval: its own words count fully, earlier ones less. */
export function contextWeight(query: FollowUpQuery, term: string): number {
  return query.own.has(term) ? 1 : CONTEXT_WEIGHT;
}
