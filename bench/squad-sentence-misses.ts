// `npx tsx bench/squad-sentence-misses.ts [--list]`: where SQuAD answers lose their supporting sentence, by cause.
// LONG=1 / CHAT=1 / PARAPHRASE=p / SUBSTITUTE=1 ask in the product-like settings of bench/calibrate/squad-corpus.ts.
// Each question is drafted as `ask` does (no follow-up), its candidate sentences read through `sentenceTrace`;
// a dev tool for sentence choice (bench/notes/sentence4.md), not a bench section.
import { ABSTAIN_BELOW, answerQuestion, sentenceTrace, type AnswerSources, type Scored } from '../src/engine/answer-question.ts';
import { quoteContainsGold } from './squad-metrics.ts';
import { loadSquadCorpus } from './calibrate/squad-corpus.ts';

/** The engine's private answer sources, reached for inspection only. */
interface EngineInside {
  answerSources(): AnswerSources;
}

const list = process.argv.includes('--list');
const { questions, engine } = loadSquadCorpus({
  joinArticles: process.env.LONG === '1',
  chat: process.env.CHAT === '1',
  paraphrase: Number(process.env.PARAPHRASE ?? 0),
  substitute: process.env.SUBSTITUTE === '1',
});
const sources = (engine as unknown as EngineInside).answerSources();
/** What the gold document is: a paragraph (the bench's setting) or a whole SQuAD article (LONG=1). */
const unit = process.env.LONG === '1' ? 'article' : 'paragraph';
let candidates: readonly Scored[] = [];
sentenceTrace.sink = (_q, c) => (candidates = c);

const causes = new Map<string, string[]>();
const note = (cause: string, line: string) => causes.set(cause, [...(causes.get(cause) ?? []), line]);
let supported = 0;
/** Rank (1-based) of the best gold-holding sentence among the candidates when the choice is wrong. */
const goldRanks: number[] = [];
let pronounGold = 0;
for (const q of questions) {
  candidates = [];
  const draft = answerQuestion(sources, q.question);
  const gold = process.env.LONG === '1' ? q.title : `${q.title}#${q.paragraphIndex}`;
  const answered = draft !== null && draft.confidence >= ABSTAIN_BELOW;
  const quoteRight = draft !== null && quoteContainsGold(draft.quote, q.answers);
  if (answered && quoteRight) {
    supported++;
    continue;
  }
  const sorted = [...candidates].sort((a, b) => b.score - a.score);
  const goldPassage = Math.min(...candidates.filter((c) => c.entry.article.id === gold).map((c) => c.passageRank));
  const holding = sorted.findIndex((c) => quoteContainsGold(c.sentence.text, q.answers));
  const chosenGold = draft?.entry.article.id === gold;
  let cause: string;
  if (!answered && quoteRight) cause = 'abstained, quote holds the answer';
  else if (!Number.isFinite(goldPassage)) cause = `${answered ? '' : 'abstained, '}right ${unit} not among the passages read`;
  else if (!answered) cause = `abstained, right ${unit} read, quote wrong`;
  else if (!chosenGold) cause = goldPassage === 0 ? `right ${unit} first, sentence of another chosen` : `right ${unit} read (passage rank 2-8), sentence of another chosen`;
  else if (holding < 0) cause = `right ${unit} chosen, no single sentence holds the answer`;
  else cause = `right ${unit} chosen, wrong sentence`;
  if (answered && holding >= 0) {
    goldRanks.push(holding + 1);
    if (/^(?:It|They|He|She|This|These|Those|Its|Their|His|Her|Such)\b/.test(sorted[holding]!.sentence.text)) pronounGold++;
  }
  note(cause, `${q.id} [gold passage ${goldPassage + 1}, gold sentence rank ${holding + 1}, conf ${draft?.confidence.toFixed(2) ?? '-'}] ${q.question} → "${draft?.sentence.text.slice(0, 90) ?? '-'}" (want ${q.answers[0]})`);
}
sentenceTrace.sink = null;
const n = questions.length;
const pct = (x: number) => ((100 * x) / n).toFixed(1);
console.log(`questions ${n}; answered with a supporting quote ${supported} (${pct(supported)} %)`);
console.log('| cause | questions | % of all |\n| --- | ---: | ---: |');
for (const [cause, lines] of [...causes].sort((a, b) => b[1].length - a[1].length)) console.log(`| ${cause} | ${lines.length} | ${pct(lines.length)} |`);
const rankCounts = new Map<string, number>();
for (const r of goldRanks) rankCounts.set(r <= 5 ? String(r) : '6+', (rankCounts.get(r <= 5 ? String(r) : '6+') ?? 0) + 1);
console.log(`answered wrongly with a gold-holding candidate: ${goldRanks.length}; its rank: ${[...rankCounts].sort().map(([k, v]) => `${k}: ${v}`).join(', ')}; pronoun-led: ${pronounGold}`);
if (list) for (const [cause, lines] of causes) console.log(`\n## ${cause}\n${lines.join('\n')}`);
