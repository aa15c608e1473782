import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.ts';
import { rankMatches } from '../../src/engine/rank-matches.ts';
import type { Article } from '../../src/engine/types.ts';
import { renderText } from '../../adapters/console/render-text.ts';

const article = (id: string, title: string, text: string, date: string | null = null): Article => ({ id, title, text, url: null, date, source: null, origin: id });

const OTHERS: Article[] = [
  article('o1', 'Chelsea win the league', 'Chelsea won the Premiership title on Saturday with a 2-0 win at Bolton.'),
  article('o2', 'Oscar nominations announced', 'The Aviator leads the Oscar nominations with eleven, ahead of Finding Neverland.'),
  article('o3', 'Broadband take-up doubles', 'The number of homes with broadband doubled last year, the regulator said.'),
];

/** Three articles that match "Blair" equally well: same shape, other words. */
const TIED = (dates: (string | null)[]) => [
  article('speech', 'Blair speech on schools', 'Tony Blair spoke about schools and teachers in Leeds on Monday morning.', dates[0]),
  article('visit', 'Blair visit to hospital', 'Tony Blair went to a hospital and met nurses in Leeds on Monday morning.', dates[1]),
  article('pledge', 'Blair pledge on pensions', 'Tony Blair made promises about pensions and savers in Leeds on Monday morning.', dates[2]),
];

describe('summarize WORDS over several matches', () => {
  it('breaks a near-tie by the most recent article, whatever the order of loading', () => {
    const tied = TIED(['2005-03-01', '2005-03-04', '2005-03-02']);
    for (const order of [tied, [...tied].reverse()]) {
      const r = new Engine([...OTHERS, ...order]).summarize('Blair', 1);
      expect(r.ok && r.value.id).toBe('visit');
    }
  });

  it('breaks a near-tie among undated articles by the most central one', () => {
    // "hub" shares its words with both others, which share little with each other
    const spokes = [
      article('left', 'Blair on river floods', 'Tony Blair said the river floods in Kirkby needed a new barrier and more money for the town.'),
      article('z-hub', 'Blair on floods and rail', 'Tony Blair said the river floods in Kirkby and the rail strike both needed more money for the town.'),
      article('right', 'Blair on rail strike', 'Tony Blair said the rail strike in Kirkby needed talks with the unions and more money for the town.'),
    ];
    for (const order of [spokes, [...spokes].reverse()]) {
      const r = new Engine([...OTHERS, ...order]).summarize('Blair', 1);
      expect(r.ok && r.value.id).toBe('z-hub');
    }
  });

  it('prefers a clearly better match to a newer, weaker one', () => {
    const r = new Engine([
      ...OTHERS,
      article('titled', 'Blair defends budget', 'The prime minister defended the budget. Blair said it was fair to savers and Blair said so again.', '2005-01-01'),
      article('mention', 'Budget debate continues', 'MPs debated the budget for a third day. The opposition attacked it, and one MP quoted Blair.', '2005-06-01'),
    ]).summarize('Blair defends', 1);
    expect(r.ok && r.value.id).toBe('titled');
  });

  it('returns up to 4 other matches, best first, without the chosen one or copies of it', () => {
    const many = [
      ...TIED(['2005-03-01', '2005-03-04', '2005-03-02']),
      article('visit-copy', 'Blair visit to hospital', 'Tony Blair went to a hospital and met nurses in Leeds on Monday morning.', '2005-03-04'),
      article('b4', 'Blair meets farmers', 'Tony Blair met farmers in Devon.', '2005-02-01'),
      article('b5', 'Blair meets bankers', 'Tony Blair met bankers in London.', '2005-02-02'),
    ];
    const r = new Engine([...OTHERS, ...many]).summarize('Blair', 1);
    if (!r.ok) throw new Error(r.error.message);
    const chosen = r.value.id;
    const also = r.value.alsoMatching ?? [];
    expect(also).toHaveLength(4);
    expect(also.map((m) => m.id)).not.toContain(chosen);
    expect(also.map((m) => m.title)).not.toContain('Blair visit to hospital');
    expect(also[0]).toEqual({ id: 'pledge', title: 'Blair pledge on pensions', date: '2005-03-02' });
  });

  it('names no other match for an id, or when the words match one article', () => {
    const engine = new Engine([...OTHERS, ...TIED([null, null, null])]);
    const byId = engine.summarize('speech', 1);
    expect(byId.ok && byId.value.alsoMatching).toBeUndefined();
    const one = engine.summarize('Chelsea', 1);
    expect(one.ok && one.value.id).toBe('o1');
    expect(one.ok && one.value.alsoMatching).toBeUndefined();
  });

  it('shows the other matches as one plain line in the console', () => {
    const r = new Engine([...OTHERS, ...TIED(['2005-03-01', '2005-03-04', '2005-03-02'])]).summarize('Blair', 1);
    if (!r.ok) throw new Error(r.error.message);
    const text = renderText({ kind: 'summary', summary: r.value, url: null, date: '2005-03-04' }, 200);
    expect(text.split('\n').at(-1)).toBe('Also matching: Blair pledge on pensions (2005-03-02) [pledge]; Blair speech on schools (2005-03-01) [speech]');
  });
});

describe('rankMatches', () => {
  const m = (entry: string, quality: number, time: number) => ({ entry, quality, time, id: entry });

  it('orders near-ties by date (undated last), then centrality, and the rest by quality', () => {
    const order = rankMatches([m('weak-new', 0.5, 900), m('a', 1, 100), m('b', 0.95, 200), m('undated', 0.99, NaN), m('c', 0.92, 200)], (entries) =>
      entries.map((e) => (e === 'c' ? 2 : 1)),
    );
    expect(order).toEqual(['c', 'b', 'a', 'undated', 'weak-new']);
  });

  it('gives nothing for no matches', () => {
    expect(rankMatches([], () => [])).toEqual([]);
  });
});
