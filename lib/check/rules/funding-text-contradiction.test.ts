import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { goodContext, withFunding } from "../test-context";
import { fundingTextContradiction, parseFte, parseMoney } from "./funding-text-contradiction";

const cell = (type: "tableHeader" | "tableCell", text: string): JSONContent => ({ type, content: [{ type: "paragraph", content: text ? [{ type: "text", text }] : [] }] });
const table = (header: string[], ...rows: string[][]): JSONContent => ({
  type: "doc",
  content: [
    {
      type: "table",
      content: [
        { type: "tableRow", content: header.map((h) => cell("tableHeader", h)) },
        ...rows.map((r) => ({ type: "tableRow", content: r.map((c) => cell("tableCell", c)) })),
      ],
    },
  ],
});

describe(fundingTextContradiction.id, () => {
  it("reads German amounts and VZÄ", () => {
    expect(parseMoney("3.494.000 €")).toBe(349_400_000);
    expect(parseMoney("814.000,50 EUR")).toBe(81_400_050);
    expect(parseMoney("rund 3 Mio.")).toBeNull();
    expect(parseFte("33,5")).toBe(3350);
  });

  // The case from issue 14: the concept's own table said 3.494.000 € / 33,5 VZÄ next to other computed numbers.
  it("flags a typed total that contradicts the computed running plan, and a wrong amount per source", () => {
    const ctx = goodContext();
    ctx.funding = withFunding(ctx.measures, "1.5"); // Förderung 1.000 € (Kommune), 1,5 VZÄ
    ctx.sections = ctx.sections.map((s) =>
      s.chapter === "funding"
        ? { ...s, content: table(["Quelle", "Förderung pro Jahr", "VZÄ"], ["Kommune", "900 €", ""], ["Summe", "3.494.000 €", "33,5"]) }
        : s,
    );
    expect(fundingTextContradiction.run(ctx).map((f) => f.message.replace(/\u00a0/g, " "))).toEqual([
      "Tabelle im Text: „Kommune“ / „Förderung pro Jahr“ nennt 900,00 €, aus den Maßnahmen berechnet sind 1.000,00 € pro Jahr.",
      "Tabelle im Text: „Summe“ / „Förderung pro Jahr“ nennt 3.494.000,00 €, aus den Maßnahmen berechnet sind 1.000,00 € pro Jahr.",
      "Tabelle im Text: „Summe“ / „VZÄ“ nennt 33,5 VZÄ, aus den Maßnahmen berechnet sind 1,5 VZÄ pro Jahr.",
    ]);
  });

  it("reads the app's own table by source, pasted into the text, as agreeing: its count of funding lines is no amount", () => {
    const ctx = goodContext();
    ctx.funding = withFunding(ctx.measures, "1.5"); // Förderung 1.000 € (Kommune), one line
    ctx.sections = ctx.sections.map((s) =>
      s.chapter === "funding" ? { ...s, content: table(["Quelle", "Förderlinien", "Betrag pro Jahr"], ["Kommune", "1", "1.000 €"], ["Summe", "1", "1.000 €"]) } : s,
    );
    expect(fundingTextContradiction.run(ctx)).toEqual([]);
  });

  it("reads 'Förderung' outside a table by source as what Land, Bund, EU and third parties pay, as the app's own tables by field do", () => {
    const ctx = goodContext();
    const measures = ctx.measures.map((m, i) =>
      i === 0 ? { ...m, fundingLines: [...m.fundingLines, { source: "state" as const, programme: "KOMM-AN", amountCents: 50_000_000, until: null }] } : m,
    );
    ctx.funding = withFunding(measures, "1.5");
    const { totalCostCents, externalFundingCents, ownShareCents, fundingCents } = ctx.funding.plan;
    expect([externalFundingCents, fundingCents]).toEqual([50_000_000, 50_100_000]);
    const euro = (cents: number) => `${(cents / 100).toLocaleString("de-DE")} €`;
    const withTable = (funding: string) =>
      ctx.sections.map((s) =>
        s.chapter === "funding"
          ? { ...s, content: table(["Handlungsfeld", "Gesamtkosten pro Jahr", "Förderung pro Jahr", "Kommunaler Anteil pro Jahr"], ["Summe", euro(totalCostCents), funding, euro(ownShareCents)]) }
          : s,
      );
    // The app's table by field, pasted: Förderung 500.000 € and the municipal share make the total.
    ctx.sections = withTable(euro(externalFundingCents));
    expect(fundingTextContradiction.run(ctx)).toEqual([]);
    // A town's own table that counts its budget line as Förderung too is no contradiction either.
    ctx.sections = withTable(euro(fundingCents));
    expect(fundingTextContradiction.run(ctx)).toEqual([]);
    ctx.sections = withTable("700.000 €");
    expect(fundingTextContradiction.run(ctx).map((f) => f.message.replace(/\u00a0/g, " "))).toEqual([
      "Tabelle im Text: „Summe“ / „Förderung pro Jahr“ nennt 700.000,00 €, aus den Maßnahmen berechnet sind 500.000,00 € pro Jahr.",
    ]);
  });

  it("accepts a table that agrees, and tables about other things", () => {
    const ctx = goodContext();
    ctx.funding = withFunding(ctx.measures, "1.5");
    ctx.sections = ctx.sections.map((s) =>
      s.chapter === "funding" ? { ...s, content: table(["", "Förderung", "VZÄ", "Einwohner"], ["Summe", "1.000 €", "1,5", "250.000"]) } : s,
    );
    expect(fundingTextContradiction.run(ctx)).toEqual([]);
  });
});
