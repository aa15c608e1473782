import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.ts';
import type { Article, Story } from '../../src/engine/types.ts';
import { terms } from '../../src/engine/text.ts';
import { renderText } from '../../adapters/console/render-text.ts';
import { copiesNote, moreNote, storyLines } from '../../adapters/shared/story-lines.ts';

const article = (id: string, title: string, text: string, date: string | null): Article => ({ id, title, text, url: null, date, source: null, origin: id });

/** Unrelated articles, so that the shared words of a story weigh as they would in a corpus. */
const FILLER: Article[] = [
  article('f1', 'Chelsea win the league', 'Chelsea won the Premiership title on Saturday with a 2-0 win at Bolton. Frank Lampard scored both goals for the London club.', null),
  article('f2', 'Oscar nominations announced', 'The Aviator leads the Oscar nominations with eleven, ahead of Finding Neverland. The ceremony takes place in Los Angeles next month.', null),
  article('f3', 'Broadband take-up doubles', 'The number of homes with broadband doubled last year, the regulator said. Cheaper packages and faster lines drew new users.', null),
  article('f4', 'Minister resigns over visa row', 'The home secretary resigned on Wednesday after an inquiry into a fast-tracked visa application. He denied any wrongdoing.', null),
  article('f5', 'Oil price hits record', 'Crude oil rose above 55 dollars a barrel on fears of supply shortages in winter. Analysts expect prices to stay high.', null),
];

const BASE =
  "Singapore's economy grew 8.1% in 2004, the government said on Monday. Growth was driven by electronics exports and biomedical manufacturing. " +
  'Officials expect growth of 3% to 5% in 2005 as demand for electronics slows. The city state was hit hard by the Sars virus in 2003, when its economy grew by 1.4%. ' +
  'Tourism recovered strongly last year, with visitor arrivals up by almost half. Construction, however, shrank for a seventh year in a row.';

const SAGA: Article[] = [
  article('sg-1', 'Singapore growth at 8.1% in 2004', BASE, '2005-01-03'),
  article('sg-1-copy', 'Singapore growth at 8.1% in 2004', BASE, '2005-01-03'),
  article('sg-1-edit', 'Singapore economy grows 8.1% in 2004', BASE.replace('the government said', 'the trade ministry said'), '2005-01-02'),
  article(
    'sg-2',
    'Singapore raises its 2005 growth forecast',
    "Singapore raised its 2005 growth forecast on Friday. The trade ministry now expects growth of 4% to 6% in 2005, up from 3% to 5%, as demand for electronics holds up. The economy grew 8.1% in 2004, driven by electronics exports and biomedical manufacturing. " +
      'The city state was hit hard by the Sars virus in 2003. Tourism recovered strongly last year, and the construction industry is expected to stop shrinking.',
    '2005-02-18',
  ),
];

function storyOf(stories: Story[], id: string): Story {
  const found = stories.find((s) => s.sources.some((x) => x.id === id));
  if (!found) throw new Error(`no story holds ${id}`);
  return found;
}

