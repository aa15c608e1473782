// The real engine worker, plus a way to crash it: a call of `ask` with the question CRASH throws
// an uncaught error in the thread before the engine sees the call (as a bug in the engine would).
// A worker entry only: importing it elsewhere would start the engine worker.
import { parentPort } from 'node:worker_threads';
import type { ToWorker } from '../../src/engine-host/worker-protocol.ts';

const CRASH_QUESTION = 'CRASH';

parentPort?.on('message', (message: ToWorker) => {
  if (message.type === 'call' && message.method === 'ask' && message.args[0] === CRASH_QUESTION) throw new Error('simulated engine crash');
});
await import('../../src/engine-host/engine-worker-main.ts');
