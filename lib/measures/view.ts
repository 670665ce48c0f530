import type { JSONContent } from "@tiptap/core";
import type { FundingLine, Indicator, Measure, MeasureOrigin, MeasureStatus, Priority, TaskType } from "@/db/schema";
import { renderHtmlCached } from "@/lib/editor/render";

/**
 * A measure as the browser gets it: plain JSON (dates as strings, staff as the
 * stored decimal text), safe to pass from a server component to a client one.
 */
export type MeasureView = {
  id: string;
  fieldId: string;
  position: number;
  title: string;
  /** own code, "" for none (then the automatic number is shown) */
  code: string;
  description: JSONContent;
  /** the description as static HTML (rendered on the server): a card shows it without loading the editor */
  descriptionHtml: string;
  subGoalIds: string[];
  targetGroups: string[];
  taskType: TaskType;
  leadOffice: string;
  partners: string[];
  status: MeasureStatus;
  /** "YYYY-MM-DD" */
  startDate: string | null;
  /** "YYYY-MM-DD" */
  endDate: string | null;
  priority: Priority;
  /** decimal text as stored, e.g. "1.50" */
  staffFte: string | null;
  materialCostCents: number | null;
  /** own personnel cost rate per VZÄ and year; null → the municipality's */
  staffCostPerFteCents: number | null;
  fundingLines: FundingLine[];
  indicators: Indicator[];
  /** set when taken from the peer measure library */
  origin: MeasureOrigin | null;
  revision: number;
  /** ISO timestamp */
  updatedAt: string;
};

/** Project a measure row to its JSON view. */
export function toMeasureView(row: Measure): MeasureView {
  return {
    id: row.id,
    fieldId: row.fieldId,
    position: row.position,
    title: row.title,
    code: row.code,
    description: row.description,
    descriptionHtml: renderHtmlCached(row.description),
    subGoalIds: [...row.subGoalIds],
    targetGroups: [...row.targetGroups],
    taskType: row.taskType,
    leadOffice: row.leadOffice,
    partners: [...row.partners],
    status: row.status,
    startDate: row.startDate,
    endDate: row.endDate,
    priority: row.priority,
    staffFte: row.staffFte,
    materialCostCents: row.materialCostCents === null ? null : Number(row.materialCostCents),
    staffCostPerFteCents: row.staffCostPerFteCents === null ? null : Number(row.staffCostPerFteCents),
    fundingLines: row.fundingLines.map((f) => ({ ...f })),
    indicators: row.indicators.map((i) => ({ ...i })),
    origin: row.origin ? { ...row.origin } : null,
    revision: row.revision,
    updatedAt: row.updatedAt instanceof Date ? row.updatedAt.toISOString() : String(row.updatedAt),
  };
}
