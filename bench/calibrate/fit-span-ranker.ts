// `npx tsx bench/calibrate/fit-span-ranker.ts`: refits the span ranking weights on the open SQuAD sample:
// the shared weights (SPAN_RANK_WEIGHTS in extract-span.ts) and per-question-type offsets
// (SPAN_TYPE_OFFSETS), 5-fold cross-validated with folds grouped by article, starting from the current
// shared weights and offsets of 0. Prints out-of-fold EM / F1 of the top candidate on the engine's own sentence for the current
// and the fitted tables, then both tables fitted on everything (paste them into extract-span.ts).
// METHOD=ascent (default: coordinate ascent on top-1 EM + F1) or METHOD=listwise (conditional logit,
// L2 to the start). Settings: PULL / MIN_GAIN (shared weights), TYPE_PULL / TYPE_MIN_GAIN (offsets,
// pulled to 0), PASSES, TYPES=0 (shared weights only), FIT_TYPES=what,who (only these types' offsets),
// SHARED=0 (shared weights fixed), DROP=key,key (ablation), ONLY=key,key (only these shared weights
// move, from the current tables: `ONLY=kindMatch,kindMiss npx tsx bench/calibrate/fit-span-ranker.ts`). Deterministic.
// The fit in the table: METHOD=listwise SHARED=0 FIT_TYPES=what,who,where npx tsx bench/calibrate/fit-span-ranker.ts
import { classifyQuestion, scoreCandidates, SPAN_RANK_WEIGHTS, SPAN_TYPE_OFFSETS, type QuestionType, type SpanEvidence } from '../../src/engine/extract-span.ts';
import { exactMatch, f1Score, maxOverGold } from '../squad-metrics.ts';
import { loadSquadCorpus } from './squad-corpus.ts';
import { bestBy } from './logistic.ts';

type Weights = Record<keyof SpanEvidence, number>;
const KEYS = Object.keys(SPAN_RANK_WEIGHTS) as (keyof SpanEvidence)[];
const { questions, engine } = loadSquadCorpus();
/** DROP=focusSim,length: leave these evidence keys out (for ablations). */
const DROP = new Set((process.env.DROP ?? '').split(',').filter(Boolean));
const TYPES: QuestionType[] = ['who', 'when', 'where', 'number', 'what', 'other'];
const WITH_TYPES = process.env.TYPES !== '0';
/** Width of the extended vector: shared evidence, then one block of offsets per question type. */
const WIDTH = KEYS.length * (1 + TYPES.length);
interface Item {
  group: string;
  type: number;
  cands: { x: number[]; em: number; f1: number }[];
}
const items: Item[] = [];
for (const q of questions) {
  const from = engine.ask(q.question).span.from;
  if (!from) {
    items.push({ group: q.title, type: 0, cands: [] });
    continue;
  }
  const { scored } = scoreCandidates(q.question, from);
  const type = TYPES.indexOf(classifyQuestion(q.question));
  // the evidence again in the block of the question's type, where the type's offsets apply to it
  const extend = (x: number[]) => {
    const out = new Array<number>(WIDTH).fill(0);
    x.forEach((v, i) => {
      out[i] = v;
      out[KEYS.length * (1 + type) + i] = v;
    });
    return out;
  };
  items.push({
    group: q.title,
    type,
    cands: scored.filter((c) => c.text).map((c) => ({ x: extend(KEYS.map((k) => (DROP.has(k) ? 0 : c.evidence[k]))), em: maxOverGold(exactMatch, c.text, q.answers), f1: maxOverGold(f1Score, c.text, q.answers) })),
  });
}

