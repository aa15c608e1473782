import { parse as parseYaml } from 'yaml';
import type { LoadedCorpus } from './corpus-types.ts';
import type { LoadWarning } from '../types.ts';
import { cleanArticle, type RawArticle } from './clean-article.ts';
import { decodeEntities } from './decode-entities.ts';

function result(raw: RawArticle, warnings: LoadWarning[]): LoadedCorpus {
  const article = cleanArticle(raw);
  if (!article) warnings.push({ path: raw.origin, reason: 'no text left after cleaning, skipped' });
  return { articles: article ? [article] : [], warnings };
}

/** A `.txt` file: one article whose id is the file's path. */
export function parsePlain(text: string, fileId: string, origin: string): LoadedCorpus {
  // text saved from a web page may keep its character references
  return result({ id: fileId, text: decodeEntities(text), origin }, []);
}

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/** Splits a YAML front matter block off a markdown text. */
export function splitFrontMatter(text: string): { meta: Record<string, unknown>; body: string; error: string | null } {
  const normalized = text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const m = FRONT_MATTER.exec(normalized);
  if (!m) return { meta: {}, body: normalized, error: null };
  const body = normalized.slice(m[0].length);
  try {
    const parsed: unknown = parseYaml(m[1] ?? '');
    const meta = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    return { meta, body, error: null };
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { meta: {}, body, error: `front matter is not valid YAML, ignored (${detail})` };
  }
}

/** Strips markdown markup lightly: heading marks, emphasis, link syntax, images, fences. */
export function stripMarkdown(md: string): string {
  const lines: string[] = [];
  for (const line of md.split('\n')) {
    // fences, horizontal rules, setext underlines and link reference definitions carry no text
    if (/^\s*(?:```|~~~)/.test(line)) continue;
    if (/^\s{0,3}(?:[-*_]\s*){3,}$/.test(line) || /^\s{0,3}=+\s*$/.test(line)) {
      if (lines.length && lines[lines.length - 1] !== '') lines.push('');
      continue;
    }
    if (/^\s{0,3}\[[^\]]+\]:\s+\S/.test(line)) continue;
    const heading = /^\s{0,3}#{1,6}\s+/.exec(line);
    if (heading) {
      // a heading is a paragraph of its own
      if (lines.length && lines[lines.length - 1] !== '') lines.push('');
      lines.push(headingText(line.slice(heading[0].length)), '');
      continue;
    }
    lines.push(line.replace(/^\s{0,3}>\s?/, ''));
  }
  // Every pattern here scans a bounded stretch from where it starts (no bracket past the next
  // bracket, no emphasis past the next marker character, a run of blanks entered only at its
  // start), so no input makes this slower than linear.
  return lines
    .join('\n')
    .replace(/(?<![ \t])[ \t]*!\[[^[\]]*\]\([^()[\]]*\)/g, '')
    .replace(/(?<![ \t])[ \t]*!\[[^[\]]*\]\[[^[\]]*\]/g, '')
    .replace(/\[([^[\]]+)\]\([^()[\]]*\)/g, '$1')
    .replace(/\[([^[\]]+)\]\[[^[\]]*\]/g, '$1')
    .replace(/<(https?:\/\/[^<>\s]+)>/g, '$1')
    .replace(/\*\*(?=\S)([^*]*?\S)\*\*/g, '$1')
    .replace(/__(?=\S)([^_]*?\S)__/g, '$1')
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])/g, '$1$2')
    .replace(/(^|[^\w_])_(?=\S)([^_\n]*?\S)_(?![\w_])/g, '$1$2')
    .replace(/~~(?=\S)([^~]*?\S)~~/g, '$1')
    .replace(/`([^`\n]+)`/g, '$1');
}

/** A heading's text without its optional closing `#`s (which need a blank before them). */
function headingText(rest: string): string {
  const t = rest.trimEnd();
  let end = t.length;
  while (end > 0 && t[end - 1] === '#') end--;
  if (end === t.length) return t;
  if (end === 0) return '';
  return /\s/.test(t[end - 1]!) ? t.slice(0, end).trimEnd() : t;
}

/** A `.md` file: YAML front matter (title, date, url, source; id ignored) and a markdown body. */
export function parseMarkdown(text: string, fileId: string, origin: string): LoadedCorpus {
  const warnings: LoadWarning[] = [];
  const { meta, body, error } = splitFrontMatter(text);
  if (error) warnings.push({ path: origin, reason: error });
  const str = (v: unknown): string | null => (typeof v === 'string' || typeof v === 'number' ? decodeEntities(String(v)) : null);
  return result(
    {
      id: fileId,
      text: decodeEntities(stripMarkdown(body)),
      title: str(meta.title),
      date: meta.date ?? null,
      url: str(meta.url),
      source: str(meta.source),
      origin,
    },
    warnings,
  );
}
