import { createHash } from 'node:crypto';

/** Ids up to this long are used as they are where a platform limits a field (Discord choice values: 100). */
export const KEYLESS_MAX = 100;
const KEY_PREFIX = 'key:';

/** A short stable key for an id too long for a platform's field: "key:" and 16 hex of its SHA-256. */
export function articleKey(id: string): string {
  return `${KEY_PREFIX}${createHash('sha256').update(id).digest('hex').slice(0, 16)}`;
}

/** Whether an id is shown by its key rather than itself (too long, or it looks like a key). */
export const needsKey = (id: string) => id.length > KEYLESS_MAX || id.startsWith(KEY_PREFIX);

export const isArticleKey = (value: string) => /^key:[0-9a-f]{16}$/.test(value);