const dot = (w: number[], x: number[]) => x.reduce((a, v, i) => a + v * w[i]!, 0);
function top(w: number[], it: Item) {
  return bestBy(it.cands, (c) => dot(w, c.x));
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
    for (let k = 0; k < w.length; k++) if (trainable(k)) w[k]! -= rate * (g[k]! / usable.length + l2 * (w[k]! - start[k]!));
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
  const valueOf = (i: number, k: number, delta: number) => {
    let best = -Infinity;
    let at = -1;
    const s = scores[i]!;
    usable[i]!.cands.forEach((c, j) => {
      const x = s[j]! + delta * c.x[k]!;
      if (x > best) {
        best = x;
        at = j;
      }
    });
    const c = usable[i]!.cands[at]!;
    return c.em + c.f1;
  };
  // only the questions with some evidence k can change their pick when weight k moves
  const touched = Array.from({ length: WIDTH }, (_, k) => usable.map((it, i) => (it.cands.some((c) => c.x[k] !== 0) ? i : -1)).filter((i) => i >= 0));
  const STEPS = [-1, -0.5, -0.25, -0.1, 0.1, 0.25, 0.5, 1];
  for (let p = 0; p < passes; p++) {
    let moved = false;
    for (let k = 0; k < WIDTH; k++) {
      const shared = k < KEYS.length;
      if (!trainable(k)) continue;
      const ids = touched[k]!;
      if (ids.length === 0) continue;
      const base = ids.reduce((v, i) => v + valueOf(i, k, 0), 0);
      let bestDelta = 0;
      // a pull to the start (shared) or to 0 (offsets) keeps weights the data do not speak to
      const pull = shared ? PULL : TYPE_PULL;
      const minGain = shared ? MIN_GAIN : TYPE_MIN_GAIN;
      let bestValue = base - pull * Math.abs(w[k]! - start[k]!);
      for (const d of STEPS) {
        const v = ids.reduce((a, i) => a + valueOf(i, k, d), 0) - pull * Math.abs(w[k]! + d - start[k]!);
        if (v > bestValue + minGain) {
          bestValue = v;
          bestDelta = d;
        }
      }
      if (bestDelta !== 0) {
        moved = true;
        w[k]! += bestDelta;
        for (const i of ids) usable[i]!.cands.forEach((c, j) => (scores[i]![j]! += bestDelta * c.x[k]!));
      }
    }
    if (!moved) break;
  }
  return w;
}
const PULL = Number(process.env.PULL ?? 2);
const MIN_GAIN = Number(process.env.MIN_GAIN ?? 2);
/** FIT_TYPES=what,other: only these types' offsets move; SHARED=0: the shared weights stay as they are. */
const FIT_TYPES = new Set((process.env.FIT_TYPES ?? TYPES.join(',')).split(','));
const FIT_SHARED = process.env.SHARED !== '0';
/** ONLY=kindMatch,kindMiss: fit only these shared weights, every other weight and offset kept as it is. */
const ONLY = new Set((process.env.ONLY ?? '').split(',').filter(Boolean));
/** ONLY_IN=what,other (with ONLY): fit these types' offsets of the ONLY keys instead of their shared weights. */
const ONLY_IN = new Set((process.env.ONLY_IN ?? '').split(',').filter(Boolean));
function trainable(k: number): boolean {
  if (ONLY.size && ONLY_IN.size) return k >= KEYS.length && ONLY.has(KEYS[k % KEYS.length]!) && ONLY_IN.has(TYPES[Math.floor(k / KEYS.length) - 1]!);
  if (ONLY.size) return k < KEYS.length && ONLY.has(KEYS[k]!);
  if (k < KEYS.length) return FIT_SHARED;
  return WITH_TYPES && FIT_TYPES.has(TYPES[Math.floor(k / KEYS.length) - 1]!);
}
const TYPE_PULL = Number(process.env.TYPE_PULL ?? 4);
const TYPE_MIN_GAIN = Number(process.env.TYPE_MIN_GAIN ?? 4);
const method = process.env.METHOD ?? 'ascent';
const train = (items: Item[], start: number[]) => (method === 'listwise' ? fit(items, start) : ascend(items, start));
const hand = [...KEYS.map((k) => SPAN_RANK_WEIGHTS[k]), ...TYPES.flatMap((t) => KEYS.map((k) => SPAN_TYPE_OFFSETS[t][k] ?? 0))];
// fits start from the current shared weights and from offsets of 0 (not the current offsets, which saw every fold)
// (with ONLY the offsets stay fixed at their current values, so they start there)
const start = ONLY.size ? [...hand] : [...KEYS.map((k) => SPAN_RANK_WEIGHTS[k]), ...new Array<number>(KEYS.length * TYPES.length).fill(0)];
const groups = [...new Set(items.map((i) => i.group))].sort();
const foldOf = new Map(groups.map((g, i) => [g, i % 5]));
let handEm = 0, handF1 = 0, fitEm = 0, fitF1 = 0;
// out-of-fold top-1 EM by question type, to see where the offsets pay
const byType = TYPES.map(() => ({ n: 0, hand: 0, fit: 0 }));
for (let f = 0; f < 5; f++) {
  const w = train(items.filter((i) => foldOf.get(i.group) !== f), start);
  for (const it of items.filter((i) => foldOf.get(i.group) === f)) {
    const a = top(hand, it);
    const b = top(w, it);
    handEm += a?.em ?? 0;
    handF1 += a?.f1 ?? 0;
    fitEm += b?.em ?? 0;
    fitF1 += b?.f1 ?? 0;
    const t = byType[it.type]!;
    t.n++;
    t.hand += a?.em ?? 0;
    t.fit += b?.em ?? 0;
  }
}
const n = items.length;
console.log(`out-of-fold over ${n} questions (engine's own sentence): hand EM ${((100 * handEm) / n).toFixed(2)} F1 ${((100 * handF1) / n).toFixed(2)}; fitted EM ${((100 * fitEm) / n).toFixed(2)} F1 ${((100 * fitF1) / n).toFixed(2)}`);
const all = train(items, start);
console.log('SPAN_RANK_WEIGHTS', JSON.stringify(Object.fromEntries(KEYS.map((k, i) => [k, Number(all[i]!.toFixed(2))]))));
const offsets = Object.fromEntries(TYPES.map((t, b) => [t, Object.fromEntries(KEYS.map((k, i) => [k, Number(all[KEYS.length * (1 + b) + i]!.toFixed(2))]).filter(([, v]) => v !== 0))]));
console.log('SPAN_TYPE_OFFSETS', JSON.stringify(offsets));
console.log(TYPES.map((t, i) => `${t} ${byType[i]!.n}: EM ${((100 * byType[i]!.hand) / (byType[i]!.n || 1)).toFixed(1)} → ${((100 * byType[i]!.fit) / (byType[i]!.n || 1)).toFixed(1)}`).join('; '));
