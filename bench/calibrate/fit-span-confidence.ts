// `npx tsx bench/calibrate/fit-span-confidence.ts`: fits the span confidence (span-confidence.ts) on the
// open SQuAD sample, 5-fold cross-validated with folds grouped by article; prints the out-of-fold
// risk–coverage and the weights fitted on everything. Label: the best span has F1 ≥ 0.5 against gold.
// Spans the engine never vouches for (a date / number asked and none given, a quantity of another kind)
// are not fitted and count as not short. LOWER=1 also asks every question lower-cased (as chat users
// type) and reports both halves; FEATURES=a,b,c fits only these features (default: those with a weight
// in SPAN_WEIGHTS); ADD=a,b adds features to that set. Prints the rule for SHORT_ABOVE (the lowest threshold at ≥ 80 %
// out-of-fold precision) after the table; TREES=n measures boosted trees on top (see reportTrees).
import { f1Score, maxOverGold } from '../squad-metrics.ts';
import { fitLogisticNewton, predict, riskCoverage, type Row } from './logistic.ts';
import { loadSquadCorpus } from './squad-corpus.ts';
import { SPAN_WEIGHTS } from '../../src/engine/span-confidence.ts';
import { BOOST_DEFAULTS, boostOptionsFromEnv, evalTree, fitBoostedTrees } from './boost.ts';

const { questions, engine } = loadSquadCorpus();
interface Asked extends Row {
  lower: boolean;
  gated: boolean;
}
const rows: Asked[] = [];
const cases = process.env.LOWER === '1' ? [false, true] : [false];
for (const lower of cases) {
  for (const q of questions) {
    const r = engine.ask(lower ? q.question.toLowerCase() : q.question);
    if (r.answer.answer === null || !r.span.features || !r.span.text) continue;
    // the answer's own evidence too, prefixed `a_` (ADD=a_rare,… to try it beside the span's)
    const answer = Object.fromEntries(Object.entries(r.span.answerFeatures ?? {}).map(([k, v]) => [`a_${k}`, v]));
    rows.push({ x: { ...r.span.features, ...answer }, y: maxOverGold(f1Score, r.span.text, q.answers) >= 0.5 ? 1 : 0, group: q.title, lower, gated: r.span.confidence === 0 });
  }
}
const base = Object.entries(SPAN_WEIGHTS).filter(([k, v]) => k !== 'bias' && v !== 0).map(([k]) => k);
const keys = process.env.FEATURES ? process.env.FEATURES.split(',') : [...base, ...(process.env.ADD ?? '').split(',').filter(Boolean)];
// INTERACT=1: every feature again for typed questions (who / when / where / number) only: a weight table per kind of question
if (process.env.INTERACT === '1') {
  for (const r of rows) {
    const typed = (r.x['what'] ?? 0) + (r.x['other'] ?? 0) === 0 ? 1 : 0;
    for (const k of [...keys]) r.x[`${k}_typed`] = typed * (r.x[k] ?? 0);
  }
  keys.push(...keys.map((k) => `${k}_typed`));
}
const fitted = rows.filter((r) => !r.gated);
const pct = (x: number) => (100 * x).toFixed(1);
console.log(`${rows.length} answered with a span (${cases.length} case${cases.length > 1 ? 's' : ''}), ${rows.length - fitted.length} never vouched for; span right (F1 ≥ 0.5): ${pct(rows.reduce((n, r) => n + r.y, 0) / rows.length)} %`);
console.log(`features: ${keys.join(',')}`);
/** Out-of-fold scores, folds grouped by article as in logistic.ts (Newton's method: the same fit, seconds not a minute). */
function crossValidate(data: readonly Row[], ks: readonly string[], folds = 5): number[] {
  const groups = [...new Set(data.map((r) => r.group))].sort();
  const foldOf = new Map(groups.map((g, i) => [g, i % folds]));
  const out = new Array<number>(data.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const w = fitLogisticNewton(data.filter((r) => foldOf.get(r.group) !== f), ks);
    data.forEach((r, i) => {
      if (foldOf.get(r.group) === f) out[i] = predict(w, r.x);
    });
  }
  return out;
}
const oofFitted = crossValidate(fitted, keys);
const scoreOf = new Map(fitted.map((r, i) => [r, oofFitted[i]!]));
const oof = rows.map((r) => scoreOf.get(r) ?? 0);
const thresholds = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.61, 0.62, 0.63, 0.64, 0.65, 0.66, 0.67, 0.68, 0.69, 0.7, 0.71, 0.72, 0.73, 0.74, 0.75];
const report = (label: string, pick: (r: Asked) => boolean) => {
  const idx = rows.map((r, i) => (pick(r) ? i : -1)).filter((i) => i >= 0);
  const s = idx.map((i) => oof[i]!);
  const y = idx.map((i) => rows[i]!.y);
  console.log(`\n${label}: ${idx.length} spans\n| threshold | coverage % | precision % |\n| ---: | ---: | ---: |`);
  for (const p of riskCoverage(s, y, thresholds)) console.log(`| ${p.threshold} | ${pct(p.coverage)} | ${pct(p.precision)} |`);
  // precision at fixed coverage, and the widest coverage at ≥ 80 % precision (threshold-free)
  const sorted = s.map((v, i) => [v, y[i]!] as const).sort((a, b) => b[0] - a[0]);
  const at = [0.3, 0.4, 0.5, 0.6].map((c) => {
    const top = sorted.slice(0, Math.round(c * sorted.length));
    return pct(top.reduce((n, x) => n + x[1], 0) / (top.length || 1));
  });
  let good = 0;
  let widest = 0;
  sorted.forEach(([, yy], i) => {
    good += yy;
    if (i >= 20 && good / (i + 1) >= 0.8) widest = (i + 1) / sorted.length;
  });
  console.log(`precision at 30 / 40 / 50 / 60 % coverage: ${at.join(' / ')}; widest coverage at ≥ 80 % precision: ${pct(widest)} %`);
};
report('all', () => true);
if (cases.length > 1) {
  report('as written', (r) => !r.lower);
  report('lower-cased', (r) => r.lower);
}
/** The threshold rule for SHORT_ABOVE: the lowest grid threshold whose out-of-fold precision is ≥ 80 %. */
const printRule = () => {
  const rule = riskCoverage(oof, rows.map((r) => r.y), thresholds).find((p) => p.precision >= 0.8 && p.coverage > 0);
  console.log(rule ? `rule (SHORT_ABOVE): threshold ${rule.threshold} → coverage ${pct(rule.coverage)} %, precision ${pct(rule.precision)} % (out of fold)` : 'rule: no threshold reaches 80 %');
};
printRule();
const w = fitLogisticNewton(fitted, keys);
console.log(JSON.stringify(Object.fromEntries(Object.entries(w).map(([k, v]) => [k, Number(v.toFixed(2))]))));
if (process.env.TREES) reportTrees();

