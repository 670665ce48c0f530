/**
 * Template 1 and template 2 side by side: the demo concept on template 1 and
 * the same concept on template 2 with an introduction to the fields of action.
 * Every reader goes through the concept's own template: the page's data and
 * outline, the PDF (read back with pdftotext), the DOCX, the check, review
 * rounds, realtime, the backup, versions and their comparison; a Fortschreibung
 * moves a template-1 concept to template 2.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { closeDb, getDb } from "@/db";
import { getConceptTree } from "@/db/queries/concepts";
import { auditLog } from "@/db/schema";
import { insertSeedConcept } from "@/lib/demo/seed";
import { musterstadtConcept } from "@/lib/demo/seed-data/musterstadt";
import { readCheck } from "@/lib/check/service";
import { createConcept } from "@/lib/concepts/create";
import { exportConcept, importConcept, readConcept } from "@/lib/concepts/exchange";
import { buildOutline, outlineCounts } from "@/lib/concepts/outline";
import { saveSectionText } from "@/lib/concepts/sections";
import { doc, p } from "@/lib/editor/build";
import { plainText } from "@/lib/editor/document";
import { exportConceptOffice } from "@/lib/export/office";
import { importFile } from "@/lib/import/service";
import { exportConceptPdf, loadPdfModel } from "@/lib/pdf/export";
import { loadSectionState } from "@/lib/realtime/store";
import { roundTargets } from "@/lib/review/rounds";
import { compareVersions } from "@/lib/versions/compare";
import { changeStatus, restoreVersion } from "@/lib/versions/service";
import { makeMunicipality } from "../support/fixtures";

const INTRO = "Die sechs Handlungsfelder hängen zusammen: Sprache öffnet den Weg zu Arbeit, Bildung und Teilhabe.";
const INTRO_TITLE = "Einführung in die Handlungsfelder";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-template-"));

let town: Awaited<ReturnType<typeof makeMunicipality>>;
let v1: string;
let v2: string;

const intro = async (conceptId: string) => (await getConceptTree({ conceptId })).sections.find((s) => s.chapter === "fields" && s.fieldId === null);
// Soft hyphens and the bidi isolates around user text (⁨…⁩) out, whitespace squashed: the text as read.
const squash = (s: string) => s.replace(/\u00ad\s*/g, "").replace(/[\u2066-\u2069]/g, "").replace(/\s+/g, " ");

async function pdfText(conceptId: string) {
  const file = path.join(dir, `${conceptId}.pdf`);
  fs.writeFileSync(file, (await exportConceptPdf(town.viewer, conceptId)).pdf);
  return squash(execFileSync("pdftotext", [file, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }));
}

async function docxText(conceptId: string) {
  const { bytes } = await exportConceptOffice(town.viewer, conceptId, "docx");
  const xml = strFromU8(unzipSync(bytes)["word/document.xml"]!);
  return squash(xml.replace(/<\/w:p>/g, "\n").replace(/<[^>]+>/g, ""));
}

beforeAll(async () => {
  town = await makeMunicipality("Vorlagenstadt");
  const db = await getDb();
  v1 = (await insertSeedConcept(db, { municipalityId: town.municipality.id, userId: town.editor.id, seed: musterstadtConcept })).id;
  const withIntro = { ...musterstadtConcept, title: "Integrationskonzept Vorlage 2", chapters: { ...musterstadtConcept.chapters, fields: doc(p(INTRO)) } };
  v2 = (await insertSeedConcept(db, { municipalityId: town.municipality.id, userId: town.editor.id, seed: withIntro, templateVersion: 2 })).id;
}, 60_000);
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await closeDb();
});

describe("a new concept", () => {
  it("gets template 2 with an empty introduction to the fields of action, which the check asks for and realtime can open", async () => {
    const concept = await createConcept(town.editor, { municipalityId: town.municipality.id, title: "Neues Konzept nach Vorlage 2" });
    expect(concept.templateVersion).toBe(2);
    const part = await intro(concept.id);
    expect(part).toMatchObject({ part: "intro", textLength: 0 });
    expect(await loadSectionState(part!.id)).toMatchObject({ conceptId: concept.id });
    const check = await readCheck(town.viewer, concept.id);
    expect(check.findings.map((f) => f.message)).toContain(`Kapitel 5 „Handlungsfelder“, Teil „${INTRO_TITLE}“ ist leer.`);
    expect(await saveSectionText(town.editor, { conceptId: concept.id, sectionId: part!.id, baseRevision: part!.revision, content: doc(p(INTRO)) })).toMatchObject({ status: "saved" });
    expect((await readCheck(town.viewer, concept.id)).findings.some((f) => f.key === "kapitel-leer:fields:intro")).toBe(false);
  });
});

