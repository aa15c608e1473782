import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import sqlite3 from 'sqlite3';

/** A promise-shaped SQLite connection of its own, for the atomic primitives keyv does not offer. */
export class SqliteFile {
  private constructor(readonly db: sqlite3.Database) {}

  /** Opens (creating folders) with WAL and a busy timeout, so several processes can share the file. */
  static async open(file: string): Promise<SqliteFile> {
    mkdirSync(dirname(file), { recursive: true });
    const db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const d = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(d)));
    });
    db.configure('busyTimeout', 5000);
    const conn = new SqliteFile(db);
    await conn.run('PRAGMA journal_mode = WAL');
    await conn.run('PRAGMA synchronous = NORMAL');
    return conn;
  }

  /** Runs a statement; resolves with the number of rows it changed. */
  run(sql: string, params: unknown[] = []): Promise<number> {
    return new Promise((resolve, reject) => {
      this.db.run(sql, params, function (this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(err);
        else resolve(this.changes);
      });
    });
  }

  get<Row>(sql: string, params: unknown[] = []): Promise<Row | undefined> {
    return new Promise((resolve, reject) => {
      this.db.get(sql, params, (err: Error | null, row: Row | undefined) => (err ? reject(err) : resolve(row)));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.db.close((err) => (err ? reject(err) : resolve())));
  }
}
