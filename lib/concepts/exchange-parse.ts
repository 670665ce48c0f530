/** Pure validation of a backup: every check of an import, with a German message that names the place in the file. */
import { blueprint, fieldSections } from "@/lib/concepts/blueprint";
import { MAX_CUSTOM_FIELDS, TOO_MANY_CUSTOM_FIELDS } from "@/lib/concepts/schema";
import { SETTING_LABELS } from "@/lib/concepts/settings";
import { textLength } from "@/lib/editor/document";
import { validateDoc, type ValidateOptions } from "@/lib/editor/validate";
import { templateFor, type Template } from "@/lib/template";
import { measureCodeKey } from "@/lib/measures/label";
import { FUNDING_LINE_FIELD_LABELS, INDICATOR_FIELD_LABELS, MEASURE_FIELD_LABELS } from "@/lib/measures/labels";
import { findUnstorableText, UNSTORABLE_TEXT_MESSAGE, z } from "@/lib/validation";
import {
  conceptExportSchema,
  storedConceptExportSchema,
  type ExportedField,
  type ExportedMeasure,
  type ExportedSubGoal,
  type ParseResult,
  type ValidConceptExport,
} from "./exchange-format";

type Json = Record<string, unknown> | unknown[] | string | number | boolean | null | undefined;
const at = (value: unknown, key: PropertyKey): Json =>
  value && typeof value === "object" ? ((value as Record<PropertyKey, unknown>)[key] as Json) : undefined;
const quoted = (value: unknown) => (typeof value === "string" && value.trim() ? ` „${value.trim().slice(0, 60)}“` : "");

/**
 * Where a path of the backup is, in the words of the forms: measures.3.indicators.0.unit
 * → ["Maßnahme 4 „Sprachcafé“", "Indikator 1", "Einheit"]. `data` is the raw backup.
 */
function placeInBackup(path: readonly PropertyKey[], data: unknown): string[] {
  const [top, i, key, j, leaf] = path;
  const item = at(at(data, top ?? ""), i ?? "");
  const n = typeof i === "number" ? i + 1 : null;
  if (top === "concept") {
    if (i === "title") return ["Titel des Konzepts"];
    if (i === "status") return ["Status des Konzepts"];
    if (i === "templateVersion") return ["Vorlagenversion"];
    if (i === "settings") return typeof key === "string" ? ["Angaben zum Konzept", SETTING_LABELS[key] ?? key] : ["Angaben zum Konzept"];
    return ["Konzept"];
  }
  if (n === null) return [];
  if (top === "fields") {
    return [`Handlungsfeld ${n}${quoted(at(item, "title"))}`, ...(key === "title" ? ["Name"] : key === "key" ? ["Schlüssel"] : [])];
  }
  if (top === "sections") return [`Abschnitt ${n}`];
  if (top === "subGoals") return [`Teilziel ${n}${quoted(at(item, "text"))}`, ...(key === "text" ? ["Text"] : [])];
  if (top !== "measures") return [];
  const measure = `Maßnahme ${n}${quoted(at(item, "title"))}`;
  if (typeof key !== "string") return [measure];
  const label = MEASURE_FIELD_LABELS[key] ?? key;
  // A funding line or an indicator is a small form of its own: "Indikator 2 › Einheit".
  const row = (what: string, labels: Record<string, string>) => [
    measure,
    ...(typeof j === "number" ? [`${what} ${j + 1}`] : [label]),
    ...(typeof leaf === "string" ? [labels[leaf] ?? leaf] : []),
  ];
  if (key === "fundingLines") return row("Förderung", FUNDING_LINE_FIELD_LABELS);
  if (key === "indicators") return row("Indikator", INDICATOR_FIELD_LABELS);
  return [measure, label, ...(typeof j === "number" ? [`Eintrag ${j + 1}`] : [])];
}

/**
 * One German sentence for the first problem of a backup: the JSON path (for
 * whoever fixes the file), the place in the forms' words, the message.
 * "measures.3.indicators.0.unit (Maßnahme 4 „Sprachcafé“ › Indikator 1 › Einheit): höchstens 200 Zeichen."
 */
