import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.ts';
import { INDEX_FILE, INDEX_FORMAT_VERSION, loadIndex, saveIndex } from '../../src/engine/persist-index.ts';
import { loadEngine } from '../../src/load-engine.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const FLOOD =
  'River floods northern town\n\nThe river Lune burst its banks on Tuesday, flooding 200 homes in the town of Kirkby. ' +
  'Emergency crews evacuated residents overnight. The mayor, Jane Hollis, said the damage would cost £4 million to repair.\n\n' +
  'Forecasters expect more rain on Thursday.';
const BUDGET =
  'Chancellor unveils budget\n\nThe chancellor announced a budget that raises spending on schools by 3 percent. ' +
  'Opposition leaders criticised the plan as too small. The budget will be debated in parliament next week.';
const LINES = [
  { id: 'eq-1', title: 'Earthquake shakes coastal city', text: 'A magnitude 6.1 earthquake shook the coastal city of Porto Alba on Monday. Engineers inspected the old harbour bridge.', date: '2024-11-18' },
  { id: 'tr-1', title: 'Rail strike called off', text: 'The rail union called off its strike after talks with the operator. Trains will run normally from Wednesday.', date: '2024-11-19' },
];

/** A logger that keeps its lines, to assert on warnings. */
function recordingLog() {
  const lines: { level: number; msg: string }[] = [];
  const log = pino({ level: 'debug' }, { write: (s: string) => lines.push(JSON.parse(s) as { level: number; msg: string }) });
  return { log, lines, warnings: () => lines.filter((l) => l.level === 40).map((l) => l.msg) };
}

