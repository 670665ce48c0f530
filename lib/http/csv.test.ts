import { describe, expect, it } from "vitest";
import { csvCell, startsLikeFormula } from "./csv";

const STARTERS = ["=", "+", "-", "@", "\t", "\r", "\u2212"];

/** Every code point whose compatibility form begins with a formula starter (＝ ＋ － ＠ ﹦ ﹢ ﹣ ﹫ ⁼ ⁺ ⁻ ₌ ₊ ₋ …). */
function formulaClass(): string[] {
  const out: string[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCodePoint(cp);
    const first = ch.normalize("NFKC")[0];
    if (first !== undefined && STARTERS.includes(first)) out.push(ch);
  }
  return out;
}

describe("CSV cells", () => {
  it("defuses every character that a spreadsheet normalises to = + - @, tab or CR (or −)", () => {
    const chars = formulaClass();
    // The ASCII ones, the full-width and small forms, super- and subscripts at least.
    for (const ch of ["=", "+", "-", "@", "＝", "＋", "－", "＠", "﹦", "﹢", "﹣", "﹫", "⁼", "⁺", "⁻", "₌", "₊", "₋"]) expect(chars).toContain(ch);
    const missed = chars.filter((ch) => !csvCell(`${ch}HYPERLINK("http://evil.example")`).startsWith(`"'${ch}`));
    expect(missed.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase()}`)).toEqual([]);
  });

  it("defuses the minus sign and formulas behind leading spaces of any width", () => {
    for (const v of ["\u22121+1", " =1+1", "\u00a0=1", "\u3000＝1", "\u200b@SUM(A1)"]) expect(startsLikeFormula(v)).toBe(true);
    expect(csvCell(" =1+1")).toBe(`"' =1+1"`);
  });

  it("leaves ordinary text alone and quotes separators", () => {
    expect(csvCell("Musterstadt")).toBe("Musterstadt");
    expect(csvCell("Anna Müller")).toBe("Anna Müller");
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell('Zitat "x"')).toBe('"Zitat ""x"""');
    expect(csvCell("")).toBe("");
    for (const v of ["1-2", "E-Mail", "x=y", "#1", "％"]) expect(startsLikeFormula(v)).toBe(false);
  });
});
