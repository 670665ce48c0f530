/** The Synopse PDF of the demo history, read back with poppler the way a council's document system sees it. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { insertSeedConcept, insertSeedHistory } from "@/lib/demo/seed";
import { musterstadtConcept } from "@/lib/demo/seed-data/musterstadt";
import { exportSynopsePdf } from "@/lib/versions/synopse-export";
import { makeMunicipality } from "../support/fixtures";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-synopse-"));
const run = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

let town: Awaited<ReturnType<typeof makeMunicipality>>;
let conceptId: string;
let file: string;
let result: Awaited<ReturnType<typeof exportSynopsePdf>>;

beforeAll(async () => {
  town = await makeMunicipality("Synopsestadt");
  const concept = await insertSeedConcept(await getDb(), { municipalityId: town.municipality.id, userId: town.editor.id, seed: musterstadtConcept });
  await insertSeedHistory(await getDb(), { concept, editorId: town.editor.id, adminId: town.admin.id });
  conceptId = concept.id;
  result = await exportSynopsePdf(town.reviewer, { conceptId, from: "1", to: "2" });
  file = path.join(dir, "synopse.pdf");
  fs.writeFileSync(file, result.pdf);
}, 120_000);
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await closeDb();
});

describe("the Synopse PDF", () => {
  it("contains the old and the new wording of a changed sentence, and the removed measure", () => {
    // Without -layout and with hyphenation and line breaks undone, sentences read as written.
    const text = run("pdftotext", file, "-").replace(/\u00ad\s*/g, "").replace(/\s+/g, " ");
    expect(text).toContain("31. Dezember 2029");
    expect(text).toContain("31. Dezember 2030");
    expect(text).toMatch(/Etwa die Hälfte/);
    expect(text).toMatch(/Nur 52\s*%/);
    expect(text).toContain("Sprachpatenschaften im Ehrenamt");
    expect(text).toContain("Bisherige Fassung: Version 1: Erster Entwurf für die Ressortabstimmung");
    expect(text).toContain("Neue Fassung: Version 2: Status: Ressortabstimmung");
    expect(text).toContain("1 Anlass und Auftrag");
    expect(text).toMatch(/Seite 1 von \d+/);
  });

  it("puts the old wording in the left column and the new in the right", () => {
    const line = run("pdftotext", "-layout", file, "-")
      .split("\n")
      .find((l) => l.includes("2029") && l.includes("2030"));
    // Row-aligned columns: the changed sentence's old and new wording share a line, the old year first.
    expect(line, "a -layout line with both 2029 and 2030").toBeDefined();
    expect(line!.indexOf("2029")).toBeLessThan(line!.indexOf("2030"));
    const bbox = run("pdftotext", "-bbox", file, "-");
    const x = (word: string) => Number(new RegExp(`xMin="([\\d.]+)"[^>]*>${word}[.,;]?<`).exec(bbox)?.[1]);
    expect(x("2029")).toBeLessThan(x("2030"));
    expect(x("2030")).toBeGreaterThan(400); // landscape A4 is 842 pt wide: the right column
  });

  it("is a tagged, German, landscape PDF with its title and embedded fonts", () => {
    const info = run("pdfinfo", file);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Synopse: Integrationskonzept der Stadt Musterstadt 2026–2030/);
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts/);
    expect(result.standard).toBe("ua-1");
    const fonts = run("pdffonts", file).split("\n").slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    // columns: name type encoding emb sub uni object ID — every font embedded, subset and with a ToUnicode map
    for (const f of fonts) expect(f, f).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
    expect(JSON.stringify(JSON.parse(run("qpdf", "--json", "--json-key=qpdf", file)))).toMatch(/"\/Lang":\s*"u:de/);
  });

  it("names the file after the municipality and both states; another municipality gets 404", async () => {
    expect(result.fileName.ascii).toMatch(/^Synopse_Synopsestadt-[A-Za-z0-9-]+_v1-v2_\d{4}-\d{2}-\d{2}\.pdf$/);
    const other = await makeMunicipality("Fremdstadt");
    await expect(exportSynopsePdf(other.admin, { conceptId, from: "1", to: "2" })).rejects.toMatchObject({ code: "not_found" });
    await expect(exportSynopsePdf(town.viewer, { conceptId, from: "1", to: "1" })).rejects.toMatchObject({ code: "bad_request" });
  });
});
