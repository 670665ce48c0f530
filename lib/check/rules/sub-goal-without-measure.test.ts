import { describe, expect, it } from "vitest";
import { goodContext } from "../test-context";
import { subGoalWithoutMeasure } from "./sub-goal-without-measure";

describe(subGoalWithoutMeasure.id, () => {
  it("flags a Teilziel no measure is linked to", () => {
    const ctx = goodContext();
    ctx.subGoals.push({ id: "g2", fieldId: "f1", text: "Mehr Lernpatenschaften", number: "2.1.2" });
    expect(subGoalWithoutMeasure.run(ctx).map((f) => [f.key, f.message])).toEqual([
      ["teilziel-ohne-massnahme:g2", "Teilziel 2.1.2 „Mehr Lernpatenschaften“ hat keine Maßnahme."],
    ]);
  });
});
