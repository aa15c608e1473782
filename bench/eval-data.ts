// Readers of the evaluation data in ../shared/eval (see that folder's README.md).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: the parent of this file's folder. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The eval folder: `EVAL_DIR` when set, else `../shared/eval` next to the project root. */
export function evalDirPath(): string {
  const fromEnv = process.env['EVAL_DIR'];
  return fromEnv ? path.resolve(fromEnv) : path.resolve(PROJECT_ROOT, '..', 'shared', 'eval');
}

/** Whether the eval folder exists (a folder, not a file). */
export function evalDirExists(dir: string): boolean {
  return existsSync(dir) && statSync(dir).isDirectory();
}

/** Parses a JSONL file into objects; blank lines skipped, a bad line names its number. */
export function readJsonl(file: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw new Error(`${file}:${i + 1}: not JSON (${(err as Error).message})`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new Error(`${file}:${i + 1}: not a JSON object`);
    }
    out.push(value as Record<string, unknown>);
  });
  return out;
}

function str(row: Record<string, unknown>, key: string, where: string): string {
  const v = row[key];
  if (typeof v !== 'string') throw new Error(`${where}: field "${key}" is not a string`);
  return v;
}

function strOrNull(row: Record<string, unknown>, key: string, where: string): string | null {
  const v = row[key];
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') throw new Error(`${where}: field "${key}" is not a string or null`);
  return v;
}

function strArrayOrNull(row: Record<string, unknown>, key: string, where: string): string[] | null {
  const v = row[key];
  if (v === null || v === undefined) return null;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
    throw new Error(`${where}: field "${key}" is not a string array or null`);
  }
  return v as string[];
}

/** A summarization row: CNN/DM, XSum (no title) or BBC News Summary (title, reference_sentences). */
export interface SummarizationRow {
  id: string;
  title: string | null;
  text: string;
  reference: string;
  /** BBC only: the reference split into verbatim pieces of the article; null elsewhere or when unsplit. */
  referenceSentences: string[] | null;
  category: string | null;
}

export function loadSummarization(file: string): SummarizationRow[] {
  return readJsonl(file).map((row, i) => {
    const where = `${file}:${i + 1}`;
    return {
      id: str(row, 'id', where),
      title: strOrNull(row, 'title', where),
      text: str(row, 'text', where),
      reference: str(row, 'reference', where),
      referenceSentences: strArrayOrNull(row, 'reference_sentences', where),
      category: strOrNull(row, 'category', where),
    };
  });
}

export interface QaRow {
  id: string;
  title: string;
  paragraphIndex: number;
  context: string;
  question: string;
  answers: string[];
}

export function loadQa(file: string): QaRow[] {
  return readJsonl(file).map((row, i) => {
    const where = `${file}:${i + 1}`;
    const paragraphIndex = row['paragraph_index'];
    if (typeof paragraphIndex !== 'number') throw new Error(`${where}: field "paragraph_index" is not a number`);
    const answers = strArrayOrNull(row, 'answers', where);
    if (!answers || answers.length === 0) throw new Error(`${where}: no answers`);
    return {
      id: str(row, 'id', where),
      title: str(row, 'title', where),
      paragraphIndex,
      context: str(row, 'context', where),
      question: str(row, 'question', where),
      answers,
    };
  });
}

export interface ClusteringRow {
  id: string;
  title: string;
  /** Title + blank line + body, as given. */
  text: string;
  label: string;
  /** Shared by the members of one group of exact duplicates; null for the others. */
  exactDupGroup: string | null;
}

export function loadClustering(file: string): ClusteringRow[] {
  return readJsonl(file).map((row, i) => {
    const where = `${file}:${i + 1}`;
    return {
      id: str(row, 'id', where),
      title: str(row, 'title', where),
      text: str(row, 'text', where),
      label: str(row, 'label', where),
      exactDupGroup: strOrNull(row, 'exact_dup_group', where),
    };
  });
}

/** The files of the eval folder, by role. */
export function evalFiles(dir: string) {
  return {
    cnndm: path.join(dir, 'cnndm-test-frank', 'summarization.jsonl'),
    xsum: path.join(dir, 'xsum-test-frank', 'summarization.jsonl'),
    bbcSummaries: path.join(dir, 'bbc-news-summary', 'summarization.jsonl'),
    bbcClustering: path.join(dir, 'bbc-news-summary', 'clustering.jsonl'),
    squad: path.join(dir, 'squad-v1.1-dev', 'qa.jsonl'),
  };
}

/** Rows (non-blank lines) of a JSONL file, or null when it cannot be read. */
export function countRows(file: string): number | null {
  try {
    return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).length;
  } catch {
    return null;
  }
}
