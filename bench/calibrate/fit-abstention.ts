// `npx tsx bench/calibrate/fit-abstention.ts [feature,feature…]`: fits the answer confidence
// (CONFIDENCE_WEIGHTS, ABSTAIN_BELOW in answer-question.ts) on SQuAD rows with real negatives:
//   present  — each SQuAD question over the SQuAD corpus (label: the quote holds a gold answer);
//   removed  — the same with its paragraph removed (label 0);
//   swapped  — a name in the question replaced by a name from another SQuAD article, paragraph present (label 0);
//   foreign  — each SQuAD question asked over the seed + BBC corpus, which lacks its topic (label 0).
// Folds (5) are grouped by SQuAD article, every kind of row with its question's article. Prints
// out-of-fold SQuAD figures at 88 / 90 % answered, then the news dev set (checked, never fitted)
// under the weights fitted on all rows. ROWS=/tmp/file.json caches the asked rows between runs.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ABSTAIN_BELOW, type AnswerDraft } from '../../src/engine/answer-question.ts';
import { Engine } from '../../src/engine/engine.ts';
import { evalDirPath, evalFiles } from '../eval-data.ts';
import { loadNewsCorpus, loadNewsQa, supportsAnswer } from '../news-qa.ts';
import { quoteContainsGold } from '../squad-metrics.ts';
import { fitLogisticNewton, predict, type Row } from './logistic.ts';
import { swappedQuestions } from './swap-names.ts';
import { loadSquadCorpus } from './squad-corpus.ts';

type Kind = 'present' | 'removed' | 'swapped' | 'foreign' | 'news' | 'present-article' | 'swapped-article';
interface Asked extends Row {
  kind: Kind;
  /** Asked lower-cased. */
  lower: boolean;
  /** No draft at all: the engine abstains whatever the weights. */
  none: boolean;
  /** The current engine's confidence, to compare with. */
  current: number;
  /** News rows: answerable, and whether the quote holds an expected answer. */
  answerable?: boolean;
  supports?: boolean;
}

/** The draft `ask` makes for a standalone question, before the threshold hides its quote. */
function draftOf(engine: Engine, question: string): AnswerDraft | null {
  return (engine as unknown as { draftAnswer(q: string, c: string, p: readonly string[]): AnswerDraft | null }).draftAnswer(question, '', []);
}

function rowOf(draft: AnswerDraft | null, y: boolean, group: string, kind: Kind, lower: boolean): Asked {
  return { x: draft ? { ...draft.features } : {}, y: y ? 1 : 0, group, kind, lower, none: !draft, current: draft?.confidence ?? 0 };
}

/** Every SQuAD row kind, asked as written and lower-cased (as chat users often type: capitals carry the name features). */
async function collect(): Promise<Asked[]> {
  const { questions, articles, engine: squad } = loadSquadCorpus();
  const rows: Asked[] = [];
  const cases = [(t: string) => t, (t: string) => t.toLowerCase()];
  cases.forEach((as, lower) => {
    for (const q of questions) {
      const d = draftOf(squad, as(q.question));
      rows.push(rowOf(d, d !== null && quoteContainsGold(d.quote, q.answers), q.title, 'present', lower > 0));
    }
    for (const s of swappedQuestions(questions)) rows.push(rowOf(draftOf(squad, as(s.text)), false, s.q.title, 'swapped', lower > 0));
  });
  for (const [id, art] of articles) {
    squad.remove([id]);
    for (const q of questions) {
      if (`${q.title}#${q.paragraphIndex}` !== id) continue;
      cases.forEach((as, lower) => rows.push(rowOf(draftOf(squad, as(q.question)), false, q.title, 'removed', lower > 0)));
    }
    squad.add([art]);
  }
  // the same questions over whole SQuAD articles (paragraphs joined): words missing from an article weigh as in news articles
  const whole = new Map<string, string[]>();
  for (const a of articles.values()) whole.set(a.title, [...(whole.get(a.title) ?? []), a.text]);
  const byArticle = new Engine([...whole].map(([title, texts]) => ({ id: title, title, text: texts.join('\n\n'), url: null, date: null, source: null, origin: 'squad' })));
  cases.forEach((as, lower) => {
    for (const q of questions) {
      const d = draftOf(byArticle, as(q.question));
      rows.push(rowOf(d, d !== null && quoteContainsGold(d.quote, q.answers), q.title, 'present-article', lower > 0));
    }
    for (const s of swappedQuestions(questions)) rows.push(rowOf(draftOf(byArticle, as(s.text)), false, s.q.title, 'swapped-article', lower > 0));
  });
  const news = new Engine(await loadNewsCorpus(evalFiles(evalDirPath()).bbcSummaries));
  cases.forEach((as, lower) => {
    for (const q of questions) rows.push(rowOf(draftOf(news, as(q.question)), false, q.title, 'foreign', lower > 0));
  });
  for (const item of loadNewsQa()) {
    const d = draftOf(news, item.question);
    const r = rowOf(d, false, `news:${item.id}`, 'news', false);
    r.answerable = item.answerable;
    r.supports = d !== null && item.answerable && supportsAnswer(d.quote, item.answers);
    rows.push(r);
  }
  return rows;
}

