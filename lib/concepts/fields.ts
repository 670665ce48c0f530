import "server-only";
import { addField, countCustomFields, deleteField, getField } from "@/db/queries/concepts";
import { conceptTransaction, touchConcept } from "./writable";
import { recordAudit } from "@/db/queries/audit";
import { sections } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/session";
import { requireConcept } from "./access";
import { fieldSections } from "./blueprint";
import { fieldTitleSchema, MAX_CUSTOM_FIELDS, TOO_MANY_CUSTOM_FIELDS } from "./schema";
import { describeZodError } from "@/lib/validation";


function slug(title: string) {
  return title
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);
}

/** Add a municipality's own field of action with the same parts as the standard ones. */
export async function addCustomField(actor: Actor, input: { conceptId: string; title: string }) {
  const { concept } = await requireConcept(actor, input.conceptId, "concept.editContent");
  const parsed = fieldTitleSchema().safeParse(input.title);
  if (!parsed.success) throw new AppError("bad_request", describeZodError(parsed.error, { "": "Name des Handlungsfelds" }));
  const title = parsed.data;
  return conceptTransaction(concept.id, async (tx) => {
    const key = `custom-${slug(title) || "feld"}-${Date.now().toString(36)}`;
    const field = await addField({ conceptId: concept.id, municipalityId: concept.municipalityId, key, title }, tx);
    const parts = fieldSections(concept.templateVersion, key);
    await tx.insert(sections).values(
      parts.map((p) => ({
        conceptId: concept.id,
        municipalityId: concept.municipalityId,
        fieldId: field.id,
        chapter: p.chapter,
        part: p.part,
        content: p.content,
        textLength: 0,
        updatedBy: actor.id,
      })),
    );
    await touchConcept({ conceptId: concept.id }, tx);
    await recordAudit(tx, { municipalityId: concept.municipalityId, actorId: actor.id, action: "field.create", conceptId: concept.id, objectId: field.id, details: { field: key, fieldTitle: title } });
    // Counted under the concept's row lock that touchConcept took, so two adds at once cannot both pass.
    if ((await countCustomFields({ conceptId: concept.id }, tx)) > MAX_CUSTOM_FIELDS) throw new AppError("bad_request", TOO_MANY_CUSTOM_FIELDS);
    return field;
  });
}

/** Remove an own field of action with its texts, sub-goals and measures; the six standard fields stay. */
export async function removeCustomField(actor: Actor, input: { conceptId: string; fieldId: string }) {
  const { concept } = await requireConcept(actor, input.conceptId, "concept.editContent");
  const field = await getField({ fieldId: input.fieldId, conceptId: concept.id });
  if (!field) throw new AppError("not_found", "Dieses Handlungsfeld gibt es nicht.");
  if (!field.custom) throw new AppError("bad_request", "Die Handlungsfelder der Vorlage können nicht entfernt werden.");
  await conceptTransaction(concept.id, async (tx) => {
    await deleteField({ fieldId: field.id }, tx);
    await touchConcept({ conceptId: concept.id }, tx);
    await recordAudit(tx, { municipalityId: concept.municipalityId, actorId: actor.id, action: "field.delete", conceptId: concept.id, objectId: field.id, details: { field: field.key, fieldTitle: field.title } });
  });
}
