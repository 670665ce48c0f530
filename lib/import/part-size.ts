/**
 * One part of a concept holds at most MAX_DOC_BYTES (the editor's and the
 * backup's limit). A long file whose text falls into one part (a Word file
 * without heading styles, or a 40-page "Ausgangslage" with tables) is over
 * it: the import names the part and what to do, before anything is written,
 * instead of the backup check's "sections.2.content".
 */
import { MAX_DOC_BYTES } from "@/lib/editor/validate";
import { chapterPartTitle, CURRENT_TEMPLATE, type Template } from "@/lib/template";
import type { MappedConcept } from "./mapping";
import { refuse } from "./refuse";

function partName(template: Template, chapterKey: string, partKey: string) {
  const chapter = template.chapters.find((c) => c.key === chapterKey);
  const part = chapter?.parts.find((p) => p.key === partKey);
  return chapter && part ? chapterPartTitle(chapter, part) : (chapter?.title ?? chapterKey);
}

export function oversizedParts(concept: Pick<MappedConcept, "sections" | "fields">, template: Template = CURRENT_TEMPLATE) {
  const fieldTitle = new Map(concept.fields.map((f) => [f.key, f.title]));
  const over: { label: string; kb: number }[] = [];
  for (const s of concept.sections) {
    const bytes = Buffer.byteLength(JSON.stringify(s.content), "utf8");
    if (bytes <= MAX_DOC_BYTES) continue;
    const label =
      s.fieldKey !== null
        ? `„${fieldTitle.get(s.fieldKey) ?? s.fieldKey}“ – ${template.fieldParts.find((p) => p.key === s.part)?.title ?? s.part}`
        : `„${partName(template, s.chapter, s.part)}“`;
    over.push({ label, kb: Math.round(bytes / 1024) });
  }
  return over;
}

export function assertPartsFit(concept: Pick<MappedConcept, "sections" | "fields">, template: Template = CURRENT_TEMPLATE) {
  const over = oversizedParts(concept, template);
  if (over.length === 0) return;
  const parts = over.map((o) => `${o.label} (${o.kb} KB)`).join(", ");
  throw refuse(
    `Der Text für ${over.length === 1 ? "den Abschnitt" : "die Abschnitte"} ${parts} ist zu lang: ein Abschnitt fasst höchstens ${MAX_DOC_BYTES / 1024} KB. ` +
      "Bitte ordnen Sie im Zuordnungsschritt einzelne Überschriften anderen Abschnitten zu, oder gliedern Sie die Datei mit Überschriften (Formatvorlagen „Überschrift 1“ bis „Überschrift 3“), damit sich der Text verteilen lässt. Es wurde nichts gespeichert.",
  );
}
