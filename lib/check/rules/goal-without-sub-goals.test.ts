import { describe, expect, it } from "vitest";
import { goodContext } from "../test-context";
import { goalWithoutSubGoals } from "./goal-without-sub-goals";

describe(goalWithoutSubGoals.id, () => {
  it("flags a field with a Leitziel and no Teilziele, linking to the field", () => {
    const ctx = goodContext();
    ctx.subGoals = [];
    expect(goalWithoutSubGoals.run(ctx)).toEqual([
      { key: "leitziel-ohne-teilziele:f1", message: "Das Leitziel von „Sprache“ hat keine Teilziele.", place: { label: "2.1 Sprache", href: "/concepts/c1#feld-language" } },
    ]);
  });

  it("leaves a field without Leitziel text to the empty-part rule", () => {
    const ctx = goodContext();
    ctx.subGoals = [];
    ctx.sections = ctx.sections.filter((s) => s.part !== "goal");
    expect(goalWithoutSubGoals.run(ctx)).toEqual([]);
  });
});
