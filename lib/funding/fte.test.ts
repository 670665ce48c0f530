import { describe, expect, it } from "vitest";
import { formatFteHundredths, fteToHundredths, hundredthsToDecimal } from "./fte";

describe("VZÄ as hundredths", () => {
  it("reads stored text and backup numbers exactly", () => {
    expect(fteToHundredths("1.50")).toBe(150);
    expect(fteToHundredths("0.75")).toBe(75);
    expect(fteToHundredths(0.1)).toBe(10);
    expect(fteToHundredths(33.5)).toBe(3350);
    expect(fteToHundredths(null)).toBe(0);
    expect(fteToHundredths("")).toBe(0);
  });

  it("sums without floating-point drift (0.1 + 0.2 is 0.3)", () => {
    const sum = [0.1, 0.2].map(fteToHundredths).reduce((a, b) => a + b, 0);
    expect(hundredthsToDecimal(sum)).toBe("0.3");
    expect(hundredthsToDecimal(Array(10).fill("0.07").map(fteToHundredths).reduce((a, b) => a + b, 0))).toBe("0.7");
  });

  it("writes German notation without trailing zeros", () => {
    expect(formatFteHundredths(3350)).toBe("33,5");
    expect(formatFteHundredths(300)).toBe("3");
    expect(formatFteHundredths(75)).toBe("0,75");
  });

  it("refuses what is not a decimal", () => {
    expect(() => fteToHundredths("1,5")).toThrow("Ungültige VZÄ-Angabe: 1,5");
    expect(() => fteToHundredths("-1")).toThrow("Ungültige VZÄ-Angabe: -1");
  });
});
