// `npx tsx bench/retrieval-misses.ts [--pool | --set FILE ...] [--list]`: why answerable questions miss their article.
// Default set: bench/news-qa.jsonl; `--pool`: the news dev set, every fresh batch and the follow-up set's first turns.
// Each miss is put where it goes wrong (the right article, or an exact/near copy of it, not read; read but another
// article's sentence chosen; abstained), with the question words the right and the winning article hold, and beside
// it what the word-overlap baseline chose. A dev tool, not a bench section.
import { Engine } from '../src/engine/engine.ts';
import { questionTerms, sentenceTrace, type AnswerSources, type Scored } from '../src/engine/answer-question.ts';
import { retrievePassages } from '../src/engine/retrieve-passages.ts';
import { bareQuestion } from '../src/engine/term-variants.ts';
import { terms, words } from '../src/engine/text.ts';
import { WordOverlapQa } from './baselines.ts';
import { evalFiles, loadClustering, PROJECT_ROOT } from './eval-data.ts';
import { loadItemsFromArgs, loadNewsCorpus, sameArticleTest, supportsAnswer } from './news-qa.ts';
import path from 'node:path';

/** The engine's private answer sources, reached for inspection only. */
interface EngineInside {
  answerSources(): AnswerSources;
}

const args = process.argv.slice(2);
const list = args.includes('--list');

const dir = process.env['EVAL_DIR'] ?? path.join(PROJECT_ROOT, '..', 'shared', 'eval');
const files = evalFiles(dir);
const articles = await loadNewsCorpus(files.bbcSummaries);
const byId = new Map(articles.map((a) => [a.id, a]));
const groups = new Map<string, string>();
for (const r of loadClustering(files.bbcClustering)) if (r.exactDupGroup !== null) groups.set(r.id, r.exactDupGroup);
const same = sameArticleTest(groups, (id) => byId.get(id));
const termSets = new Map<string, Set<string>>();
/** An article's index terms, title and body. */
const termSet = (id: string) => {
  let s = termSets.get(id);
  if (!s) termSets.set(id, (s = new Set(terms(`${byId.get(id)?.title ?? ''} ${byId.get(id)?.text ?? ''}`))));
  return s;
};
const titleSet = (id: string) => new Set(terms(byId.get(id)?.title ?? ''));
const wordSet = (id: string) => new Set(words(byId.get(id)?.text ?? '').map((w) => w.toLowerCase()));
/** Share of the smaller article's distinct words in the other. */
const overlap = (a: string, b: string) => {
  const x = wordSet(a);
  const y = wordSet(b);
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / Math.max(1, Math.min(x.size, y.size));
};

/** Share of the smaller article's distinct words in the other above which it is a re-run or sibling of the same story. */
const SIBLING = 0.6;
const engine = new Engine(articles);
const sources = (engine as unknown as EngineInside).answerSources();
const baseline = new WordOverlapQa(articles);
/** The articles of the 8 passages `ask` read, in passage rank order (from the sentence trace). */
let readIds: string[] = [];
let traced: readonly Scored[] = [];
sentenceTrace.sink = (_q, candidates) => {
  traced = candidates;
  const byRank = new Map<number, string>();
  for (const c of candidates) if (!byRank.has(c.passageRank)) byRank.set(c.passageRank, c.entry.article.id);
  readIds = [...byRank].sort((a, b) => a[0] - b[0]).map(([, id]) => id);
};

