import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { listFreshBatches, loadNewsCorpus, loadNewsQa, NEWS_QA_FRESH_FILE, NEWS_QA_FRESH_LABEL, sameArticleTest, scoreNewsQa, supportsAnswer, type NewsQaItem, type NewsQaReply } from '../../bench/news-qa.ts';
import { loadOutOfScope } from '../../bench/out-of-scope.ts';

const BBC = fileURLToPath(new URL('../../../shared/eval/bbc-news-summary/summarization.jsonl', import.meta.url));
const present = existsSync(BBC);
if (!present) console.warn(`news QA set test: ${BBC} not found — skipping the check of answers against the articles`);

const items = loadNewsQa();

describe('the news QA dev set (bench/news-qa.jsonl)', () => {
  it('has at least 150 questions, 30 of them unanswerable, over every question type', () => {
    expect(items.length).toBeGreaterThanOrEqual(150);
    expect(items.filter((q) => !q.answerable).length).toBeGreaterThanOrEqual(30);
    const types = new Set(items.filter((q) => q.answerable).map((q) => q.type));
    for (const t of ['who', 'what', 'when', 'where', 'how many', 'how much', 'why']) expect(types).toContain(t);
  });

  it('holds questions and answers only, no article text', () => {
    for (const q of items) {
      expect(q.question.length, q.id).toBeLessThan(200);
      for (const a of q.answers) expect(a.length, q.id).toBeLessThan(150);
    }
  });
});

