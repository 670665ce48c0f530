import type { MonitoringField } from "./report";
import { formatDay, progressText, valueText } from "./text";

/*
 * What a Fortschreibung starts from (issue 14): the new draft is the same
 * concept, so measures, goals and every Ist-Wert carry over as they are; this
 * lists what the update has to deal with: measures that ended, and indicators
 * that missed their targets (numeric and not reached, with or without a value),
 * each with its latest value. Pure; the monitoring page, the API and the
 * Sachstandsbericht show it.
 */

export type UpdateStartingPoint = {
  ended: { measureId: string; label: string; title: string; why: string }[];
  missed: {
    measureId: string;
    indicatorId: string;
    label: string;
    measureTitle: string;
    name: string;
    range: string;
    latest: string;
    /** the latest value and its day apart, for a page in another language */
    latestParts: { value: string; day: string } | null;
    progress: string;
  }[];
};

export function updateStartingPoint(fields: readonly MonitoringField[]): UpdateStartingPoint {
  const measures = fields.flatMap((f) => f.measures);
  return {
    ended: measures
      .filter((m) => m.ended)
      .map((m) => ({
        measureId: m.id,
        label: m.label,
        title: m.title,
        why: m.status === "completed" ? `abgeschlossen${m.endDate ? ` (Ende ${formatDay(m.endDate)})` : ""}` : `Ende ${formatDay(m.endDate!)} überschritten`,
      })),
    missed: measures.flatMap((m) =>
      m.indicators
        .filter((x) => x.missed)
        .map((x) => {
          const latest = x.progress.latest;
          return {
            measureId: m.id,
            indicatorId: x.id,
            label: m.label,
            measureTitle: m.title,
            name: x.name,
            range: `${x.baseline} → ${x.target}${x.unit ? ` ${x.unit}` : ""}`,
            latest: latest ? `${valueText(latest, x.unit)} am ${formatDay(latest.observedOn)}` : "kein Ist-Wert",
            latestParts: latest ? { value: valueText(latest, x.unit), day: formatDay(latest.observedOn) } : null,
            progress: progressText(x.progress),
          };
        }),
    ),
  };
}
