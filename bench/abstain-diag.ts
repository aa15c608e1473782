// `npx tsx bench/abstain-diag.ts [OUT]`: every pooled chat question (news dev set, fresh batches, out-of-scope set,
// follow-up turns asked in conversation) with the engine's reply and the evidence an abstention rule could read, as
// JSON lines for reading (bench/notes/abstain7.md); a dev tool, not a bench section.
import fs from 'node:fs';
import path from 'node:path';
import { Engine } from '../src/engine/engine.ts';
import { questionTerms } from '../src/engine/answer-question.ts';
import { classifyQuestion } from '../src/engine/extract-span.ts';
import { terms } from '../src/engine/text.ts';
import type { ConversationTurn } from '../src/engine/follow-up-state.ts';
import { evalFiles, PROJECT_ROOT } from './eval-data.ts';
import { listFreshBatches, loadFollowUps, loadNewsCorpus, loadNewsQa, supportsAnswer } from './news-qa.ts';
import { loadOutOfScope } from './out-of-scope.ts';

const out = process.argv[2] ?? '/tmp/abstain-diag.jsonl';
const files = evalFiles(path.join(PROJECT_ROOT, '..', 'shared', 'eval'));
const articles = await loadNewsCorpus(files.bbcSummaries);
const byId = new Map(articles.map((a) => [a.id, a]));
const engine = new Engine(articles);
const idx = (engine as any).index.passageIndex as { idf(t: string): number; df(t: string): number };
const rows: string[] = [];
const record = (set: string, id: string, question: string, answers: readonly string[], answerable: boolean, previous?: ConversationTurn) => {
  const r = engine.ask(question, previous);
  const a = r.answer;
  const src = a.sources[0]?.id;
  const art = src ? byId.get(src) : undefined;
  const artList = art ? terms(art.text) : [];
  const artTerms = new Set(art ? terms(`${art.title} ${art.text}`) : []);
  const titleTerms = new Set(art ? terms(art.title) : []);
  const quoteTerms = new Set(a.quote ? terms(a.quote) : []);
  const own = [...new Set(questionTerms(question))];
  const words = own.map((t) => ({ t, idf: Number(idx.idf(t).toFixed(2)), df: idx.df(t), quote: quoteTerms.has(t), article: artTerms.has(t), title: titleTerms.has(t), count: artList.filter((x) => x === t).length }));
  rows.push(JSON.stringify({
    set, id, question, answerable, type: classifyQuestion(question), answered: a.answer !== null, supported: answerable && a.quote !== null && supportsAnswer(a.quote, answers),
    confidence: a.confidence, short: a.short, quote: a.quote, source: src ?? null, title: art?.title ?? null, words,
    features: r.span.answerFeatures, span: r.span.text, spanConfidence: r.span.confidence,
  }));
  return r.turn;
};
for (const q of loadNewsQa()) record('news', q.id, q.question, q.answers, q.answerable);
for (const b of listFreshBatches()) for (const q of loadNewsQa(b.file)) record(path.basename(b.file, '.jsonl'), q.id, q.question, q.answers, q.answerable);
loadOutOfScope().forEach((q, i) => record('oos', `oos-${i + 1}`, q.question, [], false));
for (const c of loadFollowUps()) {
  let previous: ConversationTurn | undefined;
  for (const t of c.turns) previous = record(`fu-${t.kind}`, t.id, t.question, t.answers, t.kind !== 'unanswerable', previous);
}
fs.writeFileSync(out, rows.join('\n') + '\n');
console.log(`${rows.length} rows → ${out}`);
