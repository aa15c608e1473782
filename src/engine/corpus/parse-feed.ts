import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { LoadedCorpus } from './corpus-types.ts';
import type { Article, LoadWarning } from '../types.ts';
import { cleanArticle, metaString } from './clean-article.ts';
import { htmlToText } from './parse-html.ts';

type XmlNode = Record<string, unknown>;

const ARRAYS = new Set(['rss.channel.item', 'rdf:RDF.item', 'feed.entry', 'feed.entry.link']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  // Atom content may be inline XHTML: keep it raw rather than as an object tree
  stopNodes: ['feed.entry.content', 'feed.entry.summary'],
  isArray: (_name, jPath) => ARRAYS.has(String(jPath)),
});

/** The text of a parsed XML value: a string, a `#text` node, or the first of several. */
function textOf(value: unknown): string | null {
  if (Array.isArray(value)) return value.length ? textOf(value[0]) : null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value && typeof value === 'object') return textOf((value as XmlNode)['#text']);
  return null;
}

function attrOf(value: unknown, name: string): string | null {
  if (Array.isArray(value)) return value.length ? attrOf(value[0], name) : null;
  if (value && typeof value === 'object') {
    const v = (value as XmlNode)[`@_${name}`];
    return typeof v === 'string' ? v : null;
  }
  return null;
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXmlEntities(s: string): string {
  return s.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(lt|gt|amp|quot|apos));/gi, (all, dec?: string, hex?: string, named?: string) => {
    if (named) return XML_ENTITIES[named.toLowerCase()] ?? all;
    const code = dec ? Number(dec) : parseInt(hex ?? '', 16);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

/** Raw (stop-node) Atom content to HTML: CDATA kept verbatim, escaped markup decoded once. */
function rawContentToHtml(raw: string, type: string | null): string {
  if (type === 'xhtml') return raw;
  let out = '';
  let last = 0;
  for (const m of raw.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)) {
    out += decodeXmlEntities(raw.slice(last, m.index)) + (m[1] ?? '');
    last = m.index + m[0].length;
  }
  out += decodeXmlEntities(raw.slice(last));
  // type="text" is plain text: escape it so the HTML pass keeps it as is
  return type === 'text' ? out.replace(/&/g, '&amp;').replace(/</g, '&lt;') : out;
}

/** A title or other one-line field that may carry markup or character references. */
function inlineText(value: unknown): string | null {
  const s = textOf(value);
  return s ? metaString(htmlToText(s).replace(/\s+/g, ' ')) : null;
}

interface FeedItem {
  guid: string | null;
  link: string | null;
  title: string | null;
  html: string;
  date: string | null;
  source: string | null;
}

function rssItem(item: XmlNode, channelTitle: string | null): FeedItem {
  const body = textOf(item['content:encoded']) ?? textOf(item.description) ?? textOf(item['dc:description']) ?? '';
  return {
    guid: metaString(textOf(item.guid)),
    link: metaString(textOf(item.link)) ?? attrOf(item['atom:link'], 'href'),
    title: inlineText(item.title),
    html: body,
    date: textOf(item.pubDate) ?? textOf(item['dc:date']) ?? textOf(item.published) ?? textOf(item.updated),
    source: inlineText(item.source) ?? inlineText(item['dc:publisher']) ?? channelTitle,
  };
}

function atomLink(links: unknown): string | null {
  const list = Array.isArray(links) ? links : links ? [links] : [];
  let fallback: string | null = null;
  for (const l of list) {
    const href = attrOf(l, 'href') ?? textOf(l);
    if (!href) continue;
    const rel = attrOf(l, 'rel');
    if (!rel || rel === 'alternate') return href.trim();
    fallback ??= href.trim();
  }
  return fallback;
}

function atomItem(entry: XmlNode, feedTitle: string | null): FeedItem {
  const pick = (v: unknown) => (Array.isArray(v) ? v[0] : v);
  const content = pick(entry.content) ?? pick(entry.summary);
  const raw = textOf(content) ?? '';
  const source = entry.source && typeof entry.source === 'object' ? inlineText((entry.source as XmlNode).title) : null;
  return {
    guid: metaString(textOf(entry.id)),
    link: atomLink(entry.link),
    title: inlineText(entry.title),
    html: rawContentToHtml(raw, attrOf(content, 'type')),
    date: textOf(entry.published) ?? textOf(entry.updated) ?? textOf(entry['dc:date']),
    source: source ?? feedTitle,
  };
}

function asNodes(value: unknown): XmlNode[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.filter((v): v is XmlNode => !!v && typeof v === 'object');
}

/**
 * Articles of an RSS 2.0 (or 1.0) or Atom document. Item ids: guid, else link, else
 * `FILE#N` (N = item position from 1). `fileId` is FILE; `origin` is where the feed came
 * from (a path relative to the corpus root, or a feed URL). Ids are not de-duplicated here.
 */
export function parseFeedXml(xml: string, fileId: string, origin: string): LoadedCorpus {
  const articles: Article[] = [];
  const warnings: LoadWarning[] = [];
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (valid !== true) {
    warnings.push({ path: origin, reason: `broken XML (${valid.err.msg}, line ${valid.err.line}), skipped` });
    return { articles, warnings };
  }
  let doc: XmlNode;
  try {
    doc = parser.parse(xml) as XmlNode;
  } catch (e) {
    warnings.push({ path: origin, reason: `broken XML (${e instanceof Error ? e.message : String(e)}), skipped` });
    return { articles, warnings };
  }

  let items: FeedItem[];
  const rss = doc.rss as XmlNode | undefined;
  const rdf = doc['rdf:RDF'] as XmlNode | undefined;
  const feed = doc.feed as XmlNode | undefined;
  if (rss && typeof rss === 'object') {
    const channel = asNodes(rss.channel)[0] ?? {};
    const title = inlineText(channel.title);
    items = asNodes(channel.item).map((it) => rssItem(it, title));
  } else if (rdf && typeof rdf === 'object') {
    const title = inlineText(asNodes(rdf.channel)[0]?.title);
    items = asNodes(rdf.item).map((it) => rssItem(it, title));
  } else if (feed && typeof feed === 'object') {
    const title = inlineText(feed.title);
    items = asNodes(feed.entry).map((e) => atomItem(e, title));
  } else {
    warnings.push({ path: origin, reason: 'XML file is not an RSS or Atom feed, skipped' });
    return { articles, warnings };
  }

  items.forEach((item, i) => {
    const n = i + 1;
    const id = item.guid ?? item.link ?? `${fileId}#${n}`;
    const article = cleanArticle({
      id,
      text: htmlToText(item.html),
      title: item.title,
      url: item.link ?? (item.guid && /^https?:\/\//i.test(item.guid) ? item.guid : null),
      date: item.date,
      source: item.source,
      origin,
    });
    if (article) articles.push(article);
    else warnings.push({ path: origin, reason: `feed item ${n} has no text, skipped` });
  });
  return { articles, warnings };
}
