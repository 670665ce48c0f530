/** Measures and sub-goals through lib/measures/service.ts, on the database. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db";
import { getConceptTree } from "@/db/queries/concepts";
import { createConcept } from "@/lib/concepts/create";
import type { JSONContent } from "@tiptap/core";
import { doc, link, p } from "@/lib/editor/build";
import { MAX_NESTING } from "@/lib/editor/nesting";
import {
  addSubGoal,
  createMeasure,
  deleteMeasure,
  deleteSubGoal,
  listConceptMeasures,
  listFieldMeasures,
  moveMeasure,
  moveSubGoal,
  updateMeasure,
  updateSubGoal,
} from "@/lib/measures/service";
import type { MeasureView } from "@/lib/measures/view";
import { countContent, failNextWritesOf, raisedByDatabase, SIMULATED_ABORT } from "../support/data";
import { makeMunicipality } from "../support/fixtures";

let town: Awaited<ReturnType<typeof makeMunicipality>>;

beforeAll(async () => {
  town = await makeMunicipality("Maßnahmenstadt");
});
afterAll(() => closeDb());

/** A fresh concept; its fields by key. */
async function newConcept() {
  const concept = await createConcept(town.editor, { municipalityId: town.municipality.id, title: "Konzept mit Maßnahmen" });
  const tree = await getConceptTree({ conceptId: concept.id });
  const field = (key: string) => tree.fields.find((f) => f.key === key)!.id;
  return { conceptId: concept.id, language: field("language"), work: field("work") };
}

async function measuresOf(conceptId: string, fieldId: string) {
  return (await listFieldMeasures(town.viewer, { conceptId, fieldId })).measures;
}

const titles = (ms: MeasureView[]) => ms.map((m) => m.title);
const positions = (ms: { position: number }[]) => ms.map((m) => m.position);