const causes = new Map<string, string[]>();
/** Misses by cause whose quote (from another article) holds the answer all the same. */
const holding = new Map<string, number>();
const note = (cause: string, line: string) => causes.set(cause, [...(causes.get(cause) ?? []), line]);
const tally = new Map<string, number>();
const count = (what: string) => tally.set(what, (tally.get(what) ?? 0) + 1);
let answerable = 0;
let right = 0;
let retrievalTop = 0;
let baselineRight = 0;
for (const q of loadItemsFromArgs(args)) {
  if (!q.answerable || !q.article) continue;
  answerable++;
  readIds = [];
  const r = engine.ask(q.question);
  const chosen = r.answer.sources[0]?.id ?? null;
  const qTerms = [...new Set(questionTerms(bareQuestion(q.question), sources))];
  const weight = new Map(qTerms.map((t) => [t, sources.passageIndex.idf(t)]));
  // beyond the 8 read, the rank comes from the same retrieval with plain idf weights (no context, no alternatives)
  const ranked = retrievePassages(sources, qTerms, weight, new Set(), 100).map((x) => x.p.entry.article.id);
  const readRank = readIds.findIndex((id) => same(id, q.article!));
  const deepRank = ranked.findIndex((id) => same(id, q.article!));
  const top = readIds[0] ?? ranked[0] ?? null;
  if (top && same(top, q.article)) retrievalTop++;
  const base = baseline.ask(q.question);
  const baseRight = base !== null && same(base.id, q.article);
  if (baseRight) baselineRight++;
  const ok = chosen !== null && same(chosen, q.article);
  if (ok) right++;
  // sentence choice across articles: it rescues a wrong first passage, or leaves a right one
  const topRight = top !== null && same(top, q.article);
  if (ok && !topRight) count('right article quoted, retrieval ranked another first (rescued)');
  if (!ok && topRight && chosen !== null) count('retrieval ranked it first, another article quoted (left)');
  if (baseRight && !ok) count('baseline right, ours not');
  if (!baseRight && ok) count('ours right, baseline not');
  if (ok) continue;
  const gold = q.article;
  const winner = chosen ?? top;
  const goldTerms = termSet(gold);
  const winTerms = winner ? termSet(winner) : new Set<string>();
  const missingInGold = qTerms.filter((t) => !goldTerms.has(t));
  const onlyWinner = qTerms.filter((t) => winTerms.has(t) && !goldTerms.has(t));
  const winTitleOnly = winner ? qTerms.filter((t) => titleSet(winner).has(t) && !titleSet(gold).has(t)) : [];
  const sib = winner && !same(winner, gold) ? overlap(winner, gold) : 0;
  let cause: string;
  if (!supportsAnswer(byId.get(gold)?.text ?? '', q.answers)) cause = 'expected answer not in the expected article (set)';
  else if (chosen === null) cause = readRank === 0 ? 'abstained, right article read first' : readRank > 0 ? 'abstained, right article read lower' : 'abstained, right article not read';
  else if (readRank === 0) cause = 'read first, a sentence of another article chosen';
  else if (readRank > 0) cause = 'read (rank 2-8), a sentence of another article chosen';
  else if (sib >= SIBLING) cause = 'not read: a sibling article of the same story outranks it';
  else if (missingInGold.length > 0) cause = 'not read: a question word the article does not hold (chat word / paraphrase)';
  else if (winTitleOnly.length > 0) cause = "not read: holds every word, another article's title holds the question's words";
  else cause = 'not read: holds every word, outranked';
  // the chosen sentence against the best sentence of the right article (when read): which evidence decided
  const rank = (list: readonly Scored[]) => [...list].sort((a, b) => b.score - a.score)[0];
  const mine = rank(traced);
  const goldBest = rank(traced.filter((c) => same(c.entry.article.id, gold)));
  const f = (c: Scored | undefined) => (c ? `${c.score.toFixed(2)} cov ${c.features.coverage.toFixed(2)} win ${c.features.window.toFixed(2)} pass ${c.features.passage.toFixed(2)} ctx ${c.features.context.toFixed(2)} typed ${c.features.typed}` : '-');
  if (chosen === null && mine) {
    // what the abstention withheld: the sentence it would have quoted, its article and whether it holds the answer
    const held = supportsAnswer(r.span.from ?? mine.sentence.text, q.answers);
    const where = `abstained: would-be quote ${same(mine.entry.article.id, gold) ? 'in the right article' : 'elsewhere'}, ${held ? 'holds the answer' : 'without the answer'}`;
    count(where);
    if (list) note(`(${where})`, `${q.id} conf ${r.answer.confidence?.toFixed(2)} ${q.question}: terms ${qTerms.join(' ')}; the sentence lacks [${qTerms.filter((t) => !mine.sentence.terms.includes(t)).join(' ')}]: ${mine.sentence.text.slice(0, 120)}`);
  }
  const quoteHolds = chosen !== null && r.answer.quote !== null && supportsAnswer(r.answer.quote, q.answers);
  if (quoteHolds) count('another article quoted, its quote holds the answer');
  if (goldBest && mine && chosen !== null) {
    count(mine.features.coverage > goldBest.features.coverage + 1e-9 ? 'read miss: chosen sentence covers more' : mine.features.coverage < goldBest.features.coverage - 1e-9 ? 'read miss: right article sentence covers more' : 'read miss: equal coverage');
    if (mine.features.passage > goldBest.features.passage) count('read miss: chosen passage scored higher by retrieval');
  }
  if (quoteHolds) holding.set(cause, (holding.get(cause) ?? 0) + 1);
  const w = (t: string) => `${t}:${sources.passageIndex.idf(t).toFixed(1)}`;
  note(
    cause,
    `${q.id} [read@${readRank + 1} deep@${deepRank + 1} sib ${sib.toFixed(2)}] ${q.question}\n    → ${winner ?? '-'} "${(winner && byId.get(winner)?.title) || ''}" (want ${gold} "${byId.get(gold)?.title}")` +
      `\n    terms ${qTerms.map(w).join(' ')}; gold lacks [${missingInGold.join(' ')}]; only winner [${onlyWinner.join(' ')}]; winner title only [${winTitleOnly.join(' ')}]` +
      `\n    chosen ${f(mine)} | right article best ${f(goldBest)}` +
      `\n    quote ${quoteHolds ? 'HOLDS' : 'lacks'} the answer ${JSON.stringify(q.answers[0])}: ${JSON.stringify((r.answer.quote ?? '').slice(0, 150))}` +
      `\n    baseline ${baseRight ? 'RIGHT' : 'wrong'} ${base?.id ?? '-'} (${base?.overlap ?? 0} words)`,
  );
  for (const t of missingInGold) if (sources.passageIndex.df(t) === 0) count('miss with a question term no passage holds');
  if (missingInGold.length) count('miss with a question term the right article lacks');
  if (winTitleOnly.length) count("miss where the winner's title holds a question term the right title lacks");
}
const pct = (n: number) => ((100 * n) / answerable).toFixed(1);
console.log(`answerable ${answerable}; right article first ${right} (${pct(right)} %); retrieval's first passage in the right article ${retrievalTop} (${pct(retrievalTop)} %); word-overlap baseline right article ${baselineRight} (${pct(baselineRight)} %)`);
console.log('| cause | misses | of which the quote holds the answer |\n| --- | ---: | ---: |');
for (const [cause, lines] of [...causes].sort((a, b) => b[1].length - a[1].length)) if (!cause.startsWith('(')) console.log(`| ${cause} | ${lines.length} | ${holding.get(cause) ?? 0} |`);
console.log('\n| tally | n |\n| --- | ---: |');
for (const [what, n] of tally) console.log(`| ${what} | ${n} |`);
if (list) for (const [cause, lines] of causes) console.log(`\n## ${cause}\n${lines.join('\n')}`);
