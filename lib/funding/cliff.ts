/**
 * The funding cliff (Förderklippe): which money and which VZÄ lose their
 * funding in which year. A funding line with an end date stops paying a
 * measure that runs longer (open end, or an end after the line's); from the
 * year after its end date (the same year, when it ends within a year) the
 * line's yearly amount is missing. VZÄ: the staff of the measures affected,
 * each measure counted once per year.
 */
import { hundredthsToDecimal } from "./fte";
import { yearAfter } from "./months";
import type { FundingMeasure, FundingSource } from "./types";

export type CliffLine = {
  year: number;
  source: FundingSource;
  programme: string;
  /** yearly amount that ends */
  cents: number;
  until: string;
  measureId: string;
  measureNumber: string;
  measureTitle: string;
  voluntary: boolean;
};

export type CliffYear = {
  year: number;
  cents: number;
  staffFteHundredths: number;
  staffFte: string;
  bySource: { source: FundingSource; cents: number }[];
  byProgramme: { source: FundingSource; programme: string; cents: number; measures: number }[];
};

export type OutlastingMeasure = {
  id: string;
  number: string;
  title: string;
  fieldKey: string;
  voluntary: boolean;
  /** the last end date among the lines that end before the measure */
  fundingEnds: string;
  /** null: open-ended */
  measureEnds: string | null;
  centsPerYear: number;
};

export type Cliff = {
  lines: CliffLine[];
  years: CliffYear[];
  measures: OutlastingMeasure[];
  totalCents: number;
  summary: string;
};

const euro = (cents: number) => new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(Math.round(cents / 100));

/** True when the line ends before the measure does (open-ended measures outlast every dated line). */
export function endsBeforeMeasure(until: string | null, measureEnd: string | null): until is string {
  return !!until && (measureEnd === null || until < measureEnd);
}

export function computeCliff(measures: FundingMeasure[], fteOf: ReadonlyMap<string, number>): Cliff {
  const lines: CliffLine[] = [];
  for (const m of measures) {
    for (const l of m.fundingLines) {
      if (!endsBeforeMeasure(l.until, m.endDate) || l.amountCents === 0) continue;
      lines.push({
        year: yearAfter(l.until),
        source: l.source,
        programme: l.programme.trim() || "(ohne Programmname)",
        cents: l.amountCents,
        until: l.until,
        measureId: m.id,
        measureNumber: m.number,
        measureTitle: m.title,
        voluntary: m.taskType === "voluntary",
      });
    }
  }
  lines.sort((a, b) => a.year - b.year || a.until.localeCompare(b.until) || b.cents - a.cents);

  const years: CliffYear[] = [...new Set(lines.map((l) => l.year))].map((year) => {
    const ls = lines.filter((l) => l.year === year);
    const measureIds = new Set(ls.map((l) => l.measureId));
    const fte = [...measureIds].reduce((a, id) => a + (fteOf.get(id) ?? 0), 0);
    const bySource = new Map<FundingSource, number>();
    const byProgramme = new Map<string, { source: FundingSource; programme: string; cents: number; measures: Set<string> }>();
    for (const l of ls) {
      bySource.set(l.source, (bySource.get(l.source) ?? 0) + l.cents);
      const key = `${l.source}\u0000${l.programme}`;
      const p = byProgramme.get(key) ?? { source: l.source, programme: l.programme, cents: 0, measures: new Set<string>() };
      p.cents += l.cents;
      p.measures.add(l.measureId);
      byProgramme.set(key, p);
    }
    return {
      year,
      cents: ls.reduce((a, l) => a + l.cents, 0),
      staffFteHundredths: fte,
      staffFte: hundredthsToDecimal(fte),
      bySource: [...bySource].map(([source, cents]) => ({ source, cents })),
      byProgramme: [...byProgramme.values()]
        .map((p) => ({ source: p.source, programme: p.programme, cents: p.cents, measures: p.measures.size }))
        .sort((a, b) => b.cents - a.cents),
    };
  });

  const outlasting: OutlastingMeasure[] = measures.flatMap((m) => {
    const ending = m.fundingLines.filter((l) => endsBeforeMeasure(l.until, m.endDate) && l.amountCents > 0);
    if (!ending.length) return [];
    return [
      {
        id: m.id,
        number: m.number,
        title: m.title,
        fieldKey: m.fieldKey,
        voluntary: m.taskType === "voluntary",
        fundingEnds: ending.map((l) => l.until!).sort().at(-1)!,
        measureEnds: m.endDate,
        centsPerYear: ending.reduce((a, l) => a + l.amountCents, 0),
      },
    ];
  });

  const total = lines.reduce((a, l) => a + l.cents, 0);
  const voluntary = outlasting.filter((m) => m.voluntary).length;
  const peak = [...years].sort((a, b) => b.cents - a.cents)[0];
  const summary = lines.length
    ? `${lines.length} ${lines.length === 1 ? "Förderung endet" : "Förderungen enden"} vor dem Ende ihrer Maßnahme, zusammen ${euro(total)} pro Jahr, die je ab ihrem Ende bis zum Ende der Maßnahme fehlen. ` +
      `Am meisten fällt ${peak!.year} weg: ${euro(peak!.cents)} pro Jahr, bei ${peak!.staffFte.replace(".", ",")} VZÄ in den betroffenen Maßnahmen. ` +
      `${outlasting.length} ${outlasting.length === 1 ? "Maßnahme läuft" : "Maßnahmen laufen"} länger als ihre Förderung, davon ${voluntary} freiwillige ${voluntary === 1 ? "Aufgabe" : "Aufgaben"}.`
    : "Keine Förderung endet vor dem Ende ihrer Maßnahme.";
  return { lines, years, measures: outlasting, totalCents: total, summary };
}
