// The open SQuAD sample as the calibration scripts read it: every question, one article per paragraph, an engine over them.
import { Engine } from '../../src/engine/engine.ts';
import type { Article } from '../../src/engine/types.ts';
import { evalDirPath, evalFiles, loadQa, type QaRow } from '../eval-data.ts';

export interface SquadCorpus {
  questions: QaRow[];
  /** Paragraph articles by id (`title#paragraph`), the group the folds are split by. */
  articles: Map<string, Article>;
  engine: Engine;
}

export function loadSquadCorpus(): SquadCorpus {
  const questions = loadQa(evalFiles(evalDirPath()).squad);
  const articles = new Map<string, Article>();
  for (const q of questions) {
    const id = `${q.title}#${q.paragraphIndex}`;
    if (!articles.has(id)) articles.set(id, { id, title: q.title, text: q.context, url: null, date: null, source: null, origin: 'squad' });
  }
  return { questions, articles, engine: new Engine([...articles.values()]) };
}
