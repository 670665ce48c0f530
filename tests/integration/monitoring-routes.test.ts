/**
 * GET /api/concepts/{id}/monitoring and /sachstandsbericht.pdf through their route
 * handlers, against the real database and session table: only NextAuth's cookie
 * decoding is replaced (the test names the session id the cookie would carry).
 */
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb } from "@/db";
import type { Actor } from "@/lib/authz/require-role";
import { populatedTown, type Ids, type Town } from "../support/scenario";

const session = vi.hoisted(() => ({ id: null as string | null }));
vi.mock("@/auth", () => ({ auth: async () => (session.id ? { sessionId: session.id, user: { id: "x" } } : null) }));

const { GET: getMonitoring } = await import("@/app/api/concepts/[conceptId]/monitoring/route");
const { GET: getReport } = await import("@/app/api/concepts/[conceptId]/sachstandsbericht.pdf/route");
const { POST: postValue } = await import("@/app/api/concepts/[conceptId]/monitoring/values/route");

async function post(as: Actor | null, conceptId: string, body: unknown) {
  session.id = as?.sessionId ?? null;
  const req = new Request(`http://localhost/api/concepts/${conceptId}/monitoring/values`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const res = await postValue(req, { params: Promise.resolve({ conceptId }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

let own: { town: Town; ids: Ids };
let other: { town: Town; ids: Ids };

async function call(handler: typeof getMonitoring, as: Actor | null, conceptId: string, query = "") {
  session.id = as?.sessionId ?? null;
  return handler(new Request(`http://localhost/api/concepts/${conceptId}/x${query}`), { params: Promise.resolve({ conceptId }) });
}

beforeAll(async () => {
  own = await populatedTown("Berichtstadt");
  other = await populatedTown("Fremdbericht");
}, 120_000);
afterAll(() => closeDb());

describe("GET /api/concepts/{id}/monitoring", () => {
  it("gives the scenario's value, its progress and the yearly status to a reader", async () => {
    const res = await call(getMonitoring, own.town.viewer, own.ids.conceptId);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { fields: { key: string; measures: { id: string; yearStatuses: unknown[]; indicators: { values: unknown[]; progress: unknown }[] }[] }[]; summary: unknown };
    const m = body.fields.find((f) => f.key === "language")!.measures.find((x) => x.id === own.ids.measureId)!;
    // 40 → 80 Personen, 52 on 31.12.2025: 30 % of the way.
    expect(m.indicators[0]).toMatchObject({ values: [{ observedOn: "2025-12-31", number: 52, source: "Anwesenheitslisten" }], progress: { kind: "numeric", percent: 30 } });
    expect(m.yearStatuses).toMatchObject([{ year: 2025, status: "partial", note: "Start im Herbst" }]);
    expect(body.summary).toMatchObject({ indicators: 1, withValues: 1, missed: 1 });
  });

  it("gives one field with ?field=, a 404 for an unknown one, another municipality or no concept, a 401 signed out", async () => {
    const one = await call(getMonitoring, own.town.reviewer, own.ids.conceptId, "?field=language");
    expect(((await one.json()) as { fields: { key: string }[] }).fields.map((f) => f.key)).toEqual(["language"]);
    expect((await call(getMonitoring, own.town.reviewer, own.ids.conceptId, "?field=gibt-es-nicht")).status).toBe(404);
    expect((await call(getMonitoring, other.town.admin, own.ids.conceptId)).status).toBe(404);
    expect((await call(getMonitoring, own.town.admin, "kein-konzept")).status).toBe(404);
    expect((await call(getMonitoring, null, own.ids.conceptId)).status).toBe(401);
  });
});

describe("GET /api/concepts/{id}/sachstandsbericht.pdf", () => {
  it("downloads the PDF with its file name, readable as text", async () => {
    const res = await call(getReport, own.town.reviewer, own.ids.conceptId);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="Sachstandsbericht_Berichtstadt-[^"]*_2025_\d{4}-\d{2}-\d{2}\.pdf"/);
    const pdf = Buffer.from(await res.arrayBuffer());
    const text = execFileSync("pdftotext", ["-", "-"], { input: pdf, encoding: "utf8" }).replace(/[\u2068\u2069]/g, "").replace(/\s+/g, " ");
    expect(text).toContain("Sachstandsbericht 2025");
    expect(text).toContain("Sprachcafé im Stadtteilzentrum");
    expect(text).toContain("2025 teilweise umgesetzt Start im Herbst");
    expect(text).toContain("Fortschritt: 30 % des Wegs zum Ziel");
  });

  it("is a 404 for another municipality and a 401 signed out", async () => {
    expect((await call(getReport, other.town.admin, own.ids.conceptId)).status).toBe(404);
    expect((await call(getReport, null, own.ids.conceptId)).status).toBe(401);
  });
});

// Last: it adds a value to the scenario the tests above read.
describe("POST /api/concepts/{id}/monitoring/values", () => {
  it("records a value for an editor (201) and refuses a bad one (400), a reviewer (403) and another municipality (404), storing nothing then", async () => {
    const value = { measureId: own.ids.measureId, indicatorId: own.ids.indicatorId, observedOn: "2026-01-31", value: "61", source: "Anwesenheitslisten" };
    const count = async () => {
      const res = await call(getMonitoring, own.town.viewer, own.ids.conceptId);
      const body = (await res.json()) as { fields: { measures: { id: string; indicators: { values: unknown[] }[] }[] }[] };
      return body.fields.flatMap((f) => f.measures).find((m) => m.id === own.ids.measureId)!.indicators[0]!.values.length;
    };
    const before = await count();
    expect(await post(own.town.reviewer, own.ids.conceptId, value)).toMatchObject({ status: 403 });
    expect(await post(other.town.admin, own.ids.conceptId, value)).toMatchObject({ status: 404 });
    const bad = await post(own.town.editor, own.ids.conceptId, { ...value, value: "viel" });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { message: expect.stringContaining("Wert: bitte eine Zahl angeben") } });
    expect(await count()).toBe(before);
    const created = await post(own.town.editor, own.ids.conceptId, value);
    expect(created).toMatchObject({ status: 201, body: { valueId: expect.any(String) } });
    expect(await count()).toBe(before + 1);
  });
});
