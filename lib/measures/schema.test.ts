import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/validation";
import { formatDate, formatEuro, formatEuroInput, formatFte, formatPeriod } from "./labels";
import {
  NumberFormatError,
  createMeasureSchema,
  formatDecimalInput,
  measureInputSchema,
  parseDecimalDe,
  parseEuroToCents,
  updateMeasureSchema,
} from "./schema";

const doc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Kurse für Eltern." }] }] };
const uuid = "3f2b8a4e-9c1d-4e5f-8a7b-1c2d3e4f5a6b";

const fullMeasure = {
  title: "Sprachcafé im Stadtteilzentrum",
  description: doc,
  subGoalIds: [uuid],
  targetGroups: ["Neuzugewanderte Erwachsene", "Eltern"],
  taskType: "voluntary",
  leadOffice: "Integrationsbüro",
  partners: ["VHS", "Caritas"],
  status: "running",
  startDate: "2026-03-01",
  endDate: "2027-12-31",
  priority: "high",
  staffFte: 1.5,
  materialCostCents: 3_500_000,
  fundingLines: [
    { source: "state", programme: "Landesprogramm Integration", amountCents: 2_000_000, until: "2027-12-31" },
    { source: "municipal", programme: "", amountCents: 1_500_000, until: null },
  ],
  indicators: [
    { name: "Teilnehmende", kind: "output", unit: "Personen", baseline: "0", target: "120", dataSource: "Anmeldelisten", cadence: "jährlich" },
  ],
};

const errorsOf = (input: unknown) => {
  const result = measureInputSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.success ? {} : fieldErrors(result.error);
};

describe("parseEuroToCents", () => {
  it.each([
    ["35.000,50", 3_500_050],
    ["35000", 3_500_000],
    ["35.000", 3_500_000],
    ["35 000 €", 3_500_000],
    ["35\u00a0000,00\u00a0€", 3_500_000],
    ["35000,5", 3_500_050],
    ["0,99", 99],
    ["1.234.567,89", 123_456_789],
    ["35.000,-", 3_500_000],
    ["EUR 1.200", 120_000],
    ["0", 0],
  ])("reads %s", (input, cents) => {
    expect(parseEuroToCents(input)).toBe(cents);
  });

  it("returns null for an empty input", () => {
    expect(parseEuroToCents("")).toBeNull();
    expect(parseEuroToCents("   ")).toBeNull();
    expect(parseEuroToCents(" € ")).toBeNull();
  });

  it.each(["abc", "35.00", "3.5000", "35,505", "12,3,4", "1e5", "35..000", "-5", "35.000,50 Dollar", "9999999999999"])(
    "rejects %s with a German message",
    (input) => {
      expect(() => parseEuroToCents(input)).toThrow(NumberFormatError);
    },
  );

  it("explains the expected format", () => {
    expect(() => parseEuroToCents("viel")).toThrow("Bitte einen Betrag wie 35.000,50 angeben.");
    expect(() => parseEuroToCents("-5")).toThrow("Der Betrag darf nicht negativ sein.");
  });

  it("round-trips with the input format", () => {
    expect(parseEuroToCents(formatEuroInput(3_500_050))).toBe(3_500_050);
    expect(parseEuroToCents(formatEuroInput(123_456_789))).toBe(123_456_789);
  });
});

describe("parseDecimalDe", () => {
  it.each([
    ["1,5", 1.5],
    ["1", 1],
    ["0,25", 0.25],
    ["1.000,5", 1000.5],
    [" 2,75 ", 2.75],
    ["-0,5", -0.5],
  ])("reads %s", (input, value) => {
    expect(parseDecimalDe(input)).toBe(value);
  });

  it("returns null for an empty input", () => {
    expect(parseDecimalDe("")).toBeNull();
  });

  it.each(["1.5", "eins", "1,5,5", "1,", ",5", "1 ,5x"])("rejects %s", (input) => {
    expect(() => parseDecimalDe(input)).toThrow(NumberFormatError);
  });

  it("formats stored decimals for the input", () => {
    expect(formatDecimalInput("1.50")).toBe("1,5");
    expect(formatDecimalInput(null)).toBe("");
    expect(parseDecimalDe(formatDecimalInput("12.25")!)).toBe(12.25);
  });
});

