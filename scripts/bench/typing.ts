/**
 * Keystroke latency in the browser on the ~100-page concept: keydown → the next
 * frame (requestAnimationFrame after the key's input was handled), p50/p95, typing
 * alone and with 5 Node clients typing into the same concept at the same time.
 */
import fs from "node:fs";
import type { BrowserContext, Page } from "@playwright/test";
import { HocuspocusProvider } from "@hocuspocus/provider";
import { realtimeSocket, realtimeUrl } from "../realtime-socket";
import * as Y from "yjs";
import { pct, round } from "./stats";
import { recordProfile, TIMELINE_CATEGORIES } from "./profile";

const KEYS = 150;

/**
 * BENCH_PROFILE=1: a CPU profile and a performance trace of each measured typing run of the first round, written to
 * bench/typing-<run>.cpuprofile and .trace.json (open in Chromium's DevTools), and the heaviest functions printed;
 * BENCH_PROFILE_CPU=0 records the trace alone, BENCH_TRACE_CATEGORIES=a,b the trace's categories.
 */
const PROFILE = process.env.BENCH_PROFILE === "1";

async function startProfile(page: Page) {
  // BENCH_PROFILE_CPU=0: the trace alone (the sampling profiler slows the page down by itself).
  const recording = await recordProfile(page, {
    intervalUs: process.env.BENCH_PROFILE_CPU === "0" ? 0 : 100,
    categories: process.env.BENCH_TRACE_CATEGORIES?.split(",") ?? TIMELINE_CATEGORIES,
  });
  return {
    async stop(name: string) {
      const { profile, trace: raw } = await recording.stop();
      const trace = JSON.parse(raw.toString("utf8")) as { traceEvents: TraceEvent[] };
      fs.mkdirSync("bench", { recursive: true });
      fs.writeFileSync(`bench/typing-${name}.trace.json`, raw);
      console.log(`Renderer-Hauptthread ${name} (ms):\n${mainThreadTime(trace.traceEvents)}`);
      if (!profile) return;
      fs.writeFileSync(`bench/typing-${name}.cpuprofile`, JSON.stringify(profile));
      console.log(`Profil ${name}:\n${heaviest(profile as CpuProfile)}`);
    },
  };
}

type TraceEvent = { name: string; ph: string; dur?: number; tid: number; pid: number; args?: { name?: string } };

/** Total duration per kind of main-thread event (style, layout, paint, scripts …) of the page's renderer. */
function mainThreadTime(events: TraceEvent[]) {
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const kinds = new Map<string, number>();
  for (const e of events) {
    if (!main || e.pid !== main.pid || e.tid !== main.tid || e.ph !== "X" || !e.dur) continue;
    kinds.set(e.name, (kinds.get(e.name) ?? 0) + e.dur / 1000);
  }
  return [["je Taste (RunTask)", (kinds.get("RunTask") ?? 0) / KEYS] as [string, number], ...kinds.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([k, ms]) => `  ${ms.toFixed(1).padStart(7)} ms  ${k}`)
    .join("\n");
}

type CpuProfile = { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[]; samples?: number[]; timeDeltas?: number[] };

