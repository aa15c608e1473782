// `npm run bench [-- summaries|qa|newsqa|requests|dups|speed …]`: the engine beside baselines on ../shared/eval.
// Markdown tables go to stdout, progress to stderr, every figure to bench/results.json.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import MiniSearch from 'minisearch';
import type { Article } from '../src/engine/types.ts';
import { leadK, textRank, WordOverlapQa } from './baselines.ts';
import {
  countRows,
  evalDirExists,
  evalDirPath,
  evalFiles,
  loadClustering,
  loadQa,
  loadSummarization,
  PROJECT_ROOT,
  type SummarizationRow,
} from './eval-data.ts';
import { referenceSentences, RougeMean, scoreSummary } from './rouge.ts';
import { exactMatch, f1Score, maxOverGold, quoteContainsGold } from './squad-metrics.ts';
import { runLlmQa } from './llm-qa.ts';
import { unsureNote } from '../src/bot/reply.ts';
import { loadOutOfScope, scoreOutOfScope, type OutOfScopeRow } from './out-of-scope.ts';
import { probeRows, sectionRequestsWith } from './requests-section.ts';
import { runThroughBot } from './requests-bot.ts';
import { followUpTable, runFollowUps, type FollowUpReply, type FollowUpRow } from './follow-up-section.ts';
import { type FreshBatch, listFreshBatches, loadNewsCorpus, loadNewsQa, NEWS_QA_FILE, QUESTION_TYPES, sameArticleTest, scoreNewsQa, type NewsQaItem, type NewsQaReply, type NewsQaScores, supportsAnswer, loadFollowUps, NEWS_QA_FOLLOWUPS_FILE } from './news-qa.ts';

type EngineModule = typeof import('../src/engine/engine.ts');
type EngineInstance = InstanceType<EngineModule['Engine']>;
/** An ask answer; `short` exists only where the selective-answering branch has landed. */
type EngineAnswer = ReturnType<EngineInstance['ask']>['answer'] & { short?: boolean };

const SECTION_NAMES = ['summaries', 'qa', 'newsqa', 'requests', 'dups', 'speed'] as const;
type SectionName = (typeof SECTION_NAMES)[number];

interface SectionOutput {
  /** Markdown lines (a heading and a table). */
  markdown: string[];
  /** Machine-readable figures. */
  data: Record<string, unknown>;
  /** Errors met while the section ran on; any error makes the run exit non-zero. */
  errors: string[];
}

interface Context {
  dir: string;
  engine: Partial<EngineModule>;
  /** The engine module, relative to the project root. */
  engineFile: string;
  engineError: string | null;
}

// ---------------------------------------------------------------------------------------------
// small helpers

const log = (msg: string) => process.stderr.write(`bench: ${msg}\n`);
/** One line naming an error (multi-line messages are joined). */
const errorText = (err: unknown) =>
  (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).replace(/\s*\n\s*/g, ' ⏎ ').trim();
const round = (x: number, digits = 2) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
const pct = (num: number, den: number) => (den ? round((100 * num) / den, 2) : 0);
const fmt = (x: number | null | undefined, digits = 2) => (x === null || x === undefined ? '–' : x.toFixed(digits));

/** Nearest-rank percentile of a list of numbers (p in 0..100). */
function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

function median(values: readonly number[]): number {
  return percentile(values, 50);
}

function mdTable(headers: string[], rows: (string | number)[][]): string[] {
  const line = (cells: (string | number)[]) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(headers), `| ${headers.map((_, i) => (i < 2 ? '---' : '---:')).join(' | ')} |`, ...rows.map(line)];
}

function needEngine(ctx: Context): EngineModule['Engine'] {
  if (typeof ctx.engine.Engine !== 'function') {
    throw new Error(ctx.engineError ?? `Engine is not implemented yet (${ctx.engineFile} exports no Engine class)`);
  }
  return ctx.engine.Engine;
}

function needSummarizeText(ctx: Context): EngineModule['summarizeText'] {
  if (typeof ctx.engine.summarizeText !== 'function') {
    throw new Error(
      ctx.engineError ?? `summarizeText is not implemented yet (${ctx.engineFile} exports no summarizeText function)`,
    );
  }
  return ctx.engine.summarizeText;
}

function article(id: string, title: string, text: string, origin: string): Article {
  return { id, title, text, url: null, date: null, source: null, origin };
}

// ---------------------------------------------------------------------------------------------
// 1. summaries

interface SummaryRow {
  dataset: string;
  system: string;
  k: string;
  articles: number;
  r1: number | null;
  r2: number | null;
  rL: number | null;
  msPerArticle: number | null;
  failures: number;
  error: string | null;
}

function evalSummarizer(
  dataset: string,
  system: string,
  kLabel: string,
  rows: readonly SummarizationRow[],
  kOf: (row: SummarizationRow) => number,
  summarize: (row: SummarizationRow, k: number) => string[],
): SummaryRow {
  const mean = new RougeMean();
  let ms = 0;
  let failures = 0;
  let firstError: string | null = null;
  for (const row of rows) {
    const k = kOf(row);
    let candidate: string[] = [];
    const t0 = performance.now();
    try {
      candidate = summarize(row, k);
      if (!Array.isArray(candidate)) throw new TypeError(`returned ${typeof candidate}, not an array`);
    } catch (err) {
      failures++;
      firstError ??= `${row.id}: ${errorText(err)}`;
      candidate = [];
    }
    ms += performance.now() - t0;
    mean.add(scoreSummary(candidate, referenceSentences(row.reference)));
  }
  const p = mean.percent();
  return {
    dataset,
    system,
    k: kLabel,
    articles: rows.length,
    ...p,
    msPerArticle: rows.length ? round(ms / rows.length, 3) : null,
    failures,
    error: firstError,
  };
}

function notRun(dataset: string, system: string, k: string, articles: number, error: string): SummaryRow {
  return { dataset, system, k, articles, r1: null, r2: null, rL: null, msPerArticle: null, failures: articles, error };
}