const cache = process.env.ROWS;
const rows: Asked[] = cache && existsSync(cache) ? (JSON.parse(readFileSync(cache, 'utf8')) as Asked[]) : await collect();
if (cache && !existsSync(cache)) writeFileSync(cache, JSON.stringify(rows));

const pct = (n: number, d: number) => ((100 * n) / (d || 1)).toFixed(1);

/** The score at which `rate` of the present rows asked as written are answered. */
function thresholdAt(scored: Scored[], rate: number): number {
  const sorted = scored.filter((x) => x.r.kind === 'present' && !x.r.lower).map((x) => x.s).sort((a, b) => b - a);
  return sorted[Math.max(0, Math.round(rate * sorted.length) - 1)]!;
}

type Scored = { r: Asked; s: number };
const answers = (t: number) => (x: Scored) => !x.r.none && x.s >= t;

/** SQuAD figures at threshold t: answered, supporting sentence, abstention per negative kind; then the same lower-cased. */
function squadAt(scored: Scored[], t: number): string[] {
  const out: string[] = [];
  for (const lower of [false, true]) {
    const mine = scored.filter((x) => x.r.lower === lower);
    const present = mine.filter((x) => x.r.kind === 'present');
    const abst = (kind: Kind) => {
      const k = mine.filter((x) => x.r.kind === kind);
      return pct(k.filter((x) => !answers(t)(x)).length, k.length);
    };
    out.push(pct(present.filter(answers(t)).length, present.length), pct(present.filter((x) => answers(t)(x) && x.r.y).length, present.length), abst('removed'));
    if (!lower) out.push(abst('swapped'), abst('foreign'));
  }
  return out;
}

/** News dev set at threshold t: answered, supported (over answerable), abstained (over unanswerable). */
function newsAt(scored: Scored[], t: number): string[] {
  const news = scored.filter((x) => x.r.kind === 'news');
  const yes = news.filter((x) => x.r.answerable);
  const no = news.filter((x) => !x.r.answerable);
  return [pct(yes.filter(answers(t)).length, yes.length), pct(yes.filter((x) => answers(t)(x) && x.r.supports).length, yes.length), pct(no.filter((x) => !answers(t)(x)).length, no.length)];
}

// KINDS=present,removed,… picks the row kinds fitted on (default: all four SQuAD kinds); CASES=as-written fits
// without the lower-cased copies; L2= the penalty (default 0.001)
const kinds = (process.env.KINDS ?? 'present,removed,swapped,foreign').split(',') as Kind[];
const bothCases = process.env.CASES !== 'as-written';
const l2 = Number(process.env.L2 ?? 0.001);
const fitted = (r: Asked) => !r.none && kinds.includes(r.kind) && (bothCases || !r.lower);

/** Out-of-fold scores, 5 folds grouped by article (as crossValidate), trained on the rows fitted on only. */
function outOfFold(list: readonly Asked[], keys: readonly string[], folds = 5): Map<Asked, number> {
  const groups = [...new Set(list.map((r) => r.group))].sort();
  const foldOf = new Map(groups.map((g, i) => [g, i % folds]));
  const out = new Map<Asked, number>();
  for (let f = 0; f < folds; f++) {
    const w = fitLogisticNewton(list.filter((r) => foldOf.get(r.group) !== f && fitted(r)), keys, l2);
    for (const r of list) if (foldOf.get(r.group) === f) out.set(r, predict(w, r.x));
  }
  return out;
}

