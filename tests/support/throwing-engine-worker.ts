// The real engine worker, whose `ask` throws on request: the question `THROW <code>` throws that
// code's error class, `THROW plain` a TypeError, `THROW value` a string (as a bug would).
// A worker entry only: importing it elsewhere would start the engine worker.
import { Engine } from '../../src/engine/engine.ts';
import type { ErrorCode } from '../../src/errors.ts';
import { CODED_SAMPLES } from './coded-errors.ts';

const UNCODED: Record<string, () => unknown> = {
  plain: () => new TypeError('x is not a function'),
  value: () => 'a thrown string',
};
const thrown = (name: string): (() => unknown) | undefined => (Object.hasOwn(CODED_SAMPLES, name) ? CODED_SAMPLES[name as ErrorCode].make : UNCODED[name]);

const ask = Engine.prototype.ask;
Engine.prototype.ask = function (this: Engine, ...args: Parameters<Engine['ask']>) {
  const question = args[0];
  const make = typeof question === 'string' && question.startsWith('THROW ') ? thrown(question.slice(6)) : undefined;
  if (make) throw make();
  return ask.apply(this, args);
};
await import('../../src/engine-host/engine-worker-main.ts');
