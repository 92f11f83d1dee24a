import { isExpired } from './message';

/**
 * When a company's stored unread counter alone is its exact unread count: before the profile's
 * `unreadCountExactUntil`, no message it counts has expired, so nothing needs subtracting and the
 * unread index need not be read.
 *
 * The bound is set by a reader that did read the index, as the earliest expiry among the counted
 * messages, capped so that it stays true without any writer having to lower it:
 * - a publication expires at least MIN_VALIDITY_MS after it is published (validity ≥ 1 day), and
 *   one the index did not show yet was published at most INDEX_LAG_MS before the read, so it
 *   expires after `read − INDEX_LAG_MS + MIN_VALIDITY_MS`: the cap;
 * - a message marked unread may expire at any time: marking removes the bound, and no bound is set
 *   while a mark is younger than INDEX_LAG_MS (the index may not show it yet) or changed since the
 *   reader read the profile (the write's condition);
 * - reads, expiries and deletions only take messages out of the count, which keeps the bound true.
 */

/** The shortest validity a publication can have (`validityDays` ≥ 1 in the delivery and admin APIs). */
export const MIN_VALIDITY_MS = 86_400_000;
/**
 * How long the unread index (a global secondary index, eventually consistent) may take to show a
 * write: far beyond what DynamoDB takes in practice (well under a second), to be safe. It shortens
 * the bound to 23 hours at most.
 */
export const INDEX_LAG_MS = 3_600_000;

export interface UnreadCountState {
  unreadCountExactUntil?: string;
  unreadMarkedAt?: string;
}

/** True while the stored counter alone is exact: no need to look for expired messages it counts. */
export function counterAloneIsExact(state: UnreadCountState, now: Date): boolean {
  return state.unreadCountExactUntil !== undefined && !isExpired(state.unreadCountExactUntil, now);
}

/**
 * The bound a reader may store once it read the index (`readAt`: no later than that read) and
 * took every expired message it found out of the count: the earliest expiry of the counted
 * messages still valid (`nextExpiry`, undefined when none), capped as above; undefined when no
 * bound may be set (a recent mark).
 */
export function exactUntil(state: UnreadCountState, readAt: Date, nextExpiry: string | undefined): string | undefined {
  if (state.unreadMarkedAt !== undefined && readAt.getTime() - Date.parse(state.unreadMarkedAt) < INDEX_LAG_MS) return undefined;
  const cap = readAt.getTime() - INDEX_LAG_MS + MIN_VALIDITY_MS;
  return new Date(nextExpiry === undefined ? cap : Math.min(cap, Date.parse(nextExpiry))).toISOString();
}
