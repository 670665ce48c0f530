/**
 * Benchmark of the peer comparison (called by scripts/bench.ts with its running
 * server): publish a snapshot over 11,000 generated municipalities (26 metric
 * values each) into the server's database, then ask the comparison route for
 * one concept — build time and request latency.
 */
import { closeDb } from "@/db";
import { buildComparison, loadSnapshot } from "@/lib/peers/compare";
import { buildSnapshot, type Source } from "@/lib/peers/publish";
import { publishSources } from "@/lib/peers/service";
import { generatedPeers } from "@/lib/peers/synthetic";
import { pct, round } from "./stats";


export async function benchPeers(opts: { base: string; cookie: string; conceptId: string; dataDir: string; count?: number }) {
  const count = opts.count ?? 11_000;
  // attach to the bench server's embedded database (not owned: this process will not stop it)
  process.env.DATA_DIR = opts.dataDir;
  process.env.DATABASE_URL = "";
  const sources: Source[] = generatedPeers(count).map((p) => ({ municipalityId: null, syntheticId: p.id, level: p.level, population: p.population, metrics: p.metrics }));

  // in memory: partition + member keys, then the structural suppression of every figure and cell
  let t = performance.now();
  const { groups, contributions } = buildSnapshot(sources, "bench-secret");
  const buildMs = performance.now() - t;
  t = performance.now();
  const loaded = loadSnapshot({ id: "bench", publishedAt: new Date(), groups, contributions, syntheticCount: count });
  const structureMs = performance.now() - t;
  const inProcess: number[] = [];
  for (let i = 0; i < 30; i++) {
    t = performance.now();
    buildComparison(loaded, { municipalityId: `viewer-${i}`, level: "town", population: 15_000 }, "all", contributions[0]!.metrics);
    inProcess.push(performance.now() - t);
  }

  // with the database: publish (build + insert), then the route
  const published = await publishSources({ trigger: "bench", sources, syntheticCount: count });
  await closeDb();
  const get = async (group: string) => {
    const t0 = performance.now();
    const res = await fetch(`${opts.base}/api/concepts/${opts.conceptId}/peers?group=${group}`, { headers: { cookie: opts.cookie } });
    if (!res.ok) throw new Error(`peers ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as { group: { n: number } };
    return { ms: performance.now() - t0, n: body.group.n };
  };
  const cold = await get("own");
  const latencies: number[] = [];
  const groupsAsked = ["own", "level", "all"];
  let allN = 0;
  for (let i = 0; i < 150; i++) {
    const r = await get(groupsAsked[i % 3]!);
    if (i % 3 === 2) allN = r.n;
    latencies.push(r.ms);
  }
  const result = {
    municipalities: count,
    metricValuesEach: 26,
    groups: groups.length,
    buildPartitionMs: round(buildMs),
    structuralSuppressionMs: round(structureMs),
    comparisonInProcessAllP50Ms: round(pct(inProcess, 50)),
    publishWithDatabaseMs: round(published.ms),
    routeFirstRequestMs: round(cold.ms),
    routeRequests: latencies.length,
    routeP50Ms: round(pct(latencies, 50)),
    routeP95Ms: round(pct(latencies, 95)),
    peersInAll: allN,
  };
  console.log(
    `Vergleich (${count} Kommunen): Aufteilung ${result.buildPartitionMs} ms, Unterdrückung ${result.structuralSuppressionMs} ms, Veröffentlichen mit Datenbank ${result.publishWithDatabaseMs} ms; ` +
      `Route: erste Anfrage ${result.routeFirstRequestMs} ms, danach p50 ${result.routeP50Ms} ms, p95 ${result.routeP95Ms} ms (${latencies.length} Anfragen, eigene/Ebene/alle)`,
  );
  return result;
}
