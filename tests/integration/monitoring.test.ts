/** Monitoring (issue 14): Ist-Werte and yearly statuses through lib/monitoring/service.ts, on the database. */
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { getConceptTree } from "@/db/queries/concepts";
import { auditLog, indicatorValues, measureYearStatus } from "@/db/schema";
import { archiveConcept } from "@/lib/concepts/lifecycle";
import { createConcept } from "@/lib/concepts/create";
import { updateConceptSettings } from "@/lib/concepts/meta";
import { createMeasure, deleteMeasure, updateMeasure } from "@/lib/measures/service";
import { clearMeasureYearStatus, deleteIndicatorValue, readMonitoring, recordIndicatorValue, setMeasureYearStatus } from "@/lib/monitoring/service";
import { changeStatus, createVersion, restoreVersion } from "@/lib/versions/service";
import { exportSachstandsbericht } from "@/lib/monitoring/sachstand-export";
import { makeMunicipality } from "../support/fixtures";

let town: Awaited<ReturnType<typeof makeMunicipality>>;
let other: Awaited<ReturnType<typeof makeMunicipality>>;
beforeAll(async () => {
  town = await makeMunicipality("Monitoringstadt");
  other = await makeMunicipality("Nachbarstadt");
});
afterAll(() => closeDb());

async function setup() {
  const concept = await createConcept(town.editor, { municipalityId: town.municipality.id, title: `Monitoring ${Math.random().toString(36).slice(2, 8)}` });
  await updateConceptSettings(town.editor, { conceptId: concept.id, title: concept.title, settings: { validFrom: "2024-01-01", validUntil: "2030-12-31" } });
  const fieldId = (await getConceptTree({ conceptId: concept.id })).fields.find((f) => f.key === "language")!.id;
  const { measure } = await createMeasure(town.editor, {
    conceptId: concept.id,
    fieldId,
    title: "Sprachkursberatung",
    taskType: "voluntary",
    startDate: "2024-01-01",
    indicators: [
      { name: "Beratungen", kind: "output", unit: "Anzahl", baseline: "1.200", target: "2.000", dataSource: "Statistik Amt 52", cadence: "jährlich" },
      { name: "Zufriedenheit", kind: "outcome", unit: "", baseline: "", target: "hoch", dataSource: "", cadence: "" },
    ],
  });
  const [numeric, status] = measure.indicators;
  return { conceptId: concept.id, fieldId, measure, numericId: numeric!.id, statusId: status!.id };
}

async function stored(conceptId: string) {
  const db = await getDb();
  const values = await db.select().from(indicatorValues).where(eq(indicatorValues.conceptId, conceptId));
  const years = await db.select().from(measureYearStatus).where(eq(measureYearStatus.conceptId, conceptId));
  const audit = await db.select().from(auditLog).where(eq(auditLog.conceptId, conceptId));
  return { values: values.length, years: years.length, audit: audit.filter((a) => a.action.startsWith("monitoring.")).length };
}