describe("creating a measure", () => {
  it("stores every part of it, with the defaults of the form, at the end of its field", async () => {
    const c = await newConcept();
    const goal = (await addSubGoal(town.editor, { conceptId: c.conceptId, fieldId: c.language, text: "Mehr Kursplätze" })).subGoal;
    const first = await createMeasure(town.editor, { conceptId: c.conceptId, fieldId: c.language, title: "Sprachcafé", taskType: "voluntary" });
    const { measure } = await createMeasure(town.editor, {
      conceptId: c.conceptId,
      fieldId: c.language,
      title: "  Elternkurse an Grundschulen  ",
      description: doc(p("Kurse am Vormittag, mit Kinderbetreuung.")),
      subGoalIds: [goal.id, goal.id],
      targetGroups: ["Eltern", "Neuzugewanderte"],
      taskType: "mandatory",
      leadOffice: "Schulamt",
      partners: ["VHS Maßnahmenstadt"],
      status: "running",
      startDate: "2026-01-01",
      endDate: "2027-12-31",
      priority: "high",
      staffFte: 1.5,
      materialCostCents: 3_500_050,
      fundingLines: [{ source: "state", programme: "Landesprogramm Elternbildung", amountCents: 2_000_000, until: "2027-12-31" }],
      indicators: [{ name: "Teilnehmende Eltern", kind: "output", unit: "Personen", baseline: "0", target: "120" }],
    });
    expect(first.measure).toMatchObject({ position: 0, status: "planned", priority: "medium", subGoalIds: [], staffFte: null, revision: 0 });

    const stored = await measuresOf(c.conceptId, c.language);
    expect(titles(stored)).toEqual(["Sprachcafé", "Elternkurse an Grundschulen"]);
    expect(stored[1]).toEqual(measure);
    expect(stored[1]).toMatchObject({
      position: 1,
      subGoalIds: [goal.id], // a sub-goal chosen twice is linked once
      targetGroups: ["Eltern", "Neuzugewanderte"],
      taskType: "mandatory",
      leadOffice: "Schulamt",
      status: "running",
      startDate: "2026-01-01",
      endDate: "2027-12-31",
      priority: "high",
      staffFte: "1.50",
      materialCostCents: 3_500_050,
      fundingLines: [{ source: "state", programme: "Landesprogramm Elternbildung", amountCents: 2_000_000, until: "2027-12-31" }],
      indicators: [{ name: "Teilnehmende Eltern", kind: "output", unit: "Personen", baseline: "0", target: "120", dataSource: "", cadence: "" }],
    });
    expect(JSON.stringify(stored[1]!.description)).toContain("Kinderbetreuung");
    // the concept-wide listing groups by field
    const all = await listConceptMeasures(town.reviewer, { conceptId: c.conceptId });
    expect(Object.keys(all)).toEqual([c.language]);
    expect(all[c.language]!.subGoals).toEqual([{ id: goal.id, text: "Mehr Kursplätze" }]);
  });

  it.each([
    ["a title that is too short", { title: "ab" }, "title", "Der Titel muss mindestens 3 Zeichen lang sein."],
    ["a missing task type", { taskType: undefined }, "taskType", "Bitte Pflichtaufgabe oder freiwillige Aufgabe wählen."],
    ["an end before the start", { startDate: "2027-01-01", endDate: "2026-12-31" }, "endDate", "Das Ende liegt vor dem Beginn."],
    ["a day that does not exist", { startDate: "2026-02-30" }, "startDate", "Dieses Datum gibt es nicht."],
    ["a negative cost", { materialCostCents: -100 }, "materialCostCents", "Sachkosten: der Betrag darf nicht negativ sein."],
    ["staff with three decimals", { staffFte: 0.125 }, "staffFte", "Personal: höchstens zwei Nachkommastellen."],
    [
      "a funding line without source",
      { fundingLines: [{ programme: "X", amountCents: 100 }] },
      "fundingLines.0.source",
      "Bitte eine Förderquelle wählen (Kommune, Land, Bund, EU oder Dritte).",
    ],
    ["an indicator without a name", { indicators: [{ name: "", kind: "output" }] }, "indicators.0.name", "Bitte einen Namen für den Indikator angeben."],
    ["an empty target group", { targetGroups: ["Eltern", " "] }, "targetGroups.1", "Zielgruppen: leere Einträge sind nicht erlaubt."],
  ])("rejects %s with a German message for the field, and stores nothing", async (_name, override, path, message) => {
    const c = await newConcept();
    const input = { conceptId: c.conceptId, fieldId: c.language, title: "Gültiger Titel", taskType: "voluntary" as const, ...override };
    const error = await createMeasure(town.editor, input as Parameters<typeof createMeasure>[1]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "bad_request", details: { [path]: message } });
    expect((error as Error).message).toContain(message);
    expect(await measuresOf(c.conceptId, c.language)).toEqual([]);
  });

  it("rejects a description with a javascript: link, naming the description", async () => {
    const c = await newConcept();
    const description = doc(p(link("Anmeldung", "javascript:alert(1)")));
    await expect(
      createMeasure(town.editor, { conceptId: c.conceptId, fieldId: c.language, title: "Sprachcafé", taskType: "voluntary", description }),
    ).rejects.toMatchObject({ code: "bad_request", message: expect.stringMatching(/^Beschreibung: .*Link/) });
    expect(await measuresOf(c.conceptId, c.language)).toEqual([]);
  });

  it("rejects a description nested deeper than the limit (lists 13 and 1,000 deep), naming the description", async () => {
    const c = await newConcept();
    for (const levels of [MAX_NESTING + 1, 1_000]) {
      let inner: JSONContent = p("innen");
      for (let i = 0; i < levels; i++) inner = { type: "bulletList", content: [{ type: "listItem", content: [p(`Ebene ${i + 1}`), inner] }] };
      await expect(
        createMeasure(town.editor, { conceptId: c.conceptId, fieldId: c.language, title: "Sprachcafé", taskType: "voluntary", description: doc(inner) }),
      ).rejects.toMatchObject({ code: "bad_request", message: `Beschreibung: Der Text ist zu tief verschachtelt (höchstens ${MAX_NESTING} Ebenen aus Listen, Zitaten und Tabellen ineinander). Bitte die Gliederung flacher anlegen.` });
    }
    expect(await measuresOf(c.conceptId, c.language)).toEqual([]);
  });

  it("rejects sub-goals of another field, of another concept and unknown ones, and stores nothing", async () => {
    const c = await newConcept();
    const other = await newConcept();
    const workGoal = (await addSubGoal(town.editor, { conceptId: c.conceptId, fieldId: c.work, text: "Mehr Ausbildungsplätze" })).subGoal;
    const foreignGoal = (await addSubGoal(town.editor, { conceptId: other.conceptId, fieldId: other.language, text: "Anderes Konzept" })).subGoal;
    const ownGoal = (await addSubGoal(town.editor, { conceptId: c.conceptId, fieldId: c.language, text: "Eigenes Teilziel" })).subGoal;
    for (const id of [workGoal.id, foreignGoal.id, "00000000-0000-4000-8000-000000000000"]) {
      await expect(
        createMeasure(town.editor, { conceptId: c.conceptId, fieldId: c.language, title: "Sprachcafé", taskType: "voluntary", subGoalIds: [ownGoal.id, id] }),
      ).rejects.toMatchObject({ code: "bad_request", message: "Mindestens ein gewähltes Teilziel gehört nicht (mehr) zu diesem Handlungsfeld." });
    }
    await expect(
      createMeasure(town.editor, { conceptId: c.conceptId, fieldId: c.language, title: "Sprachcafé", taskType: "voluntary", subGoalIds: ["sg-1"] }),
    ).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("Teilziel: ungültige Kennung.") });
    expect(await measuresOf(c.conceptId, c.language)).toEqual([]);
  });

  it("rejects a field of another concept as not found", async () => {
    const c = await newConcept();
    const other = await newConcept();
    await expect(
      createMeasure(town.editor, { conceptId: c.conceptId, fieldId: other.language, title: "Sprachcafé", taskType: "voluntary" }),
    ).rejects.toMatchObject({ code: "not_found", message: "Dieses Handlungsfeld gibt es nicht." });
  });
});