describe.skipIf(!present)('the news QA dev set against its corpus', () => {
  it('names articles the engine loads, and every expected answer is in its article verbatim', async () => {
    const articles = await loadNewsCorpus(BBC);
    const byId = new Map(articles.map((a) => [a.id, a]));
    const problems: string[] = [];
    for (const q of items.filter((x) => x.answerable)) {
      const article = q.article === null ? undefined : byId.get(q.article);
      if (!article) {
        problems.push(`${q.id}: no article ${q.article}`);
        continue;
      }
      const text = article.text.toLowerCase();
      for (const a of q.answers) if (!text.includes(a.toLowerCase())) problems.push(`${q.id}: "${a}" not in ${q.article}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('the fresh batch (bench/news-qa-fresh.jsonl)', () => {
  const fresh = loadNewsQa(NEWS_QA_FRESH_FILE);
  const key = (q: string) => q.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

  it('has 60 questions, 20 unanswerable, none of them a question of the dev set', () => {
    expect(fresh.length).toBe(60);
    expect(fresh.filter((q) => !q.answerable).length).toBe(20);
    const old = new Set(items.map((q) => key(q.question)));
    expect(fresh.filter((q) => old.has(key(q.question))).map((q) => q.id)).toEqual([]);
  });

  it.skipIf(!present)('names articles the engine loads, and every expected answer is in its article verbatim', async () => {
    const byId = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a]));
    const problems: string[] = [];
    for (const q of fresh.filter((x) => x.answerable)) {
      const text = (q.article === null ? undefined : byId.get(q.article))?.text.toLowerCase();
      if (text === undefined) problems.push(`${q.id}: no article ${q.article}`);
      else for (const a of q.answers) if (!text.includes(a.toLowerCase())) problems.push(`${q.id}: "${a}" not in ${q.article}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('the fresh batches (bench/news-qa-fresh*.jsonl)', () => {
  const batches = listFreshBatches();
  const key = (q: string) => q.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const batch2 = batches.find((b) => b.key === 'fresh2');
  const fresh2 = batch2 ? loadNewsQa(batch2.file) : [];
  const batch3 = batches.find((b) => b.key === 'fresh3');
  const fresh3 = batch3 ? loadNewsQa(batch3.file) : [];
  const batch4 = batches.find((b) => b.key === 'fresh4');
  const fresh4 = batch4 ? loadNewsQa(batch4.file) : [];
  const batch5 = batches.find((b) => b.key === 'fresh5');
  const fresh5 = batch5 ? loadNewsQa(batch5.file) : [];
  const batch6 = batches.find((b) => b.key === 'fresh6');
  const fresh6 = batch6 ? loadNewsQa(batch6.file) : [];
  const batch7 = batches.find((b) => b.key === 'fresh7');
  const fresh7 = batch7 ? loadNewsQa(batch7.file) : [];
  const batch8 = batches.find((b) => b.key === 'fresh8');
  const fresh8 = batch8 ? loadNewsQa(batch8.file) : [];
  const batch9 = batches.find((b) => b.key === 'fresh9');
  const fresh9 = batch9 ? loadNewsQa(batch9.file) : [];
  const batch10 = batches.find((b) => b.key === 'fresh10');
  const fresh10 = batch10 ? loadNewsQa(batch10.file) : [];
  const batch11 = batches.find((b) => b.key === 'fresh11');
  const fresh11 = batch11 ? loadNewsQa(batch11.file) : [];
  const batch12 = batches.find((b) => b.key === 'fresh12');
  const fresh12 = batch12 ? loadNewsQa(batch12.file) : [];
  const batch13 = batches.find((b) => b.key === 'fresh13');
  const fresh13 = batch13 ? loadNewsQa(batch13.file) : [];
  const batch14 = batches.find((b) => b.key === 'fresh14');
  const fresh14 = batch14 ? loadNewsQa(batch14.file) : [];
  const batch15 = batches.find((b) => b.key === 'fresh15');
  const fresh15 = batch15 ? loadNewsQa(batch15.file) : [];
  const batch16 = batches.find((b) => b.key === 'fresh16');
  const fresh16 = batch16 ? loadNewsQa(batch16.file) : [];
  const batch17 = batches.find((b) => b.key === 'fresh17');
  const fresh17 = batch17 ? loadNewsQa(batch17.file) : [];
  const batch18 = batches.find((b) => b.key === 'fresh18');
  const fresh18 = batch18 ? loadNewsQa(batch18.file) : [];
  const batch19 = batches.find((b) => b.key === 'fresh19');
  const fresh19 = batch19 ? loadNewsQa(batch19.file) : [];
  const batch20 = batches.find((b) => b.key === 'fresh20');
  const fresh20 = batch20 ? loadNewsQa(batch20.file) : [];
  const batch21 = batches.find((b) => b.key === 'fresh21');
  const fresh21 = batch21 ? loadNewsQa(batch21.file) : [];
  const batch22 = batches.find((b) => b.key === 'fresh22');
  const fresh22 = batch22 ? loadNewsQa(batch22.file) : [];
  const batch23 = batches.find((b) => b.key === 'fresh23');
  const fresh23 = batch23 ? loadNewsQa(batch23.file) : [];
  const batch24 = batches.find((b) => b.key === 'fresh24');
  const fresh24 = batch24 ? loadNewsQa(batch24.file) : [];

  it('lists batch 1 then batch 2, each with its own label; batch 1 keeps its results.json key', () => {
    expect(batches.map((b) => b.key).slice(0, 2)).toEqual(['fresh', 'fresh2']);
    expect(batches[0]).toMatchObject({ key: 'fresh', name: 'fresh batch', label: NEWS_QA_FRESH_LABEL, file: NEWS_QA_FRESH_FILE });
    expect(batches[1]?.name).toBe('fresh batch 2');
    expect(batches[1]?.label).toBe("fresh batch 2 (written 2026-12-04 04:10–05:20 UTC, blind until the lead's final run)");
  });

  it('lists batches 1, 2 and 3 in order, batch 3 with its own label and notes', () => {
    expect(batches.map((b) => b.key).slice(0, 3)).toEqual(['fresh', 'fresh2', 'fresh3']);
    expect(batches[2]).toMatchObject({
      name: 'fresh batch 3',
      label: "fresh batch 3 (written 2026-12-04 06:55–07:55 UTC, blind until the lead's final run)",
      notes: 'bench/notes/fresh3.md',
    });
  });

  it('lists batches 1–4 in order, batch 4 with its own label and notes', () => {
    expect(batches.map((b) => b.key).slice(0, 4)).toEqual(['fresh', 'fresh2', 'fresh3', 'fresh4']);
    expect(batches[3]).toMatchObject({
      name: 'fresh batch 4',
      label: "fresh batch 4 (written 2026-12-04 09:45–10:45 UTC, blind until the lead's final run)",
      notes: 'bench/notes/fresh4.md',
      file: expect.stringMatching(/news-qa-fresh4\.jsonl$/),
    });
  });

  it('lists batches 1–5 in order, batch 5 with its own label and notes', () => {
    expect(batches.map((b) => b.key).slice(0, 5)).toEqual(['fresh', 'fresh2', 'fresh3', 'fresh4', 'fresh5']);
    expect(batches[4]).toMatchObject({
      name: 'fresh batch 5',
      label: "fresh batch 5 (written 2026-12-04 13:29–13:45 UTC, blind until the lead's final run)",
      notes: 'bench/notes/fresh5.md',
      file: expect.stringMatching(/news-qa-fresh5\.jsonl$/),
    });
  });

  it('lists batches 1–6 in order, batch 6 with its own label and notes', () => {
    expect(batches.map((b) => b.key).slice(0, 6)).toEqual(['fresh', 'fresh2', 'fresh3', 'fresh4', 'fresh5', 'fresh6']);
    expect(batches[5]).toMatchObject({
      name: 'fresh batch 6',
      label: "fresh batch 6 (written 2026-12-04 15:53–16:03 UTC, blind until the lead's final run)",
      notes: 'bench/notes/fresh6.md',
      file: expect.stringMatching(/news-qa-fresh6\.jsonl$/),
    });
  });

  it('lists batches 1–7 in order, batch 7 with its own label and notes', () => {
    expect(batches.map((b) => b.key).slice(0, 7)).toEqual(['fresh', 'fresh2', 'fresh3', 'fresh4', 'fresh5', 'fresh6', 'fresh7']);
    expect(batches[6]).toMatchObject({
      name: 'fresh batch 7',
      label: "fresh batch 7 (written 2026-12-04 18:27–18:35 UTC, blind until the lead's final run)",
      notes: 'bench/notes/fresh7.md',
      file: expect.stringMatching(/news-qa-fresh7\.jsonl$/),
    });
  });

  it('lists batches 1–8 in order, batch 8 with its own label and notes', () => {
    expect(batches.map((b) => b.key).slice(0, 8)).toEqual(['fresh', 'fresh2', 'fresh3', 'fresh4', 'fresh5', 'fresh6', 'fresh7', 'fresh8']);
    expect(batches[7]).toMatchObject({
      name: 'fresh batch 8',
      label: "fresh batch 8 (written 2026-12-04 20:52–21:05 UTC, blind until the lead's final run)",
      notes: 'bench/notes/fresh8.md',
      file: expect.stringMatching(/news-qa-fresh8\.jsonl$/),
    });
  });

  it('lists batches 1–9 in order, batch 9 with its own label and notes', () => {
    expect(batches.map((b) => b.key).slice(0, 9)).toEqual(['fresh', 'fresh2', 'fresh3', 'fresh4', 'fresh5', 'fresh6', 'fresh7', 'fresh8', 'fresh9']);
    expect(batches[8]).toMatchObject({
      name: 'fresh batch 9',
      label: "fresh batch 9 (written 2026-12-04/05 23:03–23:12 UTC, blind until the lead's final run)",
      notes: 'bench/notes/fresh9.md',
      file: expect.stringMatching(/news-qa-fresh9\.jsonl$/),
    });
  });

  it('lists batches 1–10 in order, batch 10 after batch 9 (by number, not by name) with its own label and notes', () => {
    expect(batches.map((b) => b.key).slice(0, 10)).toEqual(['fresh', 'fresh2', 'fresh3', 'fresh4', 'fresh5', 'fresh6', 'fresh7', 'fresh8', 'fresh9', 'fresh10']);
    expect(batches[9]).toMatchObject({
      name: 'fresh batch 10',
      label: "fresh batch 10 (written 2026-12-05 01:34–01:41 UTC, blind until the lead's final run)",
      notes: 'bench/notes/fresh10.md',
      file: expect.stringMatching(/news-qa-fresh10\.jsonl$/),
    });
  });

  it('lists batches 1–11 in order, batch 11 after batch 10 with its own label and notes', () => {
    expect(batches.map((b) => b.key).slice(0, 11)).toEqual(['fresh', 'fresh2', 'fresh3', 'fresh4', 'fresh5', 'fresh6', 'fresh7', 'fresh8', 'fresh9', 'fresh10', 'fresh11']);
    expect(batches[10]).toMatchObject({
      name: 'fresh batch 11',
      label: "fresh batch 11 (written 2026-12-05 04:19–04:24 UTC, blind until the lead's final run)",
      notes: 'bench/notes/fresh11.md',
      file: expect.stringMatching(/news-qa-fresh11\.jsonl$/),
    });
  });

  it('lists batches 1–12 in order, batch 12 after batch 11 with its own label and notes', () => {
    expect(batches.map((b) => b.key).slice(0, 12)).toEqual(['fresh', 'fresh2', 'fresh3', 'fresh4', 'fresh5', 'fresh6', 'fresh7', 'fresh8', 'fresh9', 'fresh10', 'fresh11', 'fresh12']);
    expect(batches[11]).toMatchObject({
      name: 'fresh batch 12',
      label: "fresh batch 12 (written 2026-12-05 07:12–07:21 UTC, blind until the lead's final run)",
      notes: 'bench/notes/fresh12.md',
      file: expect.stringMatching(/news-qa-fresh12\.jsonl$/),
    });
  });

  it('lists batches 1–13 in order, batch 13 after batch 12 with its own label and notes', () => {
    expect(batches.map((b) => b.key).slice(0, 13)).toEqual(['fresh', 'fresh2', 'fresh3', 'fresh4', 'fresh5', 'fresh6', 'fresh7', 'fresh8', 'fresh9', 'fresh10', 'fresh11', 'fresh12', 'fresh13']);
    expect(batches[12]).toMatchObject({
      name: 'fresh batch 13',
      label: "fresh batch 13 (written 2026-12-05 09:27–09:32 UTC, blind until the lead's final run)",
      notes: 'bench/notes/fresh13.md',
      file: expect.stringMatching(/news-qa-fresh13\.jsonl$/),
    });
  });

  it('lists batches 1–14 in order, batch 14 after batch 13 with its own label and notes', () => {
    expect(batches.map((b) => b.key).slice(0, 14)).toEqual(['fresh', 'fresh2', 'fresh3', 'fresh4', 'fresh5', 'fresh6', 'fresh7', 'fresh8', 'fresh9', 'fresh10', 'fresh11', 'fresh12', 'fresh13', 'fresh14']);
    expect(batches[13]).toMatchObject({
      name: 'fresh batch 14',
      label: "fresh batch 14 (written 2026-12-05 12:13–12:18 UTC, blind until the lead's final run)",
      notes: 'bench/notes/fresh14.md',
      file: expect.stringMatching(/news-qa-fresh14\.jsonl$/),
    });
  });

  it('lists batches 1–15 in order, batch 15 after batch 14 with its own label and notes', () => {
    expect(batches.map((b) => b.key).slice(0, 15)).toEqual(['fresh', 'fresh2', 'fresh3', 'fresh4', 'fresh5', 'fresh6', 'fresh7', 'fresh8', 'fresh9', 'fresh10', 'fresh11', 'fresh12', 'fresh13', 'fresh14', 'fresh15']);
    expect(batches[14]).toMatchObject({
      name: 'fresh batch 15',
      label: "fresh batch 15 (written 2026-12-05 14:09–14:14 UTC, blind until the lead's final run)",
      notes: 'bench/notes/fresh15.md',
      file: expect.stringMatching(/news-qa-fresh15\.jsonl$/),
    });
  });

  it('lists twenty-four batches in order, batch 24 after batch 23, each with its own label and notes', () => {
    expect(batches.map((b) => b.key)).toEqual(['fresh', 'fresh2', 'fresh3', 'fresh4', 'fresh5', 'fresh6', 'fresh7', 'fresh8', 'fresh9', 'fresh10', 'fresh11', 'fresh12', 'fresh13', 'fresh14', 'fresh15', 'fresh16', 'fresh17', 'fresh18', 'fresh19', 'fresh20', 'fresh21', 'fresh22', 'fresh23', 'fresh24']);
    expect(batches[23]).toMatchObject({
      name: 'fresh batch 24',
      label: "fresh batch 24 (written 2026-12-06 04:32–04:37 UTC, new facts of batch 1–18 articles, blind until the lead's final run)",
      notes: 'bench/notes/fresh24.md',
      file: expect.stringMatching(/news-qa-fresh24\.jsonl$/),
    });
    expect(batches[22]).toMatchObject({
      name: 'fresh batch 23',
      label: "fresh batch 23 (written 2026-12-06 02:46–02:52 UTC, new facts of batch 1–18 articles, blind until the lead's final run)",
      notes: 'bench/notes/fresh23.md',
      file: expect.stringMatching(/news-qa-fresh23\.jsonl$/),
    });
    expect(batches[21]).toMatchObject({
      name: 'fresh batch 22',
      label: "fresh batch 22 (written 2026-12-06 01:57–02:06 UTC, new facts of batch 1–12 articles, blind until the lead's final run)",
      notes: 'bench/notes/fresh22.md',
      file: expect.stringMatching(/news-qa-fresh22\.jsonl$/),
    });
    expect(batches[20]).toMatchObject({
      name: 'fresh batch 21',
      label: "fresh batch 21 (written 2026-12-06 00:19–00:25 UTC, new facts of batch 13–18 articles, blind until the lead's final run)",
      notes: 'bench/notes/fresh21.md',
      file: expect.stringMatching(/news-qa-fresh21\.jsonl$/),
    });
    expect(batches[19]).toMatchObject({
      name: 'fresh batch 20',
      label: "fresh batch 20 (written 2026-12-05 21:58–22:05 UTC, new facts of batch 7–12 articles, blind until the lead's final run)",
      notes: 'bench/notes/fresh20.md',
      file: expect.stringMatching(/news-qa-fresh20\.jsonl$/),
    });
    expect(batches[18]).toMatchObject({
      name: 'fresh batch 19',
      label: "fresh batch 19 (written 2026-12-05 20:44–20:50 UTC, new facts of batch 1–6 articles, blind until the lead's final run)",
      notes: 'bench/notes/fresh19.md',
      file: expect.stringMatching(/news-qa-fresh19\.jsonl$/),
    });
    expect(batches[17]).toMatchObject({
      name: 'fresh batch 18',
      label: "fresh batch 18 (written 2026-12-05 18:57–19:01 UTC, blind until the lead's final run)",
      notes: 'bench/notes/fresh18.md',
      file: expect.stringMatching(/news-qa-fresh18\.jsonl$/),
    });
  });

  it('batch 24 has 60 questions, 40 answerable over every question type and 20 unanswerable', () => {
    expect(fresh24.length).toBe(60);
    expect(fresh24.filter((q) => !q.answerable).length).toBe(20);
    expect(fresh24.filter((q) => !q.answerable).every((q) => q.article === null && q.answers.length === 0)).toBe(true);
    expect(fresh24.filter((q) => q.answerable).every((q) => q.article !== null && q.answers.length > 0)).toBe(true);
    expect(fresh24.map((q) => q.id)).toEqual(Array.from({ length: 60 }, (_, i) => `od-${String(i + 1).padStart(3, '0')}`));
    const types = new Set(fresh24.filter((q) => q.answerable).map((q) => q.type));
    for (const t of ['who', 'what', 'when', 'where', 'how many', 'how much', 'why']) expect(types).toContain(t);
  });

  it('batch 23 has 60 questions, 40 answerable over every question type and 20 unanswerable', () => {
    expect(fresh23.length).toBe(60);
    expect(fresh23.filter((q) => !q.answerable).length).toBe(20);
    expect(fresh23.filter((q) => !q.answerable).every((q) => q.article === null && q.answers.length === 0)).toBe(true);
    expect(fresh23.filter((q) => q.answerable).every((q) => q.article !== null && q.answers.length > 0)).toBe(true);
    expect(fresh23.map((q) => q.id)).toEqual(Array.from({ length: 60 }, (_, i) => `oc-${String(i + 1).padStart(3, '0')}`));
    const types = new Set(fresh23.filter((q) => q.answerable).map((q) => q.type));
    for (const t of ['who', 'what', 'when', 'where', 'how many', 'how much', 'why']) expect(types).toContain(t);
  });

  it('batch 22 has 60 questions, 40 answerable over every question type and 20 unanswerable', () => {
    expect(fresh22.length).toBe(60);
    expect(fresh22.filter((q) => !q.answerable).length).toBe(20);
    expect(fresh22.filter((q) => !q.answerable).every((q) => q.article === null && q.answers.length === 0)).toBe(true);
    expect(fresh22.filter((q) => q.answerable).every((q) => q.article !== null && q.answers.length > 0)).toBe(true);
    expect(fresh22.map((q) => q.id)).toEqual(Array.from({ length: 60 }, (_, i) => `ob-${String(i + 1).padStart(3, '0')}`));
    const types = new Set(fresh22.filter((q) => q.answerable).map((q) => q.type));
    for (const t of ['who', 'what', 'when', 'where', 'how many', 'how much', 'why']) expect(types).toContain(t);
  });

  it('batch 21 has 60 questions, 40 answerable over every question type and 20 unanswerable', () => {
    expect(fresh21.length).toBe(60);
    expect(fresh21.filter((q) => !q.answerable).length).toBe(20);
    expect(fresh21.filter((q) => !q.answerable).every((q) => q.article === null && q.answers.length === 0)).toBe(true);
    expect(fresh21.filter((q) => q.answerable).every((q) => q.article !== null && q.answers.length > 0)).toBe(true);
    expect(fresh21.map((q) => q.id)).toEqual(Array.from({ length: 60 }, (_, i) => `oa-${String(i + 1).padStart(3, '0')}`));
    const types = new Set(fresh21.filter((q) => q.answerable).map((q) => q.type));
    for (const t of ['who', 'what', 'when', 'where', 'how many', 'how much', 'why']) expect(types).toContain(t);
  });

  it('batch 20 has 60 questions, 40 answerable over every question type and 20 unanswerable', () => {
    expect(fresh20.length).toBe(60);
    expect(fresh20.filter((q) => !q.answerable).length).toBe(20);
    expect(fresh20.filter((q) => !q.answerable).every((q) => q.article === null && q.answers.length === 0)).toBe(true);
    expect(fresh20.filter((q) => q.answerable).every((q) => q.article !== null && q.answers.length > 0)).toBe(true);
    expect(fresh20.map((q) => q.id)).toEqual(Array.from({ length: 60 }, (_, i) => `nz-${String(i + 1).padStart(3, '0')}`));
    const types = new Set(fresh20.filter((q) => q.answerable).map((q) => q.type));
    for (const t of ['who', 'what', 'when', 'where', 'how many', 'how much', 'why']) expect(types).toContain(t);
  });

  it('batch 19 has 60 questions, 40 answerable over every question type and 20 unanswerable', () => {
    expect(fresh19.length).toBe(60);
    expect(fresh19.filter((q) => !q.answerable).length).toBe(20);
    expect(fresh19.filter((q) => !q.answerable).every((q) => q.article === null && q.answers.length === 0)).toBe(true);
    expect(fresh19.filter((q) => q.answerable).every((q) => q.article !== null && q.answers.length > 0)).toBe(true);
    expect(fresh19.map((q) => q.id)).toEqual(Array.from({ length: 60 }, (_, i) => `ny-${String(i + 1).padStart(3, '0')}`));
    const types = new Set(fresh19.filter((q) => q.answerable).map((q) => q.type));
    for (const t of ['who', 'what', 'when', 'where', 'how many', 'how much', 'why']) expect(types).toContain(t);
  });

  it('batch 18 has 60 questions, 40 answerable over every question type and 20 unanswerable', () => {
    expect(fresh18.length).toBe(60);
    expect(fresh18.filter((q) => !q.answerable).length).toBe(20);
    expect(fresh18.filter((q) => !q.answerable).every((q) => q.article === null && q.answers.length === 0)).toBe(true);
    expect(fresh18.filter((q) => q.answerable).every((q) => q.article !== null && q.answers.length > 0)).toBe(true);
    expect(fresh18.map((q) => q.id)).toEqual(Array.from({ length: 60 }, (_, i) => `nx-${String(i + 1).padStart(3, '0')}`));
    const types = new Set(fresh18.filter((q) => q.answerable).map((q) => q.type));
    for (const t of ['who', 'what', 'when', 'where', 'how many', 'how much', 'why']) expect(types).toContain(t);
  });

  it('lists batches 1–17 in order, batch 17 after batch 16 with its own label and notes', () => {
    expect(batches.map((b) => b.key).slice(0, 17)).toEqual(['fresh', 'fresh2', 'fresh3', 'fresh4', 'fresh5', 'fresh6', 'fresh7', 'fresh8', 'fresh9', 'fresh10', 'fresh11', 'fresh12', 'fresh13', 'fresh14', 'fresh15', 'fresh16', 'fresh17']);
    expect(batches[16]).toMatchObject({
      name: 'fresh batch 17',
      label: "fresh batch 17 (written 2026-12-05 17:26–17:31 UTC, blind until the lead's final run)",
      notes: 'bench/notes/fresh17.md',
      file: expect.stringMatching(/news-qa-fresh17\.jsonl$/),
    });
  });

  it('batch 17 has 60 questions, 40 answerable over every question type and 20 unanswerable', () => {
    expect(fresh17.length).toBe(60);
    expect(fresh17.filter((q) => !q.answerable).length).toBe(20);
    expect(fresh17.filter((q) => !q.answerable).every((q) => q.article === null && q.answers.length === 0)).toBe(true);
    expect(fresh17.filter((q) => q.answerable).every((q) => q.article !== null && q.answers.length > 0)).toBe(true);
    expect(fresh17.map((q) => q.id)).toEqual(Array.from({ length: 60 }, (_, i) => `nw-${String(i + 1).padStart(3, '0')}`));
    const types = new Set(fresh17.filter((q) => q.answerable).map((q) => q.type));
    for (const t of ['who', 'what', 'when', 'where', 'how many', 'how much', 'why']) expect(types).toContain(t);
  });

  it('lists batches 1–16 in order, batch 16 after batch 15 with its own label and notes', () => {
    expect(batches.map((b) => b.key).slice(0, 16)).toEqual(['fresh', 'fresh2', 'fresh3', 'fresh4', 'fresh5', 'fresh6', 'fresh7', 'fresh8', 'fresh9', 'fresh10', 'fresh11', 'fresh12', 'fresh13', 'fresh14', 'fresh15', 'fresh16']);
    expect(batches[15]).toMatchObject({
      name: 'fresh batch 16',
      label: "fresh batch 16 (written 2026-12-05 16:00–16:06 UTC, blind until the lead's final run)",
      notes: 'bench/notes/fresh16.md',
      file: expect.stringMatching(/news-qa-fresh16\.jsonl$/),
    });
  });

  it('batch 16 has 60 questions, 40 answerable over every question type and 20 unanswerable', () => {
    expect(fresh16.length).toBe(60);
    expect(fresh16.filter((q) => !q.answerable).length).toBe(20);
    expect(fresh16.filter((q) => !q.answerable).every((q) => q.article === null && q.answers.length === 0)).toBe(true);
    expect(fresh16.filter((q) => q.answerable).every((q) => q.article !== null && q.answers.length > 0)).toBe(true);
    expect(fresh16.map((q) => q.id)).toEqual(Array.from({ length: 60 }, (_, i) => `nv-${String(i + 1).padStart(3, '0')}`));
    const types = new Set(fresh16.filter((q) => q.answerable).map((q) => q.type));
    for (const t of ['who', 'what', 'when', 'where', 'how many', 'how much', 'why']) expect(types).toContain(t);
  });

  it('batch 15 has 60 questions, 40 answerable over every question type and 20 unanswerable', () => {
    expect(fresh15.length).toBe(60);
    expect(fresh15.filter((q) => !q.answerable).length).toBe(20);
    expect(fresh15.filter((q) => !q.answerable).every((q) => q.article === null && q.answers.length === 0)).toBe(true);
    expect(fresh15.filter((q) => q.answerable).every((q) => q.article !== null && q.answers.length > 0)).toBe(true);
    expect(fresh15.map((q) => q.id)).toEqual(Array.from({ length: 60 }, (_, i) => `nu-${String(i + 1).padStart(3, '0')}`));
    const types = new Set(fresh15.filter((q) => q.answerable).map((q) => q.type));
    for (const t of ['who', 'what', 'when', 'where', 'how many', 'how much', 'why']) expect(types).toContain(t);
  });

  it('batch 14 has 60 questions, 40 answerable over every question type and 20 unanswerable', () => {
    expect(fresh14.length).toBe(60);
    expect(fresh14.filter((q) => !q.answerable).length).toBe(20);
    expect(fresh14.filter((q) => !q.answerable).every((q) => q.article === null && q.answers.length === 0)).toBe(true);
    expect(fresh14.filter((q) => q.answerable).every((q) => q.article !== null && q.answers.length > 0)).toBe(true);
    expect(fresh14.map((q) => q.id)).toEqual(Array.from({ length: 60 }, (_, i) => `nt-${String(i + 1).padStart(3, '0')}`));
    const types = new Set(fresh14.filter((q) => q.answerable).map((q) => q.type));
    for (const t of ['who', 'what', 'when', 'where', 'how many', 'how much', 'why']) expect(types).toContain(t);
  });

  it('batch 13 has 60 questions, 40 answerable over every question type and 20 unanswerable', () => {
    expect(fresh13.length).toBe(60);
    expect(fresh13.filter((q) => !q.answerable).length).toBe(20);
    expect(fresh13.filter((q) => !q.answerable).every((q) => q.article === null && q.answers.length === 0)).toBe(true);
    expect(fresh13.filter((q) => q.answerable).every((q) => q.article !== null && q.answers.length > 0)).toBe(true);
    expect(fresh13.map((q) => q.id)).toEqual(Array.from({ length: 60 }, (_, i) => `ns-${String(i + 1).padStart(3, '0')}`));
    const types = new Set(fresh13.filter((q) => q.answerable).map((q) => q.type));
    for (const t of ['who', 'what', 'when', 'where', 'how many', 'how much', 'why']) expect(types).toContain(t);
  });

  it('batch 12 has 60 questions, 40 answerable over every question type and 20 unanswerable', () => {
    expect(fresh12.length).toBe(60);
    expect(fresh12.filter((q) => !q.answerable).length).toBe(20);
    expect(fresh12.filter((q) => !q.answerable).every((q) => q.article === null && q.answers.length === 0)).toBe(true);
    expect(fresh12.filter((q) => q.answerable).every((q) => q.article !== null && q.answers.length > 0)).toBe(true);
    expect(fresh12.map((q) => q.id)).toEqual(Array.from({ length: 60 }, (_, i) => `nr-${String(i + 1).padStart(3, '0')}`));
    const types = new Set(fresh12.filter((q) => q.answerable).map((q) => q.type));
    for (const t of ['who', 'what', 'when', 'where', 'how many', 'how much', 'why']) expect(types).toContain(t);
  });

  it('batch 11 has 60 questions, 40 answerable over every question type and 20 unanswerable', () => {
    expect(fresh11.length).toBe(60);
    expect(fresh11.filter((q) => !q.answerable).length).toBe(20);
    expect(fresh11.filter((q) => !q.answerable).every((q) => q.article === null && q.answers.length === 0)).toBe(true);
    expect(fresh11.filter((q) => q.answerable).every((q) => q.article !== null && q.answers.length > 0)).toBe(true);
    expect(fresh11.map((q) => q.id)).toEqual(Array.from({ length: 60 }, (_, i) => `np-${String(i + 1).padStart(3, '0')}`));
    const types = new Set(fresh11.filter((q) => q.answerable).map((q) => q.type));
    for (const t of ['who', 'what', 'when', 'where', 'how many', 'how much', 'why']) expect(types).toContain(t);
  });

  it('batch 10 has 60 questions, 40 answerable over every question type and 20 unanswerable', () => {
    expect(fresh10.length).toBe(60);
    expect(fresh10.filter((q) => !q.answerable).length).toBe(20);
    expect(fresh10.filter((q) => !q.answerable).every((q) => q.article === null && q.answers.length === 0)).toBe(true);
    expect(fresh10.filter((q) => q.answerable).every((q) => q.article !== null && q.answers.length > 0)).toBe(true);
    expect(fresh10.map((q) => q.id)).toEqual(Array.from({ length: 60 }, (_, i) => `no-${String(i + 1).padStart(3, '0')}`));
    const types = new Set(fresh10.filter((q) => q.answerable).map((q) => q.type));
    for (const t of ['who', 'what', 'when', 'where', 'how many', 'how much', 'why']) expect(types).toContain(t);
  });

  it('batch 9 has 60 questions, 40 answerable over every question type and 20 unanswerable', () => {
    expect(fresh9.length).toBe(60);
    expect(fresh9.filter((q) => !q.answerable).length).toBe(20);
    expect(fresh9.filter((q) => !q.answerable).every((q) => q.article === null && q.answers.length === 0)).toBe(true);
    expect(fresh9.filter((q) => q.answerable).every((q) => q.article !== null && q.answers.length > 0)).toBe(true);
    expect(fresh9.map((q) => q.id)).toEqual(Array.from({ length: 60 }, (_, i) => `nn-${String(i + 1).padStart(3, '0')}`));
    const types = new Set(fresh9.filter((q) => q.answerable).map((q) => q.type));
    for (const t of ['who', 'what', 'when', 'where', 'how many', 'how much', 'why']) expect(types).toContain(t);
  });

  it('batch 8 has 60 questions, 40 answerable over every question type and 20 unanswerable', () => {
    expect(fresh8.length).toBe(60);
    expect(fresh8.filter((q) => !q.answerable).length).toBe(20);
    expect(fresh8.filter((q) => !q.answerable).every((q) => q.article === null && q.answers.length === 0)).toBe(true);
    expect(fresh8.filter((q) => q.answerable).every((q) => q.article !== null && q.answers.length > 0)).toBe(true);
    expect(fresh8.map((q) => q.id)).toEqual(Array.from({ length: 60 }, (_, i) => `nm-${String(i + 1).padStart(3, '0')}`));
    const types = new Set(fresh8.filter((q) => q.answerable).map((q) => q.type));
    for (const t of ['who', 'what', 'when', 'where', 'how many', 'how much', 'why']) expect(types).toContain(t);
  });

  it('batch 7 has 60 questions, 40 answerable over every question type and 20 unanswerable', () => {
    expect(fresh7.length).toBe(60);
    expect(fresh7.filter((q) => !q.answerable).length).toBe(20);
    expect(fresh7.filter((q) => !q.answerable).every((q) => q.article === null && q.answers.length === 0)).toBe(true);
    expect(fresh7.filter((q) => q.answerable).every((q) => q.article !== null && q.answers.length > 0)).toBe(true);
    expect(fresh7.map((q) => q.id)).toEqual(Array.from({ length: 60 }, (_, i) => `nl-${String(i + 1).padStart(3, '0')}`));
    const types = new Set(fresh7.filter((q) => q.answerable).map((q) => q.type));
    for (const t of ['who', 'what', 'when', 'where', 'how many', 'how much', 'why']) expect(types).toContain(t);
  });

  it('batch 6 has 60 questions, 40 answerable over every question type and 20 unanswerable', () => {
    expect(fresh6.length).toBe(60);
    expect(fresh6.filter((q) => !q.answerable).length).toBe(20);
    expect(fresh6.filter((q) => !q.answerable).every((q) => q.article === null && q.answers.length === 0)).toBe(true);
    expect(fresh6.filter((q) => q.answerable).every((q) => q.article !== null && q.answers.length > 0)).toBe(true);
    expect(fresh6.map((q) => q.id)).toEqual(Array.from({ length: 60 }, (_, i) => `nk-${String(i + 1).padStart(3, '0')}`));
    const types = new Set(fresh6.filter((q) => q.answerable).map((q) => q.type));
    for (const t of ['who', 'what', 'when', 'where', 'how many', 'how much', 'why']) expect(types).toContain(t);
  });

  it('batch 5 has 60 questions, 40 answerable over every question type and 20 unanswerable', () => {
    expect(fresh5.length).toBe(60);
    expect(fresh5.filter((q) => !q.answerable).length).toBe(20);
    expect(fresh5.filter((q) => !q.answerable).every((q) => q.article === null && q.answers.length === 0)).toBe(true);
    expect(fresh5.filter((q) => q.answerable).every((q) => q.article !== null && q.answers.length > 0)).toBe(true);
    expect(fresh5.map((q) => q.id)).toEqual(Array.from({ length: 60 }, (_, i) => `nj-${String(i + 1).padStart(3, '0')}`));
    const types = new Set(fresh5.filter((q) => q.answerable).map((q) => q.type));
    for (const t of ['who', 'what', 'when', 'where', 'how many', 'how much', 'why']) expect(types).toContain(t);
  });

  it('batch 4 has 60 questions, 40 answerable over every question type and 20 unanswerable', () => {
    expect(fresh4.length).toBe(60);
    expect(fresh4.filter((q) => !q.answerable).length).toBe(20);
    expect(fresh4.filter((q) => !q.answerable).every((q) => q.article === null && q.answers.length === 0)).toBe(true);
    expect(fresh4.filter((q) => q.answerable).every((q) => q.article !== null && q.answers.length > 0)).toBe(true);
    expect(fresh4.map((q) => q.id)).toEqual(Array.from({ length: 60 }, (_, i) => `ni-${String(i + 1).padStart(3, '0')}`));
    const types = new Set(fresh4.filter((q) => q.answerable).map((q) => q.type));
    for (const t of ['who', 'what', 'when', 'where', 'how many', 'how much', 'why']) expect(types).toContain(t);
  });

  it('batch 3 has 60 questions, 40 answerable over every question type and 20 unanswerable', () => {
    expect(fresh3.length).toBe(60);
    expect(fresh3.filter((q) => !q.answerable).length).toBe(20);
    expect(fresh3.filter((q) => !q.answerable).every((q) => q.article === null && q.answers.length === 0)).toBe(true);
    expect(fresh3.map((q) => q.id)).toEqual(Array.from({ length: 60 }, (_, i) => `nh-${String(i + 1).padStart(3, '0')}`));
    const types = new Set(fresh3.filter((q) => q.answerable).map((q) => q.type));
    for (const t of ['who', 'what', 'when', 'where', 'how many', 'how much', 'why']) expect(types).toContain(t);
  });

  it('batch 2 has 60 questions, 20 unanswerable, every answerable question type', () => {
    expect(fresh2.length).toBe(60);
    expect(fresh2.filter((q) => !q.answerable).length).toBe(20);
    expect(fresh2.map((q) => q.id)).toEqual(Array.from({ length: 60 }, (_, i) => `ng-${String(i + 1).padStart(3, '0')}`));
    const types = new Set(fresh2.filter((q) => q.answerable).map((q) => q.type));
    for (const t of ['who', 'what', 'when', 'where', 'how many', 'how much', 'why']) expect(types).toContain(t);
  });

  it('repeats no question across the dev set, batches 1–24 and the out-of-scope set', () => {
    const sets = { dev: items, fresh: loadNewsQa(NEWS_QA_FRESH_FILE), fresh2, fresh3, fresh4, fresh5, fresh6, fresh7, fresh8, fresh9, fresh10, fresh11, fresh12, fresh13, fresh14, fresh15, fresh16, fresh17, fresh18, fresh19, fresh20, fresh21, fresh22, fresh23, fresh24 };
    const seen = new Map<string, string>();
    const repeats: string[] = [];
    for (const [name, set] of Object.entries(sets)) {
      for (const q of set) {
        const k = key(q.question);
        const before = seen.get(k);
        if (before !== undefined) repeats.push(`${name} ${q.id} repeats ${before}`);
        seen.set(k, `${name} ${q.id}`);
      }
    }
    for (const q of loadOutOfScope()) {
      if (fresh2.some((x) => key(x.question) === key(q.question))) repeats.push(`fresh2 repeats out-of-scope "${q.question}"`);
      if (fresh3.some((x) => key(x.question) === key(q.question))) repeats.push(`fresh3 repeats out-of-scope "${q.question}"`);
      if (fresh4.some((x) => key(x.question) === key(q.question))) repeats.push(`fresh4 repeats out-of-scope "${q.question}"`);
      if (fresh5.some((x) => key(x.question) === key(q.question))) repeats.push(`fresh5 repeats out-of-scope "${q.question}"`);
      if (fresh6.some((x) => key(x.question) === key(q.question))) repeats.push(`fresh6 repeats out-of-scope "${q.question}"`);
      if (fresh7.some((x) => key(x.question) === key(q.question))) repeats.push(`fresh7 repeats out-of-scope "${q.question}"`);
      if (fresh8.some((x) => key(x.question) === key(q.question))) repeats.push(`fresh8 repeats out-of-scope "${q.question}"`);
      if (fresh9.some((x) => key(x.question) === key(q.question))) repeats.push(`fresh9 repeats out-of-scope "${q.question}"`);
      if (fresh10.some((x) => key(x.question) === key(q.question))) repeats.push(`fresh10 repeats out-of-scope "${q.question}"`);
      if (fresh11.some((x) => key(x.question) === key(q.question))) repeats.push(`fresh11 repeats out-of-scope "${q.question}"`);
      if (fresh12.some((x) => key(x.question) === key(q.question))) repeats.push(`fresh12 repeats out-of-scope "${q.question}"`);
      if (fresh13.some((x) => key(x.question) === key(q.question))) repeats.push(`fresh13 repeats out-of-scope "${q.question}"`);
      if (fresh14.some((x) => key(x.question) === key(q.question))) repeats.push(`fresh14 repeats out-of-scope "${q.question}"`);
      if (fresh15.some((x) => key(x.question) === key(q.question))) repeats.push(`fresh15 repeats out-of-scope "${q.question}"`);
      if (fresh16.some((x) => key(x.question) === key(q.question))) repeats.push(`fresh16 repeats out-of-scope "${q.question}"`);
      if (fresh17.some((x) => key(x.question) === key(q.question))) repeats.push(`fresh17 repeats out-of-scope "${q.question}"`);
      if (fresh18.some((x) => key(x.question) === key(q.question))) repeats.push(`fresh18 repeats out-of-scope "${q.question}"`);
      if (fresh19.some((x) => key(x.question) === key(q.question))) repeats.push(`fresh19 repeats out-of-scope "${q.question}"`);
      if (fresh20.some((x) => key(x.question) === key(q.question))) repeats.push(`fresh20 repeats out-of-scope "${q.question}"`);
      if (fresh21.some((x) => key(x.question) === key(q.question))) repeats.push(`fresh21 repeats out-of-scope "${q.question}"`);
      if (fresh22.some((x) => key(x.question) === key(q.question))) repeats.push(`fresh22 repeats out-of-scope "${q.question}"`);
      if (fresh23.some((x) => key(x.question) === key(q.question))) repeats.push(`fresh23 repeats out-of-scope "${q.question}"`);
      if (fresh24.some((x) => key(x.question) === key(q.question))) repeats.push(`fresh24 repeats out-of-scope "${q.question}"`);
    }
    expect(repeats).toEqual([]);
  });

  it.skipIf(!present)('batch 2 names articles the engine loads, and every expected answer is in its article verbatim', async () => {
    const byId = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a]));
    const problems: string[] = [];
    for (const q of fresh2.filter((x) => x.answerable)) {
      const text = (q.article === null ? undefined : byId.get(q.article))?.text.toLowerCase();
      if (text === undefined) problems.push(`${q.id}: no article ${q.article}`);
      else for (const a of q.answers) if (!text.includes(a.toLowerCase())) problems.push(`${q.id}: "${a}" not in ${q.article}`);
    }
    expect(fresh2.filter((x) => x.answerable)).toHaveLength(40);
    expect(problems).toEqual([]);
  });

  it.skipIf(!present)('batch 3 names articles the engine loads, every expected answer is in its article verbatim', async () => {
    const byId = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a]));
    const problems: string[] = [];
    for (const q of fresh3.filter((x) => x.answerable)) {
      const text = (q.article === null ? undefined : byId.get(q.article))?.text.toLowerCase();
      if (text === undefined) problems.push(`${q.id}: no article ${q.article}`);
      else for (const a of q.answers) if (!text.includes(a.toLowerCase())) problems.push(`${q.id}: "${a}" not in ${q.article}`);
    }
    expect(fresh3.filter((x) => x.answerable)).toHaveLength(40);
    expect(problems).toEqual([]);
  });

  it.skipIf(!present)('batch 3 asks about no article the earlier sets use, nor an exact copy of one', async () => {
    const textOf = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a.text]));
    const earlier = [...items, ...loadNewsQa(NEWS_QA_FRESH_FILE), ...fresh2].flatMap((q) => (q.article === null ? [] : [q.article]));
    const earlierTexts = new Set(earlier.map((id) => textOf.get(id)));
    const reused = fresh3.filter((q) => q.article !== null && (earlier.includes(q.article) || earlierTexts.has(textOf.get(q.article)))).map((q) => q.id);
    expect(fresh3.some((q) => q.article !== null)).toBe(true);
    expect(reused).toEqual([]);
  });

  it.skipIf(!present)('batch 4 names articles the engine loads, every expected answer is in its article verbatim', async () => {
    const byId = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a]));
    const problems: string[] = [];
    for (const q of fresh4.filter((x) => x.answerable)) {
      const text = (q.article === null ? undefined : byId.get(q.article))?.text.toLowerCase();
      if (text === undefined) problems.push(`${q.id}: no article ${q.article}`);
      else for (const a of q.answers) if (!text.includes(a.toLowerCase())) problems.push(`${q.id}: "${a}" not in ${q.article}`);
    }
    expect(fresh4.filter((x) => x.answerable)).toHaveLength(40);
    expect(problems).toEqual([]);
  });

  it.skipIf(!present)('batch 4 asks about no article batches 1–3 or the dev set use, nor an exact copy of one', async () => {
    const textOf = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a.text]));
    const earlier = [...items, ...loadNewsQa(NEWS_QA_FRESH_FILE), ...fresh2, ...fresh3].flatMap((q) => (q.article === null ? [] : [q.article]));
    const earlierTexts = new Set(earlier.map((id) => textOf.get(id)));
    const reused = fresh4.filter((q) => q.article !== null && (earlier.includes(q.article) || earlierTexts.has(textOf.get(q.article)))).map((q) => q.id);
    expect(fresh4.some((q) => q.article !== null)).toBe(true);
    expect(reused).toEqual([]);
  });

  it.skipIf(!present)('batch 5 names articles the engine loads, every expected answer is in its article verbatim', async () => {
    const byId = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a]));
    const problems: string[] = [];
    for (const q of fresh5.filter((x) => x.answerable)) {
      const text = (q.article === null ? undefined : byId.get(q.article))?.text.toLowerCase();
      if (text === undefined) problems.push(`${q.id}: no article ${q.article}`);
      else for (const a of q.answers) if (!text.includes(a.toLowerCase())) problems.push(`${q.id}: "${a}" not in ${q.article}`);
    }
    expect(fresh5.filter((x) => x.answerable)).toHaveLength(40);
    expect(problems).toEqual([]);
  });

  it.skipIf(!present)('batch 5 asks about no article batches 1–4 or the dev set use, nor an exact copy of one', async () => {
    const textOf = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a.text]));
    const earlier = [...items, ...loadNewsQa(NEWS_QA_FRESH_FILE), ...fresh2, ...fresh3, ...fresh4].flatMap((q) => (q.article === null ? [] : [q.article]));
    const earlierTexts = new Set(earlier.map((id) => textOf.get(id)));
    const reused = fresh5.filter((q) => q.article !== null && (earlier.includes(q.article) || earlierTexts.has(textOf.get(q.article)))).map((q) => q.id);
    expect(fresh5.some((q) => q.article !== null)).toBe(true);
    expect(reused).toEqual([]);
  });

  it.skipIf(!present)('batch 6 names articles the engine loads, every expected answer is in its article verbatim', async () => {
    const byId = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a]));
    const problems: string[] = [];
    for (const q of fresh6.filter((x) => x.answerable)) {
      const text = (q.article === null ? undefined : byId.get(q.article))?.text.toLowerCase();
      if (text === undefined) problems.push(`${q.id}: no article ${q.article}`);
      else for (const a of q.answers) if (!text.includes(a.toLowerCase())) problems.push(`${q.id}: "${a}" not in ${q.article}`);
    }
    expect(fresh6.filter((x) => x.answerable)).toHaveLength(40);
    expect(problems).toEqual([]);
  });

  it.skipIf(!present)('batch 6 asks about no article batches 1–5 or the dev set use, nor an exact copy of one', async () => {
    const textOf = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a.text]));
    const earlier = [...items, ...loadNewsQa(NEWS_QA_FRESH_FILE), ...fresh2, ...fresh3, ...fresh4, ...fresh5].flatMap((q) => (q.article === null ? [] : [q.article]));
    const earlierTexts = new Set(earlier.map((id) => textOf.get(id)));
    const reused = fresh6.filter((q) => q.article !== null && (earlier.includes(q.article) || earlierTexts.has(textOf.get(q.article)))).map((q) => q.id);
    expect(fresh6.some((q) => q.article !== null)).toBe(true);
    expect(reused).toEqual([]);
  });

  it.skipIf(!present)('batch 7 names articles the engine loads, every expected answer is in its article verbatim', async () => {
    const byId = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a]));
    const problems: string[] = [];
    for (const q of fresh7.filter((x) => x.answerable)) {
      const text = (q.article === null ? undefined : byId.get(q.article))?.text.toLowerCase();
      if (text === undefined) problems.push(`${q.id}: no article ${q.article}`);
      else for (const a of q.answers) if (!text.includes(a.toLowerCase())) problems.push(`${q.id}: "${a}" not in ${q.article}`);
    }
    expect(fresh7.filter((x) => x.answerable)).toHaveLength(40);
    expect(problems).toEqual([]);
  });

  it.skipIf(!present)('batch 7 asks about no article batches 1–6 or the dev set use, nor an exact copy of one', async () => {
    const textOf = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a.text]));
    const earlier = [...items, ...loadNewsQa(NEWS_QA_FRESH_FILE), ...fresh2, ...fresh3, ...fresh4, ...fresh5, ...fresh6].flatMap((q) => (q.article === null ? [] : [q.article]));
    const earlierTexts = new Set(earlier.map((id) => textOf.get(id)));
    const reused = fresh7.filter((q) => q.article !== null && (earlier.includes(q.article) || earlierTexts.has(textOf.get(q.article)))).map((q) => q.id);
    expect(fresh7.some((q) => q.article !== null)).toBe(true);
    expect(reused).toEqual([]);
  });

  it.skipIf(!present)('batch 8 names articles the engine loads, every expected answer is in its article verbatim', async () => {
    const byId = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a]));
    const problems: string[] = [];
    for (const q of fresh8.filter((x) => x.answerable)) {
      const text = (q.article === null ? undefined : byId.get(q.article))?.text.toLowerCase();
      if (text === undefined) problems.push(`${q.id}: no article ${q.article}`);
      else for (const a of q.answers) if (!text.includes(a.toLowerCase())) problems.push(`${q.id}: "${a}" not in ${q.article}`);
    }
    expect(fresh8.filter((x) => x.answerable)).toHaveLength(40);
    expect(problems).toEqual([]);
  });

  it.skipIf(!present)('batch 8 asks about no article batches 1–7 or the dev set use, nor an exact copy of one', async () => {
    const textOf = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a.text]));
    const earlier = [...items, ...loadNewsQa(NEWS_QA_FRESH_FILE), ...fresh2, ...fresh3, ...fresh4, ...fresh5, ...fresh6, ...fresh7].flatMap((q) => (q.article === null ? [] : [q.article]));
    const earlierTexts = new Set(earlier.map((id) => textOf.get(id)));
    const reused = fresh8.filter((q) => q.article !== null && (earlier.includes(q.article) || earlierTexts.has(textOf.get(q.article)))).map((q) => q.id);
    expect(fresh8.some((q) => q.article !== null)).toBe(true);
    expect(reused).toEqual([]);
  });

  it.skipIf(!present)('batch 9 names articles the engine loads, every expected answer is in its article verbatim', async () => {
    const byId = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a]));
    const problems: string[] = [];
    for (const q of fresh9.filter((x) => x.answerable)) {
      const text = (q.article === null ? undefined : byId.get(q.article))?.text.toLowerCase();
      if (text === undefined) problems.push(`${q.id}: no article ${q.article}`);
      else for (const a of q.answers) if (!text.includes(a.toLowerCase())) problems.push(`${q.id}: "${a}" not in ${q.article}`);
    }
    expect(fresh9.filter((x) => x.answerable)).toHaveLength(40);
    expect(problems).toEqual([]);
  });

  it.skipIf(!present)('batch 9 asks about no article batches 1–8 or the dev set use, nor an exact copy of one', async () => {
    const textOf = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a.text]));
    const earlier = [...items, ...loadNewsQa(NEWS_QA_FRESH_FILE), ...fresh2, ...fresh3, ...fresh4, ...fresh5, ...fresh6, ...fresh7, ...fresh8].flatMap((q) => (q.article === null ? [] : [q.article]));
    const earlierTexts = new Set(earlier.map((id) => textOf.get(id)));
    const reused = fresh9.filter((q) => q.article !== null && (earlier.includes(q.article) || earlierTexts.has(textOf.get(q.article)))).map((q) => q.id);
    expect(fresh9.some((q) => q.article !== null)).toBe(true);
    expect(reused).toEqual([]);
  });

  it.skipIf(!present)('batch 10 names articles the engine loads, every expected answer is in its article verbatim', async () => {
    const byId = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a]));
    const problems: string[] = [];
    for (const q of fresh10.filter((x) => x.answerable)) {
      const text = (q.article === null ? undefined : byId.get(q.article))?.text.toLowerCase();
      if (text === undefined) problems.push(`${q.id}: no article ${q.article}`);
      else for (const a of q.answers) if (!text.includes(a.toLowerCase())) problems.push(`${q.id}: "${a}" not in ${q.article}`);
    }
    expect(fresh10.filter((x) => x.answerable)).toHaveLength(40);
    expect(problems).toEqual([]);
  });

  it.skipIf(!present)('batch 10 asks about no article batches 1–9 or the dev set use, nor an exact copy of one', async () => {
    const textOf = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a.text]));
    const earlier = [...items, ...loadNewsQa(NEWS_QA_FRESH_FILE), ...fresh2, ...fresh3, ...fresh4, ...fresh5, ...fresh6, ...fresh7, ...fresh8, ...fresh9].flatMap((q) => (q.article === null ? [] : [q.article]));
    const earlierTexts = new Set(earlier.map((id) => textOf.get(id)));
    const reused = fresh10.filter((q) => q.article !== null && (earlier.includes(q.article) || earlierTexts.has(textOf.get(q.article)))).map((q) => q.id);
    expect(fresh10.some((q) => q.article !== null)).toBe(true);
    expect(reused).toEqual([]);
  });

  it.skipIf(!present)('batch 11 names articles the engine loads, every expected answer is in its article verbatim', async () => {
    const byId = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a]));
    const problems: string[] = [];
    for (const q of fresh11.filter((x) => x.answerable)) {
      const text = (q.article === null ? undefined : byId.get(q.article))?.text.toLowerCase();
      if (text === undefined) problems.push(`${q.id}: no article ${q.article}`);
      else for (const a of q.answers) if (!text.includes(a.toLowerCase())) problems.push(`${q.id}: "${a}" not in ${q.article}`);
    }
    expect(fresh11.filter((x) => x.answerable)).toHaveLength(40);
    expect(problems).toEqual([]);
  });

  it.skipIf(!present)('batch 11 asks about no article batches 1–10 or the dev set use, nor an exact copy of one', async () => {
    const textOf = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a.text]));
    const earlier = [...items, ...loadNewsQa(NEWS_QA_FRESH_FILE), ...fresh2, ...fresh3, ...fresh4, ...fresh5, ...fresh6, ...fresh7, ...fresh8, ...fresh9, ...fresh10].flatMap((q) => (q.article === null ? [] : [q.article]));
    const earlierTexts = new Set(earlier.map((id) => textOf.get(id)));
    const reused = fresh11.filter((q) => q.article !== null && (earlier.includes(q.article) || earlierTexts.has(textOf.get(q.article)))).map((q) => q.id);
    expect(fresh11.some((q) => q.article !== null)).toBe(true);
    expect(reused).toEqual([]);
  });

  it.skipIf(!present)('batch 12 names articles the engine loads, every expected answer is in its article verbatim', async () => {
    const byId = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a]));
    const problems: string[] = [];
    for (const q of fresh12.filter((x) => x.answerable)) {
      const text = (q.article === null ? undefined : byId.get(q.article))?.text.toLowerCase();
      if (text === undefined) problems.push(`${q.id}: no article ${q.article}`);
      else for (const a of q.answers) if (!text.includes(a.toLowerCase())) problems.push(`${q.id}: "${a}" not in ${q.article}`);
    }
    expect(fresh12.filter((x) => x.answerable)).toHaveLength(40);
    expect(problems).toEqual([]);
  });

  it.skipIf(!present)('batch 12 asks about no article batches 1–11 or the dev set use, nor an exact copy of one', async () => {
    const textOf = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a.text]));
    const earlier = [...items, ...loadNewsQa(NEWS_QA_FRESH_FILE), ...fresh2, ...fresh3, ...fresh4, ...fresh5, ...fresh6, ...fresh7, ...fresh8, ...fresh9, ...fresh10, ...fresh11].flatMap((q) => (q.article === null ? [] : [q.article]));
    const earlierTexts = new Set(earlier.map((id) => textOf.get(id)));
    const reused = fresh12.filter((q) => q.article !== null && (earlier.includes(q.article) || earlierTexts.has(textOf.get(q.article)))).map((q) => q.id);
    expect(fresh12.some((q) => q.article !== null)).toBe(true);
    expect(reused).toEqual([]);
  });

  it.skipIf(!present)('batch 13 names articles the engine loads, every expected answer is in its article verbatim', async () => {
    const byId = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a]));
    const problems: string[] = [];
    for (const q of fresh13.filter((x) => x.answerable)) {
      const text = (q.article === null ? undefined : byId.get(q.article))?.text.toLowerCase();
      if (text === undefined) problems.push(`${q.id}: no article ${q.article}`);
      else for (const a of q.answers) if (!text.includes(a.toLowerCase())) problems.push(`${q.id}: "${a}" not in ${q.article}`);
    }
    expect(fresh13.filter((x) => x.answerable)).toHaveLength(40);
    expect(problems).toEqual([]);
  });

  it.skipIf(!present)('batch 13 asks about no article batches 1–12 or the dev set use, nor an exact copy of one', async () => {
    const textOf = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a.text]));
    const earlier = [...items, ...loadNewsQa(NEWS_QA_FRESH_FILE), ...fresh2, ...fresh3, ...fresh4, ...fresh5, ...fresh6, ...fresh7, ...fresh8, ...fresh9, ...fresh10, ...fresh11, ...fresh12].flatMap((q) => (q.article === null ? [] : [q.article]));
    const earlierTexts = new Set(earlier.map((id) => textOf.get(id)));
    const reused = fresh13.filter((q) => q.article !== null && (earlier.includes(q.article) || earlierTexts.has(textOf.get(q.article)))).map((q) => q.id);
    expect(fresh13.some((q) => q.article !== null)).toBe(true);
    expect(reused).toEqual([]);
  });

  it.skipIf(!present)('batch 14 names articles the engine loads, every expected answer is in its article verbatim', async () => {
    const byId = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a]));
    const problems: string[] = [];
    for (const q of fresh14.filter((x) => x.answerable)) {
      const text = (q.article === null ? undefined : byId.get(q.article))?.text.toLowerCase();
      if (text === undefined) problems.push(`${q.id}: no article ${q.article}`);
      else for (const a of q.answers) if (!text.includes(a.toLowerCase())) problems.push(`${q.id}: "${a}" not in ${q.article}`);
    }
    expect(fresh14.filter((x) => x.answerable)).toHaveLength(40);
    expect(problems).toEqual([]);
  });

  it.skipIf(!present)('batch 14 asks about no article batches 1–13 or the dev set use, nor an exact copy of one', async () => {
    const textOf = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a.text]));
    const earlier = [...items, ...loadNewsQa(NEWS_QA_FRESH_FILE), ...fresh2, ...fresh3, ...fresh4, ...fresh5, ...fresh6, ...fresh7, ...fresh8, ...fresh9, ...fresh10, ...fresh11, ...fresh12, ...fresh13].flatMap((q) => (q.article === null ? [] : [q.article]));
    const earlierTexts = new Set(earlier.map((id) => textOf.get(id)));
    const reused = fresh14.filter((q) => q.article !== null && (earlier.includes(q.article) || earlierTexts.has(textOf.get(q.article)))).map((q) => q.id);
    expect(fresh14.some((q) => q.article !== null)).toBe(true);
    expect(reused).toEqual([]);
  });

  it.skipIf(!present)('batch 15 names articles the engine loads, every expected answer is in its article verbatim', async () => {
    const byId = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a]));
    const problems: string[] = [];
    for (const q of fresh15.filter((x) => x.answerable)) {
      const text = (q.article === null ? undefined : byId.get(q.article))?.text.toLowerCase();
      if (text === undefined) problems.push(`${q.id}: no article ${q.article}`);
      else for (const a of q.answers) if (!text.includes(a.toLowerCase())) problems.push(`${q.id}: "${a}" not in ${q.article}`);
    }
    expect(fresh15.filter((x) => x.answerable)).toHaveLength(40);
    expect(problems).toEqual([]);
  });

  it.skipIf(!present)('batch 15 asks about no article batches 1–14 or the dev set use, nor an exact copy of one', async () => {
    const textOf = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a.text]));
    const earlier = [...items, ...loadNewsQa(NEWS_QA_FRESH_FILE), ...fresh2, ...fresh3, ...fresh4, ...fresh5, ...fresh6, ...fresh7, ...fresh8, ...fresh9, ...fresh10, ...fresh11, ...fresh12, ...fresh13, ...fresh14].flatMap((q) => (q.article === null ? [] : [q.article]));
    const earlierTexts = new Set(earlier.map((id) => textOf.get(id)));
    const reused = fresh15.filter((q) => q.article !== null && (earlier.includes(q.article) || earlierTexts.has(textOf.get(q.article)))).map((q) => q.id);
    expect(fresh15.some((q) => q.article !== null)).toBe(true);
    expect(reused).toEqual([]);
  });

  it.skipIf(!present)('batch 16 names articles the engine loads, every expected answer is in its article verbatim', async () => {
    const byId = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a]));
    const problems: string[] = [];
    for (const q of fresh16.filter((x) => x.answerable)) {
      const text = (q.article === null ? undefined : byId.get(q.article))?.text.toLowerCase();
      if (text === undefined) problems.push(`${q.id}: no article ${q.article}`);
      else for (const a of q.answers) if (!text.includes(a.toLowerCase())) problems.push(`${q.id}: "${a}" not in ${q.article}`);
    }
    expect(fresh16.filter((x) => x.answerable)).toHaveLength(40);
    expect(problems).toEqual([]);
  });

  it.skipIf(!present)('batch 16 asks about no article batches 1–15 or the dev set use, nor an exact copy of one', async () => {
    const textOf = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a.text]));
    const earlier = [...items, ...loadNewsQa(NEWS_QA_FRESH_FILE), ...fresh2, ...fresh3, ...fresh4, ...fresh5, ...fresh6, ...fresh7, ...fresh8, ...fresh9, ...fresh10, ...fresh11, ...fresh12, ...fresh13, ...fresh14, ...fresh15].flatMap((q) => (q.article === null ? [] : [q.article]));
    const earlierTexts = new Set(earlier.map((id) => textOf.get(id)));
    const reused = fresh16.filter((q) => q.article !== null && (earlier.includes(q.article) || earlierTexts.has(textOf.get(q.article)))).map((q) => q.id);
    expect(fresh16.some((q) => q.article !== null)).toBe(true);
    expect(reused).toEqual([]);
  });

  it.skipIf(!present)('batch 17 names articles the engine loads, every expected answer is in its article verbatim', async () => {
    const byId = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a]));
    const problems: string[] = [];
    for (const q of fresh17.filter((x) => x.answerable)) {
      const text = (q.article === null ? undefined : byId.get(q.article))?.text.toLowerCase();
      if (text === undefined) problems.push(`${q.id}: no article ${q.article}`);
      else for (const a of q.answers) if (!text.includes(a.toLowerCase())) problems.push(`${q.id}: "${a}" not in ${q.article}`);
    }
    expect(fresh17.filter((x) => x.answerable)).toHaveLength(40);
    expect(problems).toEqual([]);
  });

  it.skipIf(!present)('batch 17 asks about no article batches 1–16 or the dev set use, nor an exact copy of one', async () => {
    const textOf = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a.text]));
    const earlier = [...items, ...loadNewsQa(NEWS_QA_FRESH_FILE), ...fresh2, ...fresh3, ...fresh4, ...fresh5, ...fresh6, ...fresh7, ...fresh8, ...fresh9, ...fresh10, ...fresh11, ...fresh12, ...fresh13, ...fresh14, ...fresh15, ...fresh16].flatMap((q) => (q.article === null ? [] : [q.article]));
    const earlierTexts = new Set(earlier.map((id) => textOf.get(id)));
    const reused = fresh17.filter((q) => q.article !== null && (earlier.includes(q.article) || earlierTexts.has(textOf.get(q.article)))).map((q) => q.id);
    expect(fresh17.some((q) => q.article !== null)).toBe(true);
    expect(reused).toEqual([]);
  });

  it.skipIf(!present)('batch 18 names articles the engine loads, every expected answer is in its article verbatim', async () => {
    const byId = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a]));
    const problems: string[] = [];
    for (const q of fresh18.filter((x) => x.answerable)) {
      const text = (q.article === null ? undefined : byId.get(q.article))?.text.toLowerCase();
      if (text === undefined) problems.push(`${q.id}: no article ${q.article}`);
      else for (const a of q.answers) if (!text.includes(a.toLowerCase())) problems.push(`${q.id}: "${a}" not in ${q.article}`);
    }
    expect(fresh18.filter((x) => x.answerable)).toHaveLength(40);
    expect(problems).toEqual([]);
  });

  it.skipIf(!present)('batch 18 asks about no article batches 1–17 or the dev set use, nor an exact copy of one', async () => {
    const textOf = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a.text]));
    const earlier = [...items, ...loadNewsQa(NEWS_QA_FRESH_FILE), ...fresh2, ...fresh3, ...fresh4, ...fresh5, ...fresh6, ...fresh7, ...fresh8, ...fresh9, ...fresh10, ...fresh11, ...fresh12, ...fresh13, ...fresh14, ...fresh15, ...fresh16, ...fresh17].flatMap((q) => (q.article === null ? [] : [q.article]));
    const earlierTexts = new Set(earlier.map((id) => textOf.get(id)));
    const reused = fresh18.filter((q) => q.article !== null && (earlier.includes(q.article) || earlierTexts.has(textOf.get(q.article)))).map((q) => q.id);
    expect(fresh18.some((q) => q.article !== null)).toBe(true);
    expect(reused).toEqual([]);
  });

  it.skipIf(!present)('batch 19 names articles the engine loads, every expected answer is in its article verbatim', async () => {
    const byId = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a]));
    const problems: string[] = [];
    for (const q of fresh19.filter((x) => x.answerable)) {
      const text = (q.article === null ? undefined : byId.get(q.article))?.text.toLowerCase();
      if (text === undefined) problems.push(`${q.id}: no article ${q.article}`);
      else for (const a of q.answers) if (!text.includes(a.toLowerCase())) problems.push(`${q.id}: "${a}" not in ${q.article}`);
    }
    expect(fresh19.filter((x) => x.answerable)).toHaveLength(40);
    expect(problems).toEqual([]);
  });

  it('batch 19 asks new facts of articles batches 1–6 used, none of another article', () => {
    const used = new Set([...loadNewsQa(NEWS_QA_FRESH_FILE), ...fresh2, ...fresh3, ...fresh4, ...fresh5, ...fresh6].flatMap((q) => (q.answerable && q.article !== null ? [q.article] : [])));
    const outside = fresh19.filter((q) => q.article !== null && !used.has(q.article)).map((q) => q.id);
    expect(fresh19.some((q) => q.article !== null)).toBe(true);
    expect(outside).toEqual([]);
  });

  it.skipIf(!present)('batch 20 names articles the engine loads, every expected answer is in its article verbatim', async () => {
    const byId = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a]));
    const problems: string[] = [];
    for (const q of fresh20.filter((x) => x.answerable)) {
      const text = (q.article === null ? undefined : byId.get(q.article))?.text.toLowerCase();
      if (text === undefined) problems.push(`${q.id}: no article ${q.article}`);
      else for (const a of q.answers) if (!text.includes(a.toLowerCase())) problems.push(`${q.id}: "${a}" not in ${q.article}`);
    }
    expect(fresh20.filter((x) => x.answerable)).toHaveLength(40);
    expect(problems).toEqual([]);
  });

  it.skipIf(!present)('batch 24 names articles the engine loads, every expected answer is in its article verbatim', async () => {
    const byId = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a]));
    const problems: string[] = [];
    for (const q of fresh24.filter((x) => x.answerable)) {
      const text = (q.article === null ? undefined : byId.get(q.article))?.text.toLowerCase();
      if (text === undefined) problems.push(`${q.id}: no article ${q.article}`);
      else for (const a of q.answers) if (!text.includes(a.toLowerCase())) problems.push(`${q.id}: "${a}" not in ${q.article}`);
    }
    expect(fresh24.filter((x) => x.answerable)).toHaveLength(40);
    expect(problems).toEqual([]);
  });

  it('batch 24 asks new facts of articles batches 1–18 used and batches 19–23 did not, none of another article', () => {
    const earlier = [loadNewsQa(NEWS_QA_FRESH_FILE), fresh2, fresh3, fresh4, fresh5, fresh6, fresh7, fresh8, fresh9, fresh10, fresh11, fresh12, fresh13, fresh14, fresh15, fresh16, fresh17, fresh18];
    const articlesOf = (sets: NewsQaItem[][]) => new Set(sets.flat().flatMap((q) => (q.answerable && q.article !== null ? [q.article] : [])));
    const used = articlesOf(earlier);
    const later = articlesOf([fresh19, fresh20, fresh21, fresh22, fresh23]);
    const outside = fresh24.filter((q) => q.article !== null && (!used.has(q.article) || later.has(q.article))).map((q) => q.id);
    expect(fresh24.some((q) => q.article !== null)).toBe(true);
    expect(outside).toEqual([]);
  });

  it.skipIf(!present)('batch 23 names articles the engine loads, every expected answer is in its article verbatim', async () => {
    const byId = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a]));
    const problems: string[] = [];
    for (const q of fresh23.filter((x) => x.answerable)) {
      const text = (q.article === null ? undefined : byId.get(q.article))?.text.toLowerCase();
      if (text === undefined) problems.push(`${q.id}: no article ${q.article}`);
      else for (const a of q.answers) if (!text.includes(a.toLowerCase())) problems.push(`${q.id}: "${a}" not in ${q.article}`);
    }
    expect(fresh23.filter((x) => x.answerable)).toHaveLength(40);
    expect(problems).toEqual([]);
  });

  it('batch 23 asks new facts of articles batches 1–18 used and batches 19–22 did not, none of another article', () => {
    const earlier = [loadNewsQa(NEWS_QA_FRESH_FILE), fresh2, fresh3, fresh4, fresh5, fresh6, fresh7, fresh8, fresh9, fresh10, fresh11, fresh12, fresh13, fresh14, fresh15, fresh16, fresh17, fresh18];
    const articlesOf = (sets: NewsQaItem[][]) => new Set(sets.flat().flatMap((q) => (q.answerable && q.article !== null ? [q.article] : [])));
    const used = articlesOf(earlier);
    const later = articlesOf([fresh19, fresh20, fresh21, fresh22]);
    const outside = fresh23.filter((q) => q.article !== null && (!used.has(q.article) || later.has(q.article))).map((q) => q.id);
    expect(fresh23.some((q) => q.article !== null)).toBe(true);
    expect(outside).toEqual([]);
  });

  it.skipIf(!present)('batch 22 names articles the engine loads, every expected answer is in its article verbatim', async () => {
    const byId = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a]));
    const problems: string[] = [];
    for (const q of fresh22.filter((x) => x.answerable)) {
      const text = (q.article === null ? undefined : byId.get(q.article))?.text.toLowerCase();
      if (text === undefined) problems.push(`${q.id}: no article ${q.article}`);
      else for (const a of q.answers) if (!text.includes(a.toLowerCase())) problems.push(`${q.id}: "${a}" not in ${q.article}`);
    }
    expect(fresh22.filter((x) => x.answerable)).toHaveLength(40);
    expect(problems).toEqual([]);
  });

  it('batch 22 asks new facts of articles batches 1–12 used and batches 19–21 did not, none of another article', () => {
    const earlier = [loadNewsQa(NEWS_QA_FRESH_FILE), fresh2, fresh3, fresh4, fresh5, fresh6, fresh7, fresh8, fresh9, fresh10, fresh11, fresh12];
    const articlesOf = (sets: NewsQaItem[][]) => new Set(sets.flat().flatMap((q) => (q.answerable && q.article !== null ? [q.article] : [])));
    const used = articlesOf(earlier);
    const later = articlesOf([fresh19, fresh20, fresh21]);
    const outside = fresh22.filter((q) => q.article !== null && (!used.has(q.article) || later.has(q.article))).map((q) => q.id);
    expect(fresh22.some((q) => q.article !== null)).toBe(true);
    expect(outside).toEqual([]);
  });

  it.skipIf(!present)('batch 21 names articles the engine loads, every expected answer is in its article verbatim', async () => {
    const byId = new Map((await loadNewsCorpus(BBC)).map((a) => [a.id, a]));
    const problems: string[] = [];
    for (const q of fresh21.filter((x) => x.answerable)) {
      const text = (q.article === null ? undefined : byId.get(q.article))?.text.toLowerCase();
      if (text === undefined) problems.push(`${q.id}: no article ${q.article}`);
      else for (const a of q.answers) if (!text.includes(a.toLowerCase())) problems.push(`${q.id}: "${a}" not in ${q.article}`);
    }
    expect(fresh21.filter((x) => x.answerable)).toHaveLength(40);
    expect(problems).toEqual([]);
  });

  it('batch 21 asks new facts of articles batches 13–18 used, none of another article', () => {
    const used = new Set([...fresh13, ...fresh14, ...fresh15, ...fresh16, ...fresh17, ...fresh18].flatMap((q) => (q.answerable && q.article !== null ? [q.article] : [])));
    const outside = fresh21.filter((q) => q.article !== null && !used.has(q.article)).map((q) => q.id);
    expect(fresh21.some((q) => q.article !== null)).toBe(true);
    expect(outside).toEqual([]);
  });

  it('batch 20 asks new facts of articles batches 7–12 used, none of another article', () => {
    const used = new Set([...fresh7, ...fresh8, ...fresh9, ...fresh10, ...fresh11, ...fresh12].flatMap((q) => (q.answerable && q.article !== null ? [q.article] : [])));
    const outside = fresh20.filter((q) => q.article !== null && !used.has(q.article)).map((q) => q.id);
    expect(fresh20.some((q) => q.article !== null)).toBe(true);
    expect(outside).toEqual([]);
  });

  describe('the batch loader over a folder', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fresh-batches-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    // fresh100: a batch number with no header (fresh10 … fresh19 have one now); 100 after 2 also checks the numeric order
    for (const f of ['news-qa-fresh100.jsonl', 'news-qa-fresh2.jsonl', 'news-qa-fresh.jsonl', 'news-qa.jsonl', 'news-qa-fresh-notes.md', 'news-qa-freshly.jsonl']) writeFileSync(path.join(dir, f), '');

    it('takes only news-qa-fresh<N>.jsonl, in batch order, and labels a batch without a header from its file name', () => {
      const found = listFreshBatches(dir);
      expect(found.map((b) => b.key)).toEqual(['fresh', 'fresh2', 'fresh100']);
      expect(found.map((b) => b.name)).toEqual(['fresh batch', 'fresh batch 2', 'fresh batch 100']);
      expect(found[2]).toMatchObject({ label: 'fresh batch 100 (news-qa-fresh100.jsonl, no header)', notes: null, file: path.join(dir, 'news-qa-fresh100.jsonl') });
      expect(found[1]?.notes).toBe('bench/notes/fresh2.md');
    });
  });
});

