// `npx tsx bench/news-qa-misses.ts [--pool | --set FILE ...]`: each news-set question (or the pooled chat dev sets, or the sets named) the engine gets wrong, by cause (abstained or wrong; the answer among the 8 passages read or not); a dev tool, not a bench section.
import { Engine } from '../src/engine/engine.ts';
import { evalFiles, PROJECT_ROOT } from './eval-data.ts';
import { loadItemsFromArgs, loadNewsCorpus, supportsAnswer } from './news-qa.ts';
import path from 'node:path';
const files = evalFiles(path.join(PROJECT_ROOT, '..', 'shared', 'eval'));
const articles = await loadNewsCorpus(files.bbcSummaries);
const byId = new Map(articles.map((a) => [a.id, a]));
const engine = new Engine(articles);
const cats = new Map<string, string[]>();
const add = (c: string, l: string) => cats.set(c, [...(cats.get(c) ?? []), l]);
for (const q of loadItemsFromArgs(process.argv.slice(2))) {
  const r = engine.ask(q.question);
  const a = r.answer as any;
  const ps = engine.passages(q.question, undefined, 8);
  const inRead = ps.findIndex((p) => supportsAnswer(p.text, q.answers));
  const conf = (a.confidence as number ?? 0).toFixed(2);
  if (!q.answerable) { add(a.answer === null ? 'U abstained' : 'U answered', `${q.id} ${conf} ${q.question} → ${a.answer === null ? '-' : JSON.stringify((a.quote ?? '').slice(0, 140))}`); continue; }
  const sup = a.quote !== null && supportsAnswer(a.quote, q.answers);
  let c: string;
  if (sup) c = 'A supported';
  else if (a.answer === null) c = inRead < 0 ? 'A abstained, answer not in 8 read' : `A abstained, answer in read passage`;
  else c = inRead < 0 ? 'A wrong, answer not in 8 read' : 'A wrong, answer in read passage';
  if (!sup) add(c, `${q.id} ${conf} [read@${inRead + 1}] ${q.question} ⇒ ${JSON.stringify(q.answers[0])} → ${a.answer === null ? '-' : JSON.stringify((a.quote ?? '').slice(0, 160))}`);
  else add(c, q.id);
}
for (const [c, l] of [...cats].sort()) console.log(`${c}: ${l.length}`);
for (const [c, l] of [...cats].sort()) if (c !== 'A supported') console.log(`\n## ${c}\n${l.join('\n')}`);