describe("updating a measure", () => {
  it("saves the new content and raises the revision", async () => {
    const c = await newConcept();
    const { measure } = await createMeasure(town.editor, { conceptId: c.conceptId, fieldId: c.language, title: "Sprachcafé", taskType: "voluntary" });
    const result = await updateMeasure(town.admin, {
      conceptId: c.conceptId,
      measureId: measure.id,
      baseRevision: 0,
      title: "Sprachcafé im Stadtteilzentrum",
      taskType: "voluntary",
      status: "running",
      partners: ["Nachbarschaftsverein"],
    });
    expect(result.status).toBe("saved");
    const [stored] = await measuresOf(c.conceptId, c.language);
    expect(stored).toMatchObject({ title: "Sprachcafé im Stadtteilzentrum", status: "running", partners: ["Nachbarschaftsverein"], revision: 1 });
  });

  it("answers a save from a stale revision with a conflict carrying the other's content, and overwrites nothing", async () => {
    const c = await newConcept();
    const { measure } = await createMeasure(town.editor, { conceptId: c.conceptId, fieldId: c.language, title: "Sprachcafé", taskType: "voluntary" });
    const base = { conceptId: c.conceptId, measureId: measure.id, baseRevision: 0, taskType: "voluntary" as const };
    expect((await updateMeasure(town.editor, { ...base, title: "Fassung der Redaktion", leadOffice: "Amt 52" })).status).toBe("saved");
    const stale = await updateMeasure(town.admin, { ...base, title: "Fassung der Leitung", leadOffice: "Amt 10" });
    expect(stale.status).toBe("conflict");
    if (stale.status !== "conflict") return;
    expect(stale.current).toMatchObject({ title: "Fassung der Redaktion", leadOffice: "Amt 52", revision: 1 });
    const [stored] = await measuresOf(c.conceptId, c.language);
    expect(stored).toMatchObject({ title: "Fassung der Redaktion", leadOffice: "Amt 52", revision: 1 });
  });

  it("rejects invalid input without changing the stored measure", async () => {
    const c = await newConcept();
    const goal = (await addSubGoal(town.editor, { conceptId: c.conceptId, fieldId: c.work, text: "Arbeit" })).subGoal;
    const { measure } = await createMeasure(town.editor, { conceptId: c.conceptId, fieldId: c.language, title: "Sprachcafé", taskType: "voluntary" });
    const base = { conceptId: c.conceptId, measureId: measure.id, baseRevision: 0, taskType: "voluntary" as const };
    await expect(updateMeasure(town.editor, { ...base, title: "" })).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringContaining("Bitte einen Titel angeben."),
    });
    await expect(updateMeasure(town.editor, { ...base, title: "Neu", subGoalIds: [goal.id] })).rejects.toMatchObject({
      code: "bad_request",
      message: "Mindestens ein gewähltes Teilziel gehört nicht (mehr) zu diesem Handlungsfeld.",
    });
    expect(await measuresOf(c.conceptId, c.language)).toEqual([measure]);
  });

  it("answers not_found for a deleted measure", async () => {
    const c = await newConcept();
    const { measure } = await createMeasure(town.editor, { conceptId: c.conceptId, fieldId: c.language, title: "Sprachcafé", taskType: "voluntary" });
    expect(await deleteMeasure(town.editor, { conceptId: c.conceptId, measureId: measure.id })).toEqual({ deletedId: measure.id });
    await expect(
      updateMeasure(town.editor, { conceptId: c.conceptId, measureId: measure.id, baseRevision: 0, title: "Zu spät", taskType: "voluntary" }),
    ).rejects.toMatchObject({ code: "not_found", message: "Diese Maßnahme gibt es nicht oder nicht mehr." });
    await expect(deleteMeasure(town.editor, { conceptId: c.conceptId, measureId: measure.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await measuresOf(c.conceptId, c.language)).toEqual([]);
  });
});

