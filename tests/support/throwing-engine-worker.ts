// The real engine worker, whose `ask` throws on request: the question `THROW <code>` throws that
// code's error class, `THROW plain` a TypeError, `THROW value` a string (as a bug would).
// A worker entry only: importing it elsewhere would start the engine worker.
import { Engine } from '../../src/engine/engine.ts';
import { ConfigError, CorpusUnreadableError, ForbiddenError, InternalError, NotFoundError, RateLimitedError, StoreUnavailableError, UsageError } from '../../src/errors.ts';

const THROWN: Record<string, () => unknown> = {
  usage: () => new UsageError('say what to brief'),
  not_found: () => new NotFoundError('no article 42'),
  corpus_unreadable: () => new CorpusUnreadableError('Corpus path cannot be read: /nowhere'),
  internal: () => new InternalError('index in a bad state'),
  config: () => new ConfigError('FEEDS', 'not a URL'),
  rate_limited: () => new RateLimitedError('slow down'),
  forbidden: () => new ForbiddenError('not in this channel'),
  store_unavailable: () => new StoreUnavailableError('write', Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })),
  plain: () => new TypeError('x is not a function'),
  value: () => 'a thrown string',
};

const ask = Engine.prototype.ask;
Engine.prototype.ask = function (this: Engine, ...args: Parameters<Engine['ask']>) {
  const question = args[0];
  const make = typeof question === 'string' && question.startsWith('THROW ') ? THROWN[question.slice(6)] : undefined;
  if (make) throw make();
  return ask.apply(this, args);
};
await import('../../src/engine-host/engine-worker-main.ts');
