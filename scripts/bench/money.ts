/**
 * Chapter 7, the Konzept-Check and the monitoring on a concept with 300 measures
 * (each with three funding lines and three indicators, mixed statuses and
 * periods, some lines ending before their measure) and 1,000 Ist-Werte: server
 * time of GET /api/concepts/{id}/funding, /check and /monitoring (p50/p95 of 30
 * requests after 2 warm-ups). The concept is imported from the bench concept's
 * backup with the measures replaced; the values go in through
 * POST /api/concepts/{id}/monitoring/values.
 */
import { pct, round } from "./stats";

const MEASURES = 300;
const SAMPLES = 30;
const VALUES = 1000;

type Backup = { concept: { title: string; settings: Record<string, unknown> }; fields: { key: string }[]; measures: Record<string, unknown>[]; subGoals: unknown[] };

function measure(i: number, fieldKey: string, position: number) {
  const statuses = ["planned", "running", "established", "completed"] as const;
  const sources = ["state", "federal", "eu", "thirdParty", "municipal"] as const;
  const start = `${2020 + (i % 8)}-${String((i % 12) + 1).padStart(2, "0")}-01`;
  return {
    fieldKey,
    position,
    subGoalRefs: [],
    title: `Maßnahme ${i + 1}: Beratung und Begleitung im Quartier`,
    description: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `Beschreibung der Maßnahme ${i + 1}.` }] }] },
    targetGroups: ["Neuzugewanderte", "Familien"],
    taskType: i % 3 === 0 ? "mandatory" : "voluntary",
    leadOffice: i % 10 === 0 ? "" : `Amt ${50 + (i % 9)}`,
    partners: ["Wohlfahrtsverband", "Jobcenter"],
    status: statuses[i % 4],
    startDate: start,
    endDate: i % 5 === 0 ? null : `${2027 + (i % 5)}-12-31`,
    priority: "medium",
    staffFte: ((i % 8) + 1) * 0.25,
    materialCostCents: 500_000 + i * 1_234,
    fundingLines: [0, 1, 2].map((k) => ({
      source: sources[(i + k) % 5],
      programme: `Programm ${(i + k) % 17}`,
      amountCents: 1_000_000 + ((i * 7 + k) % 50) * 10_000,
      until: k === 2 ? null : `${2026 + ((i + k) % 4)}-12-31`,
    })),
    indicators: [0, 1, 2].map((k) => ({
      name: `Indikator ${k + 1}`,
      kind: k === 0 ? "output" : "outcome",
      unit: k === 2 ? "" : "Personen",
      baseline: k === 1 ? "hoch" : String(100 + i),
      target: String(150 + i),
      dataSource: "Fachstatistik",
      cadence: "jährlich",
    })),
  };
}

async function timed(url: string, cookie: string) {
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < SAMPLES + 2; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    const body = await res.text();
    if (!res.ok) throw new Error(`${url} ${res.status}: ${body.slice(0, 200)}`);
    if (i > 1) times.push(performance.now() - t0);
    size = body.length;
  }
  return { times, kb: Math.round(size / 1024) };
}

export async function benchMoney(opts: { base: string; cookie: string; conceptId: string }) {
  const { base, cookie } = opts;
  const backup = (await (await fetch(`${base}/api/concepts/${opts.conceptId}/export`, { headers: { cookie } })).json()) as Backup;
  const fields = backup.fields.map((f) => f.key);
  backup.measures = Array.from({ length: MEASURES }, (_, i) => measure(i, fields[i % fields.length]!, Math.floor(i / fields.length)));
  backup.concept.title = "Konzept mit 300 Maßnahmen";
  backup.concept.settings = { ...backup.concept.settings, validFrom: "2026-01-01", validUntil: "2030-12-31" };
  const res = await fetch(`${base}/api/concepts/import`, { method: "POST", headers: { cookie, Origin: base, "Content-Type": "application/json" }, body: JSON.stringify(backup) });
  if (res.status !== 201) throw new Error(`import ${res.status}: ${(await res.text()).slice(0, 300)}`);
  const { id } = (await res.json()) as { id: string };

  // 1,000 Ist-Werte over the 900 indicators (the first 100 get a second year), four requests at a time.
  const tree = (await (await fetch(`${base}/api/concepts/${id}`, { headers: { cookie } })).json()) as {
    fields: { measures: { id: string; indicators: { id: string }[] }[] }[];
  };
  const targets = tree.fields.flatMap((f) => f.measures.flatMap((m) => m.indicators.map((x) => ({ measureId: m.id, indicatorId: x.id }))));
  if (targets.length === 0) throw new Error("monitoring: the imported concept has no indicators");
  const record = async (v: number) => {
    const target = targets[v % targets.length]!;
    const body = { ...target, observedOn: `${2023 + Math.floor(v / targets.length)}-12-31`, value: String(120 + (v % 40)), source: "Fachstatistik" };
    const res = await fetch(`${base}/api/concepts/${id}/monitoring/values`, {
      method: "POST",
      headers: { cookie, Origin: base, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (res.status !== 201) throw new Error(`monitoring value ${res.status}: ${(await res.text()).slice(0, 300)}`);
  };
  for (let v = 0; v < VALUES; v += 4) await Promise.all([v, v + 1, v + 2, v + 3].filter((n) => n < VALUES).map(record));

  const funding = await timed(`${base}/api/concepts/${id}/funding`, cookie);
  const check = await timed(`${base}/api/concepts/${id}/check`, cookie);
  const monitoring = await timed(`${base}/api/concepts/${id}/monitoring`, cookie);
  const findings = ((await (await fetch(`${base}/api/concepts/${id}/check`, { headers: { cookie } })).json()) as { findings: unknown[] }).findings.length;
  const result = {
    measures: MEASURES,
    fundingLines: MEASURES * 3,
    indicators: MEASURES * 3,
    indicatorValues: VALUES,
    findings,
    funding: { samples: SAMPLES, p50Ms: round(pct(funding.times, 50)), p95Ms: round(pct(funding.times, 95)), responseKB: funding.kb },
    check: { samples: SAMPLES, p50Ms: round(pct(check.times, 50)), p95Ms: round(pct(check.times, 95)), responseKB: check.kb },
    monitoring: { samples: SAMPLES, p50Ms: round(pct(monitoring.times, 50)), p95Ms: round(pct(monitoring.times, 95)), responseKB: monitoring.kb },
  };
  console.log(
    `Finanzübersicht, Konzept-Check und Monitoring (${MEASURES} Maßnahmen, ${MEASURES * 3} Förderungen, ${MEASURES * 3} Indikatoren, ${VALUES} Ist-Werte, ${findings} Befunde): ` +
      `/funding p50 ${result.funding.p50Ms} ms, p95 ${result.funding.p95Ms} ms (${result.funding.responseKB} KB); ` +
      `/check p50 ${result.check.p50Ms} ms, p95 ${result.check.p95Ms} ms (${result.check.responseKB} KB); ` +
      `/monitoring p50 ${result.monitoring.p50Ms} ms, p95 ${result.monitoring.p95Ms} ms (${result.monitoring.responseKB} KB)`,
  );
  return result;
}
