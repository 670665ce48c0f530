/*
 * How a measure is named everywhere (concept page, PDF, DOCX/ODT, funding
 * overview and cliff, Konzept-Check, JSON exports): its own code when it has
 * one, else the automatic number from its place in the concept. Kept free of
 * zod and the database so the browser can use it too.
 */

/** Letters (incl. umlauts), digits, "-", ".", "_", "/"; starts with a letter or digit; 1–16 characters. */
export const MEASURE_CODE_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}\-._/]{0,15}$/u;
export const MEASURE_CODE_MAX = 16;
export const MEASURE_CODE_HINT = "1–16 Zeichen: Buchstaben, Ziffern, „-“, „.“, „_“ und „/“, am Anfang ein Buchstabe oder eine Ziffer";

/** The automatic number of a measure: "M 5.2.3" for the 3rd measure (index 2) of field "5.2". */
export function measureNumber(fieldNumber: string, measureIndex: number): string {
  return `M ${fieldNumber}.${measureIndex + 1}`;
}

/** The name of a measure: its code ("SP-01") when set, else the automatic number ("M 5.2.3"). */
export function measureLabel(code: string | null | undefined, automaticNumber: string): string {
  const own = code?.trim();
  return own ? own : automaticNumber;
}

/** The key two codes are compared by (unique within a concept, ignoring case). */
export function measureCodeKey(code: string): string {
  return code.trim().toLowerCase();
}

/** Why a code is not accepted (German, for the form), or null when it is fine; "" (no code) is fine. */
export function measureCodeProblem(code: string): string | null {
  const c = code.trim();
  if (c === "") return null;
  if ([...c].length > MEASURE_CODE_MAX) return `Kürzel: höchstens ${MEASURE_CODE_MAX} Zeichen.`;
  if (!MEASURE_CODE_PATTERN.test(c)) return `Kürzel: ${MEASURE_CODE_HINT}.`;
  return null;
}
