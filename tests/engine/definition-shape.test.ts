import { describe, expect, it } from 'vitest';
import { plainArticle as art } from '../support/plain-article.ts';
import { Engine } from '../../src/engine/engine.ts';

describe('"what is X" prefers a sentence that defines X', () => {
  const engine = new Engine([
    art('s1', 'Search sites get closer to users', 'In the latest release of Larkfind, the company has added what it calls smart folders. Larkfind is desktop search software that watches what someone is working on. Larkfind, a small firm, has offices in Leeds.'),
    art('s2', 'Harbour reopens', 'The harbour at Marlow reopened on Friday after repairs.'),
  ]);

  it('quotes "X is …" over a sentence that only mentions X', () => {
    expect(engine.ask('what is larkfind').answer.quote).toBe('Larkfind is desktop search software that watches what someone is working on.');
  });

  it('takes no clause subject after a comma for an apposition', () => {
    expect(engine.ask('what is larkfind').answer.quote).not.toContain('the company has added');
  });
});
