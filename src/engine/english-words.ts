import { createRequire } from 'node:module';

let english: Set<string> | null = null;

/** Whether a lower-case word is an English word (~275,000 words, British and American, loaded on first use). */
export function isEnglishWord(word: string): boolean {
  english ??= new Set(createRequire(import.meta.url)('an-array-of-english-words') as string[]);
  return english.has(word);
}

/** British endings and their American forms; a rewrite is kept only when it yields an English word. */
const AMERICAN_ENDINGS: [RegExp, string][] = [
  [/our(s|ed|ing|ite|ites|able|ably|ful)?$/, 'or$1'],
  [/is(e|ed|es|ing|ation|ations|er|ers)$/, 'iz$1'],
  [/ys(e|ed|es|ing)$/, 'yz$1'],
  [/re(s)?$/, 'er$1'],
  [/ence(s)?$/, 'ense$1'],
  [/ogue(s)?$/, 'og$1'],
  [/amme(s)?$/, 'am$1'],
];

/** Every ending rule as text, for the digest of the word tables. */
export const AMERICAN_ENDINGS_TEXT = AMERICAN_ENDINGS.map(([re, to]) => `${re.source}>${to}`).join(' ');

/**
 * The American spelling of a British one ("colour" → "color", "organisation" → "organization",
 * "centre" → "center"), so a question in one spelling finds an article in the other; other words unchanged.
 */
export function americanSpelling(word: string): string {
  if (word.length < 6) return word;
  for (const [re, to] of AMERICAN_ENDINGS) {
    if (!re.test(word)) continue;
    const v = word.replace(re, to);
    if (isEnglishWord(v)) return v;
  }
  return word;
}
