import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { factKind, readMeasureSheet, stripMeasureNumber } from "./measure-sheet";

const para = (text: string): JSONContent => ({ type: "paragraph", content: [{ type: "text", text }] });
const cell = (header: boolean, ...lines: string[]): JSONContent => ({ type: header ? "tableHeader" : "tableCell", content: lines.map(para) });
/** A table as the export writes it: a header row, then rows of cells (an array is one line per item). */
const table = (header: string[], ...rows: (string | string[])[][]): JSONContent => ({
  type: "table",
  content: [
    { type: "tableRow", content: header.map((h) => cell(true, h)) },
    ...rows.map((r) => ({ type: "tableRow", content: r.map((v) => cell(false, ...(typeof v === "string" ? [v] : v))) })),
  ],
});

const facts = table(
  ["Angabe", "Inhalt"],
  ["Federführung", "Kommunales Integrationszentrum (Amt 52)"],
  ["Kooperationspartner", ["Volkshochschule Musterstadt", "Caritas, Diakonie und AWO"]],
  ["Zielgruppen", ["Neuzugewanderte"]],
  ["Status", "laufend"],
  ["Zeitraum", "01.03.2024 – 31.12.2027"],
  ["Priorität", "hoch"],
  ["Aufgabenart", "Pflichtaufgabe"],
  ["Personal (VZÄ pro Jahr)", "1,5"],
  ["Sachkosten pro Jahr", "18.000,00\u00a0€"],
  ["Teilziele", ["Kursplätze für alle"]],
);

