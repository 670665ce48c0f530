/** Archive and deletion of a concept: admins only, read-only archive, a grace period before the purge, nothing served while marked. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { getConceptById, getConceptTree, listConcepts, listConceptsMarkedForDeletion } from "@/db/queries/concepts";
import { auditLog, concepts, measures, sections } from "@/db/schema";
import { decideAccess } from "@/lib/realtime/access";
import { requireConcept } from "@/lib/concepts/access";
import { exportConcept } from "@/lib/concepts/exchange";
import { findInConcept } from "@/lib/concepts/find";
import { readConceptDashboard } from "@/lib/concepts/dashboard";
import { archiveConcept, DELETION_GRACE_DAYS, markConceptForDeletion, purgeDeletedConcepts, restoreConceptFromDeletion, unarchiveConcept } from "@/lib/concepts/lifecycle";
import { saveSectionText } from "@/lib/concepts/sections";
import { doc, p } from "@/lib/editor/build";
import { addSubGoal } from "@/lib/measures/service";
import { createThread } from "@/lib/review/comments";
import { changeStatus, createVersion } from "@/lib/versions/service";
import { populatedTown, type Ids, type Town } from "../support/scenario";

const DAY = 86_400_000;
let town: Town;
let ids: Ids;
let other: Town;

beforeAll(async () => {
  ({ town, ids } = await populatedTown("Archivstadt"));
  ({ town: other } = await populatedTown("Nachbarstadt"));
});
afterAll(() => closeDb());

async function row(conceptId: string) {
  const db = await getDb();
  const [r] = await db.select().from(concepts).where(eq(concepts.id, conceptId));
  return r ?? null;
}

async function actions(conceptId: string) {
  const db = await getDb();
  const rows = await db
    .select({ action: auditLog.action, actorId: auditLog.actorId, details: auditLog.details })
    .from(auditLog)
    .where(eq(auditLog.conceptId, conceptId))
    .orderBy(auditLog.createdAt);
  return rows;
}

/** A fresh concept of the town with a written part, so each test starts from a clean state. */
async function freshConcept(title: string) {
  const { createConcept } = await import("@/lib/concepts/create");
  const concept = await createConcept(town.editor, { municipalityId: town.municipality.id, title });
  const mandate = (await getConceptTree({ conceptId: concept.id })).sections.find((s) => s.chapter === "mandate")!;
  await saveSectionText(town.editor, { conceptId: concept.id, sectionId: mandate.id, baseRevision: 0, content: doc(p("Der Rat hat beauftragt.")) });
  return { id: concept.id, sectionId: mandate.id };
}

describe("archiving", () => {
  it("moves the concept into the archive, read-only for everyone, and an admin takes it back out", async () => {
    const c = await freshConcept("Konzept 2019–2024");
    await archiveConcept(town.admin, { conceptId: c.id });
    expect((await listConcepts({ municipalityId: town.municipality.id })).find((x) => x.id === c.id)?.archivedAt).toBeInstanceOf(Date);
    // The list page puts it under "Archiv" by this date.
    expect((await readConceptDashboard(town.viewer, { municipalityId: town.municipality.id })).find((x) => x.id === c.id)?.archivedAt).toBeInstanceOf(Date);
    // Readable and exportable by every member …
    await expect(requireConcept(town.viewer, c.id, "concept.read")).resolves.toBeTruthy();
    expect((await exportConcept(town.viewer, c.id)).concept.title).toBe("Konzept 2019–2024");
    // … but nobody, the admin included, changes it.
    const readOnly = { code: "conflict", message: expect.stringContaining("archiviert") };
    const tree = await getConceptTree({ conceptId: c.id });
    await expect(saveSectionText(town.admin, { conceptId: c.id, sectionId: c.sectionId, baseRevision: 1, content: doc(p("Neu.")) })).rejects.toMatchObject(readOnly);
    await expect(addSubGoal(town.editor, { conceptId: c.id, fieldId: tree.fields[0]!.id, text: "Neu" })).rejects.toMatchObject(readOnly);
    await expect(changeStatus(town.admin, { conceptId: c.id, status: "interdepartmental" })).rejects.toMatchObject(readOnly);
    await expect(createVersion(town.editor, { conceptId: c.id })).rejects.toMatchObject(readOnly);
    await expect(createThread(town.reviewer, { conceptId: c.id, target: { kind: "text", sectionId: c.sectionId, quote: "Rat" }, body: "Kommentar" })).rejects.toMatchObject(readOnly);
    expect(await getConceptTree({ conceptId: c.id })).toEqual(tree);
    // A second archive is refused; taking it out makes it writable again.
    await expect(archiveConcept(town.admin, { conceptId: c.id })).rejects.toMatchObject({ code: "conflict" });
    await unarchiveConcept(town.admin, { conceptId: c.id });
    expect((await row(c.id))!.archivedAt).toBeNull();
    await expect(saveSectionText(town.admin, { conceptId: c.id, sectionId: c.sectionId, baseRevision: 1, content: doc(p("Neu.")) })).resolves.toMatchObject({ status: "saved" });
    expect((await actions(c.id)).filter((a) => a.action.startsWith("concept.") && a.action.includes("archive"))).toEqual([
      { action: "concept.archive", actorId: town.admin.id, details: { title: "Konzept 2019–2024" } },
      { action: "concept.unarchive", actorId: town.admin.id, details: { title: "Konzept 2019–2024" } },
    ]);
  });

  it("makes open editors read-only (the realtime decision)", async () => {
    const c = await freshConcept("Live-Archiv");
    const before = await decideAccess(town.editor.sessionId, { kind: "section", sectionId: c.sectionId });
    expect(before).toMatchObject({ ok: true, context: { readOnly: false } });
    await archiveConcept(town.admin, { conceptId: c.id });
    expect(await decideAccess(town.editor.sessionId, { kind: "section", sectionId: c.sectionId })).toMatchObject({ ok: true, context: { readOnly: true } });
  });
});

