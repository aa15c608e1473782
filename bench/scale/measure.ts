// One measurement of `npm run bench:scale`, run in a child process of its own so that each size
// and each system has its own peak RSS. Usage: measure.ts ours|mini|restart|worker CORPUS_DIR DATA_DIR
// Prints one JSON object as the last line of stdout.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import { pino } from 'pino';
import { loadCorpus } from '../../src/engine/corpus/load-corpus.ts';
import { Engine } from '../../src/engine/engine.ts';
import { EngineWorker } from '../../src/engine-host/engine-worker.ts';
import { loadEngine } from '../../src/load-engine.ts';
import { evalDirPath, evalFiles, loadQa, type QaRow } from '../eval-data.ts';
import { quoteContainsGold } from '../squad-metrics.ts';
import { CORPUS_END } from './make-corpus.ts';

const [mode, corpusDir, dataDir] = process.argv.slice(2) as [string, string, string];
const log = (msg: string) => process.stderr.write(`bench:scale: [${mode}] ${msg}\n`);
const maxRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1] ?? NaN;
}

/** Every SQuAD question for ask; every 4th for the retrieval comparison with minisearch (its queries are slow). */
function questions(): { all: QaRow[]; subset: QaRow[] } {
  const all = loadQa(evalFiles(evalDirPath()).squad);
  return { all, subset: all.filter((_, i) => i % 4 === 0) };
}
const paraId = (q: QaRow) => `${q.title}#${q.paragraphIndex}`;

async function loadArticles() {
  const t0 = performance.now();
  const { articles } = await loadCorpus(corpusDir);
  const loadMs = performance.now() - t0;
  log(`${articles.length} articles loaded in ${(loadMs / 1000).toFixed(1)} s`);
  return { articles, loadMs };
}

/** Wall time per query, and CPU time (steadier on a busy machine: no waiting for a core). */
function timeQueries<T>(list: readonly QaRow[], run: (q: QaRow) => T, hit: (q: QaRow, r: T) => boolean) {
  const times: number[] = [];
  const cpu: number[] = [];
  let hits = 0;
  for (const q of list) {
    const c = process.cpuUsage();
    const t = performance.now();
    const r = run(q);
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    if (hit(q, r)) hits++;
  }
  return {
    p50: round(percentile(times, 50), 3),
    p99: round(percentile(times, 99), 3),
    cpuP50: round(percentile(cpu, 50), 3),
    cpuP99: round(percentile(cpu, 99), 3),
    at1: round((100 * hits) / list.length, 1),
    n: list.length,
  };
}

function briefWindow(engine: Engine) {
  const since = new Date(CORPUS_END - 86_400_000);
  const t0 = performance.now();
  const cold = engine.brief({ since });
  const coldMs = performance.now() - t0;
  const t1 = performance.now();
  engine.brief({ since });
  const warmMs = performance.now() - t1;
  const inWindow = engine.listArticles().filter((a) => a.date !== null && Date.parse(a.date) >= since.getTime()).length;
  return { coldMs: round(coldMs, 1), warmMs: round(warmMs, 1), stories: cold.length, articlesInWindow: inWindow };
}

async function ours() {
  const { articles, loadMs } = await loadArticles();
  const rssAfterLoad = maxRssMb();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const engine = new Engine(articles);
  const buildMs = performance.now() - t0;
  const buildCpu = process.cpuUsage(c0);
  articles.length = 0;
  log(`indexed in ${(buildMs / 1000).toFixed(1)} s; peak RSS after load ${rssAfterLoad} MB, after build ${maxRssMb()} MB`);
  const { all, subset } = questions();
  let support = 0;
  const ask = timeQueries(
    all,
    (q) => engine.ask(q.question).answer,
    (q, a) => {
      if (a.quote !== null && quoteContainsGold(a.quote, q.answers)) support++;
      return a.sources[0]?.id === paraId(q);
    },
  );
  log(`ask p50 ${ask.p50} ms, p99 ${ask.p99} ms; peak RSS after the asks ${maxRssMb()} MB`);
  const search = timeQueries(subset, (q) => engine.sources(q.question, 10), (q, r) => r[0]?.id === paraId(q));
  const askSubset = timeQueries(subset, (q) => engine.ask(q.question).answer, (q, a) => a.sources[0]?.id === paraId(q));
  const brief = briefWindow(engine);
  log(`brief (1 day, ${brief.articlesInWindow} articles): ${brief.coldMs} ms`);
  const peakRssMb = maxRssMb();
  let persist: { ms: number; bytes: number } | { error: string };
  try {
    const { saveIndex } = await import('../../src/engine/persist-index.ts');
    const t1 = performance.now();
    const bytes = await saveIndex(engine, dataDir, corpusDir);
    persist = { ms: round(performance.now() - t1, 0), bytes };
  } catch (err) {
    persist = { error: err instanceof Error ? err.message : String(err) };
  }
  return {
    articles: engine.size,
    loadMs: round(loadMs, 0),
    buildMs: round(buildMs, 0),
    buildCpuMs: round((buildCpu.user + buildCpu.system) / 1000, 0),
    loadAverage: os.loadavg().map((x) => round(x, 1)),
    rssAfterLoadMb: rssAfterLoad,
    peakRssMb,
    ask: { ...ask, supportingSentence: round((100 * support) / all.length, 1) },
    askSubset,
    search,
    brief,
    persist,
    peakRssWithPersistMb: maxRssMb(),
  };
}