/** Derived keys: `a>0` is an indicator, `a*b` a product, `1-a` a complement. */
function derive(keys: readonly string[]): void {
  for (const k of keys) {
    if (!/[>*-]/.test(k)) continue;
    for (const r of rows) {
      const v = (n: string) => r.x[n] ?? 0;
      r.x[k] = k.endsWith('>0') ? (v(k.slice(0, -2)) > 0 ? 1 : 0) : k.startsWith('1-') ? 1 - v(k.slice(2)) : k.split('*').reduce((a, n) => a * v(n), 1);
    }
  }
}

const BASE = ['coverage', 'windowCoverage', 'specific', 'specificWindow', 'bigrams', 'typed', 'context', 'topPassage', 'names', 'rare'];
const NEW = ['margin', 'articleMargin', 'agreement', 'unmatched', 'unknown', 'rareShare', 'missingWindow', 'missingSentence'];
const sets: Record<string, string[]> = process.argv[2]
  ? Object.fromEntries(process.argv.slice(2).map((a, i) => [`set ${i + 1}`, a.split(',').flatMap((k) => (k === 'BASE' ? BASE : k === 'NEW' ? NEW : [k]))]))
  : {
      current: BASE,
      '+unmatched+unknown': [...BASE, 'unmatched', 'unknown'],
      '+missing': [...BASE, 'missingWindow', 'missingSentence'],
      '+unmatched+unknown+missing': [...BASE, 'unmatched', 'unknown', 'missingWindow', 'missingSentence'],
      all: [...BASE, ...NEW],
    };

const of = (kind: Kind) => rows.filter((r) => r.kind === kind && !r.lower);
console.log(`rows as written: ${(['present', 'removed', 'swapped', 'foreign', 'news'] as Kind[]).map((k) => `${k} ${of(k).length}`).join(', ')}; fitted on ${kinds.join('+')}${bothCases ? ', as written and lower-cased' : ''}, L2 ${l2}`);
const engineNow = rows.map((r) => ({ r, s: r.current }));
const head = '| answered | support | abst. removed | abst. swapped | abst. foreign | lc answered | lc support | lc abst. removed | news answered | news supported | news abstained |';
console.log(`\n| engine now (threshold ${ABSTAIN_BELOW}) ${head}\n| | ${squadAt(engineNow, ABSTAIN_BELOW).join(' | ')} | ${newsAt(engineNow, ABSTAIN_BELOW).join(' | ')} |`);
for (const rate of [0.88, 0.9]) console.log(`| at ${rate} | ${squadAt(engineNow, thresholdAt(engineNow, rate)).join(' | ')} | ${newsAt(engineNow, thresholdAt(engineNow, rate)).join(' | ')} |`);
console.log(`\n| features | rate ${head}\n| --- | ---: ${'| ---: '.repeat(11)}|`);
const squadRows = rows.filter((r) => r.kind !== 'news' && !r.none);
for (const [name, keys] of Object.entries(sets)) {
  derive(keys);
  const byRow = outOfFold(squadRows, keys);
  const w = fitLogisticNewton(rows.filter(fitted), keys, l2);
  const full = rows.map((r) => ({ r, s: r.none ? -1 : predict(w, r.x) }));
  const oofScored = rows.filter((r) => r.kind !== 'news').map((r) => ({ r, s: byRow.get(r) ?? -1 }));
  for (const rate of [0.88, 0.9]) {
    console.log(`| ${name} | ${rate} | ${squadAt(oofScored, thresholdAt(oofScored, rate)).join(' | ')} | ${newsAt(full, thresholdAt(full, rate)).join(' | ')} |`);
  }
  console.log(`  weights: ${JSON.stringify(Object.fromEntries(Object.entries(w).map(([k, v]) => [k, Number(v.toFixed(2))])))}; threshold @ 88.5 %: ${thresholdAt(full, 0.885).toFixed(3)}`);
}
