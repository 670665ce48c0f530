/**
 * The one funding computation (chapter 7): the concept page, the print
 * preview, the PDF and GET /api/concepts/{id}/funding all show these numbers.
 * Money in integer cents, VZÄ in integer hundredths; nothing is floating point.
 *
 * Rules (also printed under the tables, see FUNDING_RULES):
 * - All amounts of a measure are per year: material cost, funding lines, and
 *   the personnel cost VZÄ × rate per VZÄ.
 * - The running plan (Finanzplan) counts measures that are geplant, laufend or
 *   verstetigt; abgeschlossen measures are listed apart and not counted.
 * - By year over the concept's validity: each measure counts the months of the
 *   year it runs (within the validity), a funding line additionally only until
 *   its end date.
 * - The municipality's own share is the cost not covered by external funding
 *   (Land, Bund, EU, Dritte), at least 0 per measure.
 */
import { FUNDING_SOURCES, TASK_TYPES } from "@/lib/measures/labels";
import { computeCliff, type Cliff } from "./cliff";
import { fteToHundredths, hundredthsToDecimal } from "./fte";
import { intersect, monthRange, monthsInYear, share } from "./months";
import { effectiveRate, staffCostCents } from "./rate";
import type { FundingInput, FundingMeasure, FundingSource } from "./types";

export type Totals = {
  measures: number;
  staffFteHundredths: number;
  /** decimal string with a point, e.g. "33.5" */
  staffFte: string;
  staffCostCents: number;
  materialCostCents: number;
  totalCostCents: number;
  fundingCents: number;
  externalFundingCents: number;
  ownShareCents: number;
};

export type MeasureCosts = {
  id: string;
  number: string;
  title: string;
  fieldKey: string;
  taskType: FundingMeasure["taskType"];
  status: FundingMeasure["status"];
  startDate: string | null;
  endDate: string | null;
  staffCostPerFteCents: number;
  /** per year */
  staffFteHundredths: number;
  staffCostCents: number;
  materialCostCents: number;
  totalCostCents: number;
  fundingBySourceCents: Record<FundingSource, number>;
  fundingCents: number;
  externalFundingCents: number;
  ownShareCents: number;
};

export type YearRow = {
  year: number;
  measures: number;
  staffFteHundredths: number;
  staffFte: string;
  totalCostCents: number;
  fundingBySourceCents: Record<FundingSource, number>;
  /** every source, the municipality's own budget lines included */
  fundingCents: number;
  /** Land, Bund, EU and third parties: what "Förderung" means in the tables */
  externalFundingCents: number;
  ownShareCents: number;
};

export type FundingReport = {
  /** the rate applied where a measure has none of its own */
  staffCostPerFteCents: number;
  rateIsDefault: boolean;
  /** see FundingInput.rateOfToday */
  rateOfToday: boolean;
  validity: { from: string | null; until: string | null };
  measures: MeasureCosts[];
  /** the running plan, per year */
  plan: Totals;
  bySource: { source: FundingSource; lines: number; centsPerYear: number }[];
  byField: ({ fieldKey: string; title: string } & Totals)[];
  byTaskType: ({ taskType: FundingMeasure["taskType"] } & Totals)[];
  byYear: YearRow[];
  /** measures not in the running plan, with the reason */
  /** fundingCents: every source within the validity (as before); externalFundingCents: what Land, Bund, EU and third parties paid it */
  excluded: { id: string; number: string; title: string; fieldKey: string; reason: string; totalCostCents: number; fundingCents: number; externalFundingCents: number }[];
  /** why the by-year view is missing or partial */
  yearNote: string | null;
  cliff: Cliff;
  rules: string[];
};

export const IN_PLAN: ReadonlySet<FundingMeasure["status"]> = new Set(["planned", "running", "established"]);
export const EXCLUDED_REASON = "abgeschlossen, nicht im Finanzplan";
const EXTERNAL: ReadonlySet<FundingSource> = new Set(["state", "federal", "eu", "thirdParty"]);
/** Years shown at most (a validity typed as 2026–2226 must not make a table of 200 rows). */
const MAX_YEARS = 30;

