// `npx tsx bench/calibrate/fit-answer-confidence.ts [feature,feature…]`: fits the answer confidence
// (answer-question.ts) on the open SQuAD sample asked with and without each question's paragraph
// (label: the quote holds a gold answer), 5-fold cross-validated with folds grouped by article.
// Prints, per feature set, abstention (paragraph removed) at equal answer rates, and the weights.
// The squad-corpus options from the environment ask the questions reworded as in chat instead: CHAT=1 [PARAPHRASE=0.5
// SUBSTITUTE=1] [LONG=1: one document per SQuAD article, removed = its whole article]; fit-abstention.ts mixes both.
import { CONFIDENCE_RECORDING, type AnswerDraft } from '../../src/engine/answer-question.ts';
import { quoteContainsGold } from '../squad-metrics.ts';
import { crossValidate, fitLogistic, type Row } from './logistic.ts';
import { loadSquadCorpus } from './squad-corpus.ts';

// evidence at weight 0 (soft, …) is recorded too, so that a refit can weigh it
CONFIDENCE_RECORDING.all = true;
const long = process.env.LONG === '1';
const { questions, articles, engine } = loadSquadCorpus({
  joinArticles: long,
  chat: process.env.CHAT === '1',
  paraphrase: Number(process.env.PARAPHRASE ?? 0),
  substitute: process.env.SUBSTITUTE === '1',
});
type Asked = Row & { present: boolean; none: boolean };
const rows: Asked[] = [];
/** The draft `ask` makes, before the threshold hides its quote (so that a right quote abstained on is labelled right). */
const draftOf = (question: string) =>
  (engine as unknown as { draftAnswer(q: string, c: string, p: readonly string[]): AnswerDraft | null }).draftAnswer(question, '', []);
const record = (present: boolean, q: (typeof questions)[number]) => {
  const d = draftOf(q.question);
  // LABEL=present: the question's paragraph is in the corpus (what abstention at an answer rate measures), right or not
  const right = present && d !== null && (process.env.LABEL === 'present' || quoteContainsGold(d.quote, q.answers));
  rows.push({ x: d ? { ...d.features } : {}, y: right ? 1 : 0, group: q.title, present, none: !d });
};
for (const q of questions) record(true, q);
for (const [id, art] of articles) {
  engine.remove([id]);
  for (const q of questions) if ((long ? q.title : `${q.title}#${q.paragraphIndex}`) === id) record(false, q);
  engine.add([art]);
}

// PAIRS=a,b,c adds every product of two of those features (an interaction the linear fit cannot see)
const pairKeys = process.env.PAIRS ? process.env.PAIRS.split(',') : [];
const pairs: string[] = [];
for (let i = 0; i < pairKeys.length; i++) for (let j = i; j < pairKeys.length; j++) pairs.push(`${pairKeys[i]}*${pairKeys[j]}`);
for (const r of rows) for (const p of pairs) { const [a, b] = p.split('*') as [string, string]; r.x[p] = (r.x[a] ?? 0) * (r.x[b] ?? 0); }
const BASE = ['coverage', 'windowCoverage', 'specific', 'specificWindow', 'bigrams', 'typed', 'context', 'topPassage', 'names'];
const sets: Record<string, string[]> = {
  base: BASE,
  '+rare': [...BASE, 'rare'],
  // soft matching (word vectors), the antecedent's words, a typed candidate by the question's words (confidence5)
  '+rare+soft': [...BASE, 'rare', 'soft'],
  '+rare+carried+typedNear': [...BASE, 'rare', 'carried', 'typedNear'],
  // measured once (bench/README.md), each within ±0.6 of +rare: margin, articleMargin, agreement, unmatched, unknown, rareShare
  '+rare+unmatched': [...BASE, 'rare', 'unmatched', 'unknown'],
  '+rare+missing': [...BASE, 'rare', 'missingWindow', 'missingSentence'],
};
const only = process.argv[2];
if (only) for (const k of Object.keys(sets)) if (k !== 'base' && k !== '+rare') delete sets[k];
if (only) sets['custom'] = [...only.split(','), ...pairs];

/** Abstention on the removed rows at the threshold that answers `rate` of the present rows. */
function abstentionAt(scores: number[], rate: number): { abstention: number; support: number } {
  const present = rows.map((r, i) => ({ r, s: scores[i]! })).filter((x) => x.r.present);
  const sorted = present.map((x) => x.s).sort((a, b) => b - a);
  const t = sorted[Math.max(0, Math.round(rate * present.length) - 1)]!;
  const removed = rows.map((r, i) => ({ r, s: scores[i]! })).filter((x) => !x.r.present);
  return {
    abstention: (100 * removed.filter((x) => x.r.none || x.s < t).length) / removed.length,
    support: (100 * present.filter((x) => x.s >= t && x.r.y).length) / present.length,
  };
}

console.log('| features | abst. @ 88 % | @ 90 % | @ 91.1 % | support @ 91.1 % |\n| --- | ---: | ---: | ---: | ---: |');
for (const [name, keys] of Object.entries(sets)) {
  const train = rows.filter((r) => !r.none);
  const oof = crossValidate(train, keys);
  const scores = rows.map(() => -1);
  let j = 0;
  rows.forEach((r, i) => {
    if (!r.none) scores[i] = oof[j++]!;
  });
  const at = [0.88, 0.9, 0.911].map((rate) => abstentionAt(scores, rate));
  console.log(`| ${name} | ${at[0]!.abstention.toFixed(1)} | ${at[1]!.abstention.toFixed(1)} | ${at[2]!.abstention.toFixed(1)} | ${at[2]!.support.toFixed(1)} |`);
  if (only ? name === 'custom' : name !== 'base') {
    const w = fitLogistic(train, keys);
    console.log(JSON.stringify(Object.fromEntries(Object.entries(w).map(([k, v]) => [k, Number(v.toFixed(2))]))));
  }
}
