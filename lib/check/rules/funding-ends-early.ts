import { endsBeforeMeasure } from "@/lib/funding/cliff";
import { FUNDING_SOURCE_LABELS, formatDate } from "@/lib/measures/labels";
import { places } from "../places";
import type { Rule } from "../types";

export const fundingEndsEarly: Rule = {
  id: "foerderung-endet-vor-massnahme",
  severity: "warning",
  description: "Eine Förderung endet vor der Maßnahme (Förderklippe): die Anschlussfinanzierung ist offen.",
  run: (ctx) =>
    ctx.measures
      .filter((m) => m.status !== "completed")
      .flatMap((m) =>
        m.fundingLines
          .filter((l) => endsBeforeMeasure(l.until, m.endDate))
          .map((l) => ({
            key: `foerderung-endet-vor-massnahme:${m.id}:${l.source}:${l.programme}:${l.until}`,
            message: `${m.number} „${m.title}“: ${FUNDING_SOURCE_LABELS[l.source]}${l.programme ? ` (${l.programme})` : ""} endet am ${formatDate(l.until!)}, die Maßnahme ${m.endDate ? `läuft bis ${formatDate(m.endDate)}` : "hat kein Ende"}.`,
            place: places.measure(ctx, m),
          })),
      ),
};
