import type { FundingLine, MeasureStatus, TaskType } from "@/db/schema";

export type FundingSource = FundingLine["source"];

/** What the funding computation needs of a measure (from the database tree or a backup/snapshot). */
export type FundingMeasure = {
  /** database id, or the backup's position-based key; used for links and the check */
  id: string;
  /** "M 5.1.2" or the measure's own code */
  number: string;
  title: string;
  fieldKey: string;
  taskType: TaskType;
  status: MeasureStatus;
  startDate: string | null;
  endDate: string | null;
  /** VZÄ as stored ("1.50") or as in a backup (1.5) */
  staffFte: string | number | null;
  /** the measure's own cost rate per VZÄ and year, when it differs from the municipality's */
  staffCostPerFteCents?: number | null;
  /** per year */
  materialCostCents: number | null;
  /** amounts per year, paid until `until` (or the measure's end) */
  fundingLines: FundingLine[];
};

export type FundingInput = {
  validFrom: string | null;
  validUntil: string | null;
  /** the municipality's rate; null → the documented default */
  staffCostPerFteCents: number | null;
  /** a stored version made before versions kept their rate: the rate is today's, and the tables say so */
  rateOfToday?: boolean;
  fields: { key: string; title: string }[];
  measures: FundingMeasure[];
};
