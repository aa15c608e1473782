/**
 * The one exponential back-off of the house: platform retries (adapters/shared/retry.ts), the feed
 * poller after a failed poll, and the engine worker's restarts all wait `minTimeout × factor^(n-1)`,
 * capped at `maxTimeout`. p-retry 4.6.2 (the version in the tree, through @slack/web-api) is not used:
 * it rejects with the most frequent error instead of the last, gives up on Node's `TypeError('fetch
 * failed')`, hides its waits from the caller's log, and fits neither the poller (failures counted
 * across cron ticks) nor the worker restart (calls waiting meanwhile fail at each failed attempt).
 */

export interface BackoffPolicy {
  /** Wait before the first retry, in ms; multiplied by `factor` each retry. */
  minTimeout: number;
  /** Longest wait, in ms. */
  maxTimeout: number;
  factor: number;
}

/** The wait before retry `n` (1-based): exponential and capped, no jitter (a poller's or a restart's own schedule). */
export function exponentialDelay(policy: BackoffPolicy, n: number): number {
  return Math.min(policy.maxTimeout, policy.minTimeout * policy.factor ** (n - 1));
}

/** The wait before retry `n` (1-based) with "full jitter" between half and all of it, so many clients do not retry in step. */
export function backoffDelay(policy: BackoffPolicy, n: number, random: () => number = Math.random): number {
  const ceiling = exponentialDelay(policy, n);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
