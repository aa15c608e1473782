import { createHash } from 'node:crypto';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';

/** Extensions the corpus loader reads (see load-corpus.ts). */
export const CORPUS_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm', '.json', '.jsonl', '.xml', '.rss', '.atom']);

export interface CorpusFile {
  /** Path relative to the corpus root, forward slashes; the file's own name for a single-file corpus. */
  rel: string;
  size: number;
  mtimeMs: number;
}

/** Whether a path relative to the corpus root names a corpus file (no hidden parts, a known extension). */
export function isCorpusPath(rel: string): boolean {
  const parts = rel.split(/[\\/]/).filter(Boolean);
  if (!parts.length || parts.some((p) => p.startsWith('.') || p === 'node_modules' || p === '..')) return false;
  return CORPUS_EXTENSIONS.has(extname(rel).toLowerCase());
}

/** The corpus files under a folder (same rules as the loader: hidden and node_modules skipped), or the one file. */
export async function listCorpusFiles(root: string): Promise<CorpusFile[]> {
  const st = await stat(root);
  if (st.isFile()) return [{ rel: basename(root), size: st.size, mtimeMs: st.mtimeMs }];
  const out: CorpusFile[] = [];
  const visited = new Set<string>();
  const visit = async (dir: string, rel: string): Promise<void> => {
    let real = dir;
    try {
      real = await realpath(dir);
    } catch {
      // keep the path as given
    }
    if (visited.has(real)) return;
    visited.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const abs = join(dir, entry.name);
      let s;
      try {
        s = await stat(abs);
      } catch {
        continue;
      }
      if (s.isDirectory()) await visit(abs, childRel);
      else if (s.isFile() && CORPUS_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push({ rel: childRel, size: s.size, mtimeMs: s.mtimeMs });
    }
  };
  await visit(root, '');
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/** A hash of the corpus's file paths, sizes and modification times. */
export function fingerprintOf(files: readonly CorpusFile[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(`${f.rel}\0${f.size}\0${Math.round(f.mtimeMs)}\n`);
  return h.digest('hex');
}

export async function corpusFingerprint(root: string): Promise<string> {
  return fingerprintOf(await listCorpusFiles(root));
}