describe("marking for deletion", () => {
  it("needs the confirmation that names the concept", async () => {
    const c = await freshConcept("Probeentwurf");
    await expect(markConceptForDeletion(town.admin, { conceptId: c.id, confirm: undefined })).rejects.toMatchObject({ code: "bad_request" });
    await expect(markConceptForDeletion(town.admin, { conceptId: c.id, confirm: "Anderer Titel" })).rejects.toMatchObject({ code: "bad_request" });
    expect((await row(c.id))!.deleteAfter).toBeNull();
    await markConceptForDeletion(town.admin, { conceptId: c.id, confirm: " Probeentwurf " });
    expect((await row(c.id))!.deleteAfter).not.toBeNull();
  });

  it("hides the concept from everyone for the grace period, and an admin restores it", async () => {
    const c = await freshConcept("Entwurf zum Löschen");
    const now = new Date("2026-12-01T10:00:00Z");
    const { deleteAfter } = await markConceptForDeletion(town.admin, { conceptId: c.id, confirm: "on" }, now);
    expect(deleteAfter!.getTime()).toBe(now.getTime() + DELETION_GRACE_DAYS * DAY);
    // Not in the list, not served to any member (a 404 like a missing concept), refused by the realtime server …
    expect((await listConcepts({ municipalityId: town.municipality.id })).map((x) => x.id)).not.toContain(c.id);
    expect((await readConceptDashboard(town.admin, { municipalityId: town.municipality.id })).map((x) => x.id)).not.toContain(c.id);
    for (const role of ["admin", "editor", "reviewer", "viewer"] as const) {
      await expect(requireConcept(town[role], c.id, "concept.read")).rejects.toMatchObject({ code: "not_found" });
      await expect(exportConcept(town[role], c.id)).rejects.toMatchObject({ code: "not_found" });
      await expect(findInConcept(town[role], { conceptId: c.id, query: "Rat" })).rejects.toMatchObject({ code: "not_found" });
    }
    expect(await decideAccess(town.editor.sessionId, { kind: "section", sectionId: c.sectionId })).toEqual({ ok: false, reason: "Diesen Abschnitt gibt es nicht." });
    expect(await decideAccess(town.admin.sessionId, { kind: "presence", conceptId: c.id })).toMatchObject({ ok: false });
    // … except the admins' restore list.
    expect(await listConceptsMarkedForDeletion({ municipalityId: town.municipality.id })).toContainEqual({ id: c.id, title: "Entwurf zum Löschen", deleteAfter });
    // A purge before the end of the grace period leaves it alone.
    await purgeDeletedConcepts(new Date(deleteAfter!.getTime() - 1));
    expect(await row(c.id)).not.toBeNull();
    await restoreConceptFromDeletion(town.admin, { conceptId: c.id });
    expect((await row(c.id))!.deleteAfter).toBeNull();
    await expect(requireConcept(town.viewer, c.id, "concept.read")).resolves.toBeTruthy();
    expect(await decideAccess(town.editor.sessionId, { kind: "section", sectionId: c.sectionId })).toMatchObject({ ok: true });
    // Long after the first date: restored, so nothing is purged.
    await purgeDeletedConcepts(new Date(deleteAfter!.getTime() + 10 * DAY));
    expect(await row(c.id)).not.toBeNull();
    expect((await actions(c.id)).map((a) => a.action).filter((a) => a.includes("deletion"))).toEqual(["concept.mark_for_deletion", "concept.restore_from_deletion"]);
  });

  it("purges after the grace period, with everything of the concept and an audit entry naming it", async () => {
    const c = await freshConcept("Alter Entwurf");
    const now = new Date("2026-10-01T08:00:00Z");
    await markConceptForDeletion(town.admin, { conceptId: c.id, confirm: "Alter Entwurf" }, now);
    const due = new Date(now.getTime() + DELETION_GRACE_DAYS * DAY);
    const { purged } = await purgeDeletedConcepts(due);
    expect(purged).toBeGreaterThanOrEqual(1);
    expect(await getConceptById({ id: c.id })).toBeNull();
    const db = await getDb();
    expect(await db.select().from(sections).where(eq(sections.conceptId, c.id))).toEqual([]);
    const purge = await db.select().from(auditLog).where(and(eq(auditLog.conceptId, c.id), eq(auditLog.action, "concept.purge")));
    expect(purge).toMatchObject([{ actorId: null, municipalityId: town.municipality.id, details: { title: "Alter Entwurf" } }]);
    // Running again (another process, the next hour) deletes nothing more and logs nothing more.
    await purgeDeletedConcepts(due);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.conceptId, c.id), eq(auditLog.action, "concept.purge")))).toHaveLength(1);
    // The town's other concept is untouched.
    expect(await getConceptById({ id: ids.conceptId })).not.toBeNull();
    expect((await db.select().from(measures).where(eq(measures.conceptId, ids.conceptId))).length).toBe(2);
  });

  it("purges a concept with everything in it (versions, threads, review round, notifications)", async () => {
    const full = await populatedTown("Löschstadt");
    const now = new Date("2026-08-01T08:00:00Z");
    await markConceptForDeletion(full.town.admin, { conceptId: full.ids.conceptId, confirm: "on" }, now);
    await purgeDeletedConcepts(new Date(now.getTime() + DELETION_GRACE_DAYS * DAY));
    expect(await getConceptById({ id: full.ids.conceptId })).toBeNull();
    const db = await getDb();
    expect(await db.select().from(measures).where(eq(measures.conceptId, full.ids.conceptId))).toEqual([]);
  });

  it("two purges at once delete the concept once", async () => {
    const c = await freshConcept("Doppelt gelöscht");
    const now = new Date("2026-09-01T08:00:00Z");
    await markConceptForDeletion(town.admin, { conceptId: c.id, confirm: "on" }, now);
    const due = new Date(now.getTime() + (DELETION_GRACE_DAYS + 1) * DAY);
    await Promise.all([purgeDeletedConcepts(due), purgeDeletedConcepts(due)]);
    const db = await getDb();
    expect(await db.select().from(auditLog).where(and(eq(auditLog.conceptId, c.id), eq(auditLog.action, "concept.purge")))).toHaveLength(1);
  });
});

