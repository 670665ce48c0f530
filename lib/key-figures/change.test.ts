import { describe, expect, it } from "vitest";
import { formatKeyFigureChange, formatKeyFigureValue, keyFigureLines, type KeyFigureValue } from "./change";

const v = (name: string, year: number, value: number, unit = ""): KeyFigureValue => ({ id: `${name}-${year}`, name, unit, year, referenceDate: null, value, source: "" });

describe("key figure lines", () => {
  it("shows the two latest years of each figure and the change between them", () => {
    const lines = keyFigureLines([v("Einwohner", 2026, 1410), v("Einwohner", 2020, 1100), v("Einwohner", 2024, 1250)]);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.previous!.year).toBe(2024);
    expect(lines[0]!.latest.year).toBe(2026);
    expect(formatKeyFigureChange(lines[0]!)).toBe("2024: 1.250 → 2026: 1.410, +12,8 %");
    expect(lines[0]!.history.map((x) => x.year)).toEqual([2020, 2024, 2026]);
  });

  it("shows a fall with a minus sign and no change for a single year", () => {
    const [fall, single] = keyFigureLines([v("Arbeitslosenquote", 2023, 8, "%"), v("Arbeitslosenquote", 2025, 6.5, "%"), v("Schulabbrüche", 2025, 40)]);
    // A rate's change is in percentage points: "−18,8 %" would read as a fall of 18.8 points.
    expect(formatKeyFigureChange(fall!)).toBe("2023: 8 → 2025: 6,5, −1,5 Prozentpunkte");
    expect(formatKeyFigureChange(fall!, "en-GB")).toBe("2023: 8 → 2025: 6.5, −1.5 percentage points");
    const [one] = keyFigureLines([v("SGB-II-Quote", 2024, 11.9, "%"), v("SGB-II-Quote", 2025, 12.9, "%")]);
    expect(formatKeyFigureChange(one!)).toBe("2024: 11,9 → 2025: 12,9, +1 Prozentpunkt");
    expect(formatKeyFigureValue(fall!.latest.value, fall!.unit)).toBe("6,5 %");
    expect(formatKeyFigureChange(single!)).toBe("");
  });

  it("gives the difference, not a percentage, when the previous value was 0", () => {
    const [line] = keyFigureLines([v("Neue Kurse", 2024, 0), v("Neue Kurse", 2025, 3)]);
    expect(line!.percent).toBeNull();
    expect(formatKeyFigureChange(line!)).toBe("2024: 0 → 2025: 3, +3");
  });
});
