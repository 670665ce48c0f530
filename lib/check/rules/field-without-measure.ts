import { places } from "../places";
import type { Rule } from "../types";

export const fieldWithoutMeasure: Rule = {
  id: "handlungsfeld-ohne-massnahme",
  severity: "warning",
  description: "Ein Handlungsfeld hat keine Maßnahme.",
  run: (ctx) =>
    ctx.fields
      .filter((f) => !ctx.measures.some((m) => m.fieldId === f.id))
      .map((f) => ({ key: `handlungsfeld-ohne-massnahme:${f.id}`, message: `Das Handlungsfeld „${f.title}“ hat keine Maßnahme.`, place: places.field(ctx, f) })),
};
