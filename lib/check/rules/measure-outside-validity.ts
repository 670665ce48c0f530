import { formatDate, formatPeriod } from "@/lib/measures/labels";
import { places } from "../places";
import type { Rule } from "../types";

export const measureOutsideValidity: Rule = {
  id: "massnahme-ausserhalb-geltung",
  severity: "error",
  description: "Der Zeitraum einer Maßnahme liegt ganz außerhalb des Geltungszeitraums des Konzepts.",
  run: (ctx) => {
    const { validFrom, validUntil } = ctx.settings;
    if (!validFrom || !validUntil) return [];
    return ctx.measures
      .filter((m) => (m.endDate !== null && m.endDate < validFrom) || (m.startDate !== null && m.startDate > validUntil))
      .map((m) => ({
        key: `massnahme-ausserhalb-geltung:${m.id}`,
        message: `${m.number} „${m.title}“ (${formatPeriod(m.startDate, m.endDate)}) liegt außerhalb des Geltungszeitraums ${formatDate(validFrom)} – ${formatDate(validUntil)}.`,
        place: places.measure(ctx, m),
      }));
  },
};
