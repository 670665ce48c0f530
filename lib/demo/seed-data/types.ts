import type { JSONContent } from "@tiptap/core";
import type { NewMeasure } from "@/db/schema";
import type { IndicatorDraft } from "@/lib/measures/indicator-ids";
import type { ConceptSettings } from "@/lib/concepts/settings";

export type SeedMeasure = Omit<
  NewMeasure,
  "id" | "conceptId" | "municipalityId" | "fieldId" | "position" | "revision" | "updatedBy" | "updatedAt" | "subGoalIds" | "indicators"
> & {
  /** ids are given when the seed writes the rows */
  indicators?: IndicatorDraft[];
  /** indexes into the field's subGoals */
  subGoalIndexes?: number[];
};

export type SeedField = {
  baseline: JSONContent;
  goal: JSONContent;
  subGoals: string[];
  measures: SeedMeasure[];
};

export type SeedConcept = {
  title: string;
  settings: ConceptSettings;
  /** chapter key → the chapter's text (template chapters other than "fields"; under template 2 "fields" is its introduction) */
  chapters: Record<string, JSONContent>;
  /** the six standard fields by key; an empty field uses null */
  fields: Record<string, SeedField | null>;
  /** the municipality's own additional fields of action */
  customFields: ({ key: string; title: string } & SeedField)[];
};