describe("measureInputSchema", () => {
  it("accepts a complete measure", () => {
    const result = measureInputSchema.safeParse(fullMeasure);
    expect(result.success).toBe(true);
    if (result.success) {
      expect(result.data.fundingLines).toHaveLength(2);
      expect(result.data.staffFte).toBe(1.5);
    }
  });

  it("fills defaults for a minimal measure", () => {
    const result = measureInputSchema.parse({ title: "Lotsenprojekt", taskType: "mandatory" });
    expect(result).toMatchObject({
      status: "planned",
      priority: "medium",
      startDate: null,
      endDate: null,
      staffFte: null,
      materialCostCents: null,
      fundingLines: [],
      indicators: [],
      subGoalIds: [],
      leadOffice: "",
    });
    expect(result.description.type).toBe("doc");
  });

  it("trims texts and treats empty dates as none", () => {
    const result = measureInputSchema.parse({ ...fullMeasure, title: "  Sprachcafé  ", startDate: "", endDate: "" });
    expect(result.title).toBe("Sprachcafé");
    expect(result.startDate).toBeNull();
  });

  it("requires a title", () => {
    const { title: _title, ...rest } = fullMeasure;
    expect(errorsOf(rest).title).toBe("Bitte einen Titel angeben.");
    expect(errorsOf({ ...fullMeasure, title: "   " }).title).toBe("Bitte einen Titel angeben.");
    expect(errorsOf({ ...fullMeasure, title: "ab" }).title).toBe("Der Titel muss mindestens 3 Zeichen lang sein.");
    expect(errorsOf({ ...fullMeasure, title: "x".repeat(301) }).title).toBe("Der Titel darf höchstens 300 Zeichen lang sein.");
  });

  it("rejects an end before the start", () => {
    expect(errorsOf({ ...fullMeasure, startDate: "2027-01-01", endDate: "2026-12-31" }).endDate).toBe("Das Ende liegt vor dem Beginn.");
  });

  it("allows a one-day measure and open ends", () => {
    expect(measureInputSchema.safeParse({ ...fullMeasure, startDate: "2026-05-01", endDate: "2026-05-01" }).success).toBe(true);
    expect(measureInputSchema.safeParse({ ...fullMeasure, startDate: "2026-05-01", endDate: null }).success).toBe(true);
  });

  it("rejects dates that are not calendar days", () => {
    expect(errorsOf({ ...fullMeasure, startDate: "2026-02-30" }).startDate).toBe("Dieses Datum gibt es nicht.");
    expect(errorsOf({ ...fullMeasure, startDate: "01.03.2026" }).startDate).toBe("Bitte ein Datum im Format JJJJ-MM-TT angeben.");
  });

  it("rejects an unknown funding source", () => {
    const errors = errorsOf({ ...fullMeasure, fundingLines: [{ source: "lottery", programme: "", amountCents: 100, until: null }] });
    expect(errors["fundingLines.0.source"]).toBe("Bitte eine Förderquelle wählen (Kommune, Land, Bund, EU oder Dritte).");
  });

  it("rejects negative, fractional and oversized amounts", () => {
    const line = fullMeasure.fundingLines[0]!;
    expect(errorsOf({ ...fullMeasure, fundingLines: [{ ...line, amountCents: -1 }] })["fundingLines.0.amountCents"]).toMatch(/negativ/);
    expect(errorsOf({ ...fullMeasure, fundingLines: [{ ...line, amountCents: 1.5 }] })["fundingLines.0.amountCents"]).toMatch(/ganzen Cent/);
    expect(errorsOf({ ...fullMeasure, materialCostCents: Number.MAX_SAFE_INTEGER }).materialCostCents).toBe("Sachkosten: höchstens 999.999.999,99 €.");
    expect(measureInputSchema.safeParse({ ...fullMeasure, fundingLines: [{ ...line, amountCents: 99_999_999_999 }] }).success).toBe(true);
    expect(errorsOf({ ...fullMeasure, fundingLines: [{ ...line, amountCents: 100_000_000_000 }] })["fundingLines.0.amountCents"]).toBe("Betrag: höchstens 999.999.999,99 €.");
    expect(measureInputSchema.safeParse({ ...fullMeasure, staffCostPerFteCents: 100_000_000 }).success).toBe(true);
    expect(errorsOf({ ...fullMeasure, staffCostPerFteCents: 100_000_001 }).staffCostPerFteCents).toBe("Personalkosten je VZÄ: höchstens 1.000.000 € je VZÄ und Jahr.");
    expect(errorsOf({ ...fullMeasure, staffCostPerFteCents: 200_000_000_000 }).staffCostPerFteCents).toBe("Personalkosten je VZÄ: höchstens 1.000.000 € je VZÄ und Jahr.");
  });

  it("limits funding lines and indicators to 20", () => {
    const line = fullMeasure.fundingLines[0]!;
    expect(errorsOf({ ...fullMeasure, fundingLines: Array(21).fill(line) }).fundingLines).toBe("Höchstens 20 Förderungen.");
    const indicator = fullMeasure.indicators[0]!;
    expect(errorsOf({ ...fullMeasure, indicators: Array(21).fill(indicator) }).indicators).toBe("Höchstens 20 Indikatoren.");
  });

  it("requires an indicator name and a known kind", () => {
    const indicator = fullMeasure.indicators[0]!;
    const errors = errorsOf({ ...fullMeasure, indicators: [{ ...indicator, name: " ", kind: "impact" }] });
    expect(errors["indicators.0.name"]).toBe("Bitte einen Namen für den Indikator angeben.");
    expect(errors["indicators.0.kind"]).toBe("Bitte Output oder Outcome wählen.");
  });

  it("checks staff in full-time equivalents", () => {
    expect(errorsOf({ ...fullMeasure, staffFte: 1.255 }).staffFte).toBe("Personal: höchstens zwei Nachkommastellen.");
    expect(errorsOf({ ...fullMeasure, staffFte: 1001 }).staffFte).toBe("Personal: höchstens 1.000 VZÄ.");
    expect(errorsOf({ ...fullMeasure, staffFte: -1 }).staffFte).toBe("Personal: der Wert darf nicht negativ sein.");
    expect(measureInputSchema.safeParse({ ...fullMeasure, staffFte: 0.1 + 0.2 }).success).toBe(true);
  });

  it("limits target groups", () => {
    expect(errorsOf({ ...fullMeasure, targetGroups: Array(21).fill("Eltern") }).targetGroups).toBe("Zielgruppen: höchstens 20 Einträge.");
    expect(errorsOf({ ...fullMeasure, targetGroups: ["x".repeat(201)] })["targetGroups.0"]).toBe("Zielgruppen: höchstens 200 Zeichen.");
  });

  it("requires a task type and a document as description", () => {
    expect(errorsOf({ ...fullMeasure, taskType: "" }).taskType).toBe("Bitte Pflichtaufgabe oder freiwillige Aufgabe wählen.");
    expect(errorsOf({ ...fullMeasure, description: "<p>Hallo</p>" }).description).toBe("Die Beschreibung hat kein gültiges Format.");
  });

  it("rejects sub-goal ids that are no ids", () => {
    expect(errorsOf({ ...fullMeasure, subGoalIds: ["1; drop table"] })["subGoalIds.0"]).toBe("Teilziel: ungültige Kennung.");
  });
});

