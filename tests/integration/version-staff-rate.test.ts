/**
 * A version is costed with the personnel cost rate it was made with: the PDF of an adopted concept shows the figures
 * the council adopted, whatever rate the municipality sets later. Versions made before the rate was kept with them
 * are costed with today's rate, and their PDF says so.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { insertSeedConcept } from "@/lib/demo/seed";
import { musterstadtConcept } from "@/lib/demo/seed-data/musterstadt";
import { changeStaffCostRate } from "@/lib/funding/service";
import { exportConceptPdf, loadPdfModel } from "@/lib/pdf/export";
import { createVersion } from "@/lib/versions/service";
import { makeMunicipality } from "../support/fixtures";

let town: Awaited<ReturnType<typeof makeMunicipality>>;
let conceptId: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-version-rate-"));

beforeAll(async () => {
  town = await makeMunicipality("Satzstadt");
  conceptId = (await insertSeedConcept(await getDb(), { municipalityId: town.municipality.id, userId: town.editor.id, seed: musterstadtConcept })).id;
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await closeDb();
});

/** Chapter 7 of the PDF model: its notes (the rate line among them) and the plan's yearly total cost (the table by field's sum). */
async function fundingOf(version: number | null) {
  const { model } = await loadPdfModel(town.viewer, conceptId, { version });
  const funding = model.chapters.find((c) => c.key === "funding")!.funding!;
  const byField = funding.tables.find((t) => t.id === "handlungsfeld")!;
  const header = byField.columns.findIndex((c) => c.label === "Gesamtkosten pro Jahr");
  expect(header).toBeGreaterThan(0);
  return { notes: funding.notes.join("\n").replace(/[^\S\n]/g, " "), total: byField.rows.find((r) => r.total)!.cells[header] };
}

describe("the personnel cost rate of a version", () => {
  it("a version keeps the rate it was made with; the draft uses today's", async () => {
    await changeStaffCostRate(town.admin, { municipalityId: town.municipality.id, cents: 7_000_000 });
    expect(await createVersion(town.editor, { conceptId, label: "Ratsvorlage" })).toEqual({ number: 1 });
    const before = await fundingOf(1);
    await changeStaffCostRate(town.admin, { municipalityId: town.municipality.id, cents: 9_000_000 });

    const version = await fundingOf(1);
    const draft = await fundingOf(null);
    expect(version.notes).toContain("Personalkostensatz: 70.000 € pro VZÄ und Jahr.");
    expect(version.notes).not.toContain("ist der heutige");
    expect(version.total).toBe(before.total);
    expect(draft.notes).toContain("Personalkostensatz: 90.000 € pro VZÄ und Jahr.");
    // The demo concept has staff in its plan, so a higher rate means a higher total.
    expect(draft.total).not.toBe(version.total);
  });

  it("the version's PDF, read back, names the rate it was made with", async () => {
    const file = path.join(dir, "v1.pdf");
    fs.writeFileSync(file, (await exportConceptPdf(town.viewer, conceptId, { version: 1 })).pdf);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(text.match(/Personalkostensatz: [\d.]+ € pro VZÄ und Jahr\S*/g)).toEqual(["Personalkostensatz: 70.000 € pro VZÄ und Jahr."]);
  });

  it("a version without a kept rate (made before it was kept) uses today's, and says so", async () => {
    // Such a row, as migration 0023 leaves older versions: a copy of version 1 without its rate.
    const db = await getDb();
    await db.execute(sql`
      with v as (
        insert into concept_versions (concept_id, municipality_id, number, label, kind, status, hashes, created_by)
        select concept_id, municipality_id, 2, 'Ältere Version', kind, status, hashes, created_by from concept_versions
        where concept_id = ${conceptId} and number = 1
        returning id
      )
      insert into concept_version_snapshots (version_id, snapshot, ids)
      select v.id, s.snapshot, s.ids from v, concept_version_snapshots s
      join concept_versions o on o.id = s.version_id where o.concept_id = ${conceptId} and o.number = 1`);
    const old = await fundingOf(2);
    expect(old.notes).toContain("Personalkostensatz: 90.000 € pro VZÄ und Jahr.\nDer Personalkostensatz ist der heutige: Mit dieser Version wurde der damals geltende Satz nicht gespeichert.");
    expect(old.total).toBe((await fundingOf(null)).total);
  });

  it("a municipality without a rate of its own: the version keeps 'the default', not a number", async () => {
    await changeStaffCostRate(town.admin, { municipalityId: town.municipality.id, cents: null });
    expect(await createVersion(town.editor, { conceptId, label: "Mit Voreinstellung" })).toEqual({ number: 3 });
    await changeStaffCostRate(town.admin, { municipalityId: town.municipality.id, cents: 5_000_000 });
    const version = await fundingOf(3);
    expect(version.notes).toContain("Personalkostensatz: 80.000 € pro VZÄ und Jahr (Voreinstellung;");
    expect((await fundingOf(null)).notes).toContain("Personalkostensatz: 50.000 € pro VZÄ und Jahr.");
  });
});
