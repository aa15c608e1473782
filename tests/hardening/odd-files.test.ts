/**
 * Limits and odd files (docs/bad-input.md, "Limits and odd files"): input that used to cost
 * minutes, or was skipped without a word, now gets a warning naming the file and why; the rest loads.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, loadCorpusFile, type LoadedCorpus } from '../../src/engine/corpus/load-corpus.ts';
import { MAX_HTML_ATTRIBUTES } from '../../src/engine/corpus/parse-html.ts';
import { listCorpusFiles } from '../../src/engine/corpus-files.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const GOOD = 'Harbour council approves budget\n\nThe harbour council approved a budget of 40 million euros on Tuesday. Ferry fares will rise by 10 percent next spring.';

/** A corpus folder with one good article and the given files; `more` adds what writeFileSync cannot. */
function corpusWith(files: Record<string, string | Buffer>): { dir: string; remove: () => void } {
  const temp = makeTempDir('odd-files-');
  writeFileSync(join(temp.dir, 'good.txt'), GOOD);
  for (const [name, body] of Object.entries(files)) writeFileSync(join(temp.dir, name), body);
  return temp;
}

const reasons = (c: LoadedCorpus, path: string) => c.warnings.filter((w) => w.path === path).map((w) => w.reason);
const ids = (c: LoadedCorpus) => c.articles.map((a) => a.id).sort();

describe('limits and odd files: HTML attributes', () => {
  it('one element with 650,000 attributes (5 MB) is skipped at once, naming the file and the count', async () => {
    const attrs: string[] = [];
    for (let i = 0; i < 650_000; i++) attrs.push(`a${i.toString(36)}`);
    const html = `<html><body><p ${attrs.join(' ')}>The council met on Tuesday.</p></body></html>`;
    expect(html.length).toBeLessThan(5 * 1024 * 1024);
    const temp = corpusWith({ 'bomb.html': html });
    try {
      const started = performance.now();
      const c = await loadCorpus(temp.dir);
      expect(performance.now() - started).toBeLessThan(3000);
      expect(ids(c)).toEqual(['good.txt']);
      expect(reasons(c, 'bomb.html')).toEqual([`HTML not read: an element has 650,000 attributes (the limit is ${MAX_HTML_ATTRIBUTES.toLocaleString('en-US')}), skipped`]);
    } finally {
      temp.remove();
    }
  });

  it('many elements each just under the per-element limit are skipped too; ordinary attributes are read', async () => {
    const attrs = Array.from({ length: 900 }, (_, i) => `a${i}`).join(' ');
    const spread = `<html><body>${`<p ${attrs}>Text.</p>`.repeat(400)}</body></html>`;
    const normal = `<html><head><title>Budget</title></head><body><article class="story" id="main" data-kind="news"><p class="lead" style="x">The council approved the harbour budget on Tuesday after a long debate about ferry fares.</p></article></body></html>`;
    const temp = corpusWith({ 'spread.html': spread, 'normal.html': normal });
    try {
      const started = performance.now();
      const c = await loadCorpus(temp.dir);
      expect(performance.now() - started).toBeLessThan(3000);
      expect(ids(c)).toEqual(['good.txt', 'normal.html']);
      expect(reasons(c, 'spread.html')[0]).toMatch(/^HTML not read: too many elements with hundreds of attributes/);
    } finally {
      temp.remove();
    }
  });
});

