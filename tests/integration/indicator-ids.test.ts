/** Stable indicator ids (issue 14, monitoring): kept by the form's edits, backups, versions and restores. */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { getConceptTree } from "@/db/queries/concepts";
import { measures } from "@/db/schema";
import { createConcept } from "@/lib/concepts/create";
import { exportConcept, importConcept } from "@/lib/concepts/exchange";
import { createMeasure, listFieldMeasures, updateMeasure } from "@/lib/measures/service";
import { createVersion, restoreVersion } from "@/lib/versions/service";
import { makeMunicipality } from "../support/fixtures";

let town: Awaited<ReturnType<typeof makeMunicipality>>;
beforeAll(async () => {
  town = await makeMunicipality("Indikatorenstadt");
});
afterAll(() => closeDb());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const indicator = (name: string, more: Record<string, string> = {}) => ({ name, kind: "output" as const, unit: "Personen", baseline: "10", target: "20", dataSource: "", cadence: "", ...more });

async function conceptWithMeasure() {
  const concept = await createConcept(town.editor, { municipalityId: town.municipality.id, title: `Indikatoren ${Math.random().toString(36).slice(2, 8)}` });
  const fieldId = (await getConceptTree({ conceptId: concept.id })).fields.find((f) => f.key === "language")!.id;
  const { measure } = await createMeasure(town.editor, {
    conceptId: concept.id,
    fieldId,
    title: "Sprachkursberatung",
    taskType: "voluntary",
    indicators: [indicator("Beratungen"), indicator("Vermittelte Kursplätze")],
  });
  return { conceptId: concept.id, fieldId, measure };
}

describe("indicator ids", () => {
  it("are given on create and kept by an edit that renames and reorders, while a new indicator gets its own", async () => {
    const { conceptId, measure } = await conceptWithMeasure();
    const [a, b] = measure.indicators;
    expect(a!.id).toMatch(UUID);
    expect(b!.id).toMatch(UUID);
    expect(a!.id).not.toBe(b!.id);

    const saved = await updateMeasure(town.editor, {
      conceptId,
      measureId: measure.id,
      baseRevision: measure.revision,
      title: measure.title,
      taskType: "voluntary",
      indicators: [{ ...b!, name: "Vermittelte Plätze" }, indicator("Wartezeit in Wochen"), { ...a!, target: "25" }],
    });
    if (saved.status !== "saved") throw new Error("not saved");
    const ids = saved.measure.indicators.map((x) => x.id);
    expect(ids[0]).toBe(b!.id);
    expect(ids[2]).toBe(a!.id);
    expect(ids[1]).toMatch(UUID);
    expect([a!.id, b!.id]).not.toContain(ids[1]);
  });

  it("does not let the form give an indicator the id of another measure's indicator", async () => {
    const one = await conceptWithMeasure();
    const other = await conceptWithMeasure();
    const foreign = other.measure.indicators[0]!.id;
    const saved = await updateMeasure(town.editor, {
      conceptId: one.conceptId,
      measureId: one.measure.id,
      baseRevision: one.measure.revision,
      title: one.measure.title,
      taskType: "voluntary",
      indicators: [{ ...indicator("Untergeschoben"), id: foreign }],
    });
    if (saved.status !== "saved") throw new Error("not saved");
    expect(saved.measure.indicators[0]!.id).not.toBe(foreign);
  });

  it("travel through a backup and its import, and an old backup without ids still loads with new ones", async () => {
    const { conceptId, measure } = await conceptWithMeasure();
    const backup = await exportConcept(town.viewer, conceptId);
    expect(backup.measures[0]!.indicators.map((x) => x.id)).toEqual(measure.indicators.map((x) => x.id));

    const copyId = await importConcept(town.editor, { municipalityId: town.municipality.id, data: backup });
    const copy = (await getConceptTree({ conceptId: copyId })).measures[0]!;
    expect(copy.indicators.map((x) => x.id)).toEqual(measure.indicators.map((x) => x.id));

    const old = structuredClone(backup);
    for (const m of old.measures) for (const x of m.indicators) delete (x as { id?: string }).id;
    const oldId = await importConcept(town.editor, { municipalityId: town.municipality.id, data: old });
    const loaded = (await getConceptTree({ conceptId: oldId })).measures[0]!;
    expect(loaded.indicators.map((x) => x.name)).toEqual(["Beratungen", "Vermittelte Kursplätze"]);
    for (const x of loaded.indicators) expect(x.id).toMatch(UUID);
  });

  it("are kept by a version and its restore", async () => {
    const { conceptId, fieldId, measure } = await conceptWithMeasure();
    const ids = measure.indicators.map((x) => x.id);
    await createVersion(town.editor, { conceptId, label: "mit Indikatoren" });
    const saved = await updateMeasure(town.editor, { conceptId, measureId: measure.id, baseRevision: measure.revision, title: measure.title, taskType: "voluntary", indicators: [] });
    expect(saved.status).toBe("saved");
    await restoreVersion(town.editor, { conceptId, number: 1 });
    const [restored] = (await listFieldMeasures(town.viewer, { conceptId, fieldId })).measures;
    expect(restored!.indicators.map((x) => x.id)).toEqual(ids);
  });

  it("are given to stored indicators without one by the migration", async () => {
    const { conceptId, measure } = await conceptWithMeasure();
    const db = await getDb();
    const bare = measure.indicators.map(({ id: _id, ...x }) => x);
    const withId = { ...indicator("Schon mit Kennung"), id: "00000000-0000-4000-8000-0000000000c1" };
    await db.update(measures).set({ indicators: [...bare, withId] as never }).where(eq(measures.id, measure.id));
    const migration = fs.readFileSync(path.resolve(import.meta.dirname, "../../db/migrations/0017_monitoring.sql"), "utf8");
    const backfill = migration.split("--> statement-breakpoint").find((s) => s.includes('UPDATE "measures"'))!;
    // Only this concept's row: the statement's WHERE is widened by the test to leave other files' rows alone.
    await db.execute(sql.raw(backfill.replace('WHERE jsonb_array_length("indicators") > 0', `WHERE jsonb_array_length("indicators") > 0 AND "concept_id" = '${conceptId}'`)));
    const [row] = await db.select().from(measures).where(eq(measures.id, measure.id));
    expect(row!.indicators.map((x) => x.name)).toEqual(["Beratungen", "Vermittelte Kursplätze", "Schon mit Kennung"]);
    expect(row!.indicators[2]!.id).toBe(withId.id);
    for (const x of row!.indicators) expect(x.id).toMatch(UUID);
    expect(new Set(row!.indicators.map((x) => x.id)).size).toBe(3);
  });
});
