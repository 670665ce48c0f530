/**
 * The anonymised metrics of one concept, computed from its backup format
 * (ConceptExport): the own draft and an adopted version go through the same
 * code. Only numbers, flags and categories leave here — never a name, never
 * free text. Pure: no database.
 */
import type { FundingLine } from "@/db/schema";
import type { ConceptExport } from "@/lib/concepts/exchange";
import { withoutProposals } from "@/lib/suggestions/resolve";
import { ORG_MODELS, type OrgModel } from "@/lib/concepts/setting-labels";
import { textLength } from "@/lib/editor/document";
import { FUNDING_SOURCES } from "@/lib/measures/labels";
import { STANDARD_FIELDS } from "@/lib/template";

export const FIELD_KEYS = STANDARD_FIELDS.map((f) => f.key) as readonly string[];
export type FundingSource = FundingLine["source"];
export const MEASURE_SHARES = ["leadOffice", "indicator", "budget", "voluntary"] as const;
export type MeasureShare = (typeof MEASURE_SHARES)[number];

export type ConceptMetrics = {
  /** per standard field of action: covered (a measure, a sub-goal or a written goal) and its number of measures */
  fields: Record<string, { covered: boolean; measures: number }>;
  measures: number;
  /** shares of the concept's measures (0…1); null without measures */
  shares: Record<MeasureShare, number | null>;
  /** summed funding lines per source, euro cents */
  fundingCents: Record<FundingSource, number>;
  orgModel: OrgModel | null;
  wholeSociety: boolean | null;
  /** year the concept's validity starts (or it was adopted); null when unknown */
  startYear: number | null;
  updateCycleYears: number | null;
};

const yearOf = (iso: string | null | undefined) => (iso && /^\d{4}/.test(iso) ? Number(iso.slice(0, 4)) : null);

/**
 * Metrics of a concept. `adoptedAt` (the adopted version's date) is the start
 * year when the concept names no validity start.
 */
export function conceptMetrics(exp: Pick<ConceptExport, "concept" | "fields" | "sections" | "subGoals" | "measures">, adoptedAt?: Date | null): ConceptMetrics {
  const settings = exp.concept.settings;
  const fields: ConceptMetrics["fields"] = {};
  for (const key of FIELD_KEYS) {
    const present = exp.fields.some((f) => f.key === key && !f.custom);
    const measures = present ? exp.measures.filter((m) => m.fieldKey === key).length : 0;
    const goals = present ? exp.subGoals.filter((g) => g.fieldKey === key && g.text.trim()).length : 0;
    const goalText = present ? exp.sections.some((s) => s.fieldKey === key && s.part === "goal" && textLength(withoutProposals(s.content)) > 0) : false;
    fields[key] = { covered: measures > 0 || goals > 0 || goalText, measures };
  }
  const ms = exp.measures;
  const share = (pred: (m: ConceptExport["measures"][number]) => boolean) => (ms.length ? ms.filter(pred).length / ms.length : null);
  const fundingCents = Object.fromEntries(FUNDING_SOURCES.map((s) => [s, 0])) as Record<FundingSource, number>;
  for (const m of ms) for (const l of m.fundingLines) fundingCents[l.source] += l.amountCents;
  const orgModel = typeof settings.orgModel === "string" && settings.orgModel in ORG_MODELS ? (settings.orgModel as OrgModel) : null;
  const wholeSociety = typeof settings.wholeSociety === "boolean" ? settings.wholeSociety : null;
  const cycle = typeof settings.updateCycleYears === "number" ? settings.updateCycleYears : null;
  const validFrom = typeof settings.validFrom === "string" ? settings.validFrom : null;
  return {
    fields,
    measures: ms.length,
    shares: {
      leadOffice: share((m) => m.leadOffice.trim().length > 0),
      indicator: share((m) => m.indicators.length > 0),
      budget: share((m) => (m.materialCostCents ?? 0) > 0 || m.fundingLines.some((l) => l.amountCents > 0)),
      voluntary: share((m) => m.taskType === "voluntary"),
    },
    fundingCents,
    orgModel,
    wholeSociety,
    startYear: yearOf(validFrom) ?? (adoptedAt ? adoptedAt.getUTCFullYear() : null),
    updateCycleYears: cycle,
  };
}
