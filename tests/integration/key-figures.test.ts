/** Key figures of the Ausgangslage (issue 14): recorded, refused, kept through a Fortschreibung, printed with their change, in the backup. */
import { execFileSync } from "node:child_process";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { auditLog, keyFigures } from "@/db/schema";
import { createConcept } from "@/lib/concepts/create";
import { exportConcept, importConcept } from "@/lib/concepts/exchange";
import { archiveConcept } from "@/lib/concepts/lifecycle";
import { exportConceptOffice } from "@/lib/export/office";
import { deleteKeyFigure, readKeyFigures, recordKeyFigure } from "@/lib/key-figures/service";
import { exportConceptPdf } from "@/lib/pdf/export";
import { changeStatus } from "@/lib/versions/service";
import { makeMunicipality } from "../support/fixtures";
import { berlinToday } from "@/lib/check/context";

let town: Awaited<ReturnType<typeof makeMunicipality>>;
let other: Awaited<ReturnType<typeof makeMunicipality>>;
beforeAll(async () => {
  town = await makeMunicipality("Kennzahlstadt");
  other = await makeMunicipality("Nachbarkreis");
});
afterAll(() => closeDb());

const FOREIGNERS = "Einwohner mit ausländischer Staatsangehörigkeit";
const QUOTA = "Arbeitslosenquote Nichtdeutsche";

async function setup() {
  const concept = await createConcept(town.editor, { municipalityId: town.municipality.id, title: `Kennzahlen ${Math.random().toString(36).slice(2, 8)}` });
  return concept.id;
}

async function stored(conceptId: string) {
  const db = await getDb();
  const rows = await db.select().from(keyFigures).where(eq(keyFigures.conceptId, conceptId));
  const audit = await db.select().from(auditLog).where(eq(auditLog.conceptId, conceptId));
  return {
    rows: rows.map((r) => `${r.name} ${r.year} ${Number(r.value)}`).sort(),
    audit: audit
      .filter((a) => a.action.startsWith("key_figure."))
      .map((a) => a.action)
      .sort(),
  };
}

const pdfText = (pdf: Uint8Array) =>
  execFileSync("pdftotext", ["-", "-"], { input: pdf, encoding: "utf8" }).replace(/[\u2068\u2069\u00ad]/g, "").replace(/\s+/g, " ");