describe("action schemas", () => {
  it("carry the concept and keep the date rule", () => {
    const ok = createMeasureSchema.safeParse({ ...fullMeasure, conceptId: uuid, fieldId: uuid });
    expect(ok.success).toBe(true);
    const bad = createMeasureSchema.safeParse({ ...fullMeasure, conceptId: uuid, fieldId: uuid, startDate: "2027-01-01", endDate: "2026-01-01" });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(fieldErrors(bad.error).endDate).toBe("Das Ende liegt vor dem Beginn.");
  });

  it("require a base revision for updates", () => {
    const result = updateMeasureSchema.safeParse({ ...fullMeasure, conceptId: uuid, measureId: uuid });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrors(result.error).baseRevision).toBe("Die Revision fehlt.");
  });
});

describe("labels and formatting", () => {
  it("formats euros, dates and staff the German way", () => {
    expect(formatEuro(3_500_000).replace(/\s/g, " ")).toBe("35.000,00 €");
    expect(formatDate("2026-03-01")).toBe("01.03.2026");
    expect(formatPeriod("2026-03-01", "2027-12-31")).toBe("01.03.2026 – 31.12.2027");
    expect(formatPeriod(null, "2027-12-31")).toBe("bis 31.12.2027");
    expect(formatFte("1.50")).toBe("1,5");
    expect(formatFte(null)).toBe("");
  });
});
