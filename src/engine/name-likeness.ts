// What kind of thing a name reads as: a place rather than a person (offline word vectors, "Paris" vs "Anna Berg"),
// or a thing or an event ("Brit Awards").
import { terms } from './text.ts';
import { loadWordVectors } from './word-vectors.ts';

/** A name headed by a thing or an event, never a person or a place ("Brit *Awards*", "FA *Cup*", "Licensing *Act*"). */
export const THING_NAME = /\b(?:Awards?|Prizes?|Cup|Trophy|Festival|Championships?|Olympics|Games|Act|Bill|Treaty|Report|Album|Single|Show|Series|Wars?|Battle|Revolution|Crisis|Conference|Summit|Elections?|Referendum|Fame|Premiership|League)$/;

const PLACE_WORDS = 'city country town region province river village island capital london paris germany'.split(' ');
const PERSON_WORDS = 'president actor writer singer minister politician john james david smith'.split(' ');

/** A scorer of place-minus-person likeness in [-1, 1] (0 without vectors or known words); caches per term. */
export function placeLikeness(): (text: string) => number {
  const vectors = loadWordVectors();
  const rowOf = (w: string) => {
    const t = terms(w);
    return vectors && t.length === 1 ? vectors.rowOf(t[0]!) : -1;
  };
  const placeRows = vectors ? PLACE_WORDS.map(rowOf).filter((r) => r >= 0) : [];
  const personRows = placeRows.length ? PERSON_WORDS.map(rowOf).filter((r) => r >= 0) : [];
  const cache = new Map<string, number | null>();
  return (text) => {
    if (!vectors || !placeRows.length || !personRows.length) return 0;
    let sum = 0;
    let n = 0;
    for (const t of terms(text)) {
      let v = cache.get(t);
      if (v === undefined) {
        const r = vectors.rowOf(t);
        v = r < 0 ? null : placeRows.reduce((a, p) => a + vectors.cosine(r, p), 0) / placeRows.length - personRows.reduce((a, p) => a + vectors.cosine(r, p), 0) / personRows.length;
        cache.set(t, v);
      }
      if (v !== null) {
        sum += v;
        n++;
      }
    }
    // the differences are small (±0.2): scaled to about ±1
    return n ? Math.max(-1, Math.min(1, (5 * sum) / n)) : 0;
  };
}
