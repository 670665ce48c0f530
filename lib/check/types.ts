import type { JSONContent } from "@tiptap/core";
import type { FundingLine } from "@/db/schema";
import type { IndicatorDraft as Indicator } from "@/lib/measures/indicator-ids";
import type { FundingReport } from "@/lib/funding/compute";

export type Severity = "error" | "warning" | "hint";

export const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "hint"];
export const SEVERITY_LABELS: Record<Severity, string> = { error: "Fehler", warning: "Warnung", hint: "Hinweis" };

/** Everything a rule may look at: the concept as plain data (no database, no session). */
export type CheckContext = {
  conceptId: string;
  /** "YYYY-MM-DD", the day the check runs (Berlin) */
  today: string;
  settings: { validFrom: string | null; validUntil: string | null; updateCycleYears: number | null };
  /** the template's chapters with their number ("7"), parts and whether it holds the fields */
  chapters: { key: string; number: string; title: string; parts: { key: string; title: string }[] }[];
  fieldParts: { key: string; title: string; kind: string }[];
  /** text parts; textLength 0 is empty */
  sections: { chapter: string; part: string; fieldId: string | null; textLength: number; content: JSONContent }[];
  fields: { id: string; key: string; title: string; number: string }[];
  subGoals: { id: string; fieldId: string; text: string; number: string }[];
  measures: {
    id: string;
    fieldId: string;
    number: string;
    title: string;
    status: string;
    leadOffice: string;
    startDate: string | null;
    endDate: string | null;
    subGoalIds: string[];
    fundingLines: FundingLine[];
    indicators: Indicator[];
  }[];
  funding: FundingReport;
};

export type Finding = {
  rule: string;
  severity: Severity;
  /** stable key of this finding, so a "bewusst so" stays with it: rule + object (+ detail) */
  key: string;
  message: string;
  place: { label: string; href: string };
};

export type Rule = {
  id: string;
  severity: Severity;
  /** one line for the README and the panel's legend */
  description: string;
  run: (ctx: CheckContext) => Omit<Finding, "rule" | "severity">[];
};
