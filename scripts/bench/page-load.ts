/**
 * Opening and scrolling the ~100-page concept (issue 17), beside the single-editor page of the
 * same run (the whole concept in one Tiptap editor), three runs each in a fresh browser context:
 *  - server: time to the first byte and to the whole HTML, p50/p95 of 20 requests after 2 warm-ups;
 *  - first-load JavaScript: the scripts the page's HTML names (what a reader fetches before any part
 *    becomes an editor), raw and gzip, and whether the editor's code (ProseMirror) is among them;
 *  - in Chromium: first contentful paint, load, first part editable, layout shift during the load;
 *  - one quick pass down the whole page (a step of 80 % of the window every frame and a bit): the
 *    slowest step (scroll → next frame), long tasks over 50 ms, layout shift, and layouts (ResizeObserver,
 *    before they are painted) in which a part with text is empty or under 4 px high while it becomes an editor;
 *  - the JavaScript heap after a garbage collection, after the load and after the pass.
 */
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { pct, round } from "./stats";
import { fiberCensus } from "./fibers";
import { benchSaveAfterLoad } from "./save-after-load";
import { heapMB, OBSERVE, SHIFT_SOURCES, TIMELINE, UNBATCH_REVEALS, UNBATCHED_REVEALS } from "./page-observe";
import { recordProfile, TIMELINE_CATEGORIES } from "./profile";

const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 3);
const SERVER_SAMPLES = 20;

type Figures = {
  ttfbMs: number;
  fcpMs: number;
  loadMs: number;
  editableMs: number;
  loadShift: number;
  scrollSteps: number;
  slowestStepMs: number;
  longTasksOver50: number;
  longestTaskMs: number;
  scrollShift: number;
  blankFrames: number;
  heapLoadMB: number;
  heapScrolledMB: number;
  /** the scripts the browser itself fetched until the load event, as sent (gzip): checks firstLoadJsGzipKB from the HTML */
  jsFetchedByLoadKB: number;
  /** first part editable when the page is opened again in the same context: scripts and stylesheet from the cache */
  editableCachedMs: number;
};

/**
 * BENCH_PAGE_NETWORK=rtt,mbit (e.g. 40,50): the browser's network slowed to an office line (round trip in ms,
 * Mbit/s each way); by default the browser talks to the server on this machine without delay.
 */
const NETWORK = (() => {
  const [rtt, mbit] = (process.env.BENCH_PAGE_NETWORK ?? "").split(",").map(Number);
  return rtt! > 0 && mbit! > 0 ? { rttMs: rtt!, mbit: mbit! } : null;
})();


/** A step that does not finish in time names itself instead of holding the run. */
function within<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([work, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`Seitenmessung: ${what} nach ${ms / 1000} s nicht fertig`)), ms)))]).finally(() => clearTimeout(timer));
}

/**
 * Where a pass that did not finish stood: its last step, the scroll position and the page's height (a page that
 * keeps growing), or that the page no longer answers at all (its main thread is stuck).
 */
function passStuck(page: Page): Promise<string> {
  const where = page.evaluate(() => JSON.stringify((window as unknown as { __kwPass?: object }).__kwPass ?? "vor dem ersten Schritt"));
  return within("Antwort der Seite", 5_000, where).then(
    (w) => `Stand: ${w}`,
    (e: unknown) => `Seite nicht lesbar: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`,
  );
}

