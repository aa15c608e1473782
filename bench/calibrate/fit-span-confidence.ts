// `npx tsx bench/calibrate/fit-span-confidence.ts`: fits the span confidence (span-confidence.ts) on the
// open SQuAD sample, 5-fold cross-validated with folds grouped by article; prints the out-of-fold
// risk–coverage and the weights fitted on everything. Label: the best span has F1 ≥ 0.5 against gold.
// Spans the engine never vouches for (a date / number asked and none given, a quantity of another kind)
// are not fitted and count as not short. LOWER=1 also asks every question lower-cased (as chat users
// type) and reports both halves; FEATURES=a,b,c fits only these features (default: those with a weight
// in SPAN_WEIGHTS); ADD=a,b adds features to that set. Measurement modes (features not in the engine, ADD them by name):
// AGREE=1 `g_*` (the other top passages' best spans agree), VEC=1 `v_*` (word-vector likeness of the span to the focus
// noun / question words), STABLE=1 `s_*` (the ranker picks the same span without its trees / type offsets / lower-cased),
// CLAUSE=1 `c_*` (share of the question's words in the span's own clause, between punctuation marks), REL=1 `r_*`
// (span-relation.ts: question words near the span, its predicate, a conflicting name, brackets, cut names, list items),
// CANDS=1 `n_*` (the ranker's scores over the sentence's other candidates);
// FOLD_SEED=n another partition of the articles into folds; SEEDS=n the mean (min–max) over FOLD_SEED=1…n;
// INTERACT=1 (all) or INTERACT=a,b: features again for typed questions (INTERACT_ON=what: for that type instead);
// CHAT=1 [PARAPHRASE=0.5 SUBSTITUTE=1] each question also reworded as in chat; NEGATIVES=removed,swapped also fits on
// those rows (never counted); L2=x, SOFT=1, TOP=t other fits (see fitScorer); DUMP=file every span for reading
// (bench/notes/spanconf2.md). Prints the rule for SHORT_ABOVE (the lowest threshold at ≥ 80 %
// out-of-fold precision) after the table; TREES=n measures boosted trees on top (see reportTrees).
import { writeFileSync } from 'node:fs';
import { f1Score, maxOverGold } from '../squad-metrics.ts';
import { fitLogisticNewton, foldsOf, predict, riskCoverage, type Row } from './logistic.ts';
import { loadSquadCorpus } from './squad-corpus.ts';
import { swappedQuestions } from './swap-names.ts';
import { SPAN_WEIGHTS } from '../../src/engine/span-confidence.ts';
import { spanRelation } from './span-relation.ts';
import { chooseSpan, scoreCandidates, SPAN_RANK_WEIGHTS, SPAN_TYPE_OFFSETS } from '../../src/engine/extract-span.ts';
import { stem, STOP_WORDS, terms, words } from '../../src/engine/text.ts';
import { isEnglishWord } from '../../src/engine/english-words.ts';
import { loadWordVectors } from '../../src/engine/word-vectors.ts';
import { focusOf, questionStems } from '../../src/engine/question-analysis.ts';
import { BOOST_DEFAULTS, boostOptionsFromEnv, evalTree, fitBoostedTrees } from './boost.ts';

