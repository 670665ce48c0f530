import type { Field, Indicator, Measure, MeasureStatus, YearStatus } from "@/db/schema";
import { fieldsChapterNumber } from "@/lib/funding/input";
import { measureLabel, measureNumber } from "@/lib/measures/label";
import { indicatorProgress, isNumericIndicator, missedTarget, type ObservedValue, type Progress } from "./progress";
import { updateStartingPoint, type UpdateStartingPoint } from "./update";
import { reportYears, YEAR_STATUSES } from "./year-status";

/*
 * The monitoring of a concept (Controlling der eigenen Maßnahmen): per field of
 * action, each measure with its yearly implementation status, each indicator
 * with its Ist-Werte and its progress. Pure: built from rows the caller read;
 * the page, the Sachstandsbericht, the API and the Fortschreibung use it.
 */

export type MonitoringValue = ObservedValue & { id: string; source: string; note: string; by: string | null; at: string };
export type MonitoringIndicator = Pick<Indicator, "id" | "name" | "kind" | "unit" | "baseline" | "target" | "dataSource" | "cadence"> & {
  /** baseline and target are numbers that differ: the values must be numbers too */
  numeric: boolean;
  values: MonitoringValue[];
  progress: Progress;
  missed: boolean;
};
export type MonitoringYear = { year: number; status: YearStatus; note: string; by: string | null; at: string };
export type MonitoringMeasure = {
  id: string;
  label: string;
  title: string;
  status: MeasureStatus;
  startDate: string | null;
  endDate: string | null;
  /** its end date is past (or it is completed): the Fortschreibung lists it */
  ended: boolean;
  /** the years a status may be given for (lib/monitoring/year-status.ts) */
  years: number[];
  yearStatuses: MonitoringYear[];
  indicators: MonitoringIndicator[];
};
/** `custom`: a field the municipality named itself (its title is shown as written, not translated). */
export type MonitoringField = { id: string; key: string; title: string; custom?: boolean; number: string; measures: MonitoringMeasure[] };
export type MonitoringSummary = {
  measures: number;
  /** the status of each measure in `year` (the last year with any status, else the current one) */
  year: number;
  /** of the measures that run in `year` (or have a status for it) */
  byStatus: Record<YearStatus | "none", number>;
  /** measures that do not run in `year` (ended before, or start after): no status is expected of them */
  notRunning: number;
  indicators: number;
  withValues: number;
  numeric: number;
  reached: number;
  /** numeric and not at target: `behind` (a value short of it) plus `unmeasured` (no value yet) */
  missed: number;
  behind: number;
  unmeasured: number;
};
export type MonitoringReport = {
  today: string;
  fields: MonitoringField[];
  summary: MonitoringSummary;
  /** what a Fortschreibung starts from: ended measures, indicators that missed their target */
  update: UpdateStartingPoint;
};

type Rows = {
  templateVersion: number;
  settings: Record<string, unknown>;
  fields: (Pick<Field, "id" | "key" | "title" | "position"> & { custom?: boolean })[];
  measures: Pick<Measure, "id" | "fieldId" | "position" | "code" | "title" | "status" | "startDate" | "endDate" | "indicators">[];
  values: { id: string; measureId: string; indicatorId: string; observedOn: string; valueNumber: string | null; valueText: string; source: string; note: string; createdAt: Date; createdByName: string | null }[];
  yearStatuses: { measureId: string; year: number; status: YearStatus; note: string; updatedAt: Date; updatedByName: string | null }[];
  /** "YYYY-MM-DD" in Germany */
  today: string;
};

const str = (v: unknown) => (typeof v === "string" && v ? v : null);
const cmp = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);

