/**
 * When to look for an update next and when one may be installed. Two hundred
 * workstations start at 9:00 together: each check is spread by a random share
 * so they do not all ask the server in the same second, and a server that is
 * down is asked again sooner, then less and less often.
 */

const minute = 60_000;

/** The wait before the next check: the interval ±10 % after a good one; after failures 5, 10, 20 … minutes (±50 %), never past the interval. */
export function nextCheckDelay(
  failuresInARow: number,
  intervalMs: number,
  random: () => number = Math.random,
): number {
  if (failuresInARow <= 0) return Math.round(intervalMs * (0.9 + 0.2 * random()));
  const backoff = Math.min(5 * minute * 2 ** (failuresInARow - 1), intervalMs);
  return Math.round(backoff * (0.5 + random()));
}

/** The first check after start: within a minute, so it does not compete with opening the base. */
export function firstCheckDelay(random: () => number = Math.random): number {
  return Math.round(10_000 + 50_000 * random());
}

const minutesOf = (clock: string) => {
  const [h = 0, m = 0] = clock.split(':').map(Number);
  return h * 60 + m;
};

/** Whether local time `at` is inside IT's window; a window past midnight (20:00–08:00) wraps. */
export function insideWindow(at: Date, window: { from: string; to: string } | undefined): boolean {
  if (window === undefined) return true;
  const now = at.getHours() * 60 + at.getMinutes();
  const from = minutesOf(window.from);
  const to = minutesOf(window.to);
  if (from === to) return true;
  return from < to ? now >= from && now < to : now >= from || now < to;
}
