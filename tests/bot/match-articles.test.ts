import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.ts';
import type { Article } from '../../src/engine/types.ts';
import { matchArticles } from '../../src/bot/match-articles.ts';

const article = (id: string, title: string, text: string): Article => ({ id, title, text, url: null, date: null, source: null, origin: 'test' });
const engine = new Engine([
  article('a', 'Apple unveils low-cost Mac mini', 'Apple has unveiled a low-cost Mac mini computer. The Mac mini costs $499.'),
  article('a2', 'Apple unveils low-cost Mac mini', 'Apple has unveiled a low-cost Mac mini computer. The Mac mini costs $499 in the US.'),
  article('b', 'Mac mini heralds a revolution', 'The Mac mini could start a small computer revolution, analysts say of the Mac mini.'),
  article('c', 'Mac mini gets warm welcome', 'Reviewers have welcomed the Mac mini computer from Apple.'),
  article('d', 'Oil prices rise', 'Crude oil prices rose again on Thursday.'),
]);

describe('matchArticles', () => {
  it('names the best match and the next ones, one article per title', () => {
    const m = matchArticles(engine, 'mac mini');
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    const ids = [m.value.best.id, ...m.value.also.map((a) => a.id)];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain('d');
    expect(ids.filter((id) => id === 'a' || id === 'a2')).toHaveLength(1);
    expect(m.value.also.length).toBeGreaterThanOrEqual(2);
  });

  it('returns the not-found failure as a value', () => {
    const m = matchArticles(engine, 'zebra crossings');
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.error.code).toBe('not_found');
  });

  it('lists nothing more when asked for none', () => {
    const m = matchArticles(engine, 'oil prices', 0);
    expect(m.ok && m.value.also).toEqual([]);
  });
});
