import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/run-command.ts';
import { buildGraph, findCircles, listTsFiles, readImports } from './import-graph.ts';

// `import type` counts: an erased import cannot break start-up order, but a circle of types is still
// two modules that cannot be read (or moved) one without the other, which is what this guards.

/**
 * Circles tolerated for now, each with the step that removes it; none is left since the digest
 * commands moved to src/bot/ (issue 13). An entry whose circle is gone fails, as does any new circle.
 */
const KNOWN_CIRCLES: string[][] = [];

/** The chat SDKs: only adapters/ may import them. */
const CHAT_SDK = /^(@slack\/|discord\.js$|@discordjs\/|discord-api-types)/;

const files = [...listTsFiles(PROJECT_ROOT, 'src'), ...listTsFiles(PROJECT_ROOT, 'adapters')];
const graph = buildGraph(PROJECT_ROOT, files);
const key = (circle: readonly string[]) => [...circle].sort().join(' ⇄ ');

describe('import graph of src/ and adapters/', () => {
  it('reads the whole tree', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(graph.get('src/main.ts')?.size).toBeGreaterThan(5);
  });

  it('has no import circle beyond the known ones (issue 13)', () => {
    const found = findCircles(graph).map(key);
    const known = new Set(KNOWN_CIRCLES.map(key));
    expect(found.filter((c) => !known.has(c)), 'new import circles').toEqual([]);
    // a fixed circle must leave the list, so it cannot come back unnoticed
    expect([...known].filter((c) => !found.includes(c)), 'KNOWN_CIRCLES entries that no longer exist').toEqual([]);
  });

  it('src/ never imports a chat SDK', () => {
    const offenders = files
      .filter((f) => f.startsWith('src/'))
      .flatMap((f) => readImports(readFileSync(join(PROJECT_ROOT, f), 'utf8'), f).map((i) => `${f} → ${i.specifier}`))
      .filter((line) => CHAT_SDK.test(line.split(' → ')[1]!));
    expect(offenders).toEqual([]);
  });

  it('chat adapters reach user data and event dedupe only through the Bot: never src/store/ or the user index', () => {
    const chat = /^adapters\/(slack|discord|console|shared)\//;
    const owned = /^src\/(store\/.+|bot\/user-data)\.ts$/;
    const offenders = [...graph].flatMap(([from, to]) => (chat.test(from) ? [...to].filter((t) => owned.test(t)).map((t) => `${from} → ${t}`) : []));
    expect(offenders).toEqual([]);
  });

  it('the CLI goes through the Bot: adapters/cli/ never imports the engine class', () => {
    const offenders = [...graph].flatMap(([from, to]) => (from.startsWith('adapters/cli/') ? [...to].filter((t) => t === 'src/engine/engine.ts').map((t) => `${from} → ${t}`) : []));
    expect(graph.get('adapters/cli/main.ts')?.has('adapters/cli/cli-bot.ts')).toBe(true);
    expect(offenders).toEqual([]);
  });

  it('only the composition root (src/main.ts) imports adapters/', () => {
    const offenders = [...graph].flatMap(([from, to]) => (from.startsWith('src/') && from !== 'src/main.ts' ? [...to].filter((t) => t.startsWith('adapters/')).map((t) => `${from} → ${t}`) : []));
    expect(offenders).toEqual([]);
  });
});

describe('the checker itself', () => {
  it('reads static, type-only, re-exported and dynamic imports', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from './b.ts';",
      "import { type C, type D } from './c.ts';",
      "import { type E, f } from './e.ts';",
      "import './side.ts';",
      "export { g } from './g.ts';",
      "export type { H } from './h.ts';",
      "const m = await import('./m.ts');",
      "type T = typeof import('./t.ts');",
      'const s = "import x from \'./not-code.ts\'";',
    ].join('\n');
    expect(readImports(text)).toEqual([
      { specifier: './a.ts', typeOnly: false },
      { specifier: './b.ts', typeOnly: true },
      { specifier: './c.ts', typeOnly: true },
      { specifier: './e.ts', typeOnly: false },
      { specifier: './side.ts', typeOnly: false },
      { specifier: './g.ts', typeOnly: false },
      { specifier: './h.ts', typeOnly: true },
      { specifier: './m.ts', typeOnly: false },
      { specifier: './t.ts', typeOnly: true },
    ]);
  });

  it('finds every circle, a self-import included, and nothing in a tree', () => {
    const g = (edges: Record<string, string[]>) => new Map(Object.entries(edges).map(([k, v]) => [k, new Set(v)]));
    expect(findCircles(g({ a: ['b'], b: ['c'], c: ['a', 'd'], d: ['e'], e: ['d'], f: ['f'], x: ['a'] }))).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
      ['f'],
    ]);
    expect(findCircles(g({ a: ['b', 'c'], b: ['c'], c: [] }))).toEqual([]);
  });
});