async function mini() {
  const { articles, loadMs } = await loadArticles();
  const docs = articles.map((a) => ({ id: a.id, title: a.title, text: a.text }));
  articles.length = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const index = new MiniSearch({ fields: ['title', 'text'] });
  index.addAll(docs);
  const buildMs = performance.now() - t0;
  const buildCpu = process.cpuUsage(c0);
  log(`indexed in ${(buildMs / 1000).toFixed(1)} s`);
  const { subset } = questions();
  const search = timeQueries(subset, (q) => index.search(q.question), (q, r) => r[0]?.id === paraId(q));
  log(`search p50 ${search.p50} ms`);
  return { articles: docs.length, loadMs: round(loadMs, 0), buildMs: round(buildMs, 0), buildCpuMs: round((buildCpu.user + buildCpu.system) / 1000, 0), loadAverage: os.loadavg().map((x) => round(x, 1)), peakRssMb: maxRssMb(), search };
}

async function restart() {
  const silent = pino({ level: 'silent' });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const engine = await loadEngine(corpusDir, silent, { dataDir, progress: false });
  const loadedMs = performance.now() - t0;
  const first = engine.ask('Who designed the centrifugal governor of the steam engine?').answer;
  const readyMs = performance.now() - t0;
  log(`ready in ${(readyMs / 1000).toFixed(2)} s`);
  return {
    articles: engine.size,
    loadMs: round(loadedMs, 0),
    readyMs: round(readyMs, 0),
    readyCpuMs: round((process.cpuUsage(c0).user + process.cpuUsage(c0).system) / 1000, 0),
    processReadyMs: round(performance.now(), 0),
    answered: first.answer !== null,
    peakRssMb: maxRssMb(),
  };
}

/** The engine in a worker thread (as `npm start` runs it), from the persisted index: ask round trips through the thread. */
async function worker() {
  const silent = pino({ level: 'silent' });
  const t0 = performance.now();
  const host = await EngineWorker.start({ corpusDir, dataDir, log: silent, watch: false });
  const readyMs = performance.now() - t0;
  try {
    const { all, subset } = questions();
    // warm, as the in-thread subset figures are (they follow the 1,091-question run)
    for (const q of all) await host.engine.ask(q.question);
    const times: number[] = [];
    let hits = 0;
    for (const q of subset) {
      const t = performance.now();
      const { answer } = await host.engine.ask(q.question);
      times.push(performance.now() - t);
      if (answer.sources[0]?.id === paraId(q)) hits++;
    }
    const ask = { p50: round(percentile(times, 50), 3), p99: round(percentile(times, 99), 3), at1: round((100 * hits) / subset.length, 1), n: subset.length };
    log(`ask through the worker p50 ${ask.p50} ms, p99 ${ask.p99} ms`);
    // the message overhead alone: a call that does no work (size), there and back
    const empty: number[] = [];
    for (let i = 0; i < 500; i++) {
      const t = performance.now();
      await host.engine.size();
      empty.push(performance.now() - t);
    }
    const roundTrip = { p50: round(percentile(empty, 50), 3), p99: round(percentile(empty, 99), 3) };
    log(`empty call round trip p50 ${roundTrip.p50} ms, p99 ${roundTrip.p99} ms`);
    return { articles: host.articles, readyMs: round(readyMs, 0), askSubset: ask, roundTrip, peakRssMb: maxRssMb(), mainHeapMb: round(process.memoryUsage().heapUsed / 1048576, 0) };
  } finally {
    await host.stop();
  }
}

const modes: Record<string, () => Promise<unknown>> = { ours, mini, restart, worker };
const run = modes[mode];
if (!run || !corpusDir) {
  process.stderr.write('usage: measure.ts ours|mini|restart|worker CORPUS_DIR DATA_DIR\n');
  process.exit(2);
}
const result = await run();
process.stdout.write(`\n${JSON.stringify(result)}\n`);