describe("who may", () => {
  it("editors, reviewers and viewers get forbidden, another municipality not_found, and nothing changes", async () => {
    const c = await freshConcept("Geschützt");
    const before = await row(c.id);
    const steps = [
      (a: Town["admin"]) => archiveConcept(a, { conceptId: c.id }),
      (a: Town["admin"]) => unarchiveConcept(a, { conceptId: c.id }),
      (a: Town["admin"]) => markConceptForDeletion(a, { conceptId: c.id, confirm: "on" }),
      (a: Town["admin"]) => markConceptForDeletion(a, { conceptId: c.id, confirm: "falsch" }),
      (a: Town["admin"]) => restoreConceptFromDeletion(a, { conceptId: c.id }),
    ];
    for (const step of steps) {
      for (const role of ["editor", "reviewer", "viewer"] as const) await expect(step(town[role])).rejects.toMatchObject({ code: "forbidden" });
      await expect(step(other.admin)).rejects.toMatchObject({ code: "not_found", message: "Nicht gefunden oder kein Zugriff." });
    }
    expect(await row(c.id)).toEqual(before);
    expect((await actions(c.id)).map((a) => a.action).filter((a) => a.includes("archive") || a.includes("deletion"))).toEqual([]);
  });

  it("another municipality's admin cannot restore a concept marked for deletion, nor learn that it exists", async () => {
    const c = await freshConcept("Vorgemerkt");
    await markConceptForDeletion(town.admin, { conceptId: c.id, confirm: "on" });
    await expect(restoreConceptFromDeletion(other.admin, { conceptId: c.id })).rejects.toMatchObject({ code: "not_found", message: "Nicht gefunden oder kein Zugriff." });
    await expect(restoreConceptFromDeletion(town.editor, { conceptId: c.id })).rejects.toMatchObject({ code: "forbidden" });
    expect((await row(c.id))!.deleteAfter).not.toBeNull();
    expect(await listConceptsMarkedForDeletion({ municipalityId: other.municipality.id })).toEqual([]);
  });
});
