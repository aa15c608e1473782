/** Matches scoring within this share of the best one are near-ties: the newest, then the most central, wins. */
export const NEAR_TIE = 0.1;

export interface Match<E> {
  entry: E;
  /** How well the words match (higher is better). */
  quality: number;
  /** Milliseconds since the epoch, NaN when undated. */
  time: number;
  /** A stable last resort (the article id). */
  id: string;
}

/**
 * Orders the matches of some words, best first: those within NEAR_TIE of the best quality come
 * first, newest first (undated last), then the most central among them (`centrality` is called
 * once, with the near-ties), then the better match; every other match follows by quality.
 */
export function rankMatches<E>(matches: readonly Match<E>[], centrality: (entries: E[]) => number[]): E[] {
  if (matches.length === 0) return [];
  const byQuality = [...matches].sort((a, b) => b.quality - a.quality || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const floor = byQuality[0]!.quality * (1 - NEAR_TIE);
  const ties = byQuality.filter((m) => m.quality >= floor);
  const rest = byQuality.filter((m) => m.quality < floor);
  const central = ties.length > 1 ? centrality(ties.map((m) => m.entry)) : [0];
  const at = new Map(ties.map((m, i) => [m, i]));
  ties.sort((a, b) => {
    const ta = Number.isNaN(a.time) ? -Infinity : a.time;
    const tb = Number.isNaN(b.time) ? -Infinity : b.time;
    if (ta !== tb) return tb - ta;
    const ca = central[at.get(a)!] ?? 0;
    const cb = central[at.get(b)!] ?? 0;
    return cb - ca || b.quality - a.quality || at.get(a)! - at.get(b)!;
  });
  return [...ties, ...rest].map((m) => m.entry);
}
