/*
 * The numbers of indicators as offices write them: "1.200", "45 %", "12,5",
 * "ca. 40", "-3". One reader for the Konzept-Check (is a baseline a number?),
 * the progress (lib/monitoring/progress.ts) and the Ist-Werte form.
 */

const QUALIFIER = /^(ca\.|rd\.|etwa|mind\.|mindestens|über|unter|[<>≥≤~])\s*/i;
const NUMBER = /^([-+]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?\s*%?$/;

/** The number in an indicator's text, or null when it is not one (German notation: "1.200" is 1200, "1.5" is no number). */
export function readIndicatorNumber(text: string): number | null {
  const match = NUMBER.exec(text.trim().replace(QUALIFIER, ""));
  if (!match) return null;
  const value = Number(`${match[1] === "-" ? "-" : ""}${match[2]!.replace(/\./g, "")}.${match[3] ?? "0"}`);
  if (!Number.isFinite(value)) return null;
  return value === 0 ? 0 : value;
}

/** A number in German notation with at most `digits` decimals: 1250 → "1.250", 12.5 → "12,5". */
export function formatIndicatorNumber(value: number, digits = 2): string {
  return value.toLocaleString("de-DE", { maximumFractionDigits: digits });
}
