/*
 * German number input for the measure form. Kept free of zod so the browser can
 * use it without loading the validation library up front.
 */

export const MAX_LIST_ITEMS = 20;

/* ---------- German number input ---------- */

/** A German number input that could not be read; `message` is for the user. */
export class NumberFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NumberFormatError";
  }
}

// Integer part: plain digits, or groups of three separated by dots ("35.000").
const INTEGER_PART = String.raw`(\d+|\d{1,3}(?:\.\d{3})+)`;
const MONEY = new RegExp(String.raw`^${INTEGER_PART}(?:,(\d{1,2}|-{1,2}))?$`);
const DECIMAL = new RegExp(String.raw`^(-)?${INTEGER_PART}(?:,(\d+))?$`);

/** Whitespace (incl. non-breaking and narrow spaces) between digit groups reads as a thousands dot. */
function normaliseSpaces(s: string) {
  return s.trim().replace(/[\s\u00a0\u202f]+/g, ".");
}

/**
 * Read a euro amount typed in German notation and return euro cents.
 * Accepts "35000", "35.000", "35 000 €", "35.000,50", "35000,5", "35.000,-", "EUR 1.200".
 * Returns null for an empty input; throws NumberFormatError (German message) for
 * anything else, e.g. "35.00" (ambiguous), "abc", "-5".
 */
export function parseEuroToCents(input: string): number | null {
  const stripped = input.replace(/€|\bEUR\b|\bEuro\b/gi, "");
  if (stripped.trim() === "") return null;
  if (stripped.trim().startsWith("-")) throw new NumberFormatError("Der Betrag darf nicht negativ sein.");
  const match = MONEY.exec(normaliseSpaces(stripped));
  if (!match) throw new NumberFormatError("Bitte einen Betrag wie 35.000,50 angeben.");
  const euros = match[1]!.replace(/\./g, "");
  const fraction = match[2] && !match[2].startsWith("-") ? match[2].padEnd(2, "0") : "00";
  if (euros.replace(/^0+/, "").length > 12) throw new NumberFormatError("Der Betrag ist zu groß.");
  return Number(euros) * 100 + Number(fraction);
}

/**
 * Read a decimal number typed in German notation: "1,5" → 1.5, "1.000,25" → 1000.25, "-0,5" → -0.5.
 * Returns null for an empty input; throws NumberFormatError for anything else (e.g. "1.5", "eins").
 */
export function parseDecimalDe(input: string): number | null {
  if (input.trim() === "") return null;
  const match = DECIMAL.exec(normaliseSpaces(input));
  if (!match) throw new NumberFormatError("Bitte eine Zahl wie 1,5 angeben.");
  const value = Number(`${match[1] ?? ""}${match[2]!.replace(/\./g, "")}.${match[3] ?? "0"}`);
  if (!Number.isFinite(value)) throw new NumberFormatError("Die Zahl ist zu groß.");
  return value === 0 ? 0 : value;
}

/** A stored decimal ("1.50") as input text in German notation ("1,5"). */
export function formatDecimalInput(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? String(n).replace(".", ",") : "";
}