/**
 * TREES=n: boosted depth-2 trees (boost.ts) over the span features (TREE_KEYS=a,b,… else the fitted keys), added to
 * a starting score: LINEAR=engine (default) the shipped SPAN_WEIGHTS, LINEAR=refit the linear fit of the same fold,
 * LINEAR=none a constant. Prints the out-of-fold risk–coverage as above; the threshold rule picks the lowest grid
 * threshold at ≥ 80 % out-of-fold precision. Measured, not adopted: bench/notes/conftrees.md (the engine hook and
 * WRITE=1 that wrote the table are in that branch's history).
 */
function reportTrees(): void {
  const options = boostOptionsFromEnv({ ...BOOST_DEFAULTS, trees: Number(process.env.TREES) });
  const linear = process.env.LINEAR ?? 'engine';
  const treeKeys = process.env.TREE_KEYS ? process.env.TREE_KEYS.split(',') : keys;
  const vec = (r: Row) => treeKeys.map((k) => r.x[k] ?? 0);
  const logit = (p: number) => Math.log(Math.max(1e-9, p) / Math.max(1e-9, 1 - p));
  const fit = (train: readonly Row[]) => {
    const lw = linear === 'refit' ? fitLogisticNewton(train, keys) : null;
    const prior = logit(train.reduce((a, r) => a + r.y, 0) / (train.length || 1));
    const base = (r: Row) => (lw ? logit(predict(lw, r.x)) : linear === 'none' ? prior : logit(predict(SPAN_WEIGHTS, r.x)));
    const trees = fitBoostedTrees(train.map((r) => ({ x: vec(r), y: r.y, base: base(r) })), options);
    return { trees, score: (r: Row) => 1 / (1 + Math.exp(-(base(r) + trees.reduce((a, t) => a + evalTree(t, vec(r)), 0)))) };
  };
  const groups = [...new Set(fitted.map((r) => r.group))].sort();
  const foldOf = new Map(groups.map((g, i) => [g, i % 5]));
  const byRow = new Map<Row, number>();
  for (let f = 0; f < 5; f++) {
    const model = fit(fitted.filter((r) => foldOf.get(r.group) !== f));
    for (const r of fitted) if (foldOf.get(r.group) === f) byRow.set(r, model.score(r));
  }
  const name = `${linear} + ${options.trees} trees d${options.depth} ×${options.rate} λ${options.lambda} over ${treeKeys.length} features`;
  for (let i = 0; i < rows.length; i++) oof[i] = byRow.get(rows[i]!) ?? 0;
  report(name, () => true);
  if (cases.length > 1) {
    report(`${name}, as written`, (r) => !r.lower);
    report(`${name}, lower-cased`, (r) => r.lower);
  }
  printRule();
}
