/** The static HTML of a stored part (read-only view, print preview): alignment as a class, never a style attribute (CSP); no stored attribute beyond what the editor makes. */
import { describe, expect, it } from "vitest";
import { aligned, doc, h3, p, table } from "./build";
import { renderHtml } from "./render";
import { validateDoc } from "./validate";

describe("renderHtml with alignment", () => {
  it("renders centre, right and justified as classes and left as nothing", () => {
    const t = table(["Maßnahme", "Kosten"], [["Sprachcafé", "12.500 €"]]);
    t.content![1]!.content![1] = aligned("right", t.content![1]!.content![1]!);
    const html = renderHtml(doc(aligned("center", h3("Ziele")), aligned("right", p("Stand")), aligned("justify", p("Block")), aligned("left", p("Links")), p("ohne"), t));
    expect(html).toContain('<h3 class="text-align-center">Ziele</h3>');
    expect(html).toContain('<p class="text-align-right">Stand</p>');
    expect(html).toContain('<p class="text-align-justify">Block</p>');
    expect(html).toContain("<p>Links</p><p>ohne</p>");
    expect(html).toMatch(/<td[^>]*class="text-align-right"[^>]*><p>12\.500 €<\/p><\/td>/);
    // (Tiptap's table view writes a min-width style of its own; alignment never goes into a style.)
    expect(html).not.toMatch(/style="[^"]*text-align/);
  });
});

describe("renderHtml with attributes a forged request could store", () => {
  const linked = (attrs: Record<string, unknown>) => doc({ type: "paragraph", content: [{ type: "text", text: "Anmelden", marks: [{ type: "link", attrs: { href: "https://www.musterstadt.de/", ...attrs } }] }] });

  it("renders every link the same: no stored class, target or title, and always rel=noopener", () => {
    const html = renderHtml(linked({ target: "_blank", rel: "opener", class: "button", title: "Erneut anmelden" }));
    expect(html).toBe('<p><a rel="noopener noreferrer nofollow" href="https://www.musterstadt.de/">Anmelden</a></p>');
  });

  it("refuses column widths that are not numbers, so nothing reaches the table's style attribute", () => {
    const t = table(["Maßnahme"], [["Sprachcafé"]]);
    t.content![0]!.content![0]!.attrs = { colspan: 1, rowspan: 1, colwidth: ["1;position:fixed;inset:0;x:"] };
    const check = validateDoc(doc(t));
    expect(check).toEqual({ ok: false, error: "Der Text enthält eine ungültige Spaltenbreite in einer Tabelle. Bitte den Text im Editor prüfen." });
    t.content![0]!.content![0]!.attrs = { colspan: 1, rowspan: 1, colwidth: [180] };
    expect(validateDoc(doc(t)).ok).toBe(true);
    expect(renderHtml(doc(t))).toContain('<table style="width: 180px;">');
  });
});
