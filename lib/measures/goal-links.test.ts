import { describe, expect, it } from "vitest";
import { measuresByGoal } from "./goal-links";

describe("measuresByGoal", () => {
  const goals = [
    { id: "g1", text: "Mehr Kursplätze" },
    { id: "g2", text: "Kürzere Wartezeiten" },
    { id: "g3", text: "Ohne Maßnahme" },
  ];
  const measures = [
    { id: "m1", code: "", title: "Sprachcafé", subGoalIds: ["g1"] },
    { id: "m2", code: "SP-02", title: "Elternkurse", subGoalIds: ["g1", "g2"] },
    { id: "m3", code: null, title: "Lotsen", subGoalIds: ["unbekannt"] },
  ];

  it("lists each sub-goal's measures with the names the concept shows (own code, else the automatic number)", () => {
    const out = measuresByGoal(goals, measures, "5.1");
    expect(out.map((g) => [g.id, g.measures.map((m) => `${m.label} ${m.title}`)])).toEqual([
      ["g1", ["M 5.1.1 Sprachcafé", "SP-02 Elternkurse"]],
      ["g2", ["SP-02 Elternkurse"]],
      ["g3", []],
    ]);
  });

  it("numbers a measure by its place in the field, also when earlier ones serve no listed goal", () => {
    const [g] = measuresByGoal([{ id: "x" }], [...measures, { id: "m4", title: "Beratung", subGoalIds: ["x"] }], "5.3");
    expect(g!.measures).toEqual([{ id: "m4", label: "M 5.3.4", title: "Beratung" }]);
  });
});
