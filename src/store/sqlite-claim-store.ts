import { SqliteFile, type SqliteFileOptions } from './sqlite-file.ts';
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

  private constructor(private readonly db: SqliteFile) {}

  /** A locked or damaged file does not stop the opening: every claim then rejects (never "taken") until the file can be used. */
  static async open(file: string, options: Omit<SqliteFileOptions, 'setup'> = {}): Promise<SqliteClaimStore> {
    const setup = `CREATE TABLE IF NOT EXISTS digest_claims (
         slot_id TEXT PRIMARY KEY,
         owner TEXT NOT NULL,
         token INTEGER NOT NULL,
         expires_at INTEGER NOT NULL,
         outcome TEXT,
         recorded_at INTEGER
       )`;
    return new SqliteClaimStore(await SqliteFile.open(file, { ...options, setup: [setup] }));
  }

  private run(sql: string, params: unknown[] = []): Promise<number> {
    return this.db.run(sql, params);
  }

  private get(sql: string, params: unknown[] = []): Promise<Row | undefined> {
    return this.db.get<Row>(sql, params);
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
    return this.db.close();
  }
}
