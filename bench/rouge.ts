// ROUGE-1/2/L F1 via js-rouge, with one tokenisation for every system and the reference.
import { l as rougeL, n as rougeN } from 'js-rouge';
import { splitSentences } from '../src/engine/text.ts';

/**
 * Tokens for ROUGE: lower-cased (NFKC), every run of letters/digits is a token, everything
 * else separates (like Google's rouge-score tokenizer, Unicode-aware; no stemming).
 */
export function rougeTokens(text: string): string[] {
  return text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Sentences of a reference summary, split the same way the engine splits text. */
export function referenceSentences(reference: string): string[] {
  return splitSentences(reference).map((s) => s.text);
}

export interface RougeScores {
  /** F1 in [0, 1]. */
  r1: number;
  r2: number;
  /** Summary-level LCS over sentences (rougeLsum in Google's package). */
  rL: number;
}

const byLine = (input: string): string[] => input.split('\n');

/**
 * ROUGE F1 of a candidate (its sentences) against a reference (its sentences). Sentences are
 * joined by newlines; ROUGE-1/2 count grams over the whole summary, ROUGE-L unions LCS
 * matches per reference sentence. An empty candidate scores 0.
 */
export function scoreSummary(candidate: readonly string[], reference: readonly string[]): RougeScores {
  const cand = candidate.map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => rougeTokens(s).length > 0);
  const ref = reference.map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => rougeTokens(s).length > 0);
  if (cand.length === 0 || ref.length === 0) return { r1: 0, r2: 0, rL: 0 };
  const c = cand.join('\n');
  const r = ref.join('\n');
  return {
    r1: rougeN(c, r, { n: 1, tokenizer: rougeTokens }),
    r2: rougeN(c, r, { n: 2, tokenizer: rougeTokens }),
    rL: rougeL(c, r, { tokenizer: rougeTokens, segmenter: byLine }),
  };
}

/** Running mean of ROUGE scores. */
export class RougeMean {
  private sum = { r1: 0, r2: 0, rL: 0 };
  count = 0;

  add(s: RougeScores): void {
    this.sum.r1 += s.r1;
    this.sum.r2 += s.r2;
    this.sum.rL += s.rL;
    this.count++;
  }

  /** Mean F1 ×100, rounded to 2 decimals. */
  percent(): RougeScores {
    const f = (x: number) => (this.count ? Math.round((x / this.count) * 10000) / 100 : 0);
    return { r1: f(this.sum.r1), r2: f(this.sum.r2), rL: f(this.sum.rL) };
  }
}
