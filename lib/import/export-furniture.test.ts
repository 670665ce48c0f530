import { describe, expect, it } from "vitest";
import { plainText } from "@/lib/editor/document";
import { htmlToOutline, TITLE_CLASS } from "./html-outline";

/** The front matter and chapter 7 as the DOCX export reads through mammoth (the ODT reader gives the same shape). */
const cover = `<p>Musterstadt</p><h1 class="${TITLE_CLASS}">Integrationskonzept</h1><p>Integrationskonzept 2026–2030</p>
  <p>Angaben zum Dokument</p><p>Status Entwurf</p><p>Fassung Aktueller Arbeitsstand</p><p>Stand 03.12.2026</p><p>Inhalt</p>`;
const table = (...rows: string[][]) => `<table>${rows.map((r) => `<tr>${r.map((c) => `<td><p>${c}</p></td>`).join("")}</tr>`).join("")}</table>`;
const funding = `<h1>7 Finanzierung</h1>
  <h2>Übersicht aus den Maßnahmen</h2><p>Aus 11 Maßnahmen berechnet.</p><p>Kosten je Jahr</p>${table(["Jahr", "Summe"], ["2026", "10 €"])}<p></p>
  <h2>Förderklippe</h2><p>2027 enden Förderungen.</p><p>Auslaufende Mittel</p>${table(["Jahr", "Betrag"], ["2027", "5 €"])}<p></p>
  <p>Der Haushalt trägt den Eigenanteil.</p><h2>Grundsätze</h2><p>Förderung vor Eigenmitteln.</p>`;
const text = (html: string) => {
  const o = htmlToOutline(html);
  return { title: o.title, text: o.blocks.map((b) => [b.title, ...b.content.map(plainText)].join("\n")).join("\n"), source: o.sourceText };
};

describe("what Konzeptwerk's export adds around the concept", () => {
  it("takes the title from the cover and leaves the cover, the placeholders and the computed funding tables out", () => {
    const o = text(`${cover}<h1>1 Anlass und Auftrag</h1><p>Der Rat hat beauftragt.</p><h2>5.6 Gesundheit</h2><h3>Leitziel</h3><p><em>Kein Text.</em></p><h3>Maßnahmen</h3><p>Keine Maßnahmen.</p>${funding}`);
    expect(o.title).toBe("Integrationskonzept 2026–2030");
    for (const gone of ["Musterstadt", "Angaben zum Dokument", "Arbeitsstand", "Inhalt", "Kein Text.", "Keine Maßnahmen.", "Übersicht", "berechnet", "Förderklippe", "Auslaufende", "2027"]) {
      expect(o.source, gone).not.toContain(gone);
    }
    // The chapter's own text right after the computed tables stays.
    expect(o.text).toContain("Der Haushalt trägt den Eigenanteil.");
    expect(o.text).toContain("Förderung vor Eigenmitteln.");
    expect(o.text).toContain("Der Rat hat beauftragt.");
  });

  it("leaves out the annexes of versions and open comments", () => {
    const o = text(`${cover}<h1>10 Forderungen an Land und Bund</h1><p>Mehr Kursplätze.</p><h1>Anhang: Versionsverlauf</h1>${table(["Nr.", "Bezeichnung"], ["1", "Erster Entwurf"])}<h1>Anhang: Offene Kommentare</h1><p><strong>Kapitel 1</strong></p><p>Anna (01.12.2026): Bitte prüfen.</p>`);
    expect(o.text).toContain("Mehr Kursplätze.");
    for (const gone of ["Anhang", "Erster Entwurf", "Bitte prüfen"]) expect(o.source, gone).not.toContain(gone);
  });

  it("leaves out each field's derived parts (indicator overview, goal tree), up to the next field", () => {
    const overview = `<h3>Indikatoren im Überblick</h3>${table(["Maßnahme", "Indikator"], ["SP-01 Sprachcafé", "Teilnehmende"])}<p></p>`;
    const tree = `<h3>Zielbaum</h3><p><strong>Leitziel: </strong>Alle sprechen Deutsch.</p><ul><li>Mehr Kursplätze<ul><li>SP-01 Sprachcafé<ul><li>Teilnehmende (Output)</li></ul></li></ul></li><li>Ohne Teilziel</li></ul>`;
    const o = text(`${cover}<h1>5 Handlungsfelder</h1><h2>5.1 Sprache</h2><h3>Maßnahmen</h3><h4>SP-01 Sprachcafé</h4><p>Jede Woche.</p>${overview}${tree}<h2>5.2 Arbeit</h2><h3>Ausgangslage</h3><p>Viele suchen Arbeit.</p>`);
    expect(o.text).toContain("Jede Woche.");
    expect(o.text).toContain("Viele suchen Arbeit.");
    for (const gone of ["Indikatoren im Überblick", "Teilnehmende", "Zielbaum", "Alle sprechen Deutsch.", "Mehr Kursplätze", "Ohne Teilziel"]) expect(o.source, gone).not.toContain(gone);
  });

  it("leaves a file without the export's cover as it is", () => {
    const o = text(`<h1 class="${TITLE_CLASS}">Konzept</h1><p>Kein Text.</p><h2>Übersicht aus den Maßnahmen</h2><p>Aus 3 Maßnahmen berechnet.</p>`);
    expect(o.title).toBe("Konzept");
    expect(o.text).toContain("Kein Text.");
    expect(o.text).toContain("Aus 3 Maßnahmen berechnet.");
  });
});
