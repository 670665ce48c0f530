import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Executor } from "@/db";
import { assignments, concepts, fields, memberships, users } from "@/db/schema";

/** A chapter (fieldId null) or a field of action (chapter "fields"). */
export type PlaceRef = { chapter: string; fieldId: string | null };

export type AssignmentRow = PlaceRef & {
  conceptId: string;
  assigneeId: string;
  assigneeName: string;
  dueDate: string;
  fieldKey: string | null;
  fieldTitle: string | null;
  fieldCustom: boolean | null;
};

const assignee = alias(users, "assignee");

const columns = {
  conceptId: assignments.conceptId,
  chapter: assignments.chapter,
  fieldId: assignments.fieldId,
  assigneeId: assignments.assigneeId,
  assigneeName: assignee.name,
  dueDate: assignments.dueDate,
  fieldKey: fields.key,
  fieldTitle: fields.title,
  fieldCustom: fields.custom,
};

/**
 * Only people who still have edit rights in the municipality count as responsible: a member
 * removed or changed to reviewer or viewer drops out of every list, and the place is free again.
 */
const stillWriter = and(
  eq(memberships.userId, assignments.assigneeId),
  eq(memberships.municipalityId, assignments.municipalityId),
  inArray(memberships.role, ["admin", "editor"]),
);

const samePlace = (conceptId: string, place: PlaceRef) =>
  and(eq(assignments.conceptId, conceptId), eq(assignments.chapter, place.chapter), place.fieldId ? eq(assignments.fieldId, place.fieldId) : isNull(assignments.fieldId));

/** Who is responsible where in a concept, by due date. */
export async function listAssignments({ conceptId }: { conceptId: string }, db?: Executor): Promise<AssignmentRow[]> {
  const x = db ?? (await getDb());
  return x
    .select(columns)
    .from(assignments)
    .innerJoin(assignee, eq(assignee.id, assignments.assigneeId))
    .innerJoin(memberships, stillWriter)
    .leftJoin(fields, eq(fields.id, assignments.fieldId))
    .where(eq(assignments.conceptId, conceptId))
    .orderBy(asc(assignments.dueDate), asc(assignments.id));
}

/** Every assignment in a municipality's concepts (the dashboard), by due date. */
export async function listAssignmentsOfMunicipality({ municipalityId }: { municipalityId: string }, db?: Executor): Promise<AssignmentRow[]> {
  const x = db ?? (await getDb());
  return x
    .select(columns)
    .from(assignments)
    .innerJoin(assignee, eq(assignee.id, assignments.assigneeId))
    .innerJoin(memberships, stillWriter)
    .leftJoin(fields, eq(fields.id, assignments.fieldId))
    .where(eq(assignments.municipalityId, municipalityId))
    .orderBy(asc(assignments.dueDate), asc(assignments.id));
}

/** A person's assignments in one municipality, with the concept's title; archived concepts and those marked for deletion are left out. */
export async function listAssignmentsOfPerson({ municipalityId, userId }: { municipalityId: string; userId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  return x
    .select({ ...columns, conceptTitle: concepts.title, templateVersion: concepts.templateVersion })
    .from(assignments)
    .innerJoin(assignee, eq(assignee.id, assignments.assigneeId))
    .innerJoin(memberships, stillWriter)
    .innerJoin(concepts, eq(concepts.id, assignments.conceptId))
    .leftJoin(fields, eq(fields.id, assignments.fieldId))
    .where(and(eq(assignments.municipalityId, municipalityId), eq(assignments.assigneeId, userId), isNull(concepts.archivedAt), isNull(concepts.deleteAfter)))
    .orderBy(asc(assignments.dueDate), asc(concepts.title), asc(assignments.id));
}

/** The assignment of one place (of a person who still has edit rights), or null. */
export async function getAssignment(input: PlaceRef & { conceptId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const [row] = await x
    .select({ assigneeId: assignments.assigneeId, assigneeName: users.name })
    .from(assignments)
    .innerJoin(users, eq(users.id, assignments.assigneeId))
    .innerJoin(memberships, stillWriter)
    .where(samePlace(input.conceptId, input))
    .limit(1);
  return row ?? null;
}

/** Make a person responsible for a place (replacing whoever was before). */
export async function upsertAssignment(
  input: PlaceRef & { conceptId: string; municipalityId: string; assigneeId: string; dueDate: string; assignedBy: string },
  db: Executor,
) {
  await db.delete(assignments).where(samePlace(input.conceptId, input));
  await db.insert(assignments).values(input);
}

/** Remove the assignment of a place; false when there was none. */
export async function deleteAssignment(input: PlaceRef & { conceptId: string }, db: Executor): Promise<boolean> {
  const rows = await db.delete(assignments).where(samePlace(input.conceptId, input)).returning({ id: assignments.id });
  return rows.length > 0;
}