export const FUNDING_RULES = [
  "Alle Beträge gelten pro Jahr: Sachkosten, Förderungen und Personalkosten (VZÄ × Personalkostensatz pro VZÄ und Jahr).",
  "Im Finanzplan stehen Maßnahmen mit dem Status geplant, laufend oder verstetigt; abgeschlossene Maßnahmen sind gesondert aufgeführt und nicht mitgerechnet.",
  "Nach Jahren: jede Maßnahme zählt anteilig die Monate, in denen sie im Geltungszeitraum läuft; eine Förderung zusätzlich nur bis zu ihrem Enddatum.",
  "Förderung = Beträge von Land, Bund, EU und Dritten; Kommunaler Anteil = Gesamtkosten abzüglich dieser Förderung (je Maßnahme mindestens 0). Haushaltsmittel der Kommune sind Teil des kommunalen Anteils, keine Förderung.",
  "Eine Förderung, die vor dem Geltungszeitraum oder vor dem Beginn der Maßnahme endet, zählt nirgends mit.",
];

const zeroSources = (): Record<FundingSource, number> => ({ municipal: 0, state: 0, federal: 0, eu: 0, thirdParty: 0 });

type Validity = { from: string | null; until: string | null };

/**
 * The funding lines that pay for at least one month of the measure within the concept's validity. One that ended
 * before (a grant until 2025 in a concept from 2026) is gone from every yearly figure, as from the table by year.
 */
function payingLines(m: FundingMeasure, validity: Validity): FundingMeasure["fundingLines"] {
  const running = intersect(monthRange(m.startDate, m.endDate), monthRange(validity.from, validity.until));
  return m.fundingLines.filter((l) => running !== null && intersect(running, monthRange(null, l.until)) !== null);
}

const externalOf = (lines: FundingMeasure["fundingLines"]) => lines.filter((l) => EXTERNAL.has(l.source)).reduce((a, l) => a + l.amountCents, 0);

function measureCosts(m: FundingMeasure, lines: FundingMeasure["fundingLines"], municipalityRate: number | null): MeasureCosts {
  const rate = effectiveRate(m.staffCostPerFteCents, municipalityRate);
  const fte = fteToHundredths(m.staffFte);
  const staff = staffCostCents(fte, rate);
  const material = m.materialCostCents ?? 0;
  const bySource = zeroSources();
  for (const l of lines) bySource[l.source] += l.amountCents;
  const funding = FUNDING_SOURCES.reduce((a, s) => a + bySource[s], 0);
  const external = externalOf(lines);
  const total = staff + material;
  return {
    id: m.id,
    number: m.number,
    title: m.title,
    fieldKey: m.fieldKey,
    taskType: m.taskType,
    status: m.status,
    startDate: m.startDate,
    endDate: m.endDate,
    staffCostPerFteCents: rate,
    staffFteHundredths: fte,
    staffCostCents: staff,
    materialCostCents: material,
    totalCostCents: total,
    fundingBySourceCents: bySource,
    fundingCents: funding,
    externalFundingCents: external,
    ownShareCents: Math.max(0, total - external),
  };
}

export function sumTotals(rows: MeasureCosts[]): Totals {
  const fte = rows.reduce((a, r) => a + r.staffFteHundredths, 0);
  return {
    measures: rows.length,
    staffFteHundredths: fte,
    staffFte: hundredthsToDecimal(fte),
    staffCostCents: rows.reduce((a, r) => a + r.staffCostCents, 0),
    materialCostCents: rows.reduce((a, r) => a + r.materialCostCents, 0),
    totalCostCents: rows.reduce((a, r) => a + r.totalCostCents, 0),
    fundingCents: rows.reduce((a, r) => a + r.fundingCents, 0),
    externalFundingCents: rows.reduce((a, r) => a + r.externalFundingCents, 0),
    ownShareCents: rows.reduce((a, r) => a + r.ownShareCents, 0),
  };
}

function validityYears(from: string | null, until: string | null): number[] | null {
  if (!from || !until) return null;
  const a = Number(from.slice(0, 4));
  const b = Math.min(Number(until.slice(0, 4)), a + MAX_YEARS - 1);
  return a <= b ? Array.from({ length: b - a + 1 }, (_, i) => a + i) : null;
}

