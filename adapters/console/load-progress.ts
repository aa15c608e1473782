import type { IndexProgress } from '../../src/load-engine.ts';
import { PLAIN_STYLE, type Style } from './console-style.ts';

export interface LoadProgress {
  /** "Loading the corpus…" until the article count is known (a persisted index needs no more). */
  start(): void;
  onProgress: IndexProgress;
  /** Clears the line: the greeting comes next. */
  finish(): void;
}

export interface LoadProgressOptions {
  style?: Style;
  /** Least time between redraws; default 100 ms. */
  redrawMs?: number;
  now?: () => number;
}

const CLEAR_LINE = '\r\x1b[2K';

/**
 * The console's loading line, "Indexing 2,225 articles… 1,200", redrawn in place on a terminal.
 * Not a terminal: nothing, so piped output holds only the conversation.
 */
export function createLoadProgress(stream: NodeJS.WritableStream & { isTTY?: boolean }, options: LoadProgressOptions = {}): LoadProgress {
  const style = options.style ?? PLAIN_STYLE;
  const now = options.now ?? Date.now;
  const redrawMs = options.redrawMs ?? 100;
  let shown = false;
  let lastDraw = -Infinity;
  const draw = (text: string) => {
    shown = true;
    stream.write(`${CLEAR_LINE}${style.dim(text)}`);
  };
  if (stream.isTTY !== true) return { start() {}, onProgress() {}, finish() {} };
  return {
    start: () => draw('Loading the corpus…'),
    onProgress(done, total) {
      const t = now();
      if (done !== 0 && done !== total && t - lastDraw < redrawMs) return;
      lastDraw = t;
      draw(`Indexing ${total.toLocaleString('en')} article${total === 1 ? '' : 's'}… ${done.toLocaleString('en')}`);
    },
    finish() {
      if (shown) stream.write(CLEAR_LINE);
      shown = false;
    },
  };
}