describe("a measure written as a sheet", () => {
  it("reads the facts, the funding lines and the indicators into the measure's fields", () => {
    const sheet = readMeasureSheet([
      para("Eine zentrale Beratung."),
      facts,
      table(["Förderquelle", "Programm", "Betrag", "bis"], ["Land", "KOMM-AN NRW", "38.000,00 €", "31.12.2026"], ["Kommune", "Haushalt", "12.000,00 €", ""], ["Summe", "", "50.000,00 €", ""]),
      table(["Indikator", "Art", "Basiswert → Zielwert", "Einheit", "Datenquelle, Turnus"], ["Beratungen", "Output", "1.350 → 2.000", "Anzahl", "Kursplatzbörse, Trägerabfrage, jährlich"]),
    ])!;
    expect(sheet.values).toEqual({
      leadOffice: "Kommunales Integrationszentrum (Amt 52)",
      // One line per item: a comma inside an item stays.
      partners: ["Volkshochschule Musterstadt", "Caritas, Diakonie und AWO"],
      targetGroups: ["Neuzugewanderte"],
      status: "running",
      startDate: "2024-03-01",
      endDate: "2027-12-31",
      priority: "high",
      taskType: "mandatory",
      staffFte: 1.5,
      materialCostCents: 1_800_000,
      // The sum row is computed, no line of its own.
      fundingLines: [
        { source: "state", programme: "KOMM-AN NRW", amountCents: 3_800_000, until: "2026-12-31" },
        { source: "municipal", programme: "Haushalt", amountCents: 1_200_000, until: null },
      ],
      indicators: [{ name: "Beratungen", kind: "output", unit: "Anzahl", baseline: "1.350", target: "2.000", dataSource: "Kursplatzbörse, Trägerabfrage", cadence: "jährlich" }],
    });
    expect(sheet.subGoals).toEqual(["Kursplätze für alle"]);
    expect(sheet.description).toEqual([para("Eine zentrale Beratung.")]);
  });

  it("keeps what does not parse in the description, and needs a facts table", () => {
    const sheet = readMeasureSheet([
      table(["Angabe", "Inhalt"], ["Federführung", "Jugendamt"], ["Zeitraum", "nach Bedarf"], ["Ort", "Rathaus"]),
      table(["Förderquelle", "Programm", "Betrag", "bis"], ["Stiftung", "Aktion Mensch", "5.000 €", ""]),
    ])!;
    expect(sheet.values).toEqual({ leadOffice: "Jugendamt", fundingLines: [] });
    expect(sheet.description).toEqual([para("Zeitraum: nach Bedarf"), para("Ort: Rathaus"), para("Förderung: Stiftung · Aktion Mensch · 5.000 €")]);
    expect(readMeasureSheet([para("Nur Text."), table(["Angabe", "Inhalt"], ["Ort", "Rathaus"])])).toBeNull();
  });

  it("splits 'Datenquelle, Turnus' at its last comma; a cadence alone is the cadence (documented: other single values are the data source)", () => {
    const indicator = (origin: string) =>
      readMeasureSheet([facts, table(["Indikator", "Art", "Basiswert → Zielwert", "Einheit", "Datenquelle, Turnus"], ["X", "Outcome", "1 → 2", "%", origin])])!.values.indicators![0]!;
    expect(indicator("Statistik Jugendamt, jährlich")).toMatchObject({ dataSource: "Statistik Jugendamt", cadence: "jährlich" });
    expect(indicator("jährlich")).toMatchObject({ dataSource: "", cadence: "jährlich" });
    expect(indicator("alle zwei Jahre")).toMatchObject({ dataSource: "", cadence: "alle zwei Jahre" });
    expect(indicator("zum Schuljahresbeginn")).toMatchObject({ dataSource: "zum Schuljahresbeginn", cadence: "" });
    expect(indicator("Bürgerbefragung")).toMatchObject({ dataSource: "Bürgerbefragung", cadence: "" });
    expect(indicator("Projektdokumentation, Jobcenter")).toMatchObject({ dataSource: "Projektdokumentation", cadence: "Jobcenter" });
  });

  it("reads a list cell one entry a line; a single line is split at commas, not at „und“", () => {
    const partners = (...lines: string[]) => readMeasureSheet([table(["Angabe", "Inhalt"], ["Federführung", "KI"], ["Kooperationspartner", lines])])!.values.partners;
    expect(partners("Haus- und Grundbesitzerverein e. V.")).toEqual(["Haus- und Grundbesitzerverein e. V."]);
    expect(partners("VHS, Jobcenter; Caritas")).toEqual(["VHS", "Jobcenter", "Caritas"]);
    expect(partners("Caritas, Diakonie", "AWO")).toEqual(["Caritas, Diakonie", "AWO"]);
  });

  it("knows the labels and strips the export's numbering from the title", () => {
    expect(factKind("Personal (VZÄ pro Jahr)")).toBe("staff");
    expect(factKind("Federführende Stelle")).toBe("lead");
    expect(factKind("Bemerkung")).toBeNull();
    expect(stripMeasureNumber("M 5.1.2 Sprachcafés in den Quartieren")).toBe("Sprachcafés in den Quartieren");
    expect(stripMeasureNumber("Sprachcafés 2026")).toBe("Sprachcafés 2026");
  });

  it("reads the own code and cost rate, and strips the code (not a look-alike) from the title", () => {
    const sheet = readMeasureSheet([
      table(["Angabe", "Inhalt"], ["Kürzel", "SP-01"], ["Personal (VZÄ pro Jahr)", "0,5"], ["Personalkosten je VZÄ (eigener Satz)", "78.123,45\u00a0€"]),
    ])!;
    expect(sheet.values).toMatchObject({ code: "SP-01", staffFte: 0.5, staffCostPerFteCents: 7_812_345 });
    expect(factKind("Personalkosten je VZÄ (eigener Satz)")).toBe("rate");
    expect(stripMeasureNumber("SP-01 Sprachcafés", "SP-01")).toBe("Sprachcafés");
    expect(stripMeasureNumber("SP-010 Sprachcafés", "SP-01")).toBe("SP-010 Sprachcafés");
    // A code the app would refuse stays text in the description.
    const bad = readMeasureSheet([table(["Angabe", "Inhalt"], ["Kürzel", "viel zu langes Kürzel mit Leerzeichen"], ["Federführung", "Amt 50"])])!;
    expect(bad.values.code).toBeUndefined();
    expect(JSON.stringify(bad.description)).toContain("Kürzel: viel zu langes Kürzel mit Leerzeichen");
    // So does a rate above what the form takes (1.000.000 € per VZÄ): the import is not refused for it.
    const dear = readMeasureSheet([table(["Angabe", "Inhalt"], ["Personalkosten je VZÄ (eigener Satz)", "2.000.000 €"], ["Federführung", "Amt 50"])])!;
    expect(dear.values.staffCostPerFteCents).toBeUndefined();
    expect(JSON.stringify(dear.description)).toContain("2.000.000 €");
  });
});