/** Build the report. `onlyField` limits it to one field of action (the page's per-field view). */
export function buildMonitoring(rows: Rows, onlyField?: string): MonitoringReport {
  const chapter = fieldsChapterNumber(rows.templateVersion);
  const validity = { from: str(rows.settings.validFrom), until: str(rows.settings.validUntil) };
  const currentYear = Number(rows.today.slice(0, 4));
  const valuesOf = new Map<string, MonitoringValue[]>();
  for (const v of rows.values) {
    const key = `${v.measureId}/${v.indicatorId}`;
    const list = valuesOf.get(key) ?? [];
    list.push({
      id: v.id,
      observedOn: v.observedOn,
      number: v.valueNumber === null ? null : Number(v.valueNumber),
      text: v.valueText,
      source: v.source,
      note: v.note,
      by: v.createdByName,
      at: v.createdAt.toISOString(),
    });
    valuesOf.set(key, list);
  }
  const yearsOf = new Map<string, MonitoringYear[]>();
  for (const y of rows.yearStatuses) {
    const list = yearsOf.get(y.measureId) ?? [];
    list.push({ year: y.year, status: y.status, note: y.note, by: y.updatedByName, at: y.updatedAt.toISOString() });
    yearsOf.set(y.measureId, list);
  }

  const fields = [...rows.fields]
    .sort((a, b) => cmp(a.position, b.position) || cmp(a.key, b.key))
    .map((f, fi): MonitoringField => {
      const number = `${chapter}.${fi + 1}`;
      const measures = rows.measures
        .filter((m) => m.fieldId === f.id)
        .sort((a, b) => cmp(a.position, b.position) || cmp(a.title, b.title))
        .map((m, mi): MonitoringMeasure => ({
          id: m.id,
          label: measureLabel(m.code, measureNumber(number, mi)),
          title: m.title,
          status: m.status,
          startDate: m.startDate,
          endDate: m.endDate,
          ended: m.status === "completed" || (!!m.endDate && m.endDate < rows.today),
          years: reportYears(m, validity, currentYear),
          yearStatuses: (yearsOf.get(m.id) ?? []).sort((a, b) => a.year - b.year),
          indicators: m.indicators.map((x) => {
            const values = (valuesOf.get(`${m.id}/${x.id}`) ?? []).sort((a, b) => cmp(a.observedOn, b.observedOn));
            const progress = indicatorProgress(x, values);
            return {
              id: x.id,
              name: x.name,
              kind: x.kind,
              unit: x.unit,
              baseline: x.baseline,
              target: x.target,
              dataSource: x.dataSource,
              cadence: x.cadence,
              numeric: isNumericIndicator(x),
              values,
              progress,
              missed: missedTarget(progress),
            };
          }),
        }));
      return { id: f.id, key: f.key, title: f.title, custom: f.custom, number, measures };
    });
  const shown = onlyField ? fields.filter((f) => f.key === onlyField) : fields;
  return { today: rows.today, fields: shown, summary: summarise(shown, currentYear), update: updateStartingPoint(shown) };
}

export function summarise(fields: readonly MonitoringField[], currentYear: number): MonitoringSummary {
  const measures = fields.flatMap((f) => f.measures);
  const indicators = measures.flatMap((m) => m.indicators);
  const year = Math.max(0, ...measures.flatMap((m) => m.yearStatuses.map((y) => y.year))) || currentYear;
  const byStatus = { none: 0, ...Object.fromEntries(YEAR_STATUSES.map((s) => [s, 0])) } as Record<YearStatus | "none", number>;
  let notRunning = 0;
  for (const m of measures) {
    const status = m.yearStatuses.find((y) => y.year === year)?.status;
    if (!status && !m.years.includes(year)) notRunning++;
    else byStatus[status ?? "none"]++;
  }
  return {
    measures: measures.length,
    year,
    byStatus,
    notRunning,
    indicators: indicators.length,
    withValues: indicators.filter((x) => x.values.length > 0).length,
    numeric: indicators.filter((x) => x.progress.kind === "numeric").length,
    reached: indicators.filter((x) => x.progress.state === "reached").length,
    missed: indicators.filter((x) => x.missed).length,
    behind: indicators.filter((x) => x.missed && x.progress.state !== "no_value").length,
    unmeasured: indicators.filter((x) => x.missed && x.progress.state === "no_value").length,
  };
}
