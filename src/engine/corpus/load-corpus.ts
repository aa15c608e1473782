import { readFile, stat, access } from 'node:fs/promises';
import { constants, type Stats } from 'node:fs';
import { basename, extname, join, sep } from 'node:path';
import type { Article, LoadWarning } from '../types.ts';
import type { CorpusFile } from '../corpus-files.ts';
import { CorpusUnreadableError } from '../../errors.ts';
import { parseMarkdown, parsePlain } from './parse-plain.ts';
import { parseHtml } from './parse-html.ts';
import { parseJson, parseJsonl } from './parse-json.ts';
import { parseFeedXml } from './parse-feed.ts';
import type { LoadedCorpus, Parser } from './corpus-types.ts';
import { entryKind, errorCode, isSkippedName, walkCorpusFolder } from './walk-corpus.ts';

export type { LoadedCorpus } from './corpus-types.ts';

const PARSERS: Record<string, Parser> = {
  '.txt': parsePlain,
  '.md': parseMarkdown,
  '.markdown': parseMarkdown,
  '.html': parseHtml,
  '.htm': parseHtml,
  '.json': parseJson,
  '.jsonl': parseJsonl,
  '.xml': parseFeedXml,
  '.rss': parseFeedXml,
  '.atom': parseFeedXml,
};

/** Files larger than this are skipped with a warning. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/**
 * One article is at most this large: a bigger file of one article (.txt, .md, .html) is
 * skipped with a warning before it is read, as is a bigger JSON object's text (a dump, not news).
 */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;
const SINGLE_ARTICLE = new Set(['.txt', '.md', '.markdown', '.html', '.htm']);
const CONCURRENCY = 16;

function parserFor(name: string): Parser | undefined {
  return PARSERS[extname(name).toLowerCase()];
}

function unreadable(path: string, e: unknown): CorpusUnreadableError {
  const code = errorCode(e);
  if (code === 'ENOENT' || code === 'ENOTDIR') return new CorpusUnreadableError(`Corpus path not found: ${path}`);
  if (code === 'EACCES' || code === 'EPERM') return new CorpusUnreadableError(`Corpus path is not readable (permission denied): ${path}`);
  return new CorpusUnreadableError(`Corpus path cannot be read: ${path} (${e instanceof Error ? e.message : String(e)})`);
}

function readError(e: unknown): string {
  const code = errorCode(e);
  if (code === 'EACCES' || code === 'EPERM') return 'file cannot be read (permission denied), skipped';
  if (code === 'ENOENT') return 'file not found, skipped';
  return `file cannot be read (${code || (e instanceof Error ? e.message : String(e))}), skipped`;
}

