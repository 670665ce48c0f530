import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { generateHTML } from "@tiptap/html";
import { editorExtensions } from "@/lib/editor/extensions";
import { bold, doc, h3, link, p, table, ul } from "@/lib/editor/build";
import { anchorForQuote, anchorText, makeAnchor, resolveAnchor } from "./anchor";

const original = doc(
  h3("Sprache"),
  p("Die Stadt bietet ", bold("Sprachkurse"), " für Eltern an. Sprachkurse für Eltern sind gefragt."),
  ul("Kita", "Schule"),
  table(["Kennzahl", "Wert"], [["Kursplätze", "120"]]),
);
const text = anchorText(original);
const anchorAt = (quote: string, nth = 0) => {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(quote, at + 1);
  return makeAnchor(text, at, at + quote.length)!;
};
const quoted = (t: string, a: { start: number; end: number } | null) => (a ? t.slice(a.start, a.end) : null);

describe("anchor text", () => {
  it("is exactly the text of the statically rendered HTML (what Range.toString() gives in the browser)", () => {
    const html = generateHTML(doc(p("A & B <c> ", link("Link", "https://example.org")), ul("x", "y"), table(["h"], [["z"]])), editorExtensions);
    const htmlText = html.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
    expect(anchorText(doc(p("A & B <c> ", link("Link", "https://example.org")), ul("x", "y"), table(["h"], [["z"]])))).toBe(htmlText);
  });
  it("refuses empty, blank and out-of-range selections", () => {
    expect(makeAnchor(text, 3, 3)).toBeNull();
    expect(makeAnchor(text, 0, text.length + 1)).toBeNull();
    expect(makeAnchor("a   b", 1, 4)).toBeNull();
  });
});

describe("mapping an anchor through edits", () => {
  it("stays on its passage when text is inserted before it", () => {
    const a = anchorAt("Sprachkurse für Eltern sind gefragt");
    const edited = anchorText(doc(h3("Sprache und Bildung"), p("Neu: Die Stadt bietet Sprachkurse für Eltern an. Sprachkurse für Eltern sind gefragt.")));
    const r = resolveAnchor(edited, a);
    expect(quoted(edited, r)).toBe("Sprachkurse für Eltern sind gefragt");
  });

  it("tells two equal quotes apart by their context, not only by position", () => {
    const second = anchorAt("Sprachkurse für Eltern", 1);
    const first = anchorAt("Sprachkurse für Eltern", 0);
    // A long insertion before both moves the offsets far away from the hint.
    const edited = "X".repeat(500) + text;
    expect(resolveAnchor(edited, second)!.start).toBe(500 + second.start);
    expect(resolveAnchor(edited, first)!.start).toBe(500 + first.start);
    // The first occurrence loses its context ("bietet" → "hat") and still wins by its suffix.
    const reworded = text.replace("Die Stadt bietet ", "Die Stadt hat ");
    expect(resolveAnchor(reworded, first)!.start).toBe(reworded.indexOf("Sprachkurse für Eltern"));
  });

  it("is gone when its text is deleted or changed (Textstelle entfernt)", () => {
    const a = anchorAt("Kursplätze");
    expect(resolveAnchor(text.replace("Kursplätze", "Plätze"), a)).toBeNull();
    expect(resolveAnchor("", a)).toBeNull();
  });

  it("survives a restore: the version's text resolves again", () => {
    const a = anchorAt("Sprachkurse für Eltern sind gefragt");
    const later = anchorText(doc(p("Ganz anderer Text.")));
    expect(resolveAnchor(later, a)).toBeNull();
    const restored = anchorText(original);
    expect(quoted(restored, resolveAnchor(restored, a))).toBe("Sprachkurse für Eltern sind gefragt");
  });

  it("finds a typed quote loosely (keyboard path)", () => {
    expect(quoted(text, anchorForQuote(text, "für Eltern an."))).toBe("für Eltern an.");
    expect(anchorForQuote(text, "nicht vorhanden")).toBeNull();
    expect(quoted("Schule  Kita", anchorForQuote("Schule  Kita", "Schule Kita"))).toBe("Schule  Kita");
  });
});

describe("anchors around emoji", () => {
  it("never cut a surrogate pair in quote, prefix or suffix (PostgreSQL refuses half an emoji)", () => {
    const piece = fc.constantFrom("a", " ", "ä", "😀", "👩‍💻", "🇩🇪", "\u{1F9D1}\u{1F3FD}");
    fc.assert(
      fc.property(fc.array(piece, { minLength: 2, maxLength: 80 }), fc.nat(), fc.nat(), (pieces, a, b) => {
        const text = pieces.join("");
        const start = a % text.length;
        const end = start + 1 + (b % (text.length - start));
        const anchor = makeAnchor(text, start, end);
        if (!anchor) return;
        for (const part of [anchor.quote, anchor.prefix, anchor.suffix]) expect(part.isWellFormed()).toBe(true);
        expect(text.slice(anchor.start, anchor.end)).toBe(anchor.quote);
        expect(anchor.start).toBeLessThanOrEqual(start);
        expect(anchor.end).toBeGreaterThanOrEqual(end);
      }),
      { numRuns: 2000 },
    );
  });

  it("widens the 32-character context to the whole emoji at its edge", () => {
    const text = `😀${"x".repeat(31)}Zitat${"y".repeat(31)}😀`;
    const anchor = makeAnchor(text, 33, 38)!;
    expect(anchor).toMatchObject({ quote: "Zitat", prefix: `😀${"x".repeat(31)}`, suffix: `${"y".repeat(31)}😀` });
  });
});
