/**
 * The measure server actions with a code and an own rate: the form's path
 * (session, role and municipality checked by guardedAction and the service)
 * answers a taken or malformed code and a bad rate with a German error on the
 * field, and stores nothing. Only next-auth's cookie decoding is replaced.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ id: null as string | null }));
vi.mock("@/auth", () => ({ auth: async () => (session.id ? { sessionId: session.id, user: { id: "x" } } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next-intl/server", async () => {
  const de = (await import("@/messages/de.json")).default as unknown as Record<string, Record<string, string>>;
  return {
    getTranslations: async (namespace: string) => (key: string, values: Record<string, unknown> = {}) =>
      (de[namespace]?.[key] ?? key).replace(/\{(\w+)\}/g, (_m, name: string) => String(values[name] ?? "")),
  };
});

import { closeDb } from "@/db";
import { getConceptTree } from "@/db/queries/concepts";
import { createMeasureAction, updateMeasureAction } from "@/app/(app)/concepts/[conceptId]/measure-actions";
import type { Actor } from "@/lib/authz/require-role";
import { createConcept } from "@/lib/concepts/create";
import { countContent, signIn } from "../support/data";
import { makeMunicipality } from "../support/fixtures";

let town: Awaited<ReturnType<typeof makeMunicipality>>;
let stranger: Awaited<ReturnType<typeof makeMunicipality>>;
let conceptId: string;
let language: string;
let work: string;

beforeAll(async () => {
  town = await makeMunicipality("Aktionsstadt");
  stranger = await makeMunicipality("Fremdstadt");
  for (const actor of [town.editor, town.viewer, stranger.editor]) await signIn(actor);
  const concept = await createConcept(town.editor, { municipalityId: town.municipality.id, title: "Konzept der Aktionen" });
  conceptId = concept.id;
  const tree = await getConceptTree({ conceptId });
  language = tree.fields.find((f) => f.key === "language")!.id;
  work = tree.fields.find((f) => f.key === "work")!.id;
}, 120_000);
afterAll(() => closeDb());

const as = <T>(actor: Actor | null, run: () => Promise<T>) => {
  session.id = actor?.sessionId ?? null;
  return run();
};

describe("the measure actions with a code and an own rate", () => {
  it("store both, and refuse a taken code (ignoring case) on the field without storing anything", async () => {
    const created = await as(town.editor, () => createMeasureAction({ conceptId, fieldId: language, title: "Sprachcafé", taskType: "voluntary", code: "SP-01", staffCostPerFteCents: 7_800_000 }));
    expect(created).toMatchObject({ ok: true, data: { measure: { code: "SP-01", staffCostPerFteCents: 7_800_000 } } });
    const before = await countContent(town.municipality.id);

    const taken = await as(town.editor, () => createMeasureAction({ conceptId, fieldId: work, title: "Jobcafé", taskType: "voluntary", code: "sp-01" }));
    const message = "Das Kürzel „sp-01“ ist in diesem Konzept schon vergeben (Maßnahme „Sprachcafé“).";
    expect(taken).toEqual({ ok: false, code: "bad_request", error: message, fieldErrors: { code: message } });
    expect(await countContent(town.municipality.id)).toEqual(before);
  });

  it("refuse a malformed code and a bad rate on their fields", async () => {
    const before = await countContent(town.municipality.id);
    const bad = await as(town.editor, () => createMeasureAction({ conceptId, fieldId: work, title: "Jobcafé", taskType: "voluntary", code: "-SP", staffCostPerFteCents: 0 }));
    expect(bad).toMatchObject({
      ok: false,
      code: "bad_request",
      fieldErrors: { code: expect.stringMatching(/^Kürzel: 1–16 Zeichen/), staffCostPerFteCents: expect.stringMatching(/^Personalkosten je VZÄ: .*größer als 0 €/) },
    });
    expect(await countContent(town.municipality.id)).toEqual(before);
  });

  it("still check session, role and municipality", async () => {
    const input = { conceptId, fieldId: work, title: "Jobcafé", taskType: "voluntary", code: "JC-01" };
    expect(await as(null, () => createMeasureAction(input))).toMatchObject({ ok: false, code: "unauthorized" });
    expect(await as(town.viewer, () => createMeasureAction(input))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await as(stranger.editor, () => createMeasureAction(input))).toMatchObject({ ok: false, code: "not_found" });
    const update = await as(stranger.editor, () =>
      updateMeasureAction({ conceptId, measureId: "3f2b8a4e-9c1d-4e5f-8a7b-1c2d3e4f5a6b", baseRevision: 0, title: "Jobcafé", taskType: "voluntary", code: "SP-01" }),
    );
    expect(update).toMatchObject({ ok: false, code: "not_found" });
  });
});
