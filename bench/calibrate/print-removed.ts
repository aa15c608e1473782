// `npx tsx bench/calibrate/print-removed.ts [n] [min]`: for reading abstention failures by hand: SQuAD questions asked with
// their paragraph removed and still answered with confidence ≥ min (default 0.3), beside right answers (paragraph present)
// of similar confidence; a deterministic sample of n (default 40) each, with the quote and the evidence record.
import type { AnswerDraft } from '../../src/engine/answer-question.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { quoteContainsGold } from '../squad-metrics.ts';
import { loadSquadCorpus } from './squad-corpus.ts';

const n = Number(process.argv[2] ?? 40);
const min = Number(process.argv[3] ?? 0.3);
const draftOf = (engine: Engine, q: string) => (engine as unknown as { draftAnswer(q: string, c: string, p: readonly string[]): AnswerDraft | null }).draftAnswer(q, '', []);
const { questions, articles, engine } = loadSquadCorpus();
type Item = { q: string; gold: string; d: AnswerDraft; holds: boolean };
const right: Item[] = [];
for (const q of questions) {
  const d = draftOf(engine, q.question);
  if (d && d.confidence >= min && quoteContainsGold(d.quote, q.answers)) right.push({ q: q.question, gold: q.answers[0]!, d, holds: true });
}
const wrong: Item[] = [];
for (const [id, art] of articles) {
  engine.remove([id]);
  for (const q of questions) {
    if (`${q.title}#${q.paragraphIndex}` !== id) continue;
    const d = draftOf(engine, q.question);
    if (d && d.confidence >= min) wrong.push({ q: q.question, gold: q.answers[0]!, d, holds: quoteContainsGold(d.quote, q.answers) });
  }
  engine.add([art]);
}
const f2 = (v: number) => v.toFixed(2);
const show = (label: string, list: Item[]) => {
  const step = Math.max(1, Math.floor(list.length / n));
  console.log(`\n## ${label}: ${list.length}, every ${step}th`);
  for (let i = 0; i < list.length && i / step < n; i += step) {
    const { q, gold, d, holds } = list[i]!;
    const f = d.features;
    console.log(`- [${f2(d.confidence)}${holds ? ' holds' : ''}] ${q} | gold: ${gold}\n  quote (${d.entry.article.id}): ${d.quote.slice(0, 300)}\n  span: ${d.span} | cov ${f2(f.coverage)} win ${f2(f.windowCoverage)} spec ${f2(f.specific)}/${f2(f.specificWindow)} big ${f2(f.bigrams)} typed ${f.typed} ctx ${f2(f.context)} top ${f.topPassage} names ${f.names} rare ${f.rare} unm ${f2(f.unmatched)}`);
  }
};
show('removed, answered', wrong);
show('present, right', right.filter((x) => x.d.confidence <= Math.max(...wrong.map((w) => w.d.confidence))));
