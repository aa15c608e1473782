import { Engine } from '../../src/engine/engine.ts';
import { scoreCandidates } from '../../src/engine/extract-span.ts';
import type { Article } from '../../src/engine/types.ts';
import { evalDirPath, evalFiles, loadQa } from '../eval-data.ts';
import { exactMatch, maxOverGold } from '../squad-metrics.ts';
const questions = loadQa(evalFiles(evalDirPath()).squad);
const articles = new Map<string, Article>();
for (const q of questions) { const id = `${q.title}#${q.paragraphIndex}`; if (!articles.has(id)) articles.set(id, { id, title: q.title, text: q.context, url: null, date: null, source: null, origin: 'squad' }); }
const engine = new Engine([...articles.values()]);
let n = 0;
for (const q of questions) {
  const from = engine.ask(q.question).span.from; if (!from) continue;
  const sc = scoreCandidates(q.question, from).scored.filter(c=>c.text).sort((a,b)=>b.score-a.score);
  const top = sc[0]; if (!top) continue;
  if (maxOverGold(exactMatch, top.text, q.answers)) continue;
  const g = sc.findIndex(c => maxOverGold(exactMatch, c.text, q.answers) > 0); if (g < 0) continue;
  if (n++ % 7) continue;
  const ev = (c: typeof top) => Object.entries(c.evidence).filter(([,v])=>v).map(([k,v])=>`${k}=${Number(v.toFixed(2))}`).join(' ');
  console.log(`Q: ${q.question}\n  gold#${g}: ${sc[g]!.text} [${sc[g]!.kind}] ${sc[g]!.score.toFixed(2)} ${ev(sc[g]!)}\n  top: ${top.text} [${top.kind}] ${top.score.toFixed(2)} ${ev(top)}`);
}
console.log(n);
