import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import sqlite3 from 'sqlite3';
import { describeCause } from '../errors.ts';
import type { Logger } from '../logger.ts';

export interface SqliteFileOptions {
  /** Statements run once the connection opens (tables); with the WAL pragmas before them. */
  setup?: string[];
  /** How long a statement waits for another connection's lock before failing (default 5 s). */
  busyTimeoutMs?: number;
  log?: Logger;
}

/**
 * A promise-shaped SQLite connection of its own, for the atomic primitives keyv does not offer.
 * When the file cannot be opened or set up (locked by another process, damaged), the failure is
 * logged once and every statement rejects until a later attempt succeeds: each statement first
 * retries the set-up, so the connection comes back by itself.
 */
export class SqliteFile {
  private db: sqlite3.Database | undefined;
  private opening: Promise<sqlite3.Database> | undefined;

  private constructor(
    private readonly file: string,
    private readonly options: SqliteFileOptions,
  ) {}

  /** Opens (creating folders) with WAL and a busy timeout, so several processes can share the file. Never rejects for a locked or damaged file. */
  static async open(file: string, options: SqliteFileOptions = {}): Promise<SqliteFile> {
    mkdirSync(dirname(file), { recursive: true });
    const conn = new SqliteFile(file, options);
    try {
      await conn.connection();
    } catch (err) {
      options.log?.warn({ file, err: describeCause(err) }, 'sqlite: the file cannot be used now (locked by another process, or damaged); retried on each use');
    }
    return conn;
  }

  private connection(): Promise<sqlite3.Database> {
    if (this.db) return Promise.resolve(this.db);
    this.opening ??= this.connect().then(
      (db) => {
        this.db = db;
        this.opening = undefined;
        return db;
      },
      (err: unknown) => {
        this.opening = undefined;
        throw err;
      },
    );
    return this.opening;
  }

  private async connect(): Promise<sqlite3.Database> {
    const db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const d = new sqlite3.Database(this.file, (err) => (err ? reject(err) : resolve(d)));
    });
    db.configure('busyTimeout', this.options.busyTimeoutMs ?? 5000);
    try {
      for (const sql of ['PRAGMA journal_mode = WAL', 'PRAGMA synchronous = NORMAL', ...(this.options.setup ?? [])]) await runOn(db, sql, []);
      return db;
    } catch (err) {
      await new Promise<void>((resolve) => db.close(() => resolve()));
      throw err;
    }
  }

  /** Runs a statement; resolves with the number of rows it changed. */
  async run(sql: string, params: unknown[] = []): Promise<number> {
    return runOn(await this.connection(), sql, params);
  }

  async get<Row>(sql: string, params: unknown[] = []): Promise<Row | undefined> {
    const db = await this.connection();
    return new Promise((resolve, reject) => {
      db.get(sql, params, (err: Error | null, row: Row | undefined) => (err ? reject(err) : resolve(row)));
    });
  }

  /** Closes the connection if one is open; a file that never opened has nothing to close. */
  async close(): Promise<void> {
    const db = this.db ?? (await this.opening?.catch(() => undefined));
    this.db = undefined;
    if (!db) return;
    await new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
  }
}

function runOn(db: sqlite3.Database, sql: string, params: unknown[]): Promise<number> {
  return new Promise((resolve, reject) => {
    db.run(sql, params, function (this: sqlite3.RunResult, err: Error | null) {
      if (err) reject(err);
      else resolve(this.changes);
    });
  });
}
