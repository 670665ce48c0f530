/**
 * Moving a concept from an older template to the current one. A later
 * template only adds chapter text parts (lib/template: partsAddedBetween), so
 * the move is cheap and loses nothing: the concept keeps every text, field and
 * measure and gains the new parts, empty. It happens when a Fortschreibung
 * starts (lib/versions/service#changeStatus); until then a concept keeps the
 * template it was created with and renders exactly as before.
 */
import "server-only";
import type { Executor } from "@/db";
import { moveConceptTemplate } from "@/db/queries/concepts";
import type { Concept } from "@/db/schema";
import { EMPTY_DOC } from "@/lib/editor/document";
import { partsAddedBetween, TEMPLATE_VERSION } from "@/lib/template";
import type { ValidConceptExport } from "./exchange";

/**
 * Inside the caller's transaction (after its permission check, with the
 * concept locked): move the concept to the current template. Returns the
 * versions moved between, or null when it is on the current template already.
 */
export async function moveToCurrentTemplate(tx: Executor, concept: Pick<Concept, "id" | "municipalityId" | "templateVersion">) {
  const from = concept.templateVersion;
  if (from >= TEMPLATE_VERSION) return null;
  const parts = partsAddedBetween(from, TEMPLATE_VERSION);
  const moved = await moveConceptTemplate(
    { conceptId: concept.id, municipalityId: concept.municipalityId, from, to: TEMPLATE_VERSION, sections: parts.map((p) => ({ ...p, content: EMPTY_DOC })) },
    tx,
  );
  return moved ? { from, to: TEMPLATE_VERSION } : null;
}

/**
 * A concept in the backup format (a version's snapshot) read under a later
 * template: the parts that template adds are there, empty, as the version had
 * no text for them. Restoring a version from before the move then empties them.
 */
export function onTemplate(data: ValidConceptExport, to: number): ValidConceptExport {
  if (data.concept.templateVersion === to) return data;
  const added = partsAddedBetween(data.concept.templateVersion, to);
  return {
    ...data,
    concept: { ...data.concept, templateVersion: to },
    sections: [
      ...data.sections,
      ...added
        .filter((p) => !data.sections.some((s) => s.fieldKey === null && s.chapter === p.chapter && s.part === p.part))
        .map((p) => ({ ...p, fieldKey: null, content: EMPTY_DOC, textLength: 0 })),
    ],
  };
}
