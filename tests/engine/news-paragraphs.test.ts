import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.ts';
import { plainArticle } from '../support/plain-article.ts';

// News prints one sentence per paragraph: the sentence after a lead that restates the question is in the next paragraph
const text = [
  'Singer Amy Lane is to play a small gig in Leeds, following a show on the River Aire.',
  'She performed on board a moored barge on Friday night.',
  'Tickets for the Leeds gig sold out within minutes.',
].join('\n\n');

describe('a typed question over one-sentence paragraphs', () => {
  it('quotes the next paragraph too when the chosen sentence holds nothing of the asked type', () => {
    const engine = new Engine([
      plainArticle('lane.txt', 'Amy Lane to play Leeds gig', text),
      plainArticle('other.txt', 'Budget plans', 'The chancellor set out his budget plans in the Commons.'),
    ]);
    const reply = engine.ask('when did amy lane play a show on the river aire').answer;
    expect(reply.quote).toContain('Friday');
  });
});

describe('a why-question whose chosen sentence tells no cause', () => {
  it('quotes the neighbouring sentence that does', () => {
    const engine = new Engine([
      plainArticle('bakery.txt', 'Bakery to shut', 'The bakery on Mill Lane will close its doors next month.\n\nIts owners are leaving because the rent has doubled since the spring.'),
      plainArticle('other.txt', 'Budget plans', 'The chancellor set out his budget plans in the Commons.'),
    ]);
    const reply = engine.ask('why will the mill lane bakery close its doors').answer;
    expect(reply.quote).toContain('rent has doubled');
  });
});