describe("Ist-Werte", () => {
  it("records values over three years and shows the progress from baseline to target", async () => {
    const s = await setup();
    for (const [observedOn, value] of [["2024-12-31", "1.400"], ["2025-12-31", "1.550"], ["2026-06-30", "1.700"]] as const) {
      await recordIndicatorValue(town.editor, { conceptId: s.conceptId, measureId: s.measure.id, indicatorId: s.numericId, observedOn, value, source: "Statistik Amt 52" });
    }
    await recordIndicatorValue(town.admin, { conceptId: s.conceptId, measureId: s.measure.id, indicatorId: s.statusId, observedOn: "2025-12-31", value: "gestiegen", note: "Befragung" });

    const report = await readMonitoring(town.reviewer, { conceptId: s.conceptId });
    const m = report.fields.find((f) => f.key === "language")!.measures[0]!;
    const numeric = m.indicators.find((x) => x.id === s.numericId)!;
    expect(numeric.values.map((v) => [v.observedOn, v.number, v.source])).toEqual([
      ["2024-12-31", 1400, "Statistik Amt 52"],
      ["2025-12-31", 1550, "Statistik Amt 52"],
      ["2026-06-30", 1700, "Statistik Amt 52"],
    ]);
    expect(numeric.progress).toMatchObject({ kind: "numeric", percent: 63, state: "progress", direction: "increase" });
    expect(numeric.missed).toBe(true);
    const status = m.indicators.find((x) => x.id === s.statusId)!;
    expect(status.progress).toMatchObject({ kind: "status", state: "recorded", latest: { text: "gestiegen" } });
    expect(report.summary).toMatchObject({ indicators: 2, withValues: 2, numeric: 1, reached: 0, missed: 1 });
    expect(await stored(s.conceptId)).toMatchObject({ values: 4, audit: 4 });
  });

  it("keeps the values of an indicator that is renamed, and of a measure that a restore removes and a restore brings back", async () => {
    const s = await setup();
    await recordIndicatorValue(town.editor, { conceptId: s.conceptId, measureId: s.measure.id, indicatorId: s.numericId, observedOn: "2025-12-31", value: "1500" });
    await setMeasureYearStatus(town.editor, { conceptId: s.conceptId, measureId: s.measure.id, year: 2025, status: "implemented" });
    const indicators = s.measure.indicators.map((x) => (x.id === s.numericId ? { ...x, name: "Beratungsgespräche" } : x));
    const saved = await updateMeasure(town.editor, { conceptId: s.conceptId, measureId: s.measure.id, baseRevision: s.measure.revision, title: s.measure.title, taskType: "voluntary", indicators });
    expect(saved.status).toBe("saved");
    const shown = async () => (await readMonitoring(town.viewer, { conceptId: s.conceptId })).fields.find((f) => f.key === "language")!.measures;
    expect((await shown())[0]!.indicators[0]).toMatchObject({ name: "Beratungsgespräche", values: [{ number: 1500 }] });

    const { number } = await createVersion(town.editor, { conceptId: s.conceptId, label: "mit Maßnahme" });
    await deleteMeasure(town.editor, { conceptId: s.conceptId, measureId: s.measure.id });
    expect(await shown()).toEqual([]);
    expect(await stored(s.conceptId)).toMatchObject({ values: 1, years: 1 });
    await restoreVersion(town.editor, { conceptId: s.conceptId, number });
    const [back] = await shown();
    expect(back).toMatchObject({ id: s.measure.id, yearStatuses: [{ year: 2025, status: "implemented" }] });
    expect(back!.indicators[0]).toMatchObject({ id: s.numericId, values: [{ number: 1500 }] });
  });

  it("can be deleted by an editor", async () => {
    const s = await setup();
    const { valueId } = await recordIndicatorValue(town.editor, { conceptId: s.conceptId, measureId: s.measure.id, indicatorId: s.numericId, observedOn: "2025-12-31", value: "1500" });
    await deleteIndicatorValue(town.admin, { conceptId: s.conceptId, valueId });
    expect(await stored(s.conceptId)).toMatchObject({ values: 0, audit: 2 });
    await expect(deleteIndicatorValue(town.admin, { conceptId: s.conceptId, valueId })).rejects.toMatchObject({ code: "not_found" });
  });

  it("are recorded after the concept was adopted (monitoring happens then), but not in an archived concept", async () => {
    const s = await setup();
    for (const status of ["interdepartmental", "participation", "council_proposal"]) await changeStatus(town.admin, { conceptId: s.conceptId, status });
    await changeStatus(town.admin, { conceptId: s.conceptId, status: "adopted", decisionDate: "2025-03-01", decisionReference: "Ratsbeschluss 2025/0815" });
    await recordIndicatorValue(town.editor, { conceptId: s.conceptId, measureId: s.measure.id, indicatorId: s.numericId, observedOn: "2025-12-31", value: "1500" });
    await setMeasureYearStatus(town.editor, { conceptId: s.conceptId, measureId: s.measure.id, year: 2025, status: "implemented" });
    expect(await stored(s.conceptId)).toMatchObject({ values: 1, years: 1 });
    await archiveConcept(town.admin, { conceptId: s.conceptId });
    await expect(
      recordIndicatorValue(town.editor, { conceptId: s.conceptId, measureId: s.measure.id, indicatorId: s.numericId, observedOn: "2025-12-31", value: "1600" }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await stored(s.conceptId)).toMatchObject({ values: 1, years: 1 });
  });
});

describe("refusals change nothing", () => {
  it("a reviewer or viewer may read, not write", async () => {
    const s = await setup();
    for (const actor of [town.reviewer, town.viewer]) {
      await expect(
        recordIndicatorValue(actor, { conceptId: s.conceptId, measureId: s.measure.id, indicatorId: s.numericId, observedOn: "2025-12-31", value: "1500" }),
      ).rejects.toMatchObject({ code: "forbidden" });
      await expect(setMeasureYearStatus(actor, { conceptId: s.conceptId, measureId: s.measure.id, year: 2025, status: "partial" })).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await stored(s.conceptId)).toEqual({ values: 0, years: 0, audit: 0 });
  });

  it("another municipality's admin gets not_found, with this concept's ids and with its own concept around them", async () => {
    const s = await setup();
    const foreign = await createConcept(other.editor, { municipalityId: other.municipality.id, title: "Fremdes Konzept" });
    for (const conceptId of [s.conceptId, foreign.id]) {
      await expect(
        recordIndicatorValue(other.admin, { conceptId, measureId: s.measure.id, indicatorId: s.numericId, observedOn: "2025-12-31", value: "1500" }),
      ).rejects.toMatchObject({ code: "not_found" });
      await expect(setMeasureYearStatus(other.admin, { conceptId, measureId: s.measure.id, year: 2025, status: "partial" })).rejects.toMatchObject({ code: "not_found" });
      await expect(readMonitoring(other.admin, { conceptId: s.conceptId })).rejects.toMatchObject({ code: "not_found" });
    }
    expect(await stored(s.conceptId)).toEqual({ values: 0, years: 0, audit: 0 });
  });

  it.each([
    [{ value: "viele" }, "value", "Wert: bitte eine Zahl angeben"],
    [{ value: "   " }, "value", "Wert: bitte einen Wert angeben."],
    [{ observedOn: "2025-02-30" }, "observedOn", "Stichtag: Dieses Datum gibt es nicht."],
    [{ observedOn: "2999-01-01" }, "observedOn", "Stichtag: Der Tag liegt in der Zukunft"],
    [{ observedOn: "1999-12-31" }, "observedOn", "Stichtag: frühestens 01.01.2000."],
    [{ source: "x".repeat(201) }, "source", "Quelle: höchstens 200 Zeichen."],
    [{ indicatorId: "00000000-0000-4000-8000-000000000000" }, null, "Diesen Indikator gibt es bei dieser Maßnahme nicht"],
  ] as const)("a bad value %j is refused with a German message", async (change, field, message) => {
    const s = await setup();
    const input = { conceptId: s.conceptId, measureId: s.measure.id, indicatorId: s.numericId, observedOn: "2025-12-31", value: "1500", ...change };
    const error = await recordIndicatorValue(town.editor, input).catch((e: unknown) => e);
    expect(error).toMatchObject({ message: expect.stringContaining(message) });
    if (field) expect((error as { details: { fieldErrors: Record<string, string> } }).details.fieldErrors).toHaveProperty(field);
    expect(await stored(s.conceptId)).toEqual({ values: 0, years: 0, audit: 0 });
  });

  it("a text value is fine for an indicator without numeric baseline and target", async () => {
    const s = await setup();
    await recordIndicatorValue(town.editor, { conceptId: s.conceptId, measureId: s.measure.id, indicatorId: s.statusId, observedOn: "2025-12-31", value: "eher hoch" });
    expect((await stored(s.conceptId)).values).toBe(1);
  });

  it("a measure of another concept of the same municipality is not found", async () => {
    const a = await setup();
    const b = await setup();
    await expect(
      recordIndicatorValue(town.editor, { conceptId: a.conceptId, measureId: b.measure.id, indicatorId: b.numericId, observedOn: "2025-12-31", value: "1500" }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(setMeasureYearStatus(town.editor, { conceptId: a.conceptId, measureId: b.measure.id, year: 2025, status: "implemented" })).rejects.toMatchObject({ code: "not_found" });
    expect(await stored(a.conceptId)).toEqual({ values: 0, years: 0, audit: 0 });
    expect(await stored(b.conceptId)).toEqual({ values: 0, years: 0, audit: 0 });
  });
});

describe("yearly implementation status", () => {
  it("is set, replaced and removed per year, with a note", async () => {
    const s = await setup();
    await setMeasureYearStatus(town.editor, { conceptId: s.conceptId, measureId: s.measure.id, year: 2024, status: "implemented" });
    await setMeasureYearStatus(town.editor, { conceptId: s.conceptId, measureId: s.measure.id, year: 2025, status: "not_implemented", note: "Stelle unbesetzt" });
    await setMeasureYearStatus(town.admin, { conceptId: s.conceptId, measureId: s.measure.id, year: 2025, status: "partial", note: "Stelle ab Juli besetzt" });
    let m = (await readMonitoring(town.reviewer, { conceptId: s.conceptId, fieldKey: "language" })).fields[0]!.measures[0]!;
    expect(m.yearStatuses.map((y) => [y.year, y.status, y.note])).toEqual([
      [2024, "implemented", ""],
      [2025, "partial", "Stelle ab Juli besetzt"],
    ]);
    expect(m.years[0]).toBe(2024);
    await clearMeasureYearStatus(town.editor, { conceptId: s.conceptId, measureId: s.measure.id, year: 2024 });
    m = (await readMonitoring(town.reviewer, { conceptId: s.conceptId })).fields.find((f) => f.key === "language")!.measures[0]!;
    expect(m.yearStatuses.map((y) => y.year)).toEqual([2025]);
    expect(await stored(s.conceptId)).toEqual({ values: 0, years: 1, audit: 4 });
  });

  it("refuses an unknown status, a year not begun and a note too long, changing nothing", async () => {
    const s = await setup();
    const base = { conceptId: s.conceptId, measureId: s.measure.id, year: 2025, status: "implemented" as const };
    await expect(setMeasureYearStatus(town.editor, { ...base, status: "done" as never })).rejects.toMatchObject({ message: expect.stringContaining("Umsetzungsstand: bitte") });
    await expect(setMeasureYearStatus(town.editor, { ...base, year: 2999 })).rejects.toMatchObject({ code: "bad_request" });
    await expect(setMeasureYearStatus(town.editor, { ...base, year: 1999 })).rejects.toMatchObject({ message: expect.stringContaining("Jahr: frühestens 2000.") });
    await expect(setMeasureYearStatus(town.editor, { ...base, note: "x".repeat(1001) })).rejects.toMatchObject({ message: expect.stringContaining("Anmerkung: höchstens 1.000 Zeichen.") });
    await expect(clearMeasureYearStatus(town.editor, { conceptId: s.conceptId, measureId: s.measure.id, year: 2025 })).rejects.toMatchObject({ code: "not_found" });
    expect(await stored(s.conceptId)).toEqual({ values: 0, years: 0, audit: 0 });
  });
});

describe("the Fortschreibung", () => {
  it("starts from the monitoring: the values carry over, ended measures and missed targets are listed", async () => {
    const s = await setup();
    const ended = await createMeasure(town.editor, {
      conceptId: s.conceptId,
      fieldId: s.fieldId,
      title: "Sprachkurse im Ankunftszentrum",
      taskType: "mandatory",
      startDate: "2024-01-01",
      endDate: "2025-06-30",
      indicators: [{ name: "Kursplätze", kind: "output", unit: "Plätze", baseline: "20", target: "40", dataSource: "", cadence: "" }],
    });
    await recordIndicatorValue(town.editor, { conceptId: s.conceptId, measureId: s.measure.id, indicatorId: s.numericId, observedOn: "2025-12-31", value: "1.600" });
    await recordIndicatorValue(town.editor, { conceptId: s.conceptId, measureId: ended.measure.id, indicatorId: ended.measure.indicators[0]!.id, observedOn: "2025-06-30", value: "45" });
    for (const status of ["interdepartmental", "participation", "council_proposal"]) await changeStatus(town.admin, { conceptId: s.conceptId, status });
    await changeStatus(town.admin, { conceptId: s.conceptId, status: "adopted", decisionDate: "2024-01-15", decisionReference: "Ratsbeschluss 2024/0001" });
    await setMeasureYearStatus(town.editor, { conceptId: s.conceptId, measureId: ended.measure.id, year: 2025, status: "implemented" });
    await changeStatus(town.admin, { conceptId: s.conceptId, status: "draft" });

    const report = await readMonitoring(town.reviewer, { conceptId: s.conceptId });
    const language = report.fields.find((f) => f.key === "language")!;
    expect(language.measures.map((m) => [m.title, m.indicators.map((x) => x.values.length), m.yearStatuses.length])).toEqual([
      ["Sprachkursberatung", [1, 0], 0],
      ["Sprachkurse im Ankunftszentrum", [1], 1],
    ]);
    expect(report.update.ended.map((m) => [m.label, m.why])).toEqual([["M 5.1.2", "Ende 30.06.2025 überschritten"]]);
    // The ended measure reached its target (45 of 40): only the running one's indicator is listed.
    expect(report.update.missed.map((x) => [x.label, x.name, x.latest, x.progress])).toEqual([["M 5.1.1", "Beratungen", "1.600 Anzahl am 31.12.2025", "50 % des Wegs zum Ziel"]]);
  });
});

describe("the Sachstandsbericht", () => {
  it("reads back with every measure's status, the indicator progress and the funding of the report year", async () => {
    const s = await setup();
    const thisYear = new Date().getFullYear();
    const saved = await updateMeasure(town.editor, {
      conceptId: s.conceptId,
      measureId: s.measure.id,
      baseRevision: s.measure.revision,
      title: s.measure.title,
      taskType: "voluntary",
      status: "running",
      startDate: "2024-01-01",
      materialCostCents: 5_000_000,
      fundingLines: [{ source: "state", programme: "KOMM-AN NRW", amountCents: 3_000_000, until: null }],
      indicators: s.measure.indicators,
    });
    expect(saved.status).toBe("saved");
    for (const [observedOn, value] of [["2024-12-31", "1.400"], ["2025-12-31", "1.550"], [`${thisYear}-01-01`, "1.700"]] as const) {
      await recordIndicatorValue(town.editor, { conceptId: s.conceptId, measureId: s.measure.id, indicatorId: s.numericId, observedOn, value, source: "Statistik Amt 52" });
    }
    await setMeasureYearStatus(town.editor, { conceptId: s.conceptId, measureId: s.measure.id, year: thisYear, status: "partial", note: "Zweite Stelle erst ab Juli besetzt" });

    const { pdf, pages, fileName } = await exportSachstandsbericht(town.reviewer, { conceptId: s.conceptId });
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(fileName.utf8).toMatch(new RegExp(`^Sachstandsbericht_.+_${thisYear}_\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
    // Without the isolates around user text (FSI … PDI), as a reader sees it.
    const text = execFileSync("pdftotext", ["-", "-"], { input: pdf, encoding: "utf8" }).replace(/[\u2068\u2069]/g, "").replace(/\s+/g, " ");
    expect(text).toContain(`Sachstandsbericht ${thisYear}`);
    expect(text).toContain("M 5.1.1 Sprachkursberatung");
    expect(text).toContain(`Umsetzungsstand ${thisYear} teilweise umgesetzt`);
    expect(text).toContain("Zweite Stelle erst ab Juli besetzt");
    expect(text).toContain("Indikator: Beratungen");
    expect(text).toContain("Fortschritt: 63 % des Wegs zum Ziel");
    expect(text).toContain("1.550 Anzahl");
    // Land 30.000 € a year, running in the report year (validity 2024–2030).
    expect(text).toMatch(/Land 30\.000,00 €/);
    expect(text).toMatch(/Förderung 30\.000,00 €/);
    expect(text).toContain("Für die Fortschreibung");
    expect(text).toMatch(/M 5\.1\.1 Beratungen 1\.200 → 2\.000 Anzahl 1\.700 Anzahl am 01\.01\.\d{4} 63 % des Wegs zum Ziel/);
  });

  it("prints user text with Typst syntax literally", async () => {
    const s = await setup();
    const tricky = '#set page(fill: red) *fett* $x^2$ <label> @ref #"x"';
    await setMeasureYearStatus(town.editor, { conceptId: s.conceptId, measureId: s.measure.id, year: 2025, status: "implemented", note: tricky });
    await recordIndicatorValue(town.editor, { conceptId: s.conceptId, measureId: s.measure.id, indicatorId: s.statusId, observedOn: "2025-12-31", value: "#strong[hoch]", source: tricky });
    const { pdf } = await exportSachstandsbericht(town.editor, { conceptId: s.conceptId });
    const text = execFileSync("pdftotext", ["-", "-"], { input: pdf, encoding: "utf8" }).replace(/[\u2068\u2069\u00ad]/g, "").replace(/\s+/g, " ");
    expect(text).toContain("2025 umgesetzt #set page(fill: red) *fett* $x^2$ <label> @ref #\"x\"");
    expect(text).toContain("#strong[hoch]");
  });

  it("is refused to another municipality", async () => {
    const s = await setup();
    await expect(exportSachstandsbericht(other.admin, { conceptId: s.conceptId })).rejects.toMatchObject({ code: "not_found" });
  });
});