function sectionSummaries(ctx: Context): SectionOutput {
  const files = evalFiles(ctx.dir);
  const errors: string[] = [];
  const rows: SummaryRow[] = [];
  let summarizeText: EngineModule['summarizeText'] | null = null;
  let oursError = '';
  try {
    summarizeText = needSummarizeText(ctx);
  } catch (err) {
    oursError = errorText(err);
    errors.push(`summaries: ours: ${oursError}`);
  }
  const ours = (
    dataset: string,
    k: string,
    data: SummarizationRow[],
    kOf: (r: SummarizationRow) => number,
    withTitle: boolean,
  ) => {
    if (!summarizeText) return rows.push(notRun(dataset, 'ours', k, data.length, oursError));
    const fn = summarizeText;
    const row = evalSummarizer(dataset, 'ours', k, data, kOf, (r, n) =>
      withTitle && r.title !== null ? fn(r.text, n, r.title) : fn(r.text, n),
    );
    if (row.error) errors.push(`summaries: ${dataset} ours: ${row.failures} article(s) threw; first: ${row.error}`);
    rows.push(row);
  };

  const datasets: [string, () => void][] = [
    [
      'CNN/DM',
      () => {
        const data = loadSummarization(files.cnndm);
        const name = `CNN/DM-${data.length}`;
        log(`summaries: ${name}`);
        ours(name, '3', data, () => 3, false);
        rows.push(evalSummarizer(name, 'Lead-3', '3', data, () => 3, (r, k) => leadK(r.text, k)));
        rows.push(evalSummarizer(name, 'TextRank', '3', data, () => 3, (r, k) => textRank(r.text, k)));
      },
    ],
    [
      'XSum',
      () => {
        const data = loadSummarization(files.xsum);
        const name = `XSum-${data.length}`;
        log(`summaries: ${name}`);
        ours(name, '1', data, () => 1, false);
        rows.push(evalSummarizer(name, 'Lead-1', '1', data, () => 1, (r, k) => leadK(r.text, k)));
      },
    ],
    [
      'BBC',
      () => {
        const data = loadSummarization(files.bbcSummaries);
        const name = `BBC-${data.length}`;
        log(`summaries: ${name}`);
        const kOf = (r: SummarizationRow) =>
          Math.max(1, r.referenceSentences?.length ?? referenceSentences(r.reference).length);
        ours(name, 'ref', data, kOf, true);
        rows.push(evalSummarizer(name, 'Lead-k', 'ref', data, kOf, (r, k) => leadK(r.text, k)));
        rows.push(evalSummarizer(name, 'TextRank', 'ref', data, kOf, (r, k) => textRank(r.text, k)));
      },
    ],
  ];
  for (const [label, run] of datasets) {
    try {
      run();
    } catch (err) {
      errors.push(`summaries: ${label}: ${errorText(err)}`);
    }
  }

  const markdown = [
    '## Summaries (ROUGE F1 ×100; k = sentences; "ref" = as many as the reference has)',
    '',
    ...mdTable(
      ['dataset', 'system', 'k', 'R1', 'R2', 'RL', 'ms/article'],
      rows.map((r) => [
        r.dataset,
        r.system + (r.error ? (r.r1 === null ? ' (not run)' : ` (${r.failures} failed)`) : ''),
        r.k,
        fmt(r.r1),
        fmt(r.r2),
        fmt(r.rL),
        fmt(r.msPerArticle, 3),
      ]),
    ),
  ];
  return { markdown, data: { rows }, errors };
}

// ---------------------------------------------------------------------------------------------
// 2. QA on SQuAD

interface QaFigures {
  system: string;
  questions: number;
  answerRate: number;
  supportAccuracy: number;
  em: number;
  f1: number;
  retrievalAt1: number;
  abstentionRate: number | null;
  p50ms: number | null;
  p99ms: number | null;
  buildMs: number | null;
}

/** A QA table row from counts over `n` questions and the ask times. */
function qaFigures(
  system: string,
  n: number,
  counts: { answered: number; support: number; em: number; f1: number; hit: number },
  times: readonly number[],
  abstentionRate: number | null,
  buildMs: number | null,
): QaFigures {
  return {
    system,
    questions: n,
    answerRate: pct(counts.answered, n),
    supportAccuracy: pct(counts.support, n),
    em: pct(counts.em, n),
    f1: pct(counts.f1, n),
    retrievalAt1: pct(counts.hit, n),
    abstentionRate,
    p50ms: round(percentile(times, 50), 3),
    p99ms: round(percentile(times, 99), 3),
    buildMs,
  };
}