// CHAT=1 [PARAPHRASE=0.5 SUBSTITUTE=1] (measurement): each question also reworded as typed in chat (squad-corpus.ts), reported as its own half
const chat = process.env.CHAT === '1' || !!process.env.PARAPHRASE;
const { questions, engine, articles } = loadSquadCorpus(chat ? { chat: 'both', paraphrase: Number(process.env.PARAPHRASE ?? 0), substitute: process.env.SUBSTITUTE === '1' } : {});
interface Asked extends Row {
  lower: boolean;
  gated: boolean;
  /** A NEGATIVES row: fitted, never counted in the figures. */
  extra?: boolean;
  /** For DUMP: the question as asked, the span, the text it was taken from, the gold answers. */
  seen: { question: string; span: string; from: string; gold: readonly string[]; f1: number };
}
const rows: Asked[] = [];
const cases = process.env.LOWER === '1' ? [false, true] : [false];
for (const asLower of cases) {
  for (const q of questions) {
    const lower = asLower || q.id.endsWith('#chat');
    const r = engine.ask(lower ? q.question.toLowerCase() : q.question);
    if (r.answer.answer === null || !r.span.features || !r.span.text) continue;
    // the answer's own evidence too, prefixed `a_` (ADD=a_rare,… to try it beside the span's)
    const answer = Object.fromEntries(Object.entries(r.span.answerFeatures ?? {}).map(([k, v]) => [`a_${k}`, v]));
    const agree = process.env.AGREE === '1' ? agreementOf(lower ? q.question.toLowerCase() : q.question, r.span.text, r.span.from ?? '') : {};
    const likeness = process.env.VEC === '1' ? likenessOf(lower ? q.question.toLowerCase() : q.question, r.span.text) : {};
    const stable = process.env.STABLE === '1' ? stabilityOf(lower ? q.question.toLowerCase() : q.question, r.span.text, r.span.from ?? '') : {};
    const clause = process.env.CLAUSE === '1' ? clauseOf(lower ? q.question.toLowerCase() : q.question, r.span.text, r.span.from ?? '') : {};
    // REL=1 (measurement): where the question's words sit around the span (span-relation.ts), prefixed `r_`
    const rel = process.env.REL === '1' ? Object.fromEntries(Object.entries(spanRelation(lower ? q.question.toLowerCase() : q.question, r.span.text, r.span.from ?? '')).map(([k, v]) => [`r_${k}`, v])) : {};
    const cands = process.env.CANDS === '1' ? candidateSpread(lower ? q.question.toLowerCase() : q.question, r.span.text, r.span.from ?? '') : {};
    const f1 = maxOverGold(f1Score, r.span.text, q.answers);
    const seen = { question: lower ? q.question.toLowerCase() : q.question, span: r.span.text, from: r.span.from ?? '', gold: q.answers, f1 };
    rows.push({ x: { ...r.span.features, ...answer, ...agree, ...likeness, ...stable, ...clause, ...rel, ...cands }, y: f1 >= 0.5 ? 1 : 0, group: q.title, lower, gated: r.span.confidence === 0, seen });
  }
}
/** CANDS=1 (measurement): how the ranker's scores spread over the other candidates of the span's text (`n_*`). */
function candidateSpread(question: string, span: string, from: string): Record<string, number> {
  const { scored } = scoreCandidates(question, from);
  const key = (t: string) => ` ${words(t).join(' ')} `;
  const mine = key(span);
  const best = new Map<string, { score: number; typeMatch: boolean }>();
  for (const c of scored) if (c.text && (best.get(c.text)?.score ?? -Infinity) < c.score) best.set(c.text, { score: c.score, typeMatch: c.typeMatch });
  const chosen = best.get(span);
  if (!chosen) return { n_missing: 1 };
  let nested = -Infinity;
  let rival = -Infinity;
  let rivalTyped = false;
  let close = 0;
  let zAll = 0;
  let zNest = 0;
  for (const [t, c] of best) {
    const e = Math.exp(c.score - chosen.score);
    zAll += e;
    if (t === span) {
      zNest += e;
      continue;
    }
    const k = key(t);
    if (k.includes(mine) || mine.includes(k)) {
      nested = Math.max(nested, c.score);
      zNest += e;
    } else {
      if (c.score > rival) {
        rival = c.score;
        rivalTyped = c.typeMatch;
      }
      if (chosen.score - c.score < 1) close++;
    }
  }
  const gap = Number.isFinite(nested) ? Math.min(2, Math.max(0, chosen.score - nested)) / 2 : 1;
  return { n_missing: 0, n_nestGap: gap, n_nestShare: zNest / zAll, n_close: Math.min(3, close) / 3, n_rivalTyped: rivalTyped && Number.isFinite(rival) ? 1 : 0, n_nested: Number.isFinite(nested) ? 1 : 0 };
}
// NEGATIVES=removed,swapped (measurement): also fit on what the engine answers without the question's paragraph
// (`removed`) and to a question whose name is swapped for another article's (`swapped`), labelled by F1 as the rest:
// confident short answers the product shows to questions the corpus cannot answer. They are marked `extra` and
// left out of every figure and of the threshold rule, which stay over the questions asked with their paragraph.
const negatives = (process.env.NEGATIVES ?? '').split(',').filter(Boolean);
const extras: Asked[] = [];
if (negatives.length) {
  const push = (question: string, gold: readonly string[], title: string) => {
    const r = engine.ask(question);
    if (r.answer.answer === null || !r.span.features || !r.span.text) return;
    const f1 = maxOverGold(f1Score, r.span.text, gold);
    const rel = process.env.REL === '1' ? Object.fromEntries(Object.entries(spanRelation(question, r.span.text, r.span.from ?? '')).map(([k, v]) => [`r_${k}`, v])) : {};
    const clause = process.env.CLAUSE === '1' ? clauseOf(question, r.span.text, r.span.from ?? '') : {};
    extras.push({ x: { ...r.span.features, ...rel, ...clause }, y: f1 >= 0.5 ? 1 : 0, group: title, lower: false, gated: r.span.confidence === 0, extra: true, seen: { question, span: r.span.text, from: r.span.from ?? '', gold, f1 } });
  };
  if (negatives.includes('swapped')) for (const s of swappedQuestions(questions)) push(s.text, s.q.answers, s.q.title);
  if (negatives.includes('removed')) {
    for (const [id, art] of articles) {
      engine.remove([id]);
      for (const q of questions) if (`${q.title}#${q.paragraphIndex}` === id && !q.id.endsWith('#chat')) push(q.question, q.answers, q.title);
      engine.add([art]);
    }
  }
}
/** AGREE=1 (measurement): whether the best spans of the other top passages agree with the chosen span (`g_*`). */
function agreementOf(question: string, span: string, from: string): Record<string, number> {
  const key = (t: string) => ` ${words(t).join(' ')} `;
  const mine = key(span);
  let agree = 0;
  let agreeW = 0;
  let elsewhere = 0;
  let others = 0;
  const passages = engine.passages(question, undefined, 8);
  passages.forEach((p, i) => {
    if (p.text.includes(from) || from.includes(p.text)) return;
    others++;
    if (key(p.text).includes(mine)) elsewhere = 1;
    const c = chooseSpan(question, p.text);
    if (!c) return;
    const theirs = key(c.text);
    if (theirs.includes(mine) || mine.includes(theirs)) {
      agree++;
      agreeW += 1 / (i + 1);
    }
  });
  return { g_agree: agree ? 1 : 0, g_agreeCount: Math.min(3, agree) / 3, g_agreeW: agreeW, g_elsewhere: elsewhere, g_others: others / 8 };
}
/** VEC=1 (measurement): the span's words' likeness (word vectors) to the question's focus noun and to its other words (`v_*`). */
function likenessOf(question: string, span: string): Record<string, number> {
  const vectors = loadWordVectors();
  if (!vectors) return {};
  const focus = [...focusOf(question)];
  const qs = [...questionStems(question)];
  const spanTerms = terms(span);
  const head = spanTerms[spanTerms.length - 1];
  const best = (as: readonly string[], bs: readonly string[]) => {
    let m = -1;
    for (const a of as) for (const b of bs) {
      const ra = vectors.rowOf(a);
      const rb = vectors.rowOf(b);
      if (a !== b && ra >= 0 && rb >= 0) m = Math.max(m, vectors.cosine(ra, rb));
    }
    return m;
  };
  const fs = focus.length ? best(spanTerms, focus) : -1;
  const qsim = best(head ? [head] : [], qs.filter((t) => !spanTerms.includes(t)));
  return { v_focusAsked: focus.length ? 1 : 0, v_focusSim: Math.max(0, fs), v_focusFar: focus.length && fs >= -0.99 && fs < 0.2 ? 1 : 0, v_headLikeQ: Math.max(0, qsim), v_known: head && vectors.rowOf(head) >= 0 ? 1 : 0 };
}
/** STABLE=1 (measurement): whether the ranker picks the same span when part of it is taken away (`s_*`). */
function stabilityOf(question: string, span: string, from: string): Record<string, number> {
  const key = (t: string) => ` ${words(t).join(' ')} `;
  const mine = key(span);
  const bestOf = (scored: readonly { text: string; score: number }[]) => {
    let b: { text: string; score: number } | undefined;
    for (const c of scored) if (c.text && (!b || c.score > b.score)) b = c;
    return b ? key(b.text) : '';
  };
  const same = (t: string) => (t === mine ? 1 : 0);
  const overlaps = (t: string) => (t && (t.includes(mine) || mine.includes(t)) ? 1 : 0);
  const zeroOffsets = Object.fromEntries(Object.keys(SPAN_TYPE_OFFSETS).map((k) => [k, {}])) as unknown as typeof SPAN_TYPE_OFFSETS;
  const noTrees = bestOf(scoreCandidates(question, from, [], SPAN_RANK_WEIGHTS, SPAN_TYPE_OFFSETS, { types: [], trees: [] }).scored);
  const shared = bestOf(scoreCandidates(question, from, [], SPAN_RANK_WEIGHTS, zeroOffsets, { types: [], trees: [] }).scored);
  const lower = bestOf(scoreCandidates(question.toLowerCase().replace(/\?+\s*$/, ''), from).scored);
  return { s_noTrees: same(noTrees), s_shared: same(shared), s_sharedOver: overlaps(shared), s_lower: same(lower), s_all: same(noTrees) * same(shared) * same(lower) };
}
/** CLAUSE=1 (measurement): how much of the question sits in the span's own clause (between punctuation marks) (`c_*`). */
function clauseOf(question: string, span: string, from: string): Record<string, number> {
  const at = from.indexOf(span);
  if (at < 0) return {};
  const qs = questionStems(question);
  if (!qs.size) return {};
  const stemsOf = (t: string) => new Set(words(t).map(stem));
  const breakRe = /[,;:()\u2013\u2014]|\s-\s/g;
  let start = 0;
  let end = from.length;
  for (const m of from.matchAll(breakRe)) {
    const i = m.index ?? 0;
    if (i < at) start = i + 1;
    else if (i >= at + span.length) {
      end = i;
      break;
    }
  }
  const inClause = stemsOf(from.slice(start, at) + ' ' + from.slice(at + span.length, end));
  const inSentence = stemsOf(from.slice(0, at) + ' ' + from.slice(at + span.length));
  const own = [...qs].filter((t) => !stemsOf(span).has(t));
  const held = own.filter((t) => inSentence.has(t));
  const share = own.length ? own.filter((t) => inClause.has(t)).length / own.length : 0;
  // the question's named words (capitalised past its first word, digits, words outside the English list) held in the sentence but not in the span's clause
  const qWords = question.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
  const named = [...new Set(qWords.filter((w, i) => !STOP_WORDS.has(w.toLowerCase()) && ((i > 0 && /^\p{Lu}/u.test(w)) || /\d/.test(w) || !isEnglishWord(w.toLowerCase()))).map((w) => stem(w.toLowerCase())))].filter((t) => !stemsOf(span).has(t) && inSentence.has(t));
  const nameOut = named.filter((t) => !inClause.has(t)).length;
  return { c_nameOut: nameOut ? 1 : 0, c_nameOutShare: named.length ? nameOut / named.length : 0, c_nameIn: named.length && !nameOut ? 1 : 0, c_share: share, c_ofHeld: held.length ? own.filter((t) => inClause.has(t)).length / held.length : 0, c_none: share === 0 ? 1 : 0, c_whole: start === 0 && end === from.length ? 1 : 0 };
}
const base = Object.entries(SPAN_WEIGHTS).filter(([k, v]) => k !== 'bias' && v !== 0).map(([k]) => k);
const keys = process.env.FEATURES ? process.env.FEATURES.split(',') : [...base, ...(process.env.ADD ?? '').split(',').filter(Boolean)];
// INTERACT=1: every feature again for typed questions (who / when / where / number) only: a weight table per kind of question
// INTERACT=a,b: only these features again for typed questions
if (process.env.INTERACT) {
  const which = process.env.INTERACT === '1' ? [...keys] : process.env.INTERACT.split(',');
  for (const r of rows) {
    const typed = (r.x['what'] ?? 0) + (r.x['other'] ?? 0) === 0 ? 1 : 0;
    // INTERACT_ON=what: the features again for that one question type instead of the typed ones
    const on = process.env.INTERACT_ON ? (r.x[process.env.INTERACT_ON] ?? 0) : typed;
    for (const k of which) r.x[`${k}_typed`] = on * (r.x[k] ?? 0);
  }
  keys.push(...which.map((k) => `${k}_typed`));
}
const fitted = [...rows, ...extras].filter((r) => !r.gated);
if (extras.length) console.log(`NEGATIVES: ${extras.length} more spans fitted (${extras.filter((r) => !r.gated).length} vouchable, ${extras.filter((r) => r.y).length} right), not counted below`);
const pct = (x: number) => (100 * x).toFixed(1);
console.log(`${rows.length} answered with a span (${cases.length} case${cases.length > 1 ? 's' : ''}), ${rows.length - fitted.length} never vouched for; span right (F1 ≥ 0.5): ${pct(rows.reduce((n, r) => n + r.y, 0) / rows.length)} %`);
console.log(`features: ${keys.join(',')}`);
/** Out-of-fold scores, folds grouped by article as in logistic.ts (Newton's method: the same fit, seconds not a minute). */
function crossValidate(data: readonly Asked[], ks: readonly string[], folds = 5): number[] {
  const foldOf = foldsOf([...new Set(data.map((r) => r.group))].sort(), folds);
  const out = new Array<number>(data.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const score = fitScorer(data.filter((r) => foldOf.get(r.group) !== f), ks);
    data.forEach((r, i) => {
      if (foldOf.get(r.group) === f) out[i] = score(r);
    });
  }
  return out;
}
/**
 * The fit of one training set as a scorer. Measurement knobs (default: the plain fit): L2=x the ridge penalty;
 * SOFT=1 the span's F1 as a fractional label; TOP=t a second fit on the training spans the first scores ≥ t, used for them.
 */
