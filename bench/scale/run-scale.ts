// `npm run bench:scale`: the engine at 10k / 50k / 100k articles beside minisearch, on a
// deterministic corpus recombined from ../shared/eval (generated into a temporary folder).
// Markdown on stdout, progress on stderr, every figure in bench/scale/results.json (git-ignored).
//
// Environment: EVAL_DIR (default ../shared/eval), SCALE_SIZES (default 10000,50000,100000),
// SCALE_MINI=0 to skip minisearch, SCALE_OUT (default bench/scale/results.json).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalDirExists, evalDirPath, PROJECT_ROOT } from '../eval-data.ts';
import { readPools, writeScaleCorpus } from './make-corpus.ts';

const log = (msg: string) => process.stderr.write(`bench:scale: ${msg}\n`);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const sizes = (process.env['SCALE_SIZES'] ?? '10000,50000,100000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
const withMini = process.env['SCALE_MINI'] !== '0';
const outFile = path.resolve(process.env['SCALE_OUT'] ?? path.join(PROJECT_ROOT, 'bench', 'scale', 'results.json'));

/** Runs measure.ts in a child process; its last stdout line is the JSON result. */
function measure(mode: string, corpus: string, dataDir: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, 'measure.ts'), mode, corpus, dataDir], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(last) as Record<string, unknown>);
      } catch {
        resolve({ error: `measure ${mode} exited ${code} without a result` });
      }
    });
  });
}

type Row = { size: number; ours: any; mini: any; restart: any; worker: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

async function main(): Promise<number> {
  const evalDir = evalDirPath();
  if (!evalDirExists(evalDir)) {
    process.stdout.write(`bench:scale: ${path.relative(process.cwd(), evalDir) || evalDir} not found — skipping; the scale corpus is built from it.\n`);
    return 0;
  }
  const started = Date.now();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'briefing-scale-'));
  const rows: Row[] = [];
  try {
    const pools = readPools(evalDir);
    log(`pools: ${pools.paragraphs.length} paragraphs, ${pools.titles.length} titles, ${pools.squad.length} SQuAD questions`);
    for (const size of sizes) {
      const corpus = path.join(tmp, `corpus-${size}`);
      const dataDir = path.join(tmp, `data-${size}`);
      const files = writeScaleCorpus(pools, size, corpus);
      log(`${size}: corpus written (${files} JSONL files)`);
      const ours = await measure('ours', corpus, dataDir);
      const restart = await measure('restart', corpus, dataDir);
      const worker = await measure('worker', corpus, dataDir);
      const mini = withMini ? await measure('mini', corpus, dataDir) : { skipped: true };
      rows.push({ size, ours, mini, restart, worker });
      rmSync(corpus, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const md = table(rows);
  process.stdout.write(md.join('\n') + '\n');
  writeFileSync(
    outFile,
    JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, sizes, seconds: Math.round((Date.now() - started) / 1000), rows }, null, 2) + '\n',
  );
  log(`wrote ${path.relative(process.cwd(), outFile)}`);
  return rows.some((r) => r.ours.error || r.restart.error || r.worker.error || r.mini.error) ? 1 : 0;
}

