import { describe, expect, it } from "vitest";
import { parsePdfQuery, pdfFileName } from "./export";

describe("pdfFileName", () => {
  it("names the municipality, the version and the day in Berlin", () => {
    expect(pdfFileName("Musterstadt", 3, new Date("2026-11-25T22:30:00Z"))).toEqual({
      ascii: "Integrationskonzept_Musterstadt_v3_2026-11-25.pdf",
      utf8: "Integrationskonzept_Musterstadt_v3_2026-11-25.pdf",
    });
    // 23:30 UTC is already the next day in Berlin.
    expect(pdfFileName("Musterstadt", null, new Date("2026-11-25T23:30:00Z")).ascii).toBe("Integrationskonzept_Musterstadt_Entwurf_2026-11-26.pdf");
  });

  it("keeps the ASCII name safe and the UTF-8 name readable", () => {
    expect(pdfFileName('Landkreis Groß-Gerau / "Süd"', 1, new Date("2026-01-02T10:00:00Z"))).toEqual({
      ascii: "Integrationskonzept_Landkreis-Gross-Gerau-Sued_v1_2026-01-02.pdf",
      utf8: "Integrationskonzept_Landkreis-Groß-Gerau-Süd_v1_2026-01-02.pdf",
    });
  });
});

describe("parsePdfQuery", () => {
  it("reads version and history", () => {
    expect(parsePdfQuery(new URLSearchParams(""))).toEqual({ version: null, history: false });
    expect(parsePdfQuery(new URLSearchParams("version=4&history=1"))).toEqual({ version: 4, history: true });
    expect(parsePdfQuery(new URLSearchParams("comments=1"))).toEqual({ version: null, history: false, comments: true });
  });
  it.each(["0", "-1", "abc", "1.5", "9999999999"])("refuses version=%s", (v) => {
    expect(() => parsePdfQuery(new URLSearchParams(`version=${v}`))).toThrow("Bitte eine gültige Versionsnummer angeben (1, 2, 3 …).");
  });
});
