import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOFT_MATCH } from '../../src/engine/answer-question.ts';
import { Engine } from '../../src/engine/engine.ts';
import { loadWordVectors, parseWordVectors, softMatchWeight, type WordVectors } from '../../src/engine/word-vectors.ts';
import { plainArticle as article } from '../support/plain-article.ts';

/** Writes the format of scripts/build-word-vectors.mjs: header, words joined by \n, int8 rows. */
function encode(rows: [string, number[]][]): Buffer {
  const dims = rows[0]?.[1].length ?? 1;
  const wordBytes = Buffer.from(rows.map(([w]) => w).join('\n'), 'utf8');
  const header = Buffer.alloc(15);
  header.write('WVEC', 0, 'ascii');
  header.writeUInt8(1, 4);
  header.writeUInt32LE(rows.length, 5);
  header.writeUInt16LE(dims, 9);
  header.writeUInt32LE(wordBytes.length, 11);
  const body = Buffer.alloc(rows.length * dims);
  rows.forEach(([, v], r) => v.forEach((x, d) => body.writeInt8(x, r * dims + d)));
  return Buffer.concat([header, wordBytes, body]);
}

const ROWS: [string, number[]][] = [
  ['rose', [100, 10, 0]],
  ['walked', [90, 30, 0]],
  ['roses', [0, 0, 127]],
  ['main', [0, 127, 0]],
  ['principal', [10, 120, 0]],
  ['banana', [-127, 0, 0]],
];

function smallVectors(): WordVectors {
  const v = parseWordVectors(encode(ROWS));
  if (!v) throw new Error('the small vector file did not parse');
  return v;
}

describe('word vectors: loading', () => {
  it('keys vectors by index term, the most frequent word of a stem first', () => {
    const v = smallVectors();
    expect(v.dims).toBe(3);
    expect(v.rowOf('walk')).toBe(1);
    expect(v.rowOf('princip')).toBe(4);
    // "rose" (row 0) and "roses" (row 2) share a term: the earlier, more frequent word wins
    expect(v.rowOf('rise')).toBe(0);
    expect(v.rowOf('unknown')).toBe(-1);
  });

  it('computes cosines from the quantized rows', () => {
    const v = smallVectors();
    expect(v.cosine(v.rowOf('main'), v.rowOf('princip'))).toBeCloseTo(0.9965, 3);
    expect(v.cosine(v.rowOf('main'), v.rowOf('main'))).toBeCloseTo(1, 6);
    expect(v.cosine(v.rowOf('walk'), v.rowOf('banana'))).toBeLessThan(0);
  });

  it('turns a malformed or missing file into null, not a crash', () => {
    expect(parseWordVectors(Buffer.from('not a vector file'))).toBeNull();
    const truncated = encode(ROWS).subarray(0, 40);
    expect(parseWordVectors(truncated)).toBeNull();
    const dir = mkdtempSync(join(tmpdir(), 'wv-'));
    expect(loadWordVectors(join(dir, 'absent.bin'))).toBeNull();
    const file = join(dir, 'small.bin');
    writeFileSync(file, encode(ROWS));
    expect(loadWordVectors(file)?.rowOf('walk')).toBe(1);
  });

  it('ships a vector file of common English words', () => {
    const v = loadWordVectors();
    expect(v).not.toBeNull();
    expect(v!.dims).toBe(100);
    expect(v!.size).toBeGreaterThan(30_000);
    expect(v!.cosine(v!.rowOf('main'), v!.rowOf('princip'))).toBeGreaterThan(0.6);
    expect(v!.cosine(v!.rowOf('citi'), v!.rowOf('banana'))).toBeLessThan(0.4);
  });
});

describe('word vectors: soft match', () => {
  it('gives a missing question word a share of its weight when a sentence word is close', () => {
    const v = smallVectors();
    const missing = [{ term: 'princip', weight: 2 }];
    expect(softMatchWeight(v, missing, ['main', 'street'], 0.6, 0.25)).toBeCloseTo(0.5, 6);
    expect(softMatchWeight(v, missing, ['banana'], 0.6, 0.25)).toBe(0);
  });

  it('adds nothing for words without a vector or below the threshold', () => {
    const v = smallVectors();
    expect(softMatchWeight(v, [{ term: 'unknown', weight: 3 }], ['main'], 0.6, 0.5)).toBe(0);
    // cosine of walk and rise is about 0.96: a threshold above it keeps them apart
    expect(softMatchWeight(v, [{ term: 'rise', weight: 1 }], ['walk'], 0.99, 0.5)).toBe(0);
    expect(softMatchWeight(v, [{ term: 'rise', weight: 1 }], ['walk'], 0.9, 0.5)).toBeCloseTo(0.5, 6);
  });

  it('reuses cached cosines and gives the same result', () => {
    const v = smallVectors();
    const cache = new Map<string, number>();
    const first = softMatchWeight(v, [{ term: 'princip', weight: 1 }], ['main'], 0.6, 1, cache);
    expect(cache.size).toBe(1);
    expect(softMatchWeight(v, [{ term: 'princip', weight: 1 }], ['main'], 0.6, 1, cache)).toBe(first);
  });
});

describe('word vectors: sentence choice', () => {
  const engine = new Engine([
    article('trade.txt', 'Freedonia trade', 'Freedonia said its export ban on rice would end in June. Freedonia’s main export is bananas, grown in the hills.'),
    article('weather.txt', 'Weather', 'Rain fell in the north on Monday. The ministry said more rain would come.'),
  ]);
  const ask = (soft: boolean) => {
    const before = SOFT_MATCH.inSentenceChoice;
    SOFT_MATCH.inSentenceChoice = soft;
    try {
      return engine.ask('What is the principal export of Freedonia?').span;
    } finally {
      SOFT_MATCH.inSentenceChoice = before;
    }
  };

  it('prefers the sentence whose words mean what the question asks ("principal" ~ "main")', () => {
    expect(ask(true).from).toBe('Freedonia’s main export is bananas, grown in the hills.');
    expect(ask(true).text).toBe('bananas');
  });

  it('without soft matching, an exact tie goes to the first sentence', () => {
    expect(ask(false).from).toBe('Freedonia said its export ban on rice would end in June.');
  });

  it('is on by default', () => {
    expect(SOFT_MATCH.inSentenceChoice).toBe(true);
  });
});
