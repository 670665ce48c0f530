/**
 * Open proposals (issue 13) in the office exports: the DOCX with
 * `?suggestions=1` carries them as Word tracked changes (w:ins / w:del with the
 * proposer's name and time), read back from the zip and opened by LibreOffice
 * headless, which must see them as tracked changes too; without the parameter
 * the text stands without them. The ODT prints the text without proposals and
 * lists them in the annex. Only next-auth's cookie decoding is replaced.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ id: null as string | null }));
vi.mock("@/auth", () => ({ auth: async () => (session.id ? { sessionId: session.id, user: { id: "test" } } : null) }));

import type { JSONContent } from "@tiptap/core";
import { strFromU8, unzipSync } from "fflate";
import { GET as docxRoute } from "@/app/api/concepts/[conceptId]/export.docx/route";
import { GET as odtRoute } from "@/app/api/concepts/[conceptId]/export.odt/route";
import { closeDb } from "@/db";
import { getConceptTree } from "@/db/queries/concepts";
import { createConcept } from "@/lib/concepts/create";
import { saveSectionText } from "@/lib/concepts/sections";
import { doc, p } from "@/lib/editor/build";
import { signIn } from "../support/data";
import { makeMunicipality } from "../support/fixtures";

let town: Awaited<ReturnType<typeof makeMunicipality>>;
let conceptId: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-office-sugg-"));

const mark = (type: "insertion" | "deletion", text: string, id: string, author: string, at?: string): JSONContent => ({
  type: "text",
  text,
  marks: [{ type, attrs: { id, author, ...(at ? { at } : {}) } }],
});

beforeAll(async () => {
  town = await makeMunicipality("Spurstadt");
  const concept = await createConcept(town.editor, { municipalityId: town.municipality.id, title: "Mit Vorschlägen" });
  conceptId = concept.id;
  const mandate = (await getConceptTree({ conceptId })).sections.find((s) => s.chapter === "mandate" && s.fieldId === null)!;
  const content = doc(
    p("Der Rat", mark("insertion", " der Stadt", "ins1", town.reviewer.id, "2026-12-01T10:00:00.000Z"), " hat das Konzept ", mark("deletion", "einstimmig ", "del1", town.admin.id, "2026-12-02T09:30:00.000Z"), "beauftragt."),
  );
  expect((await saveSectionText(town.editor, { conceptId, sectionId: mandate.id, baseRevision: 0, content })).status).toBe("saved");
  session.id = await signIn(town.viewer);
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await closeDb();
});

async function download(format: "docx" | "odt", query = "") {
  const route = format === "docx" ? docxRoute : odtRoute;
  const res = await route(new Request(`http://localhost/api/concepts/${conceptId}/export.${format}${query}`), { params: Promise.resolve({ conceptId }) });
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}
const entry = (bytes: Uint8Array, name: string) => strFromU8(unzipSync(bytes)[name]!);
const squash = (s: string) => s.replace(/<[^>]+>/g, "").replace(/\s+/g, " ");

describe("the DOCX with ?suggestions=1", () => {
  it("writes each open proposal as a tracked change with the person's name and time", async () => {
    const xml = entry(await download("docx", "?suggestions=1"), "word/document.xml");
    const ins = [...xml.matchAll(/<w:ins\b([^>]*)>([\s\S]*?)<\/w:ins>/g)];
    const del = [...xml.matchAll(/<w:del\b([^>]*)>([\s\S]*?)<\/w:del>/g)];
    expect(ins).toHaveLength(1);
    expect(del).toHaveLength(1);
    expect(ins[0]![1]).toContain(`w:author="${town.reviewer.name}"`);
    expect(ins[0]![1]).toContain('w:date="2026-12-01T10:00:00Z"');
    expect(ins[0]![2]).toMatch(/<w:t[^>]*> der Stadt<\/w:t>/);
    expect(del[0]![1]).toContain(`w:author="${town.admin.name}"`);
    expect(del[0]![2]).toMatch(/<w:delText[^>]*>einstimmig <\/w:delText>/);
    // Distinct revision ids, as Word requires.
    const ids = [...ins, ...del].map((m) => /w:id="(\d+)"/.exec(m[1]!)![1]);
    expect(new Set(ids).size).toBe(2);
    // No annex: the proposals are in the text.
    expect(squash(xml)).not.toContain("Offene Änderungsvorschläge");
  });

  it("is read by LibreOffice as tracked changes (converted to ODT: an insertion and a deletion with their authors)", async () => {
    const file = path.join(dir, "vorschlaege.docx");
    fs.writeFileSync(file, await download("docx", "?suggestions=1"));
    const profile = fs.mkdtempSync(path.join(dir, "profile-"));
    execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "odt", "--outdir", dir, file], {
      env: { ...process.env, HOME: profile },
      timeout: 180_000,
      stdio: "pipe",
    });
    const content = entry(new Uint8Array(fs.readFileSync(path.join(dir, "vorschlaege.odt"))), "content.xml");
    const regions = /<text:tracked-changes[^>]*>([\s\S]*?)<\/text:tracked-changes>/.exec(content)?.[1] ?? "";
    expect(regions).toMatch(/<text:insertion>[\s\S]*?<dc:creator>[^<]*<\/dc:creator>/);
    const insertion = /<text:changed-region[^>]*>\s*<text:insertion>([\s\S]*?)<\/text:insertion>/.exec(regions)?.[1] ?? "";
    const deletion = /<text:changed-region[^>]*>\s*<text:deletion>([\s\S]*?)<\/text:deletion>/.exec(regions)?.[1] ?? "";
    expect(insertion).toContain(`<dc:creator>${town.reviewer.name}</dc:creator>`);
    expect(deletion).toContain(`<dc:creator>${town.admin.name}</dc:creator>`);
    // The deleted text lives in the change region; the inserted text stands in the body between change marks.
    expect(squash(deletion)).toContain("einstimmig");
    expect(squash(content)).toContain("Der Rat der Stadt hat das Konzept");
  }, 200_000);
});

describe("without ?suggestions=1, and the ODT", () => {
  it("the DOCX has the text without proposals and no tracked change", async () => {
    const xml = entry(await download("docx"), "word/document.xml");
    expect(xml).not.toMatch(/<w:(ins|del)\b/);
    expect(squash(xml)).toContain("Der Rat hat das Konzept einstimmig beauftragt.");
    expect(squash(xml)).not.toContain("der Stadt");
  });

  it("the ODT has the text without proposals; with ?suggestions=1 the annex lists them", async () => {
    const plain = squash(entry(await download("odt"), "content.xml"));
    expect(plain).toContain("Der Rat hat das Konzept einstimmig beauftragt.");
    expect(plain).not.toContain("der Stadt");
    const annexed = entry(await download("odt", "?suggestions=1"), "content.xml");
    expect(annexed).not.toContain("text:tracked-changes");
    const text = squash(annexed);
    expect(text).toContain("Der Rat hat das Konzept einstimmig beauftragt.");
    expect(text).toContain("Anhang: Offene Änderungsvorschläge");
    expect(text).toContain(`${town.reviewer.name} (01.12.2026): Einfügen: „ der Stadt“`);
    expect(text).toContain(`${town.admin.name} (02.12.2026): Streichen: „einstimmig “`);
  });
});
