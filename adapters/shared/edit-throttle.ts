/**
 * Streams a reply by editing one message at a bounded rate: `push` keeps only the newest
 * value, at most one send per `intervalMs` (the first at once), one send in flight at a time;
 * `close` drops what is pending and waits for the send in flight, so the caller's final edit
 * comes last. A failed send is reported to `onError` and does not stop later ones.
 */
export class EditThrottle<T> {
  private pending: T | undefined;
  private lastSent = -Infinity;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> = Promise.resolve();
  private closed = false;
  /** How many sends were started. */
  sent = 0;

  constructor(
    private readonly send: (value: T) => Promise<void>,
    private readonly onError: (err: unknown) => void,
    private readonly intervalMs = 1000,
  ) {}

  push(value: T): void {
    if (this.closed) return;
    this.pending = value;
    if (this.timer) return;
    const wait = Math.max(0, this.lastSent + this.intervalMs - Date.now());
    this.timer = setTimeout(() => this.fire(), wait);
  }

  private fire(): void {
    this.timer = undefined;
    const value = this.pending;
    this.pending = undefined;
    if (this.closed || value === undefined) return;
    this.sent++;
    this.inFlight = this.inFlight
      .then(() => {
        this.lastSent = Date.now();
        return this.send(value);
      })
      .catch(this.onError);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
    await this.inFlight;
  }
}
