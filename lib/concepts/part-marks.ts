import "server-only";
import { writeAudited } from "@/db/queries/audit";
import { getField } from "@/db/queries/concepts";
import { deletePartMark, insertPartMark, type PartRef } from "@/db/queries/part-marks";
import type { Concept } from "@/db/schema";
import type { Actor } from "@/lib/authz/require-role";
import { AppError } from "@/lib/errors";
import { FIELDS_CHAPTER, templateFor } from "@/lib/template";
import { requireConcept } from "./access";

export type PartMarkInput = { conceptId: string; chapter: string; part: string; fieldId?: string | null };

const UNKNOWN_PART = "Diesen Teil gibt es in diesem Konzept nicht. Bitte laden Sie die Seite neu.";

/**
 * The part an input names, checked against the concept's template and fields:
 * a chapter's own part, or a part of one of the concept's fields of action.
 * Returns the field's key and title too, for the audit entry.
 */
async function resolvePart(concept: Concept, input: PartMarkInput): Promise<PartRef & { field: { key: string; title: string } | null }> {
  const template = templateFor(concept.templateVersion);
  if (input.fieldId) {
    if (input.chapter !== FIELDS_CHAPTER || !template.fieldParts.some((p) => p.key === input.part)) throw new AppError("bad_request", UNKNOWN_PART);
    const field = await getField({ fieldId: input.fieldId, conceptId: concept.id });
    if (!field) throw new AppError("not_found", "Dieses Handlungsfeld gibt es in diesem Konzept nicht (mehr).");
    return { chapter: FIELDS_CHAPTER, part: input.part, fieldId: field.id, field: { key: field.key, title: field.title } };
  }
  const chapter = template.chapters.find((c) => c.key === input.chapter);
  if (!chapter || !chapter.parts.some((p) => p.key === input.part)) throw new AppError("bad_request", UNKNOWN_PART);
  return { chapter: chapter.key, part: input.part, fieldId: null, field: null };
}

const auditDetails = (ref: PartRef & { field: { key: string; title: string } | null }) => ({
  chapter: ref.chapter,
  part: ref.part,
  ...(ref.field ? { field: ref.field.key, fieldTitle: ref.field.title } : {}),
});

/**
 * Mark a part "fertig" (editors and admins; refused on an adopted or archived
 * concept). "leer" and "begonnen" follow from the text; only "fertig" is a
 * decision, stored with who and when. Marking a marked part again changes nothing.
 */
export async function markPartDone(actor: Actor, input: PartMarkInput) {
  const { concept } = await requireConcept(actor, input.conceptId, "concept.editContent");
  const ref = await resolvePart(concept, input);
  await writeAudited(
    (tx) => insertPartMark({ conceptId: concept.id, municipalityId: concept.municipalityId, userId: actor.id, chapter: ref.chapter, part: ref.part, fieldId: ref.fieldId }, tx),
    (inserted) => (inserted ? { municipalityId: concept.municipalityId, actorId: actor.id, action: "part.done", conceptId: concept.id, details: auditDetails(ref) } : null),
  );
}

/** Take a "fertig" mark back (editors and admins); the part counts as begonnen or leer again. */
export async function unmarkPartDone(actor: Actor, input: PartMarkInput) {
  const { concept } = await requireConcept(actor, input.conceptId, "concept.editContent");
  const ref = await resolvePart(concept, input);
  const removed = await writeAudited(
    (tx) => deletePartMark({ conceptId: concept.id, chapter: ref.chapter, part: ref.part, fieldId: ref.fieldId }, tx),
    (deleted) => (deleted ? { municipalityId: concept.municipalityId, actorId: actor.id, action: "part.undone", conceptId: concept.id, details: auditDetails(ref) } : null),
  );
  if (!removed) throw new AppError("not_found", "Dieser Teil ist nicht als „fertig“ markiert.");
}
