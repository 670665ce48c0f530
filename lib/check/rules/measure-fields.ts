import { places } from "../places";
import type { CheckContext, Rule } from "../types";

/** Measures that still count (a completed measure needs no new indicator or funding). */
const active = (ctx: CheckContext) => ctx.measures.filter((m) => m.status !== "completed");

function missing(id: string, what: string, test: (m: CheckContext["measures"][number]) => boolean, activeOnly = true): Rule["run"] {
  return (ctx) =>
    (activeOnly ? active(ctx) : ctx.measures)
      .filter(test)
      .map((m) => ({ key: `${id}:${m.id}`, message: `${m.number} „${m.title}“ hat ${what}.`, place: places.measure(ctx, m) }));
}

export const measureWithoutLeadOffice: Rule = {
  id: "massnahme-ohne-federfuehrung",
  severity: "warning",
  description: "Eine Maßnahme hat keine federführende Stelle.",
  run: missing("massnahme-ohne-federfuehrung", "keine Federführung", (m) => !m.leadOffice.trim(), false),
};

export const measureWithoutPeriod: Rule = {
  id: "massnahme-ohne-zeitraum",
  severity: "warning",
  description: "Eine Maßnahme hat keinen Beginn (Zeitraum fehlt).",
  run: missing("massnahme-ohne-zeitraum", "keinen Zeitraum (Beginn fehlt)", (m) => !m.startDate, false),
};

export const measureWithoutIndicator: Rule = {
  id: "massnahme-ohne-indikator",
  severity: "warning",
  description: "Eine nicht abgeschlossene Maßnahme hat keinen Indikator.",
  run: missing("massnahme-ohne-indikator", "keinen Indikator", (m) => m.indicators.length === 0),
};

export const measureWithoutFunding: Rule = {
  id: "massnahme-ohne-finanzierung",
  severity: "warning",
  description: "Eine nicht abgeschlossene Maßnahme hat keine Finanzierung (keine Förderung und keine Haushaltsmittel).",
  run: missing("massnahme-ohne-finanzierung", "keine Finanzierung", (m) => m.fundingLines.length === 0),
};