describe("key figures", () => {
  it("are kept through a Fortschreibung, and page, PDF and DOCX show the change per figure", async () => {
    const conceptId = await setup();
    await recordKeyFigure(town.editor, { conceptId, name: FOREIGNERS, value: "1.250", unit: "Personen", year: 2024, referenceDate: "2024-12-31", source: "Melderegister" });
    await recordKeyFigure(town.admin, { conceptId, name: QUOTA, value: "12,5", unit: "%", year: 2024, source: "Bundesagentur für Arbeit" });
    for (const status of ["interdepartmental", "participation", "council_proposal"]) await changeStatus(town.admin, { conceptId, status });
    await changeStatus(town.admin, { conceptId, status: "adopted", decisionDate: "2025-03-01", decisionReference: "Ratsbeschluss 2025/0042" });
    await changeStatus(town.admin, { conceptId, status: "draft" });

    // The Fortschreibung: new values beside the old ones; the same name in another spelling joins its figure.
    await recordKeyFigure(town.editor, { conceptId, name: FOREIGNERS.toUpperCase(), value: "1410", unit: "Personen", year: 2026, source: "Melderegister" });
    await recordKeyFigure(town.editor, { conceptId, name: QUOTA, value: "10", unit: "%", year: 2026, source: "Bundesagentur für Arbeit" });

    const lines = await readKeyFigures(town.viewer, { conceptId });
    expect(lines.map((l) => [l.name, l.history.map((v) => [v.year, v.value])])).toEqual([
      [QUOTA, [[2024, 12.5], [2026, 10]]],
      [FOREIGNERS, [[2024, 1250], [2026, 1410]]],
    ]);
    expect(await stored(conceptId)).toEqual({
      rows: [`${QUOTA} 2024 12.5`, `${QUOTA} 2026 10`, `${FOREIGNERS} 2024 1250`, `${FOREIGNERS} 2026 1410`],
      audit: ["key_figure.record", "key_figure.record", "key_figure.record", "key_figure.record"],
    });

    const text = pdfText((await exportConceptPdf(town.viewer, conceptId)).pdf);
    expect(text).toContain("Kennzahlen der Ausgangslage");
    expect(text).toContain("2024: 1.250 → 2026: 1.410, +12,8 %");
    expect(text).toContain("2024: 12,5 → 2026: 10, −2,5 Prozentpunkte");
    expect(text).toContain("Melderegister");

    const docx = unzipSync((await exportConceptOffice(town.viewer, conceptId, "docx")).bytes);
    const body = strFromU8(docx["word/document.xml"]!).replace(/<[^>]+>/g, "");
    expect(body).toContain("2024: 1.250 → 2026: 1.410, +12,8 %");
    const odt = unzipSync((await exportConceptOffice(town.viewer, conceptId, "odt")).bytes);
    expect(strFromU8(odt["content.xml"]!).replace(/<[^>]+>/g, "")).toContain("2024: 12,5 → 2026: 10, −2,5 Prozentpunkte");
  });

  it("a second value for the same figure and year replaces the first; a deleted value is gone", async () => {
    const conceptId = await setup();
    const first = await recordKeyFigure(town.editor, { conceptId, name: FOREIGNERS, value: "1.200", year: 2025 });
    await recordKeyFigure(town.editor, { conceptId, name: FOREIGNERS, value: "1.250", year: 2025, source: "korrigiert" });
    expect((await stored(conceptId)).rows).toEqual([`${FOREIGNERS} 2025 1250`]);
    await deleteKeyFigure(town.admin, { conceptId, keyFigureId: first.keyFigureId });
    expect(await stored(conceptId)).toEqual({ rows: [], audit: ["key_figure.delete", "key_figure.record", "key_figure.record"] });
    await expect(deleteKeyFigure(town.admin, { conceptId, keyFigureId: first.keyFigureId })).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses bad input, readers, other municipalities and archived concepts with a German message, changing nothing", async () => {
    const conceptId = await setup();
    const { keyFigureId } = await recordKeyFigure(town.editor, { conceptId, name: FOREIGNERS, value: "1.250", year: 2024 });
    const before = await stored(conceptId);
    const tomorrow = new Date(Date.parse(`${berlinToday()}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const refusals: [() => Promise<unknown>, object][] = [
      [() => recordKeyFigure(town.editor, { conceptId, name: FOREIGNERS, value: "viele", year: 2025 }), { code: "bad_request", message: expect.stringContaining("Wert: bitte eine Zahl angeben") }],
      [() => recordKeyFigure(town.editor, { conceptId, name: "  ", value: "1", year: 2025 }), { code: "bad_request", message: expect.stringContaining("Kennzahl: bitte einen Namen angeben") }],
      [() => recordKeyFigure(town.editor, { conceptId, name: FOREIGNERS, value: "1", year: 2099 }), { code: "bad_request", message: expect.stringContaining("hat noch nicht begonnen") }],
      [() => recordKeyFigure(town.editor, { conceptId, name: FOREIGNERS, value: "1", year: 2025, referenceDate: "2024-12-31" }), { code: "bad_request", message: "Stichtag: Der Tag muss im Jahr 2025 liegen." }],
      // A day later this year: the year has begun, the day has not (on 31 December, the first of next year's January).
      [
        () => recordKeyFigure(town.editor, { conceptId, name: FOREIGNERS, value: "1", year: Number(tomorrow.slice(0, 4)), referenceDate: tomorrow }),
        { code: "bad_request", message: tomorrow.endsWith("-01-01") ? expect.stringContaining("hat noch nicht begonnen") : "Stichtag: Der Tag liegt in der Zukunft; erfasst werden festgestellte Werte." },
      ],
      [() => recordKeyFigure(town.reviewer, { conceptId, name: FOREIGNERS, value: "1", year: 2025 }), { code: "forbidden" }],
      [() => recordKeyFigure(town.viewer, { conceptId, name: FOREIGNERS, value: "1", year: 2025 }), { code: "forbidden" }],
      [() => deleteKeyFigure(town.reviewer, { conceptId, keyFigureId }), { code: "forbidden" }],
      [() => recordKeyFigure(other.admin, { conceptId, name: FOREIGNERS, value: "1", year: 2025 }), { code: "not_found" }],
      [() => deleteKeyFigure(other.admin, { conceptId, keyFigureId }), { code: "not_found" }],
      [() => readKeyFigures(other.viewer, { conceptId }), { code: "not_found" }],
    ];
    for (const [call, error] of refusals) await expect(call()).rejects.toMatchObject(error);
    expect(await stored(conceptId)).toEqual(before);

    // Another concept of the same municipality cannot delete this one's value by its id.
    const second = await setup();
    await expect(deleteKeyFigure(town.admin, { conceptId: second, keyFigureId })).rejects.toMatchObject({ code: "not_found" });

    await archiveConcept(town.admin, { conceptId });
    await expect(recordKeyFigure(town.editor, { conceptId, name: FOREIGNERS, value: "1", year: 2025 })).rejects.toMatchObject({ code: "conflict" });
    expect(await stored(conceptId)).toEqual(before);
  });

  it("go into the backup and come back with an import; a backup with a figure twice in a year is refused", async () => {
    const conceptId = await setup();
    await recordKeyFigure(town.editor, { conceptId, name: FOREIGNERS, value: "1.250", unit: "Personen", year: 2024, referenceDate: "2024-12-31", source: "Melderegister" });
    await recordKeyFigure(town.editor, { conceptId, name: FOREIGNERS, value: "1.410", unit: "Personen", year: 2026, source: "Melderegister" });
    const { exportedAt: _a, ...backup } = await exportConcept(town.viewer, conceptId);
    expect(backup.keyFigures).toEqual([
      { name: FOREIGNERS, unit: "Personen", year: 2024, referenceDate: "2024-12-31", value: 1250, source: "Melderegister" },
      { name: FOREIGNERS, unit: "Personen", year: 2026, referenceDate: null, value: 1410, source: "Melderegister" },
    ]);
    const copyId = await importConcept(town.admin, { municipalityId: town.municipality.id, data: { ...backup, exportedAt: new Date().toISOString() } });
    const { exportedAt: _b, ...again } = await exportConcept(town.viewer, copyId);
    expect(again.keyFigures).toEqual(backup.keyFigures);
    expect((await readKeyFigures(town.viewer, { conceptId: copyId }))[0]!.percent).toBeCloseTo(12.8, 1);

    // A concept without key figures keeps the backup as it was before they existed.
    const empty = await exportConcept(town.viewer, await setup());
    expect("keyFigures" in empty).toBe(false);

    const twice = { ...backup, exportedAt: new Date().toISOString(), keyFigures: [...backup.keyFigures!, { ...backup.keyFigures![0]!, value: 1 }] };
    await expect(importConcept(town.admin, { municipalityId: town.municipality.id, data: twice })).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringContaining("hat für 2024 zwei Werte"),
    });
  });
});
