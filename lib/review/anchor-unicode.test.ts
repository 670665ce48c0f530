import { describe, expect, it } from "vitest";
import { CONTEXT_CHARS, makeAnchor, resolveAnchor } from "./anchor";

/**
 * Found by the fuzz test: a selection whose offsets cut an emoji (two UTF-16
 * units) in half made a quote or context with half a character, which
 * PostgreSQL refuses in jsonb — POST …/comments answered 500 (issue 10, item 18).
 */
describe("anchors never cut a character in half", () => {
  const text = "Wir 🏳️‍🌈 fördern 𠀋 Vielfalt 😀";
  const wellFormed = (a: ReturnType<typeof makeAnchor>) => [a!.quote, a!.prefix, a!.suffix].every((s) => s.isWellFormed());

  it("widens a selection that ends inside an emoji to the whole emoji", () => {
    const rainbow = text.indexOf("🌈");
    const anchor = makeAnchor(text, 0, rainbow + 1);
    expect(anchor).not.toBeNull();
    expect(wellFormed(anchor)).toBe(true);
    expect(anchor!.quote).toBe("Wir 🏳️‍🌈");
  });

  it("widens a selection that starts inside a character", () => {
    const cjk = text.indexOf("𠀋");
    const anchor = makeAnchor(text, cjk + 1, cjk + 10);
    expect(wellFormed(anchor)).toBe(true);
    expect(anchor!.quote.startsWith("𠀋")).toBe(true);
    expect(resolveAnchor(text, anchor!)).toEqual({ start: cjk, end: cjk + 10 });
  });

  it("cuts the context between characters", () => {
    const long = `${"😀".repeat(40)}Mitte${"😀".repeat(40)}`;
    const at = long.indexOf("Mitte");
    for (const shift of [0, 1]) {
      const anchor = makeAnchor(long.slice(shift), at - shift, at - shift + 5);
      expect(wellFormed(anchor)).toBe(true);
      expect(anchor!.prefix.length).toBeLessThanOrEqual(CONTEXT_CHARS);
    }
  });

  it("every range of a text full of emoji gives valid Unicode", () => {
    for (let start = 0; start < text.length; start++) {
      for (let end = start + 1; end <= text.length; end++) {
        const anchor = makeAnchor(text, start, end);
        if (anchor) expect(wellFormed(anchor), `${start}–${end}`).toBe(true);
      }
    }
  });
});