describe("sub-goals", () => {
  it("are added at the end, renamed, and rejected when empty", async () => {
    const c = await newConcept();
    const a = (await addSubGoal(town.editor, { conceptId: c.conceptId, fieldId: c.language, text: "  Erstes Teilziel " })).subGoal;
    await addSubGoal(town.editor, { conceptId: c.conceptId, fieldId: c.language, text: "Zweites Teilziel" });
    await updateSubGoal(town.editor, { conceptId: c.conceptId, subGoalId: a.id, text: "Erstes Teilziel, genauer" });
    await expect(addSubGoal(town.editor, { conceptId: c.conceptId, fieldId: c.language, text: "   " })).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringContaining("Bitte einen Text für das Teilziel angeben."),
    });
    await expect(updateSubGoal(town.editor, { conceptId: c.conceptId, subGoalId: a.id, text: "x".repeat(1001) })).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringContaining("Ein Teilziel darf höchstens 1.000 Zeichen lang sein."),
    });
    const { subGoals } = await listFieldMeasures(town.viewer, { conceptId: c.conceptId, fieldId: c.language });
    expect(subGoals.map((g) => g.text)).toEqual(["Erstes Teilziel, genauer", "Zweites Teilziel"]);
  });

  it("when deleted, disappear from every measure linked to them, and a form still holding such a measure meets a conflict", async () => {
    const c = await newConcept();
    const g1 = (await addSubGoal(town.editor, { conceptId: c.conceptId, fieldId: c.language, text: "Teilziel 1" })).subGoal;
    const g2 = (await addSubGoal(town.editor, { conceptId: c.conceptId, fieldId: c.language, text: "Teilziel 2" })).subGoal;
    const both = (
      await createMeasure(town.editor, { conceptId: c.conceptId, fieldId: c.language, title: "Beide", taskType: "voluntary", subGoalIds: [g1.id, g2.id] })
    ).measure;
    const only2 = (
      await createMeasure(town.editor, { conceptId: c.conceptId, fieldId: c.language, title: "Nur zwei", taskType: "voluntary", subGoalIds: [g2.id] })
    ).measure;
    const none = (await createMeasure(town.editor, { conceptId: c.conceptId, fieldId: c.language, title: "Keins", taskType: "voluntary" })).measure;

    expect(await deleteSubGoal(town.editor, { conceptId: c.conceptId, subGoalId: g1.id })).toEqual({ deletedId: g1.id });

    const { measures, subGoals } = await listFieldMeasures(town.viewer, { conceptId: c.conceptId, fieldId: c.language });
    expect(subGoals).toEqual([{ id: g2.id, text: "Teilziel 2" }]);
    const byId = new Map(measures.map((m) => [m.id, m]));
    expect(byId.get(both.id)).toMatchObject({ subGoalIds: [g2.id], revision: 1 });
    expect(byId.get(only2.id)).toMatchObject({ subGoalIds: [g2.id], revision: 0 });
    expect(byId.get(none.id)).toMatchObject({ subGoalIds: [], revision: 0 });
    // The form that opened "Beide" before the deletion still sends both links at revision 0.
    const stale = await updateMeasure(town.editor, {
      conceptId: c.conceptId,
      measureId: both.id,
      baseRevision: 0,
      title: "Beide, geändert",
      taskType: "voluntary",
      subGoalIds: [g2.id],
    });
    expect(stale.status).toBe("conflict");
    // Linking the deleted one again is refused.
    await expect(
      updateMeasure(town.editor, { conceptId: c.conceptId, measureId: both.id, baseRevision: 1, title: "Beide", taskType: "voluntary", subGoalIds: [g1.id] }),
    ).rejects.toMatchObject({ code: "bad_request" });
  });

  it("move within their field and stay densely numbered", async () => {
    const c = await newConcept();
    const goals = [];
    for (const text of ["A", "B", "C"]) goals.push((await addSubGoal(town.editor, { conceptId: c.conceptId, fieldId: c.language, text })).subGoal);
    await addSubGoal(town.editor, { conceptId: c.conceptId, fieldId: c.work, text: "Anderes Feld" });
    expect(await moveSubGoal(town.editor, { conceptId: c.conceptId, subGoalId: goals[2]!.id, direction: "up" })).toEqual({ moved: true });
    expect(await moveSubGoal(town.editor, { conceptId: c.conceptId, subGoalId: goals[2]!.id, direction: "up" })).toEqual({ moved: true });
    expect(await moveSubGoal(town.editor, { conceptId: c.conceptId, subGoalId: goals[2]!.id, direction: "up" })).toEqual({ moved: false });
    const tree = await getConceptTree({ conceptId: c.conceptId });
    const inField = tree.subGoals.filter((g) => g.fieldId === c.language).sort((a, b) => a.position - b.position);
    expect(inField.map((g) => g.text)).toEqual(["C", "A", "B"]);
    expect(positions(inField)).toEqual([0, 1, 2]);
  });
});

