import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.ts';
import { packText, plainArticle, textByteLength, textBytes } from '../../src/engine/packed-text.ts';
import type { Article } from '../../src/engine/types.ts';

const TEXT =
  'The river Lune burst its banks on Tuesday, flooding 200 homes in Kirkby’s old town. ' +
  'Repairs will cost €4 million, the mayor said — “a grim week”. 🌧️\n\nForecasters expect more rain on Thursday.';
const article = (): Article => ({ id: 'flood.txt', title: 'River floods northern town', text: TEXT, url: null, date: '2024-11-20', source: null, origin: 'flood.txt' });

describe('article texts kept deflated by the engine', () => {
  it('keeps the text of an article it indexes packed, read back exactly', () => {
    const engine = new Engine([article()]);
    const stored = engine.article('flood.txt')!;
    expect(Object.getOwnPropertyDescriptor(stored, 'text')?.get).toBeTypeOf('function');
    expect(stored.text).toBe(TEXT);
  });

  it('shows the text to every reader: spread, JSON and the structured clone of a worker reply', () => {
    const stored = packText(article());
    expect({ ...stored }.text).toBe(TEXT);
    expect(JSON.parse(JSON.stringify(stored)).text).toBe(TEXT);
    expect(structuredClone(stored)).toEqual(article());
    expect(Object.keys(stored)).toEqual(Object.keys(article()));
  });

  it('takes an assigned text as a plain property, and a plain copy holds a string', () => {
    const stored = packText(article());
    expect(Object.getOwnPropertyDescriptor(plainArticle(stored), 'text')?.value).toBe(TEXT);
    stored.text = 'Replaced.';
    expect(stored.text).toBe('Replaced.');
    expect(Object.getOwnPropertyDescriptor(stored, 'text')?.value).toBe('Replaced.');
  });

  it('answers from a packed article as from its text (an article added twice is packed again)', () => {
    const a = article();
    new Engine([a]);
    const engine = new Engine([a]);
    const reply = engine.ask('How much will the repairs cost?').answer;
    expect(reply.quote).toContain('€4 million');
    expect(engine.summarize('flood.txt').ok).toBe(true);
  });
});

describe('a packed text read for the persisted index', () => {
  it('gives its UTF-8 size and bytes without a string, and an assigned text once assigned', () => {
    const stored = packText(article());
    expect(textByteLength(stored)).toBe(Buffer.byteLength(TEXT, 'utf8'));
    expect(Buffer.from(textBytes(stored)).toString('utf8')).toBe(TEXT);
    stored.text = 'Now 12 bytes';
    expect(textByteLength(stored)).toBe(12);
    expect(Buffer.from(textBytes(stored)).toString('utf8')).toBe('Now 12 bytes');
  });
});
