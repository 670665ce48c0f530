/**
 * The monitoring's server actions, the path of the page's forms (FormData):
 * session, role and municipality checked, a bad input answered with a German
 * message on its field, and nothing stored. Only next-auth's cookie decoding is replaced.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ id: null as string | null }));
vi.mock("@/auth", () => ({ auth: async () => (session.id ? { sessionId: session.id, user: { id: "x" } } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
// The German catalogue, as a request without a language cookie gets it (outside a request next-intl has no locale).
vi.mock("next-intl/server", async () => {
  const de = (await import("@/messages/de.json")).default as unknown as Record<string, unknown>;
  return {
    getTranslations: async (namespace: string) => (key: string, values: Record<string, unknown> = {}) => {
      const found = `${namespace}.${key}`.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], de);
      return (typeof found === "string" ? found : key).replace(/\{(\w+)\}/g, (_m, name: string) => String(values[name] ?? ""));
    },
  };
});

import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { getConceptTree } from "@/db/queries/concepts";
import { indicatorValues, keyFigures, measureYearStatus } from "@/db/schema";
import {
  clearYearStatusAction,
  deleteKeyFigureAction,
  deleteValueAction,
  recordKeyFigureAction,
  recordValueAction,
  setYearStatusAction,
} from "@/app/(app)/concepts/[conceptId]/monitoring/actions";
import type { Actor } from "@/lib/authz/require-role";
import { createConcept } from "@/lib/concepts/create";
import { createMeasure } from "@/lib/measures/service";
import { signIn } from "../support/data";
import { makeMunicipality } from "../support/fixtures";

let town: Awaited<ReturnType<typeof makeMunicipality>>;
let stranger: Awaited<ReturnType<typeof makeMunicipality>>;
let ids: { conceptId: string; measureId: string; indicatorId: string };

beforeAll(async () => {
  town = await makeMunicipality("Formularstadt");
  stranger = await makeMunicipality("Fremdformular");
  for (const actor of [town.editor, town.reviewer, stranger.admin]) await signIn(actor);
  const concept = await createConcept(town.editor, { municipalityId: town.municipality.id, title: "Konzept mit Monitoring" });
  const fieldId = (await getConceptTree({ conceptId: concept.id })).fields.find((f) => f.key === "language")!.id;
  const { measure } = await createMeasure(town.editor, {
    conceptId: concept.id,
    fieldId,
    title: "Sprachcafé",
    taskType: "voluntary",
    startDate: "2024-01-01",
    indicators: [{ name: "Teilnehmende", kind: "output", unit: "Personen", baseline: "40", target: "80", dataSource: "", cadence: "" }],
  });
  ids = { conceptId: concept.id, measureId: measure.id, indicatorId: measure.indicators[0]!.id };
}, 120_000);
afterAll(() => closeDb());

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};
const as = <T>(actor: Actor | null, run: () => Promise<T>) => {
  session.id = actor?.sessionId ?? null;
  return run();
};
async function counts() {
  const db = await getDb();
  return {
    values: (await db.select().from(indicatorValues).where(eq(indicatorValues.conceptId, ids.conceptId))).length,
    years: (await db.select().from(measureYearStatus).where(eq(measureYearStatus.conceptId, ids.conceptId))).length,
  };
}
const value = (more: Record<string, string> = {}) => form({ ...ids, observedOn: "2025-12-31", value: "52", source: "Listen", note: "", ...more });

describe("the monitoring actions", () => {
  it("store a value and a yearly status for an editor, and delete them again", async () => {
    expect(await as(town.editor, () => recordValueAction(null, value()))).toEqual({ ok: true, data: undefined, message: "Ist-Wert gespeichert." });
    expect(await as(town.editor, () => setYearStatusAction(null, form({ conceptId: ids.conceptId, measureId: ids.measureId, year: "2025", status: "partial", note: "Start im Herbst" })))).toMatchObject({
      ok: true,
      message: "Umsetzungsstand gespeichert.",
    });
    expect(await counts()).toEqual({ values: 1, years: 1 });
    const db = await getDb();
    const [row] = await db.select().from(indicatorValues).where(eq(indicatorValues.conceptId, ids.conceptId));
    expect(await as(town.editor, () => deleteValueAction(null, form({ conceptId: ids.conceptId, valueId: row!.id })))).toMatchObject({ ok: true, message: "Ist-Wert gelöscht." });
    expect(await as(town.editor, () => clearYearStatusAction(null, form({ conceptId: ids.conceptId, measureId: ids.measureId, year: "2025" })))).toMatchObject({ ok: true });
    expect(await counts()).toEqual({ values: 0, years: 0 });
  });

  it.each([
    [{ value: "" }, "value", "Wert: bitte einen Wert angeben."],
    [{ value: "zweiundfünfzig" }, "value", "Wert: bitte eine Zahl angeben (z. B. 1.250 oder 12,5) – Basis- und Zielwert dieses Indikators sind Zahlen."],
    [{ observedOn: "31.12.2025" }, "observedOn", "Stichtag: Bitte ein Datum im Format JJJJ-MM-TT angeben."],
    [{ note: "x".repeat(1001) }, "note", "Anmerkung: höchstens 1.000 Zeichen."],
    [{ value: "5\u0000" }, "value", "Diese Angabe"],
  ] as const)("answer %j with a German message on the field and store nothing", async (change, field, message) => {
    const result = await as(town.editor, () => recordValueAction(null, value(change)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.[field]).toContain(message);
    expect(await counts()).toEqual({ values: 0, years: 0 });
  });

  it("refuse a reviewer, another municipality's admin and a signed-out caller, storing nothing", async () => {
    expect(await as(town.reviewer, () => recordValueAction(null, value()))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await as(stranger.admin, () => recordValueAction(null, value()))).toMatchObject({ ok: false, code: "not_found" });
    expect(await as(null, () => recordValueAction(null, value()))).toMatchObject({ ok: false, code: "unauthorized" });
    const year = form({ conceptId: ids.conceptId, measureId: ids.measureId, year: "2025", status: "implemented", note: "" });
    expect(await as(town.reviewer, () => setYearStatusAction(null, year))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await as(town.editor, () => setYearStatusAction(null, form({ conceptId: ids.conceptId, measureId: ids.measureId, year: "2025", status: "erledigt" })))).toMatchObject({
      ok: false,
      fieldErrors: { status: "Umsetzungsstand: bitte umgesetzt, teilweise umgesetzt oder nicht umgesetzt wählen." },
    });
    expect(await counts()).toEqual({ values: 0, years: 0 });
  });
});

describe("the key figure actions", () => {
  const figures = async () => (await (await getDb()).select().from(keyFigures).where(eq(keyFigures.conceptId, ids.conceptId))).map((r) => `${r.name} ${r.year} ${Number(r.value)}`);
  const figure = (more: Record<string, string> = {}) =>
    form({ conceptId: ids.conceptId, name: "Einwohner mit ausländischer Staatsangehörigkeit", value: "1.250", unit: "Personen", year: "2024", referenceDate: "", source: "Melderegister", ...more });

  it("store a key figure for an editor and delete it again", async () => {
    expect(await as(town.editor, () => recordKeyFigureAction(null, figure()))).toEqual({ ok: true, data: undefined, message: "Kennzahl gespeichert." });
    expect(await figures()).toEqual(["Einwohner mit ausländischer Staatsangehörigkeit 2024 1250"]);
    const [row] = await (await getDb()).select().from(keyFigures).where(eq(keyFigures.conceptId, ids.conceptId));
    expect(await as(town.editor, () => deleteKeyFigureAction(null, form({ conceptId: ids.conceptId, keyFigureId: row!.id })))).toMatchObject({ ok: true, message: "Kennzahl-Wert gelöscht." });
    expect(await figures()).toEqual([]);
  });

  it.each([
    [{ value: "viele" }, "value", "Wert: bitte eine Zahl angeben (z. B. 1.250 oder 12,5)."],
    [{ name: "" }, "name", "Kennzahl: bitte einen Namen angeben."],
    [{ year: "19x" }, "year", "Jahr: bitte ein Jahr angeben."],
    [{ referenceDate: "2023-12-31" }, "referenceDate", "Stichtag: Der Tag muss im Jahr 2024 liegen."],
  ])("answer %o with a German message on its field and store nothing", async (more, field, message) => {
    const result = await as(town.editor, () => recordKeyFigureAction(null, figure(more)));
    expect(result).toMatchObject({ ok: false, fieldErrors: { [field]: message } });
    expect(await figures()).toEqual([]);
  });

  it("refuse a signed-out client, a reviewer and another municipality, storing nothing", async () => {
    expect(await as(null, () => recordKeyFigureAction(null, figure()))).toMatchObject({ ok: false, code: "unauthorized" });
    expect(await as(town.reviewer, () => recordKeyFigureAction(null, figure()))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await as(stranger.admin, () => recordKeyFigureAction(null, figure()))).toMatchObject({ ok: false, code: "not_found" });
    expect(await figures()).toEqual([]);
  });
});