/** Self time per function (ms), the 20 heaviest, idle and program time included. */
function heaviest(profile: CpuProfile) {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const f = byNode.get(id)!;
    const key = `${f.functionName || "(anonym)"} ${f.url.split("/").pop()}:${f.lineNumber}:${f.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 20)
    .map(([k, ms]) => `  ${ms.toFixed(0).padStart(6)} ms  ${k}`)
    .join("\n");
}

function typist(base: string, cookie: string, sectionId: string, i: number) {
  const socket = realtimeSocket(realtimeUrl(base), { cookie, origin: base });
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: `section:${sectionId}`, document: doc, token: "session" });
  provider.attach();
  const timer = setInterval(() => {
    if (!provider.isSynced) return;
    const first = doc.getXmlFragment("default").get(0);
    const text = first instanceof Y.XmlElement ? first.get(0) : null;
    if (text instanceof Y.XmlText) text.insert(0, String.fromCharCode(97 + (i % 26)));
  }, 200);
  return () => {
    clearInterval(timer);
    provider.destroy();
    socket.destroy();
  };
}

/** Keystroke latencies typing into the page's first part, or into the part `sectionId` (scripts/bench/suggestions.ts). */
export async function measure(context: BrowserContext, url: string, profileName?: string, sectionId?: string, cpuSlowdown = 1) {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "load" });
  if (process.env.BENCH_EXTRA_CSS)
    await page.evaluate((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }, process.env.BENCH_EXTRA_CSS);
  const part = sectionId ? page.getByTestId(`section-${sectionId}`) : page.locator(".section-editor").first();
  // (the click scrolls the part into view, and is tried again when the part becomes an editor under it)
  await part.getByRole("textbox").first().click();
  await part.locator('[contenteditable="true"]').first().waitFor({ timeout: 60_000 });
  // The editor takes the focus once it is mounted (the click was on the static text before it).
  await page.waitForFunction(() => document.activeElement?.getAttribute("contenteditable") === "true", null, { timeout: 60_000 });
  await page.evaluate(() => {
    const w = window as unknown as { __lat: number[] };
    w.__lat = [];
    document.addEventListener(
      "keydown",
      (e) => {
        const t0 = e.timeStamp;
        requestAnimationFrame(() => setTimeout(() => w.__lat.push(performance.now() - t0), 0));
      },
      true,
    );
  });
  // The single editor holds the whole concept: type at the end of its first paragraph, as in the concept page's first part.
  await page.keyboard.press(url.endsWith("/einzeleditor") ? "End" : "Control+End");
  const typed = () => page.evaluate(() => (document.activeElement?.textContent ?? "").split("x").length - 1);
  const where = () => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.id} ${document.activeElement?.getAttribute("contenteditable")}`);
  const before = await typed();
  // An old office laptop: the CPU slowed down for the typing only (the load before it is measured elsewhere).
  const cdp = cpuSlowdown > 1 ? await page.context().newCDPSession(page) : null;
  await cdp?.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
  const profiler = profileName ? await startProfile(page) : null;
  for (let i = 0; i < KEYS; i++) await page.keyboard.type("x", { delay: 0 }).then(() => page.waitForTimeout(40));
  await page.waitForTimeout(500);
  await cdp?.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  if (profiler && profileName) await profiler.stop(profileName);
  // A figure is only worth something if every key reached the editor.
  const landed = (await typed()) - before;
  if (landed !== KEYS) throw new Error(`Tippen: ${landed} von ${KEYS} Zeichen kamen im Editor an (${url}; Fokus: ${await where()})`);
  const values = (await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat)) as number[];
  await page.close();
  return values;
}

const ROUNDS = Number(process.env.BENCH_TYPING_ROUNDS ?? 3);

/**
 * The metric's floor: a page that is nothing but an editable area (the browser edits it, no script runs on a key).
 * keydown → next frame waits for the next frame however little a key costs, so its p95 is close to one frame
 * (16.7 ms) before any editor does anything; the editors' figures are read against it.
 */
const FLOOR_URL = `data:text/html;charset=utf-8,${encodeURIComponent(
  '<!doctype html><html lang="de"><body><div class="section-editor"><div contenteditable="true" role="textbox" aria-label="Text"><p>Die Stadt legt ihr Integrationskonzept vor.</p></div></div></body></html>',
)}`;

/**
 * Three rounds, each: the single editor (the whole concept in one Tiptap editor,
 * no collaboration), the concept page alone, and the concept page while five
 * colleagues type; the median over the rounds of each round's p50 and p95.
 */
