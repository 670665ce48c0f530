/**
 * Taking a measure from the peer library into an own concept, against the real
 * database: the new measure (planned, at the end of the field, title and text
 * of the entry), its origin in the read API, the backup and a version, the
 * activity feed; and the refusals (reviewer, another municipality's concept, an
 * adopted concept, an entry that does not exist or is the own municipality's,
 * a field of another concept), after which nothing has changed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db";
import { getConceptTree } from "@/db/queries/concepts";
import { createConcept } from "@/lib/concepts/create";
import { exportConcept, importConcept, parseConceptExport, readConcept } from "@/lib/concepts/exchange";
import { ADOPTED_READ_ONLY_MESSAGE } from "@/lib/concepts/status";
import { plainText } from "@/lib/editor/document";
import { berlinDate } from "@/lib/format";
import { deleteMeasure } from "@/lib/measures/service";
import { browseLibrary, shareMeasure } from "@/lib/peers/library";
import { ENTRY_NOT_FOUND, listTakeTargets, takeLibraryMeasure } from "@/lib/peers/take-measure";
import { readActivity } from "@/lib/review/inbox";
import { changeStatus, createVersion, restoreVersion } from "@/lib/versions/service";
import { countContent } from "../support/data";
import { populatedTown, type Ids, type Town } from "../support/scenario";

let taker: { town: Town; ids: Ids };
let sharer: { town: Town; ids: Ids };
let entryId: string;
/** the taker's own shared measure */
let ownEntryId: string;
let adoptedConceptId: string;

const DESCRIPTION = "Deutschkurse für Eltern an Grundschulen.\n\nKinderbetreuung während des Kurses.";

beforeAll(async () => {
  taker = await populatedTown("Übernahmestadt");
  sharer = await populatedTown("Teilkreis");
  await shareMeasure(sharer.town.admin, { conceptId: sharer.ids.conceptId, measureId: sharer.ids.secondMeasureId, title: "Elternkurse an Grundschulen", description: DESCRIPTION });
  await shareMeasure(taker.town.admin, { conceptId: taker.ids.conceptId, measureId: taker.ids.measureId, title: "Sprachcafé im Stadtteilzentrum", description: "" });
  entryId = (await browseLibrary(taker.town.editor, { conceptId: taker.ids.conceptId, group: "all" })).find((e) => e.title === "Elternkurse an Grundschulen")!.id;
  ownEntryId = (await browseLibrary(sharer.town.editor, { conceptId: sharer.ids.conceptId, group: "all" })).find((e) => e.title === "Sprachcafé im Stadtteilzentrum")!.id;
  // A second concept of the taker, adopted by the council: no target any more.
  const second = await createConcept(taker.town.editor, { municipalityId: taker.ids.municipalityId, title: "Integrationskonzept 2020" });
  adoptedConceptId = second.id;
  for (const status of ["interdepartmental", "participation", "council_proposal"]) await changeStatus(taker.town.admin, { conceptId: second.id, status });
  await changeStatus(taker.town.admin, { conceptId: second.id, status: "adopted", decisionDate: "2020-05-12", decisionReference: "DS 2020/17" });
});
afterAll(() => closeDb());

/** Everything of the taker a refused call could have touched. */
async function state() {
  const { exportedAt: _a, ...own } = await exportConcept(taker.town.admin, taker.ids.conceptId);
  const { exportedAt: _b, ...adopted } = await exportConcept(taker.town.admin, adoptedConceptId);
  const activity = await readActivity(taker.town.admin, taker.ids.conceptId);
  return { own, adopted, rows: await countContent(taker.ids.municipalityId), sharerRows: await countContent(sharer.ids.municipalityId), activity: activity.length };
}

describe("the concepts to take a measure into", () => {
  it("are the municipality's concepts that are not adopted, the page's own first, with their fields; none for a reviewer", async () => {
    const targets = await listTakeTargets(taker.town.editor, { conceptId: taker.ids.conceptId });
    expect(targets.map((t) => t.id)).toEqual([taker.ids.conceptId]);
    expect(targets[0]!.fields.map((f) => f.key)).toEqual(expect.arrayContaining(["language", "work", "health"]));
    expect(await listTakeTargets(taker.town.reviewer, { conceptId: taker.ids.conceptId })).toEqual([]);
  });
});

