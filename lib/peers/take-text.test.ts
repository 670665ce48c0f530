import { describe, expect, it } from "vitest";
import { plainText } from "@/lib/editor/document";
import { validateDoc } from "@/lib/editor/validate";
import { MEASURE_TITLE } from "@/lib/measures/schema";
import { descriptionDoc, fitTitle } from "./take-text";

describe("a library entry as a new measure", () => {
  it("keeps a title that fits, trimmed", () => {
    expect(fitTitle("  Sprachpatenschaften im ländlichen Raum ")).toBe("Sprachpatenschaften im ländlichen Raum");
  });

  it("cuts a library title longer than a measure title may be, with an ellipsis, never inside an emoji", () => {
    const long = `${"Wort ".repeat(100)}`;
    const cut = fitTitle(long);
    expect(cut.length).toBeLessThanOrEqual(MEASURE_TITLE.max);
    expect(cut.endsWith("…")).toBe(true);
    const emoji = `${"a".repeat(MEASURE_TITLE.max - 2)}😀😀😀`;
    const cutEmoji = fitTitle(emoji);
    expect(cutEmoji.length).toBeLessThanOrEqual(MEASURE_TITLE.max);
    expect(cutEmoji).not.toMatch(/[\uD800-\uDBFF]…$/);
  });

  it("makes one paragraph per non-empty line, a valid document for the editor", () => {
    const d = descriptionDoc("Ehrenamtliche begleiten Neuzugewanderte.\n\n  Zweimal im Monat ein Treffen. \r\nOhne Kosten.");
    expect(d.content).toHaveLength(3);
    expect(plainText(d)).toBe("Ehrenamtliche begleiten Neuzugewanderte.\nZweimal im Monat ein Treffen.\nOhne Kosten.");
    expect(validateDoc(d).ok).toBe(true);
    expect(validateDoc(descriptionDoc("   ")).ok).toBe(true);
    expect(plainText(descriptionDoc(""))).toBe("");
  });
});
