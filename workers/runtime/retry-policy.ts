/**
 * How a transient fault is retried: retries count down from `retries` (the task's first failure
 * starts the count), and the wait before the next delivery doubles from `firstTimeoutMs` up to
 * `maxTimeoutMs`. The last failure leaves 0 retries, which opens an incident.
 */
export interface RetryPolicy {
  retries: number;
  firstTimeoutMs: number;
  maxTimeoutMs: number;
}

/** SMTP and other network faults: 5 tries, 5 s doubling to at most 60 s. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 5, firstTimeoutMs: 5_000, maxTimeoutMs: 60_000 };

/**
 * The retries to report and the timeout to ask for after a failure, given the task's current
 * retries (`null` before its first failure, as Camunda sends it).
 */
export function nextRetry(
  current: number | null,
  policy: RetryPolicy,
): { retries: number; retryTimeout: number } {
  const left = Math.max(0, (current ?? policy.retries) - 1);
  const failuresSoFar = policy.retries - left; // 1 after the first failure
  const retryTimeout = Math.min(policy.maxTimeoutMs, policy.firstTimeoutMs * 2 ** (failuresSoFar - 1));
  return { retries: left, retryTimeout: left === 0 ? 0 : retryTimeout };
}
