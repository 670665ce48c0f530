import { describe, expect, it } from "vitest";
import { matchTitle, normaliseTitle } from "./titles";

describe("matchTitle", () => {
  it.each([
    ["Sprache und Sprachförderung", "language"],
    ["3.1 Arbeitsmarkt, Ausbildung", "work"],
    ["Wohnen und Unterbringung", "housing"],
    ["Kita, Schule", "education"],
    ["Gesundheit und Pflege", "health"],
    ["Bürgerschaftliches Engagement und Ehrenamt", "participation"],
    ["Gesellschaftliche Teilhabe und Beteiligung", "participation"],
  ])("„%s“ is the field %s", (title, key) => {
    expect(matchTitle(title)).toEqual({ kind: "field", key });
  });

  it.each([
    ["1. Anlass und Auftrag", "mandate"],
    ["Einleitung", "mandate"],
    ["II. Leitbild", "vision"],
    ["Ausgangslage", "baseline"],
    ["Steuerung und Zusammenarbeit", "governance"],
    ["Handlungsfelder", "fields"],
    ["Beteiligungsprozess", "participation_process"],
    ["Finanzierung", "funding"],
    ["Monitoring und Evaluation", "monitoring"],
    ["Fortschreibung", "update"],
    ["Forderungen an Land und Bund", "demands"],
  ])("„%s“ is the chapter %s", (title, key) => {
    expect(matchTitle(title)).toEqual({ kind: "chapter", key });
  });

  it("reads the parts of a field only inside a field", () => {
    expect(matchTitle("Ausgangslage", true)).toEqual({ kind: "part", key: "baseline" });
    expect(matchTitle("Leitziel", true)).toEqual({ kind: "part", key: "goal" });
    expect(matchTitle("Teilziele", true)).toEqual({ kind: "part", key: "subGoals" });
    expect(matchTitle("4.2.4 Maßnahmen", true)).toEqual({ kind: "part", key: "measures" });
    expect(matchTitle("Teilziele", false)).toBeNull();
  });

  it("does not read a field into a word that only contains it", () => {
    expect(matchTitle("Fremdsprachen im Rathaus")).toBeNull();
    expect(matchTitle("Antidiskriminierung")).toBeNull();
    expect(matchTitle("")).toBeNull();
  });

  it("folds umlauts and drops numbering", () => {
    expect(normaliseTitle("4.2 a) Übergänge in Ausbildung")).toBe("uebergaenge in ausbildung");
  });
});