function table(rows: Row[]): string[] {
  const f = (x: unknown, d = 0) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(d) : '–');
  const s = (ms: unknown) => (typeof ms === 'number' ? (ms / 1000).toFixed(1) : '–');
  const figures: [string, (r: Row) => number | undefined, (r: Row) => string, string][] = [
    ['load corpus files, s', (r) => r.ours.loadMs, (r) => s(r.ours.loadMs), ''],
    ['**ours: index build, s**', (r) => r.ours.buildMs, (r) => s(r.ours.buildMs), '≤ 60 at 100k, ≤ minisearch'],
    ['ours: index build CPU time, s', (r) => r.ours.buildCpuMs, (r) => s(r.ours.buildCpuMs), ''],
    ['minisearch: index build, s', (r) => r.mini.buildMs, (r) => s(r.mini.buildMs), ''],
    ['minisearch: index build CPU time, s', (r) => r.mini.buildCpuMs, (r) => s(r.mini.buildCpuMs), ''],
    ['**ours: peak RSS, MB** (load + build + queries)', (r) => r.ours.peakRssMb, (r) => f(r.ours.peakRssMb), '≤ 1,536 at 100k'],
    ['ours: peak RSS incl. writing the persisted index, MB', (r) => r.ours.peakRssWithPersistMb, (r) => f(r.ours.peakRssWithPersistMb), ''],
    ['minisearch: peak RSS, MB', (r) => r.mini.peakRssMb, (r) => f(r.mini.peakRssMb), ''],
    ['**ask p50, ms** (1,091 SQuAD questions)', (r) => r.ours.ask?.p50, (r) => f(r.ours.ask?.p50, 1), '≤ 30 at 100k'],
    ['**ask p99, ms**', (r) => r.ours.ask?.p99, (r) => f(r.ours.ask?.p99, 1), '≤ 150 at 100k'],
    ['ask CPU time p50 / p99, ms', (r) => r.ours.ask?.cpuP99, (r) => `${f(r.ours.ask?.cpuP50, 1)} / ${f(r.ours.ask?.cpuP99, 1)}`, ''],
    ['ask p50 / p99, ms (273-question subset)', (r) => r.ours.askSubset?.p50, (r) => `${f(r.ours.askSubset?.p50, 1)} / ${f(r.ours.askSubset?.p99, 1)}`, '≤ minisearch'],
    ['ask through the engine worker thread p50 / p99, ms (subset)', (r) => r.worker.askSubset?.p50, (r) => `${f(r.worker.askSubset?.p50, 1)} / ${f(r.worker.askSubset?.p99, 1)}`, ''],
    ['ours: search p50 / p99, ms (subset, retrieval only)', (r) => r.ours.search?.p50, (r) => `${f(r.ours.search?.p50, 1)} / ${f(r.ours.search?.p99, 1)}`, '≤ minisearch'],
    ['minisearch: search p50 / p99, ms (subset)', (r) => r.mini.search?.p50, (r) => `${f(r.mini.search?.p50, 1)} / ${f(r.mini.search?.p99, 1)}`, ''],
    ['ours: ask retrieval@1, % (all questions)', (r) => r.ours.ask?.at1, (r) => f(r.ours.ask?.at1, 1), ''],
    ['ours: ask supporting sentence, %', (r) => r.ours.ask?.supportingSentence, (r) => f(r.ours.ask?.supportingSentence, 1), ''],
    ['ours: ask / search retrieval@1, % (subset)', (r) => r.ours.askSubset?.at1, (r) => `${f(r.ours.askSubset?.at1, 1)} / ${f(r.ours.search?.at1, 1)}`, ''],
    ['minisearch: retrieval@1, % (subset)', (r) => r.mini.search?.at1, (r) => f(r.mini.search?.at1, 1), ''],
    ['**brief, 1-day window, ms** (cold / warm)', (r) => r.ours.brief?.coldMs, (r) => `${f(r.ours.brief?.coldMs)} / ${f(r.ours.brief?.warmMs)}`, '≤ 500'],
    ['articles in the 1-day window', (r) => r.ours.brief?.articlesInWindow, (r) => f(r.ours.brief?.articlesInWindow), ''],
    ['persisted index: write, s / size, MB', (r) => r.ours.persist?.ms, (r) => `${s(r.ours.persist?.ms)} / ${f((r.ours.persist?.bytes ?? NaN) / 1048576)}`, ''],
    ['**restart from persisted index: ready to answer, s**', (r) => r.restart.readyMs, (r) => s(r.restart.readyMs), '≤ 3'],
    ['restart: CPU time to ready, s', (r) => r.restart.readyCpuMs, (r) => s(r.restart.readyCpuMs), ''],
    ['machine load average during our build (1 min)', (r) => r.ours.loadAverage?.[0], (r) => f(r.ours.loadAverage?.[0], 1), '2 cores'],
    ['engine worker: an empty call there and back p50 / p99, ms (message overhead)', (r) => r.worker.roundTrip?.p50, (r) => `${f(r.worker.roundTrip?.p50, 2)} / ${f(r.worker.roundTrip?.p99, 2)}`, ''],
    ['engine worker from the persisted index: ready, s / process peak RSS, MB / main-thread heap, MB', (r) => r.worker.readyMs, (r) => `${s(r.worker.readyMs)} / ${f(r.worker.peakRssMb)} / ${f(r.worker.mainHeapMb)}`, ''],
    ['restart: process start to ready, s / peak RSS, MB', (r) => r.restart.processReadyMs, (r) => `${s(r.restart.processReadyMs)} / ${f(r.restart.peakRssMb)}`, ''],
  ];
  const first = rows[0];
  const last = rows[rows.length - 1];
  const header = ['figure', ...rows.map((r) => `${r.size / 1000}k`), rows.length > 1 ? `× (${last!.size / 1000}k / ${first!.size / 1000}k)` : '×', 'target'];
  const lines = [
    `## Scale: ${rows.map((r) => r.size.toLocaleString('en')).join(' / ')} articles — node ${process.version}, ${os.cpus().length} CPU(s)`,
    '',
    `| ${header.join(' | ')} |`,
    `| --- | ${rows.map(() => '---:').join(' | ')} | ---: | --- |`,
  ];
  for (const [name, num, cell, target] of figures) {
    const a = first ? num(first) : undefined;
    const b = last ? num(last) : undefined;
    const growth = typeof a === 'number' && typeof b === 'number' && a > 0 ? `${(b / a).toFixed(1)}×` : '–';
    lines.push(`| ${name} | ${rows.map(cell).join(' | ')} | ${growth} | ${target} |`);
  }
  const errors = rows.flatMap((r) => ['ours', 'restart', 'worker', 'mini'].map((k) => [r.size, k, (r as any)[k]?.error ?? (r as any)[k]?.persist?.error] as const)).filter((e) => e[2]); // eslint-disable-line @typescript-eslint/no-explicit-any
  if (errors.length) lines.push('', '### Errors', ...errors.map(([size, k, e]) => `- ${size} ${k}: ${e}`));
  return lines;
}

process.exitCode = await main();
