import { afterAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus, loadCorpusFile, type LoadedCorpus } from '../../../src/engine/corpus/load-corpus.ts';
import { CorpusUnreadableError } from '../../../src/errors.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SEED_PATH = join(PROJECT_ROOT, 'seeds', '000_f17fd30403ef36f3.txt');
const BBC_PATH = join(PROJECT_ROOT, '..', 'shared', 'eval', 'bbc-news-summary', 'summarization.jsonl');

const made: string[] = [];

/** Writes files (forward-slash relative paths) into a fresh temporary folder. */
async function makeCorpus(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'corpus-test-'));
  made.push(root);
  for (const [rel, content] of Object.entries(files)) {
    const abs = join(root, ...rel.split('/'));
    await mkdir(dirname(abs), { recursive: true });
    await writeFile(abs, content);
  }
  return root;
}

afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

const ids = (c: LoadedCorpus) => c.articles.map((a) => a.id);
const byId = (c: LoadedCorpus, id: string) => {
  const a = c.articles.find((x) => x.id === id);
  if (!a) throw new Error(`no article ${id} among ${ids(c).join(', ')}`);
  return a;
};
const warningFor = (c: LoadedCorpus, path: string) => c.warnings.filter((w) => w.path === path);

const BODY = 'The council approved the new budget on Tuesday after a long debate.\n\nSpending on schools rises by four percent next year.';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>City Gazette</title>
    <item>
      <title>Budget approved</title>
      <guid isPermaLink="false">gazette-1</guid>
      <link>https://gazette.example/budget</link>
      <description>&lt;p&gt;The council approved the budget.&lt;/p&gt;&lt;p&gt;Schools get more money.&lt;/p&gt;</description>
      <pubDate>Sat, 30 Nov 2024 18:00:00 GMT</pubDate>
    </item>
    <item>
      <title>Bridge reopens</title>
      <link>https://gazette.example/bridge</link>
      <content:encoded><![CDATA[<p>The old bridge reopened to traffic on Monday.</p><p>Repairs took a year.</p>]]></content:encoded>
    </item>
    <item>
      <title>Market day moved</title>
      <description>The weekly market moves to Thursdays from next month.</description>
    </item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Harbour News</title>
  <entry>
    <id>urn:harbour:1</id>
    <title>Ferry schedule changes</title>
    <link rel="alternate" href="https://harbour.example/ferry"/>
    <updated>2024-12-01T08:30:00Z</updated>
    <content type="html">&lt;p&gt;The ferry will run every hour from December.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Lighthouse repainted</title>
    <link href="https://harbour.example/lighthouse"/>
    <published>2024-12-02</published>
    <summary>The lighthouse was repainted white and red this week.</summary>
  </entry>
