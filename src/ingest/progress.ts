// Progress of a long ingest on stderr: a bar redrawn in place on a terminal, plain lines
// (every 10 % or 10 s) when stderr is a pipe or a log file.

export interface Progress {
  /** `done` items of the total so far. */
  update(done: number): void;
  finish(): void;
}

export interface ProgressOptions {
  stream?: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Minimum time between plain lines; default 10 s. */
  lineEveryMs?: number;
  now?: () => number;
}

export function createProgress(label: string, total: number, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const tty = stream.isTTY === true;
  const started = now();
  let lastLine = started;
  let lastDecile = 0;
  let lastDraw = 0;
  let finished = false;
  const pct = (done: number) => (total ? Math.min(100, Math.floor((100 * done) / total)) : 100);
  const line = (done: number) => `${label}: ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${pct(done)}%), ${((now() - started) / 1000).toFixed(1)} s`;
  const draw = (done: number) => {
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 50));
    const filled = Math.round((width * pct(done)) / 100);
    stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${pct(done)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')}`);
  };
  return {
    update(done) {
      if (finished) return;
      const t = now();
      if (tty) {
        if (t - lastDraw >= 100) {
          lastDraw = t;
          draw(done);
        }
        return;
      }
      const decile = Math.floor(pct(done) / 10);
      if (decile > lastDecile || t - lastLine >= (options.lineEveryMs ?? 10_000)) {
        lastDecile = decile;
        lastLine = t;
        stream.write(`${line(done)}\n`);
      }
    },
    finish() {
      if (finished) return;
      finished = true;
      if (tty) {
        draw(total);
        stream.write('\n');
      } else if (lastDecile < 10) stream.write(`${line(total)}\n`);
    },
  };
}
