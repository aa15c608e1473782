import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.ts';
import { plainArticle as article } from '../support/plain-article.ts';

const CLUSTERING = fileURLToPath(new URL('../../../shared/eval/bbc-news-summary/clustering.jsonl', import.meta.url));
const present = existsSync(CLUSTERING);
if (!present) console.warn(`stories test: ${CLUSTERING} not found — skipping the BBC near-duplicate test`);

interface Row {
  id: string;
  title: string;
  text: string;
  label: string;
}

/** A deterministic light edit: swap a few words for synonyms-like stand-ins and drop a sentence. */
function lightlyEdit(text: string, seed: number): string {
  const sentences = text.split(/(?<=[.!?])\s+/);
  const dropped = sentences.length > 4 ? sentences.filter((_, i) => i !== 1 + (seed % (sentences.length - 2))) : sentences;
  return dropped
    .join(' ')
    .replace(/\bsaid\b/g, 'stated')
    .replace(/\bthe\b/g, (m, offset: number) => (offset % 7 === seed % 7 ? 'this' : m))
    .replace(/(\d+)/, (n) => String(Number(n) + 1));
}

describe.skipIf(!present)('stories on BBC articles', () => {
  it('merges lightly edited copies into the story of their original', () => {
    const rows = readFileSync(CLUSTERING, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Row);
    // Every 20th article of each topic, so the test stays small but spans all topics
    const picked = rows.filter((_, i) => i % 20 === 0);
    const originals = picked.map((r) => article(r.id, r.title, r.text));
    const copies = picked.map((r, i) => article(`${r.id}-edited`, r.title, lightlyEdit(r.text, i)));
    const stories = new Engine([...originals, ...copies]).brief({ limit: 0 });
    const storyOf = new Map<string, number>();
    stories.forEach((s, i) => s.sources.forEach((src) => storyOf.set(src.id, i)));
    const split = picked.filter((r) => storyOf.get(r.id) !== storyOf.get(`${r.id}-edited`));
    expect(split.map((r) => r.id)).toEqual([]);
    // Merging everything would also pass the check above: distinct articles must stay apart
    expect(stories.length).toBeGreaterThan(picked.length * 0.8);
  });
});
