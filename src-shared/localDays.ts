/**
 * The sheet's days are the operator's local days; the base keeps UTC ISO
 * times. These turn one into the other with the process's time zone (the
 * worker's is the workstation's).
 */

export function dayStart(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

export function addDays(day: string, days: number): string {
  const start = dayStart(day);
  start.setDate(start.getDate() + days);
  return localDay(start);
}

export function localDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The Monday of the week a day is in (weeks start on Monday in Ukraine). */
export function weekStartOf(day: string): string {
  const weekday = (dayStart(day).getDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** The first day of the month a day is in. */
export function monthStartOf(day: string): string {
  return `${day.slice(0, 8)}01`;
}

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** [from 00:00, the day after `to` 00:00) as UTC ISO strings, the way times are stored. */
export function isoSpan(from: string, to: string): [string, string] {
  return [dayStart(from).toISOString(), dayStart(addDays(to, 1)).toISOString()];
}

/** Minutes since local midnight of 'HH:MM'. */
export function clockMinutes(text: string): number {
  const [h, m] = text.split(':').map(Number) as [number, number];
  return h * 60 + m;
}
