/** The municipal path: allowed steps, adoption with the council decision, read-only adopted content, Fortschreibung. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { getConceptTree } from "@/db/queries/concepts";
import { insertSeedConcept } from "@/lib/demo/seed";
import { musterstadtConcept } from "@/lib/demo/seed-data/musterstadt";
import { addCustomField } from "@/lib/concepts/fields";
import { updateConceptSettings } from "@/lib/concepts/meta";
import { saveSectionText } from "@/lib/concepts/sections";
import { doc, p } from "@/lib/editor/build";
import { addSubGoal, deleteMeasure } from "@/lib/measures/service";
import { listVersions } from "@/lib/versions/read";
import { changeStatus, restoreVersion } from "@/lib/versions/service";
import { makeMunicipality } from "../support/fixtures";

let town: Awaited<ReturnType<typeof makeMunicipality>>;
let conceptId: string;

beforeAll(async () => {
  town = await makeMunicipality("Beschlussstadt");
  conceptId = (await insertSeedConcept(await getDb(), { municipalityId: town.municipality.id, userId: town.editor.id, seed: musterstadtConcept })).id;
});
afterAll(() => closeDb());

describe("status workflow", () => {
  it("refuses to skip steps; adoption needs the council decision", async () => {
    await expect(changeStatus(town.admin, { conceptId, status: "adopted", decisionDate: "2026-03-12", decisionReference: "DS 1" })).rejects.toMatchObject({ code: "conflict" });
    await expect(changeStatus(town.admin, { conceptId, status: "participation" })).rejects.toMatchObject({ code: "conflict" });
    for (const status of ["interdepartmental", "participation", "council_proposal"]) await changeStatus(town.admin, { conceptId, status });
    await expect(changeStatus(town.admin, { conceptId, status: "adopted" })).rejects.toMatchObject({ code: "bad_request" });
    await expect(changeStatus(town.admin, { conceptId, status: "adopted", decisionDate: "2026-02-30", decisionReference: "DS 1" })).rejects.toMatchObject({ code: "bad_request" });
    await expect(changeStatus(town.editor, { conceptId, status: "adopted", decisionDate: "2026-03-12", decisionReference: "DS 1" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(changeStatus(town.reviewer, { conceptId, status: "adopted", decisionDate: "2026-03-12", decisionReference: "DS 1" })).rejects.toMatchObject({ code: "forbidden" });
    const done = await changeStatus(town.admin, { conceptId, status: "adopted", decisionDate: "2026-03-12", decisionReference: "Drucksache 2026/0815" });
    const [v] = await listVersions(town.viewer, conceptId);
    expect(v).toMatchObject({ number: done.number, status: "adopted", kind: "status", decisionDate: "2026-03-12", decisionReference: "Drucksache 2026/0815" });
    expect(v!.label).toBe("Beschlossen am 12.03.2026 (Drucksache 2026/0815)");
  });

  it("an adopted concept refuses every content write, also from admins", async () => {
    const tree = await getConceptTree({ conceptId });
    const section = tree.sections[0]!;
    const field = tree.fields[0]!;
    const readOnly = { code: "conflict", message: expect.stringContaining("beschlossen") };
    await expect(saveSectionText(town.admin, { conceptId, sectionId: section.id, baseRevision: section.revision, content: doc(p("neu")) })).rejects.toMatchObject(readOnly);
    await expect(updateConceptSettings(town.editor, { conceptId, title: "Neu" })).rejects.toMatchObject(readOnly);
    await expect(addCustomField(town.editor, { conceptId, title: "Sport" })).rejects.toMatchObject(readOnly);
    await expect(addSubGoal(town.editor, { conceptId, fieldId: field.id, text: "x" })).rejects.toMatchObject(readOnly);
    await expect(deleteMeasure(town.editor, { conceptId, measureId: tree.measures[0]!.id })).rejects.toMatchObject(readOnly);
    await expect(restoreVersion(town.admin, { conceptId, number: 1 })).rejects.toMatchObject(readOnly);
    expect(await getConceptTree({ conceptId })).toEqual(tree);
  });

  it("a Fortschreibung starts a new draft; the adopted version stays", async () => {
    await expect(changeStatus(town.admin, { conceptId, status: "participation" })).rejects.toMatchObject({ code: "conflict" });
    const update = await changeStatus(town.admin, { conceptId, status: "draft" });
    const [v, adopted] = await listVersions(town.viewer, conceptId);
    expect(v).toMatchObject({ number: update.number, status: "draft", label: "Fortschreibung: neuer Entwurf" });
    expect(adopted).toMatchObject({ status: "adopted" });
    const section = (await getConceptTree({ conceptId })).sections[0]!;
    expect(await saveSectionText(town.editor, { conceptId, sectionId: section.id, baseRevision: section.revision, content: doc(p("Fortgeschrieben")) })).toMatchObject({ status: "saved" });
  });
});

describe("a save racing with the adoption", () => {
  it("waits for the adoption's lock and is then refused; the adopted text stays", async () => {
    const race = await makeMunicipality("Wettlaufstadt");
    const id = (await insertSeedConcept(await getDb(), { municipalityId: race.municipality.id, userId: race.editor.id, seed: musterstadtConcept })).id;
    const mandate = (await getConceptTree({ conceptId: id })).sections.find((s) => s.chapter === "mandate")!;
    const db = await getDb();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    // The adoption: holds the concept's row lock while it sets the status (as changeStatus does).
    const adoption = db.transaction(async (tx) => {
      await tx.execute(sql`select id from concepts where id = ${id} for update`);
      await tx.execute(sql`update concepts set status = 'adopted' where id = ${id}`);
      locked();
      await held;
    });
    await isLocked;
    // The save passed its status check (the concept is not adopted yet for others) and blocks at the end.
    // Settled at once: the save may be refused before the adoption's transaction has returned.
    const save = saveSectionText(race.editor, { conceptId: id, sectionId: mandate.id, baseRevision: mandate.revision, content: doc(p("Nachträglich geändert.")) }).then(
      (value) => ({ refused: false as const, value }),
      (error: unknown) => ({ refused: true as const, error }),
    );
    await new Promise((r) => setTimeout(r, 300));
    release();
    await adoption;
    expect(await save).toMatchObject({ refused: true, error: { code: "conflict" } });
    const after = (await getConceptTree({ conceptId: id })).sections.find((s) => s.id === mandate.id)!;
    expect(after.revision).toBe(mandate.revision);
    expect(JSON.stringify(after.content)).not.toContain("Nachträglich");
  });
});
