/**
 * CSV cells that a spreadsheet cannot run as a formula (CSV injection). A cell
 * is defused when its first visible character starts a formula — = + - @, a
 * tab or a carriage return — also in any form that spreadsheets normalise to
 * one of them (full-width ＝ ＋ － ＠, small ﹦ ﹢ ﹣ ﹫, the minus sign −): the
 * character is compared in its NFKC form, and leading spaces of any width are
 * looked through, because some programs trim them on import.
 */

const FORMULA_START = new Set(["=", "+", "-", "@", "\t", "\r", "\u2212"]);

/** Whether a spreadsheet could read the cell as a formula. */
export function startsLikeFormula(value: string): boolean {
  for (const ch of value) {
    const normal = ch.normalize("NFKC");
    const first = normal[0];
    if (first === undefined) continue;
    if (FORMULA_START.has(first)) return true;
    // Spaces (also NBSP, ideographic space …) and invisible marks: look at the next character.
    if (/^[\s\u200b-\u200f\u2060\ufeff]+$/u.test(normal)) continue;
    return false;
  }
  return false;
}

/** One cell of a semicolon-separated file: quoted when needed, a formula-looking value prefixed with ' so it stays text. */
export function csvCell(value: string): string {
  const formula = startsLikeFormula(value);
  const text = formula ? `'${value}` : value;
  return formula || /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
