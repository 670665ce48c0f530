import { describe, expect, it } from "vitest";
import { cellText, readCsvRows, sheetsToHtml } from "./spreadsheet";

describe("a spreadsheet cell as the measure columns read it", () => {
  it("writes dates German, numbers without grouping and with a decimal comma", () => {
    expect(cellText(new Date(Date.UTC(2026, 2, 1)))).toBe("01.03.2026");
    expect(cellText(12500)).toBe("12500");
    expect(cellText(1.5)).toBe("1,5");
    expect(cellText(2026)).toBe("2026");
    expect(cellText(null)).toBe("");
    expect(cellText("  Volkshochschule\n Nord ")).toBe("Volkshochschule Nord");
  });
});

describe("CSV as offices save it", () => {
  it("reads semicolons, quoted cells with quotes and line breaks, a BOM, and skips empty lines", () => {
    const rows = readCsvRows('\uFEFFMaßnahme;Federführung\n"Sprachcafé ""Nord"";\nzweite Zeile";Integrationsbüro\n\n;\nLotsen;Sozialamt\n');
    expect(rows).toEqual([
      ["Maßnahme", "Federführung"],
      ['Sprachcafé "Nord"; zweite Zeile', "Integrationsbüro"],
      ["Lotsen", "Sozialamt"],
    ]);
  });

  it("takes commas or tabs when the header has more of them", () => {
    expect(readCsvRows("Maßnahme,Kosten\nLotsen,400\n")).toEqual([["Maßnahme", "Kosten"], ["Lotsen", "400"]]);
    expect(readCsvRows("Maßnahme\tKosten\nLotsen\t400\n")).toEqual([["Maßnahme", "Kosten"], ["Lotsen", "400"]]);
  });

  it("refuses an unclosed quote in German", () => {
    expect(() => readCsvRows('Maßnahme;Kosten\n"Lotsen;400\n')).toThrow(/CSV-Datei lässt sich nicht lesen/);
  });
});

describe("sheets for the mapping step", () => {
  it("splits rows by the column Handlungsfeld into a heading, „Maßnahmen“ and a table each, escaped", () => {
    const html = sheetsToHtml([
      {
        name: "Tabelle1",
        rows: [
          ["Handlungsfeld", "Maßnahme", "Kosten"],
          ["Sprache", "Sprachcafés <b>", "12500"],
          ["Wohnen", "Wohnraum", "400"],
          ["Sprache", "Lotsen", ""],
        ],
      },
    ]);
    expect(html).toBe(
      "<h1>Sprache</h1><h2>Maßnahmen</h2><table><thead><tr><th>Maßnahme</th><th>Kosten</th></tr></thead><tbody><tr><td>Sprachcafés &lt;b&gt;</td><td>12500</td></tr><tr><td>Lotsen</td><td></td></tr></tbody></table>\n" +
        "<h1>Wohnen</h1><h2>Maßnahmen</h2><table><thead><tr><th>Maßnahme</th><th>Kosten</th></tr></thead><tbody><tr><td>Wohnraum</td><td>400</td></tr></tbody></table>",
    );
  });

  it("names a sheet without that column after the sheet", () => {
    expect(sheetsToHtml([{ name: "Bildung", rows: [["Maßnahme"], ["Schulsozialarbeit"]] }])).toBe(
      "<h1>Bildung</h1><h2>Maßnahmen</h2><table><thead><tr><th>Maßnahme</th></tr></thead><tbody><tr><td>Schulsozialarbeit</td></tr></tbody></table>",
    );
  });
});
