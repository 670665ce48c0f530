import "server-only";
import type { JSONContent } from "@tiptap/core";
import { type Executor } from "@/db";
import { insertSection, takenIds } from "@/db/queries/restore";
import { conceptTransaction, touchConcept } from "./writable";
import { recordSectionEdit } from "@/db/queries/audit";
import { getSection, getSectionMeta } from "@/db/queries/sections";
import { compactSection, writeSectionText } from "@/lib/realtime/store";
import { AppError } from "@/lib/errors";
import { canonicalJson, textLength } from "@/lib/editor/document";
import { validateDoc } from "@/lib/editor/validate";
import { recordSectionSave } from "@/lib/ops/metrics";
import { requireConcept } from "./access";
import type { Actor } from "@/lib/auth/session";

export type SaveResult =
  | { status: "saved"; revision: number; savedAt: string }
  | { status: "conflict"; current: { content: JSONContent; revision: number; updatedAt: string; updatedBy: string | null } };

/**
 * THE write path of section text. Every save of a rich-text part goes through
 * here (the editor's autosave, imports use insertConcept): validation against the
 * editor schema, permission, and a compare-and-set on the revision of the
 * derived JSON. Since real-time co-editing the editor no longer uses it (it
 * writes over the socket); the PUT API does, and its change reaches open
 * editors as a Yjs update (lib/realtime/store.ts).
 */
export async function saveSectionText(
  actor: Actor,
  input: { conceptId: string; sectionId: string; baseRevision: number; content: unknown },
): Promise<SaveResult> {
  if (!Number.isInteger(input.baseRevision) || input.baseRevision < 0) {
    throw new AppError("bad_request", "Die Revision fehlt oder ist ungültig.");
  }
  const { concept } = await requireConcept(actor, input.conceptId, "concept.editContent");
  const section = await getSectionMeta({ sectionId: input.sectionId });
  if (!section || section.conceptId !== concept.id) throw new AppError("not_found", "Diesen Abschnitt gibt es nicht.");
  const validation = validateDoc(input.content);
  if (!validation.ok) throw new AppError(validation.error.includes("zu lang") ? "too_large" : "bad_request", validation.error);

  const result = await conceptTransaction(concept.id, async (tx) => {
    // Fold what editors typed in real time into the JSON first: the revision check is against the current text.
    await compactSection(section.id, tx);
    const current = await getSection({ sectionId: section.id, lock: true }, tx);
    if (!current) throw new AppError("not_found", "Diesen Abschnitt gibt es nicht mehr.");
    if (current.revision !== input.baseRevision) {
      return {
        status: "conflict" as const,
        current: {
          content: current.content,
          revision: current.revision,
          updatedAt: current.updatedAt.toISOString(),
          updatedBy: current.updatedBy,
        },
      };
    }
    const changed = await writeSectionText(tx, { sectionId: section.id, conceptId: concept.id, content: validation.doc, userId: actor.id });
    await touchConcept({ conceptId: concept.id }, tx);
    if (!changed) return { status: "saved" as const, revision: current.revision, savedAt: current.updatedAt.toISOString() };
    await recordSectionEdit(tx, { municipalityId: concept.municipalityId, actorId: actor.id, conceptId: concept.id, sectionId: section.id, chapter: section.chapter, part: section.part, fieldId: section.fieldId });
    const written = await getSection({ sectionId: section.id }, tx);
    return { status: "saved" as const, revision: written!.revision, savedAt: written!.updatedAt.toISOString() };
  });
  // Counted after the commit (/api/metrics).
  if (result.status === "saved") recordSectionSave("put");
  return result;
}

/**
 * Section text written forward by a restore (inside the restore's transaction,
 * after its permission check): every part whose text differs gets the version's
 * text as a new revision; missing parts are created. The second write path of
 * section text, kept here beside the first.
 */
export async function restoreSectionTexts(
  tx: Executor,
  input: {
    conceptId: string;
    municipalityId: string;
    userId: string;
    current: { id: string; chapter: string; part: string; fieldId: string | null; content: JSONContent }[];
    /** `id`: the part's id when it was stored (a version's), kept for a part that comes back unless another row has it */
    target: { id?: string; chapter: string; part: string; fieldId: string | null; content: JSONContent }[];
  },
): Promise<number> {
  const key = (s: { chapter: string; part: string; fieldId: string | null }) => `${s.chapter}/${s.part}/${s.fieldId ?? ""}`;
  const current = new Map(input.current.map((s) => [key(s), s]));
  const wanted = input.target.filter((s) => s.id && !current.has(key(s))).map((s) => s.id!);
  const taken = await takenIds("sections", wanted, tx);
  let written = 0;
  for (const s of input.target) {
    const validation = validateDoc(s.content);
    if (!validation.ok) throw new AppError("bad_request", validation.error);
    const doc = validation.doc;
    const existing = current.get(key(s));
    if (existing && canonicalJson(existing.content) === canonicalJson(doc)) continue;
    if (existing) {
      await writeSectionText(tx, { sectionId: existing.id, conceptId: input.conceptId, content: doc, userId: input.userId });
    } else {
      const id = s.id && !taken.has(s.id) ? s.id : undefined;
      await insertSection({ id, conceptId: input.conceptId, municipalityId: input.municipalityId, fieldId: s.fieldId, chapter: s.chapter, part: s.part, content: doc, textLength: textLength(doc), userId: input.userId }, tx);
    }
    written++;
  }
  return written;
}
