/**
 * A logo never breaks the PDF export (issue 10, finding 11): a logo stored
 * before today's upload checks, or one Typst cannot draw, is left out, the
 * PDF still comes, and the answer says the logo is missing.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db";
import { saveLogo } from "@/db/queries/logos";
import { exportConceptPdf } from "@/lib/pdf/export";
import { populatedTown, type Ids, type Town } from "../support/scenario";

let town: Town;
let ids: Ids;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-logo-export-"));
beforeAll(async () => {
  ({ town, ids } = await populatedTown("Wappenhausen"));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await closeDb();
});

// A valid 1×1 PNG, and the same with one byte of its image data changed (the chunk's checksum no longer matches).
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000b49444154780163f80f040009fb03fdcf0b68720000000049454e44ae426082",
  "hex",
);
const CORRUPT = Buffer.from(PNG);
CORRUPT.writeUInt8(CORRUPT.readUInt8(CORRUPT.length - 18) ^ 0xff, CORRUPT.length - 18);
let BILLION = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><path id="a0" d="M0 0h1"/>';
for (let i = 1; i <= 24; i++) BILLION += `<g id="a${i}"><use href="#a${i - 1}"/><use href="#a${i - 1}"/></g>`;
BILLION += '</defs><use href="#a24"/></svg>';

/** Store a logo directly, as an older version of the app (or a restored backup) might have. */
const store = (mediaType: string, bytes: Buffer) => saveLogo({ municipalityId: ids.municipalityId, mediaType, bytes, userId: town.admin.id });

async function exportAndRead(name: string) {
  const result = await exportConceptPdf(town.viewer, ids.conceptId);
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, result.pdf);
  // pdfimages lists an alpha channel as a second row of type "smask": count the pictures.
  const images = execFileSync("pdfimages", ["-list", file], { encoding: "utf8" })
    .trim()
    .split("\n")
    .slice(2)
    .filter((row) => row.trim().split(/\s+/)[2] === "image");
  const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
  return { result, images, text };
}

describe("a stored logo in the PDF export", () => {
  it("a good logo is on the cover", async () => {
    await store("image/png", PNG);
    const { result, images, text } = await exportAndRead("good");
    expect(result.logoOmitted).toBe(false);
    expect(images).toHaveLength(1);
    expect(text).toContain("Integrationskonzept Wappenhausen");
  }, 120_000);

  it.each([
    ["a PNG with a corrupt chunk", "image/png", CORRUPT],
    ["an SVG whose <use> chain doubles 24 times", "image/svg+xml", Buffer.from(BILLION)],
    // Passes the upload check (it is a PNG) but is handed to Typst as SVG, which cannot read it.
    ["a logo Typst cannot draw", "image/svg+xml", PNG],
  ])("%s is left out, the PDF still comes, and says so", async (_name, mediaType, bytes) => {
    await store(mediaType, bytes);
    const { result, images, text } = await exportAndRead(mediaType.replace("/", "-"));
    expect(result.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(result.logoOmitted).toBe(true);
    expect(images).toHaveLength(0);
    expect(text).toContain("Integrationskonzept Wappenhausen");
  }, 120_000);
});
