/** Versions on the database: create, list, compare, restore, status, immutability, role and municipality checks. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { getConceptTree } from "@/db/queries/concepts";
import { conceptVersions, conceptVersionSnapshots } from "@/db/schema";
import { insertSeedConcept, insertSeedHistory } from "@/lib/demo/seed";
import { musterstadtConcept } from "@/lib/demo/seed-data/musterstadt";
import { exportConcept, readConcept } from "@/lib/concepts/exchange";
import { saveSectionText } from "@/lib/concepts/sections";
import { addCustomField, removeCustomField } from "@/lib/concepts/fields";
import { createThread, listThreads } from "@/lib/review/comments";
import { doc, p } from "@/lib/editor/build";
import { plainText } from "@/lib/editor/document";
import { deleteMeasure, updateMeasure } from "@/lib/measures/service";
import { compareVersions } from "@/lib/versions/compare";
import { listVersions, readHistory, readVersion } from "@/lib/versions/read";
import { changeStatus, createVersion, restoreVersion } from "@/lib/versions/service";
import { raisedByDatabase } from "../support/data";
import { makeMunicipality } from "../support/fixtures";

let town: Awaited<ReturnType<typeof makeMunicipality>>;
let other: Awaited<ReturnType<typeof makeMunicipality>>;
let conceptId: string;

const mandateOf = async () => (await getConceptTree({ conceptId })).sections.find((s) => s.chapter === "mandate")!;

async function editMeasure(measureId: string, change: Record<string, unknown>) {
  const m = (await readConcept(town.editor, conceptId)).fields.flatMap((f) => f.measures).find((x) => x.id === measureId)!;
  const { id: _id, position: _p, revision, updatedAt: _u, ...content } = m;
  return updateMeasure(town.editor, { conceptId, measureId, baseRevision: revision, ...content, ...change } as never);
}

beforeAll(async () => {
  town = await makeMunicipality("Versionsstadt");
  other = await makeMunicipality("Fremdstadt");
  conceptId = (await insertSeedConcept(await getDb(), { municipalityId: town.municipality.id, userId: town.editor.id, seed: musterstadtConcept })).id;
});
afterAll(() => closeDb());

describe("versions", () => {
  let measureId: string;
  let removedId: string;
  let originalStatus: string;

  it("an editor saves a named version; it lists without content, numbered from 1", async () => {
    expect(await createVersion(town.editor, { conceptId, label: "  Entwurf für den   Sozialausschuss " })).toEqual({ number: 1 });
    const list = await listVersions(town.viewer, conceptId);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ number: 1, label: "Entwurf für den Sozialausschuss", kind: "manual", status: "draft", createdByName: town.editor.name });
    expect(list[0]).not.toHaveProperty("snapshot");
    const v1 = await readVersion(town.reviewer, conceptId, 1);
    expect(v1.snapshot).toEqual({ ...(await exportConcept(town.viewer, conceptId)), exportedAt: v1.snapshot.exportedAt });
  });

  it("without a label the version is called by its number", async () => {
    expect(await createVersion(town.admin, { conceptId, label: "" })).toEqual({ number: 2 });
    expect((await listVersions(town.viewer, conceptId))[0]!.label).toBe("Version 2");
  });

  it("reviewers and viewers cannot create, restore or change status; another municipality gets 404", async () => {
    await expect(createVersion(town.reviewer, { conceptId, label: "x" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createVersion(town.viewer, { conceptId, label: "x" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(restoreVersion(town.reviewer, { conceptId, number: 1 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(changeStatus(town.editor, { conceptId, status: "participation" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createVersion(other.admin, { conceptId, label: "x" })).rejects.toMatchObject({ code: "not_found" });
    await expect(listVersions(other.admin, conceptId)).rejects.toMatchObject({ code: "not_found" });
    await expect(readVersion(other.admin, conceptId, 1)).rejects.toMatchObject({ code: "not_found" });
    await expect(compareVersions(other.viewer, { conceptId, from: 1, to: "draft" })).rejects.toMatchObject({ code: "not_found" });
    expect((await listVersions(town.viewer, conceptId)).map((v) => v.number)).toEqual([2, 1]);
  });

  it("refuses bad labels and numbers with a clear message and stores nothing", async () => {
    await expect(createVersion(town.editor, { conceptId, label: "x".repeat(201) })).rejects.toThrow(/zu lang/);
    await expect(createVersion(town.editor, { conceptId, label: "a\u0000b" })).rejects.toThrow(/Zeichen/);
    await expect(createVersion(town.editor, { conceptId, label: 42 })).rejects.toThrow(/Text/);
    await expect(restoreVersion(town.editor, { conceptId, number: "abc" })).rejects.toMatchObject({ code: "bad_request" });
    await expect(restoreVersion(town.editor, { conceptId, number: 99 })).rejects.toMatchObject({ code: "not_found" });
    // Beyond the database's integer: the same clear message, not a database error.
    await expect(restoreVersion(town.editor, { conceptId, number: 3_000_000_000 })).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("gültige Versionsnummer") });
    expect(await listVersions(town.viewer, conceptId)).toHaveLength(2);
  });

  it("compares a version with the draft: the changed sentence, the measure's fields, a removed measure", async () => {
    const mandate = await mandateOf();
    await saveSectionText(town.editor, { conceptId, sectionId: mandate.id, baseRevision: mandate.revision, content: doc(p("Der Rat hat am 12. März 2026 die Fortschreibung beschlossen.")) });
    const tree = await getConceptTree({ conceptId });
    measureId = tree.measures[0]!.id;
    removedId = tree.measures[1]!.id;
    originalStatus = tree.measures[0]!.status;
    expect(originalStatus).not.toBe("completed");
    await editMeasure(measureId, { status: "completed", materialCostCents: 3_500_000 });
    await deleteMeasure(town.editor, { conceptId, measureId: removedId });

    const { comparison, from, to } = await compareVersions(town.reviewer, { conceptId, from: "entwurf", to: "1" });
    expect(from.ref).toBe(1); // older side left, whatever the order asked
    expect(to.ref).toBe("draft");
    const section = comparison.sections.find((s) => s.key === "mandate/text/")!;
    expect(section.state).toBe("changed");
    expect(section.diff.changes.map((c) => c.inserted).join(" ")).toContain("12. März 2026");
    expect(plainText(section.diff.before)).toBe(plainText(mandate.content));
    const changed = comparison.measures.find((m) => m.id === measureId)!;
    expect(changed.state).toBe("changed");
    expect(changed.diff!.fields.find((f) => f.label === "Status")).toMatchObject({ after: "abgeschlossen" });
    expect(changed.diff!.fields.find((f) => f.label === "Sachkosten")!.after).toMatch(/35\.000,00\s€/);
    expect(comparison.measures.find((m) => m.id === removedId)!.state).toBe("removed");
    expect(comparison.totals).toMatchObject({ sections: 1, measuresRemoved: 1, measuresChanged: 1, measuresAdded: 0 });
    expect(comparison.groups.find((g) => g.key === "chapter:mandate")!.sections).toBe(1);

    const history = await readHistory(town.viewer, conceptId);
    expect(history.draft.changes).toEqual({ sections: 1, measures: 2, other: 0 });
    expect(history.versions[0]!.changes).toEqual({ sections: 0, measures: 0, other: 0 });
  });

  it("restores a version forward: old text back with a new revision, the removed measure back with its id, the draft kept as a version", async () => {
    const before = await mandateOf();
    const result = await restoreVersion(town.editor, { conceptId, number: 1 });
    expect(result).toMatchObject({ restored: 1, backup: 3 });
    const after = await mandateOf();
    expect(after.id).toBe(before.id);
    expect(after.revision).toBe(before.revision + 1);
    expect(plainText(after.content)).not.toContain("12. März 2026");
    const tree = await getConceptTree({ conceptId });
    expect(tree.measures.map((m) => m.id)).toContain(removedId);
    expect(tree.measures.find((m) => m.id === measureId)!.status).toBe(originalStatus);
    const { snapshot } = await readVersion(town.viewer, conceptId, 1);
    const now = await exportConcept(town.viewer, conceptId);
    const strip = (e: typeof now) => ({ ...e, exportedAt: "", sections: e.sections.map(({ revision: _r, ...s }) => s) });
    expect(strip(now)).toEqual(strip(snapshot));

    const list = await listVersions(town.viewer, conceptId);
    expect(list[0]).toMatchObject({ number: 3, kind: "before_restore", restoredFrom: 1, label: "Stand vor Wiederherstellung von Version 1" });

    // Undo: restoring the kept draft brings the edit back.
    await restoreVersion(town.admin, { conceptId, number: 3 });
    expect(plainText((await mandateOf()).content)).toContain("12. März 2026");
    expect((await getConceptTree({ conceptId })).measures.map((m) => m.id)).not.toContain(removedId);
    expect((await listVersions(town.viewer, conceptId)).map((v) => v.number)).toEqual([4, 3, 2, 1]);
  });

  it("a status change by an admin creates a version with the new status", async () => {
    expect(await changeStatus(town.admin, { conceptId, status: "interdepartmental" })).toMatchObject({ number: 5, status: "interdepartmental" });
    const [v] = await listVersions(town.viewer, conceptId);
    expect(v).toMatchObject({ number: 5, kind: "status", status: "interdepartmental", label: "Status: Ressortabstimmung" });
    await expect(changeStatus(town.admin, { conceptId, status: "interdepartmental" })).rejects.toMatchObject({ code: "conflict" });
    await expect(changeStatus(town.admin, { conceptId, status: "gekauft" })).rejects.toMatchObject({ code: "bad_request" });
  });

  it("the database refuses to change a version", async () => {
    const db = await getDb();
    const refused = raisedByDatabase("Versionen können nicht geändert werden.");
    await expect(db.update(conceptVersions).set({ label: "geändert" }).where(sql`true`)).rejects.toSatisfy(refused);
    await expect(db.update(conceptVersionSnapshots).set({ snapshot: {} }).where(sql`true`)).rejects.toSatisfy(refused);
    // Columns added after the first guard: the council decision and the kept cost rate.
    await expect(db.update(conceptVersions).set({ decisionReference: "Drucksache 0815/2026" }).where(sql`true`)).rejects.toSatisfy(refused);
    await expect(db.update(conceptVersions).set({ staffCostRate: { perFteCents: 1 } }).where(sql`true`)).rejects.toSatisfy(refused);
    // Nor can a version or its snapshot be deleted on its own (a purged concept takes them along: concept-lifecycle.test.ts).
    const gone = raisedByDatabase("Versionen können nicht gelöscht werden.");
    await expect(db.delete(conceptVersions).where(sql`true`)).rejects.toSatisfy(gone);
    await expect(db.delete(conceptVersionSnapshots).where(sql`true`)).rejects.toSatisfy(gone);
    expect((await listVersions(town.viewer, conceptId)).find((v) => v.number === 1)!.label).toBe("Entwurf für den Sozialausschuss");
  });

  it("a corrupt snapshot cannot be read or restored, and the restore changes nothing", async () => {
    const db = await getDb();
    const before = await exportConcept(town.viewer, conceptId);
    const good = await readVersion(town.viewer, conceptId, 1);
    const bad = structuredClone(good.snapshot) as unknown as { sections: { content: unknown }[] };
    bad.sections[0]!.content = { type: "doc", content: [{ type: "script", text: "alert(1)" }] };
    const [row] = await db
      .insert(conceptVersions)
      .values({ conceptId, municipalityId: town.municipality.id, number: 50, label: "manipuliert", kind: "manual", status: "draft", hashes: {}, createdBy: town.admin.id })
      .returning();
    await db.insert(conceptVersionSnapshots).values({ versionId: row!.id, snapshot: bad as never, ids: good.ids });
    await expect(restoreVersion(town.admin, { conceptId, number: 50 })).rejects.toThrow(/beschädigt/);
    await expect(compareVersions(town.viewer, { conceptId, from: 50, to: 1 })).rejects.toThrow(/beschädigt/);
    const after = await exportConcept(town.viewer, conceptId);
    expect({ ...after, exportedAt: "" }).toEqual({ ...before, exportedAt: "" });
  });

  it("a snapshot whose ids point into another concept restores without touching that concept", async () => {
    const foreign = (await insertSeedConcept(await getDb(), { municipalityId: other.municipality.id, userId: other.editor.id, seed: musterstadtConcept })).id;
    const foreignBefore = await exportConcept(other.viewer, foreign);
    const foreignTree = await getConceptTree({ conceptId: foreign });
    const good = await readVersion(town.viewer, conceptId, 1);
    const ids = { ...good.ids, measures: good.ids.measures.map((_id, i) => foreignTree.measures[i]?.id ?? _id) };
    const db = await getDb();
    const [row] = await db
      .insert(conceptVersions)
      .values({ conceptId, municipalityId: town.municipality.id, number: 51, label: "fremde Kennungen", kind: "manual", status: "draft", hashes: {}, createdBy: town.admin.id })
      .returning();
    await db.insert(conceptVersionSnapshots).values({ versionId: row!.id, snapshot: good.snapshot as never, ids });
    await restoreVersion(town.admin, { conceptId, number: 51 });
    expect({ ...(await exportConcept(other.viewer, foreign)), exportedAt: "" }).toEqual({ ...foreignBefore, exportedAt: "" });
    const own = await getConceptTree({ conceptId });
    expect(own.measures.every((m) => m.conceptId === conceptId && m.municipalityId === town.municipality.id)).toBe(true);
    expect(own.measures.map((m) => m.id).filter((id) => foreignTree.measures.some((f) => f.id === id))).toEqual([]);
  });
});

describe("the demo concept's history", () => {
  it("has two valid versions with the changes a new user should see", async () => {
    const demo = await makeMunicipality("Demostadt");
    const concept = await insertSeedConcept(await getDb(), { municipalityId: demo.municipality.id, userId: demo.editor.id, seed: musterstadtConcept });
    await insertSeedHistory(await getDb(), { concept, editorId: demo.editor.id, adminId: demo.admin.id });
    const list = await listVersions(demo.viewer, concept.id);
    expect(list.map((v) => [v.number, v.status, v.createdByName])).toEqual([
      [2, "interdepartmental", demo.admin.name],
      [1, "draft", demo.editor.name],
    ]);
    expect(list[1]!.createdAt.getTime()).toBeLessThan(list[0]!.createdAt.getTime());

    const first = (await compareVersions(demo.viewer, { conceptId: concept.id, from: 1, to: 2 })).comparison;
    const mandate = first.sections.find((s) => s.key === "mandate/text/")!;
    expect(mandate.diff.changes).toContainEqual(expect.objectContaining({ deleted: expect.stringContaining("2029"), inserted: expect.stringContaining("2030") }));
    expect(first.measures.filter((m) => m.state === "removed").map((m) => m.title)).toEqual(["Sprachpatenschaften im Ehrenamt"]);
    const counselling = first.measures.find((m) => m.title === "Zentrale Sprachkursberatung und Kursplatzbörse")!;
    expect(counselling.diff!.fields.map((f) => f.label)).toEqual(expect.arrayContaining(["Status", "Sachkosten", "Indikator „Beratungsgespräche zu Sprachkursen“"]));

    const second = (await compareVersions(demo.viewer, { conceptId: concept.id, from: 2, to: "draft" })).comparison;
    expect(second.measures.filter((m) => m.state === "added").map((m) => m.title)).toEqual(["Servicestelle für Antidiskriminierungsarbeit"]);
    expect(second.sections.find((s) => s.key === "vision/text/")!.state).toBe("changed");

    // Restoring the first draft works like any version.
    await restoreVersion(demo.editor, { conceptId: concept.id, number: 1 });
    const tree = await getConceptTree({ conceptId: concept.id });
    expect(tree.measures.map((m) => m.title)).toContain("Sprachpatenschaften im Ehrenamt");
  });
});

describe("a field of action that a restore brings back", () => {
  it("comes back with its parts' ids, so the comments on its text find their place again", async () => {
    const own = await makeMunicipality("Sportstadt");
    const id = (await insertSeedConcept(await getDb(), { municipalityId: own.municipality.id, userId: own.editor.id, seed: musterstadtConcept })).id;
    const field = await addCustomField(own.editor, { conceptId: id, title: "Sport und Bewegung" });
    const part = (await getConceptTree({ conceptId: id })).sections.find((s) => s.fieldId === field.id && s.part === "baseline")!;
    const saved = await saveSectionText(own.editor, { conceptId: id, sectionId: part.id, baseRevision: part.revision, content: doc(p("Vereine öffnen ihre Hallen für Neuzugewanderte.")) });
    expect(saved.status).toBe("saved");
    const { threadId } = await createThread(own.reviewer, { conceptId: id, target: { kind: "text", sectionId: part.id, quote: "ihre Hallen" }, body: "Welche Vereine?" });
    const { number } = await createVersion(own.editor, { conceptId: id, label: "Mit Sport" });
    await removeCustomField(own.admin, { conceptId: id, fieldId: field.id });
    const anchor = async () => (await listThreads(own.viewer, id)).threads.find((t) => t.id === threadId)!.anchorState;
    expect(await anchor()).toBe("removed");

    await restoreVersion(own.editor, { conceptId: id, number });
    const back = (await getConceptTree({ conceptId: id })).sections.find((s) => s.fieldId === field.id && s.part === "baseline")!;
    expect(back.id).toBe(part.id);
    expect(plainText(back.content)).toBe("Vereine öffnen ihre Hallen für Neuzugewanderte.");
    expect(await anchor()).toBe("ok");
  });
});
