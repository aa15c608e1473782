// The one directory walker of a corpus folder: the loader (load-corpus.ts) reads what it finds,
// the index fingerprint (corpus-files.ts) stats it. Names that are not UTF-8, FIFOs, devices,
// sockets, link loops and dangling links are skipped, each with a warning.
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoadWarning } from '../types.ts';

/** Hidden files and folders and node_modules are never part of a corpus. */
export function isSkippedName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** An fs error's code ('ENOENT'…), or '' for anything else. */
export function errorCode(e: unknown): string {
  return e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : '';
}

export type EntryKind = 'file' | 'folder' | 'link' | 'a named pipe' | 'a device' | 'a socket' | 'an unknown kind of file';

/** What a directory entry or a stat is, as a warning names it. */
export function entryKind(e: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): EntryKind {
  if (e.isFile()) return 'file';
  if (e.isDirectory()) return 'folder';
  if (e.isSymbolicLink()) return 'link';
  if (e.isFIFO()) return 'a named pipe';
  if (e.isCharacterDevice() || e.isBlockDevice()) return 'a device';
  if (e.isSocket()) return 'a socket';
  return 'an unknown kind of file';
}

/** A file name's bytes for display: valid UTF-8 kept, every other byte as `\xNN`. */
export function showNameBytes(bytes: Uint8Array): string {
  const strict = new TextDecoder('utf-8', { fatal: true });
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let piece: string | null = null;
    if (len && i + len <= bytes.length) {
      try {
        piece = strict.decode(bytes.subarray(i, i + len));
      } catch {
        piece = null;
      }
    }
    if (piece === null) {
      out += `\\x${b.toString(16).padStart(2, '0')}`;
      i++;
    } else {
      out += piece;
      i += len;
    }
  }
  return out;
}

/** The names in a folder that are not valid UTF-8: as Node decodes them (with U+FFFD) → as shown. */
async function undecodableNames(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let raw: Buffer[];
  try {
    raw = await readdir(dir, { encoding: 'buffer' });
  } catch {
    return out;
  }
  for (const bytes of raw) {
    const decoded = bytes.toString('utf8');
    if (!Buffer.from(decoded, 'utf8').equals(bytes)) out.set(decoded, showNameBytes(bytes));
  }
  return out;
}

/**
 * The corpus files under a folder, as forward-slash paths relative to it, sorted: regular files
 * whose names `wanted` accepts (links followed, each folder once), hidden names and node_modules
 * skipped. What is skipped for a reason the user should hear goes to `warnings`. A root that
 * cannot be read throws its fs error as is; a sub-folder that cannot be read is a warning.
 */
export async function walkCorpusFolder(root: string, wanted: (name: string) => boolean, warnings: LoadWarning[] = []): Promise<string[]> {
  const files: string[] = [];
  const visited = new Set<string>();
  const visit = async (dir: string, rel: string): Promise<void> => {
    let real: string;
    try {
      real = await realpath(dir);
    } catch {
      real = dir;
    }
    if (visited.has(real)) return; // a symlink loop
    visited.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      if (!rel) throw e;
      warnings.push({ path: rel, reason: 'folder cannot be read, skipped' });
      return;
    }
    let badNames: Map<string, string> | undefined;
    for (const entry of entries) {
      if (isSkippedName(entry.name)) continue;
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const childAbs = join(dir, entry.name);
      let kind = entryKind(entry);
      if (entry.name.includes('\uFFFD')) {
        // a name that is not UTF-8 reaches here with U+FFFD in it: no path built from it opens the file
        badNames ??= await undecodableNames(dir);
        const shown = badNames.get(entry.name);
        if (shown) {
          if (kind === 'folder' || wanted(entry.name)) warnings.push({ path: rel ? `${rel}/${shown}` : shown, reason: `${kind === 'folder' ? 'folder' : 'file'} name is not valid UTF-8, skipped` });
          continue;
        }
      }
      if (kind === 'link') {
        try {
          kind = entryKind(await stat(childAbs));
        } catch (e) {
          if (wanted(entry.name)) warnings.push({ path: childRel, reason: errorCode(e) === 'ELOOP' ? 'symbolic link loop, skipped' : 'symbolic link to nothing, skipped' });
          continue;
        }
      }
      if (kind === 'folder') await visit(childAbs, childRel);
      else if (!wanted(entry.name)) continue;
      else if (kind === 'file') files.push(childRel);
      else warnings.push({ path: childRel, reason: `not a regular file (${kind}), skipped` });
    }
  };
  await visit(root, '');
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

