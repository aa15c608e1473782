// `npx tsx bench/retrieval-misses.ts [--list]`: why the news set's answerable questions miss their article.
// Classifies each miss by where retrieval put the right article (or an exact/near copy of it); a dev tool, not a bench section.
import { Engine } from '../src/engine/engine.ts';
import { questionTerms, type AnswerSources } from '../src/engine/answer-question.ts';
import { retrievePassages } from '../src/engine/retrieve-passages.ts';
import { words } from '../src/engine/text.ts';
import { evalFiles, loadClustering, PROJECT_ROOT } from './eval-data.ts';
import { loadNewsCorpus, loadNewsQa, sameArticleTest, supportsAnswer } from './news-qa.ts';
import path from 'node:path';

/** The engine's private answer sources, reached for inspection only. */
interface EngineInside {
  answerSources(): AnswerSources;
}

const list = process.argv.includes('--list');
const dir = process.env['EVAL_DIR'] ?? path.join(PROJECT_ROOT, '..', 'shared', 'eval');
const files = evalFiles(dir);
const articles = await loadNewsCorpus(files.bbcSummaries);
const byId = new Map(articles.map((a) => [a.id, a]));
const groups = new Map<string, string>();
for (const r of loadClustering(files.bbcClustering)) if (r.exactDupGroup !== null) groups.set(r.id, r.exactDupGroup);
const same = sameArticleTest(groups, (id) => byId.get(id));
const wordSet = (id: string) => new Set(words(byId.get(id)?.text ?? '').map((w) => w.toLowerCase()));
/** Near copy: most of the smaller article's words are in the other (a re-run story, not an exact duplicate). */
const overlap = (a: string, b: string) => {
  const x = wordSet(a);
  const y = wordSet(b);
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / Math.min(x.size, y.size);
};

/** Share of the smaller article's distinct words in the other above which it is a re-run of the same story. */
const NEAR_COPY = 0.8;
const engine = new Engine(articles);
const inside = engine as unknown as EngineInside;
const sources = inside.answerSources();

const causes = new Map<string, string[]>();
const note = (cause: string, line: string) => causes.set(cause, [...(causes.get(cause) ?? []), line]);
let answerable = 0;
let right = 0;
let retrievalTop = 0;
for (const q of loadNewsQa()) {
  if (!q.answerable || !q.article) continue;
  answerable++;
  const r = engine.ask(q.question);
  const chosen = r.answer.sources[0]?.id ?? null;
  // the answerer's own query terms (chat filler dropped, shorthand and typos read as meant)
  const qTerms = [...new Set(questionTerms(q.question, sources))];
  const weight = new Map(qTerms.map((t) => [t, sources.passageIndex.idf(t)]));
  const ranked = retrievePassages(sources, qTerms, weight, new Set(), 100);
  const ids = ranked.map((x) => x.p.entry.article.id);
  const goldRank = ids.findIndex((id) => same(id, q.article!));
  if (ids[0] && same(ids[0], q.article)) retrievalTop++;
  if (chosen && same(chosen, q.article)) {
    right++;
    continue;
  }
  const goldHasAnswer = supportsAnswer(byId.get(q.article)?.text ?? '', q.answers);
  const winner = chosen ?? ids[0] ?? null;
  let cause: string;
  const near = winner && !same(winner, q.article) ? overlap(winner, q.article) : 0;
  if (near >= NEAR_COPY) cause = 'a same-story article (≥ 80 % shared words) chosen';
  else if (!goldHasAnswer) cause = 'expected answer not in the expected article (set)';
  else if (goldRank < 0) cause = 'right article not in the top 100 passages';
  else if (chosen === null) cause = goldRank === 0 ? 'abstained, right article retrieved first' : goldRank < 8 ? 'abstained, right article read but not first' : 'abstained, right article not read';
  else if (goldRank >= 8) cause = 'right article ranked 9-100 (not read)';
  else if (goldRank === 0) cause = 'right article retrieved first, sentence chosen elsewhere';
  else cause = 'right article read (rank 2-8), another ranked above';
  note(cause, `${q.id} [gold@${goldRank + 1} overlap ${near.toFixed(2)}] ${q.question} → ${winner ?? '-'} "${(winner && byId.get(winner)?.title) || ''}" (want ${q.article} "${byId.get(q.article)?.title}")`);
}
console.log(`answerable ${answerable}; right article first ${right} (${((100 * right) / answerable).toFixed(1)} %); retrieval's first passage in the right article ${retrievalTop} (${((100 * retrievalTop) / answerable).toFixed(1)} %)`);
console.log('| cause | misses |\n| --- | ---: |');
for (const [cause, lines] of [...causes].sort((a, b) => b[1].length - a[1].length)) console.log(`| ${cause} | ${lines.length} |`);
if (list) for (const [cause, lines] of causes) console.log(`\n## ${cause}\n${lines.join('\n')}`);
