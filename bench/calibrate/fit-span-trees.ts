// `npx tsx bench/calibrate/fit-span-trees.ts`: boosted regression trees on top of the linear span ranker
// (SPAN_RANK_WEIGHTS + SPAN_TYPE_OFFSETS): interactions of the evidence (question type × shape × relation)
// the weight table cannot express. Listwise softmax loss over each question's candidates on the engine's
// own sentence (label: exact match), Newton leaves, histogram splits; open SQuAD sample, 5 folds grouped
// by article. Prints out-of-fold top-1 EM / F1 (linear vs linear + trees, by type), then the trees fitted on
// everything (paste as SPAN_TREES in span-trees.ts). Settings: TREES (60), DEPTH (2), RATE (0.05),
// LAMBDA (5), MIN_LEAF (hessian, 3), LABEL=em|f1, FOR=what,other (the question types the trees are for). Deterministic.
import { classifyQuestion, scoreCandidates, SPAN_RANK_WEIGHTS, SPAN_TYPE_OFFSETS, type QuestionType, type SpanEvidence, type SpanTree } from '../../src/engine/extract-span.ts';
import { exactMatch, f1Score, maxOverGold, normalizeAnswer } from '../squad-metrics.ts';
import { splitSentences } from '../../src/engine/text.ts';
import { loadSquadCorpus } from './squad-corpus.ts';

const TREES = Number(process.env.TREES ?? 60);
const DEPTH = Number(process.env.DEPTH ?? 2);
const RATE = Number(process.env.RATE ?? 0.05);
const LAMBDA = Number(process.env.LAMBDA ?? 5);
const MIN_LEAF = Number(process.env.MIN_LEAF ?? 3);
const LABEL = process.env.LABEL ?? 'em';
/** FOR=what,other: trees for these question types only (trained on their questions, applied only to them). */
const FOR = new Set((process.env.FOR ?? 'what,other').split(','));
const TYPES: QuestionType[] = ['who', 'when', 'where', 'number', 'what', 'other'];
/** The tree features: the evidence record, then the question type one-hots (`type:what`). */
const KEYS = [...(Object.keys(SPAN_RANK_WEIGHTS) as (keyof SpanEvidence)[]), ...TYPES.map((t) => `type:${t}`)];
/** DROP=closeGap,verbRank: the trees do not see these evidence keys (ablations). */
const DROP = new Set((process.env.DROP ?? '').split(',').filter(Boolean));
const evidenceRow = (e: SpanEvidence) => (Object.keys(SPAN_RANK_WEIGHTS) as (keyof SpanEvidence)[]).map((k) => (DROP.has(k) ? 0 : e[k]));

interface Cand {
  x: number[];
  base: number;
  em: number;
  f1: number;
}
interface Item {
  group: string;
  type: number;
  cands: Cand[];
  /** Candidates from the gold sentence: training data only (GOLD=1), never scored. */
  extra?: boolean;
}
const { questions, engine } = loadSquadCorpus();
const items: Item[] = [];
const GOLD = process.env.GOLD === '1';
const toCands = (question: string, type: QuestionType, text: string, answers: readonly string[]): Cand[] =>
  scoreCandidates(question, text, [], SPAN_RANK_WEIGHTS, SPAN_TYPE_OFFSETS, { types: [], trees: [] })
    .scored.filter((c) => c.text)
    .map((c) => ({ x: [...evidenceRow(c.evidence), ...TYPES.map((t) => (t === type ? 1 : 0))], base: c.score, em: maxOverGold(exactMatch, c.text, answers), f1: maxOverGold(f1Score, c.text, answers) }));
for (const q of questions) {
  if (GOLD) {
    // the sentence of the paragraph that holds a gold answer: more right candidates to learn from
    const norm = q.answers.map(normalizeAnswer);
    const gold = splitSentences(q.context).find((s) => norm.some((g) => normalizeAnswer(s.text).includes(g)))?.text;
    const type = classifyQuestion(q.question);
    if (gold && gold !== engine.ask(q.question).span.from) items.push({ group: q.title, type: TYPES.indexOf(type), cands: toCands(q.question, type, gold, q.answers), extra: true });
  }
  const from = engine.ask(q.question).span.from;
  const type = classifyQuestion(q.question);
  if (!from) {
    items.push({ group: q.title, type: TYPES.indexOf(type), cands: [] });
    continue;
  }
  const { scored } = scoreCandidates(q.question, from, [], SPAN_RANK_WEIGHTS, SPAN_TYPE_OFFSETS, { types: [], trees: [] });
  items.push({
    group: q.title,
    type: TYPES.indexOf(type),
    cands: scored
      .filter((c) => c.text)
      .map((c) => ({ x: [...evidenceRow(c.evidence), ...TYPES.map((t) => (t === type ? 1 : 0))], base: c.score, em: maxOverGold(exactMatch, c.text, q.answers), f1: maxOverGold(f1Score, c.text, q.answers) })),
  });
}

/** Split points per feature: up to 15 distinct quantiles of its values (most features are 0/1). */
function thresholdsOf(rows: readonly Cand[]): number[][] {
  return KEYS.map((_, k) => {
    const vals = [...new Set(rows.map((r) => r.x[k]!))].sort((a, b) => a - b);
    if (vals.length <= 16) return vals.slice(0, -1).map((v, i) => (v + vals[i + 1]!) / 2);
    return Array.from({ length: 15 }, (_, i) => vals[Math.floor(((i + 1) * vals.length) / 16)]!);
  });
}