/** Windows-1252 characters for bytes 0x80–0x9F (Node's decoder maps them to C1 controls as Latin-1 does). */
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeWindows1252(buf: Buffer): string {
  return new TextDecoder('windows-1252')
    .decode(buf)
    .replace(/[\u0080-\u009F]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/** Decodes file bytes: UTF-8 (BOM dropped), UTF-16 with a BOM, else Windows-1252 with a warning. */
function decode(buf: Buffer, path: string, warnings: LoadWarning[]): string | null {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    return new TextDecoder(buf[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(buf);
  }
  if (buf.includes(0)) {
    warnings.push({ path, reason: 'binary file (contains NUL bytes), skipped' });
    return null;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    warnings.push({ path, reason: 'not valid UTF-8, read as Windows-1252' });
    return decodeWindows1252(buf);
  }
}

/** Reads and parses one file; every failure becomes a warning. */
async function loadFile(abs: string, fileId: string, known?: Stats): Promise<LoadedCorpus> {
  const warnings: LoadWarning[] = [];
  const files: CorpusFile[] = [];
  const parse = parserFor(abs);
  if (!parse) return { articles: [], warnings, files };
  try {
    // the baseline is the stat before the read: an edit after it shows as a newer time to the watcher
    const st = known ?? (await stat(abs));
    if (!st.isFile()) {
      // replaced by a FIFO or device since it was listed: reading it could block for ever
      warnings.push({ path: fileId, reason: `not a regular file (${entryKind(st)}), skipped` });
      return { articles: [], warnings, files };
    }
    files.push({ rel: fileId, size: st.size, mtimeMs: st.mtimeMs });
    if (st.size > MAX_FILE_BYTES) {
      const mb = Math.ceil(st.size / (1024 * 1024));
      warnings.push({ path: fileId, reason: `file too large (${mb} MB, the limit is 64 MB), skipped` });
      return { articles: [], warnings, files };
    }
    if (st.size > MAX_ARTICLE_BYTES && SINGLE_ARTICLE.has(extname(abs).toLowerCase())) {
      const mb = Math.ceil(st.size / (1024 * 1024));
      warnings.push({ path: fileId, reason: `file too large for one article (${mb} MB, the limit is 5 MB), skipped` });
      return { articles: [], warnings, files };
    }
    const buf = await readFile(abs);
    if (buf.length === 0) {
      warnings.push({ path: fileId, reason: 'empty file, skipped' });
      return { articles: [], warnings, files };
    }
    const text = decode(buf, fileId, warnings);
    if (text === null) return { articles: [], warnings, files };
    if (!text.trim()) {
      warnings.push({ path: fileId, reason: 'empty file, skipped' });
      return { articles: [], warnings, files };
    }
    const parsed = parse(text, fileId, fileId);
    return { articles: parsed.articles, warnings: [...warnings, ...parsed.warnings], files };
  } catch (e) {
    const code = errorCode(e);
    const reason = code ? readError(e) : `file could not be parsed (${e instanceof Error ? e.message : String(e)}), skipped`;
    warnings.push({ path: fileId, reason });
    return { articles: [], warnings, files };
  }
}

/** Gives a duplicate id `#2`, `#3`… (first come keeps its id) with a warning. */
export function dedupeIds(articles: Article[], warnings: LoadWarning[], taken: Set<string> = new Set()): void {
  for (const article of articles) {
    if (taken.has(article.id)) {
      let k = 2;
      while (taken.has(`${article.id}#${k}`)) k++;
      const renamed = `${article.id}#${k}`;
      warnings.push({ path: article.origin, reason: `duplicate id "${article.id}", renamed to "${renamed}"` });
      article.id = renamed;
    }
    taken.add(article.id);
  }
}

// Not p-queue: the 6.6.2 in the tree (via @slack/web-api) is CommonJS (its default export needs .default under ESM) with two dependencies, for what ten order-keeping lines do
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function merge(parts: LoadedCorpus[], warnings: LoadWarning[]): LoadedCorpus {
  const articles: Article[] = [];
  const files: CorpusFile[] = [];
  for (const part of parts) {
    articles.push(...part.articles);
    warnings.push(...part.warnings);
    if (part.files) files.push(...part.files);
  }
  dedupeIds(articles, warnings);
  return { articles, warnings, files };
}

const SUPPORTED = Object.keys(PARSERS).join(', ');

/**
 * path is a folder (walked recursively) or a single file (.jsonl/.json/.txt/.md/.html/.xml/.rss/.atom).
 * Throws CorpusUnreadableError when the path does not exist or is not readable.
 */
export async function loadCorpus(path: string): Promise<LoadedCorpus> {
  let st: Stats;
  try {
    st = await stat(path);
  } catch (e) {
    throw unreadable(path, e);
  }
  const warnings: LoadWarning[] = [];
  if (st.isDirectory()) {
    try {
      await access(path, constants.R_OK | constants.X_OK);
    } catch (e) {
      throw unreadable(path, e);
    }
    let files: string[];
    try {
      files = await walkCorpusFolder(path, (name) => parserFor(name) !== undefined, warnings);
    } catch (e) {
      throw unreadable(path, e);
    }
    const parts = await mapLimit(files, CONCURRENCY, (rel) => loadFile(join(path, ...rel.split('/')), rel));
    return merge(parts, warnings);
  }
  if (!st.isFile()) throw new CorpusUnreadableError(`Corpus path is neither a folder nor a file: ${path}`);
  if (!parserFor(path)) {
    throw new CorpusUnreadableError(`Corpus file type not supported: ${path} (use a folder or one of ${SUPPORTED})`);
  }
  try {
    await access(path, constants.R_OK);
  } catch (e) {
    throw unreadable(path, e);
  }
  return merge([await loadFile(path, basename(path), st)], warnings);
}

/** Loads one file of a corpus, ids relative to root — for file watching later. */
export async function loadCorpusFile(root: string, relPath: string): Promise<LoadedCorpus> {
  let rootStat: Stats;
  try {
    rootStat = await stat(root);
  } catch (e) {
    throw unreadable(root, e);
  }
  const warnings: LoadWarning[] = [];
  if (rootStat.isFile()) {
    // a single-file corpus: its one file, named by its own name
    return merge([await loadFile(root, basename(root), rootStat)], warnings);
  }
  const rel = relPath
    .split(sep)
    .join('/')
    .split('/')
    .filter((part) => part && part !== '.')
    .join('/');
  const parts = rel.split('/');
  if (!rel || parts.some((p) => p === '..' || isSkippedName(p)) || !parserFor(rel)) return { articles: [], warnings };
  return merge([await loadFile(join(root, ...parts), rel)], warnings);
}
