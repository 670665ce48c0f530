import "server-only";
import { getDb } from "@/db";
import { addField, deleteField, getField, touchConcept } from "@/db/queries/concepts";
import { sections } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/session";
import { requireConcept } from "./access";
import { fieldSections } from "./blueprint";


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
  const db = await getDb();
  return db.transaction(async (tx) => {
    const key = `custom-${slug(input.title) || "feld"}-${Date.now().toString(36)}`;
    const field = await addField({ conceptId: concept.id, municipalityId: concept.municipalityId, key, title: input.title }, tx);
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
    return field;
  });
}

/** Remove an own field of action with its texts, sub-goals and measures; the six standard fields stay. */
export async function removeCustomField(actor: Actor, input: { conceptId: string; fieldId: string }) {
  const { concept } = await requireConcept(actor, input.conceptId, "concept.editContent");
  const field = await getField({ fieldId: input.fieldId, conceptId: concept.id });
  if (!field) throw new AppError("not_found", "Dieses Handlungsfeld gibt es nicht.");
  if (!field.custom) throw new AppError("bad_request", "Die Handlungsfelder der Vorlage können nicht entfernt werden.");
  const db = await getDb();
  await db.transaction(async (tx) => {
    await deleteField({ fieldId: field.id }, tx);
    await touchConcept({ conceptId: concept.id }, tx);
  });
}
