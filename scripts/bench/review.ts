/**
 * Review on a ~100-page concept with 500 comment threads (400 on passages of
 * the text, 50 on measures, 50 on chapters): server time of the review page
 * (p50/p95 of 30 requests) and of the JSON archive (p50 of 20), and in Chromium
 * the time until the review page is interactive (domInteractive, load, and until
 * a click opens a comment form, i.e. the page is hydrated; median and spread of 5).
 */
import { navigationTiming, signedInBrowser } from "./browser";
import { timePageLoads } from "./page-fetch";
import type { Doc } from "./content";
import { formatSpread, pct, round, spread } from "./stats";

type Ctx = {
  base: string;
  cookie: string;
  conceptId: string;
  docs: { id: string; doc: Doc }[];
  results: Record<string, unknown>;
};

/** Review page requests after two warm-up requests: enough for a p95 that is not the maximum. */
const SAMPLES = 30;
/** Browser page loads after one warm-up. */
const PAGE_LOADS = 5;

export async function benchReview(ctx: Ctx) {
  const { base, cookie, conceptId } = ctx;
  const headers = { cookie, Origin: base, "Content-Type": "application/json" };
  const post = async (body: unknown) => {
    const res = await fetch(`${base}/api/concepts/${conceptId}/comments`, { method: "POST", headers, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`comment ${res.status}: ${(await res.text()).slice(0, 200)}`);
  };
  const tree = (await (await fetch(`${base}/api/concepts/${conceptId}`, { headers: { cookie } })).json()) as {
    fields: { key: string; measures: { id: string }[] }[];
  };
  const measures = tree.fields.flatMap((f) => f.measures.map((m) => m.id));
  const chapters = ["mandate", "vision", "baseline", "governance", "participation_process", "funding", "monitoring", "update", "demands"];

  // 400 passages spread over the parts: a distinct 30-character quote from every n-th paragraph.
  const passages: { sectionId: string; quote: string }[] = [];
  const perPart = Math.ceil(400 / ctx.docs.length);
  for (const { id, doc } of ctx.docs) {
    const paragraphs = doc.content.filter((n) => n.type === "paragraph" && n.content?.[0]?.text);
    const step = Math.max(1, Math.floor(paragraphs.length / perPart));
    for (let i = 0; i < paragraphs.length && passages.filter((p) => p.sectionId === id).length < perPart; i += step) {
      const text = paragraphs[i]!.content![0]!.text!;
      passages.push({ sectionId: id, quote: text.slice(10, 40) });
    }
  }
  const created: number[] = [];
  let n = 0;
  const jobs = [
    ...passages.slice(0, 400).map((p) => ({ target: { kind: "text", ...p }, body: `Anmerkung ${++n}: bitte prüfen, ob die Zahl noch stimmt. https://example.org/quelle-${n}` })),
    ...Array.from({ length: 50 }, (_, i) => ({ target: { kind: "measure", measureId: measures[i % Math.max(1, measures.length)] }, body: `Finanzierung von Maßnahme ${i + 1} ab 2028?` })),
    ...Array.from({ length: 50 }, (_, i) => ({ target: { kind: "chapter", chapter: chapters[i % chapters.length] }, body: `Allgemeine Anmerkung ${i + 1} zum Kapitel.` })),
  ].filter((j) => j.target.kind !== "measure" || measures.length > 0);
  for (const job of jobs) {
    const t0 = performance.now();
    await post(job);
    created.push(performance.now() - t0);
  }
  const threads = jobs.length;

  // as a browser loads a page (the review page sends its text once for a page load)
  const { times: server, kb: pageKB } = await timePageLoads(`${base}/concepts/${conceptId}/pruefung`, cookie, SAMPLES);
  const archive: number[] = [];
  let archived = 0;
  for (let i = 0; i < 22; i++) {
    const t0 = performance.now();
    const json = (await (await fetch(`${base}/api/concepts/${conceptId}/comments`, { headers: { cookie } })).json()) as { threads: unknown[] };
    if (i > 1) archive.push(performance.now() - t0);
    archived = json.threads.length;
  }

  const { browser, page } = await signedInBrowser(base, cookie);
  const interactive: number[] = [];
  const loaded: number[] = [];
  const usable: number[] = [];
  for (let i = 0; i <= PAGE_LOADS; i++) {
    const t0 = performance.now();
    await page.goto(`${base}/concepts/${conceptId}/pruefung`, { waitUntil: "commit" });
    // Hydrated: a click on the first "Kommentieren" opens the form. A click before the page's code runs does
    // nothing, for a person as for this script: click again, as a person would, until one opens it (the button
    // only opens, and is gone once the form is there).
    const open = page.locator("button.composer-open").first();
    const form = page.locator("form.composer").first();
    for (let tries = 0; !(await form.isVisible()); tries++) {
      if (tries === 200) throw new Error("Der Kommentar-Knopf der Prüfseite öffnet auch nach 200 Klicks kein Formular.");
      await open.click({ timeout: 250 }).catch(() => {});
      await form.waitFor({ timeout: 100 }).catch(() => {});
    }
    const clickMs = performance.now() - t0;
    await page.waitForLoadState("load");
    const nav = await navigationTiming(page);
    if (i > 0) {
      interactive.push(nav.interactive);
      loaded.push(nav.load);
      usable.push(clickMs);
    }
  }
  const highlighted = await page.evaluate(() => (CSS as unknown as { highlights?: Map<string, Set<unknown>> }).highlights?.get("kw-comment")?.size ?? 0);
  await browser.close();

  ctx.results.review = {
    conceptPages: 100,
    threads,
    archivedThreads: archived,
    highlightedPassages: highlighted,
    createThreadP50Ms: round(pct(created, 50)),
    reviewPageRequests: server.length,
    reviewPageServerP50Ms: round(pct(server, 50)),
    reviewPageServerP95Ms: round(pct(server, 95)),
    reviewPageServerMaxMs: round(Math.max(...server)),
    reviewPageHtmlKB: pageKB,
    archiveRequests: archive.length,
    archiveJsonP50Ms: round(pct(archive, 50)),
    reviewPageInteractive: spread(interactive),
    reviewPageLoad: spread(loaded),
    reviewPageHydratedClick: spread(usable),
  };
  console.log(
    `Prüfseite (100 Seiten, ${threads} Kommentare): Server p50 ${round(pct(server, 50))} ms, p95 ${round(pct(server, 95))} ms (${server.length} Anfragen), ${pageKB} KB HTML; ` +
      `interaktiv (domInteractive) ${formatSpread(interactive)}, geladen ${formatSpread(loaded)}, erster Klick wirkt nach ${formatSpread(usable)}; ` +
      `JSON-Archiv p50 ${round(pct(archive, 50))} ms (${archive.length} Anfragen); Kommentar anlegen p50 ${round(pct(created, 50))} ms (${created.length}×)`,
  );
}