function sectionQa(ctx: Context): SectionOutput {
  const errors: string[] = [];
  const questions = loadQa(evalFiles(ctx.dir).squad);
  const paragraphs = new Map<string, Article>();
  const questionsOf = new Map<string, typeof questions>();
  for (const q of questions) {
    const id = `${q.title}#${q.paragraphIndex}`;
    if (!paragraphs.has(id)) paragraphs.set(id, article(id, q.title, q.context, 'squad'));
    let list = questionsOf.get(id);
    if (!list) questionsOf.set(id, (list = []));
    list.push(q);
  }
  const articles = [...paragraphs.values()];
  const paraId = (q: (typeof questions)[number]) => `${q.title}#${q.paragraphIndex}`;
  log(`qa: ${questions.length} questions over ${articles.length} paragraphs`);
  const systems: QaFigures[] = [];
  const details: Record<string, unknown> = { questions: questions.length, paragraphs: articles.length };

  // baseline: the sentence of the corpus with the most question terms
  {
    const t0 = performance.now();
    const qa = new WordOverlapQa(articles);
    const buildMs = performance.now() - t0;
    let answered = 0, support = 0, em = 0, f1 = 0, hit = 0;
    const times: number[] = [];
    for (const q of questions) {
      const t = performance.now();
      const r = qa.ask(q.question);
      times.push(performance.now() - t);
      if (!r) continue;
      answered++;
      if (quoteContainsGold(r.sentence, q.answers)) support++;
      em += maxOverGold(exactMatch, r.sentence, q.answers);
      f1 += maxOverGold(f1Score, r.sentence, q.answers);
      if (r.id === paraId(q)) hit++;
    }
    systems.push(qaFigures('word-overlap sentence', questions.length, { answered, support, em, f1, hit }, times, null, round(buildMs, 1)));
    details['baselineSentences'] = qa.sentenceCount;
  }

  // ours
  try {
    const Engine = needEngine(ctx);
    const t0 = performance.now();
    const engine = new Engine(articles);
    const buildMs = performance.now() - t0;
    let answered = 0, support = 0, em = 0, f1 = 0, hit = 0, failures = 0;
    let shownEm = 0, shownF1 = 0, shortCount = 0, shortRight = 0;
    let firstError: string | null = null;
    const times: number[] = [];
    // per question: answer confidence, span confidence, whether the best span is right (F1 ≥ 0.5), quote right
    const present: PresentRow[] = [];
    questions.forEach((q, i) => {
      if (i > 0 && i % 250 === 0) log(`qa: ${i}/${questions.length} asked`);
      let a;
      let span: { text: string | null; confidence: number } | undefined;
      const t = performance.now();
      try {
        const r = engine.ask(q.question);
        a = r.answer;
        span = r.span;
      } catch (err) {
        failures++;
        firstError ??= `${q.id}: ${errorText(err)}`;
        return;
      } finally {
        times.push(performance.now() - t);
      }
      // EM / F1 of the engine's best span, shown or not (comparable with earlier runs); "as shown" separately
      const best = span?.text ?? a.quote;
      const spanF1 = best ? maxOverGold(f1Score, best, q.answers) : 0;
      if (a.answer !== null) {
        answered++;
        em += best ? maxOverGold(exactMatch, best, q.answers) : 0;
        f1 += spanF1;
        shownEm += maxOverGold(exactMatch, a.answer, q.answers);
        const shown = maxOverGold(f1Score, a.answer, q.answers);
        shownF1 += shown;
        if (a.short === true) {
          shortCount++;
          if (shown >= 0.5) shortRight++;
        }
      }
      const quoteRight = a.quote !== null && quoteContainsGold(a.quote, q.answers);
      if (quoteRight) support++;
      present.push({ answered: a.answer !== null, confidence: a.confidence, spanConfidence: span?.confidence ?? 0, spanRight: spanF1 >= 0.5, quoteRight });
      if (a.sources[0]?.id === paraId(q)) hit++;
    });
    if (firstError) errors.push(`qa: ask threw for ${failures} question(s); first: ${firstError}`);

    // abstention: each paragraph removed in turn, its own questions asked
    log('qa: abstention (each paragraph removed in turn)');
    let abstained = 0, asked = 0, rightElsewhere = 0;
    let abstentionError: string | null = null;
    let abstentionFailures = 0;
    let firstAbstentionError: string | null = null;
    const removedConfidences: number[] = [];
    for (const [id, art] of paragraphs) {
      try {
        engine.remove([id]);
        try {
          for (const q of questionsOf.get(id) ?? []) {
            try {
              const removedAnswer = engine.ask(q.question).answer;
              const none = removedAnswer.answer === null;
              removedConfidences.push(removedAnswer.confidence);
              asked++;
              if (none) abstained++;
              // a sibling paragraph of the same article may state the answer too: counted apart, never as abstention
              else if (removedAnswer.quote !== null && quoteContainsGold(removedAnswer.quote, q.answers)) rightElsewhere++;
            } catch (err) {
              abstentionFailures++;
              firstAbstentionError ??= `${q.id}: ${errorText(err)}`;
            }
          }
        } finally {
          engine.add([art]);
        }
      } catch (err) {
        abstentionError = `${id}: ${errorText(err)}`;
        break;
      }
    }
    if (abstentionError) errors.push(`qa: abstention stopped (remove/add threw): ${abstentionError}`);
    if (firstAbstentionError) {
      errors.push(`qa: abstention: ask threw for ${abstentionFailures} question(s) (left out); first: ${firstAbstentionError}`);
    }

    const n = questions.length;
    systems.unshift(qaFigures('ours', n, { answered, support, em, f1, hit }, times, abstentionError ? null : pct(abstained, asked), round(buildMs, 1)));
    details['shortAnswers'] = {
      coverage: pct(shortCount, answered),
      precision: pct(shortRight, shortCount),
      shownEm: pct(shownEm, n),
      shownF1: pct(shownF1, n),
      spanCurve: spanCurve(present),
      answerCurve: answerCurve(present, removedConfidences),
    };
    details['oursFailures'] = failures;
    details['abstentionAsked'] = asked;
    details['removedRightElsewhere'] = rightElsewhere;
    details['removedAbstained'] = abstained;
    // the same questions as people type them in chat: what the question's capitals and "?" were worth
    log('qa: the same, typed as in chat');
    try {
      systems.splice(1, 0, chatTypedFigures(engine, questions, paragraphs, questionsOf, paraId));
    } catch (err) {
      errors.push(`qa: ours, typed as in chat: ${errorText(err)}`);
    }
  } catch (err) {
    errors.push(`qa: ours: ${errorText(err)}`);
  }

  const markdown = [
    `## QA: SQuAD-${questions.length} (${articles.length} paragraphs as the corpus; rates in %, EM/F1 ×100)`,
    '',
    ...mdTable(
      ['system', 'answer rate', 'supporting sentence', 'EM', 'F1', 'retrieval@1', 'abstention (paragraph removed)', 'p50 ms', 'p99 ms'],
      systems.map((s) => [
        s.system,
        fmt(s.answerRate, 1),
        fmt(s.supportAccuracy, 1),
        fmt(s.em),
        fmt(s.f1),
        fmt(s.retrievalAt1, 1),
        fmt(s.abstentionRate, 1),
        fmt(s.p50ms, 3),
        fmt(s.p99ms, 3),
      ]),
    ),
  ];
  if (!systems.some((s) => s.system === 'ours')) markdown.push('', '_ours: not run (see errors)_');
  const removedAsked = details['abstentionAsked'] as number | undefined;
  const removedRight = details['removedRightElsewhere'] as number | undefined;
  const removedAbstained = details['removedAbstained'] as number | undefined;
  if (removedAsked && removedRight !== undefined && removedAbstained !== undefined) {
    markdown.push(
      '',
      `Paragraph removed: ${removedRight} of ${removedAsked} questions (${fmt(pct(removedRight, removedAsked), 1)} %) were answered with a quote from another paragraph that holds a gold answer (the article says it twice). The abstention figure above counts them as failures and stays the measure; abstained or right from elsewhere: ${fmt(pct(removedAbstained + removedRight, removedAsked), 1)} %.`,
    );
  }
  const short = details['shortAnswers'] as ShortFigures | undefined;
  if (short) {
    markdown.push(
      '',
      `Short answers (\`short: true\`): coverage ${fmt(short.coverage, 1)} % of answered, precision (F1 ≥ 0.5) ${fmt(short.precision, 1)} %; EM / F1 as shown (sentence when not short) ${fmt(short.shownEm)} / ${fmt(short.shownF1)}. EM / F1 above: the best span, shown or not.`,
      '',
      'Span decision (answered questions; span confidence ≥ threshold → short):',
      '',
      ...mdTable(
        ['span threshold', 'short coverage %', 'short precision %'],
        short.spanCurve.map((p) => [p.threshold, fmt(p.coverage, 1), fmt(p.precision, 1)]),
      ),
      '',
      'Answer / abstain decision (confidence ≥ threshold → answer):',
      '',
      ...mdTable(
        ['answer threshold', 'answer rate %', 'supporting sentence %', 'abstention (paragraph removed) %'],
        short.answerCurve.map((p) => [p.threshold, fmt(p.answerRate, 1), fmt(p.support, 1), fmt(p.abstention, 1)]),
      ),
    );
  }
  return { markdown, data: { ...details, systems }, errors };
}

