// One error of each code, as a thrower would make it, with the class and message it must keep.
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

export interface CodedSample {
  make(): CodedError;
  cls: abstract new (...args: never[]) => CodedError;
  message: string;
}

export const CODED_SAMPLES: { readonly [C in ErrorCode]: CodedSample } = {
  usage: { make: () => new UsageError('say what to brief'), cls: UsageError, message: 'say what to brief' },
  not_found: { make: () => new NotFoundError('no article 42'), cls: NotFoundError, message: 'no article 42' },
  corpus_unreadable: { make: () => new CorpusUnreadableError('Corpus path cannot be read: /nowhere'), cls: CorpusUnreadableError, message: 'Corpus path cannot be read: /nowhere' },
  internal: { make: () => new InternalError('index in a bad state'), cls: InternalError, message: 'index in a bad state' },
  config: { make: () => new ConfigError('FEEDS', 'not a URL'), cls: ConfigError, message: 'FEEDS: not a URL' },
  rate_limited: { make: () => new RateLimitedError('slow down'), cls: RateLimitedError, message: 'slow down' },
  forbidden: { make: () => new ForbiddenError('not in this channel'), cls: ForbiddenError, message: 'not in this channel' },
  store_unavailable: {
    make: () => new StoreUnavailableError('write', Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })),
    cls: StoreUnavailableError,
    message: 'store unavailable (write): SQLITE_BUSY: database is locked',
  },
};
