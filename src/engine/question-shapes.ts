// Shapes a question asks its answer in, read beside the engine's evidence: "what is X" is answered by a sentence that
// defines X, and "which … the most" only by a quote that ranks.

/** "what is X" / "who is X": the thing asked to be defined, as typed. */
const DEFINITION_ASKED = /^(?:what|who)\s+(?:is|are|was|were)\s+(?:an?\s+|the\s+)?([\p{L}\p{N}][\p{L}\p{N}'’ .&-]{1,40}?)[?.!\s]*$/iu;

/** A test for a sentence that defines what a "what is X" question asks about, or null for other questions. */
export function definitionTest(question: string): ((sentence: string) => boolean) | null {
  const asked = DEFINITION_ASKED.exec(question.trim())?.[1];
  if (!asked) return null;
  const name = asked.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '[\\s-]+');
  // "X is a …" / "X is desktop search software" opening the sentence, or "X, a / an / the …," in apposition
  // (not "X is expected to", "X is launching", "X is not")
  const told = `(?:is|are|was|were)\\s+(?!(?:not|also|now|still|set|due|likely|unlikely|expected|planning|going|about|being|to|in|on|at|for|from|by|with|under)\\b)(?![a-z]+(?:ed|ing)\\b)\\p{L}`;
  const shape = new RegExp(`^(?:the\\s+)?${name}\\s+${told}|\\b${name},\\s+(?:a|an|the)\\s[^,.;:]{2,60},`, 'iu');
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
