import { classifyQuestion, scoreCandidates } from '../../src/engine/extract-span.ts';
import { exactMatch, maxOverGold } from '../squad-metrics.ts';
import { loadSquadCorpus } from './squad-corpus.ts';
const { questions, engine } = loadSquadCorpus();
let shown = 0;
const want = process.argv[2] ?? 'what';
let i = 0;
for (const q of questions) {
  i++;
  if (i % Number(process.argv[4] ?? 3) !== 0) continue;
  const from = engine.ask(q.question).span.from;
  if (!from || classifyQuestion(q.question) !== want) continue;
  const { scored } = scoreCandidates(q.question, from);
  const cands = scored.filter((c) => c.text).sort((a, b) => b.score - a.score);
  const gi = cands.findIndex((c) => maxOverGold(exactMatch, c.text, q.answers) > 0);
  if (gi <= 0) continue;
  const t = cands[0]!, g = cands[gi]!;
  const diff = Object.keys(t.evidence).filter((k) => (t.evidence as any)[k] !== (g.evidence as any)[k]).map((k) => `${k} ${(+(t.evidence as any)[k]).toFixed(2)}/${(+(g.evidence as any)[k]).toFixed(2)}`).join(', ');
  console.log(`Q: ${q.question}\nS: ${from}\ntop: ${t.text} (${t.score.toFixed(2)}) gold#${gi + 1}: ${g.text} (${g.score.toFixed(2)})\n  ${diff}\n`);
  if (++shown >= Number(process.argv[3] ?? 25)) break;
}
