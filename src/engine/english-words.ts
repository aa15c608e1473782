import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The sorted word list as one newline-separated string: ~3 MB, where a Set of it would take ~40 MB. */
let english: string | null = null;

function loadWords(): string {
  const file = createRequire(import.meta.url).resolve('an-array-of-english-words');
  // The package's JSON is a sorted array of lower-case words without quotes inside them
  return readFileSync(file, 'utf8').replace(/^\s*\["|"\]\s*$/g, '').replaceAll('","', '\n');
}

/** Whether a lower-case word is an English word (~275,000 words, British and American, loaded on first use). */
export function isEnglishWord(word: string): boolean {
  english ??= loadWords();
  const text = english;
  let lo = 0;
  let hi = text.length;
  // Binary search over the lines: each probe reads the line around the middle
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const start = text.lastIndexOf('\n', mid - 1) + 1;
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end);
    if (line === word) return true;
    if (line < word) lo = end + 1;
    else hi = start;
  }
  return false;
}

/** British endings and their American forms; a rewrite is kept only when it yields an English word. */
const AMERICAN_ENDINGS: [RegExp, string][] = [
  [/our(s|ed|ing|ite|ites|able|ably|ful|hood|hoods|er|ers|ly)?$/, 'or$1'],
  [/is(e|ed|es|ing|ation|ations|er|ers)$/, 'iz$1'],
  [/ys(e|ed|es|ing)$/, 'yz$1'],
  [/re(s)?$/, 'er$1'],
  [/ence(s)?$/, 'ense$1'],
  [/ogue(s)?$/, 'og$1'],
  [/amme(s)?$/, 'am$1'],
];

/** Every ending rule as text, and the word list's version (it decides which rewrites apply), for the digest of the word tables. */
export const AMERICAN_ENDINGS_TEXT = `${AMERICAN_ENDINGS.map(([re, to]) => `${re.source}>${to}`).join(' ')} words@${
  (createRequire(import.meta.url)('an-array-of-english-words/package.json') as { version: string }).version
}`;

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
