/**
 * Versions on a ~100-page concept: compare two versions with changes in 10 % of
 * the paragraphs (server time of GET …/compare, p50/p95 of 30 requests; time until
 * the compare page is interactive in Chromium, median and spread of 5 loads), and
 * listing 50 versions (API p50/p95 of 30 requests; history page, median of 5).
 */
import { navigationTiming, signedInBrowser } from "./browser";
import { timePageLoads } from "./page-fetch";
import type { Doc } from "./content";
import { formatSpread, pct, round, spread } from "./stats";

type Ctx = {
  base: string;
  cookie: string;
  conceptId: string;
  /** every rich-text part with its current document */
  docs: { id: string; doc: Doc }[];
  put: (id: string, content: unknown) => Promise<void>;
  results: Record<string, unknown>;
};

/** Requests per timed route after two warm-up requests: enough for a p95 that is not the maximum. */
const SAMPLES = 30;
/** Browser page loads after one warm-up. */
const PAGE_LOADS = 5;

export async function benchVersions(ctx: Ctx) {
  const { base, cookie, conceptId } = ctx;
  const headers = { cookie, Origin: base, "Content-Type": "application/json" };
  const save = async (label: string) => {
    const res = await fetch(`${base}/api/concepts/${conceptId}/versions`, { method: "POST", headers, body: JSON.stringify({ label }) });
    if (res.status !== 201) throw new Error(`version ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { number: number }).number;
  };

  const saveTimes: number[] = [];
  let t = performance.now();
  const from = await save("Bench A");
  saveTimes.push(performance.now() - t);

  // Change every tenth paragraph: one word replaced, one sentence appended.
  let paragraphs = 0;
  let changed = 0;
  for (const { id, doc } of ctx.docs) {
    doc.content.forEach((node, i) => {
      if (node.type !== "paragraph") return;
      paragraphs++;
      if (paragraphs % 10 !== 0) return;
      changed++;
      const text = node.content![0]!.text!;
      doc.content[i] = { type: "paragraph", content: [{ type: "text", text: `${text.replace("Kommune", "Stadt")} Ergänzt nach der Ressortabstimmung.` }] };
    });
    await ctx.put(id, doc);
  }
  t = performance.now();
  const to = await save("Bench B");
  saveTimes.push(performance.now() - t);

  const server: number[] = [];
  let bytes = 0;
  for (let i = 0; i < SAMPLES + 2; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/concepts/${conceptId}/compare?from=${from}&to=${to}`, { headers: { cookie } });
    const body = await res.text();
    if (!res.ok) throw new Error(`compare ${res.status}: ${body.slice(0, 200)}`);
    if (i > 1) server.push(performance.now() - t0); // the first two warm the route
    bytes = body.length;
  }
  const sectionsChanged = (JSON.parse(await (await fetch(`${base}/api/concepts/${conceptId}/compare?from=${from}&to=${to}`, { headers: { cookie } })).text()) as {
    comparison: { totals: { sections: number } };
  }).comparison.totals.sections;

  // the comparison page's whole answer to a page load (server time and size, no browser)
  const { times: comparePageServer, kb: comparePageKB } = await timePageLoads(`${base}/concepts/${conceptId}/versionen/vergleich?von=${from}&bis=${to}`, cookie, 10);

  const { browser, page } = await signedInBrowser(base, cookie);
  const interactive: number[] = [];
  const loaded: number[] = [];
  for (let i = 0; i <= PAGE_LOADS; i++) {
    await page.goto(`${base}/concepts/${conceptId}/versionen/vergleich?von=${from}&bis=${to}`, { waitUntil: "load" });
    await page.getByRole("button", { name: "Anzeigen" }).waitFor();
    const nav = await navigationTiming(page);
    if (i > 0) {
      interactive.push(nav.interactive);
      loaded.push(nav.load);
    }
  }

  // 50 versions: list them (API and history page).
  let total = to;
  t = performance.now();
  while (total < 50) total = await save(`Bench ${total + 1}`);
  const createMs = (performance.now() - t) / Math.max(1, 50 - to);
  const list: number[] = [];
  for (let i = 0; i < SAMPLES + 2; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/concepts/${conceptId}/versions`, { headers: { cookie } });
    const json = (await res.json()) as { versions: unknown[] };
    if (json.versions.length < 50) throw new Error(`only ${json.versions.length} versions`);
    if (i > 1) list.push(performance.now() - t0);
  }
  // the history page's whole answer to a page load (server time and size, no browser)
  const { times: historyServer, kb: historyKB } = await timePageLoads(`${base}/concepts/${conceptId}/versionen`, cookie, SAMPLES);
  const historyPage: number[] = [];
  // where the history page's time goes: the server's first byte and the parsed page (browser timing)
  const historyFirstByte: number[] = [];
  const historyInteractive: number[] = [];
  for (let i = 0; i <= PAGE_LOADS; i++) {
    const t0 = performance.now();
    await page.goto(`${base}/concepts/${conceptId}/versionen`, { waitUntil: "load" });
    if (i > 0) {
      historyPage.push(performance.now() - t0);
      const nav = await page.evaluate(() => {
        const e = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        return { firstByte: e.responseStart, interactive: e.domInteractive };
      });
      historyFirstByte.push(nav.firstByte);
      historyInteractive.push(nav.interactive);
    }
  }
  await browser.close();

  ctx.results.versions = {
    conceptPages: 100,
    paragraphs,
    paragraphsChanged: changed,
    sectionsChanged,
    createVersionMs: saveTimes.map(round),
    compareRequests: server.length,
    compareServerP50Ms: round(pct(server, 50)),
    compareServerP95Ms: round(pct(server, 95)),
    compareServerMaxMs: round(Math.max(...server)),
    compareJsonKB: Math.round(bytes / 1024),
    comparePageServerP50Ms: round(pct(comparePageServer, 50)),
    comparePageKB,
    comparePageInteractive: spread(interactive),
    comparePageLoad: spread(loaded),
    versionsListed: 50,
    createVersionAvgMs: round(createMs),
    listApiRequests: list.length,
    listApiP50Ms: round(pct(list, 50)),
    listApiP95Ms: round(pct(list, 95)),
    historyServerP50Ms: round(pct(historyServer, 50)),
    historyServerP95Ms: round(pct(historyServer, 95)),
    historyPageKB: historyKB,
    historyPageLoad: spread(historyPage),
    historyPageFirstByte: spread(historyFirstByte),
    historyPageInteractive: spread(historyInteractive),
  };
  console.log(
    `Vergleich zweier Versionen (100 Seiten, ${changed} von ${paragraphs} Absätzen geändert): Server p50 ${round(pct(server, 50))} ms, p95 ${round(pct(server, 95))} ms (${server.length} Anfragen); ` +
      `Vergleichsseite: Server p50 ${round(pct(comparePageServer, 50))} ms (${comparePageKB} KB), interaktiv nach ${formatSpread(interactive)}, geladen nach ${formatSpread(loaded)}`,
  );
  console.log(
    `50 Versionen: Liste (API) p50 ${round(pct(list, 50))} ms, p95 ${round(pct(list, 95))} ms (${list.length} Anfragen); Verlaufsseite: Server p50 ${round(pct(historyServer, 50))} ms, p95 ${round(pct(historyServer, 95))} ms (${historyKB} KB), geladen nach ${formatSpread(historyPage)} (erstes Byte ${formatSpread(historyFirstByte)}, interaktiv ${formatSpread(historyInteractive)}); Version anlegen Ø ${round(createMs)} ms`,
  );
}
