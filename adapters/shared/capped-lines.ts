// Lines of standard input (console bot, CLI `ask -`) read with a length cap while reading: a
// line past the cap is not buffered but counted and dropped up to its end, then reported, so a
// 150 MB line costs at most the cap plus one chunk instead of three times its size.
import type { Interface } from 'node:readline';
import { MAX_QUESTION_CHARS } from '../../src/bot/command.ts';
import type { Failure } from '../../src/errors.ts';

/** Longest line kept, in bytes: far above any command or question (questions stop at MAX_QUESTION_CHARS). */
export const MAX_LINE_BYTES = 64 * 1024;

export type CappedLine = { ok: true; line: string } | { ok: false; error: Failure; bytes: number };

export interface CappedLineOptions {
  maxBytes?: number;
  /** Reading stops (the lines read so far are given) when this aborts. */
  signal?: AbortSignal;
  /** Told the bytes held for the current line after each chunk (for tests of the bound). */
  onHeld?: (bytes: number) => void;
}

/** The usage error for a line over the cap. */
export function lineTooLong(bytes: number, maxBytes = MAX_LINE_BYTES): Failure {
  const mb = bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
  return { code: 'usage', message: `That line is ${mb} long (the limit is ${Math.round(maxBytes / 1024)} KB) and was not read; keep a question under ${MAX_QUESTION_CHARS} characters.` };
}

/** Lines of a byte (or string) stream, split at `\n` (a `\r` before it dropped); an over-long line is an error item. */
export async function* readCappedLines(input: AsyncIterable<Buffer | string>, options: CappedLineOptions = {}): AsyncGenerator<CappedLine> {
  const max = options.maxBytes ?? MAX_LINE_BYTES;
  let parts: Buffer[] = [];
  let held = 0;
  let dropped = -1; // bytes of an over-long line so far; -1 while the line is kept
  const finish = (): CappedLine => {
    const item: CappedLine =
      dropped >= 0 ? { ok: false, error: lineTooLong(dropped, max), bytes: dropped } : { ok: true, line: Buffer.concat(parts, held).toString('utf8').replace(/\r$/, '') };
    parts = [];
    held = 0;
    dropped = -1;
    return item;
  };
  /** `copy`: the piece outlives its chunk, so it is copied (a view would keep the whole chunk alive). */
  const take = (piece: Buffer, copy: boolean) => {
    if (dropped >= 0) dropped += piece.length;
    else if (held + piece.length > max) {
      dropped = held + piece.length;
      parts = [];
      held = 0;
    } else {
      parts.push(copy ? Buffer.from(piece) : piece);
      held += piece.length;
    }
  };
  const iterator = input[Symbol.asyncIterator]();
  // Stopping destroys the stream (stdin): its iterator's return would wait behind the pending read,
  // and racing each read against one long-lived promise would keep every chunk reachable
  let stopped = false;
  const stop = () => {
    stopped = true;
    const stream = input as { destroy?: () => void };
    if (typeof stream.destroy === 'function') stream.destroy();
  };
  if (options.signal?.aborted) stop();
  else options.signal?.addEventListener('abort', stop, { once: true });
  try {
    while (!stopped) {
      let next: IteratorResult<Buffer | string>;
      try {
        next = await iterator.next();
      } catch (err) {
        if (stopped) break; // the destroyed stream's premature close
        throw err;
      }
      if (next.done || stopped) break;
      const chunk = typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : next.value;
      let from = 0;
      for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, from)) {
        take(chunk.subarray(from, nl), false);
        from = nl + 1;
        yield finish();
        if (stopped) return;
      }
      if (from < chunk.length) take(chunk.subarray(from), true);
      options.onHeld?.(held);
    }
    if (!stopped && (held > 0 || dropped >= 0)) yield finish();
  } finally {
    options.signal?.removeEventListener('abort', stop);
    if (!stopped) void Promise.resolve(iterator.return?.()).catch(() => undefined);
  }
}

/** readline's lines as capped items (a terminal, where readline gives line editing): the cap is checked after the line. */
export async function* readlineLines(rl: Interface, maxBytes = MAX_LINE_BYTES): AsyncGenerator<CappedLine> {
  for await (const line of rl) {
    const bytes = Buffer.byteLength(line, 'utf8');
    yield bytes > maxBytes ? { ok: false, error: lineTooLong(bytes, maxBytes), bytes } : { ok: true, line };
  }
}
