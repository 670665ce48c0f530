/**
 * The funding report as printable tables: German numbers, "pro Jahr" in every
 * money header, numeric columns marked for right alignment. The concept page,
 * the print preview and the PDF (Typst) render exactly these strings, so the
 * numbers cannot differ between them.
 */
import { FUNDING_SOURCE_LABELS, FUNDING_SOURCES, TASK_TYPE_LABELS, formatDate } from "@/lib/measures/labels";
import type { FundingReport, Totals } from "./compute";
import { formatFteHundredths } from "./fte";

export type ViewTable = {
  id: string;
  caption: string;
  /** numeric columns are right-aligned */
  columns: { label: string; numeric: boolean }[];
  rows: { cells: string[]; total?: boolean }[];
};

export type FundingView = {
  measures: number;
  tables: ViewTable[];
  excluded: { title: string; items: string[] } | null;
  notes: string[];
  cliff: {
    summary: string;
    /** bars of the chart: euros per year that end, and VZÄ affected */
    bars: { year: number; cents: number; label: string; fte: string }[];
    tables: ViewTable[];
  };
};

const wholeEuro = new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
/** Overviews show whole euros (rounded half up); the API keeps the exact cents. */
export const euro = (cents: number | bigint) => (typeof cents === "bigint" ? wholeEuro.format((cents + 50n) / 100n) : wholeEuro.format(Math.floor((cents + 50) / 100)));
const fte = (h: number) => formatFteHundredths(h);
const text = (label: string) => ({ label, numeric: false });
const num = (label: string) => ({ label, numeric: true });

const COST_COLUMNS = [
  num("Maßnahmen"),
  num("VZÄ"),
  num("Personalkosten pro Jahr"),
  num("Sachkosten pro Jahr"),
  num("Gesamtkosten pro Jahr"),
  num("Förderung pro Jahr"),
  num("Kommunaler Anteil pro Jahr"),
];
const costCells = (t: Totals) => [
  String(t.measures),
  fte(t.staffFteHundredths),
  euro(t.staffCostCents),
  euro(t.materialCostCents),
  euro(t.totalCostCents),
  // Förderung is what others pay (Land, Bund, EU, Dritte): with the municipal share it makes up the total cost.
  euro(t.externalFundingCents),
  euro(t.ownShareCents),
];

/** Under the tables of a version made before versions kept their rate (lib/pdf/export.ts). */
export const RATE_OF_TODAY = "Der Personalkostensatz ist der heutige: Mit dieser Version wurde der damals geltende Satz nicht gespeichert.";