interface ShortFigures {
  coverage: number;
  precision: number;
  shownEm: number;
  shownF1: number;
  spanCurve: { threshold: number; coverage: number; precision: number }[];
  answerCurve: { threshold: number; answerRate: number; support: number; abstention: number }[];
}

type PresentRow = { answered: boolean; confidence: number; spanConfidence: number; spanRight: boolean; quoteRight: boolean };

/** Risk–coverage of the span decision over the questions answered at the engine's own threshold. */
type QaQuestion = ReturnType<typeof loadQa>[number];

/** SQuAD asked lower-cased and without its question mark, as chat users type (the news set is written so), over the same engine. */
function chatTypedFigures(
  engine: InstanceType<EngineModule['Engine']>,
  questions: readonly QaQuestion[],
  paragraphs: ReadonlyMap<string, Article>,
  questionsOf: ReadonlyMap<string, readonly QaQuestion[]>,
  paraId: (q: QaQuestion) => string,
): QaFigures {
  const typed = (question: string) => question.toLowerCase().replace(/\s*\?+\s*$/, '');
  let answered = 0, support = 0, em = 0, f1 = 0, hit = 0;
  const times: number[] = [];
  for (const q of questions) {
    const t = performance.now();
    const r = engine.ask(typed(q.question));
    times.push(performance.now() - t);
    const a = r.answer;
    if (a.quote !== null && quoteContainsGold(a.quote, q.answers)) support++;
    if (a.sources[0]?.id === paraId(q)) hit++;
    if (a.answer === null) continue;
    answered++;
    const best = r.span.text ?? a.quote;
    em += best ? maxOverGold(exactMatch, best, q.answers) : 0;
    f1 += best ? maxOverGold(f1Score, best, q.answers) : 0;
  }
  let abstained = 0, asked = 0;
  for (const [id, art] of paragraphs) {
    engine.remove([id]);
    try {
      for (const q of questionsOf.get(id) ?? []) {
        asked++;
        if (engine.ask(typed(q.question)).answer.answer === null) abstained++;
      }
    } finally {
      engine.add([art]);
    }
  }
  return qaFigures('ours, typed as in chat (lower case, no "?")', questions.length, { answered, support, em, f1, hit }, times, pct(abstained, asked), null);
}

function spanCurve(rows: readonly PresentRow[]): ShortFigures['spanCurve'] {
  const answered = rows.filter((r) => r.answered);
  // the engine's own threshold (SHORT_ABOVE, read beside the engine file) is always a row
  const list = [0.4, 0.45, 0.5, 0.55, 0.6, 0.62, 0.65, 0.7, 0.75];
  const thresholds = engineShortAbove === null || list.includes(engineShortAbove) ? list : [...list, engineShortAbove].sort((a, b) => a - b);
  return thresholds.map((t) => {
    const kept = answered.filter((r) => r.spanConfidence >= t);
    const base = answered.length;
    return { threshold: t, coverage: pct(kept.length, base), precision: pct(kept.filter((r) => r.spanRight).length, kept.length) };
  });
}

/** The answer rate, supporting sentence and abstention the answer threshold would give. */
function answerCurve(rows: readonly PresentRow[], removed: readonly number[]): ShortFigures['answerCurve'] {
  return [0.1, 0.15, 0.18, 0.2, 0.22, 0.25, 0.3, 0.35, 0.4, 0.5].map((t) => ({
    threshold: t,
    answerRate: pct(rows.filter((r) => r.confidence >= t).length, rows.length),
    support: pct(rows.filter((r) => r.confidence >= t && r.quoteRight).length, rows.length),
    abstention: pct(removed.filter((c) => c < t).length, removed.length),
  }));
}

// ---------------------------------------------------------------------------------------------
// 3. QA on our own news set (bench/news-qa.jsonl over the seed + BBC)

/** Answers shown as sure and as unsure (the closest passage), and how many of each hold the expected answer. */
interface Hedging {
  sure: { shown: number; held: number };
  unsure: { shown: number; held: number };
}

/** What the engine said to one item, kept whole so a batch's failures can be read after its one run. */
interface NewsQaDetail extends NewsQaReply {
  id: string;
  unsure: boolean;
  confidence: number | null;
}

/** Asks every item on its own (no previous turn) and collects the replies, timings and the sure/unsure split. */
function askNewsQa(engine: EngineInstance, items: readonly NewsQaItem[]) {
  const replies = new Map<string, NewsQaReply>();
  const details: NewsQaDetail[] = [];
  const times: number[] = [];
  const hedging: Hedging = { sure: { shown: 0, held: 0 }, unsure: { shown: 0, held: 0 } };
  let failures = 0;
  let firstError: string | null = null;
  for (const q of items) {
    const t = performance.now();
    try {
      const a = engine.ask(q.question).answer as EngineAnswer;
      const reply: NewsQaReply = { answer: a.answer, quote: a.quote, firstSource: a.sources[0]?.id ?? null };
      const unsure = a.answer !== null && unsureNote({ ...a, short: a.short === true }) !== null;
      if (a.answer !== null) {
        const held = q.answerable && a.quote !== null && supportsAnswer(a.quote, q.answers);
        hedging[unsure ? 'unsure' : 'sure'].shown++;
        if (held) hedging[unsure ? 'unsure' : 'sure'].held++;
      }
      if (typeof a.short === 'boolean') reply.short = a.short;
      replies.set(q.id, reply);
      details.push({ id: q.id, ...reply, unsure, confidence: typeof a.confidence === 'number' ? a.confidence : null });
    } catch (err) {
      failures++;
      firstError ??= `${q.id}: ${errorText(err)}`;
      replies.set(q.id, { answer: null, quote: null, firstSource: null });
    } finally {
      times.push(performance.now() - t);
    }
  }
  return { replies, details, times, hedging, failures, firstError };
}

/** The word-overlap baseline over a set: the sentence with the most question terms is both quote and answer. */
function askWordOverlap(qa: WordOverlapQa, items: readonly NewsQaItem[]) {
  const replies = new Map<string, NewsQaReply>();
  const times: number[] = [];
  for (const q of items) {
    const t = performance.now();
    const r = qa.ask(q.question);
    times.push(performance.now() - t);
    replies.set(q.id, { answer: r?.sentence ?? null, quote: r?.sentence ?? null, firstSource: r?.id ?? null });
  }
  return { replies, times };
}

type NewsQaSystemRow = NewsQaScores & { system: string; p50ms: number | null; buildMs: number | null; failures: number };