export async function benchTyping(opts: { base: string; cookie: string; context: BrowserContext; conceptId: string; partIds: string[]; results: Record<string, unknown> }) {
  const url = `${opts.base}/concepts/${opts.conceptId}`;
  const rounds = { floor: [] as number[][], floorSlow: [] as number[][], single: [] as number[][], alone: [] as number[][], together: [] as number[][], singleSlow: [] as number[][], aloneSlow: [] as number[][] };
  for (let r = 0; r < ROUNDS; r++) {
    const profile = (name: string) => (PROFILE && r === 0 ? name : undefined);
    rounds.floor.push(await measure(opts.context, FLOOR_URL));
    rounds.floorSlow.push(await measure(opts.context, FLOOR_URL, undefined, undefined, 4));
    rounds.single.push(await measure(opts.context, `${url}/einzeleditor`, profile("single")));
    rounds.alone.push(await measure(opts.context, url, profile("alone")));
    rounds.singleSlow.push(await measure(opts.context, `${url}/einzeleditor`, undefined, undefined, 4));
    rounds.aloneSlow.push(await measure(opts.context, url, undefined, undefined, 4));
    // five colleagues: two in the part being typed into, three elsewhere in the concept
    const stops = [0, 0, 1, 2, 3].map((p, i) => typist(opts.base, opts.cookie, opts.partIds[p]!, i));
    await new Promise((res) => setTimeout(res, 1500));
    try {
      rounds.together.push(await measure(opts.context, url, profile("together")));
    } finally {
      for (const stop of stops) stop();
    }
  }
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  const figures = (runs: number[][]) => ({
    p50: round(median(runs.map((v) => pct(v, 50)))),
    p95: round(median(runs.map((v) => pct(v, 95)))),
    p95PerRound: runs.map((v) => round(pct(v, 95))),
    samplesPerRound: runs.map((v) => v.length),
  });
  const floor = figures(rounds.floor);
  const floorSlow = figures(rounds.floorSlow);
  const single = figures(rounds.single);
  const alone = figures(rounds.alone);
  const together = figures(rounds.together);
  const singleSlow = figures(rounds.singleSlow);
  const aloneSlow = figures(rounds.aloneSlow);
  opts.results.typing = {
    method: `keydown → next frame (requestAnimationFrame, then a task) in Chromium, ${KEYS} keys 40 ms apart into the first part of the ~100-page concept; ${ROUNDS} rounds, each: a bare editable area (the metric's floor), the single editor, the concept page alone, the concept page with 5 colleagues typing (Node clients over the socket); medians of the rounds' p50 and p95`,
    bareEditableArea: floor,
    singleEditor: single,
    alone,
    withFiveTypists: together,
    ratioP95WithTypistsToSingle: round(together.p95 / single.p95),
    cpuSlowedDown4x: { bareEditableArea: floorSlow, singleEditor: singleSlow, alone: aloneSlow, ratioP95: round(aloneSlow.p95 / singleSlow.p95) },
  };
  console.log(
    `Tippen im Browser (Tastendruck → nächstes Bild, Median aus ${ROUNDS} Runden): leere Eingabefläche ohne Skript (Untergrenze der Messung) p50 ${floor.p50} ms / p95 ${floor.p95} ms; Einzeleditor p50 ${single.p50} ms / p95 ${single.p95} ms; ` +
      `Konzeptseite allein p50 ${alone.p50} ms / p95 ${alone.p95} ms; mit 5 weiteren Schreibenden p50 ${together.p50} ms / p95 ${together.p95} ms ` +
      `(p95 je Runde ${together.p95PerRound.join(", ")} ms; Verhältnis zum Einzeleditor ${round(together.p95 / single.p95)})`,
  );
  console.log(
    `Tippen bei 4× verlangsamter CPU: leere Eingabefläche p95 ${floorSlow.p95} ms; Einzeleditor p50 ${singleSlow.p50} ms / p95 ${singleSlow.p95} ms; Konzeptseite p50 ${aloneSlow.p50} ms / p95 ${aloneSlow.p95} ms ` +
      `(Verhältnis p95 ${round(aloneSlow.p95 / singleSlow.p95)}; p95 je Runde ${aloneSlow.p95PerRound.join(", ")} ms)`,
  );
}
