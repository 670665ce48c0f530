/**
 * Which months of a calendar year a period covers. Yearly amounts are spread
 * over the months a measure (or a funding line) runs: a measure from
 * 01.03.2026 counts 10/12 of its yearly amount in 2026. A month counts as soon
 * as the period covers one day of it.
 */

/** "YYYY-MM-DD" → month index since year 0 (year × 12 + month − 1). */
export function monthIndex(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  return y * 12 + (m - 1);
}

export type MonthRange = { from: number; to: number } | null;

/** The months [from, to] both inclusive; null bounds are open. Intersects with the other ranges given. */
export function monthRange(start: string | null, end: string | null): { from: number; to: number } {
  return {
    from: start ? monthIndex(start) : Number.NEGATIVE_INFINITY,
    to: end ? monthIndex(end) : Number.POSITIVE_INFINITY,
  };
}

export function intersect(a: { from: number; to: number }, b: { from: number; to: number }): MonthRange {
  const from = Math.max(a.from, b.from);
  const to = Math.min(a.to, b.to);
  return from <= to ? { from, to } : null;
}

/** Months of `year` covered by the range (0–12). */
export function monthsInYear(range: MonthRange, year: number): number {
  if (!range) return 0;
  const r = intersect(range, { from: year * 12, to: year * 12 + 11 });
  return r ? r.to - r.from + 1 : 0;
}

/** A yearly amount for `months` months, rounded half up to the cent. */
export function share(yearlyCents: number, months: number): number {
  if (months >= 12) return yearlyCents;
  return Math.floor((yearlyCents * months + 6) / 12);
}

/** The year of the day after an ISO date: the first year a line ending then no longer pays in full. */
export function yearAfter(iso: string): number {
  const y = Number(iso.slice(0, 4));
  return iso.slice(5) === "12-31" ? y + 1 : y;
}