describe('stories: copies folded, headline, summary', () => {
  it('folds exact and near copies into one source line that counts them, and keeps every article a source', () => {
    const story = storyOf(new Engine([...FILLER, ...SAGA]).brief({ limit: 0 }), 'sg-1');
    expect(story.sources.map((s) => s.id).sort()).toEqual(['sg-1', 'sg-1-copy', 'sg-1-edit', 'sg-2']);
    const lines = story.distinctSources ?? [];
    expect(lines.map((l) => l.id)).toEqual(['sg-2', expect.stringMatching(/^sg-1/)]);
    expect(lines[1]!.copies).toBe(2);
    expect([lines[1]!.id, ...lines[1]!.copyIds].sort()).toEqual(['sg-1', 'sg-1-copy', 'sg-1-edit']);
    const text = renderText({ kind: 'stories', title: 'Brief', stories: [story], empty: '' });
    expect(text.match(/Singapore growth at 8\.1% in 2004/g)).toHaveLength(1);
    expect(text).toContain('+2 copies');
  });

  it('takes the headline from the most recent article', () => {
    const story = storyOf(new Engine([...FILLER, ...SAGA]).brief({ limit: 0 }), 'sg-1');
    expect(story.headline).toBe('Singapore raises its 2005 growth forecast');
  });

  it('on a tie of dates takes the headline from the most central article', () => {
    // "middle" shares its words with both others; "left" and "right" share less with each other
    const left = article('left', 'Flood barrier approved', 'The council approved a flood barrier for the river town of Kirkby. Engineers will raise the river wall by two metres. Residents welcomed the flood barrier plan.', null);
    const middle = article('middle', 'Kirkby flood barrier to cost 40m', 'The council approved a flood barrier for the river town of Kirkby, at a cost of 40m pounds. Engineers will raise the river wall by two metres. Work on the flood barrier starts in spring and the cost is shared with the government.', null);
    const right = article('right', 'Kirkby barrier work starts in spring', 'Work on the Kirkby flood barrier starts in spring, the council said, at a cost of 40m pounds. The cost is shared with the government. The river town flooded twice last winter.', null);
    for (const order of [[left, middle, right], [right, left, middle], [middle, right, left]]) {
      const story = storyOf(new Engine([...FILLER, ...order]).brief({ limit: 0 }), 'middle');
      expect(story.sources).toHaveLength(3);
      expect(story.headline).toBe('Kirkby flood barrier to cost 40m');
    }
  });

  it('draws the summary from several articles, newest first, without repeating a sentence or the headline', () => {
    const story = storyOf(new Engine([...FILLER, ...SAGA]).brief({ limit: 0 }), 'sg-1');
    expect(story.summary.length).toBeGreaterThanOrEqual(2);
    // the newest development leads
    expect(story.summary[0]).toMatch(/raised its 2005 growth forecast|now expects growth of 4% to 6%/);
    // something of the older article too
    expect(story.summary.some((s) => SAGA[0]!.text.includes(s))).toBe(true);
    const sets = story.summary.map((s) => new Set(terms(s)));
    for (let i = 0; i < sets.length; i++) {
      for (let j = i + 1; j < sets.length; j++) {
        const [a, b] = sets[i]!.size <= sets[j]!.size ? [sets[i]!, sets[j]!] : [sets[j]!, sets[i]!];
        const shared = [...a].filter((t) => b.has(t)).length;
        expect(shared / a.size).toBeLessThan(0.7);
      }
    }
    expect(story.summary.map((s) => s.toLowerCase())).not.toContain(story.headline.toLowerCase());
  });

  it('never repeats a sentence that several retellings share', () => {
    const shared = 'The central bank left its main interest rate at 4.75% for a sixth month.';
    const retellings = [
      article('r1', 'Rates held at 4.75%', `${shared} Economists had expected no change.`, '2005-03-01'),
      article('r2', 'Bank holds rates again', `${shared} Economists had expected no change. The pound rose slightly after the decision.`, '2005-03-02'),
      article('r3', 'Rates on hold as pound rises', `${shared} The pound rose slightly after the decision. Exporters said the strong pound hurt sales.`, '2005-03-03'),
    ];
    const story = storyOf(new Engine([...FILLER, ...retellings]).brief({ limit: 0 }), 'r1');
    expect(story.sources).toHaveLength(3);
    expect(story.summary.filter((s) => s === shared).length).toBeLessThanOrEqual(1);
    expect(new Set(story.summary).size).toBe(story.summary.length);
  });
});

describe('story source lines', () => {
  const src = (i: number, date: string | null = null) => ({ id: `a${i}`, title: `Article ${i}`, url: null, date });

  it('shows at most 5 lines, then "and N more"', () => {
    const story: Story = {
      headline: 'Saga',
      summary: ['It goes on.'],
      sources: Array.from({ length: 14 }, (_, i) => src(i)),
      distinctSources: Array.from({ length: 8 }, (_, i) => ({ ...src(i), copies: i === 0 ? 6 : 0, copyIds: i === 0 ? ['a8', 'a9', 'a10', 'a11', 'a12', 'a13'] : [] })),
    };
    const { lines, more } = storyLines(story);
    expect(lines.map((l) => l.id)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
    expect(more).toBe(3);
    const text = renderText({ kind: 'stories', title: 'Brief', stories: [story], empty: '' });
    expect(text).toContain('[1] Article 0 +6 copies');
    expect(text).toContain('[5] Article 4');
    expect(text).not.toContain('Article 5');
    expect(text).toContain('and 3 more');
  });

  it('falls back to every source as its own line for a story without folded lines', () => {
    const story: Story = { headline: 'Old', summary: [], sources: [src(1), src(2)] };
    expect(storyLines(story)).toEqual({ lines: [{ ...src(1), copies: 0, copyIds: [] }, { ...src(2), copies: 0, copyIds: [] }], more: 0 });
  });

  it('words the notes', () => {
    expect([copiesNote(0), copiesNote(1), copiesNote(2)]).toEqual(['', '+1 copy', '+2 copies']);
    expect([moreNote(0), moreNote(4)]).toEqual(['', 'and 4 more']);
  });
});
