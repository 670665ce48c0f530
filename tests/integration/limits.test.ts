/**
 * The forms' limits on the database: what the measure form's server path
 * accepts can be kept in a version, restored, exported and imported unchanged;
 * what it refuses the import refuses too; the chapter settings refuse
 * impossible dates; the counts per concept (own fields, measures) hold in the
 * forms and in a backup. The pure property over every limit is in
 * lib/concepts/limits.test.ts.
 */
import fc from "fast-check";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { getConceptTree } from "@/db/queries/concepts";
import { concepts, measures } from "@/db/schema";
import { createConcept } from "@/lib/concepts/create";
import { exportConcept, importConcept, type ConceptExport } from "@/lib/concepts/exchange";
import { addCustomField } from "@/lib/concepts/fields";
import { updateConceptSettings } from "@/lib/concepts/meta";
import { MAX_CUSTOM_FIELDS } from "@/lib/concepts/schema";
import { createMeasure, deleteMeasure } from "@/lib/measures/service";
import { MAX_MEASURES, measureInputSchema } from "@/lib/measures/schema";
import { createVersion, restoreVersion } from "@/lib/versions/service";
import { readVersion } from "@/lib/versions/read";
import { measureAtEveryMaximum, measureShape, type MeasureFormInput } from "../support/form-limits";
import { countContent } from "../support/data";
import { makeMunicipality } from "../support/fixtures";

let town: Awaited<ReturnType<typeof makeMunicipality>>;

beforeAll(async () => {
  town = await makeMunicipality("Grenzstadt");
});
afterAll(() => closeDb());

async function newConcept(title = "Konzept an den Grenzen") {
  const concept = await createConcept(town.editor, { municipalityId: town.municipality.id, title });
  const tree = await getConceptTree({ conceptId: concept.id });
  return { conceptId: concept.id, language: tree.fields.find((f) => f.key === "language")!.id };
}

const measuresOf = (backup: ConceptExport) => backup.measures.map(({ position: _p, ...m }) => m);

