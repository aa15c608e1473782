import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { LoadedCorpus } from './corpus-types.ts';
import type { LoadWarning } from '../types.ts';
import { cleanArticle, metaString, normalizeDate } from './clean-article.ts';
import { decodeEntities } from './decode-entities.ts';

/** The few DOM members used here (the project compiles without the DOM lib). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}
interface DomDocument extends DomElement {
  body: DomElement | null;
  documentElement: DomElement | null;
}

function parseDocument(html: string): DomDocument {
  const doc = (parseHTML(html) as unknown as { document: DomDocument }).document;
  // Text with no element at all gives a document without a root (whose `body` throws), and a
  // fragment ("<p>…</p>") one whose root is that element beside an empty body: wrap both
  if (doc.documentElement?.nodeName.toUpperCase() === 'HTML') return doc;
  return (parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`) as unknown as { document: DomDocument }).document;
}

// ---------------------------------------------------------------- input the DOM parser cannot take

/** More markup characters (`<`, `&`) than this: too many nodes for the DOM parser, which slows down more than linearly. */
export const MAX_HTML_NODES = 150_000;
/** Deeper element nesting than this (counted roughly): too deep for the DOM parser. */
export const MAX_HTML_DEPTH = 1000;
const VOID_OR_SELF_CLOSING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  // often left open in real pages: never counted as nesting
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'tbody', 'thead', 'tfoot', 'colgroup', 'rt', 'rp',
]);

/**
 * Whether markup would make the DOM parser slow (too many nodes or too deep a nesting);
 * such input is read by a plain tag stripper instead. One linear pass.
 */
export function tooComplexForDom(html: string): boolean {
  let markers = 0;
  for (let i = 0; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if ((c === 60 || c === 38) && ++markers > MAX_HTML_NODES) return true;
  }
  let depth = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^<>]*>/g)) {
    const name = m[2]!.toLowerCase();
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (!VOID_OR_SELF_CLOSING.has(name) && !m[0].endsWith('/>') && ++depth > MAX_HTML_DEPTH) return true;
  }
  return false;
}

/** More attributes than this on one element: the DOM parser's work grows with the square of their count. */
export const MAX_HTML_ATTRIBUTES = 1000;
/** The sum over elements of (attribute count)²: about half a second of DOM parsing at this bound. */
export const MAX_HTML_ATTRIBUTE_WORK = 4_000_000;

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Why the DOM parser must not read this markup (attribute counts over the limits), or null.
 * One linear pass over the tags; attribute values (quoted or not) are skipped, not counted.
 */
export function attributeOverload(html: string): string | null {
  let work = 0;
  let i = html.indexOf('<');
  while (i >= 0 && i < html.length) {
    if (!isLetter(html.charCodeAt(i + 1))) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    let j = i + 1;
    while (j < html.length && !isSpace(html.charCodeAt(j)) && html[j] !== '>' && html[j] !== '/') j++;
    let count = 0;
    while (j < html.length) {
      const c = html.charCodeAt(j);
      if (isSpace(c) || c === 47 /* / */) j++;
      else if (c === 62 /* > */) break;
      else if (c === 61 /* = */) {
        j++;
        while (j < html.length && isSpace(html.charCodeAt(j))) j++;
        const q = html[j];
        if (q === '"' || q === "'") {
          const end = html.indexOf(q, j + 1);
          j = end < 0 ? html.length : end + 1;
        } else while (j < html.length && !isSpace(html.charCodeAt(j)) && html[j] !== '>') j++;
      } else {
        count++;
        while (j < html.length && !isSpace(html.charCodeAt(j)) && html[j] !== '=' && html[j] !== '>' && html[j] !== '/') j++;
      }
    }
    if (count > MAX_HTML_ATTRIBUTES) return `an element has ${count.toLocaleString('en-US')} attributes (the limit is ${MAX_HTML_ATTRIBUTES.toLocaleString('en-US')})`;
    work += count * count;
    if (work > MAX_HTML_ATTRIBUTE_WORK) return 'too many elements with hundreds of attributes (too slow to read as a page)';
    i = html.indexOf('<', j);
  }
  return null;
}

