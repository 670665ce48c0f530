import { describe, expect, it } from "vitest";
import { columnKind, parseDate, parseList, parseMoney, parsePeriod, parseStatus } from "./measure-values";

describe("values of a measure table", () => {
  it("reads German money", () => {
    expect(parseMoney("12.500 €")).toBe(1_250_000);
    expect(parseMoney("12,5 T€")).toBe(1_250_000);
    expect(parseMoney("3.000,50 EUR")).toBe(300_050);
    expect(parseMoney("nach Bedarf")).toBeNull();
    expect(parseMoney("")).toBeNull();
  });

  it("reads periods and dates", () => {
    expect(parsePeriod("2026–2028")).toEqual({ startDate: "2026-01-01", endDate: "2028-12-31" });
    expect(parsePeriod("01/2026")).toEqual({ startDate: "2026-01-01", endDate: null });
    expect(parsePeriod("03/2026 – 02/2027")).toEqual({ startDate: "2026-03-01", endDate: "2027-02-28" });
    expect(parsePeriod("ab 15.04.2026")).toEqual({ startDate: "2026-04-15", endDate: null });
    expect(parsePeriod("2026")).toEqual({ startDate: "2026-01-01", endDate: "2026-12-31" });
    expect(parsePeriod("2028–2026")).toBeNull();
    expect(parsePeriod("13/2026")).toBeNull();
    expect(parsePeriod("fortlaufend")).toBeNull();
    // As the export writes a period without a start.
    expect(parsePeriod("bis 31.12.2027")).toEqual({ startDate: null, endDate: "2027-12-31" });
    expect(parsePeriod("bis 2027")).toEqual({ startDate: null, endDate: "2027-12-31" });
    expect(parsePeriod("bis")).toBeNull();
    expect(parseDate("31.12.2026")).toBe("2026-12-31");
    expect(parseDate("31.02.2026")).toBeNull();
    expect(parseDate("Ende 2026")).toBeNull();
  });

  it("reads status words, lists and column headers", () => {
    expect(parseStatus("laufend")).toBe("running");
    expect(parseStatus("vielleicht")).toBeNull();
    expect(parseList("VHS, Jobcenter; Caritas")).toEqual(["VHS", "Jobcenter", "Caritas"]);
    expect(columnKind("Federführung")).toBe("lead");
    expect(columnKind("Zeitraum")).toBe("period");
    expect(columnKind("Kosten (€)")).toBe("cost");
    expect(columnKind("Kooperationspartner")).toBe("partners");
  });
});
