import { describe, expect, it } from "vitest";
import { applyMapping } from "./mapping";
import { assertPartsFit, oversizedParts } from "./part-size";
import { proposalOf, readOutline } from "./service";

const WORDS = "Integration Sprache Arbeit Ausbildung Bildung Wohnen Teilhabe Gesundheit Beratung Kommune Netzwerk Angebot".split(" ");
/** `n` paragraphs of 100 words (≈ 950 bytes each in the editor's JSON). */
const paragraphs = (n: number, seed = 0) =>
  Array.from({ length: n }, (_, i) => `<p>${Array.from({ length: 100 }, (_, j) => WORDS[(seed + i * 7 + j) % WORDS.length]).join(" ")}.</p>`).join("");

async function mapped(html: string) {
  const outline = await readOutline("html", "konzept.html", new TextEncoder().encode(html));
  return applyMapping(outline, proposalOf(outline, "html", "konzept.html"), {}).concept;
}

describe("a long file's text in the parts of the concept", () => {
  it("refuses 60,000 words under one heading, naming the part and what to do", async () => {
    const concept = await mapped(`<h1>Ausgangslage</h1>${paragraphs(600)}`);
    expect(oversizedParts(concept)).toEqual([{ label: "„Ausgangslage“", kb: expect.any(Number) }]);
    expect(oversizedParts(concept)[0]!.kb).toBeGreaterThan(512);
    expect(() => assertPartsFit(concept)).toThrow(
      /^Der Text für den Abschnitt „Ausgangslage“ \(\d+ KB\) ist zu lang: ein Abschnitt fasst höchstens 512 KB\. Bitte ordnen Sie im Zuordnungsschritt .* Es wurde nichts gespeichert\.$/,
    );
  });

  it("takes the same words under two headings that go to two parts", async () => {
    const concept = await mapped(`<h1>Ausgangslage</h1>${paragraphs(300)}<h1>Steuerung und Organisation</h1>${paragraphs(300, 5)}`);
    expect(oversizedParts(concept)).toEqual([]);
    expect(() => assertPartsFit(concept)).not.toThrow();
  });
});