describe('persisted index', () => {
  let corpus: { dir: string; remove: () => void };
  let data: { dir: string; remove: () => void };

  beforeEach(() => {
    corpus = makeTempDir('scale-corpus-');
    data = makeTempDir('scale-data-');
    writeFileSync(join(corpus.dir, 'flood.txt'), FLOOD);
    writeFileSync(join(corpus.dir, 'budget.md'), BUDGET);
    writeFileSync(join(corpus.dir, 'wire.jsonl'), LINES.map((l) => JSON.stringify(l)).join('\n') + '\n');
  });
  afterEach(() => {
    corpus.remove();
    data.remove();
  });

  const indexFile = () => join(data.dir, INDEX_FILE);

  it('round-trips: a restart loads the index and answers exactly as the fresh engine', async () => {
    const first = recordingLog();
    const fresh = await loadEngine(corpus.dir, first.log, { dataDir: data.dir });
    expect(first.lines.some((l) => l.msg === 'persisted index written')).toBe(true);
    expect(statSync(indexFile()).size).toBeGreaterThan(1000);
    // written atomically: no temp file left beside it
    expect(readdirSync(data.dir)).toEqual([INDEX_FILE]);

    const second = recordingLog();
    const restored = await loadEngine(corpus.dir, second.log, { dataDir: data.dir });
    expect(second.lines.some((l) => l.msg === 'persisted index loaded')).toBe(true);
    expect(second.lines.some((l) => l.msg === 'corpus indexed')).toBe(false);
    expect(restored.size).toBe(4);
    for (const q of ['How many homes were flooded in Kirkby?', 'Who is the mayor of Kirkby?', 'When will trains run normally?', 'What is the boiling point of mercury?']) {
      expect(restored.ask(q).answer).toEqual(fresh.ask(q).answer);
    }
    expect(restored.ask('How many homes were flooded in Kirkby?').answer.answer).toBe('200');
    expect(restored.brief({ limit: 0 })).toEqual(fresh.brief({ limit: 0 }));
    expect(restored.brief({ since: new Date('2024-11-19T00:00:00Z') }).map((s) => s.sources[0]?.id)).toEqual(['tr-1']);
    expect(restored.sources('earthquake')[0]?.id).toBe('eq-1');
    expect(restored.listArticles().map((a) => a.id)).toEqual(fresh.listArticles().map((a) => a.id));
    expect(restored.article('flood.txt')?.text).toBe(fresh.article('flood.txt')?.text);
    const summary = restored.summarize('budget');
    expect(summary.ok && summary.value.summary.length).toBeGreaterThan(0);
  });

  it('rebuilds on a format version mismatch', async () => {
    await loadEngine(corpus.dir, recordingLog().log, { dataDir: data.dir });
    const buf = readFileSync(indexFile());
    buf.writeUInt32LE(INDEX_FORMAT_VERSION + 1, 8);
    writeFileSync(indexFile(), buf);
    const result = await loadIndex(data.dir, corpus.dir);
    expect(result.ok === false && result.reason).toBe('version');

    const rec = recordingLog();
    const engine = await loadEngine(corpus.dir, rec.log, { dataDir: data.dir });
    expect(rec.lines.some((l) => l.msg === 'corpus indexed')).toBe(true);
    expect(engine.ask('How many homes were flooded in Kirkby?').answer.answer).toBe('200');
    // rewritten with the current version
    expect(readFileSync(indexFile()).readUInt32LE(8)).toBe(INDEX_FORMAT_VERSION);
    expect((await loadIndex(data.dir, corpus.dir)).ok).toBe(true);
  });

  it('rebuilds when a corpus file changed, with the new content', async () => {
    await loadEngine(corpus.dir, recordingLog().log, { dataDir: data.dir });
    appendFileSync(join(corpus.dir, 'budget.md'), '\n\nThe vote is set for the fourteenth of December.');
    const later = new Date(Date.now() + 5000);
    utimesSync(join(corpus.dir, 'budget.md'), later, later);
    const result = await loadIndex(data.dir, corpus.dir);
    expect(result.ok === false && result.reason).toBe('corpus');
    const engine = await loadEngine(corpus.dir, recordingLog().log, { dataDir: data.dir });
    expect(engine.article('budget.md')?.text).toContain('fourteenth of December');
    expect((await loadIndex(data.dir, corpus.dir)).ok).toBe(true);
  });

  it('never trusts a damaged file: a flipped byte or a truncated file is a warning and a rebuild', async () => {
    await loadEngine(corpus.dir, recordingLog().log, { dataDir: data.dir });
    const good = readFileSync(indexFile());
    const flipped = Buffer.from(good);
    flipped.writeUInt8(flipped.readUInt8(flipped.length - 100) ^ 0xff, flipped.length - 100);
    writeFileSync(indexFile(), flipped);
    const result = await loadIndex(data.dir, corpus.dir);
    expect(result.ok === false && result.reason).toBe('corrupt');

    const rec = recordingLog();
    const engine = await loadEngine(corpus.dir, rec.log, { dataDir: data.dir });
    expect(rec.warnings()).toContain('persisted index is damaged; rebuilding it');
    expect(engine.size).toBe(4);
    expect(engine.ask('How many homes were flooded in Kirkby?').answer.answer).toBe('200');
    expect(readFileSync(indexFile()).equals(flipped)).toBe(false);

    writeFileSync(indexFile(), good.subarray(0, good.length - 10));
    const truncated = await loadIndex(data.dir, corpus.dir);
    expect(truncated.ok === false && truncated.reason).toBe('corrupt');
    writeFileSync(indexFile(), 'not an index at all');
    const garbage = await loadIndex(data.dir, corpus.dir);
    expect(garbage.ok === false && garbage.reason).toBe('corrupt');
  });

  it('adds and removes articles after a load, and saves them again', async () => {
    await loadEngine(corpus.dir, recordingLog().log, { dataDir: data.dir });
    const rec = recordingLog();
    const engine = await loadEngine(corpus.dir, rec.log, { dataDir: data.dir });
    expect(rec.lines.some((l) => l.msg === 'persisted index loaded')).toBe(true);
    expect(engine.ask('What did engineers inspect after the earthquake?').answer.sources[0]?.id).toBe('eq-1');

    engine.remove(['eq-1']);
    engine.add([
      { id: 'fire.txt', title: 'Fire closes museum', text: 'A fire closed the Hartley museum on Friday. Nobody was hurt, the fire brigade said.', url: null, date: '2024-11-22', source: null, origin: 'fire.txt' },
    ]);
    expect(engine.size).toBe(4);
    expect(engine.article('eq-1')).toBeUndefined();
    expect(engine.ask('What did engineers inspect after the earthquake?').answer.sources.map((s) => s.id)).not.toContain('eq-1');
    expect(engine.ask('Which museum closed after a fire?').answer.sources[0]?.id).toBe('fire.txt');
    expect(engine.sources('earthquake').map((s) => s.id)).not.toContain('eq-1');
    expect(engine.brief({ since: new Date('2024-11-22T00:00:00Z') }).map((s) => s.sources[0]?.id)).toEqual(['fire.txt']);

    // and the changed engine round-trips too (same fingerprint passed explicitly)
    await saveIndex(engine, data.dir, corpus.dir);
    const again = await loadIndex(data.dir, corpus.dir);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.engine.size).toBe(4);
    expect(again.engine.ask('Which museum closed after a fire?').answer).toEqual(engine.ask('Which museum closed after a fire?').answer);
    expect(again.engine.article('eq-1')).toBeUndefined();
  });

  it('reuses the index of a corpus where no article has a date (an empty time order section)', async () => {
    const undated = makeTempDir('scale-undated-');
    try {
      writeFileSync(join(undated.dir, 'flood.txt'), FLOOD);
      writeFileSync(join(undated.dir, 'budget.md'), BUDGET);
      await loadEngine(undated.dir, recordingLog().log, { dataDir: data.dir });
      const rec = recordingLog();
      const engine = await loadEngine(undated.dir, rec.log, { dataDir: data.dir });
      expect(rec.warnings()).not.toContain('persisted index is damaged; rebuilding it');
      expect(rec.lines.some((l) => l.msg === 'persisted index loaded')).toBe(true);
      expect(engine.ask('How many homes were flooded in Kirkby?').answer.answer).toBe('200');
    } finally {
      undated.remove();
    }
  });

  it('removes temp files of an unfinished write at start, except a live process\'s', async () => {
    // a PID that ran and is gone (a kill -9 mid-write), and one that runs (another replica writing now)
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    const live = process.ppid;
    const stale = `${INDEX_FILE}.tmp-${gone}-0badc0de`;
    const mine = `${INDEX_FILE}.tmp-${process.pid}-00c0ffee`;
    const busy = `${INDEX_FILE}.tmp-${live}-feedf00d`;
    for (const name of [stale, mine, busy]) writeFileSync(join(data.dir, name), Buffer.alloc(4096));
    writeFileSync(join(data.dir, 'unrelated.tmp-1-ab'), 'keep');
    const rec = recordingLog();
    await loadEngine(corpus.dir, rec.log, { dataDir: data.dir });
    expect(readdirSync(data.dir).sort()).toEqual([INDEX_FILE, busy, 'unrelated.tmp-1-ab'].sort());
    expect(rec.lines.some((l) => l.msg === 'removed temp files of an index write that never finished')).toBe(true);
  });

  it('removes its temp file when the rename fails', async () => {
    // the index path is taken by a folder that is not empty: rename(2) fails
    mkdirSync(join(data.dir, INDEX_FILE));
    writeFileSync(join(data.dir, INDEX_FILE, 'x'), 'x');
    const engine = await loadEngine(corpus.dir, recordingLog().log);
    await expect(saveIndex(engine, data.dir, corpus.dir)).rejects.toThrow();
    expect(readdirSync(data.dir)).toEqual([INDEX_FILE]);
  });

  it('keeps working without a data folder (the CLI path)', async () => {
    const engine = await loadEngine(corpus.dir, recordingLog().log);
    expect(engine.size).toBe(4);
    expect(readdirSync(data.dir)).toEqual([]);
  });

  it('an engine restored from a state matches a rebuilt one on a larger mixed corpus', async () => {
    const articles = Array.from({ length: 60 }, (_, i) => ({
      id: `a${i}`,
      title: `Story number ${i} about ${['trade', 'sport', 'music', 'science'][i % 4]}`,
      text: `Paragraph one of story ${i} mentions topic ${i % 7} and the word ${['apple', 'river', 'engine', 'castle'][i % 4]}.\n\nParagraph two has number ${i * 13}.`,
      url: null,
      date: `2024-10-${String(1 + (i % 28)).padStart(2, '0')}`,
      source: null,
      origin: `a${i}`,
    }));
    const built = new Engine(articles);
    built.remove(['a3', 'a10']);
    await saveIndex(built, data.dir, corpus.dir);
    const loaded = await loadIndex(data.dir, corpus.dir);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    for (const q of ['Which story mentions the castle?', 'What number does story 21 have?', 'topic 5 river']) {
      expect(loaded.engine.ask(q).answer).toEqual(built.ask(q).answer);
      expect(loaded.engine.sources(q)).toEqual(built.sources(q));
    }
    expect(loaded.engine.brief({ topic: 'sport' })).toEqual(built.brief({ topic: 'sport' }));
  });
});
