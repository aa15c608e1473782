import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineWorker } from '../../src/engine-host/engine-worker.ts';
import { ConfigError, ERROR_CODES, InternalError, StoreUnavailableError, type CodedError, type ErrorCode } from '../../src/errors.ts';
import { CODED_SAMPLES } from '../support/coded-errors.ts';
import { SEEDS_DIR } from '../support/seed-engine.ts';
import { silentLog } from '../support/test-log.ts';

/** The real engine worker whose `ask` throws the error named in `THROW <code>` (tests/support/throwing-engine-worker.ts). */
const THROWING_ENTRY = new URL('../support/throwing-engine-worker.ts', import.meta.url);

describe('every coded error thrown in the engine worker arrives as the same class, code and message', () => {
  let worker: EngineWorker;
  beforeAll(async () => {
    worker = await EngineWorker.start({ corpusDir: SEEDS_DIR, log: silentLog, watch: false, entry: THROWING_ENTRY });
  });
  afterAll(async () => {
    await worker?.stop();
  });

  it.each(ERROR_CODES)('%s', async (code) => {
    const error = await worker.engine.ask(`THROW ${code}`).catch((err: unknown) => err);
    const { cls, message } = CODED_SAMPLES[code];
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
