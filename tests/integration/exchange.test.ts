/** The JSON backup (export and import) on the database, with the Musterstadt demo concept. */
import { randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { getConceptTree, listConcepts } from "@/db/queries/concepts";
import { insertSeedConcept } from "@/lib/demo/seed";
import { musterstadtConcept } from "@/lib/demo/seed-data/musterstadt";
import { exportConcept, importConcept, readConcept, type ConceptExport } from "@/lib/concepts/exchange";
import { saveSectionText } from "@/lib/concepts/sections";
import { exportConceptPdf, loadPdfModel } from "@/lib/pdf/export";
import { doc, link, p } from "@/lib/editor/build";
import { updateMeasure } from "@/lib/measures/service";
import { countContent } from "../support/data";
import { makeMunicipality } from "../support/fixtures";

let town: Awaited<ReturnType<typeof makeMunicipality>>;
let conceptId: string;
let original: ConceptExport;

beforeAll(async () => {
  town = await makeMunicipality("Musterstadt");
  const concept = await insertSeedConcept(await getDb(), { municipalityId: town.municipality.id, userId: town.editor.id, seed: musterstadtConcept });
  conceptId = concept.id;
  // Some editing history, so that revisions are not all 0.
  const tree = await getConceptTree({ conceptId });
  const mandate = tree.sections.find((s) => s.chapter === "mandate")!;
  await saveSectionText(town.editor, { conceptId, sectionId: mandate.id, baseRevision: 0, content: { type: "doc", content: [...(mandate.content.content ?? []), { type: "paragraph", content: [{ type: "text", text: "Nachtrag." }] }] } });
  const measure = tree.measures[0]!;
  const view = (await readConcept(town.editor, conceptId)).fields.flatMap((f) => f.measures).find((m) => m.id === measure.id)!;
  await updateMeasure(town.editor, {
    conceptId,
    measureId: view.id,
    baseRevision: view.revision,
    title: view.title,
    description: view.description,
    subGoalIds: view.subGoalIds,
    targetGroups: view.targetGroups,
    taskType: view.taskType,
    leadOffice: view.leadOffice,
    partners: view.partners,
    status: view.status,
    startDate: view.startDate,
    endDate: view.endDate,
    priority: view.priority,
    staffFte: view.staffFte,
    materialCostCents: view.materialCostCents,
    fundingLines: view.fundingLines,
    indicators: view.indicators,
  });
  original = await exportConcept(town.viewer, conceptId);
});
afterAll(() => closeDb());

/** The backup without what may differ between two exports of the same content. */
function content(backup: ConceptExport, { title = true } = {}) {
  const { exportedAt: _at, ...rest } = structuredClone(backup);
  return {
    ...rest,
    concept: title ? rest.concept : { ...rest.concept, title: "" },
    sections: rest.sections.map(({ revision: _r, ...s }) => s),
  };
}

describe("export → import → export", () => {
  it("holds the whole demo concept", () => {
    expect(original.fields.map((f) => f.key)).toEqual(["language", "work", "education", "housing", "participation", "health", "antidiscrimination"]);
    expect(original.subGoals.length).toBeGreaterThan(10);
    expect(original.measures.length).toBeGreaterThan(5);
    expect(original.measures.some((m) => m.subGoalRefs.length > 0)).toBe(true);
    expect(original.sections.find((s) => s.chapter === "mandate")!.revision).toBe(1);
  });

  it("gives the same backup apart from exportedAt, the title suffix and the revisions", async () => {
    const before = await countContent(town.municipality.id);
    const copyId = await importConcept(town.editor, { municipalityId: town.municipality.id, data: JSON.parse(JSON.stringify(original)) });
    const again = await exportConcept(town.viewer, copyId);

    expect(again.concept.title).toBe(`${original.concept.title} (Import)`);
    expect(content(again, { title: false })).toEqual(content(original, { title: false }));
    expect(again.sections.every((s) => s.revision === 0)).toBe(true);
    expect(Date.parse(again.exportedAt)).toBeGreaterThanOrEqual(Date.parse(original.exportedAt));

    const after = await countContent(town.municipality.id);
    expect(after.concepts).toBe(before.concepts + 1);
    expect(after.measures - before.measures).toBe(original.measures.length);
    expect(after.subGoals - before.subGoals).toBe(original.subGoals.length);
    const titles = (await listConcepts({ municipalityId: town.municipality.id })).map((c) => c.title).sort();
    expect(titles).toEqual([original.concept.title, `${original.concept.title} (Import)`].sort());
  });

  it("links the copied measures to the copy's own sub-goals, not to the original's", async () => {
    const copyId = await importConcept(town.admin, { municipalityId: town.municipality.id, data: original });
    const copy = await readConcept(town.viewer, copyId);
    const source = await readConcept(town.viewer, conceptId);
    const sourceGoalIds = new Set(source.fields.flatMap((f) => f.subGoals.map((g) => g.id)));
    for (const field of copy.fields) {
      const own = new Map(field.subGoals.map((g) => [g.id, g.text]));
      const sourceField = source.fields.find((f) => f.key === field.key)!;
      const sourceText = new Map(sourceField.subGoals.map((g) => [g.id, g.text]));
      for (const [i, m] of field.measures.entries()) {
        for (const id of m.subGoalIds) {
          expect(own.has(id)).toBe(true);
          expect(sourceGoalIds.has(id)).toBe(false);
        }
        expect(m.subGoalIds.map((id) => own.get(id))).toEqual(sourceField.measures[i]!.subGoalIds.map((id) => sourceText.get(id)));
      }
    }
    expect((await listConcepts({ municipalityId: town.municipality.id })).map((c) => c.title)).toContain(`${original.concept.title} (Import 2)`);
  });

  it("into another municipality keeps the title and is seen only there", async () => {
    const other = await makeMunicipality("Nachbarstadt");
    const copyId = await importConcept(other.editor, { municipalityId: other.municipality.id, data: original });
    expect(content(await exportConcept(other.viewer, copyId))).toEqual(content(original));
    await expect(readConcept(town.admin, copyId)).rejects.toMatchObject({ code: "not_found" });
    const copy = await readConcept(other.viewer, copyId);
    expect(copy.municipalityId).toBe(other.municipality.id);
    const tree = await getConceptTree({ conceptId: copyId });
    for (const row of [...tree.fields, ...tree.sections, ...tree.subGoals, ...tree.measures]) expect(row.municipalityId).toBe(other.municipality.id);
  });
});

describe("an import starts as a draft, whatever the backup's status says", () => {
  it.each(["adopted", "deleted", "xyz", "council_proposal"])("status %s → Entwurf, with the ENTWURF mark in the PDF", async (status) => {
    const before = await countContent(town.municipality.id);
    const data = { ...structuredClone(original), concept: { ...original.concept, status } };
    const copyId = await importConcept(town.editor, { municipalityId: town.municipality.id, data });
    expect((await readConcept(town.viewer, copyId)).status).toBe("draft");
    // no version: an adoption (or any status) comes only through the status path, which records one
    expect((await countContent(town.municipality.id)).versions).toBe(before.versions);
    const { model } = await loadPdfModel(town.viewer, copyId);
    expect(model.meta).toMatchObject({ status: "Entwurf", draft: true });
    if (status === "adopted") {
      const pdf = await exportConceptPdf(town.viewer, copyId);
      const text = execFileSync("pdftotext", ["-", "-"], { input: pdf.pdf, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
      expect(text).toMatch(/Status\s+Entwurf/);
      expect(text).not.toMatch(/Status\s+Beschlossen/);
      // the watermark on every page
      const pages = text.split("\f").filter((page) => page.trim() !== "");
      expect(pages.length).toBe(pdf.pages);
      for (const page of pages) expect(page).toContain("ENTWURF");
    }
  }, 120_000);
});

describe("a corrupt backup", () => {
  /** A copy of the demo backup, changed by `mutate`. */
  function corrupt(mutate: (b: Record<string, any>) => unknown): unknown {
    const b = JSON.parse(JSON.stringify(original)) as Record<string, any>;
    return mutate(b) ?? b;
  }
  const lastMeasure = (b: Record<string, any>) => b.measures[b.measures.length - 1];

  it.each([
    [
      "a javascript: link inside a section",
      (b: Record<string, any>) => {
        const i = b.sections.length - 1;
        b.sections[i].content = doc(p("Mehr unter ", link("diesem Link", "javascript:alert(document.cookie)")));
      },
      /^Die Sicherung kann nicht importiert werden\. sections\.\d+\.content \(.+\): .*Link/,
    ],
    [
      "an unknown key inside a measure",
      (b: Record<string, any>) => {
        lastMeasure(b).budgetOwner = "Kämmerei";
      },
      /^Die Sicherung kann nicht importiert werden\. measures\.\d+ \(Maßnahme \d+ „.+“\): Unbekannter Schlüssel: "budgetOwner"$/,
    ],
    [
      "an unknown key at the top",
      (b: Record<string, any>) => {
        b.municipalityId = "00000000-0000-4000-8000-000000000000";
      },
      /^Die Sicherung kann nicht importiert werden\. Unbekannter Schlüssel: "municipalityId"$/,
    ],
    [
      "a measure pointing to a sub-goal that does not exist",
      (b: Record<string, any>) => {
        lastMeasure(b).subGoalRefs.push("sg-999");
      },
      /^Die Sicherung kann nicht importiert werden\. measures\.\d+\.subGoalRefs\.\d+: Das Teilziel „sg-999“ gibt es nicht\.$/,
    ],
    [
      "a measure pointing to a sub-goal of another field",
      (b: Record<string, any>) => {
        const foreign = b.subGoals.find((g: { fieldKey: string }) => g.fieldKey !== lastMeasure(b).fieldKey);
        lastMeasure(b).subGoalRefs = [foreign.ref];
      },
      /gehört zu einem anderen Handlungsfeld\.$/,
    ],
    [
      "a sub-goal of a field that is not in the backup",
      (b: Record<string, any>) => {
        b.subGoals[b.subGoals.length - 1].fieldKey = "sport";
      },
      /subGoals\.\d+\.fieldKey: Das Handlungsfeld „sport“ fehlt in "fields"\./,
    ],
    [
      "a blank measure title",
      (b: Record<string, any>) => {
        lastMeasure(b).title = "  ";
      },
      /^Die Sicherung kann nicht importiert werden\. measures\.\d+\.title \(Maßnahme \d+ › Titel\): Bitte einen Titel angeben\.$/,
    ],
    [
      "a validity starting on 1 of month 13",
      (b: Record<string, any>) => {
        b.concept.settings.validFrom = "2029-13-01";
      },
      /^Die Sicherung kann nicht importiert werden\. concept\.settings\.validFrom \(Angaben zum Konzept › Gültig ab\): Dieses Datum gibt es nicht\.$/,
    ],
    [
      "101 own fields of action",
      (b: Record<string, any>) => {
        for (let i = 0; i < 101; i++) b.fields.push({ key: `eigenes-${i}`, title: `Eigenes Feld ${i}`, custom: true, position: 100 + i });
      },
      /^Die Sicherung kann nicht importiert werden\. fields: Ein Konzept hat höchstens 100 eigene Handlungsfelder\./,
    ],
    ["something that is not a backup", () => ({ hello: "world" }), /^Die Sicherung kann nicht importiert werden\. format: Keine Konzeptwerk-Sicherung/],
  ])("(%s) is refused with a German message naming the place, and stores nothing", async (_name, mutate, message) => {
    const data = corrupt(mutate);
    const everywhere = await countContent();
    const here = await listConcepts({ municipalityId: town.municipality.id });
    const error = await importConcept(town.editor, { municipalityId: town.municipality.id, data }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "bad_request" });
    expect((error as Error).message).toMatch(message);
    expect(await countContent()).toEqual(everywhere);
    expect(await listConcepts({ municipalityId: town.municipality.id })).toEqual(here);
  });

  it("that fails in the database after the concept and its fields were written leaves nothing behind", async () => {
    // A failure inside the transaction, after the concept, its fields, sections and
    // sub-goals were inserted: a trigger on the last table written (measures), for
    // this municipality only, so other tests' writes are untouched.
    const db = await getDb();
    const trigger = `kw_test_import_fail_${randomBytes(4).toString("hex")}`;
    await db.execute(
      sql.raw(`create or replace function ${trigger}() returns trigger language plpgsql as $$
        begin raise exception 'simulierter Abbruch beim Import (Test)'; end $$`),
    );
    await db.execute(
      sql.raw(`create trigger ${trigger} before insert on measures for each row
        when (new.municipality_id = '${town.municipality.id}'::uuid) execute function ${trigger}()`),
    );
    try {
      const here = await countContent(town.municipality.id);
      const titles = (await listConcepts({ municipalityId: town.municipality.id })).map((c) => c.title);
      const error = await importConcept(town.editor, { municipalityId: town.municipality.id, data: original }).catch((e: unknown) => e);
      expect(String((error as Error).cause ?? error)).toContain("simulierter Abbruch beim Import (Test)");
      // The trigger fired, so the concept, fields, sections and sub-goals had been inserted before.
      expect(await countContent(town.municipality.id)).toEqual(here);
      expect((await listConcepts({ municipalityId: town.municipality.id })).map((c) => c.title)).toEqual(titles);
    } finally {
      await db.execute(sql.raw(`drop trigger if exists ${trigger} on measures`));
      await db.execute(sql.raw(`drop function if exists ${trigger}()`));
    }
    // Without the trigger the same import goes through (the failure was the trigger, not the data).
    const before = await countContent(town.municipality.id);
    await importConcept(town.editor, { municipalityId: town.municipality.id, data: original });
    expect((await countContent(town.municipality.id)).measures).toBe(before.measures + original.measures.length);
  });

  it("whose text contains a lone surrogate is refused with a German message naming the place", async () => {
    const data = corrupt((b) => {
      b.sections[b.sections.length - 1].content = doc(p("Kaputt \ud800 kopiert"));
    });
    await expect(importConcept(town.editor, { municipalityId: town.municipality.id, data })).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringMatching(/^Die Sicherung kann nicht importiert werden\. sections\.\d+/),
    });
  });

  it("is held to the forms' text rule outside the rich text: a control character or an invisible-only title is refused, a paste in the text is not", async () => {
    const before = await countContent(town.municipality.id);
    const refusals: [string, (b: Record<string, any>) => void, RegExp][] = [
      ["the title", (b) => void (b.concept.title = "Titel\u0007BEL"), /^Die Sicherung kann nicht importiert werden\. concept\.title: Diese Angabe enthält ein unzulässiges Steuerzeichen/],
      ["a measure's title", (b) => void (b.measures[0].title = "M\u0007 Titel"), /measures\.0\.title: Diese Angabe enthält ein unzulässiges Steuerzeichen/],
      ["a measure's lead office", (b) => void (b.measures[0].leadOffice = "\u001b[31mrot"), /measures\.0\.leadOffice: Diese Angabe/],
      ["a title of zero-width spaces", (b) => void (b.concept.title = "\u200b\u200b\u200b"), /concept\.title: Diese Angabe .* nur unsichtbare Zeichen/],
    ];
    for (const [what, change, message] of refusals) {
      await expect(importConcept(town.editor, { municipalityId: town.municipality.id, data: corrupt(change) }), what).rejects.toMatchObject({ code: "bad_request", message: expect.stringMatching(message) });
    }
    expect(await countContent(town.municipality.id)).toEqual(before);
    // A vertical tab pasted into the rich text is stored, as in the editor.
    await importConcept(town.editor, { municipalityId: town.municipality.id, data: corrupt((b) => void (b.sections[0].content = doc(p("Aus Word\u000bkopiert")))) });
  });
});
