// Chat questions come in lower case ("who won the 2022 world cup"); the evidence that reads names
// (a right sentence must hold the question's names) needs them back. The passages read tell which
// of the question's words are names: those the corpus writes capitalised in mid-sentence.
import { STOP_WORDS } from './text.ts';

/** Share of mid-sentence occurrences written capitalised above which a word is a name. */
const NAME_SHARE = 0.7;
const WORD = /\p{L}[\p{L}\p{M}\p{N}]*/gu;
/** What may precede a word that is capitalised only because a sentence, a quote or a heading starts there. */
const OPENS = /(?:^|[.!?:;"“‘(\[–—-])\s*$/u;

interface Usage {
  capitalised: number;
  lower: number;
  /** Capitalised spellings and how often each was seen. */
  forms: Map<string, number>;
}

/** Counts, for each lower-case word or two-word phrase asked, how the sentences write it where capitals are not forced. */
function usagesIn(sentences: readonly string[], asked: ReadonlySet<string>): Map<string, Usage> {
  const out = new Map<string, Usage>();
  const note = (key: string, written: string) => {
    const u = out.get(key) ?? { capitalised: 0, lower: 0, forms: new Map<string, number>() };
    if (written.split(' ').every((w) => /^\p{Lu}/u.test(w))) {
      u.capitalised++;
      u.forms.set(written, (u.forms.get(written) ?? 0) + 1);
    } else if (written === key) u.lower++;
    out.set(key, u);
  };
  for (const s of sentences) {
    let previous: { text: string; end: number; free: boolean } | null = null;
    for (const m of s.matchAll(WORD)) {
      const lower = m[0].toLowerCase();
      const free = !OPENS.test(s.slice(Math.max(0, m.index - 3), m.index));
      if (free && asked.has(lower)) note(lower, m[0]);
      // a phrase ("World Cup") is a name even where one of its words alone is not ("world")
      if (previous?.free && /^ $/.test(s.slice(previous.end, m.index)) && asked.has(`${previous.text.toLowerCase()} ${lower}`)) note(`${previous.text.toLowerCase()} ${lower}`, `${previous.text} ${m[0]}`);
      previous = { text: m[0], end: m.index + m[0].length, free };
    }
  }
  return out;
}

/** The usage's most frequent capitalised spelling when it is mostly written so, else null (ties by spelling: deterministic). */
function nameForm(u: Usage | undefined): string | null {
  if (!u || u.capitalised === 0 || u.capitalised / (u.capitalised + u.lower) < NAME_SHARE) return null;
  return [...u.forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
}

/**
 * The question with each word (or pair of adjacent words) typed in lower case that the given
 * sentences mostly write capitalised in mid-sentence written as they write it ("world cup" →
 * "World Cup", "ufj" → "UFJ"). Words the user capitalised, stop words and words the sentences do
 * not use stay as typed.
 */
export function truecaseQuestion(question: string, sentences: readonly string[]): string {
  const tokens = [...question.matchAll(WORD)];
  const open = (w: string) => w === w.toLowerCase() && !/\p{N}/u.test(w) && w.length > 1 && !STOP_WORDS.has(w);
  const asked = new Set<string>();
  /** Indexes of tokens that close a two-word phrase asked with the token before. */
  const pairEnds = new Set<number>();
  tokens.forEach((m, i) => {
    if (!open(m[0])) return;
    asked.add(m[0]);
    const prev = tokens[i - 1];
    if (prev && open(prev[0]) && question.slice(prev.index + prev[0].length, m.index) === ' ') {
      asked.add(`${prev[0]} ${m[0]}`);
      pairEnds.add(i);
    }
  });
  if (!asked.size) return question;
  const usages = usagesIn(sentences, asked);
  const replaced = new Map<number, string>();
  tokens.forEach((m, i) => {
    const prev = tokens[i - 1];
    const phrase = prev && pairEnds.has(i) ? nameForm(usages.get(`${prev[0]} ${m[0]}`)) : null;
    if (phrase && prev) {
      const [a, b] = phrase.split(' ') as [string, string];
      replaced.set(prev.index, a);
      replaced.set(m.index, b);
    } else if (!replaced.has(m.index) && asked.has(m[0])) {
      const form = nameForm(usages.get(m[0]));
      if (form) replaced.set(m.index, form);
    }
  });
  if (!replaced.size) return question;
  // (an Irish name's first letter goes with its capital: "o'sullivan" → "O'Sullivan", not "o'Sullivan")
  return question.replace(WORD, (w, at: number) => replaced.get(at) ?? w).replace(/(?<![\p{L}'’])(\p{Ll})(['’]\p{Lu})/gu, (_, a: string, rest: string) => `${a.toUpperCase()}${rest}`);
}
