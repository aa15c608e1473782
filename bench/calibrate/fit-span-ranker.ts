// `npx tsx bench/calibrate/fit-span-ranker.ts`: refits the span ranking weights (SPAN_RANK_WEIGHTS in
// extract-span.ts) on the open SQuAD sample as a listwise (conditional logit) ranker over each
// question's candidates, 5-fold cross-validated with folds grouped by article, starting from the
// current weights. Prints out-of-fold EM / F1 of the top candidate for the current and the fitted
// weights, then the weights fitted on everything (paste them into SPAN_RANK_WEIGHTS).
// METHOD=ascent (default: coordinate ascent on top-1 EM + F1) or METHOD=listwise (conditional logit).
import { Engine } from '../../src/engine/engine.ts';
import { scoreCandidates, SPAN_RANK_WEIGHTS, type SpanEvidence } from '../../src/engine/extract-span.ts';
import type { Article } from '../../src/engine/types.ts';
import { evalDirPath, evalFiles, loadQa } from '../eval-data.ts';
import { exactMatch, f1Score, maxOverGold } from '../squad-metrics.ts';

type Weights = Record<keyof SpanEvidence, number>;
const KEYS = Object.keys(SPAN_RANK_WEIGHTS) as (keyof SpanEvidence)[];
const questions = loadQa(evalFiles(evalDirPath()).squad);
const articles = new Map<string, Article>();
for (const q of questions) {
  const id = `${q.title}#${q.paragraphIndex}`;
  if (!articles.has(id)) articles.set(id, { id, title: q.title, text: q.context, url: null, date: null, source: null, origin: 'squad' });
}
const engine = new Engine([...articles.values()]);
interface Item {
  group: string;
  cands: { x: number[]; em: number; f1: number }[];
}
const items: Item[] = [];
for (const q of questions) {
  const from = engine.ask(q.question).span.from;
  if (!from) {
    items.push({ group: q.title, cands: [] });
    continue;
  }
  const { scored } = scoreCandidates(q.question, from);
  items.push({
    group: q.title,
    cands: scored.filter((c) => c.text).map((c) => ({ x: KEYS.map((k) => c.evidence[k]), em: maxOverGold(exactMatch, c.text, q.answers), f1: maxOverGold(f1Score, c.text, q.answers) })),
  });
}

const dot = (w: number[], x: number[]) => x.reduce((a, v, i) => a + v * w[i]!, 0);
function top(w: number[], it: Item) {
  let best: Item['cands'][number] | undefined;
  let bs = -Infinity;
  for (const c of it.cands) {
    const s = dot(w, c.x);
    if (s > bs) {
      bs = s;
      best = c;
    }
  }
  return best;
}
function fit(train: Item[], start: number[], l2 = Number(process.env.L2 ?? 0.02), epochs = Number(process.env.EPOCHS ?? 300), rate = 0.3): number[] {
  const w = [...start];
  const usable = train.filter((it) => it.cands.some((c) => c.em > 0));
  for (let e = 0; e < epochs; e++) {
    const g = new Array<number>(w.length).fill(0);
    for (const it of usable) {
      const scores = it.cands.map((c) => dot(w, c.x));
      const m = Math.max(...scores);
      const ex = scores.map((s) => Math.exp(s - m));
      const z = ex.reduce((a, b) => a + b, 0);
      const pos = it.cands.filter((c) => c.em > 0);
      it.cands.forEach((c, i) => c.x.forEach((v, k) => (g[k]! += (ex[i]! / z) * v)));
      for (const c of pos) c.x.forEach((v, k) => (g[k]! -= v / pos.length));
    }
    // L2 towards the hand weights: small data, keep what is known unless the data disagree
    for (let k = 0; k < w.length; k++) w[k]! -= rate * (g[k]! / usable.length + l2 * (w[k]! - start[k]!));
  }
  return w;
}
/**
 * Coordinate ascent on the top candidate's EM + F1 itself (the listwise likelihood above rewards
 * ranking every exact candidate high, which is not what picking one needs): each weight in turn
 * tries a grid of steps, keeping the one that helps most; deterministic.
 */
function ascend(train: Item[], start: number[], passes = Number(process.env.PASSES ?? 4)): number[] {
  const w = [...start];
  const usable = train.filter((it) => it.cands.length > 1);
  const scores = usable.map((it) => it.cands.map((c) => dot(w, c.x)));
  const value = (k: number, delta: number) => {
    let v = 0;
    usable.forEach((it, i) => {
      let best = -Infinity;
      let at = -1;
      const s = scores[i]!;
      it.cands.forEach((c, j) => {
        const x = s[j]! + delta * c.x[k]!;
        if (x > best) {
          best = x;
          at = j;
        }
      });
      const c = it.cands[at]!;
      v += c.em + c.f1;
    });
    return v;
  };
  const STEPS = [-1, -0.5, -0.25, -0.1, 0.1, 0.25, 0.5, 1];
  for (let p = 0; p < passes; p++) {
    let moved = false;
    for (let k = 0; k < w.length; k++) {
      let bestDelta = 0;
      // a small pull to the start keeps weights the data do not speak to
      let bestValue = value(k, 0);
      for (const d of STEPS) {
        const v = value(k, d) - PULL * Math.abs(w[k]! + d - start[k]!);
        if (v > bestValue + MIN_GAIN) {
          bestValue = v;
          bestDelta = d;
        }
      }
      if (bestDelta !== 0) {
        moved = true;
        w[k]! += bestDelta;
        usable.forEach((it, i) => it.cands.forEach((c, j) => (scores[i]![j]! += bestDelta * c.x[k]!)));
      }
    }
    if (!moved) break;
  }
  return w;
}
const PULL = Number(process.env.PULL ?? 2);
const MIN_GAIN = Number(process.env.MIN_GAIN ?? 2);
const method = process.env.METHOD ?? 'ascent';
const train = (items: Item[], start: number[]) => (method === 'listwise' ? fit(items, start) : ascend(items, start));
const hand = KEYS.map((k) => SPAN_RANK_WEIGHTS[k]);
const groups = [...new Set(items.map((i) => i.group))].sort();
const foldOf = new Map(groups.map((g, i) => [g, i % 5]));
let handEm = 0, handF1 = 0, fitEm = 0, fitF1 = 0;
for (let f = 0; f < 5; f++) {
  const w = train(items.filter((i) => foldOf.get(i.group) !== f), hand);
  for (const it of items.filter((i) => foldOf.get(i.group) === f)) {
    const a = top(hand, it);
    const b = top(w, it);
    handEm += a?.em ?? 0;
    handF1 += a?.f1 ?? 0;
    fitEm += b?.em ?? 0;
    fitF1 += b?.f1 ?? 0;
  }
}
const n = items.length;
console.log(`out-of-fold over ${n} questions (engine's own sentence): hand EM ${((100 * handEm) / n).toFixed(2)} F1 ${((100 * handF1) / n).toFixed(2)}; fitted EM ${((100 * fitEm) / n).toFixed(2)} F1 ${((100 * fitF1) / n).toFixed(2)}`);
const all = train(items, hand);
console.log(JSON.stringify(Object.fromEntries(KEYS.map((k, i) => [k, Number(all[i]!.toFixed(2))]))));
