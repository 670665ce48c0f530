/**
 * Full-time equivalents (VZÄ) as whole hundredths, so sums are exact: the
 * database stores numeric(6,2), the backup a number with at most two decimals.
 * 1.5 → 150, "0.75" → 75. Never summed as floating point.
 */
export function fteToHundredths(value: string | number | null | undefined): number {
  if (value === null || value === undefined || value === "") return 0;
  const text = typeof value === "number" ? value.toFixed(2) : value.trim();
  const m = /^(\d+)(?:\.(\d{1,2})\d*)?$/.exec(text);
  if (!m) throw new Error(`Ungültige VZÄ-Angabe: ${String(value)}`);
  const whole = Number(m[1]);
  const frac = Number(((m[2] ?? "") + "00").slice(0, 2));
  return whole * 100 + frac;
}

/** Hundredths as a decimal string with a point and no trailing zeros: 3350 → "33.5", 300 → "3". */
export function hundredthsToDecimal(h: number): string {
  const sign = h < 0 ? "-" : "";
  const abs = Math.abs(h);
  const whole = Math.floor(abs / 100);
  const frac = String(abs % 100).padStart(2, "0").replace(/0+$/, "");
  return sign + (frac ? `${whole}.${frac}` : String(whole));
}

/** Hundredths in German notation: 3350 → "33,5". */
export function formatFteHundredths(h: number): string {
  return hundredthsToDecimal(h).replace(".", ",");
}