function describeBackupError(error: z.ZodError, data: unknown): string {
  const issue = error.issues[0];
  if (!issue) return "Die Sicherung ist ungültig.";
  const path = issue.path.join(".");
  const place = placeInBackup(issue.path, data);
  let message = issue.message;
  // The forms' messages often start with the field's name already ("Einheit: höchstens …").
  const last = place.at(-1);
  if (last && message.startsWith(`${last}: `)) message = message.slice(last.length + 2);
  const where = place.length > 0 ? `${path} (${place.join(" › ")})` : path;
  return where ? `${where}: ${message}` : message;
}

function sectionLabel(template: Template, s: { chapter: string; part: string; fieldKey: string | null }, fieldTitle: (key: string) => string) {
  if (s.fieldKey !== null) {
    const part = template.fieldParts.find((p) => p.key === s.part)?.title ?? s.part;
    return `Handlungsfeld „${fieldTitle(s.fieldKey)}“ – ${part}`;
  }
  const chapter = template.chapters.find((c) => c.key === s.chapter);
  const part = chapter?.parts.find((p) => p.key === s.part);
  return `Kapitel „${chapter?.title ?? s.chapter}“${part && chapter && (chapter.parts.length > 1 || part.key !== "text") ? ` – ${part.title}` : ""}`;
}

const sectionId = (s: { chapter: string; part: string; fieldKey: string | null }) => `${s.chapter}\u0000${s.part}\u0000${s.fieldKey ?? ""}`;

/**
 * Check a parsed JSON value as a concept backup without touching the database:
 * the schema, every rich-text document (validateDoc), the template version,
 * unique field keys, sections against the template, sub-goal refs. The first
 * problem is returned as one German sentence naming where it is.
 */