function fitScorer(train: readonly Asked[], ks: readonly string[]): (r: Row) => number {
  const l2 = process.env.L2 ? Number(process.env.L2) : undefined;
  const soft = process.env.SOFT === '1';
  const labelled = soft ? train.map((r) => ({ ...r, y: r.seen.f1 as 0 | 1 })) : train;
  const w = fitLogisticNewton(labelled, ks, l2);
  const top = process.env.TOP ? Number(process.env.TOP) : 0;
  if (!top) return (r) => predict(w, r.x);
  const w2 = fitLogisticNewton(labelled.filter((r) => predict(w, r.x) >= top), ks, l2);
  return (r) => (predict(w, r.x) >= top ? predict(w2, r.x) : Math.min(predict(w, r.x), predict(w2, r.x)));
}
const oofFitted = crossValidate(fitted, keys);
const scoreOf = new Map(fitted.map((r, i) => [r, oofFitted[i]!]));
const oof = rows.map((r) => scoreOf.get(r) ?? 0);
const thresholds = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.61, 0.62, 0.63, 0.64, 0.65, 0.66, 0.67, 0.68, 0.69, 0.7, 0.71, 0.72, 0.73, 0.74, 0.75];
const report = (label: string, pick: (r: Asked) => boolean) => {
  const idx = rows.map((r, i) => (pick(r) ? i : -1)).filter((i) => i >= 0);
  const s = idx.map((i) => oof[i]!);
  const y = idx.map((i) => rows[i]!.y);
  console.log(`\n${label}: ${idx.length} spans\n| threshold | coverage % | precision % |\n| ---: | ---: | ---: |`);
  for (const p of riskCoverage(s, y, thresholds)) console.log(`| ${p.threshold} | ${pct(p.coverage)} | ${pct(p.precision)} |`);
  // precision at fixed coverage, and the widest coverage at ≥ 80 % precision (threshold-free)
  const sorted = s.map((v, i) => [v, y[i]!] as const).sort((a, b) => b[0] - a[0]);
  const at = [0.3, 0.4, 0.5, 0.6].map((c) => {
    const top = sorted.slice(0, Math.round(c * sorted.length));
    return pct(top.reduce((n, x) => n + x[1], 0) / (top.length || 1));
  });
  let good = 0;
  let widest = 0;
  sorted.forEach(([, yy], i) => {
    good += yy;
    if (i >= 20 && good / (i + 1) >= 0.8) widest = (i + 1) / sorted.length;
  });
  console.log(`precision at 30 / 40 / 50 / 60 % coverage: ${at.join(' / ')}; widest coverage at ≥ 80 % precision: ${pct(widest)} %`);
};
report('all', () => true);
if (cases.length > 1 || chat) {
  report('as written', (r) => !r.lower);
  report(chat ? 'chat-typed' : 'lower-cased', (r) => r.lower);
}
/** The threshold rule for SHORT_ABOVE: the lowest grid threshold whose out-of-fold precision is ≥ 80 %. */
const printRule = () => {
  const rule = riskCoverage(oof, rows.map((r) => r.y), thresholds).find((p) => p.precision >= 0.8 && p.coverage > 0);
  console.log(rule ? `rule (SHORT_ABOVE): threshold ${rule.threshold} → coverage ${pct(rule.coverage)} %, precision ${pct(rule.precision)} % (out of fold)` : 'rule: no threshold reaches 80 %');
};
printRule();
if (process.env.SEEDS) reportSeeds(Number(process.env.SEEDS));
/** SEEDS=n: the same fit over n other partitions of the articles (FOLD_SEED=1…n): mean and range of the threshold-free figures (and per half with LOWER / CHAT). */
function reportSeeds(n: number): void {
  const saved = process.env.FOLD_SEED;
  const halves: [string, (r: Asked) => boolean][] = [['all', () => true]];
  if (cases.length > 1 || chat) halves.push(['as written', (r) => !r.lower], [chat ? 'chat-typed' : 'lower-cased', (r) => r.lower]);
  const figures = halves.map(() => ({ widest: [] as number[], at40: [] as number[], at50: [] as number[] }));
  for (let seed = 1; seed <= n; seed++) {
    process.env.FOLD_SEED = String(seed);
    const scores = crossValidate(fitted, keys);
    const scoreOf = new Map(fitted.map((r, i) => [r, scores[i]!]));
    halves.forEach(([, pick], h) => {
      const sorted = rows.filter(pick).map((r) => [scoreOf.get(r) ?? 0, r.y] as const).sort((a, b) => b[0] - a[0]);
      const precisionAt = (c: number) => {
        const top = sorted.slice(0, Math.round(c * sorted.length));
        return top.reduce((k, x) => k + x[1], 0) / (top.length || 1);
      };
      let good = 0;
      let w = 0;
      sorted.forEach(([, yy], i) => {
        good += yy;
        if (i >= 20 && good / (i + 1) >= 0.8) w = (i + 1) / sorted.length;
      });
      figures[h]!.widest.push(w);
      figures[h]!.at40.push(precisionAt(0.4));
      figures[h]!.at50.push(precisionAt(0.5));
    });
  }
  process.env.FOLD_SEED = saved;
  const line = (xs: number[]) => `${pct(xs.reduce((a, b) => a + b, 0) / xs.length)} (${pct(Math.min(...xs))}–${pct(Math.max(...xs))})`;
  halves.forEach(([label], h) => {
    const f = figures[h]!;
    console.log(`${label}, over FOLD_SEED=1…${n}: widest coverage at ≥ 80 % precision ${line(f.widest)} %; precision at 40 % ${line(f.at40)}; at 50 % ${line(f.at50)}`);
  });
}
// DUMP=file: every span with its out-of-fold score and what was asked, for reading the misses
if (process.env.DUMP) writeFileSync(process.env.DUMP, JSON.stringify(rows.map((r, i) => ({ ...r.seen, y: r.y, oof: oof[i], x: r.x }))));
const w = fitLogisticNewton(fitted, keys);
console.log(JSON.stringify(Object.fromEntries(Object.entries(w).map(([k, v]) => [k, Number(v.toFixed(2))]))));
if (process.env.TREES) reportTrees();