describe("taking a library measure", () => {
  it("refuses a reviewer, another municipality's concept, an adopted concept, a missing or own entry and another concept's field, and changes nothing", async () => {
    const before = await state();
    const input = { conceptId: taker.ids.conceptId, fieldId: taker.ids.fieldId, entryId };
    await expect(takeLibraryMeasure(taker.town.reviewer, input)).rejects.toMatchObject({ code: "forbidden", message: "Dafür fehlt Ihnen die Berechtigung." });
    await expect(takeLibraryMeasure(taker.town.viewer, input)).rejects.toMatchObject({ code: "forbidden" });
    // the sharer's editor into the taker's concept, and the taker's editor into the sharer's: both as if it did not exist
    await expect(takeLibraryMeasure(sharer.town.editor, input)).rejects.toMatchObject({ code: "not_found" });
    await expect(takeLibraryMeasure(taker.town.editor, { ...input, conceptId: sharer.ids.conceptId, fieldId: sharer.ids.fieldId })).rejects.toMatchObject({ code: "not_found" });
    const adoptedLanguage = (await getConceptTree({ conceptId: adoptedConceptId })).fields.find((f) => f.key === "language")!;
    await expect(takeLibraryMeasure(taker.town.admin, { ...input, conceptId: adoptedConceptId, fieldId: adoptedLanguage.id })).rejects.toMatchObject({
      code: "conflict",
      message: ADOPTED_READ_ONLY_MESSAGE,
    });
    await expect(takeLibraryMeasure(taker.town.editor, { ...input, entryId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({
      code: "not_found",
      message: ENTRY_NOT_FOUND,
    });
    await expect(takeLibraryMeasure(taker.town.editor, { ...input, entryId: "kein-eintrag" })).rejects.toMatchObject({ code: "bad_request" });
    // the own municipality's entry is not in its library, so not there to take
    await expect(takeLibraryMeasure(taker.town.editor, { ...input, entryId: ownEntryId })).rejects.toMatchObject({ code: "not_found", message: ENTRY_NOT_FOUND });
    // a field of another concept (the adopted one's) in the own concept
    await expect(takeLibraryMeasure(taker.town.editor, { ...input, fieldId: adoptedLanguage.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await state()).toEqual(before);
  });

  it("creates a planned measure at the end of the field with the entry's title and text, its origin in the read API, the backup and the activity feed", async () => {
    const { measure, conceptId, fieldId } = await takeLibraryMeasure(taker.town.editor, { conceptId: taker.ids.conceptId, fieldId: taker.ids.fieldId, entryId });
    expect(conceptId).toBe(taker.ids.conceptId);
    expect(fieldId).toBe(taker.ids.fieldId);
    expect(measure).toMatchObject({ title: "Elternkurse an Grundschulen", status: "planned", taskType: "voluntary", code: "", indicators: [], fundingLines: [], materialCostCents: null });
    expect(plainText(measure.description)).toBe("Deutschkurse für Eltern an Grundschulen.\nKinderbetreuung während des Kurses.");
    const today = berlinDate(new Date());
    const origin = { kind: "peerLibrary", entryId, fieldKey: "language", sharedOn: today, takenOn: today };
    expect(measure.origin).toEqual(origin);

    const read = await readConcept(taker.town.viewer, taker.ids.conceptId);
    const language = read.fields.find((f) => f.key === "language")!;
    expect(language.measures.map((m) => m.title)).toEqual(["Sprachcafé im Stadtteilzentrum", "Elternkurse an Grundschulen", "Elternkurse an Grundschulen"]);
    expect(language.measures.at(-1)).toMatchObject({ id: measure.id, origin });
    expect(language.measures[0]!.origin).toBeNull();

    const backup = await exportConcept(taker.town.viewer, taker.ids.conceptId);
    const exported = backup.measures.filter((m) => m.fieldKey === "language");
    expect(exported.at(-1)!.origin).toEqual(origin);
    expect("origin" in exported[0]!).toBe(false);
    // nothing names the municipality that shared it
    const text = JSON.stringify({ read, backup });
    expect(text).not.toContain(sharer.ids.municipalityId);
    expect(text).not.toContain(sharer.town.municipality.name);
    expect(text).not.toContain(sharer.ids.secondMeasureId);

    const activity = await readActivity(taker.town.reviewer, taker.ids.conceptId);
    expect(activity.find((a) => a.action === "measure.from_library")).toMatchObject({ objectId: measure.id, details: { field: "language" } });
  });

  it("keeps the origin through a backup import and a version restore; a backup without origins still imports", async () => {
    const backup = await exportConcept(taker.town.editor, taker.ids.conceptId);
    const importedId = await importConcept(taker.town.editor, { municipalityId: taker.ids.municipalityId, data: backup });
    const imported = await exportConcept(taker.town.editor, importedId);
    expect(imported.measures.map((m) => m.origin ?? null)).toEqual(backup.measures.map((m) => m.origin ?? null));

    const old = JSON.parse(JSON.stringify(backup)) as { measures: Record<string, unknown>[] };
    for (const m of old.measures) delete m.origin;
    expect(parseConceptExport(old).ok).toBe(true);
    const oldId = await importConcept(taker.town.editor, { municipalityId: taker.ids.municipalityId, data: old });
    expect((await exportConcept(taker.town.editor, oldId)).measures.some((m) => "origin" in m)).toBe(false);
    const forged = JSON.parse(JSON.stringify(backup)) as { measures: { origin?: Record<string, unknown> }[] };
    forged.measures.find((m) => m.origin)!.origin!.municipality = "Teilkreis";
    expect(parseConceptExport(forged)).toMatchObject({ ok: false });

    const taken = (await readConcept(taker.town.editor, taker.ids.conceptId)).fields.flatMap((f) => f.measures).find((m) => m.origin)!;
    const version = await createVersion(taker.town.editor, { conceptId: taker.ids.conceptId, label: "Mit Bibliotheksmaßnahme" });
    await deleteMeasure(taker.town.editor, { conceptId: taker.ids.conceptId, measureId: taken.id });
    await restoreVersion(taker.town.editor, { conceptId: taker.ids.conceptId, number: version.number });
    const restored = (await readConcept(taker.town.editor, taker.ids.conceptId)).fields.flatMap((f) => f.measures).find((m) => m.id === taken.id);
    expect(restored?.origin).toEqual(taken.origin);
  });
});