export function parseConceptExport(data: unknown, options: ValidateOptions & { stored?: boolean } = {}): ParseResult {
  // Stored by the app itself: read with the rules it was stored under (amounts up to the old cap), as links above.
  const parsed = (options.stored ? storedConceptExportSchema : conceptExportSchema).safeParse(data);
  if (!parsed.success) return { ok: false, error: describeBackupError(parsed.error, data) };
  const input = parsed.data;
  const unstorable = findUnstorableText(input);
  if (unstorable !== null) return { ok: false, error: `${unstorable}: Der Text ${UNSTORABLE_TEXT_MESSAGE}` };

  let template: Template;
  try {
    template = templateFor(input.concept.templateVersion);
  } catch {
    return { ok: false, error: `concept.templateVersion: Unbekannte Vorlagenversion ${input.concept.templateVersion}.` };
  }

  // Fields: unique keys; a template field is one of the template's standard fields.
  const fieldByKey = new Map<string, ExportedField>();
  for (const [i, f] of input.fields.entries()) {
    if (fieldByKey.has(f.key)) return { ok: false, error: `fields.${i}.key: Das Handlungsfeld „${f.key}“ kommt mehrfach vor.` };
    if (!f.custom && !template.standardFields.some((s) => s.key === f.key)) {
      return { ok: false, error: `fields.${i}.key: „${f.key}“ ist kein Handlungsfeld der Vorlage; eigene Handlungsfelder brauchen "custom": true.` };
    }
    fieldByKey.set(f.key, f);
  }
  const custom = input.fields.filter((f) => f.custom).length;
  if (custom > MAX_CUSTOM_FIELDS) return { ok: false, error: `fields: ${TOO_MANY_CUSTOM_FIELDS} Die Sicherung hat ${custom}.` };
  const fieldTitle = (key: string) => fieldByKey.get(key)?.title ?? key;

  // Sections: each a known rich-text part of a chapter or of a field, once; documents valid.
  const sections: ValidConceptExport["sections"] = [];
  const seen = new Set<string>();
  for (const [i, s] of input.sections.entries()) {
    const where = `sections.${i}`;
    const chapterText = template.chapters.find((c) => c.key === s.chapter)?.parts.some((p) => p.key === s.part && p.kind === "richText") ?? false;
    if (s.chapter === "fields" && !(s.fieldKey === null && chapterText)) {
      // Template 2's introduction is the fields chapter's own text; every other part of that chapter belongs to a field.
      if (s.fieldKey === null) {
        return { ok: false, error: `${where}.fieldKey: Das Kapitel „Handlungsfelder“ hat in Vorlage ${template.version} keinen Textabschnitt „${s.part}“; ein Abschnitt eines Handlungsfelds braucht den Schlüssel des Handlungsfelds.` };
      }
      if (!fieldByKey.has(s.fieldKey)) return { ok: false, error: `${where}.fieldKey: Das Handlungsfeld „${s.fieldKey}“ fehlt in "fields".` };
      if (!template.fieldParts.some((p) => p.key === s.part && p.kind === "richText")) {
        return { ok: false, error: `${where}.part: Handlungsfelder haben keinen Textabschnitt „${s.part}“.` };
      }
    } else {
      const chapter = template.chapters.find((c) => c.key === s.chapter);
      if (!chapter) return { ok: false, error: `${where}.chapter: Unbekanntes Kapitel „${s.chapter}“.` };
      if (s.fieldKey !== null) return { ok: false, error: `${where}.fieldKey: Das Kapitel „${chapter.title}“ gehört zu keinem Handlungsfeld.` };
      if (!chapterText) {
        return { ok: false, error: `${where}.part: Das Kapitel „${chapter.title}“ hat keinen Textabschnitt „${s.part}“.` };
      }
    }
    const id = sectionId(s);
    if (seen.has(id)) return { ok: false, error: `${where}: ${sectionLabel(template, s, fieldTitle)} kommt mehrfach vor.` };
    seen.add(id);
    const doc = validateDoc(s.content, options);
    if (!doc.ok) return { ok: false, error: `${where}.content (${sectionLabel(template, s, fieldTitle)}): ${doc.error}` };
    sections.push({ chapter: s.chapter, part: s.part, fieldKey: s.fieldKey, content: doc.doc, textLength: textLength(doc.doc) });
  }
  // A backup may leave out empty parts; the editor expects every part to exist.
  const expected = [
    ...blueprint(template.version).sections.filter((s) => s.fieldKey === null),
    ...input.fields.flatMap((f) => fieldSections(template.version, f.key)),
  ];
  for (const s of expected) if (!seen.has(sectionId(s))) sections.push(s);

  // Sub-goals: unique refs, known field.
  const goalByRef = new Map<string, ExportedSubGoal>();
  for (const [i, g] of input.subGoals.entries()) {
    if (goalByRef.has(g.ref)) return { ok: false, error: `subGoals.${i}.ref: Der Verweis „${g.ref}“ kommt mehrfach vor.` };
    if (!fieldByKey.has(g.fieldKey)) return { ok: false, error: `subGoals.${i}.fieldKey: Das Handlungsfeld „${g.fieldKey}“ fehlt in "fields".` };
    goalByRef.set(g.ref, g);
  }

  // Measures: known field, refs resolve to sub-goals of the same field, description valid.
  const measures: ExportedMeasure[] = [];
  const codes = new Map<string, string>();
  for (const [i, m] of input.measures.entries()) {
    const where = `measures.${i}`;
    if (m.code) {
      const other = codes.get(measureCodeKey(m.code));
      if (other !== undefined) return { ok: false, error: `${where}.code: Das Kürzel „${m.code}“ ist in diesem Konzept schon vergeben (Maßnahme „${other.slice(0, 80)}“).` };
      codes.set(measureCodeKey(m.code), m.title);
    }
    if (!fieldByKey.has(m.fieldKey)) return { ok: false, error: `${where}.fieldKey: Das Handlungsfeld „${m.fieldKey}“ fehlt in "fields".` };
    const refs = new Set<string>();
    for (const [j, ref] of m.subGoalRefs.entries()) {
      const goal = goalByRef.get(ref);
      if (!goal) return { ok: false, error: `${where}.subGoalRefs.${j}: Das Teilziel „${ref}“ gibt es nicht.` };
      if (goal.fieldKey !== m.fieldKey) {
        return { ok: false, error: `${where}.subGoalRefs.${j}: Das Teilziel „${ref}“ gehört zu einem anderen Handlungsfeld.` };
      }
      if (refs.has(ref)) return { ok: false, error: `${where}.subGoalRefs.${j}: Das Teilziel „${ref}“ ist doppelt verknüpft.` };
      refs.add(ref);
    }
    const doc = validateDoc(m.description, options);
    if (!doc.ok) return { ok: false, error: `${where}.description (Maßnahme „${m.title.slice(0, 80)}“): ${doc.error}` };
    measures.push({ ...m, description: doc.doc });
  }

  return {
    ok: true,
    value: {
      concept: { ...input.concept, settings: input.concept.settings as Record<string, unknown> },
      fields: input.fields,
      sections,
      subGoals: input.subGoals,
      measures,
      ...(input.keyFigures ? { keyFigures: input.keyFigures } : {}),
    },
  };
}
