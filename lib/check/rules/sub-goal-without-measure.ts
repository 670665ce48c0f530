import { places } from "../places";
import type { Rule } from "../types";

export const subGoalWithoutMeasure: Rule = {
  id: "teilziel-ohne-massnahme",
  severity: "warning",
  description: "Ein Teilziel ist mit keiner Maßnahme verknüpft.",
  run: (ctx) => {
    const linked = new Set(ctx.measures.flatMap((m) => m.subGoalIds));
    return ctx.subGoals
      .filter((g) => !linked.has(g.id))
      .map((g) => {
        const field = ctx.fields.find((f) => f.id === g.fieldId);
        return {
          key: `teilziel-ohne-massnahme:${g.id}`,
          message: `Teilziel ${g.number} „${g.text.length > 80 ? `${g.text.slice(0, 79)}…` : g.text}“ hat keine Maßnahme.`,
          place: field ? places.field(ctx, field) : places.chapter(ctx, "fields"),
        };
      });
  },
};