function evalTree(t: SpanTree, x: readonly number[]): number {
  let node = t;
  while ('f' in node) node = x[node.f]! <= node.t ? node.l : node.r;
  return node.v;
}

function grow(rows: readonly { x: number[]; g: number; h: number }[], cuts: readonly number[][], depth: number): SpanTree {
  let G = 0;
  let H = 0;
  for (const r of rows) {
    G += r.g;
    H += r.h;
  }
  const leaf = { v: (-RATE * G) / (H + LAMBDA) };
  if (depth === 0 || H < 2 * MIN_LEAF) return leaf;
  const parent = (G * G) / (H + LAMBDA);
  let best = { gain: 1e-6, f: -1, t: 0 };
  cuts.forEach((ts, f) => {
    for (const t of ts) {
      let gl = 0;
      let hl = 0;
      for (const r of rows) {
        if (r.x[f]! <= t) {
          gl += r.g;
          hl += r.h;
        }
      }
      const gr = G - gl;
      const hr = H - hl;
      if (hl < MIN_LEAF || hr < MIN_LEAF) continue;
      const gain = (gl * gl) / (hl + LAMBDA) + (gr * gr) / (hr + LAMBDA) - parent;
      if (gain > best.gain) best = { gain, f, t };
    }
  });
  if (best.f < 0) return leaf;
  const left = rows.filter((r) => r.x[best.f]! <= best.t);
  const right = rows.filter((r) => r.x[best.f]! > best.t);
  return { f: best.f, t: best.t, l: grow(left, cuts, depth - 1), r: grow(right, cuts, depth - 1) };
}

function train(data: readonly Item[]): SpanTree[] {
  const usable = data.filter((it) => FOR.has(TYPES[it.type]!) && it.cands.length > 1 && it.cands.some((c) => (LABEL === 'f1' ? c.f1 : c.em) > 0));
  const all = usable.flatMap((it) => it.cands);
  const cuts = thresholdsOf(all);
  const extra = usable.map((it) => it.cands.map(() => 0));
  const trees: SpanTree[] = [];
  for (let m = 0; m < TREES; m++) {
    const rows: { x: number[]; g: number; h: number }[] = [];
    usable.forEach((it, i) => {
      const s = it.cands.map((c, j) => c.base + extra[i]![j]!);
      const mx = Math.max(...s);
      const e = s.map((v) => Math.exp(v - mx));
      const z = e.reduce((a, b) => a + b, 0);
      const lab = it.cands.map((c) => (LABEL === 'f1' ? c.f1 : c.em));
      const lz = lab.reduce((a, b) => a + b, 0);
      it.cands.forEach((c, j) => {
        const p = e[j]! / z;
        rows.push({ x: c.x, g: p - lab[j]! / lz, h: Math.max(1e-6, p * (1 - p)) });
      });
    });
    const tree = grow(rows, cuts, DEPTH);
    trees.push(tree);
    usable.forEach((it, i) => it.cands.forEach((c, j) => (extra[i]![j]! += evalTree(tree, c.x))));
  }
  return trees;
}

const scoreWith = (trees: readonly SpanTree[], c: Cand) => c.base + trees.reduce((a, t) => a + evalTree(t, c.x), 0);
const groups = [...new Set(items.map((i) => i.group))].sort();
const foldOf = new Map(groups.map((g, i) => [g, i % 5]));
const tally = TYPES.map(() => ({ n: 0, base: 0, boosted: 0 }));
let baseEm = 0, baseF1 = 0, boostEm = 0, boostF1 = 0;
for (let f = 0; f < 5; f++) {
  const trees = train(items.filter((i) => foldOf.get(i.group) !== f));
  for (const it of items.filter((i) => foldOf.get(i.group) === f && !i.extra)) {
    const t = tally[it.type]!;
    t.n++;
    if (!it.cands.length) continue;
    const a = it.cands.reduce((b, c) => (c.base > b.base ? c : b));
    const b = FOR.has(TYPES[it.type]!) ? it.cands.reduce((x, c) => (scoreWith(trees, c) > scoreWith(trees, x) ? c : x)) : a;
    baseEm += a.em;
    baseF1 += a.f1;
    boostEm += b.em;
    boostF1 += b.f1;
    t.base += a.em;
    t.boosted += b.em;
  }
}
const n = items.filter((i) => !i.extra).length;
const pct = (x: number) => ((100 * x) / n).toFixed(2);
console.log(`out-of-fold over ${n} questions (own sentence): linear EM ${pct(baseEm)} F1 ${pct(baseF1)}; linear + ${TREES} trees EM ${pct(boostEm)} F1 ${pct(boostF1)}`);
console.log(TYPES.map((t, i) => `${t} ${tally[i]!.n}: EM ${((100 * tally[i]!.base) / (tally[i]!.n || 1)).toFixed(1)} → ${((100 * tally[i]!.boosted) / (tally[i]!.n || 1)).toFixed(1)}`).join('; '));
if (process.env.PRINT !== '0') {
  const round = (t: SpanTree): SpanTree => ('f' in t ? { f: t.f, t: Number(t.t.toFixed(4)), l: round(t.l), r: round(t.r) } : { v: Number(t.v.toFixed(4)) });
  console.log(`SPAN_TREES (features: ${KEYS.join(',')})`);
  console.log(JSON.stringify({ types: [...FOR], trees: train(items).map(round) }));
}
