import { formatIndicatorNumber } from "./number";
import type { Progress } from "./progress";
import type { MonitoringIndicator } from "./report";

/* The monitoring's words, one place for the page and the Sachstandsbericht. */

const day = (iso: string) => iso.split("-").reverse().join(".");
export const formatDay = day;

/** An Ist-Wert as shown: "1.250 Personen", "gestiegen". */
export function valueText(value: { number: number | null; text: string }, unit: string): string {
  if (value.number === null) return value.text;
  return `${formatIndicatorNumber(value.number)}${unit.trim() ? ` ${unit.trim()}` : ""}`;
}

/** The progress as a short phrase: "63 % des Wegs zum Ziel", "Ziel erreicht", "noch kein Wert". */
export function progressText(p: Progress): string {
  if (p.kind === "status") {
    if (p.state === "no_value") return p.reason === "target_is_baseline" ? "noch kein Wert (Ziel: Wert halten)" : "noch kein Wert";
    return p.reason === "target_is_baseline" ? "erfasst (Ziel: Wert halten)" : "erfasst (ohne Zahlen kein Fortschritt in Prozent)";
  }
  if (p.state === "no_value") return "noch kein Wert";
  if (p.state === "reached") return "Ziel erreicht (100 %)";
  return `${p.percent} % des Wegs zum Ziel${p.state === "no_progress" ? " (nicht über den Basiswert hinaus)" : ""}`;
}

/** One sentence for a chart's text summary and the report. */
export function indicatorSummary(x: MonitoringIndicator): string {
  const unit = x.unit.trim();
  const range = x.progress.kind === "numeric" ? ` Basiswert ${x.baseline}, Zielwert ${x.target}${x.progress.direction === "decrease" ? " (Ziel: senken)" : ""}.` : "";
  if (x.values.length === 0) return `${x.name}: noch kein Ist-Wert erfasst.${range}`;
  const latest = x.values[x.values.length - 1]!;
  const first = x.values[0]!;
  const span = x.values.length > 1 ? `${x.values.length} Ist-Werte von ${day(first.observedOn)} bis ${day(latest.observedOn)}, zuletzt` : "Ein Ist-Wert:";
  return `${x.name}: ${span} ${valueText(latest, unit)} am ${day(latest.observedOn)}.${range} Stand: ${progressText(x.progress)}.`;
}
