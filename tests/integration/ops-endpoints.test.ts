/**
 * The operational endpoints, called as route handlers: readiness
 * (/api/health/ready: database and migrations) and metrics (/api/metrics:
 * bearer token, Prometheus text, counters that follow real saves and exports).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db";
import { getConceptTree } from "@/db/queries/concepts";
import { enqueueMail } from "@/db/queries/mail";
import { GET as ready } from "@/app/api/health/ready/route";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { createConcept } from "@/lib/concepts/create";
import { saveSectionText } from "@/lib/concepts/sections";
import { doc, p } from "@/lib/editor/build";
import { exportConceptOffice } from "@/lib/export/office";
import { exportConceptPdf } from "@/lib/pdf/export";
import { expectedMigrations, missingMigrations, readiness } from "@/lib/ops/readiness";
import { metricsAccess, recordRequest, routeGroup } from "@/lib/ops/metrics";
import { makeMunicipality } from "../support/fixtures";

let town: Awaited<ReturnType<typeof makeMunicipality>>;
const savedToken = process.env.METRICS_TOKEN;
const TOKEN = "metrics-token-for-tests-0123456789";

beforeAll(async () => {
  town = await makeMunicipality("Betriebsstadt");
});
afterEach(() => {
  if (savedToken === undefined) delete process.env.METRICS_TOKEN;
  else process.env.METRICS_TOKEN = savedToken;
});
afterAll(() => closeDb());

const scrape = (authorization?: string) =>
  metricsRoute(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }));

/** The value of one series in a Prometheus text body (0 when absent). */
function value(body: string, series: string): number {
  const line = body.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe("readiness", () => {
  it("200 with every check ok once the database answers and all migrations are applied", async () => {
    const res = await ready();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ready", checks: { database: { ok: true }, migrations: { ok: true } } });
  });

  it("503 naming the migration the database lacks (a journal newer than the database)", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "kw-ready-"));
    const meta = path.join(root, "db", "migrations", "meta");
    fs.mkdirSync(meta, { recursive: true });
    const entries = [...expectedMigrations(), { idx: 99, version: "7", when: 4_102_444_800_000, tag: "0099_future", breakpoints: true }];
    fs.writeFileSync(path.join(meta, "_journal.json"), JSON.stringify({ version: "7", dialect: "postgresql", entries }));
    const before = process.env.KONZEPTWERK_ROOT;
    process.env.KONZEPTWERK_ROOT = root;
    try {
      const res = await ready();
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({
        status: "unavailable",
        checks: { database: { ok: true }, migrations: { ok: false, detail: "nicht angewendet: 0099_future" } },
      });
    } finally {
      if (before === undefined) delete process.env.KONZEPTWERK_ROOT;
      else process.env.KONZEPTWERK_ROOT = before;
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it("compares the journal with drizzle's table by stamp", async () => {
    expect(missingMigrations([{ tag: "a", when: 1 }, { tag: "b", when: 2 }], [1])).toEqual(["b"]);
    expect((await readiness()).ready).toBe(true);
  });
});

describe("metrics", () => {
  it("404 while METRICS_TOKEN is not set, whatever is sent", async () => {
    delete process.env.METRICS_TOKEN;
    expect((await scrape()).status).toBe(404);
    expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(404);
  });

  it("401 without or with a wrong token", async () => {
    process.env.METRICS_TOKEN = TOKEN;
    expect((await scrape()).status).toBe(401);
    expect((await scrape("Bearer wrong")).status).toBe(401);
    expect((await scrape(`Basic ${TOKEN}`)).status).toBe(401);
    expect((await scrape(`Bearer ${TOKEN}x`)).status).toBe(401);
    expect(metricsAccess(`bearer ${TOKEN}`, { METRICS_TOKEN: TOKEN })).toBe("granted");
  });

  it("200 with the right token: Prometheus text with the app's metrics", async () => {
    process.env.METRICS_TOKEN = TOKEN;
    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const body = await res.text();
    for (const name of [
      "konzeptwerk_http_requests_total",
      "konzeptwerk_http_request_duration_seconds",
      "konzeptwerk_section_saves_total",
      "konzeptwerk_exports_total",
      "konzeptwerk_mail_queue",
      "konzeptwerk_pdf_queue",
      "konzeptwerk_process_cpu_seconds_total",
    ]) {
      expect(body).toContain(`# TYPE ${name} `);
    }
    expect(body).toContain('konzeptwerk_pdf_queue{state="waiting"} 0');
  });

  it("counters follow real saves, exports, queued mails and requests", async () => {
    process.env.METRICS_TOKEN = TOKEN;
    const read = async () => (await scrape(`Bearer ${TOKEN}`)).text();
    const before = await read();

    const concept = await createConcept(town.editor, { municipalityId: town.municipality.id, title: "Konzept" });
    const section = (await getConceptTree({ conceptId: concept.id })).sections.find((s) => s.chapter === "mandate")!;
    const saved = await saveSectionText(town.editor, { conceptId: concept.id, sectionId: section.id, baseRevision: section.revision, content: doc(p("Auftrag des Rates")) });
    expect(saved.status).toBe("saved");
    await exportConceptOffice(town.viewer, concept.id, "docx");
    await exportConceptPdf(town.viewer, concept.id);
    await enqueueMail({ municipalityId: town.municipality.id, kind: "invitation", recipient: "x@test.example", subject: "s", textBody: "t", htmlBody: "h", messageId: "<ops@test.example>" });
    recordRequest({ method: "GET", path: `/api/concepts/${concept.id}/export.docx`, status: 200, seconds: 0.2 });

    const after = await read();
    expect(value(after, 'konzeptwerk_section_saves_total{via="put"}')).toBe(value(before, 'konzeptwerk_section_saves_total{via="put"}') + 1);
    expect(value(after, 'konzeptwerk_exports_total{kind="docx"}')).toBe(value(before, 'konzeptwerk_exports_total{kind="docx"}') + 1);
    expect(value(after, 'konzeptwerk_exports_total{kind="pdf"}')).toBe(value(before, 'konzeptwerk_exports_total{kind="pdf"}') + 1);
    expect(value(after, 'konzeptwerk_exports_total{kind="odt"}')).toBe(value(before, 'konzeptwerk_exports_total{kind="odt"}'));
    expect(value(after, 'konzeptwerk_mail_queue{state="pending"}')).toBeGreaterThanOrEqual(1);
    const series = 'konzeptwerk_http_requests_total{method="GET",route="api_concepts",status_class="2xx"}';
    expect(value(after, series)).toBe(value(before, series) + 1);
    // The label is the route group, never the path with its ids.
    expect(after).not.toContain(concept.id);
  });

  it("route groups are a fixed set", () => {
    expect(routeGroup("/concepts/123/review")).toBe("page");
    expect(routeGroup("/api/concepts/123/sections/456")).toBe("api_concepts");
    expect(routeGroup("/api/realtime")).toBe("api_realtime");
    expect(routeGroup("/_next/static/chunks/a.js")).toBe("static");
    expect(routeGroup("/api/health/ready")).toBe("api_health");
    expect(routeGroup("/api/municipalities/1/logo")).toBe("api_other");
    expect(routeGroup("*")).toBe("other");
  });
});
