/**
 * Keystroke latency in the browser on the ~100-page concept: keydown → the next
 * frame (requestAnimationFrame after the key's input was handled), p50/p95, typing
 * alone and with 5 Node clients typing into the same concept at the same time.
 */
import type { BrowserContext } from "@playwright/test";
import { HocuspocusProvider } from "@hocuspocus/provider";
import { realtimeSocket, realtimeUrl } from "../realtime-socket";
import * as Y from "yjs";
import { pct, round } from "./stats";

const KEYS = 150;

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

async function measure(context: BrowserContext, url: string) {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "load" });
  const box = page.locator(".section-editor").first().getByRole("textbox");
  await box.scrollIntoViewIfNeeded();
  await box.click();
  await page.locator('.section-editor [contenteditable="true"]').first().waitFor({ timeout: 60_000 });
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
  for (let i = 0; i < KEYS; i++) await page.keyboard.type("x", { delay: 0 }).then(() => page.waitForTimeout(40));
  await page.waitForTimeout(500);
  const values = (await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat)) as number[];
  await page.close();
  return values;
}

const ROUNDS = 3;

/**
 * Three rounds, each: the single editor (the whole concept in one Tiptap editor,
 * no collaboration), the concept page alone, and the concept page while five
 * colleagues type; the median over the rounds of each round's p50 and p95.
 */
export async function benchTyping(opts: { base: string; cookie: string; context: BrowserContext; conceptId: string; partIds: string[]; results: Record<string, unknown> }) {
  const url = `${opts.base}/concepts/${opts.conceptId}`;
  const rounds = { single: [] as number[][], alone: [] as number[][], together: [] as number[][] };
  for (let r = 0; r < ROUNDS; r++) {
    rounds.single.push(await measure(opts.context, `${url}/einzeleditor`));
    rounds.alone.push(await measure(opts.context, url));
    // five colleagues: two in the part being typed into, three elsewhere in the concept
    const stops = [0, 0, 1, 2, 3].map((p, i) => typist(opts.base, opts.cookie, opts.partIds[p]!, i));
    await new Promise((res) => setTimeout(res, 1500));
    try {
      rounds.together.push(await measure(opts.context, url));
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
  const single = figures(rounds.single);
  const alone = figures(rounds.alone);
  const together = figures(rounds.together);
  opts.results.typing = {
    method: `keydown → next frame (requestAnimationFrame, then a task) in Chromium, ${KEYS} keys 40 ms apart into the first part of the ~100-page concept; ${ROUNDS} rounds, each: the single editor, the concept page alone, the concept page with 5 colleagues typing (Node clients over the socket); medians of the rounds' p50 and p95`,
    singleEditor: single,
    alone,
    withFiveTypists: together,
    ratioP95WithTypistsToSingle: round(together.p95 / single.p95),
  };
  console.log(
    `Tippen im Browser (Tastendruck → nächstes Bild, Median aus ${ROUNDS} Runden): Einzeleditor p50 ${single.p50} ms / p95 ${single.p95} ms; ` +
      `Konzeptseite allein p50 ${alone.p50} ms / p95 ${alone.p95} ms; mit 5 weiteren Schreibenden p50 ${together.p50} ms / p95 ${together.p95} ms ` +
      `(p95 je Runde ${together.p95PerRound.join(", ")} ms; Verhältnis zum Einzeleditor ${round(together.p95 / single.p95)})`,
  );
}