/** Removes `<tag …>…</tag>` blocks (script, style, head) in one pass; an unclosed one runs to the end. */
function dropBlocks(html: string, tag: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let i = 0;
  for (;;) {
    const open = lower.indexOf(`<${tag}`, i);
    if (open < 0) break;
    out += html.slice(i, open);
    const close = lower.indexOf(`</${tag}`, open + tag.length + 1);
    const end = close < 0 ? -1 : lower.indexOf('>', close);
    i = end < 0 ? html.length : end + 1;
  }
  return out + html.slice(i);
}

/** Markup to text without a DOM: blocks become paragraphs, other tags spaces, common entities decoded. Linear. */
export function stripTags(html: string): string {
  let text = html;
  for (const tag of ['head', 'script', 'style', 'template', 'noscript']) text = dropBlocks(text, tag);
  text = text
    .replace(/<!--[^]*?-->/g, ' ')
    .replace(/<(?:br|\/?(?:p|div|h[1-6]|li|tr|blockquote|section|article|pre|ul|ol|table))\b[^<>]*>/gi, '\n\n')
    .replace(/<[^<>]*>/g, ' ');
  return decodeEntities(text)
    .split(/\n[ \t]*\n\s*/)
    .map((par) => par.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGURE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL',
]);
/** Elements whose text is never article text (captions are metadata). */
const SKIP = new Set([
  'HEAD', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'FIGCAPTION', 'IMG', 'PICTURE', 'SVG', 'IFRAME',
  'BUTTON', 'SELECT', 'TEXTAREA', 'VIDEO', 'AUDIO', 'CANVAS', 'OBJECT', 'EMBED', 'NAV', 'ASIDE', 'FORM',
  'FOOTER', 'MATH',
]);

/** Text of a DOM subtree with paragraphs (block elements) separated by blank lines. */
function nodeToText(root: DomNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const par = current
      .split('\n')
      .map((line) => line.replace(/[ \t\f\v\r\u00A0]+/g, ' ').trim())
      .join('\n')
      .replace(/\n{2,}/g, '\n')
      .trim();
    if (par) paragraphs.push(par);
    current = '';
  };
  const walk = (node: DomNode, pre: boolean) => {
    if (node.nodeType === 3) {
      const t = node.textContent ?? '';
      current += pre ? t : t.replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    if (name === 'BR') {
      current += '\n';
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    const inPre = pre || name === 'PRE';
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) {
      const kid = kids[i];
      if (kid) walk(kid, inPre);
    }
    if (name === 'TD' || name === 'TH') current += ' ';
    if (block) flush();
  };
  walk(root, false);
  flush();
  return paragraphs.join('\n\n');
}

/** HTML (a page or a fragment) to plain text, paragraphs kept, captions and scripts dropped. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  if (tooComplexForDom(html) || attributeOverload(html)) return stripTags(html);
  const doc = parseDocument(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
  return doc.body ? nodeToText(doc.body) : '';
}

interface HtmlMeta {
  title: string | null;
  date: string | null;
  url: string | null;
  source: string | null;
}

function jsonLdFields(doc: DomDocument): Partial<HtmlMeta> {
  const out: Partial<HtmlMeta> = {};
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    try {
      const data: unknown = JSON.parse(scripts[i]?.textContent ?? '');
      const items: unknown[] = Array.isArray(data) ? data : [data];
      for (const item of items) {
        const graph = (item as { '@graph'?: unknown })?.['@graph'];
        for (const node of Array.isArray(graph) ? graph : [item]) {
          if (!node || typeof node !== 'object') continue;
          const o = node as Record<string, unknown>;
          out.date ??= metaString(o.datePublished) ?? undefined;
          out.title ??= metaString(o.headline) ?? undefined;
          const publisher = o.publisher as Record<string, unknown> | undefined;
          out.source ??= metaString(publisher?.name) ?? undefined;
        }
      }
    } catch {
      // a broken JSON-LD block is just no metadata
    }
  }
  return out;
}

/** Meta tags naming the publication date, most specific first. */
const DATE_META = [
  'article:published_time', 'og:article:published_time', 'og:published_time', 'datepublished',
  'date', 'pubdate', 'publishdate', 'publish-date', 'publication_date', 'dc.date', 'dc.date.issued',
  'dcterms.date', 'dcterms.created', 'sailthru.date', 'parsely-pub-date',
];

