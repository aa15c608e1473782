import { join } from 'node:path';
import sqlite3 from 'sqlite3';

/** Every key in a SQLite store (DATA_DIR/state.sqlite) as `namespace:key`, read back from the file itself. */
export function storeKeys(dataDir: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(join(dataDir, 'state.sqlite'), sqlite3.OPEN_READONLY, (err) => {
      if (err) return reject(err);
      db.all<{ key: string }>('SELECT key FROM keyv', (err2, rows) => {
        db.close();
        // keyv makes its table on the first write: no table, no keys
        if (err2 && /no such table/.test(err2.message)) resolve([]);
        else if (err2) reject(err2);
        else resolve(rows.map((r) => r.key.replace(/^briefing:/, '')).sort());
      });
    });
  });
}

/** The namespaces present among `keys`. */
export const namespacesOf = (keys: readonly string[]) => [...new Set(keys.map((k) => k.split(':')[0]!))].sort();
