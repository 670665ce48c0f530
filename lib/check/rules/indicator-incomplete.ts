import { readIndicatorNumber } from "@/lib/monitoring/number";
import { places } from "../places";
import type { Rule } from "../types";

/** "1.200", "35 %", "12,5", "ca. 40", "-3" — a number a later Ist-Wert can be compared with (the monitoring reads it the same way). */
export function isNumericValue(text: string): boolean {
  return readIndicatorNumber(text) !== null;
}

export const indicatorIncomplete: Rule = {
  id: "indikator-unvollstaendig",
  severity: "hint",
  description: "Einem Indikator fehlt ein Basis- oder Zielwert als Zahl, die Einheit, die Datenquelle oder der Erhebungsturnus.",
  run: (ctx) =>
    ctx.measures
      .filter((m) => m.status !== "completed")
      .flatMap((m) =>
        m.indicators.flatMap((x, i) => {
          const gaps = [
            !isNumericValue(x.baseline) && "Basiswert als Zahl",
            !isNumericValue(x.target) && "Zielwert als Zahl",
            !x.unit.trim() && "Einheit",
            !x.dataSource.trim() && "Datenquelle",
            !x.cadence.trim() && "Erhebungsturnus",
          ].filter((g): g is string => !!g);
          if (!gaps.length) return [];
          return [
            {
              key: `indikator-unvollstaendig:${m.id}:${x.name.trim() || i}`,
              message: `${m.number}, Indikator „${x.name}“: es fehlt ${gaps.join(", ")}.`,
              place: places.measure(ctx, m),
            },
          ];
        }),
      ),
};
