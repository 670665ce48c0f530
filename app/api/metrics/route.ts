import { metricsAccess, scrape } from "@/lib/ops/metrics";

export const dynamic = "force-dynamic";

/**
 * GET /api/metrics — Prometheus metrics of this process. Not behind a session
 * like the other handlers: a scraper has none. Instead a bearer token
 * (METRICS_TOKEN); without one configured the endpoint does not exist (404).
 * The metrics hold counts by route group and kind only, no data of anyone.
 */
export async function GET(req: Request) {
  const access = metricsAccess(req.headers.get("authorization"));
  if (access === "disabled") return new Response("Nicht gefunden.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (access === "denied") {
    return new Response("Nicht angemeldet.", { status: 401, headers: { "content-type": "text/plain; charset=utf-8", "WWW-Authenticate": 'Bearer realm="metrics"' } });
  }
  const { body, contentType } = await scrape();
  return new Response(body, { headers: { "content-type": contentType, "Cache-Control": "no-store" } });
}
