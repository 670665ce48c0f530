import "server-only";
import { getDb } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { insertConcept } from "@/db/queries/concepts";
import { requireRole, type Actor } from "@/lib/authz/require-role";
import { TEMPLATE_VERSION } from "@/lib/template";
import { AppError } from "@/lib/errors";
import { describeZodError } from "@/lib/validation";
import { blueprint } from "./blueprint";
import { conceptTitleSchema } from "./schema";

/** A new concept from the current template: every chapter part and the six fields of action, empty. */
export async function createConcept(actor: Actor, input: { municipalityId: string; title: string }) {
  await requireRole(actor, input.municipalityId, "concept.create");
  const title = conceptTitleSchema().safeParse(input.title);
  if (!title.success) throw new AppError("bad_request", describeZodError(title.error, { "": "Titel" }));
  const db = await getDb();
  return db.transaction(async (tx) => {
    const concept = await insertConcept(tx, {
      municipalityId: input.municipalityId,
      title: title.data,
      templateVersion: TEMPLATE_VERSION,
      createdBy: actor.id,
      ...blueprint(TEMPLATE_VERSION),
    });
    await recordAudit(tx, { municipalityId: concept.municipalityId, actorId: actor.id, action: "concept.create", conceptId: concept.id, details: { title: concept.title } });
    return concept;
  });
}
