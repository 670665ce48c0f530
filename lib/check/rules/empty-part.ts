import { places } from "../places";
import type { Rule } from "../types";

export const emptyPart: Rule = {
  id: "kapitel-leer",
  severity: "warning",
  description: "Ein Kapiteltext (ab Vorlage 2 auch die Einführung in die Handlungsfelder) oder ein Textteil eines Handlungsfelds (Ausgangslage, Leitziel) ist leer.",
  run: (ctx) => {
    const empty = (chapter: string, part: string, fieldId: string | null) =>
      !ctx.sections.some((s) => s.chapter === chapter && s.part === part && s.fieldId === fieldId && s.textLength > 0);
    const chapters = ctx.chapters.flatMap((c) =>
      c.parts
        .filter((p) => empty(c.key, p.key, null))
        .map((p) => ({
          key: `kapitel-leer:${c.key}:${p.key}`,
          // A chapter's one "Text" is the chapter; any other part (e.g. the introduction to the fields of action) is named.
          message: c.parts.length > 1 || p.key !== "text" ? `Kapitel ${c.number} „${c.title}“, Teil „${p.title}“ ist leer.` : `Kapitel ${c.number} „${c.title}“ ist leer.`,
          place: places.chapter(ctx, c.key),
        })),
    );
    const fieldParts = ctx.fields.flatMap((f) =>
      ctx.fieldParts
        .filter((p) => p.kind === "richText" && empty("fields", p.key, f.id))
        .map((p) => ({ key: `kapitel-leer:${f.id}:${p.key}`, message: `${p.title} von „${f.title}“ ist leer.`, place: places.field(ctx, f) })),
    );
    return [...chapters, ...fieldParts];
  },
};
