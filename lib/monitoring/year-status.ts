import type { YearStatus } from "@/db/schema";

/*
 * The implementation status of a measure in one year (Umsetzungsstand), as the
 * annual report to the council states it. Not the measure's own status
 * (geplant, laufend, abgeschlossen, verstetigt): that says where a measure is in
 * its life now and is part of the concept's content, which is frozen once
 * adopted. The yearly status answers another question – did what was planned
 * for that year happen? – and is written after adoption, year by year, the way
 * Sachstandsberichte rate measures (umgesetzt / teilweise / nicht umgesetzt, a
 * traffic light).
 */

export const YEAR_STATUSES = ["implemented", "partial", "not_implemented"] as const satisfies readonly YearStatus[];

export const YEAR_STATUS_LABELS: Record<YearStatus, string> = {
  implemented: "umgesetzt",
  partial: "teilweise umgesetzt",
  not_implemented: "nicht umgesetzt",
};

export const MIN_YEAR = 2000;
export const MAX_NOTE = 1000;

/**
 * The years a status can be given for: from the measure's start (else the
 * concept's validity, else the current year) up to its end, the validity's end
 * and the current year, whichever is first; at most 15, the latest ones.
 */
export function reportYears(
  measure: { startDate: string | null; endDate: string | null },
  validity: { from: string | null; until: string | null },
  currentYear: number,
): number[] {
  const year = (d: string | null) => (d ? Number(d.slice(0, 4)) : null);
  const first = year(measure.startDate) ?? year(validity.from) ?? currentYear;
  const last = Math.min(...[year(measure.endDate), year(validity.until), currentYear].filter((y): y is number => y !== null));
  const out: number[] = [];
  for (let y = Math.max(first, last - 14, MIN_YEAR); y <= last; y++) out.push(y);
  return out;
}
