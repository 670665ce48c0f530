import "server-only";
import { deleteAssignment, getAssignment, listAssignmentsOfPerson, upsertAssignment, type PlaceRef } from "@/db/queries/assignments";
import { recordAudit, writeAudited } from "@/db/queries/audit";
import { getField } from "@/db/queries/concepts";
import { listMembers } from "@/db/queries/members";
import type { Concept } from "@/db/schema";
import { can } from "@/lib/authz/permissions";
import { requireRole, type Actor } from "@/lib/authz/require-role";
import { berlinToday } from "@/lib/check/context";
import { AppError } from "@/lib/errors";
import { FIELDS_CHAPTER, templateFor } from "@/lib/template";
import { describeZodError, fieldErrors, isCalendarDate, z } from "@/lib/validation";
import { requireConcept } from "./access";
import { conceptTransaction } from "./writable";

/*
 * Responsibilities: who writes which chapter or field of action, and by when.
 * Admins make anyone with edit rights (admin, editor) responsible; an editor may
 * enter only themselves, at a place nobody else holds, and give up only their
 * own: taking work matches their right to edit, handing out work does not.
 */

export const placeSchema = z.object({
  conceptId: z.string().min(1),
  chapter: z.string({ error: "Bitte ein Kapitel angeben." }).min(1, "Bitte ein Kapitel angeben.").max(100),
  fieldId: z.string().max(100).nullish(),
});
export const assignSchema = placeSchema.extend({
  assigneeId: z.string({ error: "Bitte eine Person wählen." }).uuid("Bitte eine Person wählen."),
  dueDate: z.string({ error: "Bitte ein Fälligkeitsdatum angeben." }).refine(isCalendarDate, "Bitte ein Fälligkeitsdatum angeben, das es gibt (JJJJ-MM-TT)."),
});

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError("bad_request", describeZodError(result.error), { fieldErrors: fieldErrors(result.error) });
  return result.data;
}

type Place = PlaceRef & { field: { key: string; title: string } | null };

/** The chapter or field an input names, checked against the concept's template and fields. */
async function resolvePlace(concept: Concept, input: { chapter: string; fieldId?: string | null }): Promise<Place> {
  const chapter = templateFor(concept.templateVersion).chapters.find((c) => c.key === input.chapter);
  if (!chapter) throw new AppError("bad_request", "Dieses Kapitel gibt es in diesem Konzept nicht. Bitte laden Sie die Seite neu.");
  if (!input.fieldId) return { chapter: chapter.key, fieldId: null, field: null };
  if (chapter.key !== FIELDS_CHAPTER) throw new AppError("bad_request", "Ein Handlungsfeld gehört zum Kapitel „Handlungsfelder“.");
  const field = await getField({ fieldId: input.fieldId, conceptId: concept.id });
  if (!field) throw new AppError("not_found", "Dieses Handlungsfeld gibt es in diesem Konzept nicht (mehr).");
  return { chapter: FIELDS_CHAPTER, fieldId: field.id, field: { key: field.key, title: field.title } };
}

function refuseReadOnly(concept: Concept) {
  // requireConcept refuses edits of archived and adopted concepts; an admin's "concept.assign" is no edit, so ask here too.
  if (concept.archivedAt) throw new AppError("conflict", "Das Konzept ist archiviert: Zuständigkeiten lassen sich nicht mehr ändern.");
  if (concept.status === "adopted") throw new AppError("conflict", "Das Konzept ist beschlossen: Zuständigkeiten lassen sich nicht mehr ändern.");
}

const placeDetails = (place: Place) => ({ chapter: place.chapter, ...(place.field ? { field: place.field.key, fieldTitle: place.field.title } : {}) });

/** Make a member with edit rights responsible for a chapter or a field of action until a due date (replaces whoever was). */
export async function assignPlace(actor: Actor, input: unknown) {
  const data = parse(assignSchema, input);
  const { concept, role } = await requireConcept(actor, data.conceptId, "concept.editContent");
  refuseReadOnly(concept);
  const admin = can(role, "concept.assign");
  if (!admin && data.assigneeId !== actor.id) throw new AppError("forbidden", "Nur die Leitung kann anderen eine Zuständigkeit geben. Sie können sich selbst eintragen.");
  const place = await resolvePlace(concept, data);
  const member = (await listMembers({ municipalityId: concept.municipalityId })).find((m) => m.userId === data.assigneeId);
  if (!member || (member.role !== "admin" && member.role !== "editor")) {
    throw new AppError("bad_request", "Zuständig sein können nur Mitglieder mit Schreibrechten (Leitung oder Redaktion).", { fieldErrors: { assigneeId: "Bitte eine Person mit Schreibrechten wählen." } });
  }
  if (data.dueDate < berlinToday()) {
    throw new AppError("bad_request", "Das Fälligkeitsdatum liegt in der Vergangenheit.", { fieldErrors: { dueDate: "Bitte ein Datum ab heute wählen." } });
  }
  // Checked under the concept's lock: two editors taking the same place at once would otherwise both pass the check,
  // and the later one would silently replace the first (or meet the unique index as an unexpected error).
  await conceptTransaction(concept.id, async (tx) => {
    const current = await getAssignment({ conceptId: concept.id, ...place }, tx);
    if (!admin && current && current.assigneeId !== actor.id) throw new AppError("forbidden", "Hier ist schon jemand anderes zuständig; ändern kann das nur die Leitung.");
    await upsertAssignment({ conceptId: concept.id, municipalityId: concept.municipalityId, chapter: place.chapter, fieldId: place.fieldId, assigneeId: member.userId, dueDate: data.dueDate, assignedBy: actor.id }, tx);
    await recordAudit(tx, {
      municipalityId: concept.municipalityId,
      actorId: actor.id,
      action: "assignment.set",
      conceptId: concept.id,
      details: { ...placeDetails(place), person: member.name, due: data.dueDate },
    });
  });
}

/** Nobody is responsible for the place any more (admins; an editor only for their own). */
export async function unassignPlace(actor: Actor, input: unknown) {
  const data = parse(placeSchema, input);
  const { concept, role } = await requireConcept(actor, data.conceptId, "concept.editContent");
  refuseReadOnly(concept);
  const place = await resolvePlace(concept, data);
  const current = await getAssignment({ conceptId: concept.id, ...place });
  if (!current) throw new AppError("not_found", "Hier ist niemand als zuständig eingetragen.");
  if (!can(role, "concept.assign") && current.assigneeId !== actor.id) throw new AppError("forbidden", "Die Zuständigkeit einer anderen Person kann nur die Leitung aufheben.");
  const person = current.assigneeName;
  await writeAudited(
    (tx) => deleteAssignment({ conceptId: concept.id, ...place }, tx),
    (deleted) => (deleted ? { municipalityId: concept.municipalityId, actorId: actor.id, action: "assignment.remove", conceptId: concept.id, details: { ...placeDetails(place), person } } : null),
  );
}

export type MyAssignment = Awaited<ReturnType<typeof listAssignmentsOfPerson>>[number] & { overdue: boolean };

/** What the signed-in person is responsible for in a municipality ("Für mich"), by due date. */
export async function readMyAssignments(actor: Actor, input: { municipalityId: string }): Promise<MyAssignment[]> {
  await requireRole(actor, input.municipalityId, "concept.read");
  const today = berlinToday();
  const rows = await listAssignmentsOfPerson({ municipalityId: input.municipalityId, userId: actor.id });
  return rows.map((r) => ({ ...r, overdue: r.dueDate < today }));
}
