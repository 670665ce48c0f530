/**
 * Chapter 7 and the Konzept-Check on a concept with 300 measures (each with
 * three funding lines and three indicators, mixed statuses and periods across
 * the fields of action, some lines ending before their measure; built by
 * ./money-data.ts) and 1,000 indicator values. Server time, p50/p95 of 30 runs
 * after 2 warm-ups:
 *  - in the server's code, the concept loaded: the funding overview, the
 *    funding cliff, the check's rules (./money-compute.ts); and the same with
 *    loading the concept from the database (lib/funding/service, lib/check/service);
 *  - over HTTP: GET /api/concepts/{id}/funding, /check and /monitoring (with the 1,000 values,
 *    stored through POST /api/concepts/{id}/monitoring/values).
 * The concept is imported from the bench concept's backup with the measures replaced.
 */
import { closeDb } from "@/db";
import { getConceptById, getConceptTree } from "@/db/queries/concepts";
import { getStaffCostRate } from "@/db/queries/funding";
import { checkOfConcept } from "@/lib/check/service";
import { berlinToday } from "@/lib/check/context";
import { fundingOfConcept } from "@/lib/funding/service";
import { timeComputations } from "./money-compute";
import { indicatorValuePlan, moneyBackup, MONEY_MEASURES, type MoneyBackup } from "./money-data";
import { pct, round } from "./stats";

const SAMPLES = 30;
const WARMUPS = 2;

const summary = (times: number[]) => ({ samples: times.length, p50Ms: round(pct(times, 50)), p95Ms: round(pct(times, 95)) });
const line = (s: { p50Ms: number; p95Ms: number }) => `p50 ${s.p50Ms} ms, p95 ${s.p95Ms} ms`;

async function timed(url: string, cookie: string) {
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < SAMPLES + WARMUPS; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    const body = await res.text();
    if (!res.ok) throw new Error(`${url} ${res.status}: ${body.slice(0, 200)}`);
    if (i >= WARMUPS) times.push(performance.now() - t0);
    size = body.length;
  }
  return { ...summary(times), responseKB: Math.round(size / 1024) };
}

async function timedAsync(run: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES + WARMUPS; i++) {
    const t0 = performance.now();
    await run();
    if (i >= WARMUPS) times.push(performance.now() - t0);
  }
  return summary(times);
}

export async function benchMoney(opts: { base: string; cookie: string; conceptId: string; dataDir: string }) {
  const { base, cookie } = opts;

  // 1. The concept: the bench concept's backup with 300 measures, imported like any backup.
  const source = (await (await fetch(`${base}/api/concepts/${opts.conceptId}/export`, { headers: { cookie } })).json()) as MoneyBackup;
  const backup = moneyBackup(source, MONEY_MEASURES);
  const res = await fetch(`${base}/api/concepts/import`, { method: "POST", headers: { cookie, Origin: base, "Content-Type": "application/json" }, body: JSON.stringify(backup) });
  if (res.status !== 201) throw new Error(`import ${res.status}: ${(await res.text()).slice(0, 300)}`);
  const { id } = (await res.json()) as { id: string };

  // 2. Indicator values (Ist-Werte): 1,000 values over the numeric indicators, stored through
  //    POST /api/concepts/{id}/monitoring/values like an office's entries, four requests at a time.
  const values = indicatorValuePlan(backup);
  const imported = (await (await fetch(`${base}/api/concepts/${id}`, { headers: { cookie } })).json()) as {
    fields: { measures: { title: string; indicators: { id: string }[]; id: string }[] }[];
  };
  const byTitle = new Map(imported.fields.flatMap((f) => f.measures).map((m) => [m.title, m]));
  const perIndicator = new Map<string, number>();
  const record = async (v: (typeof values)[number]) => {
    const measure = byTitle.get(String(backup.measures[v.measure]!.title));
    const indicatorId = measure?.indicators[v.indicator]?.id;
    if (!measure || !indicatorId) throw new Error(`monitoring: measure ${v.measure} / indicator ${v.indicator} not found after the import`);
    // The n-th value of an indicator is for the year 2023 + n (values in the future are refused).
    const n = perIndicator.get(indicatorId) ?? 0;
    perIndicator.set(indicatorId, n + 1);
    const body = { measureId: measure.id, indicatorId, observedOn: `${2023 + n}-12-31`, value: String(v.value), source: v.source };
    const res = await fetch(`${base}/api/concepts/${id}/monitoring/values`, {
      method: "POST",
      headers: { cookie, Origin: base, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (res.status !== 201) throw new Error(`monitoring value ${res.status}: ${(await res.text()).slice(0, 300)}`);
  };
  for (let v = 0; v < values.length; v += 4) await Promise.all(values.slice(v, v + 4).map(record));
  const indicatorValues = { planned: values.length, stored: values.length };

  // 3. In the server's code, attached to the bench server's embedded database (not owned: this process will not stop it).
  process.env.DATA_DIR = opts.dataDir;
  process.env.DATABASE_URL = "";
  const concept = await getConceptById({ id });
  if (!concept) throw new Error("imported concept not found");
  const tree = await getConceptTree({ conceptId: id });
  const rate = await getStaffCostRate({ municipalityId: concept.municipalityId });
  const computed = timeComputations(concept, tree, { rate, today: berlinToday(), samples: SAMPLES, warmups: WARMUPS });
  const withLoading = {
    funding: await timedAsync(() => fundingOfConcept(concept)),
    check: await timedAsync(() => checkOfConcept(concept)),
  };
  await closeDb();

  // 4. The routes (session, permission, loading, computing, JSON).
  const routes = {
    funding: await timed(`${base}/api/concepts/${id}/funding`, cookie),
    check: await timed(`${base}/api/concepts/${id}/check`, cookie),
    monitoring: await timed(`${base}/api/concepts/${id}/monitoring`, cookie),
  };

  const result = {
    measures: tree.measures.length,
    fundingLines: tree.measures.reduce((a, m) => a + m.fundingLines.length, 0),
    indicators: tree.measures.reduce((a, m) => a + m.indicators.length, 0),
    indicatorValues,
    findings: computed.findings.length,
    cliffYears: computed.cliff.years.length,
    computed: { funding: summary(computed.times.funding), cliff: summary(computed.times.cliff), check: summary(computed.times.check) },
    withLoading,
    routes,
  };
  console.log(
    `Finanzen und Konzept-Check (${result.measures} Maßnahmen, ${result.fundingLines} Förderungen, ${result.indicators} Indikatoren, ` +
      `${indicatorValues.stored} Ist-Werte; ${result.findings} Befunde):\n` +
      `  berechnet: Finanzübersicht ${line(result.computed.funding)}; Förderklippe ${line(result.computed.cliff)}; Konzept-Check ${line(result.computed.check)}\n` +
      `  mit Laden aus der Datenbank: Finanzübersicht ${line(withLoading.funding)}; Konzept-Check ${line(withLoading.check)}\n` +
      `  Routen: /funding ${line(routes.funding)} (${routes.funding.responseKB} KB); /check ${line(routes.check)} (${routes.check.responseKB} KB); /monitoring ${line(routes.monitoring)} (${routes.monitoring.responseKB} KB)`,
  );
  return result;
}
