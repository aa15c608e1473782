import type { LoadedCorpus } from './corpus-types.ts';
import type { Article, LoadWarning } from '../types.ts';
import { cleanArticle } from './clean-article.ts';
import { decodeEntities } from './decode-entities.ts';

function idOf(value: unknown): string | null {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** The longest text one JSON object may carry (as MAX_ARTICLE_BYTES for a file of one article). */
const MAX_ARTICLE_CHARS = 5 * 1024 * 1024;

/** Per-line warnings reported for one `.jsonl` file before the rest are only counted. */
const MAX_LINE_WARNINGS = 50;

// JSON exported from web pages keeps their character references ("&#163;8m")
const stringOrNull = (v: unknown): string | null => (typeof v === 'string' ? decodeEntities(v) : null);

/**
 * One JSON object as an article: `text` required; `id`, `title`, `url`, `date`, `source`
 * optional; every other field ignored. `where` names the object in warnings ("line 3").
 */
function fromObject(
  value: unknown,
  n: number,
  where: string,
  fileId: string,
  origin: string,
  articles: Article[],
  warnings: LoadWarning[],
): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    warnings.push({ path: origin, reason: `${where} is not a JSON object, skipped` });
    return;
  }
  const o = value as Record<string, unknown>;
  if (typeof o.text !== 'string' || !o.text.trim()) {
    warnings.push({ path: origin, reason: `${where} has no "text" field, skipped` });
    return;
  }
  if (o.text.length > MAX_ARTICLE_CHARS) {
    const mb = Math.ceil(o.text.length / (1024 * 1024));
    warnings.push({ path: origin, reason: `${where} has a text too large for one article (${mb} M characters, the limit is 5 M), skipped` });
    return;
  }
  const id = idOf(o.id) ?? `${fileId}#${n}`;
  const article = cleanArticle({
    id,
    text: decodeEntities(o.text),
    title: stringOrNull(o.title),
    url: stringOrNull(o.url),
    date: typeof o.date === 'string' || typeof o.date === 'number' ? o.date : null,
    source: stringOrNull(o.source),
    origin,
  });
  if (article) articles.push(article);
  else warnings.push({ path: origin, reason: `${where} has no text left after cleaning, skipped` });
}

/** A `.json` file: one object (N = 1) or an array of objects (N = position from 1). */
export function parseJson(text: string, fileId: string, origin: string): LoadedCorpus {
  const articles: Article[] = [];
  const warnings: LoadWarning[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    warnings.push({ path: origin, reason: `not valid JSON (${detail}), skipped` });
    return { articles, warnings };
  }
  if (Array.isArray(data)) {
    data.forEach((item, i) => fromObject(item, i + 1, `item ${i + 1}`, fileId, origin, articles, warnings));
  } else if (data && typeof data === 'object') {
    fromObject(data, 1, 'the object', fileId, origin, articles, warnings);
  } else {
    warnings.push({ path: origin, reason: 'JSON is neither an object nor an array of objects, skipped' });
  }
  return { articles, warnings };
}

/** A `.jsonl` file: one object per line (N = line number from 1); a broken line is skipped with a warning. */
export function parseJsonl(text: string, fileId: string, origin: string): LoadedCorpus {
  const articles: Article[] = [];
  const warnings: LoadWarning[] = [];
  const lines = text.split('\n');
  let skipped = 0;
  const skip = (reason: string) => {
    // a file of garbage must not become a flood of warnings: the first few, then a count
    if (++skipped <= MAX_LINE_WARNINGS) warnings.push({ path: origin, reason });
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    // only an object can be an article; other lines are refused without a (costly) failed parse
    if (line[0] !== '{') {
      skip(`line ${i + 1} is not a JSON object, skipped`);
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      skip(`line ${i + 1} is not valid JSON, skipped`);
      continue;
    }
    const before = warnings.length;
    fromObject(value, i + 1, `line ${i + 1}`, fileId, origin, articles, warnings);
    if (warnings.length > before && ++skipped > MAX_LINE_WARNINGS) warnings.length = before;
  }
  if (skipped > MAX_LINE_WARNINGS) {
    warnings.push({ path: origin, reason: `${skipped - MAX_LINE_WARNINGS} more lines skipped (${skipped} in all)` });
  }
  return { articles, warnings };
}
