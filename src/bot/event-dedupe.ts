// A platform event (Slack's event_id) answered once: a quick look in this process, then the shared once store decides.
import { describeCause } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { OnceStore } from '../store/once-store.ts';
import type { Surface } from './help.ts';

/** How long an event id is remembered: Slack retries within minutes. */
export const EVENT_TTL_MS = 60 * 60 * 1000;
/** Past this many remembered ids, expired ones are swept from memory. */
const MEMORY_SWEEP_AT = 5000;

/** Event ids seen by this process, backed by the once store that replicas share. */
export class EventDedupe {
  private readonly recent = new Map<string, number>();

  constructor(
    private readonly once: OnceStore,
    private readonly log: Logger,
  ) {}

  /** True for the first delivery of `eventId` on `surface`; a store failure falls back to this process's memory. */
  async first(surface: Surface, eventId: string): Promise<boolean> {
    const key = `${surface}-event:${eventId}`;
    const now = Date.now();
    if (this.recent.size > MEMORY_SWEEP_AT) for (const [id, at] of this.recent) if (now - at > EVENT_TTL_MS) this.recent.delete(id);
    if (this.recent.has(key)) return false;
    this.recent.set(key, now);
    try {
      return await this.once.first(key, EVENT_TTL_MS);
    } catch (err) {
      this.log.warn({ err: describeCause(err), surface, eventId }, 'event dedupe store unavailable; relying on memory');
      return true;
    }
  }
}
