/** The static HTML of a stored part (read-only view, print preview): alignment as a class, never a style attribute (CSP). */
import { describe, expect, it } from "vitest";
import { aligned, doc, h3, p, table } from "./build";
import { renderHtml } from "./render";

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
