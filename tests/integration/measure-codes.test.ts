/**
 * A measure's own code (Kürzel) and its own personnel cost rate, on the real
 * database: the code is unique per concept ignoring case (service check with a
 * field error, the partial unique index behind it), names the measure in the
 * funding overview, the check, the PDF and DOCX/ODT, and survives a backup and
 * a restore; the rate changes exactly the measure's personnel cost.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { getConceptTree } from "@/db/queries/concepts";
import { isCodeIndexViolation } from "@/db/queries/measures";
import { measures } from "@/db/schema";
import { readCheck } from "@/lib/check/service";
import { createConcept } from "@/lib/concepts/create";
import { exportConcept, importConcept } from "@/lib/concepts/exchange";
import { renderDocx } from "@/lib/export/docx";
import { renderOdt } from "@/lib/export/odt";
import { changeStaffCostRate, readFunding } from "@/lib/funding/service";
import { fundingView } from "@/lib/funding/view";
import { createMeasure, listConceptMeasures, updateMeasure } from "@/lib/measures/service";
import { exportConceptPdf, loadPdfModel } from "@/lib/pdf/export";
import { createVersion, restoreVersion } from "@/lib/versions/service";
import { countContent } from "../support/data";
import { makeMunicipality } from "../support/fixtures";

let town: Awaited<ReturnType<typeof makeMunicipality>>;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-codes-"));

beforeAll(async () => {
  town = await makeMunicipality("Kürzelstadt");
  await changeStaffCostRate(town.admin, { municipalityId: town.municipality.id, cents: 7_000_000 });
}, 120_000);
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await closeDb();
});

async function newConcept(title = "Konzept mit Kürzeln") {
  const concept = await createConcept(town.editor, { municipalityId: town.municipality.id, title });
  const tree = await getConceptTree({ conceptId: concept.id });
  const field = (key: string) => tree.fields.find((f) => f.key === key)!.id;
  return { conceptId: concept.id, language: field("language"), work: field("work") };
}

const add = (c: { conceptId: string }, fieldId: string, over: Record<string, unknown> = {}) =>
  createMeasure(town.editor, { conceptId: c.conceptId, fieldId, title: "Sprachcafé im Stadtteil", taskType: "voluntary", ...over });

const taken = (code: string, title: string) => `Das Kürzel „${code}“ ist in diesem Konzept schon vergeben (Maßnahme „${title}“).`;

describe("the code of a measure", () => {
  it("is unique within the concept, ignoring case: a second one is refused on the field and nothing is stored", async () => {
    const c = await newConcept();
    const first = await add(c, c.language, { title: "Sprachcafé", code: " SP-01 " });
    expect(first.measure.code).toBe("SP-01");
    const before = await countContent(town.municipality.id);

    for (const code of ["SP-01", "sp-01"]) {
      // Another field of the same concept: still the same concept.
      const refused = await add(c, c.work, { title: "Jobcafé", code }).catch((e: unknown) => e);
      expect(refused).toMatchObject({ code: "bad_request", message: taken(code, "Sprachcafé"), details: { fieldErrors: { code: taken(code, "Sprachcafé") } } });
    }
    expect(await countContent(town.municipality.id)).toEqual(before);

    // An update to a taken code is refused too, and the measure keeps what it had.
    const second = await add(c, c.work, { title: "Jobcafé", code: "JC-01" });
    const update = await updateMeasure(town.editor, {
      conceptId: c.conceptId,
      measureId: second.measure.id,
      baseRevision: second.measure.revision,
      title: "Jobcafé",
      taskType: "voluntary",
      code: "Sp-01",
    }).catch((e: unknown) => e);
    expect(update).toMatchObject({ code: "bad_request", details: { fieldErrors: { code: taken("Sp-01", "Sprachcafé") } } });
    const stored = (await listConceptMeasures(town.viewer, { conceptId: c.conceptId }))[c.work]!.measures[0]!;
    expect(stored).toMatchObject({ code: "JC-01", revision: second.measure.revision });

    // Its own code again, in another case, is no conflict with itself.
    const self = await updateMeasure(town.editor, { conceptId: c.conceptId, measureId: first.measure.id, baseRevision: first.measure.revision, title: "Sprachcafé", taskType: "voluntary", code: "sp-01" });
    expect(self).toMatchObject({ status: "saved", measure: { code: "sp-01" } });
  });

  it("may be the same in two concepts, and empty in many measures of one", async () => {
    const a = await newConcept("Konzept A");
    const b = await newConcept("Konzept B");
    await add(a, a.language, { code: "SP-01" });
    await expect(add(b, b.language, { code: "SP-01" })).resolves.toMatchObject({ measure: { code: "SP-01" } });
    await add(a, a.language, { code: "" });
    await expect(add(a, a.work, {})).resolves.toMatchObject({ measure: { code: "" } });
  });

  it("refuses a malformed code on the field", async () => {
    const c = await newConcept();
    const refused = await add(c, c.language, { code: "SP 01" }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "bad_request", details: { code: expect.stringMatching(/^Kürzel: 1–16 Zeichen/) } });
  });

  it("has the unique index behind the service check, and its violation is recognised as the code's", async () => {
    const c = await newConcept();
    const { measure } = await add(c, c.language, { code: "IDX-1" });
    const db = await getDb();
    const [row] = await db.select().from(measures).where(eq(measures.id, measure.id));
    const { id: _id, ...copy } = row!;
    const error = await db.insert(measures).values({ ...copy, code: "idx-1", fieldId: c.work }).catch((e: unknown) => e);
    expect(isCodeIndexViolation(error)).toBe(true);
    // Empty codes are outside the index.
    await db.insert(measures).values({ ...copy, code: "" });
    await db.insert(measures).values({ ...copy, code: "" });
    expect(await db.select({ id: measures.id }).from(measures).where(and(eq(measures.conceptId, c.conceptId), eq(measures.code, "")))).toHaveLength(2);
  });

  it("taken by two saves at once in different fields: one is stored, the other gets the same field error, never a 500", async () => {
    const c = await newConcept();
    const results = await Promise.allSettled([add(c, c.language, { title: "Erste", code: "RACE" }), add(c, c.work, { title: "Zweite", code: "race" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [refused] = results.filter((r) => r.status === "rejected");
    // Refused by the service's check or, when both passed it, by the unique index: the same error either way.
    expect(refused!.reason).toMatchObject({ code: "bad_request", details: { fieldErrors: { code: expect.stringMatching(/^Das Kürzel „(RACE|race)“ ist in diesem Konzept schon vergeben/) } } });
    expect((await exportConcept(town.viewer, c.conceptId)).measures).toHaveLength(1);
  });

  it("survives a backup and an import; a backup with one code twice is refused", async () => {
    const c = await newConcept();
    await add(c, c.language, { code: "SP-01", staffFte: 1, staffCostPerFteCents: 7_800_000 });
    const backup = await exportConcept(town.viewer, c.conceptId);
    expect(backup.measures[0]).toMatchObject({ code: "SP-01", staffCostPerFteCents: 7_800_000 });
    const copyId = await importConcept(town.editor, { municipalityId: town.municipality.id, data: JSON.parse(JSON.stringify(backup)) });
    expect((await exportConcept(town.viewer, copyId)).measures[0]).toMatchObject({ code: "SP-01", staffCostPerFteCents: 7_800_000 });

    const before = await countContent(town.municipality.id);
    const twice = { ...backup, measures: [backup.measures[0]!, { ...backup.measures[0]!, position: 1, title: "Zweites Sprachcafé", code: "sp-01" }] };
    const error = await importConcept(town.editor, { municipalityId: town.municipality.id, data: twice }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "bad_request", message: expect.stringContaining("measures.1.code: Das Kürzel „sp-01“ ist in diesem Konzept schon vergeben") });
    expect(await countContent(town.municipality.id)).toEqual(before);
  });

  it("a restore that swaps two codes passes (codes are cleared before rows are rewritten)", async () => {
    const c = await newConcept();
    const a = (await add(c, c.language, { title: "Erste Maßnahme", code: "A-1" })).measure;
    const b = (await add(c, c.language, { title: "Zweite Maßnahme", code: "B-1" })).measure;
    const { number } = await createVersion(town.editor, { conceptId: c.conceptId, label: "Vor dem Tausch" });
    const save = (id: string, revision: number, title: string, code: string) =>
      updateMeasure(town.editor, { conceptId: c.conceptId, measureId: id, baseRevision: revision, title, taskType: "voluntary", code });
    await save(a.id, a.revision, "Erste Maßnahme", "X");
    await save(b.id, b.revision, "Zweite Maßnahme", "A-1");
    await save(a.id, a.revision + 1, "Erste Maßnahme", "B-1");
    await restoreVersion(town.editor, { conceptId: c.conceptId, number });
    const restored = (await listConceptMeasures(town.viewer, { conceptId: c.conceptId }))[c.language]!.measures;
    expect(restored.map((m) => [m.title, m.code])).toEqual([
      ["Erste Maßnahme", "A-1"],
      ["Zweite Maßnahme", "B-1"],
    ]);
  });
});

describe("a measure's own personnel cost rate", () => {
  it("changes exactly that measure's personnel cost in the funding overview, and is named under the tables", async () => {
    const c = await newConcept();
    // Municipality: 70.000 € per VZÄ. A: 1,5 VZÄ at the municipality's rate; B: 0,5 VZÄ at its own rate.
    await add(c, c.language, { title: "Lotsen", code: "LO-1", staffFte: 1.5, materialCostCents: 1_000_000 });
    const { measure: b } = await add(c, c.work, { title: "Jobcoaching", staffFte: 0.5 });
    const before = await readFunding(town.viewer, c.conceptId);
    // 1,5 × 70.000 = 105.000 €; 0,5 × 70.000 = 35.000 €; together 140.000 € personnel, + 10.000 € material = 150.000 €
    expect(before.plan).toMatchObject({ staffCostCents: 14_000_000, totalCostCents: 15_000_000 });

    await updateMeasure(town.editor, { conceptId: c.conceptId, measureId: b.id, baseRevision: b.revision, title: "Jobcoaching", taskType: "voluntary", staffFte: 0.5, staffCostPerFteCents: 7_812_345 });
    const after = await readFunding(town.viewer, c.conceptId);
    // B: 0,5 × 78.123,45 € = 39.061,725 € → 3.906.172,5 cents, rounded half up: 3.906.173 cents.
    // Plan: 10.500.000 + 3.906.173 = 14.406.173 cents personnel; + 1.000.000 material = 15.406.173 cents.
    expect(after.measures.find((m) => m.id === b.id)).toMatchObject({ staffCostPerFteCents: 7_812_345, staffCostCents: 3_906_173 });
    expect(after.measures.find((m) => m.number === "LO-1")).toMatchObject({ staffCostPerFteCents: 7_000_000, staffCostCents: 10_500_000 });
    expect(after.plan).toMatchObject({ staffCostCents: 14_406_173, totalCostCents: 15_406_173 });
    expect(after.staffCostPerFteCents).toBe(7_000_000);

    const notes = fundingView(after).notes.join("\n").replace(/\u00a0/g, " ");
    // The automatic number of B: chapter 5 (fields), field "work" is the 2nd standard field, its 1st measure.
    const bNumber = after.measures.find((m) => m.id === b.id)!.number;
    expect(bNumber).toMatch(/^M \d+\.\d+\.1$/);
    expect(notes).toContain(`${bNumber} Jobcoaching: eigener Satz 78.123 € je VZÄ`);
    expect(notes).not.toContain("LO-1 Lotsen: eigener Satz");
  });

  it("refuses 0 € and an unreadable amount on the field, and stores nothing", async () => {
    const c = await newConcept();
    const before = await countContent(town.municipality.id);
    for (const value of [0, -100, "78.000"]) {
      const refused = await add(c, c.language, { staffCostPerFteCents: value }).catch((e: unknown) => e);
      expect(refused).toMatchObject({ code: "bad_request", details: { staffCostPerFteCents: expect.stringMatching(/^Personalkosten je VZÄ: /) } });
    }
    expect(await countContent(town.municipality.id)).toEqual(before);
  });
});

describe("the code in the outputs", () => {
  it("names the measure in the check, the PDF, the DOCX and the ODT instead of the automatic number", async () => {
    const c = await newConcept("Konzept für den Druck");
    await add(c, c.language, { title: "Sprachcafé Nord", code: "SP-Nord/1", staffFte: 1, staffCostPerFteCents: 7_800_000 });
    await add(c, c.language, { title: "Sprachcafé Süd" });

    const check = await readCheck(town.viewer, c.conceptId);
    const messages = check.findings.map((f) => f.message);
    expect(messages.some((m) => m.startsWith("SP-Nord/1 „Sprachcafé Nord“"))).toBe(true);
    expect(messages.some((m) => /^M \d+\.\d+\.2 „Sprachcafé Süd“/.test(m))).toBe(true);

    const { pdf } = await exportConceptPdf(town.viewer, c.conceptId);
    const file = path.join(dir, "codes.pdf");
    fs.writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(text).toContain("SP-Nord/1");
    // (the PDF isolates user text with U+2068)
    expect(text).toMatch(/M \d+\.\d+\.2 \u2068?Sprachcafé Süd/);
    expect(text).toContain("eigener Satz 78.000 € je VZÄ");

    const { model } = await loadPdfModel(town.viewer, c.conceptId);
    const docx = path.join(dir, "codes.docx");
    const odt = path.join(dir, "codes.odt");
    fs.writeFileSync(docx, await renderDocx(model));
    fs.writeFileSync(odt, renderOdt(model));
    const xmlText = (zip: string, entry: string) => execFileSync("unzip", ["-p", zip, entry], { encoding: "utf8" }).replace(/<[^>]+>/g, "");
    expect(xmlText(docx, "word/document.xml")).toContain("SP-Nord/1");
    expect(xmlText(odt, "content.xml")).toContain("SP-Nord/1");
  }, 180_000);
});
