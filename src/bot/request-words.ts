// The word-level clean-up that `understand-request.ts` reads messages through: chat spellings, typos, emoji.

/** Chat spellings and abbreviations → the word the rules are written for ('' drops the word). */
const SPELLINGS: Record<string, string> = {
  u: 'you', ya: 'you', ur: 'your', abt: 'about', bout: 'about', 'w/': 'with', w: 'with', wk: 'week', wks: 'weeks',
  yr: 'year', yrs: 'years', pls: '', plz: '', pleas: '', please: '', plse: '', thx: 'thanks', thnx: 'thanks', tnx: 'thanks',
  wats: 'whats', "what's": 'whats', wots: 'whats', wat: 'what', whta: 'what', gimme: 'give me', lemme: 'let me',
  summarise: 'summarize', summarised: 'summarized', summery: 'summary', 'tl;dr': 'tldr', 'tl;dr:': 'tldr', 'tl-dr': 'tldr',
  'tl:dr': 'tldr', abotu: 'about', teh: 'the', artcles: 'articles', aritcles: 'articles', todays: "today's", nws: 'news',
  hrs: 'hours', hr: 'hour', mins: 'minutes', 'no.': 'number', num: 'number', nr: 'number', '&': 'and', n: 'and',
};

/** Words a misspelt first word is matched against (one edit away, at least 4 letters). */
const KEY_WORDS = ['brief', 'briefing', 'summarize', 'summary', 'sources', 'digest', 'headlines', 'help', 'forget', 'articles'];

/** Optimal-string-alignment distance, stopping early above 1: cheap enough for one word. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]! <= 1;
}

/** A first word one typo away from a command word ("brfie", "sumary") → that word; else the word. */
export function correctKeyWord(word: string): string {
  if (word.length < 4 || KEY_WORDS.includes(word)) return word;
  // one edit away, or the same letters shuffled behind the same first letter ("brfie")
  const sorted = [...word].sort().join('');
  return KEY_WORDS.find((k) => withinOneEdit(word, k) || (k.length === word.length && k[0] === word[0] && [...k].sort().join('') === sorted)) ?? word;
}

const EMOJI = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u{FE0F}\u{200D}\u{20E3}]/gu;
/** A `:shortcode:` as Slack and Discord write emoji in text (not the inside of "time:08:00"). */
const SHORTCODE = /(?<![\p{L}\p{N}]):[a-z0-9_+-]+:(?![\p{L}\p{N}])/gu;

/** Lower-case words of a message with emoji, chat spellings and outer punctuation dealt with. */
export function normalizeWords(text: string): string {
  const plain = text
    .toLowerCase()
    .replace(/[’‘\u0060]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(EMOJI, ' ')
    .replace(SHORTCODE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const words = plain.split(' ').flatMap((raw) => {
    // punctuation around a word ("yukos?", "(pls)") goes; inside one ("tl;dr", "w/", "#3") stays
    // a letter held at the end ("thank youuu", "hmmm") is the word said once
    // contractions lose their apostrophe ("where's", "that's", "you're", "don't") as "what's" → "whats" always did
    const word = raw.replace(/^["'(\[]+|[)\]"',.!?:;…]+$/g, '').replace(/^(where|that|it|who|how|there|here|he|she|when|why|what)'s$|^(\w+n)'t$|^(\w+)'(re|ve|m|ll)$/, (_m, a?: string, b?: string, c?: string, d?: string) => a ? `${a}s` : b ? `${b}t` : `${c}${d}`).replace(/([a-z])\1{2,}$/, '$1');
    // own keys only: a word like "__proto__" must not reach the object's prototype
    const spelt = Object.hasOwn(SPELLINGS, word) ? SPELLINGS[word] : Object.hasOwn(SPELLINGS, raw) ? SPELLINGS[raw] : undefined;
    if (spelt !== undefined) return spelt ? [spelt] : [];
    return word ? [word] : [];
  });
  if (words.length === 0) return '';
  // "sauce?" / "sauce for 2": chat slang for source, read so only as the first word
  words[0] = /^sauces?$/.test(words[0]!) ? 'source' : correctKeyWord(words[0]!);
  return words.join(' ');
}

