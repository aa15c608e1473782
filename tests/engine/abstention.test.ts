import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.ts';
import { plainArticle as article } from '../support/plain-article.ts';


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

describe('a question naming a year the quoted article never mentions', () => {
  const engine = new Engine([
    article(
      'election.txt',
      'Campaign enters final week',
      'The candidates held their last televised debate on Tuesday before the 2005 presidential election. Polls gave the governor a narrow lead over the senator. Turnout in the presidential election is expected to be high.',
    ),
  ]);

  it('is answered when the article tells of that year', () => {
    expect(engine.ask('When was the last debate before the 2005 presidential election?').answer.answer).not.toBeNull();
  });

  it('is not answered from an article about another time: the corpus does not say', () => {
    expect(engine.ask('Who won the 2016 presidential election?').answer.answer).toBeNull();
  });

  it('reads a range by its first year, which a text may shorten ("1973-74")', () => {
    const missions = new Engine([
      article('skylab.txt', 'Skylab', 'Skylab hosted three crewed missions in 1973–74, each longer than the last.'),
      article('harrow.txt', 'Council opens leisure centre', 'The council opened a new leisure centre in Harrow in 2019.'),
    ]);
    expect(missions.ask('What station hosted three crewed missions in 1973-1974?').answer.answer).not.toBeNull();
  });
});
