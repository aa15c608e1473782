// The generative path on the SQuAD QA figures, beside the offline engine on the same questions.
// Runs when LLM_BASE_URL (and LLM_MODEL) are set; LLM_BENCH_LIMIT asks only the first N questions.
import { performance } from 'node:perf_hooks';
import { Engine } from '../src/engine/engine.ts';
import type { Answer, Article } from '../src/engine/types.ts';
import { loadConfig } from '../src/config.ts';
import { createGenerator } from '../src/llm/create-generator.ts';
import { createLogger } from '../src/logger.ts';
import { evalFiles, loadQa } from './eval-data.ts';
import { exactMatch, f1Score, maxOverGold, quoteContainsGold } from './squad-metrics.ts';

export interface LlmQaOutput {
  markdown: string[];
  data: Record<string, unknown>;
  errors: string[];
}

interface Figures {
  system: string;
  questions: number;
  answerRate: number;
  supportAccuracy: number;
  em: number;
  f1: number;
  retrievalAt1: number;
  abstentionRate: number;
  p50ms: number;
  p99ms: number;
}

const pct = (num: number, den: number) => (den ? Math.round((10000 * num) / den) / 100 : 0);
const fmt = (x: number, digits = 2) => x.toFixed(digits);

function percentile(values: readonly number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** A generated answer's text as a prediction: citation marks and quote marks dropped. */
export function predictionOf(text: string): string {
  return text.replace(/\[\d+(?:\s*,\s*\d+)*\]/g, ' ').replace(/["“”]/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * SQuAD QA through the model: answer rate (a generated answer passed the checks), supporting
 * passage (a cited passage holds a gold answer), EM/F1 of the generated text, retrieval@1 (the
 * first cited article is the question's paragraph), abstention with the paragraph removed (no
 * generated answer), latency per model call. The offline engine on the same questions beside it.
 */
export async function runLlmQa(evalDir: string, progress: (msg: string) => void): Promise<LlmQaOutput> {
  const env = process.env;
  if (!env['LLM_BASE_URL']) return { markdown: ['generative path: skipped (LLM_BASE_URL unset)'], data: { skipped: true }, errors: [] };
  const errors: string[] = [];
  const config = loadConfig(env);
  const log = createLogger('error');
  const generator = createGenerator(config, log);
  if (!generator) return { markdown: ['generative path: skipped (LLM_MODEL unset)'], data: { skipped: true }, errors: [] };
  const all = loadQa(evalFiles(evalDir).squad);
  const limit = Number(env['LLM_BENCH_LIMIT'] ?? 0);
  const questions = limit > 0 ? all.slice(0, limit) : all;
  const paragraphs = new Map<string, Article>();
  for (const q of all) {
    const id = `${q.title}#${q.paragraphIndex}`;
    if (!paragraphs.has(id)) paragraphs.set(id, { id, title: q.title, text: q.context, url: null, date: null, source: null, origin: 'squad' });
  }
  const engine = new Engine([...paragraphs.values()]);
  progress(`qa-generative: ${questions.length} questions through ${config.LLM_MODEL} at ${new URL(config.LLM_BASE_URL!).origin}`);

  const offline = { answered: 0, support: 0, em: 0, f1: 0, hit: 0, abstained: 0, times: [] as number[] };
  const gen = { answered: 0, support: 0, em: 0, f1: 0, hit: 0, abstained: 0, times: [] as number[] };
  const ask = async (question: string): Promise<{ answer: Answer; passages: Awaited<ReturnType<Engine['passages']>>; ms: number; offlineMs: number }> => {
    const t0 = performance.now();
    const { answer } = await engine.ask(question);
    const offlineMs = performance.now() - t0;
    const passages = await engine.passages(question);
    const t1 = performance.now();
    const generated = await generator.answer(question, passages, answer);
    return { answer: generated, passages, ms: performance.now() - t1, offlineMs };
  };
  for (const [i, q] of questions.entries()) {
    if (i > 0 && i % 50 === 0) progress(`qa-generative: ${i}/${questions.length} asked`);
    const pid = `${q.title}#${q.paragraphIndex}`;
    try {
      const { answer: a, passages, ms, offlineMs } = await ask(q.question);
      offline.times.push(offlineMs);
      if (a.answer !== null) {
        offline.answered++;
        offline.em += maxOverGold(exactMatch, a.answer, q.answers);
        offline.f1 += maxOverGold(f1Score, a.answer, q.answers);
      }
      if (a.quote !== null && quoteContainsGold(a.quote, q.answers)) offline.support++;
      if (a.sources[0]?.id === pid) offline.hit++;
      gen.times.push(ms);
      const g = a.generated;
      if (g) {
        gen.answered++;
        const prediction = predictionOf(g.text);
        gen.em += maxOverGold(exactMatch, prediction, q.answers);
        gen.f1 += maxOverGold(f1Score, prediction, q.answers);
        if (g.sources.some((s) => quoteContainsGold(passages[s.n - 1]?.text ?? '', q.answers))) gen.support++;
        if (g.sources[0]?.id === pid) gen.hit++;
      }
      // abstention: the question's own paragraph removed
      const own = paragraphs.get(pid)!;
      engine.remove([pid]);
      try {
        const { answer: without } = await ask(q.question);
        if (without.answer === null) offline.abstained++;
        if (!without.generated) gen.abstained++;
      } finally {
        engine.add([own]);
      }
    } catch (err) {
      errors.push(`qa-generative: ${q.id}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const n = questions.length;
  const figures = (system: string, f: typeof gen): Figures => ({
    system,
    questions: n,
    answerRate: pct(f.answered, n),
    supportAccuracy: pct(f.support, n),
    em: pct(f.em, n),
    f1: pct(f.f1, n),
    retrievalAt1: pct(f.hit, n),
    abstentionRate: pct(f.abstained, n),
    p50ms: Math.round(percentile(f.times, 50) * 1000) / 1000,
    p99ms: Math.round(percentile(f.times, 99) * 1000) / 1000,
  });
  const systems = [figures('ours (offline)', offline), figures(`generative (${config.LLM_MODEL})`, gen)];
  const markdown = [
    `## QA, generative path: SQuAD, ${n} of ${all.length} questions (rates in %, EM/F1 ×100; ms per model call)`,
    '',
    '| system | answer rate | supporting sentence | EM | F1 | retrieval@1 | abstention (paragraph removed) | p50 ms | p99 ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...systems.map((s) => `| ${s.system} | ${fmt(s.answerRate, 1)} | ${fmt(s.supportAccuracy, 1)} | ${fmt(s.em)} | ${fmt(s.f1)} | ${fmt(s.retrievalAt1, 1)} | ${fmt(s.abstentionRate, 1)} | ${fmt(s.p50ms, 3)} | ${fmt(s.p99ms, 3)} |`),
    '',
    'Generative: "answer rate" counts answers that passed the citation and quote checks (the rest fell back to the offline answer); "supporting sentence" is a cited passage holding a gold answer; EM/F1 score the generated text without its citation marks.',
  ];
  return { markdown, data: { model: config.LLM_MODEL, questions: n, systems }, errors };
}
