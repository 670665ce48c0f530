import type { JSONContent } from "@tiptap/core";
import type { Field, Measure, Section, SubGoal } from "@/db/schema";
import type { FundingReport } from "@/lib/funding/compute";
import { fieldsChapterNumber } from "@/lib/funding/input";
import { measureLabel, measureNumber } from "@/lib/measures/label";
import { templateFor } from "@/lib/template";
import type { CheckContext } from "./types";

type Tree = {
  fields: Pick<Field, "id" | "key" | "title" | "position">[];
  sections: Pick<Section, "chapter" | "part" | "fieldId" | "textLength" | "content">[];
  subGoals: Pick<SubGoal, "id" | "fieldId" | "text" | "position">[];
  measures: Pick<
    Measure,
    "id" | "fieldId" | "position" | "title" | "code" | "status" | "leadOffice" | "startDate" | "endDate" | "subGoalIds" | "fundingLines" | "indicators"
  >[];
};

/** Today in Berlin as "YYYY-MM-DD". */
export function berlinToday(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** The check's view of a concept from its database tree, numbered as the concept page and the PDF number it. */
export function checkContextFromTree(input: {
  concept: { id: string; templateVersion: number; settings: Record<string, unknown> };
  tree: Tree;
  funding: FundingReport;
  today: string;
}): CheckContext {
  const { concept, tree } = input;
  const template = templateFor(concept.templateVersion);
  const chapterNo = fieldsChapterNumber(concept.templateVersion);
  const fields = [...tree.fields].sort((a, b) => a.position - b.position).map((f, i) => ({ id: f.id, key: f.key, title: f.title, number: `${chapterNo}.${i + 1}` }));
  const s = concept.settings;
  const date = (v: unknown) => (typeof v === "string" && v ? v : null);
  return {
    conceptId: concept.id,
    today: input.today,
    settings: {
      validFrom: date(s.validFrom),
      validUntil: date(s.validUntil),
      updateCycleYears: typeof s.updateCycleYears === "number" ? s.updateCycleYears : null,
    },
    chapters: template.chapters.map((c, i) => ({ key: c.key, number: String(i + 1), title: c.title, parts: c.parts.map((p) => ({ key: p.key, title: p.title })) })),
    fieldParts: template.fieldParts.map((p) => ({ key: p.key, title: p.title, kind: p.kind })),
    sections: tree.sections.map((x) => ({ chapter: x.chapter, part: x.part, fieldId: x.fieldId, textLength: x.textLength, content: x.content as JSONContent })),
    fields,
    subGoals: fields.flatMap((f) =>
      tree.subGoals
        .filter((g) => g.fieldId === f.id)
        .sort((a, b) => a.position - b.position)
        .map((g, i) => ({ id: g.id, fieldId: g.fieldId, text: g.text, number: `${f.number}.${i + 1}` })),
    ),
    measures: fields.flatMap((f) =>
      tree.measures
        .filter((m) => m.fieldId === f.id)
        .sort((a, b) => a.position - b.position)
        .map((m, i) => ({
          id: m.id,
          fieldId: m.fieldId,
          number: measureLabel(m.code, measureNumber(f.number, i)),
          title: m.title,
          status: m.status,
          leadOffice: m.leadOffice,
          startDate: m.startDate,
          endDate: m.endDate,
          subGoalIds: m.subGoalIds,
          fundingLines: m.fundingLines,
          indicators: m.indicators,
        })),
    ),
    funding: input.funding,
  };
}
