import { describe, expect, it } from "vitest";
import { countWords, missingWords, wordsOf } from "./words";

describe("word counting", () => {
  it("counts words, numbers and compounds, not punctuation or bullets", () => {
    expect(countWords("Die Kita-Plätze (12.500 €) – z. B. in Nord • Süd.")).toBe(8);
    expect(wordsOf("Sprachcafé, 2026–2028")).toEqual(["Sprachcafé", "2026", "2028"]);
    expect(countWords("   ")).toBe(0);
  });

  it("lists the words of the source that are not placed, as often as they are missing", () => {
    expect(missingWords("Der Rat und der Rat", "der Rat")).toEqual(["Der", "und", "Rat"]);
    expect(missingWords("Alles da", "da Alles")).toEqual([]);
  });
});