</feed>`;

describe('loadCorpus: formats and ids', () => {
  it('loads every format with ids as the interface page pins them, sorted by path', async () => {
    const root = await makeCorpus({
      'b.txt': `Council passes budget\n\n${BODY}`,
      'a/nested/deep.txt': BODY,
      'notes.md': '---\ntitle: Front matter title\ndate: 2024-10-05\nurl: https://example.com/notes\nsource: Example Times\nid: ignored-id\n---\n# Heading\n\nSome **bold** and *italic* text with [a link](https://x.example) and ![img](pic.png) here today.\n',
      'page.html': '<html><head><title>Page title</title><link rel="canonical" href="https://example.com/page"><meta property="article:published_time" content="2024-09-01T10:00:00Z"></head><body><article><p>The page has a paragraph of text that is long enough to count as an article body.</p><p>And a second paragraph follows it here.</p></article></body></html>',
      'one.json': JSON.stringify({ text: BODY, title: 'Single object' }),
      'many.json': JSON.stringify([{ text: BODY }, { id: 'custom-id', text: BODY }, { id: 7, text: BODY }]),
      'lines.jsonl': [JSON.stringify({ id: 'x1', text: BODY }), JSON.stringify({ text: BODY }), '', JSON.stringify({ text: BODY, title: 'Fourth' })].join('\n'),
      'feeds/city.rss': RSS,
      'feeds/harbour.atom': ATOM,
    });
    const c = await loadCorpus(root);
    expect(ids(c)).toEqual([
      'a/nested/deep.txt',
      'b.txt',
      'gazette-1',
      'https://gazette.example/bridge',
      'feeds/city.rss#3',
      'urn:harbour:1',
      'https://harbour.example/lighthouse',
      'x1',
      'lines.jsonl#2',
      'lines.jsonl#4',
      'many.json#1',
      'custom-id',
      '7',
      'notes.md',
      'one.json#1',
      'page.html',
    ]);
    expect(c.warnings).toEqual([]);
    expect(byId(c, 'b.txt').title).toBe('Council passes budget');
    expect(byId(c, 'b.txt').text.startsWith('The council approved')).toBe(true);
    expect(byId(c, 'a/nested/deep.txt').origin).toBe('a/nested/deep.txt');
    expect(byId(c, 'lines.jsonl#4').title).toBe('Fourth');
    expect(byId(c, 'x1').origin).toBe('lines.jsonl');
  });

  it('reads markdown front matter and strips markup', async () => {
    const root = await makeCorpus({
      'notes.md': '---\ntitle: Front matter title\ndate: 2024-10-05\nurl: https://example.com/notes\nsource: Example Times\nid: ignored-id\n---\n# Heading\n\nSome **bold** and *italic* text with [a link](https://x.example) and ![img](pic.png) here today.\n',
      'plain.markdown': '# Harbour plans\n\nThe harbour board met on 3 March 2023 to discuss __new__ plans.\n',
    });
    const c = await loadCorpus(root);
    const md = byId(c, 'notes.md');
    expect(md).toMatchObject({ title: 'Front matter title', date: '2024-10-05', url: 'https://example.com/notes', source: 'Example Times' });
    expect(md.text).toBe('Heading\n\nSome bold and italic text with a link and here today.');
    const plain = byId(c, 'plain.markdown');
    expect(plain.title).toBe('Harbour plans');
    // the first full date of the lead (interface.md)
    expect(plain.date).toBe('2023-03-03');
    expect(plain.text).toBe('The harbour board met on 3 March 2023 to discuss new plans.');
  });

  it('reads HTML metadata and main text', async () => {
    const root = await makeCorpus({
      'page.html': `<!doctype html><html><head><title>Page title - Site</title><meta property="og:title" content="Storm closes schools">
        <meta property="og:site_name" content="Coast Herald"><meta property="article:published_time" content="2024-09-01T12:00:00+02:00">
        <link rel="canonical" href="https://example.com/storm"><script>var tracking = 1;</script></head>
        <body><nav>Home | World | Sport</nav><article><h1>Storm closes schools</h1>
        <p>A storm closed every school in the county on Friday as winds reached record speeds along the coast.</p>
        <figure><img src="a.jpg"><figcaption>Waves hit the pier (credit: Jane Doe)</figcaption></figure>
        <p>Officials said the schools would reopen on Monday if the weather improves over the weekend.</p></article>
        <footer>Copyright Coast Herald</footer></body></html>`,
    });
    const c = await loadCorpus(root);
    const a = byId(c, 'page.html');
    expect(a.title).toBe('Storm closes schools');
    expect(a.date).toBe('2024-09-01T10:00:00Z');
    expect(a.url).toBe('https://example.com/storm');
    expect(a.source).toBe('Coast Herald');
    expect(a.text).toContain('A storm closed every school');
    expect(a.text).toContain('\n\nOfficials said');
    expect(a.text).not.toMatch(/Waves hit|tracking|Copyright|Home \| World/);
  });

  it('keeps JSON metadata fields and ignores the others', async () => {
    const root = await makeCorpus({
      'data.jsonl': JSON.stringify({
        id: 'abc',
        title: 'Given title',
        url: 'https://example.com/abc',
        date: '2024-11-30T18:00:00+01:00',
        source: 'Wire',
        text: BODY,
        category: 'politics',
        summary: 'not used',
      }),
    });
    const c = await loadCorpus(root);
    expect(c.articles).toEqual([
      {
        id: 'abc',
        title: 'Given title',
        text: BODY,
        url: 'https://example.com/abc',
        date: '2024-11-30T17:00:00Z',
        source: 'Wire',
        origin: 'data.jsonl',
      },
    ]);
  });

  it('decodes character references left in JSON, plain text and markdown, once', async () => {
    const root = await makeCorpus({
      'a.jsonl': JSON.stringify({ id: 'j', title: '&#163;1.8m fine for Viacom', text: 'The final communiqu&#233; was signed. AT&amp;T &amp;amp; more.\n\nA second paragraph.' }),
      'b.txt': 'Caf&#xE9; owners met.\n\nThey agreed &mdash; mostly.',
      'c.md': '---\ntitle: "Tom &amp; Jerry"\n---\nThe S&#227;o Paulo office opened.\n',
    });
    const c = await loadCorpus(root);
    expect(byId(c, 'j').title).toBe('£1.8m fine for Viacom');
    expect(byId(c, 'j').text).toBe('The final communiqué was signed. AT&T &amp; more.\n\nA second paragraph.');
    expect(byId(c, 'b.txt').text).toBe('Café owners met.\n\nThey agreed — mostly.');
    expect(byId(c, 'c.md').title).toBe('Tom & Jerry');
    expect(byId(c, 'c.md').text).toBe('The São Paulo office opened.');
  });

  it('names FILE by the file itself for a single-file corpus', async () => {
    const root = await makeCorpus({
      'sub/items.jsonl': [JSON.stringify({ text: BODY }), JSON.stringify({ id: 'k', text: BODY })].join('\n'),
      'sub/list.json': JSON.stringify([{ text: BODY }, { text: BODY }]),
      'sub/city.xml': RSS,
    });
    const jsonl = await loadCorpus(join(root, 'sub', 'items.jsonl'));
    expect(ids(jsonl)).toEqual(['items.jsonl#1', 'k']);
    expect(jsonl.articles[0]!.origin).toBe('items.jsonl');
    expect(ids(await loadCorpus(join(root, 'sub', 'list.json')))).toEqual(['list.json#1', 'list.json#2']);
    expect(ids(await loadCorpus(join(root, 'sub', 'city.xml')))).toEqual([
      'gazette-1',
      'https://gazette.example/bridge',
      'city.xml#3',
    ]);
    // the same file inside a folder corpus gets its relative path
    expect(ids(await loadCorpus(root))).toContain('sub/items.jsonl#1');
  });

  it('gives duplicate ids #2, #3 with a warning', async () => {
    const root = await makeCorpus({
      'a.jsonl': [JSON.stringify({ id: 'same', text: BODY }), JSON.stringify({ id: 'same', text: BODY })].join('\n'),
      'b.json': JSON.stringify({ id: 'same', text: BODY }),
    });
    const c = await loadCorpus(root);
    expect(ids(c)).toEqual(['same', 'same#2', 'same#3']);
    expect(c.articles[2]!.origin).toBe('b.json');
    expect(c.warnings).toHaveLength(2);
    expect(c.warnings[0]!.reason).toMatch(/duplicate id "same".*"same#2"/);
    expect(c.warnings[1]!.path).toBe('b.json');
  });

  it('skips hidden files, hidden folders, node_modules and other extensions silently', async () => {
    const root = await makeCorpus({
      'keep.txt': BODY,
      '.hidden.txt': BODY,
      '.git/objects.txt': BODY,
      'node_modules/pkg/readme.md': BODY,
      'image.png': 'not really a png',
      'notes.docx': 'binary',
      'UPPER.TXT': BODY,
    });
    const c = await loadCorpus(root);
    expect(ids(c)).toEqual(['UPPER.TXT', 'keep.txt']);
    expect(c.warnings).toEqual([]);
  });
});

describe('loadCorpus: the seed article', () => {
  it('loads the seed with its id, source, date and no captions', async () => {
    const root = await makeCorpus({});
    await copyFile(SEED_PATH, join(root, '000_f17fd30403ef36f3.txt'));
    const c = await loadCorpus(root);
    expect(c.warnings).toEqual([]);
    const a = byId(c, '000_f17fd30403ef36f3.txt');
    expect(a.source).toBe('The Jerusalem Post');
    expect(a.date).toBe('2024-11-30');
    expect(a.url).toBeNull();
    expect(a.origin).toBe('000_f17fd30403ef36f3.txt');
    expect(a.text).not.toMatch(/photo credit/i);
    expect(a.text).not.toContain('REUTERS');
    expect(a.text).not.toContain('Sovolyov');
    expect(a.text).not.toContain('As reported by');
    expect(a.text).not.toContain('People walk past');
    expect(a.text).toContain('President Bashar Assad’s Palace in Aleppo was invaded');
    expect(a.text.endsWith('respect all holy sites in captured territory.')).toBe(true);
    expect(a.title).toBe('Early reports showed rebels walking around the seemingly abandoned but ostentatious palace');
  });

  it('loads the seeds folder itself', async () => {
    const c = await loadCorpus(join(PROJECT_ROOT, 'seeds'));
    expect(ids(c)).toContain('000_f17fd30403ef36f3.txt');
  });
});

describe('loadCorpus: warnings, and the rest loads', () => {
  it('skips a broken JSONL line with a warning naming file and line', async () => {
    const root = await makeCorpus({
      'news.jsonl': [
        JSON.stringify({ text: BODY }),
        '{"text": "broken',
        JSON.stringify({ text: BODY, title: 'Third' }),
        JSON.stringify({ title: 'no text' }),
      ].join('\n'),
    });
    const c = await loadCorpus(root);
    expect(ids(c)).toEqual(['news.jsonl#1', 'news.jsonl#3']);
    expect(c.warnings).toHaveLength(2);
    expect(c.warnings[0]!.path).toBe('news.jsonl');
    expect(c.warnings[0]!.reason).toMatch(/line 2\b/);
    expect(c.warnings[1]!.reason).toMatch(/line 4\b.*text/);
  });

  it('warns about binary, empty, broken and textless files and loads the rest', async () => {
    const root = await makeCorpus({
      'good.txt': BODY,
      'binary.txt': new Uint8Array([0x48, 0x69, 0x00, 0x01, 0x02, 0xff, 0x00]),
      'empty.txt': '',
      'blank.md': '   \n\n  ',
      'nobody.html': '<html><head><title>Only a title</title></head><body><script>x()</script></body></html>',
      'broken.rss': '<rss version="2.0"><channel><item><title>Cut off</title></channel></rss>',
      'broken.json': '{"text": "unterminated',
      'config.xml': '<?xml version="1.0"?><settings><option>1</option></settings>',
      'captions.txt': 'Photo: Someone standing\n(photo credit: nobody)',
    });
    const c = await loadCorpus(root);
    expect(ids(c)).toEqual(['good.txt']);
    const reasons = Object.fromEntries(c.warnings.map((w) => [w.path, w.reason]));
    expect(Object.keys(reasons).sort()).toEqual(
      ['binary.txt', 'blank.md', 'broken.json', 'broken.rss', 'captions.txt', 'config.xml', 'empty.txt', 'nobody.html'].sort(),
    );
    expect(reasons['binary.txt']).toMatch(/binary/);
    expect(reasons['empty.txt']).toMatch(/empty/);
    expect(reasons['blank.md']).toMatch(/empty/);
    expect(reasons['nobody.html']).toMatch(/no text/);
    expect(reasons['broken.rss']).toMatch(/broken XML/);
    expect(reasons['broken.json']).toMatch(/not valid JSON/);
    expect(reasons['config.xml']).toMatch(/not an RSS or Atom feed/);
    expect(reasons['captions.txt']).toMatch(/no text/);
  });

  it('reads invalid UTF-8 as Windows-1252 with a warning', async () => {
    // "Caf\xe9 \x93quoted\x94" in Windows-1252
    const bytes = new Uint8Array([
      ...Buffer.from('The Caf'), 0xe9, ...Buffer.from(' opened a '), 0x93, ...Buffer.from('new'), 0x94,
      ...Buffer.from(' terrace on the square this week.'),
    ]);
    const root = await makeCorpus({ 'latin.txt': bytes });
    const c = await loadCorpus(root);
    expect(c.articles).toHaveLength(1);
    expect(c.articles[0]!.text).toBe('The Café opened a “new” terrace on the square this week.');
    expect(warningFor(c, 'latin.txt')).toHaveLength(1);
    expect(warningFor(c, 'latin.txt')[0]!.reason).toMatch(/UTF-8/);
  });

  it('skips files over 64 MB with a warning', async () => {
    const root = await makeCorpus({ 'big.txt': '', 'small.txt': BODY });
    // a sparse file: its size is over the limit without writing 65 MB
    await truncate(join(root, 'big.txt'), 65 * 1024 * 1024);
    const c = await loadCorpus(root);
    expect(ids(c)).toEqual(['small.txt']);
    expect(c.warnings).toEqual([{ path: 'big.txt', reason: expect.stringMatching(/too large.*64 MB/) }]);
  });

  it('reads UTF-16 text with a byte order mark', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`Ferry news\n\n${BODY}`, 'utf16le')]);
    const c = await loadCorpus(await makeCorpus({ 'wide.txt': utf16 }));
    expect(c.warnings).toEqual([]);
    expect(c.articles[0]).toMatchObject({ id: 'wide.txt', title: 'Ferry news', text: BODY });
  });

  it('normalises line ends, control and zero-width characters', async () => {
    const root = await makeCorpus({
      'crlf.txt': 'First para\u200B line one.   \r\nstill first\u0007.\r\n\r\n\r\n\r\nSecond para\uFEFF here.\t \r\n',
    });
    const c = await loadCorpus(root);
    expect(c.articles[0]!.text).toBe('First para line one.\nstill first.\n\nSecond para here.');
  });
});

describe('loadCorpus: the corpus path', () => {
  it('throws CorpusUnreadableError for a missing path', async () => {
    const missing = join(tmpdir(), `no-such-corpus-${process.pid}-${Date.now()}`);
    await expect(loadCorpus(missing)).rejects.toBeInstanceOf(CorpusUnreadableError);
    await expect(loadCorpus(missing)).rejects.toThrow(/not found/);
  });

  it('throws CorpusUnreadableError for an unsupported single file', async () => {
    const root = await makeCorpus({ 'notes.pdf': 'x' });
    await expect(loadCorpus(join(root, 'notes.pdf'))).rejects.toBeInstanceOf(CorpusUnreadableError);
  });

  it('loads an empty folder as an empty corpus', async () => {
    const root = await makeCorpus({});
    expect(await loadCorpus(root)).toEqual({ articles: [], warnings: [], files: [] });
  });
});

describe('loadCorpusFile', () => {
  it('loads one file with ids relative to the root', async () => {
    const root = await makeCorpus({
      'a/b/story.txt': BODY,
      'a/list.jsonl': [JSON.stringify({ text: BODY }), JSON.stringify({ text: BODY })].join('\n'),
    });
    expect(ids(await loadCorpusFile(root, 'a/b/story.txt'))).toEqual(['a/b/story.txt']);
    expect(ids(await loadCorpusFile(root, join('a', 'list.jsonl')))).toEqual(['a/list.jsonl#1', 'a/list.jsonl#2']);
  });

  it('warns about a missing file and ignores skipped names', async () => {
    const root = await makeCorpus({ '.hidden/x.txt': BODY });
    const gone = await loadCorpusFile(root, 'gone.txt');
    expect(gone.articles).toEqual([]);
    expect(gone.warnings[0]).toMatchObject({ path: 'gone.txt' });
    expect(await loadCorpusFile(root, '.hidden/x.txt')).toEqual({ articles: [], warnings: [] });
    await expect(loadCorpusFile(join(root, 'missing-root'), 'x.txt')).rejects.toBeInstanceOf(CorpusUnreadableError);
  });
});

describe('loadCorpus: the BBC evaluation file', () => {
  it.skipIf(!existsSync(BBC_PATH))(
    `loads ${BBC_PATH} as is: 2,225 articles, titles from the title field, fast (skipped when /work/shared/eval is absent)`,
    async () => {
      const started = performance.now();
      const c = await loadCorpus(BBC_PATH);
      const elapsed = performance.now() - started;
      expect(c.articles).toHaveLength(2225);
      expect(c.warnings).toEqual([]);
      expect(c.articles.every((a) => a.id.startsWith('bbc-'))).toBe(true);
      expect(new Set(ids(c)).size).toBe(2225);
      expect(byId(c, 'bbc-business-001').title).toBe('Ad sales boost Time Warner profit');
      expect(byId(c, 'bbc-entertainment-199').title).toBe('£1.8m indecency fine for Viacom');
      expect(c.articles.some((a) => /&#\d+;/.test(a.text))).toBe(false);
      expect(c.articles[0]!.origin).toBe('summarization.jsonl');
      expect(elapsed).toBeLessThan(3000);
    },
  );
});