describe('news QA scoring', () => {
  const set: NewsQaItem[] = [
    { id: 'a', question: 'who?', answers: ['Heizo Takenaka'], article: 'x', type: 'who', answerable: true },
    { id: 'b', question: 'how much?', answers: ['$4m'], article: 'y', type: 'how much', answerable: true },
    { id: 'c', question: 'unknowable?', answers: [], article: null, type: 'what', answerable: false },
  ];

  it('matches answers in quotes after SQuAD normalisation, on whole words', () => {
    expect(supportsAnswer('said economy minister Heizo Takenaka.', ['heizo takenaka'])).toBe(true);
    expect(supportsAnswer('The trial cost $4m.', ['$4m'])).toBe(true);
    expect(supportsAnswer('The trial cost $40m.', ['$4m'])).toBe(false);
  });

  it('finds an answer inside a hyphenated word or before a possessive', () => {
    expect(supportsAnswer('"It was hard," 19-year-old Simpson said.', ['19'])).toBe(true);
    expect(supportsAnswer("Michael Moore's documentary won.", ['Michael Moore'])).toBe(true);
    expect(supportsAnswer('The 119-year-old house stood.', ['19'])).toBe(false);
  });

  it('reports short-answer precision and coverage only when replies carry `short`', () => {
    const plain = new Map<string, NewsQaReply>([
      ['a', { answer: 'Heizo Takenaka', quote: 'minister Heizo Takenaka said', firstSource: 'x' }],
      ['b', { answer: '$4', quote: 'it cost $4m', firstSource: 'z' }],
      ['c', { answer: null, quote: null, firstSource: null }],
    ]);
    const s = scoreNewsQa(set, plain);
    expect(s).toMatchObject({ answerable: 2, unanswerable: 1, answeredPct: 100, rightArticlePct: 50, supportedPct: 100, em: 50, abstainedPct: 100 });
    expect(s.shortPrecisionPct).toBeUndefined();

    const withShort = new Map<string, NewsQaReply>([
      ['a', { answer: 'Heizo Takenaka', quote: 'minister Heizo Takenaka said', firstSource: 'x', short: true }],
      ['b', { answer: 'it cost $4m', quote: 'it cost $4m', firstSource: 'y', short: false }],
      ['c', { answer: 'Wales', quote: 'Wales won', firstSource: 'q', short: true }],
    ]);
    const t = scoreNewsQa(set, withShort);
    // two short answers, one right; a short answer to an unanswerable question counts as wrong
    expect(t.shortPrecisionPct).toBe(50);
    expect(t.shortCoveragePct).toBeCloseTo(66.67, 1);
    expect(t.abstainedPct).toBe(0);
  });

  it('counts an exact duplicate of the expected article as the right one', () => {
    const replies = new Map<string, NewsQaReply>([['a', { answer: null, quote: null, firstSource: 'x-copy' }]]);
    const same = sameArticleTest(new Map([['x', 'group-1'], ['x-copy', 'group-1']]));
    expect(scoreNewsQa(set.slice(0, 1), replies, same).rightArticlePct).toBe(100);
    expect(scoreNewsQa(set.slice(0, 1), replies).rightArticlePct).toBe(0);
  });

  it('counts a re-filed copy (same title, nearly the same words) as the right article, a same-story article not', () => {
    const body = 'Shares in the firm rose 5% after it said profits had doubled to $2bn in the year to March, beating forecasts by analysts.';
    const articles = new Map([
      ['x', { title: 'Firm profits double', text: body }],
      ['x-refiled', { title: 'Firm profits double', text: `${body} Analysts had expected $1.8bn.` }],
      ['y', { title: 'Firm profits double', text: 'The firm said its rivals struggled while demand fell in Asia and costs rose.' }],
      ['z', { title: 'Another headline', text: body }],
    ]);
    const same = sameArticleTest(new Map(), (id) => articles.get(id));
    expect(same('x', 'x-refiled')).toBe(true);
    expect(same('x', 'y')).toBe(false);
    expect(same('x', 'z')).toBe(false);
  });
});