describe("moving measures", () => {
  async function three() {
    const c = await newConcept();
    const ms: MeasureView[] = [];
    for (const title of ["Erste", "Zweite", "Dritte"]) {
      ms.push((await createMeasure(town.editor, { conceptId: c.conceptId, fieldId: c.language, title, taskType: "voluntary" })).measure);
    }
    await createMeasure(town.editor, { conceptId: c.conceptId, fieldId: c.work, title: "Andere", taskType: "voluntary" });
    return { c, ms };
  }

  it("moves one place up or down within the field, and not beyond its edges", async () => {
    const { c, ms } = await three();
    expect(await moveMeasure(town.editor, { conceptId: c.conceptId, measureId: ms[0]!.id, direction: "down" })).toEqual({ moved: true });
    expect(titles(await measuresOf(c.conceptId, c.language))).toEqual(["Zweite", "Erste", "Dritte"]);
    expect(await moveMeasure(town.editor, { conceptId: c.conceptId, measureId: ms[1]!.id, direction: "up" })).toEqual({ moved: false });
    expect(await moveMeasure(town.editor, { conceptId: c.conceptId, measureId: ms[2]!.id, direction: "down" })).toEqual({ moved: false });
    const stored = await measuresOf(c.conceptId, c.language);
    expect(titles(stored)).toEqual(["Zweite", "Erste", "Dritte"]);
    expect(positions(stored)).toEqual([0, 1, 2]);
    // moving is not an edit of the content: a form holding the measure can still save
    expect(stored.map((m) => m.revision)).toEqual([0, 0, 0]);
    expect(titles(await measuresOf(c.conceptId, c.work))).toEqual(["Andere"]);
  });

  it("keeps positions dense after a measure in between was deleted", async () => {
    const { c, ms } = await three();
    await deleteMeasure(town.editor, { conceptId: c.conceptId, measureId: ms[1]!.id });
    expect(await moveMeasure(town.editor, { conceptId: c.conceptId, measureId: ms[2]!.id, direction: "up" })).toEqual({ moved: true });
    const stored = await measuresOf(c.conceptId, c.language);
    expect(titles(stored)).toEqual(["Dritte", "Erste"]);
    expect(positions(stored)).toEqual([0, 1]);
    // a new one goes to the end
    await createMeasure(town.editor, { conceptId: c.conceptId, fieldId: c.language, title: "Vierte", taskType: "voluntary" });
    expect(positions(await measuresOf(c.conceptId, c.language))).toEqual([0, 1, 2]);
  });
});

