import type { FundingReport } from "@/lib/funding/compute";
import { FUNDING_SOURCE_LABELS, FUNDING_SOURCES, STATUS_LABELS, formatEuro, formatFte, formatPeriod } from "@/lib/measures/labels";
import type { MonitoringReport } from "./report";
import { formatDay, indicatorSummary, progressText, valueText } from "./text";
import { YEAR_STATUS_LABELS, YEAR_STATUSES } from "./year-status";

/*
 * The Sachstandsbericht (annual report to the council) as data for the Typst
 * template lib/pdf/templates/sachstand.typ: the status of every measure with
 * its yearly implementation, indicator progress, and the funding of the report
 * year. Pure; built from the same monitoring report and funding computation
 * the page and the API show. Every value is a finished string: the template
 * only lays out.
 */

export type SachstandModel = {
  meta: { documentTitle: string; title: string; municipality: string; date: string; reportYear: number; conceptStatus: string };
  summary: string[];
  funding: { year: number; note: string; rows: [string, string][]; total: [string, string][] };
  /** what the Fortschreibung has to deal with */
  update: { ended: string[]; missed: [string, string, string, string][] };
  fields: {
    title: string;
    measures: {
      heading: string;
      facts: [string, string][];
      years: [string, string, string][];
      indicators: { name: string; range: string; progress: string; summary: string; values: [string, string, string][] }[];
    }[];
  }[];
};

export function buildSachstand(input: {
  title: string;
  municipality: string;
  conceptStatus: string;
  date: string;
  monitoring: MonitoringReport;
  funding: FundingReport;
}): SachstandModel {
  const { monitoring: mon, funding } = input;
  const s = mon.summary;
  const year = s.year;
  const costs = new Map(funding.measures.map((m) => [m.id, m]));
  // A completed measure's funding as it had it (chapter 7's list of them), not what is left of it in the validity.
  const completedFunding = new Map(funding.excluded.map((x) => [x.id, x.externalFundingCents]));
  const yearRow = funding.byYear.find((y) => y.year === year);
  const fundingRows: [string, string][] = yearRow
    ? FUNDING_SOURCES.filter((src) => (yearRow.fundingBySourceCents[src] ?? 0) > 0).map((src) => [FUNDING_SOURCE_LABELS[src], formatEuro(yearRow.fundingBySourceCents[src])])
    : [];
  const total: [string, string][] = yearRow
    ? [
        ["Gesamtkosten", formatEuro(yearRow.totalCostCents)],
        ["Förderung", formatEuro(yearRow.externalFundingCents)],
        ["Kommunaler Anteil", formatEuro(yearRow.ownShareCents)],
        ["VZÄ", formatFte(yearRow.staffFte) || "0"],
      ]
    : [];
  return {
    meta: {
      documentTitle: `Sachstandsbericht ${year} – ${input.title}`,
      title: input.title,
      municipality: input.municipality,
      date: input.date,
      reportYear: year,
      conceptStatus: input.conceptStatus,
    },
    summary: [
      `${s.measures} ${s.measures === 1 ? "Maßnahme" : "Maßnahmen"}. Umsetzungsstand ${year}: ${YEAR_STATUSES.map((st) => `${s.byStatus[st]} ${YEAR_STATUS_LABELS[st]}`).join(", ")}, ${s.byStatus.none} ohne Angabe${s.notRunning ? `; ${s.notRunning} ${s.notRunning === 1 ? "läuft" : "laufen"} ${year} nicht` : ""}.`,
      `${s.indicators} ${s.indicators === 1 ? "Indikator" : "Indikatoren"}, davon ${s.withValues} mit Ist-Werten; ${s.numeric} mit Zahlen für Basis- und Zielwert, davon ${s.reached} am Ziel, ${s.behind} noch nicht und ${s.unmeasured} noch ohne Ist-Wert.`,
    ],
    funding: {
      year,
      note: yearRow
        ? `Mittel ${year} laut Finanzplan des Konzepts (aus den Maßnahmen berechnet wie die Übersicht nach Jahren in Kapitel Finanzierung: Maßnahmen und Förderungen zählen die Monate, in denen sie ${year} laufen): Beträge nach Quelle, die Haushaltsmittel der Kommune eingeschlossen, und Summen. Förderung sind die Beträge von Land, Bund, EU und Dritten. Ausgaben werden in Konzeptwerk nicht gebucht.`
        : `Für ${year} liegt kein Jahr im Geltungszeitraum des Konzepts; der Finanzplan nennt dafür keine Mittel.`,
      rows: fundingRows,
      total,
    },
    update: {
      ended: mon.update.ended.map((m) => `${m.label} ${m.title} – ${m.why}`),
      missed: mon.update.missed.map((x): [string, string, string, string] => [`${x.label} ${x.name}`, x.range, x.latest, x.progress]),
    },
    fields: mon.fields
      .filter((f) => f.measures.length > 0)
      .map((f) => ({
        title: `${f.number} ${f.title}`,
        measures: f.measures.map((m) => {
          const c = costs.get(m.id);
          const facts: [string, string][] = [
            ["Status", `${STATUS_LABELS[m.status]}${m.ended ? " (beendet)" : ""}`],
            ["Zeitraum", formatPeriod(m.startDate, m.endDate) || "nicht angegeben"],
          ];
          if (c) facts.push(["Kosten und Förderung pro Jahr", `${formatEuro(c.totalCostCents)} Kosten, davon ${formatEuro(completedFunding.get(m.id) ?? c.externalFundingCents)} Förderung`]);
          const current = m.yearStatuses.find((y) => y.year === year);
          facts.push([`Umsetzungsstand ${year}`, current ? YEAR_STATUS_LABELS[current.status] : "nicht angegeben"]);
          return {
            heading: `${m.label} ${m.title}`,
            facts,
            years: m.yearStatuses.map((y): [string, string, string] => [String(y.year), YEAR_STATUS_LABELS[y.status], y.note]),
            indicators: m.indicators.map((x) => ({
              name: x.name,
              range: `${x.baseline || "–"} → ${x.target || "–"}${x.unit ? ` ${x.unit}` : ""}`,
              progress: progressText(x.progress),
              summary: indicatorSummary(x),
              values: x.values.map((v): [string, string, string] => [formatDay(v.observedOn), valueText(v, x.unit), v.source]),
            })),
          };
        }),
      })),
  };
}
