/**
 * Review on a ~100-page concept with 500 comment threads (400 on passages of
 * the text, 50 on measures, 50 on chapters): server time of the review page and
 * of the JSON archive (p50/p95), and in Chromium the time until the review page
 * is interactive (domInteractive, load, and until a click opens a comment form,
 * i.e. the page is hydrated).
 */
import { navigationTiming, pct, round, signedInBrowser } from "./stats";

type Doc = { type: string; content: { type: string; content?: { type: string; text?: string }[] }[] };
type Ctx = {
  base: string;
  cookie: string;
  conceptId: string;
  docs: { id: string; doc: Doc }[];
  results: Record<string, unknown>;
};


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

  const server: number[] = [];
  let pageKB = 0;
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}/concepts/${conceptId}/pruefung`, { headers: { cookie } });
    const html = await res.text();
    if (!res.ok) throw new Error(`review page ${res.status}`);
    if (i > 1) server.push(performance.now() - t0);
    pageKB = Math.round(html.length / 1024);
  }
  const archive: number[] = [];
  let archived = 0;
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    const json = (await (await fetch(`${base}/api/concepts/${conceptId}/comments`, { headers: { cookie } })).json()) as { threads: unknown[] };
    if (i > 1) archive.push(performance.now() - t0);
    archived = json.threads.length;
  }

  const { browser, page } = await signedInBrowser(base, cookie);
  const interactive: number[] = [];
  const loaded: number[] = [];
  const usable: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await page.goto(`${base}/concepts/${conceptId}/pruefung`, { waitUntil: "commit" });
    // Hydrated: a click on the first "Kommentieren" opens the form.
    await page.locator("button.composer-open").first().click();
    await page.locator("form.composer").first().waitFor();
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
    reviewPageServerP50Ms: round(pct(server, 50)),
    reviewPageServerP95Ms: round(pct(server, 95)),
    reviewPageHtmlKB: pageKB,
    archiveJsonP50Ms: round(pct(archive, 50)),
    reviewPageInteractiveP50Ms: round(pct(interactive, 50)),
    reviewPageLoadP50Ms: round(pct(loaded, 50)),
    reviewPageHydratedClickP50Ms: round(pct(usable, 50)),
  };
  console.log(
    `Prüfseite (100 Seiten, ${threads} Kommentare): Server p50 ${round(pct(server, 50))} ms, p95 ${round(pct(server, 95))} ms, ${pageKB} KB HTML; ` +
      `interaktiv (domInteractive) ${round(pct(interactive, 50))} ms, geladen ${round(pct(loaded, 50))} ms, erster Klick wirkt nach ${round(pct(usable, 50))} ms; ` +
      `JSON-Archiv p50 ${round(pct(archive, 50))} ms; Kommentar anlegen p50 ${round(pct(created, 50))} ms`,
  );
}
