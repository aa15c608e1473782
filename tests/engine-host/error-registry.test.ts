import { describe, expect, it } from 'vitest';
import { CODED_SAMPLES } from '../support/coded-errors.ts';
import {
  ConfigError,
  ERROR_CODES,
  EngineUnavailableError,
  fromWire,
  InternalError,
  StoreUnavailableError,
  toWire,
  type ErrorCode,
} from '../../src/errors.ts';

/** What a wire error looks like after a structured clone (what postMessage does). */
const cross = (err: unknown) => fromWire(structuredClone(toWire(err)));

describe('the error registry: toWire then fromWire', () => {
  it.each(ERROR_CODES)('rebuilds a %s error as the same class, code, name and message', (code) => {
    const { make, cls } = CODED_SAMPLES[code];
    const error = make();
    const back = cross(error);
    expect(back).toBeInstanceOf(cls);
    expect(back.code).toBe(code);
    expect(back.name).toBe(error.name);
    expect(back.message).toBe(error.message);
    expect(back.stack).toBe(error.stack);
  });

  it('keeps the fields a class is built from: the variable of a ConfigError, the operation and cause of a StoreUnavailableError', () => {
    const config = cross(new ConfigError('FEEDS', 'not a URL'));
    expect(config).toBeInstanceOf(ConfigError);
    expect((config as ConfigError).variable).toBe('FEEDS');
    const store = cross(new StoreUnavailableError('write', Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })));
    expect((store as StoreUnavailableError).operation).toBe('write');
    expect(store.message).toBe('store unavailable (write): SQLITE_BUSY: database is locked');
  });

  it('an uncoded error or a thrown value arrives as an internal error with its message', () => {
    const plain = cross(new TypeError('x is not a function'));
    expect(plain).toBeInstanceOf(InternalError);
    expect(plain.code).toBe('internal');
    expect(plain.message).toBe('x is not a function');
    const value = cross('a thrown string');
    expect(value).toBeInstanceOf(InternalError);
    expect(value.message).toBe('a thrown string');
  });

  it('an EngineUnavailableError is an internal error, and a wire error with an unknown code is rebuilt as one', () => {
    expect(cross(new EngineUnavailableError('the engine is stopping'))).toBeInstanceOf(InternalError);
    const unknown = fromWire({ code: 'teapot' as ErrorCode, name: 'TeapotError', message: 'short and stout' });
    expect(unknown).toBeInstanceOf(InternalError);
    expect(unknown.message).toBe('short and stout');
  });
});
