import { describe, expect, it } from "vitest";
import { markdownToHtml } from "./markdown";

describe("markdownToHtml", () => {
  it("turns headings, nested lists, tables and emphasis into HTML and escapes raw HTML", () => {
    const html = markdownToHtml(
      ["# Sprache", "", "Text mit **fett** und <script>x</script>.", "", "1. Eins", "   - Unterpunkt", "2. Zwei", "", "| Maßnahme | Federführung |", "|---|---|", "| Sprachcafé | VHS |"].join("\n"),
    );
    expect(html).toContain("<h1>Sprache</h1>");
    expect(html).toContain("<strong>fett</strong> und &lt;script&gt;x&lt;/script&gt;.");
    expect(html).toContain("<ol><li>Eins<ul><li>Unterpunkt</li></ul></li><li>Zwei</li></ol>");
    expect(html).toContain("<table><tr><th>Maßnahme</th><th>Federführung</th></tr><tr><td>Sprachcafé</td><td>VHS</td></tr></table>");
  });

  it("reads block quotes, nested by repeating \">\", their text as paragraphs", () => {
    expect(markdownToHtml(["> Zitat", "> weiter", ">", "> > innen", "> wieder außen", "", "Danach."].join("\n"))).toBe(
      "<blockquote><p>Zitat weiter</p><blockquote><p>innen</p></blockquote><p>wieder außen</p></blockquote>\n<p>Danach.</p>",
    );
  });

  it("builds 10,000 quote levels without recursion (the outline refuses them)", () => {
    const html = markdownToHtml(`${">".repeat(10_000)} tief`);
    expect(html.startsWith("<blockquote>".repeat(10_000))).toBe(true);
  });
});
