import type { FundingLine, Measure, TaskType } from "@/db/schema";
import { FUNDING_SOURCES, TASK_TYPES } from "@/lib/measures/labels";

type MeasureFunding = Pick<Measure, "taskType" | "materialCostCents" | "staffFte" | "fundingLines">;

export type FundingOverview = {
  bySource: { source: FundingLine["source"]; cents: number; lines: number }[];
  byTaskType: { taskType: TaskType; measures: number; materialCostCents: number; staffFte: number }[];
  fundingTotalCents: number;
  materialCostTotalCents: number;
  staffFteTotal: number;
  measures: number;
};

/** The funding chapter's overview, derived from the measures (never typed in by hand). */
export function fundingOverview(measures: MeasureFunding[]): FundingOverview {
  const bySource = FUNDING_SOURCES.map((source) => {
    const lines = measures.flatMap((m) => m.fundingLines.filter((l) => l.source === source));
    return { source, cents: lines.reduce((a, l) => a + l.amountCents, 0), lines: lines.length };
  });
  const byTaskType = TASK_TYPES.map((taskType) => {
    const ms = measures.filter((m) => m.taskType === taskType);
    return {
      taskType,
      measures: ms.length,
      materialCostCents: ms.reduce((a, m) => a + (m.materialCostCents ?? 0), 0),
      staffFte: Math.round(ms.reduce((a, m) => a + Number(m.staffFte ?? 0), 0) * 100) / 100,
    };
  });
  return {
    bySource,
    byTaskType,
    fundingTotalCents: bySource.reduce((a, s) => a + s.cents, 0),
    materialCostTotalCents: byTaskType.reduce((a, t) => a + t.materialCostCents, 0),
    staffFteTotal: Math.round(byTaskType.reduce((a, t) => a + t.staffFte, 0) * 100) / 100,
    measures: measures.length,
  };
}
