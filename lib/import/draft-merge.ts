/**
 * Import into an existing draft (the Fortschreibung): the places a file fills
 * (text parts, a field's Teilziele, a field's Maßnahmen), how they compare with
 * the draft, and the draft with the chosen places taken from the file. Both
 * sides are concepts in the checked backup format; the merge is pure, the
 * caller writes it like a restore. Places not chosen stay exactly as they are.
 */
import { randomUUID } from "node:crypto";
import type { JSONContent } from "@tiptap/core";
import type { SnapshotIds, ValidConceptExport } from "@/lib/concepts/exchange";
import { EXPORT_LIMITS } from "@/lib/concepts/exchange";
import { canonicalJson, plainText } from "@/lib/editor/document";
import { chapterPartTitle, templateFor } from "@/lib/template";
import { countWords } from "./words";

export type PlaceKind = "text" | "subGoals" | "measures";

export type Place = {
  /** "chapter:<key>" or "field:<file's field key>:<part>", as in the mapping step */
  id: string;
  kind: PlaceKind;
  label: string;
  /** words (text) or entries (sub-goals, measures) in the file and in the draft */
  inFile: number;
  inDraft: number;
  /** the file brings exactly what the draft has */
  same: boolean;
  /** a field of action the draft does not have yet */
  newField: boolean;
};

type Draft = { data: ValidConceptExport; ids: SnapshotIds };

const norm = (s: string) => s.replace(/\s+/g, " ").trim().toLocaleLowerCase("de");
const hasText = (doc: JSONContent) => plainText(doc).trim() !== "";
const EMPTY_DOC: JSONContent = { type: "doc", content: [{ type: "paragraph" }] };

/** The draft's field for each field of the file: the same template key, or an own field with the same title. */
function fieldMatch(draft: ValidConceptExport, file: ValidConceptExport): Map<string, { key: string; title: string; isNew: boolean }> {
  const byKey = new Map(draft.fields.map((f) => [f.key, f]));
  const byTitle = new Map(draft.fields.map((f) => [norm(f.title), f]));
  const taken = new Set(draft.fields.map((f) => f.key));
  const match = new Map<string, { key: string; title: string; isNew: boolean }>();
  for (const f of file.fields) {
    const same = (!f.custom && byKey.get(f.key)) || byTitle.get(norm(f.title));
    if (same) {
      match.set(f.key, { key: same.key, title: same.title, isNew: false });
      continue;
    }
    let key = f.key;
    for (let n = 2; taken.has(key); n++) key = `${f.key.slice(0, 70)}-${n}`;
    taken.add(key);
    match.set(f.key, { key, title: f.title, isNew: true });
  }
  return match;
}

/** Every place the file fills, compared with the draft. */
export function placesOf(draft: ValidConceptExport, file: ValidConceptExport): Place[] {
  const template = templateFor(draft.concept.templateVersion);
  const fields = fieldMatch(draft, file);
  const draftSection = (chapter: string, part: string, fieldKey: string | null) =>
    draft.sections.find((s) => s.chapter === chapter && s.part === part && s.fieldKey === fieldKey);
  const places: Place[] = [];

  for (const s of file.sections) {
    if (!hasText(s.content)) continue;
    if (s.fieldKey === null) {
      const chapter = template.chapters.find((c) => c.key === s.chapter);
      const mine = draftSection(s.chapter, s.part, null);
      places.push({
        id: `chapter:${s.chapter}`,
        kind: "text",
        label: chapter ? chapterPartTitle(chapter, chapter.parts.find((p) => p.key === s.part) ?? { key: "text", title: "" }) : s.chapter,
        inFile: countWords(plainText(s.content)),
        inDraft: mine ? countWords(plainText(mine.content)) : 0,
        same: mine !== undefined && canonicalJson(mine.content) === canonicalJson(s.content),
        newField: false,
      });
      continue;
    }
    const field = fields.get(s.fieldKey)!;
    const part = template.fieldParts.find((p) => p.key === s.part);
    const mine = field.isNew ? undefined : draftSection(s.chapter, s.part, field.key);
    places.push({
      id: `field:${s.fieldKey}:${s.part}`,
      kind: "text",
      label: `${field.title} – ${part?.title ?? s.part}`,
      inFile: countWords(plainText(s.content)),
      inDraft: mine ? countWords(plainText(mine.content)) : 0,
      same: mine !== undefined && canonicalJson(mine.content) === canonicalJson(s.content),
      newField: field.isNew,
    });
  }

  const partTitle = (key: string) => template.fieldParts.find((p) => p.key === key)?.title ?? key;
  for (const f of file.fields) {
    const field = fields.get(f.key)!;
    const goals = file.subGoals.filter((g) => g.fieldKey === f.key);
    if (goals.length) {
      const mine = field.isNew ? [] : draft.subGoals.filter((g) => g.fieldKey === field.key);
      places.push({
        id: `field:${f.key}:subGoals`,
        kind: "subGoals",
        label: `${field.title} – ${partTitle("subGoals")}`,
        inFile: goals.length,
        inDraft: mine.length,
        same: mine.length === goals.length && mine.every((g, i) => norm(g.text) === norm(goals[i]!.text)),
        newField: field.isNew,
      });
    }
    const measures = file.measures.filter((m) => m.fieldKey === f.key);
    if (measures.length) {
      const mine = field.isNew ? [] : draft.measures.filter((m) => m.fieldKey === field.key);
      places.push({
        id: `field:${f.key}:measures`,
        kind: "measures",
        label: `${field.title} – ${partTitle("measures")}`,
        inFile: measures.length,
        inDraft: mine.length,
        same: false,
        newField: field.isNew,
      });
    }
  }
  const order = (p: Place) => {
    if (p.id.startsWith("chapter:")) return template.chapters.findIndex((c) => c.key === p.id.slice(8)) * 1000;
    const [, key, part] = p.id.split(":") as [string, string, string];
    const chapterIndex = template.chapters.findIndex((c) => c.key === "fields");
    const fieldIndex = file.fields.findIndex((f) => f.key === key);
    return chapterIndex * 1000 + 1 + fieldIndex * 10 + template.fieldParts.findIndex((fp) => fp.key === part);
  };
  return places.sort((a, b) => order(a) - order(b));
}

