// `npx tsx bench/calibrate/span-recall.ts [--dump KIND N]`: on the engine's own sentence when it holds a gold
// answer, is the gold span (a) generated exactly, (b) generated only with a boundary error (a candidate with
// F1 ≥ 0.5, none exact; which boundary: extra / missing words at the left or right, a trailing "of …" or other
// prepositional phrase, a list cut, an apposition), (c) not generated at all; and is it (a') ranked first. By
// question type, open SQuAD sample. With --dump KIND N, prints N cases of one boundary kind, or of `none` (not
// generated), for reading, not tuning.
import { classifyQuestion, scoreCandidates } from '../../src/engine/extract-span.ts';
import { exactMatch, f1Score, maxOverGold, normalizeAnswer } from '../squad-metrics.ts';
import { loadSquadCorpus } from './squad-corpus.ts';

const PREPS = new Set('of in on at for from to with by into about over under between during through after before as near within against'.split(' '));
const DETS = new Set('a an the this that these those its their his her some many several most all both such own'.split(' '));
const { questions, engine } = loadSquadCorpus();
const dumpAt = process.argv.indexOf('--dump');
const dumpKind = dumpAt >= 0 ? process.argv[dumpAt + 1] ?? '' : '';
let dumpLeft = dumpAt >= 0 ? Number(process.argv[dumpAt + 2] ?? 20) : 0;

/** The boundary difference between a near candidate and the gold answer it is nearest to (raw words, lower-case). */
function boundaryKind(cand: string, gold: string, raw: string): string {
  const c = cand.toLowerCase().split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}$£€]+|[^\p{L}\p{N}%]+$/gu, '')).filter(Boolean);
  const g = gold.toLowerCase().split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}$£€]+|[^\p{L}\p{N}%]+$/gu, '')).filter(Boolean);
  const cs = c.join(' ');
  const gs = g.join(' ');
  if (cs.includes(gs)) {
    // the candidate holds the gold answer and more
    const at = cs.indexOf(gs);
    const left = cs.slice(0, at).trim().split(' ').filter(Boolean);
    const right = cs.slice(at + gs.length).trim().split(' ').filter(Boolean);
    if (left.length && right.length) return 'long: both sides';
    if (left.length) return left.every((w) => DETS.has(w)) ? 'long: leading determiner' : 'long: leading modifier';
    if (right[0] === 'of') return 'long: trailing of-phrase';
    if (PREPS.has(right[0]!)) return 'long: trailing other prep phrase';
    if (right[0] === 'and' || right[0] === 'or') return 'long: trailing coordination';
    return 'long: trailing words';
  }
  if (gs.includes(cs)) {
    const at = gs.indexOf(cs);
    const left = gs.slice(0, at).trim().split(' ').filter(Boolean);
    const right = gs.slice(at + cs.length).trim().split(' ').filter(Boolean);
    const list = /,|\band\b|\bor\b/.test(gold) && (/\band\b|\bor\b|,/.test(right.join(' ') + raw) || /\band\b|\bor\b/.test(left.join(' ')));
    if (list && /\band\b|\bor\b/.test(gs) && !/\band\b|\bor\b/.test(cs)) return 'short: list cut';
    if (/,/.test(gold) && !/,/.test(cand)) return 'short: apposition / comma';
    if (left.length && right.length) return 'short: both sides';
    if (left.length) return left.every((w) => DETS.has(w)) ? 'short: leading determiner' : 'short: missing leading modifier';
    if (right[0] === 'of') return 'short: missing of-phrase';
    if (PREPS.has(right[0]!)) return 'short: missing other prep phrase';
    return 'short: missing trailing words';
  }
  return 'crossed (overlap, neither holds the other)';
}

interface Row { n: number; exact: number; top: number; near: number; none: number }
const byType = new Map<string, Row>();
const kinds = new Map<string, Map<string, number>>();
let supported = 0;
for (const q of questions) {
  const from = engine.ask(q.question).span.from;
  if (!from) continue;
  const norm = q.answers.map(normalizeAnswer);
  if (!norm.some((g) => normalizeAnswer(from).includes(g))) continue;
  supported++;
  const type = classifyQuestion(q.question);
  const row = byType.get(type) ?? { n: 0, exact: 0, top: 0, near: 0, none: 0 };
  byType.set(type, row);
  row.n++;
  const { scored } = scoreCandidates(q.question, from);
  const cands = scored.filter((c) => c.text);
  let top = cands[0];
  for (const c of cands) if (!top || c.score > top.score) top = c;
  if (top && maxOverGold(exactMatch, top.text, q.answers) > 0) row.top++;
  if (cands.some((c) => maxOverGold(exactMatch, c.text, q.answers) > 0)) {
    row.exact++;
    continue;
  }
  let best: { text: string; f1: number; gold: string } | null = null;
  for (const c of cands) {
    for (const g of q.answers) {
      const f = f1Score(c.text, g);
      if (f >= 0.5 && (!best || f > best.f1)) best = { text: c.text, f1: f, gold: g };
    }
  }
  if (!best) {
    row.none++;
    if (dumpLeft > 0 && dumpKind === 'none') {
      dumpLeft--;
      console.log(`Q: ${q.question}\n  gold: ${q.answers.join(' | ')}\n  S: ${from.slice(0, 300)}\n`);
    }
    continue;
  }
  row.near++;
  const kind = boundaryKind(best.text, best.gold, from);
  const k = kinds.get(kind) ?? new Map<string, number>();
  k.set(type, (k.get(type) ?? 0) + 1);
  kinds.set(kind, k);
  if (dumpLeft > 0 && kind.includes(dumpKind)) {
    dumpLeft--;
    console.log(`Q: ${q.question}\n  gold: ${q.answers.join(' | ')}\n  near: ${best.text}  [${kind}]\n  S: ${from.slice(0, 300)}\n`);
  }
}
const pct = (x: number, n: number) => ((100 * x) / (n || 1)).toFixed(1);
const types = [...byType].sort((a, b) => b[1].n - a[1].n);
const all = types.reduce((a, [, r]) => ({ n: a.n + r.n, exact: a.exact + r.exact, top: a.top + r.top, near: a.near + r.near, none: a.none + r.none }), { n: 0, exact: 0, top: 0, near: 0, none: 0 });
console.log(`own sentence holds a gold answer: ${supported} of ${questions.length}`);
console.log('| type | questions | (a) exact generated % | of which ranked first % | (b) boundary only % | (c) not generated % |\n| --- | ---: | ---: | ---: | ---: | ---: |');
for (const [t, r] of [...types, ['all', all] as [string, Row]]) console.log(`| ${t} | ${r.n} | ${pct(r.exact, r.n)} | ${pct(r.top, r.exact)} | ${pct(r.near, r.n)} | ${pct(r.none, r.n)} |`);
console.log('\n| boundary kind (b) | all | ' + types.map(([t]) => t).join(' | ') + ' |\n| --- | ---: |' + types.map(() => ' ---: |').join(''));
for (const [kind, m] of [...kinds].sort((a, b) => [...b[1].values()].reduce((x, y) => x + y, 0) - [...a[1].values()].reduce((x, y) => x + y, 0))) {
  console.log(`| ${kind} | ${[...m.values()].reduce((x, y) => x + y, 0)} | ${types.map(([t]) => m.get(t) ?? 0).join(' | ')} |`);
}
