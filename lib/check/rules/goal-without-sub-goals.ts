import { places } from "../places";
import type { Rule } from "../types";

export const goalWithoutSubGoals: Rule = {
  id: "leitziel-ohne-teilziele",
  severity: "warning",
  description: "Ein Handlungsfeld hat ein Leitziel, aber keine Teilziele.",
  run: (ctx) =>
    ctx.fields
      .filter((f) => ctx.sections.some((s) => s.fieldId === f.id && s.part === "goal" && s.textLength > 0))
      .filter((f) => !ctx.subGoals.some((g) => g.fieldId === f.id))
      .map((f) => ({ key: `leitziel-ohne-teilziele:${f.id}`, message: `Das Leitziel von „${f.title}“ hat keine Teilziele.`, place: places.field(ctx, f) })),
};
