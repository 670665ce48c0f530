/** Responsibilities for chapters and fields of action: who may assign whom, what "Für mich" and the dashboard show, what is refused. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { listAssignments } from "@/db/queries/assignments";
import { auditLog } from "@/db/schema";
import { describeAuditGerman } from "@/lib/audit/german";
import { assignPlace, readMyAssignments, unassignPlace } from "@/lib/concepts/assignments";
import { createConcept } from "@/lib/concepts/create";
import { readConceptDashboard } from "@/lib/concepts/dashboard";
import { archiveConcept } from "@/lib/concepts/lifecycle";
import { berlinToday } from "@/lib/check/context";
import { changeRole } from "@/lib/members/service";
import { populatedTown, type Ids, type Town } from "../support/scenario";

let own: { town: Town; ids: Ids };
let other: { town: Town; ids: Ids };

beforeAll(async () => {
  own = await populatedTown("Zuständigstadt");
  other = await populatedTown("Fremdgemeinde");
});
afterAll(() => closeDb());

const DUE = "2030-01-31";

async function logged(conceptId: string, action: string) {
  const db = await getDb();
  return db.select().from(auditLog).where(and(eq(auditLog.conceptId, conceptId), eq(auditLog.action, action))).orderBy(asc(auditLog.createdAt), asc(auditLog.id));
}

describe("assigning a chapter or a field of action", () => {
  it("lets an admin make an editor responsible for a field, shown in Für mich, on the dashboard and in the log", async () => {
    const { town, ids } = own;
    await assignPlace(town.admin, { conceptId: ids.conceptId, chapter: "fields", fieldId: ids.fieldId, assigneeId: town.editor.id, dueDate: DUE });
    const rows = await listAssignments({ conceptId: ids.conceptId });
    expect(rows).toMatchObject([{ chapter: "fields", fieldId: ids.fieldId, assigneeName: town.editor.name, dueDate: DUE, fieldTitle: "Sprache" }]);

    const mine = await readMyAssignments(town.editor, { municipalityId: ids.municipalityId });
    expect(mine.map((m) => [m.conceptTitle, m.fieldTitle, m.dueDate, m.overdue])).toEqual([[`Integrationskonzept Zuständigstadt`, "Sprache", DUE, false]]);
    expect(await readMyAssignments(town.admin, { municipalityId: ids.municipalityId })).toEqual([]);

    const dashboard = await readConceptDashboard(town.viewer, { municipalityId: ids.municipalityId });
    expect(dashboard.find((d) => d.id === ids.conceptId)!.assignments).toEqual([
      { name: town.editor.name, chapter: "fields", fieldKey: "language", fieldTitle: "Sprache", fieldCustom: false, dueDate: DUE },
    ]);

    const [entry] = await logged(ids.conceptId, "assignment.set");
    expect(describeAuditGerman({ action: entry!.action, actorName: town.admin.name, conceptTitle: null, details: entry!.details as Record<string, string> })).toBe(
      `${town.admin.name} hat ${town.editor.name} als zuständig für das Handlungsfeld „Sprache“ eingetragen (bis 31.01.2030)`,
    );
  });

  it("replaces the person when an admin assigns the place again", async () => {
    const { town, ids } = own;
    await assignPlace(town.admin, { conceptId: ids.conceptId, chapter: "fields", fieldId: ids.fieldId, assigneeId: town.admin.id, dueDate: "2030-02-28" });
    expect((await listAssignments({ conceptId: ids.conceptId })).map((a) => [a.assigneeName, a.dueDate])).toEqual([[town.admin.name, "2030-02-28"]]);
    expect(await readMyAssignments(town.editor, { municipalityId: ids.municipalityId })).toEqual([]);
  });

  it("lets an editor take an open chapter and give it up, but not assign others or take someone else's place", async () => {
    const { town, ids } = own;
    await assignPlace(town.editor, { conceptId: ids.conceptId, chapter: "baseline", assigneeId: town.editor.id, dueDate: DUE });
    expect((await readMyAssignments(town.editor, { municipalityId: ids.municipalityId })).map((a) => a.chapter)).toEqual(["baseline"]);

    await expect(assignPlace(town.editor, { conceptId: ids.conceptId, chapter: "vision", assigneeId: town.admin.id, dueDate: DUE })).rejects.toMatchObject({
      code: "forbidden",
      message: "Nur die Leitung kann anderen eine Zuständigkeit geben. Sie können sich selbst eintragen.",
    });
    // The field is the admin's (previous test): the editor cannot take it over, nor remove it.
    await expect(assignPlace(town.editor, { conceptId: ids.conceptId, chapter: "fields", fieldId: ids.fieldId, assigneeId: town.editor.id, dueDate: DUE })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(unassignPlace(town.editor, { conceptId: ids.conceptId, chapter: "fields", fieldId: ids.fieldId })).rejects.toMatchObject({ code: "forbidden" });

    await unassignPlace(town.editor, { conceptId: ids.conceptId, chapter: "baseline" });
    expect(await readMyAssignments(town.editor, { municipalityId: ids.municipalityId })).toEqual([]);
    const [removed] = await logged(ids.conceptId, "assignment.remove");
    expect(describeAuditGerman({ action: removed!.action, actorName: town.editor.name, conceptTitle: null, details: removed!.details as Record<string, string> })).toBe(
      `${town.editor.name} hat die Zuständigkeit von ${town.editor.name} für das Kapitel „Ausgangslage“ aufgehoben`,
    );
    expect((await listAssignments({ conceptId: ids.conceptId })).map((a) => a.chapter)).toEqual(["fields"]);
  });

  it("two editors taking the same open chapter at once: one gets it, the other is told someone else holds it", async () => {
    const { town, ids } = other;
    await changeRole(town.admin, { municipalityId: ids.municipalityId, userId: town.reviewer.id, role: "editor" });
    try {
      const take = (who: typeof town.editor) => assignPlace(who, { conceptId: ids.conceptId, chapter: "baseline", assigneeId: who.id, dueDate: DUE });
      const results = await Promise.allSettled([take(town.editor), take(town.reviewer)]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(refused.reason).toMatchObject({ code: "forbidden", message: "Hier ist schon jemand anderes zuständig; ändern kann das nur die Leitung." });
      const winner = results[0]!.status === "fulfilled" ? town.editor : town.reviewer;
      expect((await listAssignments({ conceptId: ids.conceptId })).filter((a) => a.chapter === "baseline").map((a) => a.assigneeName)).toEqual([winner.name]);
      await unassignPlace(town.admin, { conceptId: ids.conceptId, chapter: "baseline" });
    } finally {
      await changeRole(town.admin, { municipalityId: ids.municipalityId, userId: town.reviewer.id, role: "reviewer" });
    }
  });

  it("refuses reviewers, viewers and another municipality, and changes nothing", async () => {
    const { town, ids } = own;
    const before = await listAssignments({ conceptId: ids.conceptId });
    const input = { conceptId: ids.conceptId, chapter: "vision", assigneeId: town.reviewer.id, dueDate: DUE };
    await expect(assignPlace(town.reviewer, { ...input, assigneeId: town.reviewer.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(assignPlace(town.viewer, { ...input, assigneeId: town.viewer.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(assignPlace(other.town.admin, { ...input, assigneeId: other.town.admin.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(unassignPlace(other.town.admin, { conceptId: ids.conceptId, chapter: "fields", fieldId: ids.fieldId })).rejects.toMatchObject({ code: "not_found" });
    // Their own concept, this town's field: not found.
    await expect(
      assignPlace(other.town.admin, { conceptId: other.ids.conceptId, chapter: "fields", fieldId: ids.fieldId, assigneeId: other.town.admin.id, dueDate: DUE }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(readMyAssignments(other.town.admin, { municipalityId: ids.municipalityId })).rejects.toMatchObject({ code: "not_found" });
    expect(await listAssignments({ conceptId: ids.conceptId })).toEqual(before);
    expect(await listAssignments({ conceptId: other.ids.conceptId })).toEqual([]);
  });

  it("refuses bad input with a German message: a reader as assignee, a stranger, a past or impossible date, an unknown chapter", async () => {
    const { town, ids } = own;
    const before = await listAssignments({ conceptId: ids.conceptId });
    const base = { conceptId: ids.conceptId, chapter: "vision", assigneeId: town.editor.id, dueDate: DUE };
    await expect(assignPlace(town.admin, { ...base, assigneeId: town.reviewer.id })).rejects.toMatchObject({
      code: "bad_request",
      message: "Zuständig sein können nur Mitglieder mit Schreibrechten (Leitung oder Redaktion).",
    });
    await expect(assignPlace(town.admin, { ...base, assigneeId: other.town.editor.id })).rejects.toMatchObject({ code: "bad_request" });
    await expect(assignPlace(town.admin, { ...base, dueDate: "2020-01-01" })).rejects.toMatchObject({ code: "bad_request", message: "Das Fälligkeitsdatum liegt in der Vergangenheit." });
    await expect(assignPlace(town.admin, { ...base, dueDate: "2030-02-30" })).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("Fälligkeitsdatum") });
    await expect(assignPlace(town.admin, { ...base, chapter: "erfunden" })).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("Kapitel") });
    await expect(assignPlace(town.admin, { ...base, chapter: "mandate", fieldId: ids.fieldId })).rejects.toMatchObject({ code: "bad_request" });
    await expect(assignPlace(town.admin, { ...base, assigneeId: "niemand" })).rejects.toMatchObject({ code: "bad_request" });
    await expect(unassignPlace(town.admin, { conceptId: ids.conceptId, chapter: "vision" })).rejects.toMatchObject({ code: "not_found", message: "Hier ist niemand als zuständig eingetragen." });
    expect(await listAssignments({ conceptId: ids.conceptId })).toEqual(before);
  });

  it("shows an assignment due before today as overdue, and accepts today as due date", async () => {
    const { town, ids } = own;
    await assignPlace(town.admin, { conceptId: ids.conceptId, chapter: "update", assigneeId: town.editor.id, dueDate: berlinToday() });
    const mine = await readMyAssignments(town.editor, { municipalityId: ids.municipalityId });
    expect(mine.find((m) => m.chapter === "update")!.overdue).toBe(false);
  });

  it("drops a person who loses edit rights from every list, and frees the place", async () => {
    const { town, ids } = own;
    const before = (await listAssignments({ conceptId: ids.conceptId })).length;
    await assignPlace(town.admin, { conceptId: ids.conceptId, chapter: "monitoring", assigneeId: town.editor.id, dueDate: DUE });
    expect(await listAssignments({ conceptId: ids.conceptId })).toHaveLength(before + 1);
    await changeRole(town.admin, { municipalityId: ids.municipalityId, userId: town.editor.id, role: "reviewer" });
    try {
      expect((await listAssignments({ conceptId: ids.conceptId })).map((a) => a.chapter)).not.toContain("monitoring");
      const dashboard = await readConceptDashboard(town.admin, { municipalityId: ids.municipalityId });
      expect(dashboard.find((d) => d.id === ids.conceptId)!.assignments.map((a) => a.name)).not.toContain(town.editor.name);
      await expect(unassignPlace(town.admin, { conceptId: ids.conceptId, chapter: "monitoring" })).rejects.toMatchObject({ code: "not_found" });
    } finally {
      await changeRole(town.admin, { municipalityId: ids.municipalityId, userId: town.editor.id, role: "editor" });
    }
  });

  it("is refused on an archived concept, and an archived concept's responsibilities leave Für mich", async () => {
    const { town, ids } = own;
    const archived = await createConcept(town.editor, { municipalityId: ids.municipalityId, title: "Archiviertes Konzept" });
    await assignPlace(town.admin, { conceptId: archived.id, chapter: "vision", assigneeId: town.editor.id, dueDate: DUE });
    expect((await readMyAssignments(town.editor, { municipalityId: ids.municipalityId })).map((a) => a.conceptTitle)).toContain("Archiviertes Konzept");
    await archiveConcept(town.admin, { conceptId: archived.id });
    expect((await readMyAssignments(town.editor, { municipalityId: ids.municipalityId })).map((a) => a.conceptTitle)).not.toContain("Archiviertes Konzept");
    await expect(assignPlace(town.admin, { conceptId: archived.id, chapter: "mandate", assigneeId: town.editor.id, dueDate: DUE })).rejects.toMatchObject({ code: "conflict" });
    await expect(unassignPlace(town.admin, { conceptId: archived.id, chapter: "vision" })).rejects.toMatchObject({ code: "conflict" });
    expect((await listAssignments({ conceptId: archived.id })).map((a) => a.chapter)).toEqual(["vision"]);
  });
});
