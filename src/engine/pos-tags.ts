import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** A word's part of speech (Universal POS: NOUN, PROPN, VERB, AUX, ADJ, ADP, DET, NUM, …) and where it is. */
export interface TaggedWord {
  start: number;
  end: number;
  pos: string;
}

let nlp: ReturnType<typeof winkNLP> | null = null;

/**
 * Tags the words of a sentence or two with wink-nlp's English model (it ships inside the
 * package; nothing is downloaded). Loaded on first use; about 0.1 ms a sentence.
 */
export function tagWords(text: string): TaggedWord[] {
  nlp ??= winkNLP(model, ['pos']);
  const its = nlp.its;
  const tokens = nlp.readDoc(text).tokens();
  const values = tokens.out(its.value) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const tags = tokens.out(its.pos) as string[];
  const out: TaggedWord[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    at += spaces[i]!.length;
    // The tokenizer may normalise a token; find it from where it should be
    const found = text.indexOf(value, at);
    const start = found >= 0 && found - at < 4 ? found : at;
    out.push({ start, end: start + value.length, pos: tags[i]! });
    at = start + value.length;
  }
  return out;
}

let lastQuestion = '';
let lastQuestionTags: readonly TaggedWord[] = [];

/** The question's tags, remembered for the last question: its focus, verb slot and template each read them in one ask. */
export function tagQuestion(question: string): readonly TaggedWord[] {
  if (question !== lastQuestion) {
    lastQuestionTags = tagWords(question);
    lastQuestion = question;
  }
  return lastQuestionTags;
}
