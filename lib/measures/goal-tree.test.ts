import { describe, expect, it } from "vitest";
import type { IndicatorDraft as Indicator } from "@/lib/measures/indicator-ids";
import { goalSummary, goalTree, indicatorLine, isEmptyTree, type GoalTree } from "./goal-tree";

const indicator = (name: string, over: Partial<Indicator> = {}): Indicator => ({ name, kind: "output", unit: "", baseline: "", target: "", dataSource: "", cadence: "", ...over });

/** The tree as indented lines, the way a reader of the PDF sees it. */
const lines = (t: GoalTree) => [
  `Leitziel: ${t.goal}`,
  ...[...t.subGoals.map((g) => ({ head: g.text, measures: g.measures })), ...(t.withoutSubGoal.length ? [{ head: "ohne Teilziel", measures: t.withoutSubGoal }] : [])].flatMap(
    (g) => [`- ${g.head}`, ...g.measures.flatMap((m) => [`  - ${m.label} ${m.title}`, ...m.indicators.map((x) => `    - ${x.name}`)])],
  ),
];

describe("goalTree", () => {
  const subGoals = [
    { id: "g1", text: "Mehr Kursplätze" },
    { id: "g2", text: "Kürzere Wartezeiten" },
    { id: "g3", text: "   " },
    { id: "g4", text: "Noch ohne Maßnahme" },
  ];
  const measures = [
    { id: "m1", code: "", title: "Sprachcafé", subGoalIds: ["g1"], indicators: [indicator("Teilnehmende"), indicator(" ")] },
    { id: "m2", code: "SP-02", title: "Elternkurse", subGoalIds: ["g1", "g2"], indicators: [indicator("Kurse", { kind: "outcome", target: "12" })] },
    { id: "m3", code: null, title: "Lotsen", subGoalIds: [], indicators: [] },
    { id: "m4", title: "Beratung", subGoalIds: ["g3", "gelöscht"], indicators: [indicator("Beratungen")] },
  ];

  it("hangs each measure under the sub-goals it serves, with its indicators, and the rest under 'ohne Teilziel'", () => {
    const tree = goalTree({ goal: "Alle  sprechen\nDeutsch.", subGoals, measures, fieldNumber: "5.1" });
    expect(lines(tree)).toEqual([
      "Leitziel: Alle sprechen Deutsch.",
      "- Mehr Kursplätze",
      "  - M 5.1.1 Sprachcafé",
      "    - Teilnehmende",
      "  - SP-02 Elternkurse",
      "    - Kurse",
      "- Kürzere Wartezeiten",
      "  - SP-02 Elternkurse",
      "    - Kurse",
      "- Noch ohne Maßnahme",
      "- ohne Teilziel",
      "  - M 5.1.3 Lotsen",
      "  - M 5.1.4 Beratung",
      "    - Beratungen",
    ]);
    expect(tree.subGoals[1]!.measures[0]!.indicators[0]).toMatchObject({ kind: "outcome", target: "12" });
  });

  it("is empty only without Leitziel, sub-goals and measures", () => {
    expect(isEmptyTree(goalTree({ goal: " ", subGoals: [], measures: [], fieldNumber: "5.2" }))).toBe(true);
    expect(isEmptyTree(goalTree({ goal: "Ziel", subGoals: [], measures: [], fieldNumber: "5.2" }))).toBe(false);
    expect(isEmptyTree(goalTree({ goal: "", subGoals: [], measures: [measures[2]!], fieldNumber: "5.2" }))).toBe(false);
  });
});

describe("goalSummary", () => {
  const para = (text?: string) => ({ type: "paragraph", ...(text ? { content: [{ type: "text", text }] } : {}) });
  it("takes the Leitziel's first block with text, marking that more follows", () => {
    expect(goalSummary({ type: "doc", content: [para(), para("Alle  Kinder lernen Deutsch."), para("Begründung …")] })).toBe("Alle Kinder lernen Deutsch. …");
    expect(goalSummary({ type: "doc", content: [para("Teilhabe für alle.")] })).toBe("Teilhabe für alle.");
    expect(goalSummary({ type: "doc", content: [para()] })).toBe("");
    expect(goalSummary(null)).toBe("");
  });
});

describe("indicatorLine", () => {
  it("names the indicator, its kind and, when given, baseline → target with the unit", () => {
    expect(indicatorLine(indicator("Teilnehmende", { baseline: "120", target: "200", unit: "Personen" }), "Output")).toBe("Teilnehmende (Output): 120 → 200 Personen");
    expect(indicatorLine(indicator("Quote", { target: "70", unit: "%" }), "Outcome")).toBe("Quote (Outcome): – → 70 %");
    expect(indicatorLine(indicator("Zufriedenheit"), "Outcome")).toBe("Zufriedenheit (Outcome)");
  });
});
