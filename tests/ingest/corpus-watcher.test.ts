import { mkdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.ts';
import { watchCorpus, type CorpusChange, type CorpusWatcher } from '../../src/ingest/corpus-watcher.ts';
import { loadEngine, loadEngineWithFiles } from '../../src/load-engine.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { silentLog } from '../support/test-log.ts';

const FLOOD = 'River floods northern town\n\nThe river Lune burst its banks on Tuesday, flooding 200 homes in the town of Kirkby.';
const BUDGET = 'Chancellor unveils budget\n\nThe chancellor announced a budget that raises spending on schools by 3 percent.';
const QUAKE = 'Earthquake shakes coastal city\n\nA magnitude 6.1 earthquake shook the coastal city of Porto Alba on Monday.';

async function waitFor(check: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting for the watcher');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('corpus watcher', () => {
  let corpus: { dir: string; remove: () => void };
  let engine: Engine;
  let watcher: CorpusWatcher;
  let changes: CorpusChange[];

  beforeEach(async () => {
    corpus = makeTempDir('watch-corpus-');
    writeFileSync(join(corpus.dir, 'flood.txt'), FLOOD);
    writeFileSync(join(corpus.dir, 'budget.txt'), BUDGET);
    writeFileSync(join(corpus.dir, 'wire.jsonl'), ['{"id":"w1","title":"Rail strike called off","text":"The rail union called off its strike."}', '{"id":"w2","title":"Museum fire","text":"A fire closed the Hartley museum on Friday."}'].join('\n'));
    engine = await loadEngine(corpus.dir, silentLog);
    changes = [];
    watcher = await watchCorpus({ corpusDir: corpus.dir, engine, log: silentLog, debounceMs: 40, onChange: (c) => changes.push(c) });
  });
  afterEach(async () => {
    await watcher.close();
    corpus.remove();
  });

  it('indexes an added file, in a new subfolder too, without a restart', async () => {
    expect(engine.size).toBe(4);
    writeFileSync(join(corpus.dir, 'quake.md'), QUAKE);
    await waitFor(() => engine.article('quake.md') !== undefined);
    expect(engine.ask('Which city did the earthquake shake?').answer.sources[0]?.id).toBe('quake.md');
    mkdirSync(join(corpus.dir, 'world'));
    writeFileSync(join(corpus.dir, 'world', 'second.txt'), 'Volcano erupts\n\nThe volcano Mount Ardent erupted at dawn, covering three villages in ash.');
    await waitFor(() => engine.article('world/second.txt') !== undefined);
    expect(engine.size).toBe(6);
    expect(changes.flatMap((c) => c.added)).toEqual(['quake.md', 'world/second.txt']);
    // hidden files are not part of the corpus
    writeFileSync(join(corpus.dir, '.draft.txt'), 'Secret draft\n\nNot for the index.');
    await new Promise((r) => setTimeout(r, 200));
    expect(engine.article('.draft.txt')).toBeUndefined();
  });

  it('re-indexes a changed file: new text answers, old text no longer does', async () => {
    expect(engine.ask('How many homes were flooded in Kirkby?').answer.answer).toBe('200');
    writeFileSync(join(corpus.dir, 'flood.txt'), 'River floods northern town\n\nThe river Lune burst its banks on Tuesday, flooding 350 homes in the town of Kirkby.');
    await waitFor(() => engine.article('flood.txt')?.text.includes('350') === true);
    expect(engine.ask('How many homes were flooded in Kirkby?').answer.answer).toBe('350');
    expect(engine.size).toBe(4);
    // a JSONL file that loses a line loses that article
    writeFileSync(join(corpus.dir, 'wire.jsonl'), '{"id":"w1","title":"Rail strike called off","text":"The rail union called off its strike."}\n');
    await waitFor(() => engine.article('w2') === undefined);
    expect(engine.article('w1')).toBeDefined();
    expect(engine.size).toBe(3);
    expect(changes.flatMap((c) => c.changed)).toEqual(['flood.txt', 'wire.jsonl']);
  });

  it('drops the articles of a removed or renamed file', async () => {
    unlinkSync(join(corpus.dir, 'budget.txt'));
    await waitFor(() => engine.article('budget.txt') === undefined);
    expect(engine.ask('What did the chancellor announce?').answer.sources.map((s) => s.id)).not.toContain('budget.txt');
    expect(engine.size).toBe(3);
    renameSync(join(corpus.dir, 'flood.txt'), join(corpus.dir, 'flood-2024.txt'));
    await waitFor(() => engine.article('flood-2024.txt') !== undefined && engine.article('flood.txt') === undefined);
    expect(engine.size).toBe(3);
    rmSync(join(corpus.dir, 'wire.jsonl'));
    await waitFor(() => engine.size === 1);
    expect(engine.listArticles().map((a) => a.id)).toEqual(['flood-2024.txt']);
    expect(changes.flatMap((c) => c.removed).sort()).toEqual(['budget.txt', 'flood.txt', 'wire.jsonl']);
  });

  it('sync() on demand sees changes without waiting for events, and a clashing id is renamed', async () => {
    await watcher.close();
    // events would only sync after a minute: the explicit sync is what runs
    const manual = await watchCorpus({ corpusDir: corpus.dir, engine, log: silentLog, debounceMs: 60_000 });
    writeFileSync(join(corpus.dir, 'more.jsonl'), '{"id":"w1","title":"Another w1","text":"A second article claims the id w1 but it belongs to the wire file."}\n');
    try {
      const change = await manual.sync();
      expect(change).toMatchObject({ added: ['more.jsonl'], changed: [], removed: [], articlesAdded: 1 });
      expect(engine.article('w1')?.title).toBe('Rail strike called off');
      expect(engine.article('w1#2')?.title).toBe('Another w1');
      expect(await manual.sync()).toMatchObject({ added: [], changed: [], removed: [] });
    } finally {
      await manual.close();
    }
  });
});

describe('corpus watcher: an edit made while the corpus was loading', () => {
  it('is picked up at start, from the loader\'s baseline, without any later event', async () => {
    const corpus = makeTempDir('watch-baseline-');
    writeFileSync(join(corpus.dir, 'flood.txt'), FLOOD);
    writeFileSync(join(corpus.dir, 'budget.txt'), BUDGET);
    let watcher: CorpusWatcher | undefined;
    try {
      const { engine, files } = await loadEngineWithFiles(corpus.dir, silentLog);
      expect(files.map((f) => f.rel)).toEqual(['budget.txt', 'flood.txt']);
      // after the loader read flood.txt and before the watch began: fs.watch never reports it
      writeFileSync(join(corpus.dir, 'flood.txt'), FLOOD.replace('200 homes', '350 homes in all'));
      writeFileSync(join(corpus.dir, 'quake.md'), QUAKE);
      watcher = await watchCorpus({ corpusDir: corpus.dir, engine, log: silentLog, debounceMs: 20, baseline: files });
      await waitFor(() => engine.article('quake.md') !== undefined && engine.article('flood.txt')?.text.includes('350 homes') === true);
      expect(engine.ask('How many homes were flooded in Kirkby?').answer.answer).toBe('350');
      expect(engine.size).toBe(3);
    } finally {
      await watcher?.close();
      corpus.remove();
    }
  });
});