describe("a write that fails half-way", () => {
  it("leaves nothing behind: no new measure, no unlinked sub-goal, no half swap", async () => {
    const c = await newConcept();
    const g1 = (await addSubGoal(town.editor, { conceptId: c.conceptId, fieldId: c.language, text: "Teilziel 1" })).subGoal;
    await createMeasure(town.editor, { conceptId: c.conceptId, fieldId: c.language, title: "Erste", taskType: "voluntary", subGoalIds: [g1.id] });
    await createMeasure(town.editor, { conceptId: c.conceptId, fieldId: c.language, title: "Zweite", taskType: "voluntary", subGoalIds: [g1.id] });
    const before = await listFieldMeasures(town.viewer, { conceptId: c.conceptId, fieldId: c.language });
    const rows = await countContent(town.municipality.id);

    const restore = await failNextWritesOf(c.conceptId);
    try {
      // Each of these writes its rows first and fails at its last statement.
      // …with the simulated fault, not with an error of their own.
      const aborted = raisedByDatabase(SIMULATED_ABORT);
      await expect(
        createMeasure(town.editor, { conceptId: c.conceptId, fieldId: c.language, title: "Dritte", taskType: "voluntary", subGoalIds: [g1.id] }),
      ).rejects.toSatisfy(aborted);
      await expect(deleteSubGoal(town.editor, { conceptId: c.conceptId, subGoalId: g1.id })).rejects.toSatisfy(aborted);
      await expect(moveMeasure(town.editor, { conceptId: c.conceptId, measureId: before.measures[1]!.id, direction: "up" })).rejects.toSatisfy(aborted);
      await expect(addSubGoal(town.editor, { conceptId: c.conceptId, fieldId: c.language, text: "Teilziel 2" })).rejects.toSatisfy(aborted);
    } finally {
      await restore();
    }

    expect(await listFieldMeasures(town.viewer, { conceptId: c.conceptId, fieldId: c.language })).toEqual(before);
    expect(await countContent(town.municipality.id)).toEqual(rows);
    // and once the fault is gone the same writes work
    await deleteSubGoal(town.editor, { conceptId: c.conceptId, subGoalId: g1.id });
    const after = await listFieldMeasures(town.viewer, { conceptId: c.conceptId, fieldId: c.language });
    expect(after.subGoals).toEqual([]);
    expect(after.measures.map((m) => m.subGoalIds)).toEqual([[], []]);
  });
});

describe("text PostgreSQL cannot store", () => {
  it("is rejected with a German message (bad_request)", async () => {
    const c = await newConcept();
    const description = doc(p("Anmeldung \ud800 bis Freitag"));
    await expect(
      createMeasure(town.editor, { conceptId: c.conceptId, fieldId: c.language, title: "Sprachcafé", taskType: "voluntary", description }),
    ).rejects.toMatchObject({ code: "bad_request" });
  });

  it("is never stored", async () => {
    const c = await newConcept();
    const description = doc(p("Anmeldung \ud800 bis Freitag"));
    await createMeasure(town.editor, { conceptId: c.conceptId, fieldId: c.language, title: "Sprachcafé", taskType: "voluntary", description }).catch(
      () => null,
    );
    expect(await measuresOf(c.conceptId, c.language)).toEqual([]);
  });
});