/** The news table: one row per system, the same columns for the dev set and the fresh batch. */
function newsQaTable(systems: readonly NewsQaSystemRow[]): string[] {
  const withShort = systems.some((s) => s.shortPrecisionPct !== undefined);
  return mdTable(
    ['system', 'answered', 'right article first', 'supported', 'EM', 'F1', 'answer contains', 'abstained (unanswerable)', ...(withShort ? ['short precision', 'short coverage'] : []), 'p50 ms'],
    systems.map((s) => {
      const sentenceOnly = !s.system.startsWith('ours');
      return [
        s.system,
        fmt(s.answeredPct, 1),
        fmt(s.rightArticlePct, 1),
        fmt(s.supportedPct, 1),
        sentenceOnly ? '–' : fmt(s.em),
        sentenceOnly ? '–' : fmt(s.f1),
        sentenceOnly ? '–' : fmt(s.answerContainsPct, 1),
        fmt(s.abstainedPct, 1),
        ...(withShort ? [fmt(s.shortPrecisionPct, 1), fmt(s.shortCoveragePct, 1)] : []),
        fmt(s.p50ms, 3),
      ];
    }),
  );
}

/** The sure / unsure split line under a news table. */
function hedgingLine(hedging: Hedging): string[] {
  if (hedging.sure.shown + hedging.unsure.shown === 0) return [];
  const share = (h: { shown: number; held: number }) => (h.shown ? fmt((100 * h.held) / h.shown, 1) : '–');
  return ['', `ours, answers shown as sure: ${hedging.sure.shown}, ${share(hedging.sure)} % hold the answer; shown as unsure ("the closest passage"): ${hedging.unsure.shown}, ${share(hedging.unsure)} % hold it.`];
}

/** What one fresh batch gave: its table rows, its sure / unsure split and every reply. */
interface FreshBatchRun {
  systems: NewsQaSystemRow[];
  hedging: Hedging;
  details: NewsQaDetail[];
}

/** A fresh batch's lines: its label and file, then its own table and sure / unsure line. */
function freshBatchLines(batch: FreshBatch, items: readonly NewsQaItem[], run: FreshBatchRun): string[] {
  const answerable = items.filter((q) => q.answerable).length;
  const file = path.relative(PROJECT_ROOT, batch.file).split(path.sep).join('/');
  return [
    `${batch.label}: \`${file}\`, ${items.length} chat questions (${answerable} answerable, ${items.length - answerable} not), same corpus and columns${batch.notes ? ` (${batch.notes})` : ''}:`,
    '',
    ...newsQaTable(run.systems.map((s) => ({ ...s, system: s.system === 'ours' ? `ours, ${batch.name}` : `${s.system}, ${batch.name}` }))),
    ...hedgingLine(run.hedging),
  ];
}

async function sectionNewsQa(ctx: Context): Promise<SectionOutput> {
  const errors: string[] = [];
  const items = loadNewsQa(NEWS_QA_FILE);
  // every bench/news-qa-fresh*.jsonl is a blind batch of its own, reported beside the dev set
  const batches = listFreshBatches().map((batch) => ({ batch, items: loadNewsQa(batch.file) }));
  const articles = await loadNewsCorpus(evalFiles(ctx.dir).bbcSummaries);
  const known = new Set(articles.map((a) => a.id));
  // an exact duplicate of the expected article is as right as the article itself (clustering.jsonl)
  const dupGroups = new Map<string, string>();
  for (const r of loadClustering(evalFiles(ctx.dir).bbcClustering)) if (r.exactDupGroup !== null) dupGroups.set(r.id, r.exactDupGroup);
  // a re-filed copy (same title, nearly the same words) is as right as the article itself
  const byId = new Map(articles.map((a) => [a.id, a]));
  const same = sameArticleTest(dupGroups, (id) => byId.get(id));
  for (const [name, set] of [['newsqa', items] as const, ...batches.map((b) => [`newsqa ${b.batch.key}`, b.items] as const)]) {
    const missing = set.filter((q) => q.article !== null && !known.has(q.article)).map((q) => q.id);
    if (missing.length) errors.push(`${name}: ${missing.length} item(s) name an article not in the corpus: ${missing.slice(0, 5).join(', ')}`);
  }
  log(`newsqa: ${items.length} questions (${items.filter((q) => !q.answerable).length} unanswerable) over ${articles.length} articles; ${batches.map((b) => `${b.batch.label}: ${b.items.length}`).join('; ')}`);
  const systems: NewsQaSystemRow[] = [];
  const freshRuns = new Map<string, FreshBatchRun>(batches.map((b) => [b.batch.key, { systems: [], hedging: { sure: { shown: 0, held: 0 }, unsure: { shown: 0, held: 0 } }, details: [] }]));
  const byType: Record<string, NewsQaScores> = {};
  let outOfScope: OutOfScopeRow[] = [];
  const conversations = loadFollowUps(NEWS_QA_FOLLOWUPS_FILE);
  const followUpTurns = conversations.flatMap((c) => c.turns);
  const strayTurns = followUpTurns.filter((t) => t.article !== null && !known.has(t.article)).map((t) => t.id);
  if (strayTurns.length) errors.push(`newsqa followups: ${strayTurns.length} turn(s) name an article not in the corpus: ${strayTurns.slice(0, 5).join(', ')}`);
  let followUps: { rows: FollowUpRow[]; replies: FollowUpReply[] } | null = null;
  let hedging: Hedging = { sure: { shown: 0, held: 0 }, unsure: { shown: 0, held: 0 } };

  try {
    const Engine = needEngine(ctx);
    const t0 = performance.now();
    const engine = new Engine(articles);
    const buildMs = performance.now() - t0;
    const run = askNewsQa(engine, items);
    hedging = run.hedging;
    if (run.firstError) errors.push(`newsqa: ask threw for ${run.failures} question(s) (scored as abstentions); first: ${run.firstError}`);
    systems.push({ system: 'ours', ...scoreNewsQa(items, run.replies, same), p50ms: round(percentile(run.times, 50), 3), buildMs: round(buildMs, 1), failures: run.failures });
    for (const type of QUESTION_TYPES) {
      const of: NewsQaItem[] = items.filter((q) => q.type === type);
      if (of.length) byType[type] = scoreNewsQa(of, run.replies, same);
    }
    for (const { batch, items: set } of batches) {
      const out = freshRuns.get(batch.key);
      if (!out) continue;
      const freshRun = askNewsQa(engine, set);
      out.hedging = freshRun.hedging;
      out.details = freshRun.details;
      if (freshRun.firstError) errors.push(`newsqa ${batch.key}: ask threw for ${freshRun.failures} question(s) (scored as abstentions); first: ${freshRun.firstError}`);
      out.systems.push({ system: 'ours', ...scoreNewsQa(set, freshRun.replies, same), p50ms: round(percentile(freshRun.times, 50), 3), buildMs: null, failures: freshRun.failures });
    }
    outOfScope = scoreOutOfScope(loadOutOfScope(), (question) => {
      const a = engine.ask(question).answer as EngineAnswer;
      return { answered: a.answer !== null, short: a.short === true, unsure: unsureNote({ ...a, short: a.short === true }) !== null };
    });
    followUps = runFollowUps(engine, conversations, same);
  } catch (err) {
    errors.push(`newsqa: ours: ${errorText(err)}`);
  }

  // baseline: the corpus sentence with the most question terms is both quote and answer
  {
    const t0 = performance.now();
    const qa = new WordOverlapQa(articles);
    const buildMs = performance.now() - t0;
    const run = askWordOverlap(qa, items);
    systems.push({ system: 'word-overlap sentence', ...scoreNewsQa(items, run.replies, same), p50ms: round(percentile(run.times, 50), 3), buildMs: round(buildMs, 1), failures: 0 });
    for (const { batch, items: set } of batches) {
      const freshRun = askWordOverlap(qa, set);
      freshRuns.get(batch.key)?.systems.push({ system: 'word-overlap sentence', ...scoreNewsQa(set, freshRun.replies, same), p50ms: round(percentile(freshRun.times, 50), 3), buildMs: null, failures: 0 });
    }
  }

  const answerable = items.filter((q) => q.answerable).length;
  const markdown = [
    `## QA: own news set, ${items.length} questions (${answerable} answerable, ${items.length - answerable} not) over the seed + BBC-${articles.length - 1} (rates in %, EM/F1 ×100)`,
    '',
    ...newsQaTable(systems),
  ];
  const typeRows = Object.entries(byType);
  if (typeRows.length) {
    markdown.push(
      '',
      'ours by question type:',
      '',
      ...mdTable(
        ['type', 'answerable', 'unanswerable', 'supported', 'F1', 'right article first', 'abstained'],
        typeRows.map(([t, s]) => [t, s.answerable, s.unanswerable, fmt(s.supportedPct, 1), fmt(s.f1), fmt(s.rightArticlePct, 1), s.unanswerable ? fmt(s.abstainedPct, 1) : '–']),
      ),
    );
  }
  markdown.push(...hedgingLine(hedging));
  const freshData: Record<string, unknown> = {};
  for (const { batch, items: set } of batches) {
    const run = freshRuns.get(batch.key);
    if (!run) continue;
    markdown.push('', ...freshBatchLines(batch, set, run));
    const freshAnswerable = set.filter((q) => q.answerable).length;
    freshData[batch.key] = { label: batch.label, questions: set.length, answerable: freshAnswerable, systems: run.systems, hedging: run.hedging, replies: run.details };
  }
  if (outOfScope.length) {
    markdown.push(
      '',
      `ours on questions no article answers (\`bench/out-of-scope.jsonl\`: general knowledge, the time and weather, the asker; batch a written before the fixes for them, b after the first fixes; neither is blind now):`,
      '',
      ...mdTable(['batch', 'questions', 'abstained %', 'shown as unsure (the closest passage)', 'short answers shown'], outOfScope.map((r) => [r.batch, r.questions, fmt(r.abstainedPct, 1), r.unsureShown, r.shortShown])),
    );
  }
  if (followUps) {
    markdown.push(
      '',
      `ours on follow-up conversations (\`bench/news-qa-followups.jsonl\`: ${conversations.length} conversations, ${followUpTurns.length} turns, asked in order on one engine with the previous turn threaded as the Bot does; the rows "asked alone" ask the same later turns with no previous turn; rates in %; "answered" of an unanswerable turn is the share answered anyway):`,
      '',
      ...followUpTable(followUps.rows),
    );
  }
  if (!systems.some((s) => s.system === 'ours')) markdown.push('', '_ours: not run (see errors)_');
  return {
    markdown,
    data: {
      questions: items.length,
      answerable,
      unanswerable: items.length - answerable,
      corpusArticles: articles.length,
      systems,
      byType,
      outOfScope,
      hedging,
      // batch 1 stays under `fresh`, batch 2 under `fresh2`, and so on
      ...freshData,
      ...(followUps ? { followups: { conversations: conversations.length, turns: followUpTurns.length, rows: followUps.rows, replies: followUps.replies } } : {}),
    },
    errors,
  };
}

