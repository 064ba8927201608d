// When a failed webhook delivery is tried again: exponential backoff with jitter, for a window
// (24 h by default) after which the delivery is marked failed. Pure, so the schedule is testable.

export type RetryPolicy = {
  /** Delay after the first failure; doubles after each further one. */
  baseMs: number;
  /** Ceiling of the delay. */
  maxMs: number;
  /** How long after the first attempt (or the last "Reenviar") retries go on. */
  windowMs: number;
};

const MINUTE = 60_000;
export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 30_000, maxMs: 60 * MINUTE, windowMs: 24 * 60 * MINUTE };

/**
 * The delay before attempt `attempts + 1`, after `attempts` failed ones: base·2^(attempts−1),
 * capped, then spread by ±20 % (`random` in [0, 1)) so receivers coming back are not hit by every
 * delivery in the same second.
 */
export function retryDelayMs(attempts: number, policy: RetryPolicy, random: number): number {
  const exponential = policy.baseMs * 2 ** Math.max(0, Math.min(attempts - 1, 30));
  const capped = Math.min(exponential, policy.maxMs);
  return Math.round(capped * (0.8 + 0.4 * random));
}

/** The next attempt's time, or null when the retry window is over (the delivery has failed). */
export function nextAttemptAt(attempts: number, retryFrom: Date, now: Date, policy: RetryPolicy, random: number): Date | null {
  const next = new Date(now.getTime() + retryDelayMs(attempts, policy, random));
  return next.getTime() > retryFrom.getTime() + policy.windowMs ? null : next;
}
