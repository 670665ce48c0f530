import { CHAPTERS, FIELD_PARTS, STANDARD_FIELDS, TEMPLATE_VERSION, type ChapterDef, type FieldDef, type PartDef } from "./v1";

export * from "./v1";

export type Template = {
  version: number;
  chapters: readonly ChapterDef[];
  standardFields: readonly FieldDef[];
  fieldParts: readonly PartDef[];
};

const templates: Record<number, Template> = {
  1: { version: 1, chapters: CHAPTERS, standardFields: STANDARD_FIELDS, fieldParts: FIELD_PARTS },
};

/** The template a concept was created with; old concepts keep their template. */
export function templateFor(version: number): Template {
  const template = templates[version];
  if (!template) throw new Error(`Unbekannte Vorlagenversion ${version}`);
  return template;
}

export const CURRENT_TEMPLATE = templateFor(TEMPLATE_VERSION);