describe("template 1 beside template 2", () => {
  it("the page's data and outline: only the template-2 concept has the introduction", async () => {
    expect((await readConcept(town.viewer, v1)).chapters.fields).toBeUndefined();
    const read = await readConcept(town.viewer, v2);
    expect(plainText(read.chapters.fields!.intro!.content)).toBe(INTRO);
    const tree1 = await getConceptTree({ conceptId: v1 });
    const tree2 = await getConceptTree({ conceptId: v2 });
    expect(tree2.sections.length).toBe(tree1.sections.length + 1);
    // The demo's introduction is written, so template 2's chapter Handlungsfelder is as far as template 1's.
    const fieldsState = (t: typeof tree1, version: number) => buildOutline({ templateVersion: version, ...outlineCounts(t) }).entries.find((e) => e.key === "fields")!.state;
    expect(fieldsState(tree2, 2)).toBe(fieldsState(tree1, 1));
  });

  it("the PDF: the introduction stands under „5 Handlungsfelder“ before „5.1 Sprache“; template 1 prints no such part", async () => {
    const model1 = (await loadPdfModel(town.viewer, v1)).model;
    const model2 = (await loadPdfModel(town.viewer, v2)).model;
    expect(model1.chapters.find((c) => c.key === "fields")!.parts).toEqual([]);
    expect(model2.chapters.find((c) => c.key === "fields")!.parts).toHaveLength(1);
    // Apart from the introduction (and the title), the two documents are the same.
    const strip = (m: typeof model1) => ({ ...m, meta: { ...m.meta, title: "" }, chapters: m.chapters.map((c) => ({ ...c, parts: c.key === "fields" ? [] : c.parts })) });
    expect(strip(model2).chapters).toEqual(strip(model1).chapters);

    const text = await pdfText(v2);
    const introAt = text.indexOf(INTRO.slice(0, 40));
    const chapter = text.lastIndexOf("5 Handlungsfelder", introAt);
    expect(chapter).toBeGreaterThan(0);
    expect(introAt - chapter).toBeLessThan(40);
    expect(text.indexOf("5.1 Sprache", chapter)).toBeGreaterThan(introAt);
    expect(await pdfText(v1)).not.toContain(INTRO.slice(0, 40));
  }, 120_000);

  it("the DOCX: the same introduction in the same place; none in template 1", async () => {
    const text = await docxText(v2);
    const introAt = text.indexOf(INTRO);
    expect(introAt).toBeGreaterThan(text.lastIndexOf("5 Handlungsfelder", introAt));
    expect(text.indexOf("5.1 Sprache", introAt)).toBeGreaterThan(introAt);
    expect(await docxText(v1)).not.toContain(INTRO);
  });

  it("the DOCX imported again: the introduction comes back as the introduction", async () => {
    const file = await exportConceptOffice(town.editor, v2, "docx");
    const result = await importFile(town.editor, { municipalityId: town.municipality.id, fileName: file.fileName.utf8, bytes: file.bytes, mapping: "auto" });
    if (result.kind !== "created") throw new Error("expected a new concept");
    expect(result.report).toMatchObject({ unplaced: [] });
    expect(plainText((await intro(result.id))!.content)).toBe(INTRO);
  });

  it("the check and the review rounds go by the concept's template", async () => {
    expect((await readCheck(town.viewer, v1)).findings.some((f) => f.key.startsWith("kapitel-leer:fields:"))).toBe(false);
    expect((await readCheck(town.viewer, v2)).findings.some((f) => f.key.startsWith("kapitel-leer:fields:"))).toBe(false);
    const [c1, c2] = await Promise.all([v1, v2].map(async (id) => (await getDb()).query.concepts.findFirst({ where: (c, { eq }) => eq(c.id, id) })));
    expect((await roundTargets(c1!)).some((t) => t.key === "fields")).toBe(false);
    expect((await roundTargets(c2!)).find((t) => t.key === "fields")).toMatchObject({ chapter: "fields", fieldKey: null, title: INTRO_TITLE });
  });

  it("a backup keeps its template: template 1 comes back as template 1, template 2 with its introduction", async () => {
    const backup1 = await exportConcept(town.viewer, v1);
    expect(backup1.concept.templateVersion).toBe(1);
    expect(backup1.sections.some((s) => s.chapter === "fields" && s.fieldKey === null)).toBe(false);
    const copy1 = await importConcept(town.admin, { municipalityId: town.municipality.id, data: backup1 });
    expect((await readConcept(town.viewer, copy1)).templateVersion).toBe(1);
    expect(await intro(copy1)).toBeUndefined();

    const backup2 = await exportConcept(town.viewer, v2);
    const copy2 = await importConcept(town.admin, { municipalityId: town.municipality.id, data: backup2 });
    expect(plainText((await intro(copy2))!.content)).toBe(INTRO);

    // A template-1 backup cannot carry an introduction: template 1 has none.
    const forged = { ...backup1, sections: [...backup1.sections, { chapter: "fields", part: "intro", fieldKey: null, content: doc(p(INTRO)), revision: 1 }] };
    const refused = await importConcept(town.admin, { municipalityId: town.municipality.id, data: forged }).catch((e: Error) => e.message);
    expect(refused).toMatch(/„Handlungsfelder“ hat in Vorlage 1 keinen Textabschnitt „intro“/);
  });
});

