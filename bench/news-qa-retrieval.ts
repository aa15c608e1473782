// `npx tsx bench/news-qa-retrieval.ts [--list]`: how far the answerer's own retrieval reaches on the news set (the answer
// string in the first passage read, among the 8 read), and supported / abstained at equal answer rates (the confidence
// threshold set so that a share of all questions is answered); a dev tool, not a bench section.
import path from 'node:path';
import { Engine } from '../src/engine/engine.ts';
import { sentenceTrace, type Scored } from '../src/engine/answer-question.ts';
import { evalFiles, PROJECT_ROOT } from './eval-data.ts';
import { loadNewsCorpus, loadNewsQa, supportsAnswer } from './news-qa.ts';

const files = evalFiles(path.join(PROJECT_ROOT, '..', 'shared', 'eval'));
const engine = new Engine(await loadNewsCorpus(files.bbcSummaries));
let candidates: readonly Scored[] = [];
sentenceTrace.sink = (_question, list) => {
  candidates = list;
};
const passageText = (c: Scored) => c.entry.article.text.slice(c.entry.sentences[c.passageFrom]?.start ?? 0, c.entry.sentences[c.passageTo - 1]?.end ?? 0);

let answerable = 0;
let inTop = 0;
let inRead = 0;
const unread: string[] = [];
const rows: { confidence: number; answerable: boolean; supported: boolean }[] = [];
for (const q of loadNewsQa()) {
  candidates = [];
  const { answer } = engine.ask(q.question);
  const supported = q.answerable && answer.quote !== null && supportsAnswer(answer.quote, q.answers);
  rows.push({ confidence: answer.confidence ?? 0, answerable: q.answerable, supported });
  if (!q.answerable) continue;
  answerable++;
  // every sentence of the 8 passages read is a candidate: their passages are what retrieval gave
  const byRank = new Map<number, string>();
  for (const c of candidates) if (!byRank.has(c.passageRank)) byRank.set(c.passageRank, passageText(c));
  const hits = [...byRank].filter(([, text]) => supportsAnswer(text, q.answers)).map(([rank]) => rank);
  if (hits.includes(0)) inTop++;
  if (hits.length) inRead++;
  else unread.push(`${q.id} ${q.question} ⇒ ${JSON.stringify(q.answers[0])}`);
}
console.log(`answerable ${answerable}: answer in the first passage read ${inTop}, among the passages read ${inRead}`);
const unanswerable = rows.length - answerable;
const byConfidence = [...rows].sort((a, b) => b.confidence - a.confidence);
// only rates up to the operating point: an abstention shows no quote, so above it supported would be undercounted
for (const rate of [0.7, 0.75, 0.8]) {
  const answered = byConfidence.slice(0, Math.round(rate * rows.length));
  const supported = answered.filter((r) => r.supported).length;
  const abstained = unanswerable - answered.filter((r) => !r.answerable).length;
  console.log(`${rate * 100} % of all questions answered: supported ${((100 * supported) / answerable).toFixed(1)} %, abstained (unanswerable) ${((100 * abstained) / unanswerable).toFixed(1)} %`);
}
if (process.argv.includes('--list')) console.log(`\n## answer not among the passages read\n${unread.join('\n')}`);
