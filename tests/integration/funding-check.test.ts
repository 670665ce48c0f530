/**
 * GET /api/concepts/{id}/funding and /check through their route handlers,
 * against the real database and the real session table: only the cookie
 * decoding of NextAuth is replaced (the test names the session id the cookie
 * would carry). Plus "bewusst so" and the municipality's cost rate.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb } from "@/db";
import type { Actor } from "@/lib/authz/require-role";
import { acknowledgeFinding, withdrawAcknowledgement } from "@/lib/check/service";
import { changeStaffCostRate } from "@/lib/funding/service";
import { createMeasure } from "@/lib/measures/service";
import { populatedTown, type Ids, type Town } from "../support/scenario";

const session = vi.hoisted(() => ({ id: null as string | null }));
vi.mock("@/auth", () => ({ auth: async () => (session.id ? { sessionId: session.id, user: { id: "x" } } : null) }));

const { GET: getFunding } = await import("@/app/api/concepts/[conceptId]/funding/route");
const { GET: getCheck } = await import("@/app/api/concepts/[conceptId]/check/route");

let own: { town: Town; ids: Ids };
let other: { town: Town; ids: Ids };
let measureId: string;

async function call(handler: typeof getFunding, as: Actor | null, conceptId: string) {
  session.id = as?.sessionId ?? null;
  const res = await handler(new Request(`http://localhost/api/concepts/${conceptId}/x`), { params: Promise.resolve({ conceptId }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  own = await populatedTown("Geldstadt");
  other = await populatedTown("Fremdgeld");
  await changeStaffCostRate(own.town.admin, { municipalityId: own.ids.municipalityId, cents: 7_000_000 });
  const created = await createMeasure(own.town.editor, {
    conceptId: own.ids.conceptId,
    fieldId: own.ids.fieldId,
    title: "Lotsenprojekt Sprache",
    taskType: "voluntary",
    leadOffice: "Integrationsbüro",
    status: "running",
    startDate: "2025-01-01",
    endDate: null,
    staffFte: 1.5,
    materialCostCents: 1_000_000,
    fundingLines: [{ source: "state", programme: "KOMM-AN NRW", amountCents: 5_000_000, until: "2026-12-31" }],
  });
  measureId = created.measure.id;
}, 120_000);
afterAll(() => closeDb());

describe("GET /api/concepts/{id}/funding", () => {
  it("gives the running plan in cents and VZÄ, with the municipality's rate and the cliff", async () => {
    const { status, body } = await call(getFunding, own.town.viewer, own.ids.conceptId);
    expect(status).toBe(200);
    const measures = body.measures as { id: string; staffCostCents: number; totalCostCents: number }[];
    // 1,5 VZÄ × 70.000 € = 105.000 €; plus 10.000 € Sachkosten
    expect(measures.find((m) => m.id === measureId)).toMatchObject({ staffCostCents: 10_500_000, totalCostCents: 11_500_000 });
    expect(body).toMatchObject({ staffCostPerFteCents: 7_000_000, rateIsDefault: false });
    // the scenario's two measures have no staff; 12.000 € Sachkosten in the first
    expect(body.plan).toMatchObject({ measures: 3, staffFte: "1.5", materialCostCents: 2_200_000, fundingCents: 5_000_000 });
    expect((body.bySource as { source: string; centsPerYear: number }[]).find((s) => s.source === "state")?.centsPerYear).toBe(5_000_000);
    const cliff = body.cliff as { years: { year: number; cents: number; staffFte: string }[]; measures: { id: string; voluntary: boolean }[] };
    expect(cliff.years).toEqual([expect.objectContaining({ year: 2027, cents: 5_000_000, staffFte: "1.5" })]);
    expect(cliff.measures).toEqual([expect.objectContaining({ id: measureId, voluntary: true })]);
  });

  it("is a 404 for another municipality and a 401 signed out", async () => {
    expect((await call(getFunding, other.town.admin, own.ids.conceptId)).status).toBe(404);
    expect((await call(getFunding, null, own.ids.conceptId)).status).toBe(401);
    expect((await call(getFunding, own.town.admin, "kein-konzept")).status).toBe(404);
  });
});

describe("GET /api/concepts/{id}/check", () => {
  it("lists findings with rule, severity, place and link", async () => {
    const { status, body } = await call(getCheck, own.town.reviewer, own.ids.conceptId);
    expect(status).toBe(200);
    const findings = body.findings as { rule: string; severity: string; key: string; place: { href: string } }[];
    const early = findings.find((f) => f.rule === "foerderung-endet-vor-massnahme");
    expect(early).toMatchObject({ severity: "warning", place: { href: `/concepts/${own.ids.conceptId}#measures-${own.ids.fieldId}-${measureId}` } });
    expect(findings.some((f) => f.rule === "handlungsfeld-ohne-massnahme" && f.place.href.endsWith("#feld-health"))).toBe(true);
    expect((body.rules as unknown[]).length).toBeGreaterThanOrEqual(14);
  });

  it("is a 404 for another municipality and a 401 signed out", async () => {
    expect((await call(getCheck, other.town.editor, own.ids.conceptId)).status).toBe(404);
    expect((await call(getCheck, null, own.ids.conceptId)).status).toBe(401);
  });

  it("keeps a finding marked 'bewusst so' with its reason, shown to reviewers, and lets editors withdraw it", async () => {
    const before = await call(getCheck, own.town.reviewer, own.ids.conceptId);
    const finding = (before.body.findings as { key: string; rule: string }[]).find((f) => f.rule === "handlungsfeld-ohne-massnahme")!;
    const openBefore = before.body.open as Record<string, number>;
    await acknowledgeFinding(own.town.editor, { conceptId: own.ids.conceptId, findingKey: finding.key, reason: "Gesundheit folgt in der Fortschreibung 2028." });
    const after = await call(getCheck, own.town.reviewer, own.ids.conceptId);
    expect((after.body.findings as { key: string; acknowledged: unknown }[]).find((f) => f.key === finding.key)?.acknowledged).toMatchObject({
      reason: "Gesundheit folgt in der Fortschreibung 2028.",
      by: own.town.editor.name,
    });
    expect((after.body.open as Record<string, number>).warning).toBe(openBefore.warning! - 1);
    await withdrawAcknowledgement(own.town.editor, { conceptId: own.ids.conceptId, findingKey: finding.key });
    const again = await call(getCheck, own.town.reviewer, own.ids.conceptId);
    expect((again.body.findings as { key: string; acknowledged: unknown }[]).find((f) => f.key === finding.key)?.acknowledged).toBeNull();
  });

  it("refuses 'bewusst so' from a reviewer, without a reason, and for a finding that does not exist", async () => {
    const key = `handlungsfeld-ohne-massnahme:${own.ids.customFieldId}`;
    await expect(acknowledgeFinding(own.town.reviewer, { conceptId: own.ids.conceptId, findingKey: key, reason: "Weil." })).rejects.toMatchObject({ code: "forbidden" });
    await expect(acknowledgeFinding(own.town.editor, { conceptId: own.ids.conceptId, findingKey: key, reason: "  " })).rejects.toMatchObject({ code: "bad_request" });
    await expect(acknowledgeFinding(own.town.editor, { conceptId: own.ids.conceptId, findingKey: "erfunden:1", reason: "Weil es so ist." })).rejects.toMatchObject({ code: "not_found" });
    const { body } = await call(getCheck, own.town.reviewer, own.ids.conceptId);
    expect(body.acknowledged).toBe(0);
  });
});

describe("the personnel cost rate", () => {
  it("is set by admins only, and must be a positive amount", async () => {
    await expect(changeStaffCostRate(own.town.editor, { municipalityId: own.ids.municipalityId, cents: 1 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(changeStaffCostRate(own.town.admin, { municipalityId: own.ids.municipalityId, cents: 0 })).rejects.toMatchObject({ code: "bad_request" });
    await expect(changeStaffCostRate(own.town.admin, { municipalityId: own.ids.municipalityId, cents: 100_000_001 })).rejects.toMatchObject({
      code: "bad_request",
      message: "Personalkostensatz: höchstens 1.000.000 € je VZÄ und Jahr.",
    });
    expect((await call(getFunding, own.town.viewer, own.ids.conceptId)).body).toMatchObject({ staffCostPerFteCents: 7_000_000 });
    await changeStaffCostRate(own.town.admin, { municipalityId: own.ids.municipalityId, cents: null });
    const { body } = await call(getFunding, own.town.viewer, own.ids.conceptId);
    expect(body).toMatchObject({ staffCostPerFteCents: 8_000_000, rateIsDefault: true });
    await changeStaffCostRate(own.town.admin, { municipalityId: own.ids.municipalityId, cents: 7_000_000 });
  });
});
