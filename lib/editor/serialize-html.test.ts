/** The server's HTML of a part and of a comparison: the same HTML Tiptap's generateHTML makes, for every node and mark. */
import { generateHTML } from "@tiptap/html";
import { describe, expect, it } from "vitest";
import { editorExtensions } from "./extensions";
import { aligned, bold, doc, h3, h4, italic, link, ol, p, table, ul } from "./build";
import { renderHtml } from "./render";
import { renderDiffHtml } from "@/lib/versions/diff/render";
import { diffExtensions } from "@/lib/versions/diff/marks";
import { diffDocs } from "@/lib/versions/diff/richtext";

const rich = doc(
  h3("Ziele"),
  aligned("center", h4("Sprache & Arbeit <2026>")),
  p("Vor ", bold("fett"), " und ", italic("kursiv"), " mit ", link("Link", "https://example.org/a?b=1&c=2"), "."),
  ul("erster Punkt", ["zweiter ", bold("Punkt")]),
  ol("eins", "zwei"),
  table(["Maßnahme", "Kosten"], [["Sprachcafé", "12.500 €"], ["Lotsen \"Wohnen\"", "3.000 €"]]),
  { type: "paragraph", content: [{ type: "text", text: "Zeile" }, { type: "hardBreak" }, { type: "text", text: "Umbruch" }] },
  p(),
);

describe("serializeHtml", () => {
  it("renders a part exactly as Tiptap's generateHTML", () => {
    expect(renderHtml(rich)).toBe(generateHTML(rich, editorExtensions));
    expect(renderHtml(rich)).toContain("<h3>Ziele</h3>");
  });

  it("renders a comparison with its insertions and deletions exactly as generateHTML", () => {
    const changed = doc(h3("Ziele"), p("Vor ", bold("dick"), " und ", italic("kursiv"), " neu."), ul("erster Punkt"), table(["Maßnahme", "Kosten"], [["Sprachcafé", "14.000 €"]]));
    const d = diffDocs(rich, changed);
    for (const side of [d.inline, d.before, d.after]) expect(renderDiffHtml(side)).toBe(generateHTML(side, diffExtensions));
    expect(renderDiffHtml(d.inline)).toMatch(/<ins[^>]*>[^<]*14\.000/);
    expect(renderDiffHtml(d.inline)).toMatch(/<del[^>]*>[^<]*12\.500/);
  });

  it("renders one document after another without carrying anything over", () => {
    const first = renderHtml(doc(p("Erster")));
    renderHtml(rich);
    expect(renderHtml(doc(p("Erster")))).toBe(first);
    expect(first).toBe("<p>Erster</p>");
  });

  it("shows a note instead of failing on a document the schema does not know", () => {
    expect(renderHtml({ type: "doc", content: [{ type: "nonsense" }] })).toContain("konnte nicht dargestellt werden");
  });
});
