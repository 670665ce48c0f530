/**
 * The nesting limit end to end (issue 10): a part nested 12 levels deep, the
 * most the editor allows (lib/editor/nesting.ts), mixing every kind of level
 * (lists inside quotes inside tables inside lists …), and a measure whose
 * description is nested 11 levels are saved, printed in the concept PDF and
 * compared in the Synopse of two versions; both PDFs are read back with
 * poppler, where the deepest text must be found. One level more is refused.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { JSONContent } from "@tiptap/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db";
import { getConceptTree } from "@/db/queries/concepts";
import { getSection } from "@/db/queries/sections";
import { createConcept } from "@/lib/concepts/create";
import { saveSectionText } from "@/lib/concepts/sections";
import { doc, p } from "@/lib/editor/build";
import { checkNesting, MAX_NESTING } from "@/lib/editor/nesting";
import { createMeasure } from "@/lib/measures/service";
import { exportConceptPdf } from "@/lib/pdf/export";
import { createVersion } from "@/lib/versions/service";
import { exportSynopsePdf } from "@/lib/versions/synopse-export";
import { makeMunicipality } from "../support/fixtures";

const KINDS = ["bulletList", "blockquote", "table", "orderedList"] as const;

/**
 * `levels` levels inside each other, the kinds taken in turn; every level has
 * a paragraph "Ebene n", the last one `deepest` as well.
 */
function mixed(levels: number, deepest: string): JSONContent {
  let inner: JSONContent[] = [p(`Ebene ${levels}`), p(deepest)];
  for (let level = levels; level >= 1; level--) {
    const kind = KINDS[(level - 1) % KINDS.length]!;
    const body = level === levels ? inner : [p(`Ebene ${level}`), ...inner];
    const node: JSONContent =
      kind === "blockquote"
        ? { type: "blockquote", content: body }
        : kind === "table"
          ? { type: "table", content: [{ type: "tableRow", content: [{ type: "tableCell", content: body }] }] }
          : { type: kind, content: [{ type: "listItem", content: body }] };
    inner = [node];
  }
  return doc(p("Vor der Gliederung."), ...inner, p("Nach der Gliederung."));
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-nesting-"));
/** The PDF's text as a reader finds it: line breaks and hyphenation undone. */
function pdfText(name: string, pdf: Uint8Array) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, pdf);
  return execFileSync("pdftotext", [file, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
    .replace(/\u00ad\s*/g, "")
    .replace(/\s+/g, " ");
}

let town: Awaited<ReturnType<typeof makeMunicipality>>;
let conceptId: string;
let sectionId: string;

beforeAll(async () => {
  town = await makeMunicipality("Tiefenstadt");
  const concept = await createConcept(town.editor, { municipalityId: town.municipality.id, title: "Konzept mit tiefer Gliederung" });
  conceptId = concept.id;
  const tree = await getConceptTree({ conceptId });
  sectionId = tree.sections.find((s) => s.chapter === "mandate" && s.fieldId === null)!.id;
  const language = tree.fields.find((f) => f.key === "language")!;

  const first = await saveSectionText(town.editor, { conceptId, sectionId, baseRevision: 0, content: mixed(MAX_NESTING, "Tiefste Zeile Alt") });
  expect(first.status).toBe("saved");
  await createMeasure(town.editor, {
    conceptId,
    fieldId: language.id,
    title: "Lotsenprogramm",
    taskType: "voluntary",
    subGoalIds: [],
    description: mixed(MAX_NESTING - 1, "Tiefste Zeile Lotsen"),
  });
  await createVersion(town.editor, { conceptId, label: "Fassung mit zwölf Ebenen" });
  const section = await getSection({ sectionId });
  const second = await saveSectionText(town.editor, { conceptId, sectionId, baseRevision: section!.revision, content: mixed(MAX_NESTING, "Tiefste Zeile Neu") });
  expect(second.status).toBe("saved");
}, 120_000);
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await closeDb();
});

describe("12 levels of mixed nesting", () => {
  it("are what the test says: 12 levels of lists, quotes and tables, all four kinds", () => {
    expect(MAX_NESTING).toBe(12);
    expect(checkNesting(mixed(12, "x"))).toEqual({ ok: true, levels: 12 });
    const kinds = new Set(JSON.stringify(mixed(12, "x")).match(/"(bulletList|orderedList|blockquote|table)"/g));
    expect(kinds.size).toBe(4);
  });

  it("are saved as written, and one level more is refused in German", async () => {
    const section = await getSection({ sectionId });
    expect(checkNesting(section!.content)).toEqual({ ok: true, levels: 12 });
    expect(JSON.stringify(section!.content)).toContain("Tiefste Zeile Neu");
    await expect(saveSectionText(town.editor, { conceptId, sectionId, baseRevision: section!.revision, content: mixed(MAX_NESTING + 1, "zu tief") })).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringMatching(/^Der Text ist zu tief verschachtelt \(höchstens 12 Ebenen/),
    });
  });

  it("print in the concept PDF, down to the deepest line of the part and of the measure description", async () => {
    const result = await exportConceptPdf(town.viewer, conceptId);
    const text = pdfText("konzept.pdf", result.pdf);
    expect(text).toContain("Vor der Gliederung.");
    for (let level = 1; level <= 12; level++) expect(text).toContain(`Ebene ${level}`);
    expect(text).toContain("Tiefste Zeile Neu");
    expect(text).toContain("Nach der Gliederung.");
    expect(text).toContain("Lotsenprogramm");
    expect(text).toContain("Tiefste Zeile Lotsen");
  });

  it("are compared in the Synopse of version 1 and the draft: the old deepest line and the new one", async () => {
    const result = await exportSynopsePdf(town.reviewer, { conceptId, from: "1", to: "draft" });
    const text = pdfText("synopse.pdf", result.pdf);
    expect(text).toContain("Tiefste Zeile Alt");
    expect(text).toContain("Tiefste Zeile Neu");
    expect(text).toContain("Ebene 12");
  });
});
