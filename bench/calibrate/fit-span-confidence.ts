// `npx tsx bench/calibrate/fit-span-confidence.ts`: fits the span confidence (span-confidence.ts) on the
// open SQuAD sample, 5-fold cross-validated with folds grouped by article; prints the out-of-fold
// risk–coverage and the weights fitted on everything. Label: the best span has F1 ≥ 0.5 against gold.
import { f1Score, maxOverGold } from '../squad-metrics.ts';
import { crossValidate, fitLogistic, riskCoverage, type Row } from './logistic.ts';
import { loadSquadCorpus } from './squad-corpus.ts';

const { questions, engine } = loadSquadCorpus();
const rows: Row[] = [];
for (const q of questions) {
  const r = engine.ask(q.question);
  if (r.answer.answer === null || !r.span.features || !r.span.text) continue;
  rows.push({ x: { ...r.span.features }, y: maxOverGold(f1Score, r.span.text, q.answers) >= 0.5 ? 1 : 0, group: q.title });
}
const keys = Object.keys(rows[0]?.x ?? {});
const answered = questions.length;
console.log(`${rows.length} answered with a span of ${answered}; span right (F1 ≥ 0.5): ${((100 * rows.reduce((n, r) => n + r.y, 0)) / rows.length).toFixed(1)} %`);
const oof = crossValidate(rows, keys);
const thresholds = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.62, 0.63, 0.64, 0.65, 0.7, 0.75];
console.log('| threshold | coverage % | precision % |\n| ---: | ---: | ---: |');
for (const p of riskCoverage(oof, rows.map((r) => r.y), thresholds)) console.log(`| ${p.threshold} | ${(100 * p.coverage).toFixed(1)} | ${(100 * p.precision).toFixed(1)} |`);
// precision at fixed coverage, threshold-free
const sorted = oof.map((s, i) => [s, rows[i]!.y] as const).sort((a, b) => b[0] - a[0]);
for (const c of [0.3, 0.4, 0.5, 0.6]) {
  const top = sorted.slice(0, Math.round(c * sorted.length));
  console.log(`precision at ${c * 100} % coverage: ${((100 * top.reduce((n, x) => n + x[1], 0)) / top.length).toFixed(1)}`);
}
const w = fitLogistic(rows, keys);
console.log(JSON.stringify(Object.fromEntries(Object.entries(w).map(([k, v]) => [k, Number(v.toFixed(2))]))));
