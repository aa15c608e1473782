import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import sqlite3 from 'sqlite3';
import type { ClaimResult, ClaimStore, SlotOutcome } from './claim-store.ts';

interface Row {
  owner: string;
  token: number;
  expires_at: number;
  outcome: SlotOutcome | null;
}

/**
 * Slot claims in a SQLite file (its own connection, not keyv's): a first claim is an
 * `INSERT OR IGNORE`; taking over an expired claim and recording are `UPDATE`s conditioned on
 * the token, so two processes on one file never both hold a slot.
 */
export class SqliteClaimStore implements ClaimStore {
  readonly kind = 'sqlite' as const;

  private constructor(private readonly db: sqlite3.Database) {}

  static async open(file: string): Promise<SqliteClaimStore> {
    mkdirSync(dirname(file), { recursive: true });
    const db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const d = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(d)));
    });
    const store = new SqliteClaimStore(db);
    db.configure('busyTimeout', 5000);
    await store.run('PRAGMA journal_mode = WAL');
    await store.run('PRAGMA synchronous = NORMAL');
    await store.run(
      `CREATE TABLE IF NOT EXISTS digest_claims (
         slot_id TEXT PRIMARY KEY,
         owner TEXT NOT NULL,
         token INTEGER NOT NULL,
         expires_at INTEGER NOT NULL,
         outcome TEXT,
         recorded_at INTEGER
       )`,
    );
    return store;
  }

  private run(sql: string, params: unknown[] = []): Promise<number> {
    return new Promise((resolve, reject) => {
      this.db.run(sql, params, function (this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(err);
        else resolve(this.changes);
      });
    });
  }

  private get(sql: string, params: unknown[] = []): Promise<Row | undefined> {
    return new Promise((resolve, reject) => {
      this.db.get(sql, params, (err: Error | null, row: Row | undefined) => (err ? reject(err) : resolve(row)));
    });
  }

  async claim(slotId: string, owner: string, leaseMs: number, nowMs: number): Promise<ClaimResult> {
    const inserted = await this.run('INSERT OR IGNORE INTO digest_claims (slot_id, owner, token, expires_at) VALUES (?, ?, 1, ?)', [
      slotId,
      owner,
      nowMs + leaseMs,
    ]);
    if (inserted === 1) return { status: 'acquired', token: 1, takeover: false };
    const row = await this.get('SELECT owner, token, expires_at, outcome FROM digest_claims WHERE slot_id = ?', [slotId]);
    if (!row) return { status: 'held' };
    if (row.outcome) return { status: 'done', outcome: row.outcome };
    if (row.expires_at > nowMs) return { status: 'held' };
    const taken = await this.run(
      'UPDATE digest_claims SET owner = ?, token = token + 1, expires_at = ? WHERE slot_id = ? AND token = ? AND outcome IS NULL AND expires_at <= ?',
      [owner, nowMs + leaseMs, slotId, row.token, nowMs],
    );
    return taken === 1 ? { status: 'acquired', token: row.token + 1, takeover: true } : { status: 'held' };
  }

  async record(slotId: string, token: number, outcome: SlotOutcome, nowMs: number): Promise<boolean> {
    const changed = await this.run('UPDATE digest_claims SET outcome = ?, recorded_at = ? WHERE slot_id = ? AND token = ? AND outcome IS NULL', [
      outcome,
      nowMs,
      slotId,
      token,
    ]);
    return changed === 1;
  }

  async renew(slotId: string, token: number, leaseMs: number, nowMs: number): Promise<boolean> {
    const changed = await this.run('UPDATE digest_claims SET expires_at = ? WHERE slot_id = ? AND token = ? AND outcome IS NULL', [
      nowMs + leaseMs,
      slotId,
      token,
    ]);
    return changed === 1;
  }

  async release(slotId: string, token: number): Promise<void> {
    await this.run('UPDATE digest_claims SET expires_at = 0 WHERE slot_id = ? AND token = ? AND outcome IS NULL', [slotId, token]);
  }

  async outcome(slotId: string): Promise<SlotOutcome | undefined> {
    const row = await this.get('SELECT owner, token, expires_at, outcome FROM digest_claims WHERE slot_id = ?', [slotId]);
    return row?.outcome ?? undefined;
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.db.close((err) => (err ? reject(err) : resolve())));
  }
}