// ---------------------------------------------------------------------------------------------
// 3b. requests in words (bench/requests.jsonl over the seed + BBC)

async function sectionRequests(ctx: Context): Promise<SectionOutput> {
  const Engine = needEngine(ctx);
  const articles = await loadNewsCorpus(evalFiles(ctx.dir).bbcSummaries);
  const dupGroups = new Map<string, string>();
  for (const r of loadClustering(evalFiles(ctx.dir).bbcClustering)) if (r.exactDupGroup !== null) dupGroups.set(r.id, r.exactDupGroup);
  const engine = new Engine(articles);
  const { outcomes, ...out } = sectionRequestsWith(engine, articles, sameArticleTest(dupGroups), log);
  // the same conversations through the Bot, as every free-text surface runs them
  const bot = await runThroughBot(engine, outcomes);
  log(`requests through the Bot: intent same ${bot.intentSamePct} %, content ${bot.contentPct} %, overhead p50 ${bot.overheadP50Ms} ms`);
  // a second, clearly labelled row: the probe set written after the grammar
  const probe = probeRows(engine, articles, sameArticleTest(dupGroups));
  log(`requests probe set: ${JSON.stringify(probe.data['rows'])}`);
  const markdown = [
    ...out.markdown,
    ...probe.markdown,
    '',
    `Through the Bot (\`Bot.handleText\`, what every free-text surface runs; SQLite store, one DM conversation per dev-set conversation): intent the same as the understanding alone ${bot.intentSamePct.toFixed(1)} %; content right ${bot.contentPct.toFixed(1)} % (${bot.contentUnwindowedPct.toFixed(1)} % of the ${bot.unwindowed} messages of conversations without a time window; the undated BBC articles fall outside every window, and such a brief shows the latest stories on its topic under a "No stories … since" line); what it shows is what the engine-direct run shows for ${bot.sameShownPct.toFixed(1)} % of ${bot.sameShownOf}. Cost on top of the routed command: p50 ${bot.overheadP50Ms} ms, p99 ${bot.overheadP99Ms} ms (handleText in all: p50 ${bot.textP50Ms} ms).`,
    ...(bot.differ.length ? ['', 'Shown differently through the Bot:', '', ...bot.differ.map((d) => `- ${d}`)] : []),
  ];
  return { ...out, markdown, data: { ...out.data, bot, probe: probe.data } };
}

// ---------------------------------------------------------------------------------------------
// 4. duplicates