/** BENCH_HEAP_SNAPSHOT=dir: a heap snapshot of the page after the load and after the pass, for the DevTools' memory panel. */
async function heapSnapshot(page: Page, hasParts: boolean, when: string) {
  const dir = process.env.BENCH_HEAP_SNAPSHOT;
  if (!dir) return;
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on("HeapProfiler.addHeapSnapshotChunk", (e: { chunk: string }) => void chunks.push(e.chunk));
  await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
  await cdp.detach();
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${hasParts ? "konzeptseite" : "einzeleditor"}-${when}-${Date.now()}.heapsnapshot`), chunks.join(""));
}

/** A page of `context`, its network slowed when BENCH_PAGE_NETWORK asks for it. */
async function measuredPage(context: BrowserContext) {
  const page = await context.newPage();
  if (NETWORK) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: NETWORK.rttMs, downloadThroughput: (NETWORK.mbit * 1e6) / 8, uploadThroughput: (NETWORK.mbit * 1e6) / 8 });
  }
  return page;
}

/** Until the first part can be written in, seen from inside the page (page-observe.ts), since the navigation. */
async function editableAt(page: Page, hasParts: boolean) {
  // A reader scrolls to the first part (it opens when near the view); asked for four times a second.
  await page.locator(hasParts ? ".section-editor" : ".ProseMirror, .rich-text").first().scrollIntoViewIfNeeded();
  return (await (await page.waitForFunction(() => (window as unknown as { __kw: { editableAt?: number } }).__kw.editableAt, null, { polling: 250, timeout: 60_000 })).jsonValue()) as number;
}

/**
 * The page opened a second time in its context, as by someone who comes back to the concept: the scripts and the
 * stylesheet (immutable, cached for a year) come from the browser's cache; the page itself is never cached.
 */
async function editableAgain(page: Page, url: string, hasParts: boolean) {
  try {
    await page.addInitScript(OBSERVE);
    if (UNBATCHED_REVEALS) await page.addInitScript(UNBATCH_REVEALS);
    await page.goto(url, { waitUntil: "load" });
    return await editableAt(page, hasParts);
  } finally {
    await page.close();
  }
}

async function openAndScroll(page: Page, url: string, hasParts: boolean): Promise<Figures> {
  await page.addInitScript(OBSERVE);
  if (UNBATCHED_REVEALS) await page.addInitScript(UNBATCH_REVEALS);
  // BENCH_CPU_PROFILE=dir: the browser's CPU profile from navigation until the first part is editable
  const profiler = process.env.BENCH_CPU_PROFILE && hasParts ? await page.context().newCDPSession(page) : null;
  if (profiler) {
    await profiler.send("Profiler.enable");
    await profiler.send("Profiler.setSamplingInterval", { interval: 200 });
    await profiler.send("Profiler.start");
  }
  // BENCH_TRACE=dir: the browser's performance trace (as DevTools records it) until the first part is editable
  const tracing = process.env.BENCH_TRACE && hasParts ? page.context().browser() : null;
  if (tracing) {
    fs.mkdirSync(process.env.BENCH_TRACE!, { recursive: true });
    const file = path.join(process.env.BENCH_TRACE!, `konzeptseite-${Date.now()}.json`);
    await tracing.startTracing(page, { path: file, categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink.user_timing"] });
  }
  const t0 = performance.now();
  await page.goto(url, { waitUntil: "load" });
  const loadMs = performance.now() - t0;
  const editableMs = await editableAt(page, hasParts);
  if (profiler) {
    const { profile } = (await profiler.send("Profiler.stop")) as { profile: unknown };
    fs.mkdirSync(process.env.BENCH_CPU_PROFILE!, { recursive: true });
    fs.writeFileSync(path.join(process.env.BENCH_CPU_PROFILE!, `konzeptseite-${Date.now()}.cpuprofile`), JSON.stringify(profile));
    await profiler.detach();
  }
  if (tracing) await tracing.stopTracing();
  // The page settles (parts near the top connect) before the heap and the pass.
  await page.waitForTimeout(1500);
  const early = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const fcp = performance.getEntriesByName("first-contentful-paint")[0];
    const kw = (window as unknown as { __kw: { shifts: [number, number][] } }).__kw;
    const scripts = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((e) => e.initiatorType === "script" && e.startTime <= nav.loadEventEnd);
    return {
      ttfb: nav.responseStart - nav.requestStart,
      fcp: fcp?.startTime ?? NaN,
      shift: kw.shifts.reduce((a, [, v]) => a + v, 0),
      jsKB: scripts.reduce((a, e) => a + e.encodedBodySize, 0) / 1024,
    };
  });
  if (TIMELINE && hasParts) {
    const tl = await page.evaluate(() => {
      const w = window as unknown as { __kwTimeline: Record<string, number>; __kw: { longTasks: [number, number][] } };
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const res = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
      const scripts = res.filter((r) => r.initiatorType === "script" || r.name.endsWith(".js"));
      const userMarks: Record<string, number> = {};
      // (a mark set again later, e.g. by another part, keeps its first time)
      for (const m of performance.getEntriesByType("mark")) userMarks[m.name] ??= Math.round(m.startTime);
      const t: Record<string, number> = { ...userMarks, ...w.__kwTimeline, htmlEnd: Math.round(nav.responseEnd), lastScript: Math.round(Math.max(0, ...scripts.map((r) => r.responseEnd))), stylesheet: Math.round(Math.max(0, ...res.filter((r) => r.name.endsWith(".css")).map((r) => r.responseEnd))), firstScripts: Math.round(Math.max(0, ...scripts.filter((r) => r.startTime < nav.responseEnd).map((r) => r.responseEnd))), loadEvent: Math.round(nav.loadEventStart) };
      const editable = t.partEditable ?? Infinity;
      const busy = w.__kw.longTasks.filter(([s]) => s < editable);
      const detail = scripts.map((r) => `${r.name.split("/").pop()!.slice(0, 24)} ${Math.round(r.startTime)}→${Math.round(r.responseEnd)} ${Math.round(r.encodedBodySize / 1024)}KB`);
      // requests the page's code made itself (the router's prefetches among them), up to the editable part
      const fetches = res.filter((r) => r.initiatorType === "fetch" && r.startTime < editable).map((r) => `${new URL(r.name).pathname.slice(0, 60)} ${Math.round(r.startTime)}→${Math.round(r.responseEnd)}`);
      const tasks = busy.map(([s, d]) => `${Math.round(s)}+${Math.round(d)}`);
      const counts = { scripts: scripts.length, longTasks: busy.length, longTaskMs: Math.round(busy.reduce((a, [, d]) => a + d, 0)) };
      return { marks: t, counts, detail: detail.join(", "), tasks: tasks.join(", "), fetches: fetches.join(", ") };
    });
    if (process.env.BENCH_TIMELINE_DETAIL) console.log(`  Skripte: ${tl.detail}\n  Abrufe der Seite: ${tl.fetches || "keine"}\n  lange Aufgaben: ${tl.tasks}`);
    const marks = Object.entries(tl.marks).sort((a, b) => a[1] - b[1]).map(([k, v]) => `${k} ${v}`).join(" · ");
    console.log(`  Zeitlinie (ms ab Navigation): ${marks}; ${tl.counts.scripts} Skripte, ${tl.counts.longTasks} lange Aufgaben (${tl.counts.longTaskMs} ms) bis bearbeitbar`);
  }
  if (process.env.BENCH_FIBERS && hasParts) console.log(`  ${await fiberCensus(page)}`);
  const heapLoadMB = await within("Heap nach dem Laden", 60_000, heapMB(page));
  await heapSnapshot(page, hasParts, "geladen");
  // BENCH_SCROLL_PROFILE=dir: the browser's CPU profile and trace of the pass through the page
  const scrollDir = hasParts ? process.env.BENCH_SCROLL_PROFILE : undefined;
  const scrollRecording = scrollDir
    ? await recordProfile(page, {
        intervalUs: 200,
        categories: [...TIMELINE_CATEGORIES, ...(process.env.BENCH_SCROLL_INVALIDATIONS ? ["disabled-by-default-devtools.timeline.invalidationTracking"] : [])],
      })
    : null;
  const pass = await within("Durchlauf durch die Seite", 180_000, page.evaluate(async (parts) => {
    // (no named functions in here: the bench's compiler would wrap them in a helper the page does not have)
    const kw = (window as unknown as { __kw: { shifts: [number, number, string[]][]; longTasks: [number, number][]; frame: () => Promise<number> } }).__kw;
    window.scrollTo(0, 0);
    await kw.frame();
    // The parts that hold text, as the server sent them.
    const withText = parts ? [...document.querySelectorAll<HTMLElement>(".section-editor")].filter((el) => (el.textContent ?? "").trim().length > 0) : [];
    const start = performance.now();
    const steps: number[] = [];
    let blank = 0;
    // Every layout in which a part with text is empty or collapsed (before that frame is painted), also between the steps.
    const watch = new ResizeObserver((entries) => {
      // (parts in a chapter the browser skips, content-visibility: auto, are not laid out and do not count)
      const shown = entries.filter((e) => (e.target as HTMLElement & { checkVisibility?: (o: object) => boolean }).checkVisibility?.({ contentVisibilityAuto: true }) !== false);
      if (shown.some((e) => e.contentRect.height < 4 || (e.target.querySelector(".ProseMirror, .rich-static")?.textContent ?? "").trim() === "")) blank++;
    });
    for (const el of withText) watch.observe(el);
    for (let guard = 0; guard < 2000; guard++) {
      const before = window.scrollY;
      const t = performance.now();
      window.scrollBy(0, Math.round(window.innerHeight * 0.8));
      // Where the pass is, for the message when it does not finish (passStuck).
      (window as unknown as { __kwPass: object }).__kwPass = { step: guard + 1, y: Math.round(window.scrollY), height: document.documentElement.scrollHeight };
      steps.push((await kw.frame()) - t);
      if (window.scrollY === before) break;
      await new Promise((r) => setTimeout(r, 16));
    }
    await new Promise((r) => setTimeout(r, 500));
    watch.disconnect();
    const tasks = kw.longTasks.filter(([s]) => s >= start);
    return {
      steps,
      blankFrames: blank,
      longTasks: tasks.filter(([, d]) => d > 50).length,
      longest: Math.max(0, ...tasks.map(([, d]) => d)),
      shift: kw.shifts.filter(([s]) => s >= start).reduce((a, [, v]) => a + v, 0),
      sources: kw.shifts.filter(([s]) => s >= start).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([, v, src]) => `${v.toFixed(3)}: ${src.join(" | ")}`),
    };
  }, hasParts)).catch(async (error: unknown) => {
    throw new Error(`${error instanceof Error ? error.message : String(error)} (${await passStuck(page)})`);
  });
  if (scrollDir && scrollRecording) {
    const { profile, trace } = await scrollRecording.stop();
    const stamp = Date.now();
    fs.mkdirSync(scrollDir, { recursive: true });
    fs.writeFileSync(path.join(scrollDir, `durchlauf-${stamp}.json`), trace);
    fs.writeFileSync(path.join(scrollDir, `durchlauf-${stamp}.cpuprofile`), JSON.stringify(profile));
  }
  const heapScrolledMB = await within("Heap nach dem Durchlauf", 60_000, heapMB(page));
  await heapSnapshot(page, hasParts, "durchlaufen");
  if (SHIFT_SOURCES) console.log(`Verschiebungen beim Scrollen (${url}):\n  ${pass.sources.join("\n  ")}`);
  return {
    ttfbMs: early.ttfb,
    fcpMs: early.fcp,
    loadMs,
    editableMs,
    loadShift: early.shift,
    scrollSteps: pass.steps.length,
    slowestStepMs: Math.max(...pass.steps),
    longTasksOver50: pass.longTasks,
    longestTaskMs: pass.longest,
    scrollShift: pass.shift,
    blankFrames: pass.blankFrames,
    heapLoadMB,
    heapScrolledMB,
    jsFetchedByLoadKB: early.jsKB,
    editableCachedMs: NaN, // the caller opens the page again for it
  };
}

async function serverTimes(url: string, cookie: string) {
  const ttfb: number[] = [];
  const whole: number[] = [];
  let bytes = 0;
  let html = "";
  for (let i = 0; i < SERVER_SAMPLES + 2; i++) {
    const t0 = performance.now();
    // as a browser loads a page (the concept page sends its text once for a page load, see its staticText)
    const res = await fetch(url, { headers: { cookie, accept: "text/html", "sec-fetch-dest": "document" } });
    const reader = res.body!.getReader();
    let first = NaN;
    const chunks: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (Number.isNaN(first)) first = performance.now() - t0;
      if (done) break;
      chunks.push(value);
    }
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    if (i > 1) {
      ttfb.push(first);
      whole.push(performance.now() - t0);
    }
    html = Buffer.concat(chunks).toString("utf8");
    bytes = Buffer.byteLength(html);
  }
  // BENCH_SAVE_HTML=dir: the page's last answer, for reading what it carries
  if (process.env.BENCH_SAVE_HTML) {
    fs.mkdirSync(process.env.BENCH_SAVE_HTML, { recursive: true });
    fs.writeFileSync(path.join(process.env.BENCH_SAVE_HTML, `${new URL(url).pathname.split("/").pop()}.html`), html);
  }
  return { ttfb, whole, htmlKB: Math.round(bytes / 1024), html };
}

/**
 * The scripts the HTML names (src of <script>), fetched once: raw and gzip KB, and whether ProseMirror is among them.
 * A `nomodule` script (Next's polyfills for browsers without ES modules) is left out: a browser that runs modules,
 * every one the app supports, neither fetches nor runs it.
 */
async function firstLoadScripts(base: string, html: string) {
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>/g)].filter((m) => !/\snomodule[\s=>]/i.test(m[0]));
  const srcs = [...new Set(tags.map((m) => m[1]!.replace(/&amp;/g, "&")))];
  let raw = 0;
  let gz = 0;
  let editorCode = false;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gz += gzipSync(body).length;
    if (body.includes("ProseMirror-hideselection") || body.includes("prosemirror")) editorCode = true;
  }
  return { scripts: srcs.length, rawKB: Math.round(raw / 1024), gzipKB: Math.round(gz / 1024), editorCodeInFirstLoad: editorCode };
}

const median = (v: number[]) => {
  const s = v.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
};
const p95 = (v: number[]) => pct(v, 95);

export async function benchPageLoad(opts: { base: string; cookie: string; browser: Browser; context: BrowserContext; conceptId: string; results: Record<string, unknown> }) {
  const app = `${opts.base}/concepts/${opts.conceptId}`;
  const single = `${app}/einzeleditor`;
  const serverApp = await within("Serverzeiten der Seite", 120_000, serverTimes(app, opts.cookie));
  const serverSingle = await within("Serverzeiten des Einzeleditors", 120_000, serverTimes(single, opts.cookie));
  // BENCH_SAVE_HTML=dir: both pages' HTML as the server sent it, to see what makes it large
  if (process.env.BENCH_SAVE_HTML) {
    fs.mkdirSync(process.env.BENCH_SAVE_HTML, { recursive: true });
    fs.writeFileSync(path.join(process.env.BENCH_SAVE_HTML, "konzeptseite.html"), serverApp.html);
    fs.writeFileSync(path.join(process.env.BENCH_SAVE_HTML, "einzeleditor.html"), serverSingle.html);
  }
  const jsApp = await within("Skripte der Seite", 60_000, firstLoadScripts(opts.base, serverApp.html));
  const jsSingle = await within("Skripte des Einzeleditors", 60_000, firstLoadScripts(opts.base, serverSingle.html));

  const runs: { app: Figures; single: Figures }[] = [];
  for (let r = 0; r < RUNS; r++) {
    const one = async (url: string, hasParts: boolean) => {
      const fresh = await opts.browser.newContext({ viewport: { width: 1280, height: 800 } });
      await fresh.addCookies(await opts.context.cookies());
      try {
        const page = await measuredPage(fresh);
        const figures = await openAndScroll(page, url, hasParts);
        await page.close();
        // The server stores the parts the pass opened when their connections close: not part of the next visit.
        await new Promise((r) => setTimeout(r, 3000));
        figures.editableCachedMs = await editableAgain(await measuredPage(fresh), url, hasParts);
        return figures;
      } finally {
        await fresh.close();
      }
    };
    runs.push({ app: await one(app, true), single: await one(single, false) });
    console.log(`  Seitenmessung: Lauf ${r + 1} von ${RUNS} fertig`);
  }
  const keys = Object.keys(runs[0]!.app) as (keyof Figures)[];
  type Row = { figure: string; app: number; single: number; ratio: number | null; appRuns: number[]; singleRuns: number[] };
  const table: Row[] = keys.map((k) => {
    const a = runs.map((r) => r.app[k]);
    const s = runs.map((r) => r.single[k]);
    const ma = median(a);
    const ms = median(s);
    return { figure: k, app: round(ma), single: round(ms), ratio: ms ? round(ma / ms) : null, appRuns: a.map(round), singleRuns: s.map(round) };
  });
  table.unshift(
    { figure: "serverHtmlP95Ms", app: round(p95(serverApp.whole)), single: round(p95(serverSingle.whole)), ratio: round(p95(serverApp.whole) / p95(serverSingle.whole)), appRuns: [], singleRuns: [] },
    { figure: "serverFirstByteP95Ms", app: round(p95(serverApp.ttfb)), single: round(p95(serverSingle.ttfb)), ratio: round(p95(serverApp.ttfb) / p95(serverSingle.ttfb)), appRuns: [], singleRuns: [] },
    { figure: "htmlKB", app: serverApp.htmlKB, single: serverSingle.htmlKB, ratio: round(serverApp.htmlKB / serverSingle.htmlKB), appRuns: [], singleRuns: [] },
    { figure: "firstLoadJsGzipKB", app: jsApp.gzipKB, single: jsSingle.gzipKB, ratio: round(jsApp.gzipKB / jsSingle.gzipKB), appRuns: [], singleRuns: [] },
  );
  const saveAfterLoad = await within("Speichern nach dem Laden", 300_000, benchSaveAfterLoad({ browser: opts.browser, context: opts.context, url: app, runs: RUNS }));
  opts.results.pageLoad = {
    saveAfterLoad,
    method: `Chromium 1280×800${NETWORK ? `, network ${NETWORK.rttMs} ms round trip and ${NETWORK.mbit} Mbit/s` : ""}${UNBATCHED_REVEALS ? ", React's batching of streamed reveals switched off (BENCH_UNBATCHED_REVEALS)" : ""}, ${RUNS} runs each in a fresh context (empty cache), medians; server figures from ${SERVER_SAMPLES} requests after 2 warm-ups (Node fetch, p95); heap after a forced garbage collection`,
    firstLoadScripts: { app: jsApp, single: jsSingle },
    table,
  };
  console.log(`Konzeptseite (≈ 100 Seiten) neben dem Einzeleditor, ${NETWORK ? `Netz ${NETWORK.rttMs} ms Umlaufzeit, ${NETWORK.mbit} Mbit/s, ` : ""}${UNBATCHED_REVEALS ? "ohne Reacts Bündelung der gestreamten Abschnitte, " : ""}Median aus ${RUNS} Läufen (Seite | Einzeleditor | Verhältnis; Läufe der Seite):`);
  for (const row of table) console.log(`  ${row.figure.padEnd(22)} ${String(row.app).padStart(8)} | ${String(row.single).padStart(8)} | ${String(row.ratio ?? "–").padStart(5)}   ${row.appRuns.join(", ")}`);
  console.log(
    `  erstes JavaScript laut HTML: Seite ${jsApp.scripts} Dateien, ${jsApp.rawKB} KB (${jsApp.gzipKB} KB gzip), Editor-Code darin: ${jsApp.editorCodeInFirstLoad ? "ja" : "nein"}; ` +
      `Einzeleditor ${jsSingle.scripts} Dateien, ${jsSingle.rawKB} KB (${jsSingle.gzipKB} KB gzip)`,
  );
}
