/**
 * The concept the money bench measures (scripts/bench/money.ts), built from a
 * concept's backup: 300 measures spread over its fields of action, each with
 * three funding lines (mixed sources, some ending before their measure), three
 * indicators (numeric baseline and target, one with a word as baseline, one
 * without unit), mixed statuses and periods, linked to the fields' sub-goals;
 * and the plan of 1,000 indicator values (Ist-Werte) over the numeric
 * indicators. Pure and deterministic, so a test can build a small one.
 */

export const MONEY_MEASURES = 300;
export const INDICATOR_VALUES = 1_000;
/** Validity of the bench concept; measures start 2020–2027 and run into 2027–2031. */
export const MONEY_VALIDITY = { validFrom: "2026-01-01", validUntil: "2030-12-31" };
/** Sub-goals per field of action (measures are linked to them in turn). */
const GOALS_PER_FIELD = 3;

export type MoneyBackup = {
  concept: { title: string; settings: Record<string, unknown> };
  fields: { key: string }[];
  subGoals: { ref: string; fieldKey: string; text: string; position: number }[];
  measures: Record<string, unknown>[];
};

const STATUSES = ["planned", "running", "established", "completed"] as const;
const SOURCES = ["state", "federal", "eu", "thirdParty", "municipal"] as const;

const startOf = (i: number) => `${2020 + (i % 8)}-${String((i % 12) + 1).padStart(2, "0")}-01`;
const endOf = (i: number) => (i % 5 === 0 ? null : `${2027 + (i % 5)}-12-31`);

/** Measure i of the bench concept, in the backup format. */
export function moneyMeasure(i: number, fieldKey: string, position: number, subGoalRefs: string[]) {
  return {
    fieldKey,
    position,
    subGoalRefs,
    title: `Maßnahme ${i + 1}: Beratung und Begleitung im Quartier`,
    description: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `Beschreibung der Maßnahme ${i + 1}.` }] }] },
    targetGroups: ["Neuzugewanderte", "Familien"],
    taskType: i % 3 === 0 ? "mandatory" : "voluntary",
    leadOffice: i % 10 === 0 ? "" : `Amt ${50 + (i % 9)}`,
    partners: ["Wohlfahrtsverband", "Jobcenter"],
    status: STATUSES[i % 4],
    startDate: startOf(i),
    endDate: endOf(i),
    priority: "medium",
    staffFte: ((i % 8) + 1) * 0.25,
    materialCostCents: 500_000 + i * 1_234,
    fundingLines: [0, 1, 2].map((k) => ({
      source: SOURCES[(i + k) % 5],
      programme: `Programm ${(i + k) % 17}`,
      amountCents: 1_000_000 + ((i * 7 + k) % 50) * 10_000,
      until: k === 2 ? null : `${2026 + ((i + k) % 4)}-12-31`,
    })),
    indicators: [0, 1, 2].map((k) => ({
      name: `Indikator ${k + 1}`,
      kind: k === 0 ? "output" : "outcome",
      unit: k === 2 ? "" : "Personen",
      baseline: k === 1 ? "hoch" : String(100 + i),
      target: String(150 + i),
      dataSource: "Fachstatistik",
      cadence: "jährlich",
    })),
  };
}

/** The bench concept: `base` (a backup) with its measures and sub-goals replaced, and a validity. */
export function moneyBackup<T extends MoneyBackup>(base: T, measures = MONEY_MEASURES): T {
  const fields = base.fields.map((f) => f.key);
  if (fields.length === 0) throw new Error("Das Konzept hat keine Handlungsfelder.");
  const subGoals = fields.flatMap((fieldKey, fi) =>
    Array.from({ length: GOALS_PER_FIELD }, (_, g) => ({ ref: `bench-${fi}-${g}`, fieldKey, text: `Teilziel ${g + 1} im Handlungsfeld ${fi + 1}`, position: g })),
  );
  return {
    ...base,
    concept: { ...base.concept, title: `Konzept mit ${measures} Maßnahmen`, settings: { ...base.concept.settings, ...MONEY_VALIDITY } },
    subGoals,
    measures: Array.from({ length: measures }, (_, i) => {
      const fi = i % fields.length;
      const position = Math.floor(i / fields.length);
      // Every fourth measure is linked to no sub-goal (the check reports it), the others to one in turn.
      const refs = i % 4 === 3 ? [] : [`bench-${fi}-${position % GOALS_PER_FIELD}`];
      return moneyMeasure(i, fields[fi]!, position, refs);
    }),
  };
}

/** One Ist-Wert: an indicator of a measure (by the measure's place in the backup), a date, a value. */
export type PlannedValue = { measure: number; indicator: number; date: string; value: number; source: string };

/**
 * The bench's indicator values: `count` values over the indicators with a
 * numeric baseline and target, in turn, so each gets one or two: one per year
 * from the measure's start (31 December), moving from baseline toward target.
 */
export function indicatorValuePlan(backup: MoneyBackup, count = INDICATOR_VALUES): PlannedValue[] {
  const numeric: { measure: number; indicator: number; baseline: number; target: number; start: number }[] = [];
  backup.measures.forEach((m, mi) => {
    const indicators = m.indicators as { baseline: string; target: string }[];
    indicators.forEach((ind, ii) => {
      const baseline = Number(ind.baseline);
      const target = Number(ind.target);
      if (ind.baseline.trim() && ind.target.trim() && Number.isFinite(baseline) && Number.isFinite(target)) {
        numeric.push({ measure: mi, indicator: ii, baseline, target, start: Number(String(m.startDate).slice(0, 4)) });
      }
    });
  });
  if (numeric.length === 0) return [];
  const values: PlannedValue[] = [];
  for (let n = 0; n < count; n++) {
    const ind = numeric[n % numeric.length]!;
    const round = Math.floor(n / numeric.length);
    const year = ind.start + round;
    const value = Math.round(ind.baseline + ((ind.target - ind.baseline) * (round + 1)) / 5);
    values.push({ measure: ind.measure, indicator: ind.indicator, date: `${year}-12-31`, value, source: "Fachstatistik" });
  }
  return values;
}
