/**
 * Bounded retries with exponential back-off and jitter, for platform calls the SDKs do not retry
 * themselves (Slack response_url posts) or retry without waiting (discord.js REST on 5xx).
 * Only transient failures are retried: HTTP 5xx and network errors. Never a 4xx.
 * The waits come from the shared back-off (src/backoff.ts says why p-retry is not used).
 */
import { backoffDelay, type BackoffPolicy } from '../../src/backoff.ts';

export interface RetryPolicy extends BackoffPolicy {
  /** Retries after the first attempt (so at most `retries + 1` attempts). */
  retries: number;
}

/**
 * A person is waiting for the answer: a few quick retries (≈0.2 s, 0.4 s, 0.8 s, plus jitter),
 * then give up, instead of the SDK defaults (Slack's WebClient retries for ~30 minutes).
 */
export const PLATFORM_RETRY: RetryPolicy = { retries: 3, factor: 2, minTimeout: 200, maxTimeout: 2000 };

const NETWORK_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNREFUSED', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

/** The HTTP status an error carries (Bolt's RespondError.statusCode, discord.js' status), if any. */
export function errorStatus(err: unknown): number | null {
  if (!err || typeof err !== 'object') return null;
  const e = err as { statusCode?: unknown; status?: unknown };
  if (typeof e.statusCode === 'number') return e.statusCode;
  if (typeof e.status === 'number') return e.status;
  return null;
}

/** A connection-level failure (reset, refused, timed out, or fetch's "fetch failed"), here or in its cause. */
export function isNetworkError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message, name } = e as { code?: unknown; message?: unknown; name?: unknown };
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
    if (name === 'TypeError' && message === 'fetch failed') return true;
  }
  return false;
}

/** Worth another attempt: a 5xx, or a network error. A 4xx (or anything else) is not. */
export function isTransient(err: unknown): boolean {
  const status = errorStatus(err);
  if (status !== null) return status >= 500 && status < 600;
  return isNetworkError(err);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` until it succeeds, fails with a non-transient error, or the policy's retries are
 * spent (then the last error is thrown). `onRetry` hears of each retry before its wait.
 */
export async function withRetry<T>(
  work: (attempt: number) => Promise<T>,
  options: { policy?: RetryPolicy; retryOn?: (err: unknown) => boolean; onRetry?: (err: unknown, attempt: number, delayMs: number) => void } = {},
): Promise<T> {
  const policy = options.policy ?? PLATFORM_RETRY;
  const retryOn = options.retryOn ?? isTransient;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (err) {
      if (attempt > policy.retries || !retryOn(err)) throw err;
      const delay = backoffDelay(policy, attempt);
      options.onRetry?.(err, attempt, delay);
      await sleep(delay);
    }
  }
}

/** What discord.js' REST `makeRequest` strategies return (the part used here). */
interface ResponseLike {
  status: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * Wraps an HTTP strategy (discord.js REST's `makeRequest`) so a 5xx answer or a network error is
 * tried again after a back-off; the last 5xx answer is returned as it is (the caller turns it into
 * its own error). An aborted request (the caller's timeout) is not retried here.
 */
export function withBackoff<I extends { signal?: unknown }, R extends ResponseLike>(
  request: (url: string, init: I) => Promise<R>,
  options: { policy?: RetryPolicy; onRetry?: (what: string, attempt: number, delayMs: number) => void } = {},
): (url: string, init: I) => Promise<R> {
  const policy = options.policy ?? PLATFORM_RETRY;
  const aborted = (init: I) => Boolean((init.signal as { aborted?: boolean } | null | undefined)?.aborted);
  return async (url, init) => {
    for (let attempt = 1; ; attempt++) {
      const last = attempt > policy.retries;
      let res: R;
      try {
        res = await request(url, init);
      } catch (err) {
        if (last || aborted(init) || !isNetworkError(err)) throw err;
        const delay = backoffDelay(policy, attempt);
        options.onRetry?.(String((err as { code?: unknown }).code ?? (err as Error).message), attempt, delay);
        await sleep(delay);
        continue;
      }
      if (last || res.status < 500 || res.status >= 600 || aborted(init)) return res;
      await res.arrayBuffer().catch(() => undefined); // free the connection
      const delay = backoffDelay(policy, attempt);
      options.onRetry?.(`HTTP ${res.status}`, attempt, delay);
      await sleep(delay);
    }
  };
}
