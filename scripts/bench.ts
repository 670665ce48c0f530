/**
 * `npm run bench`: figures for the foundation, printed and written to bench/results.json.
 *  - start-up: `npm start` (already built) until /api/health answers, fresh and existing data directory
 *  - section save latency on a concept of ~100 pages: 500 saves by 10 client processes at once,
 *    and 50 saves by one client one after the other
 *  - first-load JavaScript of the concept editor page (bytes the browser fetches, raw and gzip),
 *    and its load time: the first load after start, then median and spread of several
 * Client (this script, its client processes, Chromium) and server share the machine's cores;
 * the figures include that contention, and the output says so.
 *  - PDF export of a ~100-page concept: Typst vs. Chromium printing the preview, and DOCX/ODT of the same concept (scripts/bench/pdf.ts)
 *  - import of that concept's DOCX (as exported, and as LibreOffice saves it again): the mapping step and the import,
 *    beside the PDF/DOCX/ODT export of the same run (scripts/bench/import.ts)
 *  - opening and scrolling the concept page beside the single editor: server time, first paint, first editable,
 *    layout shift, empty frames, slowest scroll step, long tasks, heap (scripts/bench/page-load.ts)
 *  - keystroke latency in the browser, alone and with 5 other clients typing, and at 4× CPU throttling (scripts/bench/typing.ts)
 *  - Änderungsvorschläge: typing in a part with 20 open proposals beside one without, accept-all of that part (scripts/bench/suggestions.ts)
 *  - real-time co-editing: opening the ~100-page concept over the socket, 20 typing clients (scripts/bench/realtime.ts)
 *  - peer comparison: snapshot over 11,000 generated municipalities, route p50/p95 (scripts/bench/peers.ts)
 *  - funding overview, funding cliff and Konzept-Check of a concept with 300 measures (and 1,000 indicator values):
 *    server time p50/p95 computed, with loading, and of the /funding and /check routes (scripts/bench/money.ts)
 *  - load: 50 signed-in people reading, saving, commenting and exporting for 60 s against one process, and
 *    with DATABASE_URL against one and two processes on it (scripts/bench/load.ts)
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { signInCookie } from "./sign-in";
import { benchVersions } from "./bench/versions";
import { benchReview } from "./bench/review";
import { benchRealtime } from "./bench/realtime";
import { benchTyping } from "./bench/typing";
import { benchSuggestions } from "./bench/suggestions";
import { gzipSync } from "node:zlib";
import { benchPdf } from "./bench/pdf";
import { benchImport } from "./bench/import";
import { benchPeers } from "./bench/peers";
import { benchMoney } from "./bench/money";
import { formatSpread, pct, round, spread } from "./bench/stats";
import type { Page } from "@playwright/test";
import { signedInBrowser } from "./bench/browser";
import { bigDoc, paragraph, type Doc } from "./bench/content";
import { concurrentSaves } from "./bench/saves";
import { benchLoad } from "./bench/load";
import { benchPageLoad } from "./bench/page-load";

const PORT = Number(process.env.BENCH_PORT ?? 3170);
const BASE = `http://127.0.0.1:${PORT}`;
const root = process.cwd();
const CORES = os.cpus().length;
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: `${CORES} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  contention: `client (this script, its client processes, Chromium) and server run on the same ${CORES} cores; load average at start ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")}`,
};
/**
 * The external PostgreSQL the crash test also runs against (read now: the peer bench clears
 * process.env.DATABASE_URL to reach the bench server's embedded database). Never one with real data:
 * the crash test empties it (KONZEPTWERK_TEST_RESET=1, as in scripts/test.mjs).
 */
const EXTERNAL_DATABASE_URL = process.env.DATABASE_URL?.trim() || "";
/** Editor page loads measured after the first one (each in a fresh browser context). */
const EDITOR_LOADS = 7;
/** BENCH_ONLY=realtime,editor runs only those parts (after the common set-up); names: start saves versions review realtime money editor page typing suggestions pdf import peers load crash */
const ONLY = (process.env.BENCH_ONLY ?? "").split(",").map((s) => s.trim()).filter(Boolean);
const part = (name: string) => ONLY.length === 0 || ONLY.includes(name);
/** Concurrent save test: client processes and saves each. */
const SAVE_CLIENTS = 10;
const SAVES_EACH = 50;