export function fundingView(r: FundingReport, fieldTitle: (key: string, fallback: string) => string = (_k, f) => f): FundingView {
  const planFunding = r.bySource.reduce((a, s) => a + s.centsPerYear, 0);
  const tables: ViewTable[] = [
    {
      id: "quelle",
      caption: `Finanzierung nach Quelle (Finanzplan, ${r.plan.measures} Maßnahmen)`,
      columns: [text("Quelle"), num("Förderlinien"), num("Betrag pro Jahr")],
      rows: [
        ...r.bySource.map((s) => ({ cells: [FUNDING_SOURCE_LABELS[s.source], String(s.lines), euro(s.centsPerYear)] })),
        { cells: ["Summe", String(r.bySource.reduce((a, s) => a + s.lines, 0)), euro(planFunding)], total: true },
      ],
    },
    {
      id: "handlungsfeld",
      caption: "Kosten und Finanzierung nach Handlungsfeld",
      columns: [text("Handlungsfeld"), ...COST_COLUMNS],
      rows: [
        ...r.byField.filter((f) => f.measures > 0).map((f) => ({ cells: [fieldTitle(f.fieldKey, f.title), ...costCells(f)] })),
        { cells: ["Summe", ...costCells(r.plan)], total: true },
      ],
    },
    {
      id: "aufgabenart",
      caption: "Pflichtaufgaben und freiwillige Aufgaben",
      columns: [text("Aufgabenart"), ...COST_COLUMNS],
      rows: [...r.byTaskType.map((t) => ({ cells: [TASK_TYPE_LABELS[t.taskType], ...costCells(t)] })), { cells: ["Summe", ...costCells(r.plan)], total: true }],
    },
  ];
  if (r.byYear.length) {
    // Up to 30 years of up to 4 · 10^15 cents each: summed exactly (BigInt), not in floating point.
    const sum = (pick: (y: FundingReport["byYear"][number]) => number) => r.byYear.reduce((a, y) => a + BigInt(pick(y)), 0n);
    tables.push({
      id: "jahr",
      caption: `Nach Jahren im Geltungszeitraum (${formatDate(r.validity.from!)} – ${formatDate(r.validity.until!)})`,
      columns: [text("Jahr"), num("VZÄ"), num("Gesamtkosten"), ...FUNDING_SOURCES.map((s) => num(FUNDING_SOURCE_LABELS[s])), num("Kommunaler Anteil")],
      rows: [
        ...r.byYear.map((y) => ({
          cells: [String(y.year), fte(y.staffFteHundredths), euro(y.totalCostCents), ...FUNDING_SOURCES.map((s) => euro(y.fundingBySourceCents[s])), euro(y.ownShareCents)],
        })),
        {
          cells: ["Summe", "", euro(sum((y) => y.totalCostCents)), ...FUNDING_SOURCES.map((s) => euro(sum((y) => y.fundingBySourceCents[s]))), euro(sum((y) => y.ownShareCents))],
          total: true,
        },
      ],
    });
  }
  const rate = `Personalkostensatz: ${euro(r.staffCostPerFteCents)} pro VZÄ und Jahr${r.rateIsDefault ? " (Voreinstellung; die Leitung legt den Satz der Kommune unter „Mitglieder“ fest)" : ""}.`;
  // Measures with a rate of their own: named under the tables, so that every personnel cost can be traced.
  const ownRates = r.measures
    .filter((m) => m.staffCostPerFteCents !== r.staffCostPerFteCents)
    .map((m) => `${m.number} ${m.title}: eigener Satz ${euro(m.staffCostPerFteCents)} je VZÄ`);
  const ownRateNote = ownRates.length ? [`Abweichender Personalkostensatz pro Jahr: ${ownRates.join("; ")}.`] : [];
  const cliffTables: ViewTable[] = [
    {
      id: "klippe-jahr",
      caption: "Förderklippe: wegfallende Förderung nach Jahr, Quelle und Programm",
      columns: [text("ab Jahr"), text("Quelle"), text("Programm"), num("Maßnahmen"), num("Betrag pro Jahr")],
      rows: r.cliff.years.flatMap((y) => [
        ...y.byProgramme.map((p) => ({ cells: [String(y.year), FUNDING_SOURCE_LABELS[p.source], p.programme, String(p.measures), euro(p.cents)] })),
        { cells: [String(y.year), "Summe", `${fte(y.staffFteHundredths)} VZÄ betroffen`, "", euro(y.cents)], total: true },
      ]),
    },
    {
      id: "klippe-massnahmen",
      caption: "Maßnahmen, die länger laufen als ihre Förderung",
      columns: [text("Maßnahme"), text("Aufgabenart"), text("Förderung endet"), text("Maßnahme endet"), num("wegfallend pro Jahr")],
      rows: r.cliff.measures.map((m) => ({
        cells: [`${m.number} ${m.title}`, m.voluntary ? "freiwillig" : "Pflicht", formatDate(m.fundingEnds), m.measureEnds ? formatDate(m.measureEnds) : "offen", euro(m.centsPerYear)],
      })),
    },
  ];
  return {
    measures: r.plan.measures + r.excluded.length,
    tables,
    excluded: r.excluded.length
      ? { title: "Abgeschlossen, nicht im Finanzplan", items: r.excluded.map((x) => `${x.number} ${x.title} (Gesamtkosten ${euro(x.totalCostCents)}, Förderung ${euro(x.externalFundingCents)} pro Jahr)`) }
      : null,
    notes: [...r.rules, rate, ...(r.rateOfToday ? [RATE_OF_TODAY] : []), ...ownRateNote, "Beträge in Euro, auf volle Euro gerundet (Rundungsdifferenzen in den Summen möglich).", ...(r.yearNote ? [r.yearNote] : [])],
    cliff: {
      summary: r.cliff.summary,
      bars: r.cliff.years.map((y) => ({ year: y.year, cents: y.cents, label: euro(y.cents), fte: fte(y.staffFteHundredths) })),
      tables: cliffTables,
    },
  };
}
