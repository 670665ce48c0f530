import type { NewConceptInput } from "@/db/queries/concepts";
import { EMPTY_DOC } from "@/lib/editor/document";
import { templateFor } from "@/lib/template";

/** Rows of a new, empty concept built from a template: every chapter part and every field part. */
export function blueprint(templateVersion: number): Pick<NewConceptInput, "fields" | "sections"> {
  const template = templateFor(templateVersion);
  const fields = template.standardFields.map((f) => ({ key: f.key, title: f.title, custom: false }));
  const sections: NewConceptInput["sections"] = [];
  for (const chapter of template.chapters) {
    for (const part of chapter.parts) {
      if (part.kind === "richText") sections.push({ chapter: chapter.key, part: part.key, fieldKey: null, content: EMPTY_DOC, textLength: 0 });
    }
  }
  for (const field of fields) sections.push(...fieldSections(templateVersion, field.key));
  return { fields, sections };
}

export function fieldSections(templateVersion: number, fieldKey: string): NewConceptInput["sections"] {
  return templateFor(templateVersion)
    .fieldParts.filter((p) => p.kind === "richText")
    .map((p) => ({ chapter: "fields", part: p.key, fieldKey, content: EMPTY_DOC, textLength: 0 }));
}
