/*
 * The indicators of a field of action at a glance, derived from its measures
 * (nothing is stored twice): one row per indicator, named by the measure's code
 * or number. Free of the database for the page, the PDF and tests.
 */
import type { IndicatorDraft as Indicator } from "@/lib/measures/indicator-ids";
import { measureLabel, measureNumber } from "./label";

export type IndicatorRow = Indicator & { measureId: string; measureLabel: string; measureTitle: string };

/** `measures` in the field's order (their automatic numbers count from it). */
export function indicatorOverview(measures: readonly { id: string; code?: string | null; title: string; indicators: readonly Indicator[] }[], fieldNumber: string): IndicatorRow[] {
  return measures.flatMap((m, i) => {
    const label = measureLabel(m.code, measureNumber(fieldNumber, i));
    return m.indicators.filter((ind) => ind.name.trim()).map((ind) => ({ ...ind, measureId: m.id, measureLabel: label, measureTitle: m.title }));
  });
}