function sectionDups(ctx: Context): SectionOutput {
  const rows = loadClustering(evalFiles(ctx.dir).bbcClustering);
  const groups = new Map<string, string[]>();
  const labelOf = new Map<string, string>();
  for (const r of rows) {
    labelOf.set(r.id, r.label);
    if (r.exactDupGroup === null) continue;
    let g = groups.get(r.exactDupGroup);
    if (!g) groups.set(r.exactDupGroup, (g = []));
    g.push(r.id);
  }
  log(`dups: ${rows.length} articles, ${groups.size} exact-duplicate groups`);
  const data: Record<string, unknown> = { articles: rows.length, groups: groups.size, baselineStories: rows.length };
  const errors: string[] = [];
  const tableRows: (string | number)[][] = [];
  try {
    const Engine = needEngine(ctx);
    const t0 = performance.now();
    const engine: EngineInstance = new Engine(rows.map((r) => article(r.id, r.title, r.text, 'bbc-clustering')));
    const buildMs = performance.now() - t0;
    const t1 = performance.now();
    const stories = engine.brief({ limit: 0 });
    const briefMs = performance.now() - t1;
    const storiesOf = new Map<string, Set<number>>();
    stories.forEach((s, i) => {
      for (const src of s.sources) {
        let set = storiesOf.get(src.id);
        if (!set) storiesOf.set(src.id, (set = new Set()));
        set.add(i);
      }
    });
    let split = 0, missing = 0;
    for (const members of groups.values()) {
      const where = new Set<number>();
      for (const id of members) {
        const set = storiesOf.get(id);
        if (!set) missing++;
        else for (const i of set) where.add(i);
      }
      if (where.size >= 2) split++;
    }
    const sizes = stories.map((s) => new Set(s.sources.map((x) => x.id)).size);
    const mixedLabel = stories.filter((s) => new Set(s.sources.map((x) => labelOf.get(x.id) ?? '?')).size >= 2).length;
    const covered = storiesOf.size;
    Object.assign(data, {
      groupsSplit: split,
      dupMembersInNoStory: missing,
      stories: stories.length,
      multiArticleStories: sizes.filter((n) => n >= 2).length,
      largestStory: sizes.length ? Math.max(...sizes) : 0,
      mixedLabelStories: mixedLabel,
      articlesInStories: covered,
      buildMs: round(buildMs, 1),
      briefMs: round(briefMs, 1),
    });
    tableRows.push([
      'ours',
      `${split} / ${groups.size}`,
      stories.length,
      sizes.filter((n) => n >= 2).length,
      sizes.length ? Math.max(...sizes) : 0,
      mixedLabel,
      `${covered} / ${rows.length}`,
      fmt(briefMs, 0),
    ]);
  } catch (err) {
    errors.push(`dups: ours: ${errorText(err)}`);
  }
  tableRows.push(['nothing merged (informational)', `${groups.size} / ${groups.size}`, rows.length, 0, 1, 0, `${rows.length} / ${rows.length}`, '–']);
  const markdown = [
    `## Duplicates: BBC-${rows.length}, brief({ limit: 0 })`,
    '',
    ...mdTable(
      ['system', 'dup groups split', 'stories', 'multi-article stories', 'largest story', 'stories mixing topic labels', 'articles in stories', 'brief ms'],
      tableRows,
    ),
  ];
  return { markdown, data, errors };
}

// ---------------------------------------------------------------------------------------------
// 5. speed and memory

const BUILD_RUNS = 3;
const SPEED_QUERIES = 200;

function sectionSpeed(ctx: Context): SectionOutput {
  const data = loadSummarization(evalFiles(ctx.dir).bbcSummaries);
  const articles = data.map((r) => article(r.id, r.title ?? '', r.text, 'bbc-news-summary'));
  const picks = Array.from({ length: Math.min(SPEED_QUERIES, articles.length) }, (_, i) =>
    articles[Math.floor((i * articles.length) / Math.min(SPEED_QUERIES, articles.length))]!,
  );
  const queries = picks.map((a) => ({ id: a.id, question: `What about ${a.title}?` }));
  log(`speed: ${articles.length} BBC articles, ${queries.length} title questions`);
  const errors: string[] = [];
  const out: Record<string, unknown> = { articles: articles.length, queries: queries.length, buildRuns: BUILD_RUNS };
  const tableRows: (string | number)[][] = [];

  try {
    const Engine = needEngine(ctx);
    const builds: number[] = [];
    let engine: EngineInstance | null = null;
    for (let i = 0; i < BUILD_RUNS; i++) {
      engine = null;
      const t0 = performance.now();
      engine = new Engine(articles);
      builds.push(performance.now() - t0);
      log(`speed: engine build ${i + 1}/${BUILD_RUNS}: ${builds[i]!.toFixed(0)} ms`);
    }
    const times: number[] = [];
    let hit = 0, failures = 0;
    let firstError: string | null = null;
    for (const q of queries) {
      const t = performance.now();
      try {
        const a = engine!.ask(q.question).answer;
        if (a.sources[0]?.id === q.id) hit++;
      } catch (err) {
        failures++;
        firstError ??= `${q.id}: ${errorText(err)}`;
      } finally {
        times.push(performance.now() - t);
      }
    }
    if (firstError) errors.push(`speed: ask threw for ${failures} question(s); first: ${firstError}`);
    const ours = {
      buildMs: round(median(builds), 1),
      builds: builds.map((b) => round(b, 1)),
      p50ms: round(percentile(times, 50), 3),
      p99ms: round(percentile(times, 99), 3),
      titleHitAt1: pct(hit, queries.length),
      failures,
    };
    out['ours'] = ours;
    tableRows.push(['ours (Engine: build + ask)', fmt(ours.buildMs, 1), fmt(ours.p50ms, 3), fmt(ours.p99ms, 3), fmt(ours.titleHitAt1, 1)]);
  } catch (err) {
    errors.push(`speed: ours: ${errorText(err)}`);
  }

  try {
    const docs = articles.map((a) => ({ id: a.id, title: a.title, text: a.text }));
    const builds: number[] = [];
    let mini: MiniSearch | null = null;
    for (let i = 0; i < BUILD_RUNS; i++) {
      const t0 = performance.now();
      mini = new MiniSearch({ fields: ['title', 'text'] });
      mini.addAll(docs);
      builds.push(performance.now() - t0);
    }
    const times: number[] = [];
    let hit = 0;
    for (const q of queries) {
      const t = performance.now();
      const results = mini!.search(q.question);
      times.push(performance.now() - t);
      if (results[0]?.id === q.id) hit++;
    }
    const base = {
      buildMs: round(median(builds), 1),
      builds: builds.map((b) => round(b, 1)),
      p50ms: round(percentile(times, 50), 3),
      p99ms: round(percentile(times, 99), 3),
      titleHitAt1: pct(hit, queries.length),
    };
    out['minisearch'] = base;
    tableRows.push(['minisearch (index + search, defaults)', fmt(base.buildMs, 1), fmt(base.p50ms, 3), fmt(base.p99ms, 3), fmt(base.titleHitAt1, 1)]);
  } catch (err) {
    errors.push(`speed: minisearch: ${errorText(err)}`);
  }

  const markdown = [
    `## Speed: BBC-${articles.length} (build = median of ${BUILD_RUNS}; ${queries.length} title questions)`,
    '',
    ...mdTable(['system', 'build ms', 'query p50 ms', 'query p99 ms', 'title question → its article @1 (%)'], tableRows),
  ];
  return { markdown, data: out, errors };
}