/** The server of the moment, stopped also when a measurement fails (a leftover would answer the next run). */
let running: ChildProcess | null = null;

function start(dataDir: string): ChildProcess {
  // BENCH_SERVER_PROFILE=1: a CPU profile of the server over the whole run, in bench/server-profile (open in Chromium's DevTools)
  const profile = process.env.BENCH_SERVER_PROFILE === "1" ? ["--cpu-prof", `--cpu-prof-dir=${path.join(root, "bench", "server-profile")}`] : [];
  return (running = spawn(process.execPath, [...profile, "--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: "tsconfig.scripts.json",
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      AUTH_SECRET: "bench-secret-0123456789abcdef0123",
      KONZEPTWERK_SKIP_BUILD: "1",
      // the single-editor yardstick page (app/(app)/concepts/[conceptId]/einzeleditor)
      KONZEPTWERK_BENCH_PAGES: "1",
    },
    stdio: "ignore",
  }));
}

async function untilHealthy(child: ChildProcess, ms = 120_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error("server exited");
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("server not healthy");
}

function stop(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}


type Tree = {
  id: string;
  chapters: Record<string, { text: { id: string; revision: number } }>;
  fields: { sections: Record<string, { id: string; revision: number }> }[];
};

async function main() {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("Baue die App …");
    spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], { stdio: "inherit" });
  }
  const busy = await fetch(`${BASE}/api/health`).then(
    () => true,
    () => false,
  );
  if (busy) throw new Error(`Auf Port ${PORT} läuft schon ein Server; bitte beenden oder BENCH_PORT setzen.`);
  console.log(
    `Gemessen auf ${CORES} Kernen, die sich Client (dieses Skript, seine Client-Prozesse, Chromium) und Server teilen: die Zahlen enthalten diese Konkurrenz. ` +
      `Last zu Beginn (1/5/15 min): ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")}.`,
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-bench-"));
  fs.chmodSync(dataDir, 0o755);

  // 1. start-up
  let t = Date.now();
  let server = start(dataDir);
  await untilHealthy(server);
  const fresh = Date.now() - t;
  await stop(server);
  const existing: number[] = [];
  for (let i = 0; i < (part("start") ? 3 : 1); i++) {
    t = Date.now();
    server = start(dataDir);
    await untilHealthy(server);
    existing.push(Date.now() - t);
    if (i < (part("start") ? 2 : 0)) await stop(server);
  }
  if (part("start")) results.startup = { freshDataDirMs: fresh, existingDataDir: spread(existing), runs: existing };
  if (part("start")) console.log(`Start bis /api/health: frischer Datenordner ${fresh} ms (eine Messung), bestehender ${formatSpread(existing)}`);

  // 2. save latency on a ~100-page concept
  const cookie = await signInCookie(BASE, "redaktion@musterstadt.example", "konzeptwerk");
  const { concepts } = (await (await fetch(`${BASE}/api/concepts`, { headers: { cookie } })).json()) as { concepts: { id: string }[] };
  const conceptId = concepts[0]!.id;
  const tree = (await (await fetch(`${BASE}/api/concepts/${conceptId}`, { headers: { cookie } })).json()) as Tree;
  const parts = [
    ...Object.values(tree.chapters).map((c) => c.text),
    ...tree.fields.flatMap((f) => Object.values(f.sections)),
  ];
  const pagesPerPart = 100 / parts.length;
  const revisions = new Map<string, number>();
  const put = async (id: string, content: unknown) => {
    const send = () =>
      fetch(`${BASE}/api/concepts/${conceptId}/sections/${id}`, {
        method: "PUT",
        headers: { "Content-Type": "application/json", cookie, Origin: BASE },
        body: JSON.stringify({ baseRevision: revisions.get(id), content }),
      });
    let res = await send();
    if (res.status === 409) {
      // Text typed in the browser (the typing rounds) has moved the part on: overwrite from its current revision.
      const conflict = (await res.json()) as { current?: { revision?: number } };
      revisions.set(id, conflict.current?.revision ?? 0);
      res = await send();
    }
    if (!res.ok) throw new Error(`save ${res.status}: ${(await res.text()).slice(0, 300)}`);
    revisions.set(id, ((await res.json()) as { revision: number }).revision);
  };
  let totalChars = 0;
  const written: { id: string; doc: Doc }[] = [];
  for (const [i, part] of parts.entries()) {
    revisions.set(part.id, part.revision);
    const d = bigDoc(pagesPerPart, i);
    totalChars += JSON.stringify(d).length;
    await put(part.id, d);
    written.push({ id: part.id, doc: d });
  }
  const docs = parts.slice(0, SAVE_CLIENTS).map((p, i) => ({ id: p.id, doc: bigDoc(pagesPerPart, i) }));
  if (part("saves")) {
  const single: number[] = [];
  for (let i = 0; i < 50; i++) {
    docs[0]!.doc.content[1] = paragraph(1000 + i);
    const t0 = performance.now();
    await put(docs[0]!.id, docs[0]!.doc);
    single.push(performance.now() - t0);
  }
  const concurrent = await concurrentSaves({
    base: BASE,
    cookie,
    conceptId,
    parts: docs.map((d) => ({ id: d.id, revision: revisions.get(d.id)!, doc: d.doc })),
    savesEach: SAVES_EACH,
  });
  concurrent.reports.forEach((r, i) => {
    revisions.set(docs[i]!.id, r.revision);
    docs[i]!.doc = r.doc;
  });
  const latencies = concurrent.reports.flatMap((r) => r.latencies);
  results.sectionSave = {
    saves: latencies.length,
    clients: SAVE_CLIENTS,
    clientsAre: "separate Node processes, started together",
    conceptPages: 100,
    conceptJsonKB: Math.round(totalChars / 1024),
    partKB: Math.round(JSON.stringify(docs[0]!.doc).length / 1024),
    p50Ms: round(pct(latencies, 50)),
    p95Ms: round(pct(latencies, 95)),
    maxMs: round(Math.max(...latencies)),
    savesPerSecond: round(latencies.length / (concurrent.wallMs / 1000)),
    oneClientSaves: single.length,
    oneClientP50Ms: round(pct(single, 50)),
    oneClientP95Ms: round(pct(single, 95)),
    oneClientMaxMs: round(Math.max(...single)),
  };
  console.log(
    `Speichern eines Abschnitts (Konzept ≈ 100 Seiten): ${latencies.length}× von ${SAVE_CLIENTS} Client-Prozessen gleichzeitig: p50 ${round(pct(latencies, 50))} ms, p95 ${round(pct(latencies, 95))} ms, max ${round(Math.max(...latencies))} ms, ` +
      `${round(latencies.length / (concurrent.wallMs / 1000))} Speicherungen/s; ein Client nacheinander (${single.length}×): p50 ${round(pct(single, 50))} ms, p95 ${round(pct(single, 95))} ms, max ${round(Math.max(...single))} ms`,
  );

  for (const d of docs) written.find((w) => w.id === d.id)!.doc = d.doc;
  }

  // 3. versions: compare two versions of the 100-page concept, list 50 versions
  if (part("versions")) await benchVersions({ base: BASE, cookie, conceptId, docs: written, put, results });
  if (part("review")) await benchReview({ base: BASE, cookie, conceptId, docs: written, results });
  if (part("realtime")) await benchRealtime({ base: BASE, cookie, partIds: parts.map((p) => p.id), serverPid: running!.pid!, results });
  if (part("money")) results.money = await benchMoney({ base: BASE, cookie, conceptId, dataDir });

  // 4. the editor page: first-load JavaScript, and load times
  const { browser, context, page } = await signedInBrowser(BASE, cookie);
  if (part("editor")) {
  const scripts = new Map<string, Buffer>();
  page.on("response", async (res) => {
    if (res.request().resourceType() === "script") {
      try {
        scripts.set(res.url(), await res.body());
      } catch {}
    }
  });
  const editorUrl = `${BASE}/concepts/${conceptId}`;
  const firstLoad = await loadEditorPage(page, editorUrl);
  await page.waitForLoadState("networkidle"); // every script of the first load, for the byte count
  const raw = [...scripts.values()].reduce((a, b) => a + b.length, 0);
  const gz = [...scripts.values()].reduce((a, b) => a + gzipSync(b).length, 0);
  const loads: Awaited<ReturnType<typeof loadEditorPage>>[] = [];
  const singleLoads: Awaited<ReturnType<typeof loadEditorPage>>[] = [];
  for (let i = 0; i < EDITOR_LOADS; i++) {
    // a fresh context each time: empty browser cache, as on a first visit
    const fresh = await browser.newContext();
    await fresh.addCookies(await context.cookies());
    const p = await fresh.newPage();
    loads.push(await loadEditorPage(p, editorUrl));
    // the yardstick in the same run: the same document in one Tiptap editor
    singleLoads.push(await loadEditorPage(p, `${editorUrl}/einzeleditor`));
    await fresh.close();
  }
  const loadMs = loads.map((l) => l.loadMs);
  const editableMs = loads.map((l) => l.editableMs);
  results.editorPage = {
    conceptPages: 100,
    scripts: scripts.size,
    firstLoadJsKB: Math.round(raw / 1024),
    firstLoadJsGzipKB: Math.round(gz / 1024),
    firstLoadAfterStart: { loadMs: round(firstLoad.loadMs), editableMs: round(firstLoad.editableMs) },
    load: spread(loadMs),
    firstEditorEditable: spread(editableMs),
    singleEditor: { load: spread(singleLoads.map((l) => l.loadMs)), editable: spread(singleLoads.map((l) => l.editableMs)) },
    method: `page.goto until the load event, then until the first part, scrolled into view, is an editable editor; first load after the server start apart, then ${EDITOR_LOADS} loads each in a fresh browser context (empty cache)`,
  };
  console.log(`Erstes JavaScript der Editor-Seite: ${Math.round(raw / 1024)} KB (${Math.round(gz / 1024)} KB gzip) in ${scripts.size} Dateien`);
  console.log(
    `Editor-Seite mit 100 Seiten (je ein neuer Browser-Kontext, leerer Cache): geladen ${formatSpread(loadMs)}, erster Editor bearbeitbar ${formatSpread(editableMs)}; ` +
      `erster Aufruf nach dem Start: ${round(firstLoad.loadMs)} ms / ${round(firstLoad.editableMs)} ms`,
  );
  console.log(
    `Zum Vergleich derselbe Text in einem einzigen Editor (Einzeleditor, gleiche Erweiterungen, ohne Zusammenarbeit): geladen ${formatSpread(singleLoads.map((l) => l.loadMs))}, bearbeitbar ${formatSpread(singleLoads.map((l) => l.editableMs))}`,
  );
  }
  if (part("page")) await benchPageLoad({ base: BASE, cookie, browser, context, conceptId, results });
  if (part("typing")) await benchTyping({ base: BASE, cookie, context, conceptId, partIds: parts.map((p) => p.id), results });
  // The proposals' author: a fixed id that is no member (the name lookup runs and finds nobody), as after a reviewer left.
  if (part("suggestions"))
    await benchSuggestions({
      base: BASE,
      cookie,
      context,
      conceptId,
      authorId: "00000000-0000-4000-8000-0000000000b1",
      parts: written.slice(1, 12),
      put,
      results,
      // the concept page with its proposals (and the review part's 500 threads when it ran before), as on a first visit
      loadPage: async () => {
        const fresh = await browser.newContext();
        await fresh.addCookies(await context.cookies());
        try {
          return await loadEditorPage(await fresh.newPage(), `${BASE}/concepts/${conceptId}`);
        } finally {
          await fresh.close();
        }
      },
    });
  if (part("pdf")) await benchPdf({ base: BASE, cookie, context, results });
  if (part("import")) await benchImport({ base: BASE, cookie, results });
  await browser.close();

  // 4. peer comparison over 11,000 generated municipalities
  if (part("peers")) results.peers = await benchPeers({ base: BASE, cookie, conceptId, dataDir });
  await stop(server);
  fs.rmSync(dataDir, { recursive: true, force: true });

  // 5. load: 50 people at once against one process, and with DATABASE_URL against two (empties that database, like the crash test)
  if (part("load")) results.load = await benchLoad({ externalDatabaseUrl: EXTERNAL_DATABASE_URL, redisUrl: process.env.REDIS_URL?.trim() ?? "" });

  // 6. the long crash test (npm test runs 12 rounds embedded and 6 on DATABASE_URL): BENCH_CRASH_ROUNDS rounds on the
  // embedded database and, when DATABASE_URL is set, BENCH_CRASH_PG_ROUNDS on it (default 100 each; 0 leaves a run out)
  const crashFailures: string[] = [];
  const crashRun = (label: string, rounds: number, env: Record<string, string>) => {
    if (!(rounds > 0)) return null;
    const started = Date.now();
    const crash = spawnSync(process.execPath, ["--import", "tsx", "scripts/crash-test.ts", "--rounds", String(rounds)], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, TSX_TSCONFIG_PATH: "tsconfig.scripts.json", ...env },
    });
    const result = { rounds, passed: crash.status === 0, seconds: Math.round((Date.now() - started) / 1000) };
    console.log(`Absturztest (${label}): ${rounds} Runden ${result.passed ? "bestanden" : "FEHLGESCHLAGEN"} in ${result.seconds} s`);
    if (!result.passed) crashFailures.push(`Absturztest (${label}) mit ${rounds} Runden fehlgeschlagen`);
    return result;
  };
  const crash = part("crash") ? crashRun("eingebettete Datenbank", Number(process.env.BENCH_CRASH_ROUNDS ?? 100), { DATABASE_URL: "" }) : null;
  if (crash) results.crash = crash;
  if (!part("crash")) {
    // left out by BENCH_ONLY
  } else if (EXTERNAL_DATABASE_URL) {
    const crashPg = crashRun("PostgreSQL an DATABASE_URL", Number(process.env.BENCH_CRASH_PG_ROUNDS ?? 100), {
      DATABASE_URL: EXTERNAL_DATABASE_URL,
      KONZEPTWERK_TEST_RESET: "1",
    });
    if (crashPg) results.crashPostgres = crashPg;
  } else {
    console.log("Absturztest gegen PostgreSQL: DATABASE_URL ist nicht gesetzt, nur die eingebettete Datenbank.");
  }
  if (crashFailures.length) throw new Error(crashFailures.join("; "));

  fs.mkdirSync(path.join(root, "bench"), { recursive: true });
  // A partial run (BENCH_ONLY) writes its own file and leaves the full figures alone.
  fs.writeFileSync(path.join(root, "bench", ONLY.length ? "results-partial.json" : "results.json"), JSON.stringify(results, null, 2) + "\n");
  console.log(`\nbench/${ONLY.length ? "results-partial.json" : "results.json"} geschrieben.`);
}

/** Wall time until the load event, and until the first section editor (scrolled to) accepts input. */
async function loadEditorPage(page: Page, url: string) {
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  const t0 = performance.now();
  await page.goto(url, { waitUntil: "load" });
  const loadMs = performance.now() - t0;
  // a part becomes an editor when it scrolls into view
  await page.locator(".section-editor").first().scrollIntoViewIfNeeded();
  try {
    await page.locator('.section-editor [contenteditable="true"]').first().waitFor({ timeout: 60_000 });
  } catch (error) {
    const state = await page.evaluate(() => ({ status: document.querySelector(".section-editor")?.closest("[data-margin-part], section")?.querySelector("[role=status]")?.textContent, editors: document.querySelectorAll(".section-editor").length }));
    throw new Error(`${url}: no part became editable (${JSON.stringify(state)}; ${problems.slice(0, 5).join(" | ")})`, { cause: error });
  }
  return { loadMs, editableMs: performance.now() - t0 };
}

main().catch(async (error: unknown) => {
  console.error(error);
  if (running && running.exitCode === null) await stop(running);
  process.exit(1);
});
