/**
 * Prometheus metrics of this process (GET /api/metrics, prom-client). Each
 * process counts its own requests and saves; Prometheus scrapes every process
 * and sums. The queue lengths are read when scraped: the mail queue from the
 * database (shared by all processes), the PDF queue from this process.
 *
 * Labels are bounded: a request is counted by its route group (routeGroup), never
 * by its path, which holds ids.
 *
 * The registry lives on globalThis: scripts/start.ts (request counts) and the
 * route handlers Next.js bundles (saves, exports, the scrape) may load this
 * module twice, and must count into the same metrics.
 */
import { timingSafeEqual, createHash } from "node:crypto";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { pdfQueueState } from "@/lib/pdf/render";

export type ExportKind = "pdf" | "docx" | "odt";
export type SaveVia = "realtime" | "put";
export type RouteGroup = "page" | "api_concepts" | "api_realtime" | "api_auth" | "api_health" | "api_metrics" | "api_other" | "static" | "other";

/** Where the scrape reads the queue lengths (set by scripts/start.ts and tests; lazy imports keep this module light). */
type QueueSources = {
  mail: () => Promise<{ pending: number; retrying: number; failed: number }>;
  pdf: () => { running: number; waiting: number };
};

type Metrics = {
  registry: Registry;
  httpRequests: Counter<"method" | "route" | "status_class">;
  httpDuration: Histogram<"method" | "route">;
  sectionSaves: Counter<"via">;
  exports: Counter<"kind">;
  mailQueue: Gauge<"state">;
  pdfQueue: Gauge<"state">;
};

const globalForMetrics = globalThis as unknown as { konzeptwerkMetrics?: Metrics };

const defaultSources: QueueSources = {
  mail: async () => (await import("@/db/queries/ops")).mailQueueCounts(),
  // Reading the queue does not start the compiler.
  pdf: pdfQueueState,
};
let sources: QueueSources = defaultSources;

function create(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "konzeptwerk_" });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: "konzeptwerk_http_requests_total",
      help: "HTTP requests by method, route group and status class",
      labelNames: ["method", "route", "status_class"],
      registers,
    }),
    httpDuration: new Histogram({
      name: "konzeptwerk_http_request_duration_seconds",
      help: "HTTP request duration in seconds by method and route group",
      labelNames: ["method", "route"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    sectionSaves: new Counter({
      name: "konzeptwerk_section_saves_total",
      help: "Stored section changes: real-time batches (via=realtime) and PUT saves (via=put)",
      labelNames: ["via"],
      registers,
    }),
    exports: new Counter({
      name: "konzeptwerk_exports_total",
      help: "Concept exports delivered, by kind",
      labelNames: ["kind"],
      registers,
    }),
    mailQueue: new Gauge({
      name: "konzeptwerk_mail_queue",
      help: "Mails in the queue (all processes): pending (not tried yet), retrying (failed, will retry), failed (given up)",
      labelNames: ["state"],
      registers,
      async collect() {
        try {
          const counts = await sources.mail();
          for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
        } catch {
          // No database right now: leave the series out rather than fail the whole scrape.
          this.reset();
        }
      },
    }),
    pdfQueue: new Gauge({
      name: "konzeptwerk_pdf_queue",
      help: "PDF exports of this process: running (0 or 1) and waiting",
      labelNames: ["state"],
      registers,
      collect() {
        const { running, waiting } = sources.pdf();
        this.set({ state: "running" }, running);
        this.set({ state: "waiting" }, waiting);
      },
    }),
  };
}

export function metrics(): Metrics {
  return (globalForMetrics.konzeptwerkMetrics ??= create());
}

/** For tests: where the scrape reads queue lengths; null restores the defaults. */
export function setQueueSources(next: Partial<QueueSources> | null): void {
  sources = next ? { ...defaultSources, ...next } : defaultSources;
}

/** The bounded label for a path (without query string). */
export function routeGroup(path: string): RouteGroup {
  if (path.startsWith("/_next/") || path === "/favicon.ico" || path === "/icon.svg" || path === "/robots.txt") return "static";
  if (path === "/api/realtime" || path.startsWith("/api/realtime/")) return "api_realtime";
  if (path === "/api/concepts" || path.startsWith("/api/concepts/")) return "api_concepts";
  if (path.startsWith("/api/auth/")) return "api_auth";
  if (path === "/api/health" || path.startsWith("/api/health/")) return "api_health";
  if (path === "/api/metrics") return "api_metrics";
  if (path.startsWith("/api/")) return "api_other";
  if (path.startsWith("/")) return "page";
  return "other";
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** Count one finished request (`seconds` omitted for a WebSocket upgrade: its connection's life is no latency). */
export function recordRequest({ method, path, status, seconds }: { method: string; path: string; status: number; seconds?: number }): void {
  const m = metrics();
  const route = routeGroup(path);
  const verb = METHODS.has(method) ? method : "OTHER";
  m.httpRequests.inc({ method: verb, route, status_class: `${Math.floor(status / 100)}xx` });
  if (seconds !== undefined) m.httpDuration.observe({ method: verb, route }, seconds);
}

/** A section change was stored (one real-time batch row, or one PUT save). */
export function recordSectionSave(via: SaveVia): void {
  metrics().sectionSaves.inc({ via });
}

/** An export was produced. */
export function recordExport(kind: ExportKind): void {
  metrics().exports.inc({ kind });
}

/** The Prometheus text exposition of this process. */
export async function scrape(): Promise<{ body: string; contentType: string }> {
  const { registry } = metrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}

export type MetricsAccess = "disabled" | "denied" | "granted";

/**
 * Who may scrape: nobody when METRICS_TOKEN is unset ("disabled", answered 404),
 * otherwise only `Authorization: Bearer <METRICS_TOKEN>`, compared in constant
 * time (both sides hashed first, so their lengths do not matter either).
 */
export function metricsAccess(authorization: string | null, env: Record<string, string | undefined> = process.env): MetricsAccess {
  const token = env.METRICS_TOKEN?.trim();
  if (!token) return "disabled";
  const given = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1] ?? "";
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return given && timingSafeEqual(digest(given), digest(token)) ? "granted" : "denied";
}