describe("a measure the form accepts", () => {
  /** Through the form's server path, into a version, deleted, restored, exported and imported: unchanged everywhere. */
  async function roundTrip(input: MeasureFormInput) {
    const c = await newConcept();
    const { measure } = await createMeasure(town.editor, { conceptId: c.conceptId, fieldId: c.language, ...input } as never);
    const before = await exportConcept(town.viewer, c.conceptId);
    expect(before.measures).toHaveLength(1);

    const { number } = await createVersion(town.editor, { conceptId: c.conceptId, label: "An den Grenzen" });
    const version = await readVersion(town.viewer, c.conceptId, number);
    expect(measuresOf(version.snapshot)).toEqual(measuresOf(before));

    await deleteMeasure(town.editor, { conceptId: c.conceptId, measureId: measure.id });
    await restoreVersion(town.editor, { conceptId: c.conceptId, number });
    expect(measuresOf(await exportConcept(town.viewer, c.conceptId))).toEqual(measuresOf(before));

    const copyId = await importConcept(town.editor, { municipalityId: town.municipality.id, data: JSON.parse(JSON.stringify(before)) });
    expect(measuresOf(await exportConcept(town.viewer, copyId))).toEqual(measuresOf(before));
  }

  it("with every text, list and number at its maximum is kept by a version, a restore and a backup", async () => {
    await roundTrip(measureAtEveryMaximum());
  });

  it("(random, at and inside every limit) is kept by a version, a restore and a backup", async () => {
    await fc.assert(
      fc.asyncProperty(measureShape.ok, async (input) => {
        fc.pre(measureInputSchema.safeParse(input).success); // an end before the start is refused, see below
        await roundTrip(input as MeasureFormInput);
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});

describe("a measure the form refuses", () => {
  it("(random, one value past a limit) is refused by the import too, and nothing is stored", async () => {
    const c = await newConcept();
    const backup = await exportConcept(town.viewer, c.conceptId);
    await fc.assert(
      fc.asyncProperty(measureShape.bad, async (input) => {
        const refused = await createMeasure(town.editor, { conceptId: c.conceptId, fieldId: c.language, ...(input as object) } as never).catch((e: unknown) => e);
        expect(refused).toMatchObject({ code: "bad_request" });
        const everywhere = await countContent();
        const data = { ...backup, measures: [{ fieldKey: "language", position: 0, subGoalRefs: [], ...(input as object) }] };
        const error = await importConcept(town.editor, { municipalityId: town.municipality.id, data }).catch((e: unknown) => e);
        expect(error).toMatchObject({ code: "bad_request", message: expect.stringMatching(/^Die Sicherung kann nicht importiert werden\. measures\.0[.\w]* \(Maßnahme 1/) });
        expect(await countContent()).toEqual(everywhere);
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});

describe("the chapter settings", () => {
  it.each([
    ["validFrom", "2029-13-01", "Gültig ab"],
    ["validFrom", "2026-02-30", "Gültig ab"],
    ["validUntil", "0000-00-00", "Gültig bis"],
  ])("refuse %s = %s naming the field, and keep what was stored", async (key, value, label) => {
    const c = await newConcept();
    await updateConceptSettings(town.editor, { conceptId: c.conceptId, settings: { validFrom: "2026-01-01" } });
    await expect(updateConceptSettings(town.editor, { conceptId: c.conceptId, settings: { [key]: value } })).rejects.toMatchObject({
      code: "bad_request",
      message: `${label}: Dieses Datum gibt es nicht.`,
    });
    const [row] = await (await getDb()).select().from(concepts).where(eq(concepts.id, c.conceptId));
    expect(row!.settings).toEqual({ validFrom: "2026-01-01" });
  });
});

describe("the counts per concept", () => {
  it(`own fields of action: ${MAX_CUSTOM_FIELDS} are allowed in the form and in a backup, the next is refused`, async () => {
    const c = await newConcept();
    for (let i = 0; i < MAX_CUSTOM_FIELDS; i++) await addCustomField(town.editor, { conceptId: c.conceptId, title: `Eigenes Handlungsfeld ${i + 1}` });
    await expect(addCustomField(town.editor, { conceptId: c.conceptId, title: "Eines zu viel" })).rejects.toMatchObject({
      code: "bad_request",
      message: `Ein Konzept hat höchstens ${MAX_CUSTOM_FIELDS} eigene Handlungsfelder.`,
    });
    const backup = await exportConcept(town.viewer, c.conceptId);
    expect(backup.fields.filter((f) => f.custom)).toHaveLength(MAX_CUSTOM_FIELDS);
    const copyId = await importConcept(town.editor, { municipalityId: town.municipality.id, data: backup });
    expect((await exportConcept(town.viewer, copyId)).fields).toEqual(backup.fields);
    const { number } = await createVersion(town.editor, { conceptId: c.conceptId, label: "Alle Felder" });
    expect((await readVersion(town.viewer, c.conceptId, number)).snapshot.fields).toHaveLength(backup.fields.length);
  }, 120_000);

  it(`measures: ${MAX_MEASURES} are allowed in the form and in a backup, the next is refused`, async () => {
    const c = await newConcept();
    const db = await getDb();
    const row = (i: number) => ({
      conceptId: c.conceptId,
      municipalityId: town.municipality.id,
      fieldId: c.language,
      position: i,
      title: `Maßnahme ${i + 1}`,
      description: { type: "doc", content: [{ type: "paragraph" }] },
      taskType: "voluntary" as const,
    });
    const rows = Array.from({ length: MAX_MEASURES - 1 }, (_, i) => row(i));
    for (let i = 0; i < rows.length; i += 500) await db.insert(measures).values(rows.slice(i, i + 500));
    await createMeasure(town.editor, { conceptId: c.conceptId, fieldId: c.language, title: "Die letzte erlaubte", taskType: "mandatory" });
    await expect(createMeasure(town.editor, { conceptId: c.conceptId, fieldId: c.language, title: "Eine zu viel", taskType: "mandatory" })).rejects.toMatchObject({
      code: "bad_request",
      message: "Maßnahmen: Ein Konzept hat höchstens 2.000 Maßnahmen.",
    });
    const backup = await exportConcept(town.viewer, c.conceptId);
    expect(backup.measures).toHaveLength(MAX_MEASURES);
    const copyId = await importConcept(town.editor, { municipalityId: town.municipality.id, data: backup });
    expect((await exportConcept(town.viewer, copyId)).measures).toHaveLength(MAX_MEASURES);
    const tooMany = { ...backup, measures: [...backup.measures, { ...backup.measures[0]!, title: "Eine zu viel" }] };
    await expect(importConcept(town.editor, { municipalityId: town.municipality.id, data: tooMany })).rejects.toMatchObject({
      code: "bad_request",
      message: "Die Sicherung kann nicht importiert werden. measures: Höchstens 2000 Einträge.",
    });
  }, 120_000);
});
