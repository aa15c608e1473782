// `npx tsx bench/calibrate/print-swapped.ts [n]`: prints a deterministic sample of the entity-swapped questions, for checking by hand.
import { evalDirPath, evalFiles, loadQa } from '../eval-data.ts';
import { swappedQuestions } from './swap-names.ts';

const list = swappedQuestions(loadQa(evalFiles(evalDirPath()).squad));
const n = Number(process.argv[2] ?? 30);
const step = Math.max(1, Math.floor(list.length / n));
console.log(`${list.length} swapped questions; every ${step}th:`);
for (let i = 0; i < list.length && i / step < n; i += step) {
  const s = list[i]!;
  console.log(`${s.q.title} | ${s.q.question} => ${s.text} | gold: ${s.q.answers[0]}`);
}