describe("a Fortschreibung moves a template-1 concept to template 2", () => {
  let adopted: number;

  beforeAll(async () => {
    for (const status of ["interdepartmental", "participation", "council_proposal"] as const) await changeStatus(town.admin, { conceptId: v1, status });
    adopted = (await changeStatus(town.admin, { conceptId: v1, status: "adopted", decisionDate: "2026-03-18", decisionReference: "Drucksache 0815/2026" })).number;
  }, 60_000);

  it("the new draft is on template 2 with an empty introduction, everything else as adopted; the log names the move", async () => {
    const before = await getConceptTree({ conceptId: v1 });
    const update = await changeStatus(town.admin, { conceptId: v1, status: "draft" });
    expect(update).toMatchObject({ templateVersion: 2, movedFrom: 1 });
    const after = await getConceptTree({ conceptId: v1 });
    expect(after.sections.length).toBe(before.sections.length + 1);
    expect((await intro(v1))!.textLength).toBe(0);
    const text = (t: typeof before) => t.sections.filter((s) => s.part !== "intro").map((s) => `${s.chapter}/${s.part}/${s.fieldId}:${JSON.stringify(s.content)}`).sort();
    expect(text(after)).toEqual(text(before));
    const [entry] = await (await getDb())
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.conceptId, v1), eq(auditLog.action, "concept.update_started")));
    expect(entry!.details).toMatchObject({ templateFrom: 1, templateTo: 2 });
    expect((await loadPdfModel(town.viewer, v1)).model.chapters.find((c) => c.key === "fields")!.parts).toHaveLength(1);
    // The adopted version itself still prints under template 1.
    expect((await loadPdfModel(town.viewer, v1, { version: adopted })).model.chapters.find((c) => c.key === "fields")!.parts).toEqual([]);
  });

  it("the comparison with the adopted version shows the introduction as added; restoring that version empties it again", async () => {
    const part = (await intro(v1))!;
    await saveSectionText(town.editor, { conceptId: v1, sectionId: part.id, baseRevision: part.revision, content: doc(p(INTRO)) });
    const { comparison } = await compareVersions(town.viewer, { conceptId: v1, from: String(adopted), to: "draft" });
    expect(comparison.sections.find((s) => s.partTitle === INTRO_TITLE)).toMatchObject({ state: "added", group: { key: "chapter:fields", number: "5" } });
    expect(comparison.sections.filter((s) => s.state !== "unchanged").map((s) => s.partTitle)).toEqual([INTRO_TITLE]);

    await restoreVersion(town.admin, { conceptId: v1, number: adopted });
    expect(plainText((await intro(v1))!.content)).toBe("");
    expect((await readConcept(town.viewer, v1)).templateVersion).toBe(2);
  });
});
