// `npx tsx bench/squad-whole-articles.ts`: the open SQuAD sample as whole articles (the paragraphs of one title joined,
// 40 articles of 12+ sentences) instead of the bench's single paragraphs, for evidence that only reads long articles
// (`PASSING`, `UNFOCUSED`: bench/notes/abstain7.md). Prints answered / supported (quote holds a gold answer) with the
// article present and abstention with the question's whole article removed, with the levers off, each added, and the
// levers-off curve over the abstention threshold (same answer rate = compare like with like). A dev check, not a bench section.
import fs from 'node:fs';
import path from 'node:path';
import { Engine } from '../src/engine/engine.ts';
import type { Article } from '../src/engine/types.ts';
import { PASSING, UNFOCUSED } from '../src/engine/answer-evidence.ts';
import { evalFiles, PROJECT_ROOT } from './eval-data.ts';

interface QaRow { title: string; paragraph_index: number; context: string; question: string; answers: string[] }
const file = evalFiles(path.join(PROJECT_ROOT, '..', 'shared', 'eval')).squad;
const qs = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as QaRow);
const byTitle = new Map<string, Map<number, string>>();
for (const q of qs) byTitle.set(q.title, (byTitle.get(q.title) ?? new Map<number, string>()).set(q.paragraph_index, q.context));
const articles: Article[] = [...byTitle].map(([title, m]) => ({ id: title, title: title.replace(/_/g, ' '), text: [...m].sort((a, b) => a[0] - b[0]).map((x) => x[1]).join('\n\n'), url: null, date: null, source: null, origin: 'squad' }));
const full = new Engine(articles);
const without = new Map(articles.map((a) => [a.id, new Engine(articles.filter((b) => b.id !== a.id))]));
const levers = { passing: PASSING, unfocused: UNFOCUSED };

function run(label: string, curve = false): void {
  const present = qs.map((q) => {
    const a = full.ask(q.question).answer;
    return { c: a.answer === null ? 0 : a.confidence, held: a.quote !== null && q.answers.some((g) => a.quote!.includes(g)) };
  });
  const removed = qs.map((q) => {
    const a = without.get(q.title)!.ask(q.question).answer;
    return a.answer === null ? 0 : a.confidence;
  });
  const row = (th: number) => {
    const answered = present.filter((p) => p.c > 0 && p.c >= th);
    const pct = (n: number) => ((100 * n) / qs.length).toFixed(1);
    return `answered ${pct(answered.length)} supported ${pct(answered.filter((p) => p.held).length)} (${answered.filter((p) => p.held).length}) abstained ${pct(removed.filter((c) => c === 0 || c < th).length)} (${removed.filter((c) => c === 0 || c < th).length})`;
  };
  console.log(`${label.padEnd(22)} ${row(0)}`);
  if (curve) for (const th of [0.22, 0.25, 0.28]) console.log(`${`  threshold ${th}`.padEnd(22)} ${row(th)}`);
}

for (const l of Object.values(levers)) l.on = false;
run('levers off', true);
for (const [name, l] of Object.entries(levers)) {
  l.on = true;
  run(`+ ${name}`);
}