// ---------------------------------------------------------------------------------------------
// orchestration

const RUNNERS: Record<SectionName, (ctx: Context) => SectionOutput | Promise<SectionOutput>> = {
  summaries: sectionSummaries,
  qa: sectionQa,
  newsqa: sectionNewsQa,
  requests: sectionRequests,
  dups: sectionDups,
  speed: sectionSpeed,
};

function parseArgs(argv: string[]): SectionName[] | null {
  const wanted = argv.flatMap((a) => a.split(/[,|]/)).map((a) => a.trim().toLowerCase()).filter(Boolean);
  if (wanted.length === 0) return [...SECTION_NAMES];
  const bad = wanted.filter((w) => !(SECTION_NAMES as readonly string[]).includes(w));
  if (bad.length) return null;
  return SECTION_NAMES.filter((s) => wanted.includes(s));
}

/** The engine's span threshold (`SHORT_ABOVE` of the span-confidence module beside the engine), null when it has none. */
let engineShortAbove: number | null = null;

async function loadEngineModule(): Promise<{ mod: Partial<EngineModule>; file: string; error: string | null }> {
  const override = process.env['BENCH_ENGINE'];
  const file = override ? path.resolve(override) : path.join(PROJECT_ROOT, 'src', 'engine', 'engine.ts');
  try {
    const mod = (await import(pathToFileURL(file).href)) as Partial<EngineModule>;
    const spans = (await import(pathToFileURL(path.join(path.dirname(file), 'span-confidence.ts')).href).catch(() => ({}))) as { SHORT_ABOVE?: unknown };
    engineShortAbove = typeof spans.SHORT_ABOVE === 'number' ? spans.SHORT_ABOVE : null;
    return { mod, file, error: null };
  } catch (err) {
    return { mod: {}, file, error: `cannot load ${file}: ${errorText(err)}` };
  }
}

async function main(): Promise<number> {
  const sections = parseArgs(process.argv.slice(2));
  if (!sections) {
    process.stderr.write(`usage: npm run bench [-- ${SECTION_NAMES.join('|')} …]\n`);
    return 2;
  }
  const dir = evalDirPath();
  if (!evalDirExists(dir)) {
    const shown = process.env['EVAL_DIR'] ? dir : '../shared/eval';
    console.log(`bench: ${shown} not found — skipping; put the eval data there or set EVAL_DIR (looked in ${dir})`);
    return 0;
  }

  const started = performance.now();
  const { mod, file, error: engineError } = await loadEngineModule();
  if (engineError) log(engineError);
  const ctx: Context = { dir, engine: mod, engineFile: path.relative(PROJECT_ROOT, file) || file, engineError };

  const results: Record<string, { ok: boolean; errors: string[]; seconds: number; data: Record<string, unknown> }> = {};
  const markdown: string[] = [];
  for (const name of sections) {
    log(`section ${name}…`);
    const t0 = performance.now();
    let output: SectionOutput;
    try {
      output = await RUNNERS[name](ctx);
    } catch (err) {
      output = { markdown: [`## ${name}`, '', `_failed: ${errorText(err)}_`], data: {}, errors: [`${name}: ${errorText(err)}`] };
    }
    const seconds = round((performance.now() - t0) / 1000, 1);
    for (const e of output.errors) log(`ERROR ${e}`);
    log(`section ${name} done in ${seconds} s`);
    results[name] = { ok: output.errors.length === 0, errors: output.errors, seconds, data: output.data };
    markdown.push(...output.markdown, '');
  }
  // the generative path (LLM_BASE_URL) on the same QA figures, or a line saying it was skipped
  if (sections.includes('qa')) {
    const t0 = performance.now();
    const llm = await runLlmQa(dir, log).catch((err: unknown) => ({ markdown: [`generative path: failed (${errorText(err)})`], data: {}, errors: [`qa-generative: ${errorText(err)}`] }));
    for (const e of llm.errors) log(`ERROR ${e}`);
    results['qa-generative'] = { ok: llm.errors.length === 0, errors: llm.errors, seconds: round((performance.now() - t0) / 1000, 1), data: llm.data };
    markdown.push(...llm.markdown, '');
  }

  const peakRssMb = round(process.resourceUsage().maxRSS / 1024, 1);
  const totalSeconds = round((performance.now() - started) / 1000, 1);
  const errors = Object.values(results).flatMap((r) => r.errors);
  const files = evalFiles(dir);
  const corpus: Record<string, number | null> = {};
  for (const [key, f] of Object.entries(files)) corpus[key] = countRows(f);
  try {
    corpus['squadParagraphs'] = new Set(loadQa(files.squad).map((q) => `${q.title}#${q.paragraphIndex}`)).size;
  } catch {
    corpus['squadParagraphs'] = null;
  }

  const header = [
    `# Benchmark ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} CPU(s)`,
    '',
    `Engine: ${path.relative(PROJECT_ROOT, file) || file}${engineError ? ' (not loaded)' : ''}; eval data: ${dir}`,
    '',
  ];
  const footer = [`Peak RSS: ${peakRssMb} MB; run time ${totalSeconds} s.`];
  if (errors.length) footer.push('', '### Errors', '', ...errors.map((e) => `- ${e}`));
  process.stdout.write([...header, ...markdown, ...footer, ''].join('\n'));

  const outFile = process.env['BENCH_OUT'] ? path.resolve(process.env['BENCH_OUT']) : path.join(PROJECT_ROOT, 'bench', 'results.json');
  const json = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: os.cpus().length,
    engineModule: path.relative(PROJECT_ROOT, file) || file,
    engineError,
    evalDir: dir,
    sectionsRun: sections,
    corpus,
    sections: results,
    peakRssMb,
    totalSeconds,
    ok: errors.length === 0,
    errors,
  };
  writeFileSync(outFile, JSON.stringify(json, null, 2) + '\n');
  log(`wrote ${outFile} (${totalSeconds} s)`);
  return errors.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bench: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
