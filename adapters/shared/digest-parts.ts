/** One message of a digest as read back from a channel: its part number and how many parts the digest has. */
export interface FoundPart {
  part: number;
  parts: number;
}

/**
 * A digest can take several messages; each carries the slot marker with its part number. After a
 * crash between sending and recording, the read-back (`findSlotMarker`) tells the slot delivered
 * only when every part is in the channel; when only some are, it remembers them so that the
 * `send` that follows posts only the missing parts (nothing lost, nothing doubled).
 */
export class DigestResume {
  private readonly found = new Map<string, Set<number>>();

  /** Records what a read-back found; true when the whole digest is in the channel. */
  seen(slotId: string, parts: FoundPart[]): boolean {
    this.found.delete(slotId);
    if (parts.length === 0) return false;
    const total = Math.max(...parts.map((p) => p.parts));
    const have = new Set(parts.map((p) => p.part));
    if (have.size >= total) return true;
    this.found.set(slotId, have);
    return false;
  }

  /** The part numbers (from 1) already in the channel for this slot, from the last read-back; forgotten once taken. */
  take(slotId: string): Set<number> {
    const have = this.found.get(slotId) ?? new Set<number>();
    this.found.delete(slotId);
    return have;
  }
}

/** A part number read from a marker, defaulting to a single-part digest. */
export function partOf(part: unknown, parts: unknown): FoundPart {
  const n = Number(parts);
  const i = Number(part);
  const total = Number.isInteger(n) && n >= 1 ? n : 1;
  return { part: Number.isInteger(i) && i >= 1 && i <= total ? i : 1, parts: total };
}
