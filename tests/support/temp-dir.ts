import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary folder and its removal. */
export function makeTempDir(prefix = 'briefing-test-', parent = tmpdir()): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(parent, prefix));
  // retries: a process that has just been killed may still be closing files inside
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }) };
}
