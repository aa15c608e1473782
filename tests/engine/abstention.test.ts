import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.ts';
import type { Article } from '../../src/engine/types.ts';

const article = (id: string, title: string, text: string): Article => ({ id, title, text, date: null, url: null, source: null, origin: id });

describe('a question naming something the corpus does not mention', () => {
  const engine = new Engine([
    article('harrow.txt', 'Council opens leisure centre', 'The council opened a new leisure centre in Harrow in 2019. Its programme of evening classes starts in March.'),
    article('market.txt', 'Market news', 'Shares rose on Monday after the central bank held interest rates. Traders expect a cut in the spring.'),
  ]);

  it('is answered when the name is beside the answer', () => {
    expect(engine.ask('When did the council in Harrow open a leisure centre?').answer.answer).toBe('2019');
  });

  it('is not answered from an article about another place: the corpus does not say', () => {
    const { answer } = engine.ask('When did the council in Leeds open a leisure centre?');
    expect(answer.answer).toBeNull();
    expect(answer.sources).toEqual([]);
  });
});
