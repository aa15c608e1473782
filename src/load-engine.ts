import { loadCorpus } from './engine/corpus/load-corpus.ts';
import { Engine } from './engine/engine.ts';
import type { Logger } from './logger.ts';

/** Loads the corpus (skipped files logged, not fatal) and indexes it. Throws CorpusUnreadableError. */
export async function loadEngine(corpusPath: string, log: Logger): Promise<Engine> {
  const started = performance.now();
  const { articles, warnings } = await loadCorpus(corpusPath);
  for (const w of warnings) log.warn({ path: w.path }, `corpus: ${w.path}: ${w.reason}`);
  const engine = new Engine(articles);
  log.info({ articles: engine.size, skipped: warnings.length, ms: Math.round(performance.now() - started) }, 'corpus indexed');
  return engine;
}
