/**
 * What a version stores: the concept in the backup format plus the database ids
 * of its rows (index by index), and small hashes per section and measure so a
 * history can count changes between versions without loading snapshots.
 */
import { createHash } from "node:crypto";
import type { ConceptExport, SnapshotIds, ValidConceptExport } from "@/lib/concepts/exchange";
import { parseConceptExport } from "@/lib/concepts/exchange";
import { sectionKey } from "@/lib/concepts/exchange-build";
import { canonicalJson, EMPTY_DOC } from "@/lib/editor/document";

export type Snapshot = { data: ConceptExport; ids: SnapshotIds };
export type ValidSnapshot = { data: ValidConceptExport; ids: SnapshotIds };

const sha1 = (value: unknown) => createHash("sha1").update(canonicalJson(value)).digest("base64url").slice(0, 16);

export { sectionKey };

/**
 * s:<section key> per rich-text part, m:<measure id> per measure, plus one hash
 * for the concept's title and settings and one per field (title, sub-goals).
 */
export function snapshotHashes(snapshot: Snapshot): Record<string, string> {
  const { data, ids } = snapshot;
  const hashes: Record<string, string> = { meta: sha1({ title: data.concept.title, settings: data.concept.settings }) };
  for (const s of data.sections) hashes[`s:${sectionKey(s)}`] = sha1(s.content);
  data.fields.forEach((f) => {
    const goals = data.subGoals.filter((g) => g.fieldKey === f.key).map((g) => g.text);
    hashes[`f:${f.key}`] = sha1({ title: f.title, position: f.position, goals });
  });
  data.measures.forEach((m, i) => {
    // An indicator's id is no content: versions from before ids existed count as unchanged.
    const indicators = m.indicators.map(({ id: _id, ...x }) => x);
    hashes[`m:${ids.measures[i] ?? `#${i}`}`] = sha1({ ...m, indicators, position: undefined });
  });
  return hashes;
}

export type ChangeCount = { sections: number; measures: number; other: number };

/** Hashes of a part with no text (as a new part of a later template starts), in the forms an editor leaves. */
const EMPTY_PART = new Set([sha1(EMPTY_DOC), sha1({ type: "doc", content: [] }), sha1({ type: "doc" })]);

/** How many sections, measures and other parts (fields, settings) differ between two hash sets. */
export function countChanges(a: Record<string, string>, b: Record<string, string>): ChangeCount {
  const count: ChangeCount = { sections: 0, measures: 0, other: 0 };
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (a[key] === b[key]) continue;
    // A part that is empty on one side and missing on the other is no change (a Fortschreibung's new, empty part).
    const one = a[key] ?? b[key]!;
    if (key.startsWith("s:") && (a[key] === undefined || b[key] === undefined) && EMPTY_PART.has(one)) continue;
    if (key.startsWith("s:")) count.sections++;
    else if (key.startsWith("m:")) count.measures++;
    else count.other++;
  }
  return count;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Check a stored snapshot like an import: the backup format with every document
 * validated, and ids that are unique UUIDs, one per row. A snapshot that fails
 * cannot be shown as a version's content or restored.
 */
export function parseSnapshot(data: unknown, ids: unknown): { ok: true; value: ValidSnapshot } | { ok: false; error: string } {
  // The app stored this itself: a link an older rule allowed is dropped, not a reason to call the version broken.
  const parsed = parseConceptExport(data, { disallowedLinks: "drop", stored: true });
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  if (!ids || typeof ids !== "object") return { ok: false, error: "Die Zuordnung der Datensätze fehlt." };
  const { fields, subGoals, measures, sections } = ids as Record<string, unknown>;
  const check = (list: unknown, length: number, what: string): string | null => {
    if (!Array.isArray(list) || list.length !== length) return `Die Zuordnung der ${what} passt nicht zum Inhalt.`;
    if (!list.every((id) => typeof id === "string" && UUID.test(id))) return `Die Zuordnung der ${what} enthält ungültige Kennungen.`;
    if (new Set(list).size !== list.length) return `Die Zuordnung der ${what} enthält doppelte Kennungen.`;
    return null;
  };
  const error =
    check(fields, v.fields.length, "Handlungsfelder") ??
    check(subGoals, v.subGoals.length, "Teilziele") ??
    check(measures, v.measures.length, "Maßnahmen") ??
    // Parts' ids came later: a version without them restores its parts with new ids.
    (sections === undefined ? null : isRecord(sections) ? check(Object.values(sections), Object.keys(sections).length, "Textteile") : "Die Zuordnung der Textteile passt nicht zum Inhalt.");
  if (error) return { ok: false, error };
  return { ok: true, value: { data: v, ids: ids as SnapshotIds } };
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
