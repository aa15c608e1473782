// The deterministic scale corpus: articles recombined from ../shared/eval paragraphs, with the 203
// SQuAD paragraphs inserted as articles of their own (ids `title#paragraph_index`, as in `npm run bench`).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { evalFiles, loadQa, loadSummarization, type QaRow } from '../eval-data.ts';
import { prng } from '../../tests/support/seeded-random.ts';

/** The corpus's newest instant; dates spread over the 90 days before it. */
export const CORPUS_END = Date.UTC(2025, 0, 1);
export const CORPUS_DAYS = 90;
const ARTICLES_PER_FILE = 5000;

export interface ScaleArticle {
  id: string;
  title: string;
  text: string;
  date: string;
  source: string;
  url: null;
}

export interface Pools {
  paragraphs: string[];
  titles: string[];
  squad: QaRow[];
}

/** Paragraphs (BBC, CNN/DM, XSum) and headlines (BBC titles, CNN/DM first sentences) to recombine. */
export function readPools(evalDir: string): Pools {
  const files = evalFiles(evalDir);
  const paragraphs: string[] = [];
  const titles: string[] = [];
  for (const file of [files.bbcSummaries, files.cnndm, files.xsum]) {
    for (const row of loadSummarization(file)) {
      if (row.title) titles.push(row.title.trim());
      for (const p of row.text.split(/\n\s*\n|\n/)) {
        const t = p.replace(/\s+/g, ' ').trim();
        if (t.split(' ').length >= 8) paragraphs.push(t);
      }
    }
  }
  return { paragraphs, titles, squad: loadQa(files.squad) };
}

/** The distinct SQuAD paragraphs as articles, ids as the QA bench names them. */
export function squadArticles(squad: readonly QaRow[]): { id: string; title: string; text: string }[] {
  const seen = new Map<string, { id: string; title: string; text: string }>();
  for (const q of squad) {
    const id = `${q.title}#${q.paragraphIndex}`;
    if (!seen.has(id)) seen.set(id, { id, title: q.title.replace(/_/g, ' '), text: q.context });
  }
  return [...seen.values()];
}

/** `size` articles (the SQuAD paragraphs among them), deterministic for a given size. */
export function* scaleArticles(pools: Pools, size: number): Generator<ScaleArticle> {
  const rand = prng(0x5ca1e + size);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const dateOf = () => new Date(CORPUS_END - Math.floor(rand() * CORPUS_DAYS * 86_400_000)).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const squad = squadArticles(pools.squad);
  // the SQuAD paragraphs sit at even intervals through the corpus
  const every = Math.max(1, Math.floor(size / Math.max(1, squad.length)));
  let s = 0;
  for (let i = 0; i < size; i++) {
    if (s < squad.length && (i % every === 0 || size - i <= squad.length - s)) {
      const q = squad[s++]!;
      yield { id: q.id, title: q.title, text: q.text, date: dateOf(), source: 'wikipedia', url: null };
      continue;
    }
    const count = 3 + Math.floor(rand() * 6);
    const body: string[] = [];
    for (let k = 0; k < count; k++) body.push(pick(pools.paragraphs));
    yield {
      id: `scale-${size}-${String(i).padStart(6, '0')}`,
      title: pick(pools.titles),
      text: body.join('\n\n'),
      date: dateOf(),
      source: `wire-${1 + Math.floor(rand() * 20)}`,
      url: null,
    };
  }
}

/** Writes the corpus as JSONL files of 5,000 articles; returns the number of files. */
export function writeScaleCorpus(pools: Pools, size: number, dir: string): number {
  mkdirSync(dir, { recursive: true });
  let lines: string[] = [];
  let files = 0;
  const flush = () => {
    if (!lines.length) return;
    files++;
    writeFileSync(path.join(dir, `part-${String(files).padStart(4, '0')}.jsonl`), lines.join('\n') + '\n');
    lines = [];
  };
  for (const a of scaleArticles(pools, size)) {
    lines.push(JSON.stringify(a));
    if (lines.length >= ARTICLES_PER_FILE) flush();
  }
  flush();
  return files;
}
