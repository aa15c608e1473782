/** How a slot ended: posted, given up as missed (the bot was down too long), or skipped (paused channel). */
export type SlotOutcome = 'delivered' | 'missed' | 'skipped';

export type ClaimResult =
  /** This caller holds the slot until the lease ends; `token` fences its record. `takeover`: an earlier holder's lease ran out without a record, so the slot may already be posted. */
  | { status: 'acquired'; token: number; takeover: boolean }
  /** Another holder's lease is still running. */
  | { status: 'held' }
  /** The slot already has its record. */
  | { status: 'done'; outcome: SlotOutcome };

/**
 * An atomic claim on a slot, with a lease and a fencing token: the store's own primitive
 * (SQLite `INSERT OR IGNORE` + conditional `UPDATE`, Redis `SET NX PX`), since keyv has no
 * set-if-absent. `nowMs` is the caller's clock (SQLite uses it for leases; Redis uses its own).
 */
export interface ClaimStore {
  readonly kind: 'sqlite' | 'redis' | 'memory';
  claim(slotId: string, owner: string, leaseMs: number, nowMs: number): Promise<ClaimResult>;
  /** Records the outcome; false when the token no longer holds the slot (fenced out) or it is already recorded. */
  record(slotId: string, token: number, outcome: SlotOutcome, nowMs: number): Promise<boolean>;
  /** Extends the lease of a held claim; false when fenced out. */
  renew(slotId: string, token: number, leaseMs: number, nowMs: number): Promise<boolean>;
  /** Gives the claim up without a record, so another replica can take over at once. */
  release(slotId: string, token: number): Promise<void>;
  /** The recorded outcome, if any. */
  outcome(slotId: string): Promise<SlotOutcome | undefined>;
  close(): Promise<void>;
}
