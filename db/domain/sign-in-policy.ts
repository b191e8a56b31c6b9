/*
 * How many failed sign-ins are allowed, from where, and for how long (OWASP ASVS 5.0 §6.3 / the
 * Authentication cheat sheet's "account lockout" advice). Pure: the database counts, this decides.
 *
 * - Per account *and* address: 5 failures in 15 minutes, and from the 3rd failure on a pause that
 *   doubles (30 s, 1 min, 2 min …) before the next try. A guesser at one address is slowed at once.
 * - Per address, over all accounts: 20 failures in 15 minutes (one address spraying many names).
 * - Per account, over all addresses: 50 failures in an hour, against guessing spread over many
 *   addresses — but not for an address this account signed in from successfully in the last 30
 *   days, so an attacker elsewhere cannot lock a maintainer out of their own address.
 */

export const SIGN_IN_POLICY = {
  pair: { limit: 5, windowMinutes: 15, backoffFrom: 3, backoffSeconds: 30 },
  address: { limit: 20, windowMinutes: 15 },
  account: { limit: 50, windowMinutes: 60 },
  knownAddressDays: 30,
} as const;

/** Failures counted for one attempt; `*Oldest`/`pairLast` are epoch milliseconds (null: none). */
export type FailureCounts = {
  pair: number;
  pairOldest: number | null;
  pairLast: number | null;
  address: number;
  addressOldest: number | null;
  account: number;
  accountOldest: number | null;
  /** This account signed in successfully from this address lately: exempt from the account ceiling. */
  knownAddress: boolean;
};

export type SignInVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const minutes = (m: number) => m * 60_000;

/** Whether one more attempt may be evaluated now, and if not, when the earliest limit frees up. */
export function judgeAttempt(c: FailureCounts, now: number): SignInVerdict {
  const P = SIGN_IN_POLICY;
  const waits: number[] = [];
  if (c.pair >= P.pair.limit && c.pairOldest !== null)
    waits.push(c.pairOldest + minutes(P.pair.windowMinutes) - now);
  else if (c.pair >= P.pair.backoffFrom && c.pairLast !== null) {
    const pause = P.pair.backoffSeconds * 1000 * 2 ** (c.pair - P.pair.backoffFrom);
    waits.push(c.pairLast + pause - now);
  }
  if (c.address >= P.address.limit && c.addressOldest !== null)
    waits.push(c.addressOldest + minutes(P.address.windowMinutes) - now);
  if (!c.knownAddress && c.account >= P.account.limit && c.accountOldest !== null)
    waits.push(c.accountOldest + minutes(P.account.windowMinutes) - now);
  const wait = Math.max(0, ...waits);
  return wait > 0
    ? { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) }
    : { allowed: true };
}

/** "Too many sign-in attempts; try again in 3 minutes." (at least one minute, rounded up) */
export function tooManyMessage(retryAfterSeconds: number): string {
  const m = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many sign-in attempts; try again in ${m} minute${m === 1 ? "" : "s"}.`;
}
