import { describe, expect, it } from "vitest";
import { goodContext } from "../test-context";
import { fieldWithoutMeasure } from "./field-without-measure";

describe(fieldWithoutMeasure.id, () => {
  it("flags a field of action without measures", () => {
    const ctx = goodContext();
    ctx.fields.push({ id: "f2", key: "health", title: "Gesundheit", number: "2.2" });
    expect(fieldWithoutMeasure.run(ctx)).toEqual([
      { key: "handlungsfeld-ohne-massnahme:f2", message: "Das Handlungsfeld „Gesundheit“ hat keine Maßnahme.", place: { label: "2.2 Gesundheit", href: "/concepts/c1#feld-health" } },
    ]);
  });
});
