import { describe, expect, it } from 'vitest';
import { parseFeedXml } from '../../../src/engine/corpus/parse-feed.ts';
import { htmlToText } from '../../../src/engine/corpus/parse-html.ts';

const ORIGIN = 'https://news.example/feed.xml';

describe('parseFeedXml: RSS 2.0', () => {
  const xml = `<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Example News</title>
    <item>
      <title>Tom &amp; Jerry &#8211; the &lt;b&gt;return&lt;/b&gt;</title>
      <guid isPermaLink="false">item-1</guid>
      <link>https://news.example/1</link>
      <description>Short teaser only.</description>
      <content:encoded><![CDATA[<p>First paragraph with <b>bold</b> &amp; more.</p><figure><img src="x.jpg"><figcaption>A caption</figcaption></figure><p>Second<br>line two.</p><script>evil()</script>]]></content:encoded>
      <pubDate>Sat, 30 Nov 2024 18:00:00 GMT</pubDate>
    </item>
    <item>
      <link>https://news.example/2</link>
      <description>&lt;p&gt;Escaped &amp;amp; decoded once.&lt;/p&gt;&lt;p&gt;Next para.&lt;/p&gt;</description>
      <dc:date>2024-12-01</dc:date>
      <source url="https://wire.example">Wire Service</source>
    </item>
    <item>
      <title>No id at all</title>
      <description>Plain text body of the third item goes here.</description>
    </item>
    <item>
      <title>Title only</title>
      <guid>https://news.example/4</guid>
    </item>
  </channel>
</rss>`;
  const { articles, warnings } = parseFeedXml(xml, 'feeds/example.xml', ORIGIN);

  it('takes ids from guid, else link, else FILE#N (N = item position)', () => {
    expect(articles.map((a) => a.id)).toEqual(['item-1', 'https://news.example/2', 'feeds/example.xml#3']);
  });

  it('prefers content:encoded, strips HTML and keeps paragraphs', () => {
    const first = articles[0]!;
    expect(first.text).toBe('First paragraph with bold & more.\n\nSecond\nline two.');
    expect(first.title).toBe('Tom & Jerry – the return');
    expect(first.url).toBe('https://news.example/1');
    expect(first.date).toBe('2024-11-30T18:00:00Z');
    expect(first.source).toBe('Example News');
    expect(first.origin).toBe(ORIGIN);
  });

  it('decodes escaped HTML descriptions once and reads item source and dc:date', () => {
    const second = articles[1]!;
    expect(second.text).toBe('Escaped &amp; decoded once.\n\nNext para.'.replace('&amp;', '&'));
    expect(second.date).toBe('2024-12-01');
    expect(second.source).toBe('Wire Service');
    expect(second.title).toBe('Escaped & decoded once');
  });

  it('skips an item without text with a warning', () => {
    expect(articles.find((a) => a.title === 'Title only')).toBeUndefined();
    expect(warnings).toEqual([{ path: ORIGIN, reason: expect.stringMatching(/item 4/) }]);
  });
});

describe('parseFeedXml: Atom', () => {
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Harbour News</title>
  <entry>
    <id>urn:harbour:1</id>
    <title type="html">Ferry &amp;amp; bus</title>
    <link rel="self" href="https://harbour.example/api/1"/>
    <link rel="alternate" href="https://harbour.example/ferry"/>
    <published>2024-12-01T09:30:00+01:00</published>
    <updated>2024-12-05T00:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The ferry runs hourly &amp; on time.</p><p>Buses connect.</p></div></content>
  </entry>
  <entry>
    <title>Lighthouse</title>
    <link href="https://harbour.example/lighthouse"/>
    <updated>2024-12-02T10:00:00Z</updated>
    <summary type="html"><![CDATA[<p>Painted <em>red</em> and white.</p>]]></summary>
  </entry>
  <entry>
    <title>Plain</title>
    <content type="text">Tides &lt;b&gt; are high this week along the coast.</content>
  </entry>
</feed>`;
  const { articles, warnings } = parseFeedXml(xml, 'harbour.atom', 'harbour.atom');

  it('reads ids, links, dates and content', () => {
    expect(warnings).toEqual([]);
    expect(articles.map((a) => a.id)).toEqual(['urn:harbour:1', 'https://harbour.example/lighthouse', 'harbour.atom#3']);
    const [ferry, light, plain] = articles;
    expect(ferry).toMatchObject({
      title: 'Ferry & bus',
      url: 'https://harbour.example/ferry',
      date: '2024-12-01T08:30:00Z',
      text: 'The ferry runs hourly & on time.\n\nBuses connect.',
      source: 'Harbour News',
    });
    expect(light).toMatchObject({ text: 'Painted red and white.', date: '2024-12-02T10:00:00Z' });
    expect(plain!.text).toBe('Tides <b> are high this week along the coast.');
  });
});

describe('parseFeedXml: failures', () => {
  it('warns about broken XML', () => {
    const r = parseFeedXml('<rss><channel><item><title>x</title></channel></rss>', 'bad.rss', 'bad.rss');
    expect(r.articles).toEqual([]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]!.reason).toMatch(/^broken XML/);
  });

  it('warns about XML that is not a feed', () => {
    const r = parseFeedXml('<?xml version="1.0"?><config><a>1</a></config>', 'config.xml', 'config.xml');
    expect(r.articles).toEqual([]);
    expect(r.warnings[0]).toEqual({ path: 'config.xml', reason: expect.stringMatching(/not an RSS or Atom feed/) });
  });

  it('reads an RSS 1.0 (RDF) feed too', () => {
    const xml = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
      <channel><title>RDF News</title></channel>
      <item><title>One</title><link>https://rdf.example/1</link><description>The first RDF item has a body.</description></item>
    </rdf:RDF>`;
    const r = parseFeedXml(xml, 'rdf.xml', 'rdf.xml');
    expect(r.articles.map((a) => [a.id, a.source])).toEqual([['https://rdf.example/1', 'RDF News']]);
  });
});

describe('htmlToText', () => {
  it('keeps paragraphs and line breaks, drops scripts, styles and captions', () => {
    const html = '<div><h2>Head</h2><p>One &nbsp;two\n three</p><style>p{}</style><ul><li>a</li><li>b</li></ul><figcaption>cap</figcaption>tail<br/>end</div>';
    expect(htmlToText(html)).toBe('Head\n\nOne two three\n\na\n\nb\n\ntail\nend');
    expect(htmlToText('plain text')).toBe('plain text');
    expect(htmlToText('<script>x()</script>')).toBe('');
  });
});
