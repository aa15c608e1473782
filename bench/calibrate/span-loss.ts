// `npx tsx bench/calibrate/span-loss.ts [--dump N]`: where span EM / F1 is lost on the open SQuAD sample.
// For each question: the top candidate and the best candidate (oracle) on the engine's own sentence
// and on the gold sentence (the first of its paragraph holding a gold answer); how often no candidate
// matches a gold answer exactly. With --dump N, prints N gold-sentence misses (for reading, not tuning).
import { classifyQuestion, scoreCandidates } from '../../src/engine/extract-span.ts';
import { splitSentences } from '../../src/engine/text.ts';
import { exactMatch, f1Score, maxOverGold, normalizeAnswer } from '../squad-metrics.ts';
import { loadSquadCorpus } from './squad-corpus.ts';

const { questions, engine } = loadSquadCorpus();
const dumpAt = process.argv.indexOf('--dump');
const dump = dumpAt >= 0 ? Number(process.argv[dumpAt + 1] ?? 40) : 0;
const sum = { ownTop: [0, 0], ownBest: [0, 0], goldTop: [0, 0], goldBest: [0, 0] };
let goldMissing = 0;
let goldFound = 0;
let supportedWrong = 0;
let supportedMissing = 0;
let dumped = 0;
const byType = new Map<string, { n: number; top: number; best: number }>();
const add = (k: keyof typeof sum, em: number, f1: number) => {
  sum[k][0]! += em;
  sum[k][1]! += f1;
};
for (const q of questions) {
  const from = engine.ask(q.question).span.from;
  const norm = q.answers.map(normalizeAnswer);
  const evalOn = (text: string | null) => {
    if (!text) return { top: [0, 0], best: [0, 0], topText: '' };
    const { scored } = scoreCandidates(q.question, text);
    let top = scored[0];
    for (const c of scored) if (c.text && (!top || c.score > top.score)) top = c;
    let bestEm = 0;
    let bestF1 = 0;
    for (const c of scored) {
      if (!c.text) continue;
      bestEm = Math.max(bestEm, maxOverGold(exactMatch, c.text, q.answers));
      bestF1 = Math.max(bestF1, maxOverGold(f1Score, c.text, q.answers));
    }
    return { top: top?.text ? [maxOverGold(exactMatch, top.text, q.answers), maxOverGold(f1Score, top.text, q.answers)] : [0, 0], best: [bestEm, bestF1], topText: top?.text ?? '' };
  };
  const own = evalOn(from);
  const t = byType.get(classifyQuestion(q.question)) ?? { n: 0, top: 0, best: 0 };
  t.n++;
  t.top += own.top[0]!;
  t.best += own.best[0]!;
  byType.set(classifyQuestion(q.question), t);
  add('ownTop', own.top[0]!, own.top[1]!);
  add('ownBest', own.best[0]!, own.best[1]!);
  const ownSupported = from !== null && norm.some((g) => normalizeAnswer(from).includes(g));
  if (ownSupported && own.top[0] === 0) {
    supportedWrong++;
    if (own.best[0] === 0) supportedMissing++;
  }
  const gold = splitSentences(q.context).find((s) => norm.some((g) => normalizeAnswer(s.text).includes(g)))?.text ?? null;
  const g = evalOn(gold);
  add('goldTop', g.top[0]!, g.top[1]!);
  add('goldBest', g.best[0]!, g.best[1]!);
  if (gold) {
    goldFound++;
    if (g.best[0] === 0) {
      goldMissing++;
      if (dumped < dump) {
        dumped++;
        console.log(`Q: ${q.question}\n  gold: ${q.answers.join(' | ')}\n  top: ${g.topText}\n  S: ${gold.slice(0, 300)}\n`);
      }
    }
  }
}
const n = questions.length;
const pct = (x: number) => ((100 * x) / n).toFixed(2);
console.log(`| sentence | top EM | top F1 | oracle EM | oracle F1 |\n| --- | ---: | ---: | ---: | ---: |`);
console.log(`| engine's own | ${pct(sum.ownTop[0]!)} | ${pct(sum.ownTop[1]!)} | ${pct(sum.ownBest[0]!)} | ${pct(sum.ownBest[1]!)} |`);
console.log(`| gold | ${pct(sum.goldTop[0]!)} | ${pct(sum.goldTop[1]!)} | ${pct(sum.goldBest[0]!)} | ${pct(sum.goldBest[1]!)} |`);
console.log(`gold sentence found for ${goldFound}; no candidate equals a gold answer on it: ${goldMissing}`);
console.log(`supported (own sentence holds gold) but top wrong: ${supportedWrong}; of them no exact candidate: ${supportedMissing}`);
console.log('| type | questions | own top EM | own oracle EM |\n| --- | ---: | ---: | ---: |');
for (const [k, t] of [...byType].sort((a, b) => b[1].n - a[1].n)) console.log(`| ${k} | ${t.n} | ${((100 * t.top) / t.n).toFixed(1)} | ${((100 * t.best) / t.n).toFixed(1)} |`);