/**
 * The draft with the chosen places taken from the file: a text part replaces
 * the draft's; Teilziele replace the field's list (a goal with the same text
 * keeps its identity, so measures stay linked); Maßnahmen replace the field's
 * measures (one with the same code, else the same title, keeps its identity and,
 * when the file links it to no goal, its links). New own fields are added.
 */
export function mergeIntoDraft(draft: Draft, file: ValidConceptExport, chosen: readonly string[]): Draft {
  const template = templateFor(draft.data.concept.templateVersion);
  const fields = fieldMatch(draft.data, file);
  const want = new Set(chosen);
  const data: ValidConceptExport = {
    concept: draft.data.concept,
    fields: [...draft.data.fields],
    sections: [...draft.data.sections],
    subGoals: [...draft.data.subGoals],
    measures: [...draft.data.measures],
  };
  const ids: SnapshotIds = { fields: [...draft.ids.fields], subGoals: [...draft.ids.subGoals], measures: [...draft.ids.measures] };

  // New own fields that a chosen place needs, with every template part (empty until taken).
  const needed = new Set([...want].filter((p) => p.startsWith("field:")).map((p) => p.split(":")[1]!));
  for (const f of file.fields) {
    const field = fields.get(f.key)!;
    if (!field.isNew || !needed.has(f.key)) continue;
    data.fields.push({ key: field.key, title: field.title, custom: true, position: Math.max(-1, ...data.fields.map((x) => x.position)) + 1 });
    ids.fields.push(randomUUID());
    for (const part of template.fieldParts) {
      if (part.kind === "richText") data.sections.push({ chapter: "fields", part: part.key, fieldKey: field.key, content: EMPTY_DOC, textLength: 0 });
    }
  }

  // Text parts.
  for (const s of file.sections) {
    const id = s.fieldKey === null ? `chapter:${s.chapter}` : `field:${s.fieldKey}:${s.part}`;
    if (!want.has(id)) continue;
    const fieldKey = s.fieldKey === null ? null : fields.get(s.fieldKey)!.key;
    const i = data.sections.findIndex((x) => x.chapter === s.chapter && x.part === s.part && x.fieldKey === fieldKey);
    const section = { chapter: s.chapter, part: s.part, fieldKey, content: s.content, textLength: s.textLength };
    if (i >= 0) data.sections[i] = section;
    else data.sections.push(section);
  }

  // Teilziele, field by field.
  const usedRefs = new Set(data.subGoals.map((g) => g.ref));
  const newRef = () => {
    let ref: string;
    do ref = `imp-${randomUUID().slice(0, 8)}`;
    while (usedRefs.has(ref));
    usedRefs.add(ref);
    return ref;
  };
  for (const f of file.fields) {
    if (!want.has(`field:${f.key}:subGoals`)) continue;
    const key = fields.get(f.key)!.key;
    const mine = new Map<string, { goal: ValidConceptExport["subGoals"][number]; id: string }>();
    data.subGoals.forEach((g, i) => {
      if (g.fieldKey === key && !mine.has(norm(g.text))) mine.set(norm(g.text), { goal: g, id: ids.subGoals[i]! });
    });
    const keep = data.subGoals.map((g) => g.fieldKey !== key);
    const goals = data.subGoals.filter((_, i) => keep[i]);
    const goalIds = ids.subGoals.filter((_, i) => keep[i]);
    file.subGoals
      .filter((g) => g.fieldKey === f.key)
      .forEach((g, position) => {
        const same = mine.get(norm(g.text));
        mine.delete(norm(g.text));
        goals.push({ ref: same?.goal.ref ?? newRef(), fieldKey: key, text: g.text, position });
        goalIds.push(same?.id ?? randomUUID());
      });
    data.subGoals = goals;
    ids.subGoals = goalIds;
  }
  const liveRefs = new Set(data.subGoals.map((g) => g.ref));

  // Maßnahmen, field by field; a link from the file follows its goal's text.
  const fileGoalText = new Map(file.subGoals.map((g) => [`${g.fieldKey}\u0000${g.ref}`, norm(g.text)]));
  for (const f of file.fields) {
    if (!want.has(`field:${f.key}:measures`)) continue;
    const key = fields.get(f.key)!.key;
    const refByText = new Map(data.subGoals.filter((g) => g.fieldKey === key).map((g) => [norm(g.text), g.ref]));
    type Mine = { measure: ValidConceptExport["measures"][number]; id: string };
    const mineByCode = new Map<string, Mine>();
    const mineByTitle = new Map<string, Mine>();
    data.measures.forEach((m, i) => {
      if (m.fieldKey !== key) return;
      const mine = { measure: m, id: ids.measures[i]! };
      if (m.code && !mineByCode.has(norm(m.code))) mineByCode.set(norm(m.code), mine);
      if (!mineByTitle.has(norm(m.title))) mineByTitle.set(norm(m.title), mine);
    });
    const keep = data.measures.map((m) => m.fieldKey !== key);
    const measures = data.measures.filter((_, i) => keep[i]);
    const measureIds = ids.measures.filter((_, i) => keep[i]);
    const claimed = new Set<string>();
    file.measures
      .filter((m) => m.fieldKey === f.key)
      .forEach((m, position) => {
        let same = m.code ? mineByCode.get(norm(m.code)) : undefined;
        if (same === undefined || claimed.has(same.id)) same = mineByTitle.get(norm(m.title));
        if (same !== undefined && claimed.has(same.id)) same = undefined;
        if (same !== undefined) claimed.add(same.id);
        const linked = m.subGoalRefs.flatMap((ref) => {
          const text = fileGoalText.get(`${f.key}\u0000${ref}`);
          const mapped = text === undefined ? undefined : refByText.get(text);
          return mapped ? [mapped] : [];
        });
        const kept = same !== undefined ? same.measure.subGoalRefs.filter((r) => liveRefs.has(r)) : [];
        // Where it came from (the peer library) is not in a file: the matched measure keeps its origin.
        const origin = same?.measure.origin;
        measures.push({ ...m, ...(origin ? { origin } : {}), fieldKey: key, position, subGoalRefs: linked.length ? linked : kept });
        measureIds.push(same?.id ?? randomUUID());
      });
    data.measures = measures;
    ids.measures = measureIds;
  }
  // Links to goals that left with a replaced list.
  data.measures = data.measures.map((m) => (m.subGoalRefs.every((r) => liveRefs.has(r)) ? m : { ...m, subGoalRefs: m.subGoalRefs.filter((r) => liveRefs.has(r)) }));
  return { data, ids };
}

/** A German sentence when the merged draft would break a rule of a concept (limits, unique codes), else null. */
export function mergeLimitError(data: ValidConceptExport): string | null {
  if (data.fields.length > EXPORT_LIMITS.fields) return `Das Konzept hätte danach ${data.fields.length} Handlungsfelder (höchstens ${EXPORT_LIMITS.fields}).`;
  if (data.subGoals.length > EXPORT_LIMITS.subGoals) return `Das Konzept hätte danach ${data.subGoals.length} Teilziele (höchstens ${EXPORT_LIMITS.subGoals}).`;
  if (data.measures.length > EXPORT_LIMITS.measures) return `Das Konzept hätte danach ${data.measures.length} Maßnahmen (höchstens ${EXPORT_LIMITS.measures}).`;
  const codes = new Set<string>();
  for (const m of data.measures) {
    if (!m.code) continue;
    if (codes.has(norm(m.code))) return `Das Kürzel „${m.code}“ käme danach zweimal im Konzept vor. Bitte übernehmen Sie auch das Handlungsfeld, in dem es bisher steht, oder ändern Sie das Kürzel vorher.`;
    codes.add(norm(m.code));
  }
  return null;
}
