import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.ts';
import type { Article } from '../../src/engine/types.ts';

const TOPICS = ['harbour bridge cables', 'rail strike talks', 'museum fire brigade', 'budget schools vote', 'river flood homes'];

function article(i: number, date: string | null): Article {
  return { id: `n${i}.txt`, title: `Report ${i}: ${TOPICS[i % 5]}`, text: `Report ${i} covers the ${TOPICS[i % 5]} story, number ${i * 7}.`, url: null, date, source: null, origin: `n${i}.txt` };
}

describe('engine orders kept sorted through single adds and removals', () => {
  it('lists newest first and windows by time exactly as a full re-sort would', () => {
    const day = (d: number) => `2024-11-${String(d).padStart(2, '0')}`;
    const engine = new Engine(Array.from({ length: 40 }, (_, i) => article(i, i % 9 === 0 ? null : day(1 + ((i * 7) % 28)))));
    for (let i = 40; i < 70; i++) engine.add([article(i, i % 11 === 0 ? null : `${day(1 + ((i * 5) % 28))}T${String(i % 24).padStart(2, '0')}:00:00Z`)]);
    engine.remove(['n3.txt', 'n44.txt', 'n0.txt']);
    engine.add([article(3, day(28))]); // back, newer
    const expected = engine
      .listArticles()
      .slice()
      .sort((a, b) => (a.date && b.date && a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.date && !b.date ? -1 : !a.date && b.date ? 1 : a.id < b.id ? -1 : 1));
    expect(engine.listArticles().map((a) => a.id)).toEqual(expected.map((a) => a.id));
    expect(engine.sources('', 3).map((a) => a.id)).toEqual(expected.slice(0, 3).map((a) => a.id));
    const since = new Date('2024-11-20T00:00:00Z');
    const inWindow = new Set(engine.listArticles().filter((a) => a.date !== null && Date.parse(a.date.length === 10 ? `${a.date}T00:00:00Z` : a.date) >= since.getTime()).map((a) => a.id));
    const briefed = new Set(engine.brief({ since, limit: 0 }).flatMap((s) => s.sources.map((x) => x.id)));
    expect(briefed).toEqual(inWindow);
    expect(inWindow.size).toBeGreaterThan(5);
  });
});
