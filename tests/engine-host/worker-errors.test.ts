import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineWorker } from '../../src/engine-host/engine-worker.ts';
import {
  ConfigError,
  CorpusUnreadableError,
  ForbiddenError,
  InternalError,
  NotFoundError,
  RateLimitedError,
  StoreUnavailableError,
  UsageError,
  type CodedError,
  type ErrorCode,
} from '../../src/errors.ts';
import { SEEDS_DIR } from '../support/seed-engine.ts';
import { silentLog } from '../support/test-log.ts';

/** The real engine worker whose `ask` throws the error named in `THROW <code>` (tests/support/throwing-engine-worker.ts). */
const THROWING_ENTRY = new URL('../support/throwing-engine-worker.ts', import.meta.url);

/** What each code's error, thrown in the worker, must be on this side. */
const EXPECTED: { readonly [C in ErrorCode]: { cls: abstract new (...args: never[]) => CodedError; message: string } } = {
  usage: { cls: UsageError, message: 'say what to brief' },
  not_found: { cls: NotFoundError, message: 'no article 42' },
  corpus_unreadable: { cls: CorpusUnreadableError, message: 'Corpus path cannot be read: /nowhere' },
  internal: { cls: InternalError, message: 'index in a bad state' },
  config: { cls: ConfigError, message: 'FEEDS: not a URL' },
  rate_limited: { cls: RateLimitedError, message: 'slow down' },
  forbidden: { cls: ForbiddenError, message: 'not in this channel' },
  store_unavailable: { cls: StoreUnavailableError, message: 'store unavailable (write): SQLITE_BUSY: database is locked' },
};

describe('every coded error thrown in the engine worker arrives as the same class, code and message', () => {
  let worker: EngineWorker;
  beforeAll(async () => {
    worker = await EngineWorker.start({ corpusDir: SEEDS_DIR, log: silentLog, watch: false, entry: THROWING_ENTRY });
  });
  afterAll(async () => {
    await worker?.stop();
  });

  it.each(Object.keys(EXPECTED) as ErrorCode[])('%s', async (code) => {
    const error = await worker.engine.ask(`THROW ${code}`).catch((err: unknown) => err);
    const { cls, message } = EXPECTED[code];
    expect(error).toBeInstanceOf(cls);
    expect((error as CodedError).code).toBe(code);
    expect((error as CodedError).message).toBe(message);
    // the stack is the worker's, where the error was thrown
    expect((error as Error).stack).toContain('throwing-engine-worker');
  });

  it('keeps the fields a class is built from (ConfigError.variable, StoreUnavailableError.operation)', async () => {
    expect(((await worker.engine.ask('THROW config').catch((err: unknown) => err)) as ConfigError).variable).toBe('FEEDS');
    expect(((await worker.engine.ask('THROW store_unavailable').catch((err: unknown) => err)) as StoreUnavailableError).operation).toBe('write');
  });

  it('an uncoded error or a thrown value arrives as an internal error with its message; the worker goes on answering', async () => {
    const plain = await worker.engine.ask('THROW plain').catch((err: unknown) => err);
    expect(plain).toBeInstanceOf(InternalError);
    expect((plain as InternalError).message).toBe('x is not a function');
    const value = await worker.engine.ask('THROW value').catch((err: unknown) => err);
    expect(value).toBeInstanceOf(InternalError);
    expect((value as InternalError).message).toBe('a thrown string');
    expect((await worker.engine.ask('Who captured the palace in Aleppo?')).answer.answer).toContain('Syrian rebels');
  });
});