/** The first candidate that is a readable date, else the first given (cleanArticle then falls back to a dateline). */
function firstDate(...candidates: (string | null)[]): string | null {
  return candidates.find((c) => c && normalizeDate(c)) ?? candidates.find(Boolean) ?? null;
}

function readMeta(doc: DomDocument): HtmlMeta {
  const metas = new Map<string, string>();
  const nodes = doc.querySelectorAll('meta');
  for (let i = 0; i < nodes.length; i++) {
    const el = nodes[i];
    const key = (el?.getAttribute('property') ?? el?.getAttribute('name') ?? el?.getAttribute('itemprop'))?.toLowerCase();
    const content = el?.getAttribute('content')?.trim();
    if (key && content && !metas.has(key)) metas.set(key, content);
  }
  const first = (...keys: string[]) => {
    for (const k of keys) {
      const v = metas.get(k);
      if (v) return v;
    }
    return null;
  };
  const ld = jsonLdFields(doc);
  const h1 = doc.querySelectorAll('h1');
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || null;
  const time =
    (doc.querySelector('time[itemprop="datePublished"][datetime]') ?? doc.querySelector('time[pubdate][datetime]') ?? doc.querySelector('time[datetime]'))
      ?.getAttribute('datetime')
      ?.trim() || null;
  return {
    title:
      first('og:title', 'twitter:title') ??
      metaString(doc.querySelector('title')?.textContent) ??
      ld.title ??
      (h1.length > 0 ? metaString(h1[0]?.textContent) : null),
    // the first date that reads as one: a garbled meta tag does not hide the JSON-LD or <time> after it
    date: firstDate(
      ...DATE_META.map((k) => metas.get(k) ?? null),
      ld.date ?? null,
      time,
    ),
    url: canonical ?? first('og:url', 'twitter:url'),
    source: first('og:site_name', 'application-name', 'publisher') ?? ld.source ?? null,
  };
}

/** An `.html` page: the main text through Readability, metadata from the head. */
export function parseHtml(html: string, fileId: string, origin: string): LoadedCorpus {
  const warnings: LoadWarning[] = [];
  // checked before any parsing: one element with 650k attributes took the DOM parser 82 s
  const overload = attributeOverload(html);
  if (overload) {
    warnings.push({ path: origin, reason: `HTML not read: ${overload}, skipped` });
    return { articles: [], warnings };
  }
  const noMarkup = !html.includes('<');
  if (noMarkup || tooComplexForDom(html)) {
    warnings.push({
      path: origin,
      reason: noMarkup ? 'HTML file has no markup; read as plain text' : 'HTML has too many elements or too deep a nesting to read as a page; read as plain text',
    });
    const text = stripTags(html);
    const article = text ? cleanArticle({ id: fileId, text, origin }) : null;
    if (!article) warnings.push({ path: origin, reason: 'HTML page has no text, skipped' });
    return { articles: article ? [article] : [], warnings };
  }
  const doc = parseDocument(html);
  const meta = readMeta(doc);
  let text = '';
  let readTitle: string | null = null;
  let readDate: string | null = null;
  try {
    const article = new Readability(doc as never, { serializer: (node: unknown) => node as DomNode }).parse();
    if (article?.content) text = nodeToText(article.content);
    readTitle = metaString(article?.title);
    readDate = metaString(article?.publishedTime);
  } catch {
    // Readability failed on this page: fall back to the whole body below
  }
  if (!text.trim()) {
    const fresh = parseDocument(html);
    const body = fresh.body ?? fresh.documentElement;
    text = body ? nodeToText(body) : '';
  }
  if (!text.trim()) {
    warnings.push({ path: origin, reason: 'HTML page has no text, skipped' });
    return { articles: [], warnings };
  }
  const article = cleanArticle({
    id: fileId,
    text,
    title: meta.title ?? readTitle,
    date: firstDate(meta.date, readDate),
    url: meta.url,
    source: meta.source,
    origin,
  });
  if (!article) warnings.push({ path: origin, reason: 'no text left after cleaning, skipped' });
  return { articles: article ? [article] : [], warnings };
}