function yearRows(input: FundingInput, plan: { m: FundingMeasure; c: MeasureCosts }[], years: number[]): YearRow[] {
  const validity = monthRange(input.validFrom, input.validUntil);
  return years.map((year) => {
    const bySource = zeroSources();
    let cost = 0;
    let own = 0;
    let externalSum = 0;
    let fte = 0;
    let count = 0;
    for (const { m, c } of plan) {
      const running = intersect(monthRange(m.startDate, m.endDate), validity);
      const months = monthsInYear(running, year);
      if (months === 0) continue;
      count++;
      // Staff as the cost counts it: a post from August is 5/12 of a post in that year (VZÄ × rate = its personnel cost).
      fte += Math.round((c.staffFteHundredths * months) / 12);
      const measureCost = share(c.totalCostCents, months);
      let external = 0;
      for (const l of m.fundingLines) {
        const lineMonths = monthsInYear(running && intersect(running, monthRange(null, l.until)), year);
        const cents = share(l.amountCents, lineMonths);
        bySource[l.source] += cents;
        if (EXTERNAL.has(l.source)) external += cents;
      }
      cost += measureCost;
      externalSum += external;
      own += Math.max(0, measureCost - external);
    }
    return {
      year,
      measures: count,
      staffFteHundredths: fte,
      staffFte: hundredthsToDecimal(fte),
      totalCostCents: cost,
      fundingBySourceCents: bySource,
      fundingCents: FUNDING_SOURCES.reduce((a, s) => a + bySource[s], 0),
      externalFundingCents: externalSum,
      ownShareCents: own,
    };
  });
}

/** Compute every overview of chapter 7 from the measures. Pure. */
export function computeFunding(input: FundingInput): FundingReport {
  const validity: Validity = { from: input.validFrom, until: input.validUntil };
  const all = input.measures.map((m) => {
    const lines = payingLines(m, validity);
    return { m, lines, c: measureCosts(m, lines, input.staffCostPerFteCents) };
  });
  const plan = all.filter((x) => IN_PLAN.has(x.m.status));
  const planCosts = plan.map((x) => x.c);
  const fieldTitle = new Map(input.fields.map((f) => [f.key, f.title]));
  const fieldKeys = [...input.fields.map((f) => f.key), ...new Set(planCosts.map((c) => c.fieldKey).filter((k) => !fieldTitle.has(k)))];
  const years = validityYears(input.validFrom, input.validUntil);
  return {
    staffCostPerFteCents: effectiveRate(null, input.staffCostPerFteCents),
    rateIsDefault: input.staffCostPerFteCents === null,
    rateOfToday: input.rateOfToday ?? false,
    validity,
    measures: all.map((x) => x.c),
    plan: sumTotals(planCosts),
    bySource: FUNDING_SOURCES.map((source) => {
      const lines = plan.flatMap((x) => x.lines.filter((l) => l.source === source));
      return { source, lines: lines.length, centsPerYear: lines.reduce((a, l) => a + l.amountCents, 0) };
    }),
    byField: fieldKeys.map((key) => ({ fieldKey: key, title: fieldTitle.get(key) ?? key, ...sumTotals(planCosts.filter((c) => c.fieldKey === key)) })),
    byTaskType: TASK_TYPES.map((taskType) => ({ taskType, ...sumTotals(planCosts.filter((c) => c.taskType === taskType)) })),
    byYear: years ? yearRows(input, plan, years) : [],
    excluded: all
      .filter((x) => !IN_PLAN.has(x.m.status))
      // A completed measure is shown with the funding it had, also when it ended before the validity (its own sheet lists it).
      .map(({ m, c }) => ({ id: c.id, number: c.number, title: c.title, fieldKey: c.fieldKey, reason: EXCLUDED_REASON, totalCostCents: c.totalCostCents, fundingCents: c.fundingCents, externalFundingCents: externalOf(m.fundingLines) })),
    yearNote: !years
      ? "Ohne Geltungszeitraum (Kapitel 1: gültig ab / bis) gibt es keine Übersicht nach Jahren."
      : years.length === MAX_YEARS && Number(input.validUntil!.slice(0, 4)) > years.at(-1)!
        ? `Nach Jahren: gezeigt sind die ersten ${MAX_YEARS} Jahre des Geltungszeitraums (bis ${years.at(-1)}); die Summe umfasst nur diese.`
        : null,
    // The cliff too sees only the lines that pay within the validity: one that ended before it is no gap to come.
    cliff: computeCliff(
      plan.map((x) => ({ ...x.m, fundingLines: x.lines })),
      new Map(plan.map((x) => [x.m.id, x.c.staffFteHundredths])),
    ),
    rules: FUNDING_RULES,
  };
}
