import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/validation";
import { measureCodeKey, measureCodeProblem, measureLabel, measureNumber } from "./label";
import { measureInputSchema } from "./schema";

describe("measureLabel", () => {
  it("is the automatic number without a code", () => {
    expect(measureNumber("5.2", 2)).toBe("M 5.2.3");
    expect(measureLabel("", "M 5.2.3")).toBe("M 5.2.3");
    expect(measureLabel("   ", "M 5.2.3")).toBe("M 5.2.3");
    expect(measureLabel(null, "M 5.2.3")).toBe("M 5.2.3");
    expect(measureLabel(undefined, "M 7.1.1")).toBe("M 7.1.1");
  });

  it("is the code when one is set, trimmed and as written", () => {
    expect(measureLabel("SP-01", "M 5.2.3")).toBe("SP-01");
    expect(measureLabel(" Bildung/2 ", "M 5.2.3")).toBe("Bildung/2");
  });

  it("compares codes ignoring case and outer spaces", () => {
    expect(measureCodeKey(" SP-01 ")).toBe(measureCodeKey("sp-01"));
    expect(measureCodeKey("ÄB")).toBe(measureCodeKey("äb"));
  });
});

const base = { title: "Sprachcafé im Stadtteil", taskType: "voluntary" };
const codeOf = (code: unknown) => measureInputSchema.safeParse({ ...base, code });

describe("the code of a measure", () => {
  it.each(["SP-01", "sp.1", "Ä_ö/ü-ß", "1", "9/2026", "x".repeat(16), "Übergang-Schule"])("accepts %s", (code) => {
    const result = codeOf(code);
    expect(result.success).toBe(true);
    expect(result.data?.code).toBe(code);
    expect(measureCodeProblem(code)).toBeNull();
  });

  it("is trimmed, and empty means no code", () => {
    expect(codeOf("  SP-01 ").data?.code).toBe("SP-01");
    expect(codeOf("   ").data?.code).toBe("");
    expect(measureInputSchema.parse(base).code).toBe("");
  });

  it.each([
    ["x".repeat(17), "Kürzel: höchstens 16 Zeichen."],
    ["-SP", "Kürzel: 1–16 Zeichen"],
    [".1", "Kürzel: 1–16 Zeichen"],
    ["SP 01", "Kürzel: 1–16 Zeichen"],
    ["SP#1", "Kürzel: 1–16 Zeichen"],
    ["SP:1", "Kürzel: 1–16 Zeichen"],
    ["<b>", "Kürzel: 1–16 Zeichen"],
  ])("refuses %j with a German message on the field", (code, message) => {
    const result = codeOf(code);
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!).code).toContain(message);
    expect(measureCodeProblem(code)).toContain(message);
  });

  it("refuses a code that is not text", () => {
    expect(fieldErrors(codeOf(42).error!).code).toBe("Kürzel: bitte Text angeben.");
  });
});

describe("the own personnel cost rate of a measure", () => {
  const rateOf = (staffCostPerFteCents: unknown) => measureInputSchema.safeParse({ ...base, staffCostPerFteCents });

  it("is optional and takes whole cents above 0", () => {
    expect(measureInputSchema.parse(base).staffCostPerFteCents).toBeNull();
    expect(rateOf(null).data?.staffCostPerFteCents).toBeNull();
    expect(rateOf(7_800_000).data?.staffCostPerFteCents).toBe(7_800_000);
  });

  it.each([
    [0, "größer als 0 €"],
    [-1, "nicht negativ"],
    [1.5, "ganzen Cent"],
    ["78000", "bitte einen Betrag angeben"],
  ])("refuses %j on the field", (value, message) => {
    const result = rateOf(value);
    expect(result.success).toBe(false);
    const error = fieldErrors(result.error!).staffCostPerFteCents;
    expect(error).toMatch(/^Personalkosten je VZÄ: /);
    expect(error).toContain(message);
  });
});
