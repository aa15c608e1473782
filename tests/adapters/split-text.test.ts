import { describe, expect, it } from 'vitest';
import { splitText } from '../../adapters/shared/split-text.ts';

const words = (s: string) => s.split(/\s+/).filter(Boolean);

describe('splitText', () => {
  it('returns short text as one trimmed chunk, and nothing for blank text', () => {
    expect(splitText('  hello world \n', 100)).toEqual(['hello world']);
    expect(splitText(' \n\n ', 10)).toEqual([]);
  });

  it('splits at paragraph boundaries first, packing paragraphs that fit together', () => {
    const a = 'First paragraph. It has two sentences.';
    const b = 'Second one.';
    const c = 'Third paragraph is here and rather long too.';
    const chunks = splitText(`${a}\n\n${b}\n\n${c}`, a.length + 2 + b.length);
    expect(chunks).toEqual([`${a}\n\n${b}`, c]);
  });

  it('splits a long paragraph at sentence boundaries', () => {
    const text = 'One sentence is here. Another sentence follows it! Is this the third? Yes, and a fourth.';
    const chunks = splitText(text, 50);
    expect(chunks).toEqual(['One sentence is here. Another sentence follows it!', 'Is this the third? Yes, and a fourth.']);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(50);
  });

  it('splits a long sentence at word boundaries and cuts an over-long word', () => {
    const text = `alpha beta gamma delta ${'x'.repeat(25)} omega`;
    const chunks = splitText(text, 10);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(10);
    expect(chunks.slice(0, 4)).toEqual(['alpha beta', 'gamma', 'delta', 'xxxxxxxxxx']);
    expect(chunks.join('')).toContain('omega');
    expect(chunks.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });

  it('never cuts a surrogate pair', () => {
    const text = '😀'.repeat(7);
    const chunks = splitText(text, 3);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(3);
      expect(c).not.toMatch(/[\uD800-\uDBFF]$/);
    }
    expect(chunks.join('')).toBe(text);
  });

  it('keeps every word, in order, within the limit on a large text', () => {
    const para = (n: number) => Array.from({ length: n }, (_, i) => `Sentence ${i} says something about item ${i}.`).join(' ');
    const text = [para(40), para(3), para(90)].join('\n\n');
    const chunks = splitText(text, 300);
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(300);
      expect(c).toBe(c.trim());
    }
    expect(words(chunks.join(' '))).toEqual(words(text));
  });

  it('rejects a limit below 1', () => {
    expect(() => splitText('abc', 0)).toThrow(RangeError);
  });
});
