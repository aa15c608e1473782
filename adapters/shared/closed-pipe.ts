/**
 * Calls `onClosed` once when the reader of `output` goes away (`… | head`: EPIPE), and swallows the
 * errors of later writes to the closed stream, so the process ends quietly as Unix tools do; any
 * other write error is thrown as before. Attach it for the life of the stream: the error of the
 * last write arrives after the write returned.
 */
export function onClosedPipe(output: NodeJS.WritableStream, onClosed: () => void): void {
  let closed = false;
  const listener = (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || (closed && err.code === 'ERR_STREAM_DESTROYED')) {
      if (!closed) {
        closed = true;
        onClosed();
      }
      return;
    }
    throw err;
  };
  output.on('error', listener);
}