describe('limits and odd files: HTML attributes in a feed item', () => {
  it('a feed item whose HTML has 650,000 attributes on one element is read by the tag stripper, quickly', async () => {
    const attrs: string[] = [];
    for (let i = 0; i < 650_000; i++) attrs.push(`a${i.toString(36)}`);
    const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Gazette</title><item><title>Bridge reopens</title><guid>bridge-1</guid><content:encoded><![CDATA[<p ${attrs.join(' ')}>The old bridge reopened to traffic on Monday.</p>]]></content:encoded></item></channel></rss>`;
    const temp = corpusWith({ 'feed.rss': rss });
    try {
      const started = performance.now();
      const c = await loadCorpus(temp.dir);
      expect(performance.now() - started).toBeLessThan(3000);
      expect(c.articles.find((a) => a.id === 'bridge-1')?.text).toBe('The old bridge reopened to traffic on Monday.');
    } finally {
      temp.remove();
    }
  });
});

describe('limits and odd files: names and kinds of files', () => {
  it('a file whose name is not valid UTF-8 is skipped with a warning showing its bytes, not "file not found"', async () => {
    const temp = corpusWith({});
    try {
      writeFileSync(Buffer.concat([Buffer.from(`${temp.dir}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]), GOOD);
      const c = await loadCorpus(temp.dir);
      expect(ids(c)).toEqual(['good.txt']);
      expect(c.warnings).toEqual([{ path: 'caf\\xe9.txt', reason: 'file name is not valid UTF-8, skipped' }]);
    } finally {
      temp.remove();
    }
  });

  it('a FIFO, a device, a symbolic link loop and a dangling link named *.txt each get a warning; the rest loads', async () => {
    const temp = corpusWith({});
    try {
      execFileSync('mkfifo', [join(temp.dir, 'pipe.txt')]);
      symlinkSync('/dev/null', join(temp.dir, 'null.txt'));
      symlinkSync('loop.txt', join(temp.dir, 'loop.txt'));
      symlinkSync('nowhere.txt', join(temp.dir, 'dangling.txt'));
      symlinkSync('good.txt', join(temp.dir, 'alias.txt'));
      const started = performance.now();
      const c = await loadCorpus(temp.dir);
      expect(performance.now() - started).toBeLessThan(3000);
      expect(ids(c)).toEqual(['alias.txt', 'good.txt']);
      expect(reasons(c, 'pipe.txt')).toEqual(['not a regular file (a named pipe), skipped']);
      expect(reasons(c, 'null.txt')).toEqual(['not a regular file (a device), skipped']);
      expect(reasons(c, 'loop.txt')).toEqual(['symbolic link loop, skipped']);
      expect(reasons(c, 'dangling.txt')).toEqual(['symbolic link to nothing, skipped']);
    } finally {
      temp.remove();
    }
  });

  it('the index fingerprint lists exactly the files the loader reads: one walker for both', async () => {
    const temp = corpusWith({ 'notes.md': `# Notes\n\n${GOOD}`, '.hidden.txt': GOOD, 'image.png': 'not text' });
    try {
      mkdirSync(join(temp.dir, 'sub'));
      mkdirSync(join(temp.dir, 'node_modules'));
      writeFileSync(join(temp.dir, 'sub', 'inner.txt'), GOOD);
      writeFileSync(join(temp.dir, 'node_modules', 'dep.txt'), GOOD);
      writeFileSync(Buffer.concat([Buffer.from(`${temp.dir}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]), GOOD);
      execFileSync('mkfifo', [join(temp.dir, 'pipe.txt')]);
      symlinkSync('/dev/null', join(temp.dir, 'null.txt'));
      symlinkSync('loop.txt', join(temp.dir, 'loop.txt'));
      symlinkSync('nowhere.txt', join(temp.dir, 'dangling.txt'));
      symlinkSync('good.txt', join(temp.dir, 'alias.txt'));
      symlinkSync('.', join(temp.dir, 'sub', 'again'));
      const c = await loadCorpus(temp.dir);
      const listed = await listCorpusFiles(temp.dir);
      expect(listed.map((f) => f.rel)).toEqual(['alias.txt', 'good.txt', 'notes.md', 'sub/inner.txt']);
      expect(listed).toEqual(c.files);
      expect(c.warnings.map((w) => w.path).sort()).toEqual(['caf\\xe9.txt', 'dangling.txt', 'loop.txt', 'null.txt', 'pipe.txt']);
    } finally {
      temp.remove();
    }
  });

  it('a corpus file replaced by a FIFO before the watcher reads it is a warning, not a read that never ends', async () => {
    const temp = corpusWith({});
    try {
      execFileSync('mkfifo', [join(temp.dir, 'later.txt')]);
      const started = performance.now();
      const c = await loadCorpusFile(temp.dir, 'later.txt');
      expect(performance.now() - started).toBeLessThan(1000);
      expect(c.articles).toEqual([]);
      expect(reasons(c, 'later.txt')).toEqual(['not a regular file (a named pipe), skipped']);
    } finally {
      temp.remove();
    }
  });
});