/**
 * TREES=n: boosted depth-2 trees (boost.ts) over the span features (TREE_KEYS=a,b,… else the fitted keys), added to
 * a starting score: LINEAR=engine (default) the shipped SPAN_WEIGHTS, LINEAR=refit the linear fit of the same fold,
 * LINEAR=none a constant. Prints the out-of-fold risk–coverage as above; the threshold rule picks the lowest grid
 * threshold at ≥ 80 % out-of-fold precision. Measured, not adopted: bench/notes/conftrees.md (the engine hook and
 * WRITE=1 that wrote the table are in that branch's history).
 */
function reportTrees(): void {
  const options = boostOptionsFromEnv({ ...BOOST_DEFAULTS, trees: Number(process.env.TREES) });
  const linear = process.env.LINEAR ?? 'engine';
  const treeKeys = process.env.TREE_KEYS ? process.env.TREE_KEYS.split(',') : keys;
  const vec = (r: Row) => treeKeys.map((k) => r.x[k] ?? 0);
  const logit = (p: number) => Math.log(Math.max(1e-9, p) / Math.max(1e-9, 1 - p));
  const fit = (train: readonly Row[]) => {
    const lw = linear === 'refit' ? fitLogisticNewton(train, keys) : null;
    const prior = logit(train.reduce((a, r) => a + r.y, 0) / (train.length || 1));
    const base = (r: Row) => (lw ? logit(predict(lw, r.x)) : linear === 'none' ? prior : logit(predict(SPAN_WEIGHTS, r.x)));
    const trees = fitBoostedTrees(train.map((r) => ({ x: vec(r), y: r.y, base: base(r) })), options);
    return { trees, score: (r: Row) => 1 / (1 + Math.exp(-(base(r) + trees.reduce((a, t) => a + evalTree(t, vec(r)), 0)))) };
  };
  const groups = [...new Set(fitted.map((r) => r.group))].sort();
  const foldOf = new Map(groups.map((g, i) => [g, i % 5]));
  const byRow = new Map<Row, number>();
  for (let f = 0; f < 5; f++) {
    const model = fit(fitted.filter((r) => foldOf.get(r.group) !== f));
    for (const r of fitted) if (foldOf.get(r.group) === f) byRow.set(r, model.score(r));
  }
  const name = `${linear} + ${options.trees} trees d${options.depth} ×${options.rate} λ${options.lambda} over ${treeKeys.length} features`;
  for (let i = 0; i < rows.length; i++) oof[i] = byRow.get(rows[i]!) ?? 0;
  report(name, () => true);
  if (cases.length > 1) {
    report(`${name}, as written`, (r) => !r.lower);
    report(`${name}, lower-cased`, (r) => r.lower);
  }
  printRule();
}
