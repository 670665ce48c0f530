/**
 * The funding input from either source of a concept: the database tree (the
 * concept page, the API, the check) or a backup/version snapshot (the PDF and
 * print preview). Both name measures as the PDF does: the own code, else "M 5.1.2".
 */
import type { ConceptExport } from "@/lib/concepts/exchange";
import type { Field, Measure } from "@/db/schema";
import { templateFor } from "@/lib/template";
import { measureLabel, measureNumber } from "@/lib/measures/label";
import type { FundingInput, FundingMeasure } from "./types";

const str = (v: unknown) => (typeof v === "string" && v ? v : null);

/** "5" for the chapter of the fields of action in the template. */
export function fieldsChapterNumber(templateVersion: number): string {
  return String(templateFor(templateVersion).chapters.findIndex((c) => c.key === "fields") + 1);
}

const byPosition = <T extends { position: number; key?: string }>(a: T, b: T) =>
  a.position - b.position || ((a.key ?? "") < (b.key ?? "") ? -1 : (a.key ?? "") > (b.key ?? "") ? 1 : 0);

type TreeInput = {
  templateVersion: number;
  settings: Record<string, unknown>;
  staffCostPerFteCents: number | null;
  fields: Pick<Field, "id" | "key" | "title" | "position">[];
  measures: Pick<
    Measure,
    | "id"
    | "fieldId"
    | "position"
    | "title"
    | "code"
    | "taskType"
    | "status"
    | "startDate"
    | "endDate"
    | "staffFte"
    | "materialCostCents"
    | "staffCostPerFteCents"
    | "fundingLines"
  >[];
};

/** From database rows. Measure ids are the database ids. */
export function fundingInputFromTree(t: TreeInput): FundingInput {
  const chapter = fieldsChapterNumber(t.templateVersion);
  const fields = [...t.fields].sort(byPosition);
  const measures: FundingMeasure[] = fields.flatMap((f, fi) =>
    t.measures
      .filter((m) => m.fieldId === f.id)
      .sort(byPosition)
      .map((m, mi) => ({
        id: m.id,
        number: measureLabel(m.code, measureNumber(`${chapter}.${fi + 1}`, mi)),
        title: m.title,
        fieldKey: f.key,
        taskType: m.taskType,
        status: m.status,
        startDate: m.startDate,
        endDate: m.endDate,
        staffFte: m.staffFte,
        materialCostCents: m.materialCostCents,
        staffCostPerFteCents: m.staffCostPerFteCents,
        fundingLines: m.fundingLines,
      })),
  );
  return {
    validFrom: str(t.settings.validFrom),
    validUntil: str(t.settings.validUntil),
    staffCostPerFteCents: t.staffCostPerFteCents,
    fields: fields.map((f) => ({ key: f.key, title: f.title })),
    measures,
  };
}

/** From a backup or version snapshot. Measure ids are "fieldKey/position" (a snapshot has no ids of its own). */
export function fundingInputFromExport(data: ConceptExport, staffCostPerFteCents: number | null, rateOfToday = false): FundingInput {
  const chapter = fieldsChapterNumber(data.concept.templateVersion);
  const fields = [...data.fields].sort(byPosition);
  const measures: FundingMeasure[] = fields.flatMap((f, fi) =>
    data.measures
      .filter((m) => m.fieldKey === f.key)
      .sort(byPosition)
      .map((m, mi) => ({
        id: `${f.key}/${m.position}`,
        number: measureLabel(m.code, measureNumber(`${chapter}.${fi + 1}`, mi)),
        title: m.title,
        fieldKey: f.key,
        taskType: m.taskType,
        status: m.status,
        startDate: m.startDate,
        endDate: m.endDate,
        staffFte: m.staffFte,
        materialCostCents: m.materialCostCents,
        staffCostPerFteCents: m.staffCostPerFteCents,
        fundingLines: m.fundingLines,
      })),
  );
  return {
    validFrom: str(data.concept.settings.validFrom),
    validUntil: str(data.concept.settings.validUntil),
    staffCostPerFteCents,
    rateOfToday,
    fields: fields.map((f) => ({ key: f.key, title: f.title })),
    measures,
  };
}
