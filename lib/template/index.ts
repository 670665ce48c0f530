import { FIELD_PARTS, STANDARD_FIELDS, CHAPTERS, type ChapterDef, type FieldDef, type PartDef } from "./v1";
import { CHAPTERS_V2 } from "./v2";

export * from "./v1";
export { FIELDS_INTRO } from "./v2";

/** The template new concepts get. */
export const TEMPLATE_VERSION = 2;

export type Template = {
  version: number;
  chapters: readonly ChapterDef[];
  standardFields: readonly FieldDef[];
  fieldParts: readonly PartDef[];
};

const templates: Record<number, Template> = {
  1: { version: 1, chapters: CHAPTERS, standardFields: STANDARD_FIELDS, fieldParts: FIELD_PARTS },
  2: { version: 2, chapters: CHAPTERS_V2, standardFields: STANDARD_FIELDS, fieldParts: FIELD_PARTS },
};

/** The template a concept was created with; old concepts keep their template. */
export function templateFor(version: number): Template {
  const template = templates[version];
  if (!template) throw new Error(`Unbekannte Vorlagenversion ${version}`);
  return template;
}

export const CURRENT_TEMPLATE = templateFor(TEMPLATE_VERSION);

/** Every template version, oldest first. */
export const TEMPLATE_VERSIONS: readonly number[] = Object.keys(templates).map(Number).sort((a, b) => a - b);

/** A chapter's own text part as it is named: the chapter's title for its one "Text", else the part's title. */
export function chapterPartTitle(chapter: Pick<ChapterDef, "title">, part: Pick<PartDef, "key" | "title">): string {
  return part.key === "text" ? chapter.title : part.title;
}

/** The printed number of a chapter in a template (1-based). */
export function chapterNumberIn(template: Template, key: string): number {
  return template.chapters.findIndex((c) => c.key === key) + 1;
}

/**
 * The chapter text parts a concept gains when it moves from template `from`
 * to `to` (a later version only adds parts; fields and their parts stay).
 */
export function partsAddedBetween(from: number, to: number): { chapter: string; part: string }[] {
  const before = templateFor(from);
  const after = templateFor(to);
  const had = new Set(before.chapters.flatMap((c) => c.parts.map((p) => `${c.key}/${p.key}`)));
  return after.chapters.flatMap((c) => c.parts.filter((p) => p.kind === "richText" && !had.has(`${c.key}/${p.key}`)).map((p) => ({ chapter: c.key, part: p.key })));
}
