/**
 * Resolves in the check phase of the event loop, after the poll phase has read what other
 * requests brought in: engine work (synchronous) started after this lets their acks go out first.
 */
const afterPendingIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs one piece of work in its turn (see engineTurns). */
export type InTurn = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * Engine work one command at a time, each turn starting after pending I/O: under a burst, the
 * event loop reads (and acknowledges) new requests between any two commands' synchronous work,
 * instead of after all of them. A turn that waits on I/O (a slow users.info, a slow store) lets
 * the next one start after `maxTurnMs`.
 */
export function engineTurns(maxTurnMs = 250): InTurn {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>) => {
    const started = last.then(afterPendingIo);
    const result = started.then(work);
    last = started.then(() => Promise.race([result.catch(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, maxTurnMs).unref())]));
    return result;
  };
}
