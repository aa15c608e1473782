import type { Vocabulary } from './bm25-index.ts';

/** Shorter terms have too many neighbours one edit away to guess which was meant. */
const MIN_LENGTH = 4;
/** Misspellings remembered: a guess while its term is still in use, a miss until new terms arrive. */
const CACHE_SIZE = 2048;

/**
 * Edit distance with adjacent transpositions (optimal string alignment), or `max + 1` as soon
 * as it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** How far a term of this length may be from what was meant. */
const allowedEdits = (length: number) => (length >= 8 ? 2 : 1);

/**
 * Suggests, for a misspelled question term the corpus never uses, the corpus term that was most
 * likely meant: the fewest edits away (transpositions count one), the most frequent on ties.
 * Terms are bucketed by length as the vocabulary grows.
 */
export class SpellingSuggester {
  private readonly byLength: number[][] = [];
  private indexed = 0;
  /** Term → what was suggested, and the vocabulary size then (a miss is retried once new terms arrive). */
  private readonly cache = new Map<string, { best: string | null; vocabSize: number }>();

  constructor(
    private readonly vocab: Vocabulary,
    /** Documents holding a term now (0 for a term whose articles were all removed). */
    private readonly df: (term: string) => number,
  ) {}

  suggest(term: string): string | null {
    if (term.length < MIN_LENGTH || /\d/.test(term)) return null;
    const cached = this.cache.get(term);
    if (cached && (cached.best === null ? cached.vocabSize === this.vocab.size : this.df(cached.best) > 0)) return cached.best;
    this.catchUp();
    const best = this.search(term);
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(term, { best, vocabSize: this.vocab.size });
    return best;
  }

  private search(term: string): string | null {
    const max = allowedEdits(term.length);
    let best: string | null = null;
    let bestCost = Infinity;
    let bestDf = 0;
    for (let len = Math.max(MIN_LENGTH, term.length - max); len <= term.length + max; len++) {
      for (const id of this.byLength[len] ?? []) {
        const candidate = this.vocab.terms[id]!;
        // Typos rarely touch both of the first two letters: a cheap filter before the edit distance
        if (term[0] !== candidate[0] && term[1] !== candidate[1]) continue;
        const cost = editDistance(term, candidate, max);
        if (cost > max || cost > bestCost) continue;
        const df = this.df(candidate);
        if (df === 0) continue;
        if (cost < bestCost || df > bestDf) {
          best = candidate;
          bestCost = cost;
          bestDf = df;
        }
      }
    }
    return best;
  }

  private catchUp(): void {
    const terms = this.vocab.terms;
    for (; this.indexed < terms.length; this.indexed++) {
      const t = terms[this.indexed]!;
      if (t.length < MIN_LENGTH || /\d/.test(t)) continue;
      (this.byLength[t.length] ??= []).push(this.indexed);
    }
  }
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A repaired typo: the index term meant, or null when the word meant is a stop word (it asks nothing). */
export interface WordRepair {
  term: string | null;
}

/**
 * Repairs a typed word one edit away from a word whose stem the corpus holds, judged on whole words, where the
 * stem-level suggester cannot see it: "captial" → "capital" (stem "capit", far from the stem "captial"),
 * "spenidng" → "spending", "whre" → "where" (a stop word: nothing asked). A swap of neighbours or a missing
 * letter is preferred to a wrong or extra letter (typing drops and swaps more than it adds); then the stem
 * more articles hold. Null when no such word exists.
 */
export function repairWord(
  word: string,
  df: (term: string) => number,
  isStopWord: (word: string) => boolean,
  stemOf: (word: string) => string,
  /**
   * A wrong or extra letter must give a word this accepts: "zentrix" is not "zentrin" but a name the corpus lacks; with
   * it, a word one letter short of an English word the corpus lacks is that word. Without it every word is accepted.
   */
  isWord?: (word: string) => boolean,
): WordRepair | null {
  if (word.length < MIN_LENGTH || !/^[a-z]+$/.test(word)) return null;
  let best: WordRepair | null = null;
  let bestRank = -1;
  let bestDf = 0;
  // a missing letter that gives an English word the corpus lacks ("happend" over the seed alone): still that word, asked
  // as typed English, not an unknown name
  let unheld: WordRepair | null = null;
  const consider = (candidate: string, likely: boolean) => {
    if (candidate.length < 2 || candidate === word || (!likely && isWord && !isWord(candidate))) return;
    // the kind of edit first; at the same kind a stop word (a garbled "where"), then the stem more articles hold
    const stop = isStopWord(candidate);
    const term = stop ? null : stemOf(candidate);
    const n = term === null ? Infinity : df(term);
    if (n === 0) {
      if (likely && unheld === null && isWord?.(candidate)) unheld = { term };
      return;
    }
    const rank = (likely ? 2 : 0) + (stop ? 1 : 0);
    if (rank > bestRank || (rank === bestRank && n > bestDf)) {
      best = { term };
      bestRank = rank;
      bestDf = n;
    }
  };
  for (let i = 0; i < word.length; i++) {
    if (i + 1 < word.length) consider(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2), true);
    consider(word.slice(0, i) + word.slice(i + 1), false);
    for (const c of LETTERS) consider(word.slice(0, i) + c + word.slice(i + 1), false);
  }
  for (let i = 0; i <= word.length; i++) for (const c of LETTERS) consider(word.slice(0, i) + c + word.slice(i), true);
  return best ?? unheld;
}

/** The shortest part a run-together word is split into ("anti" of "antispyware"; three letters split names: "bit coin", "haa land"). */
const MIN_PART = 4;

/**
 * A word typed run together from two words the corpus holds ("antispyware" for "anti-spyware", "datacentre"), as the
 * two parts' index terms, or null: the split whose rarer part the most articles hold.
 */
export function splitCompound(word: string, df: (term: string) => number, stemOf: (word: string) => string): string[] | null {
  if (word.length < 2 * MIN_PART + 1 || !/^[a-z]+$/.test(word)) return null;
  let best: string[] | null = null;
  let bestDf = 0;
  for (let i = MIN_PART; i <= word.length - MIN_PART; i++) {
    const parts = [stemOf(word.slice(0, i)), stemOf(word.slice(i))];
    const n = Math.min(...parts.map(df));
    if (n > bestDf) {
      best = parts;
      bestDf = n;
    }
  }
  return best;
}
