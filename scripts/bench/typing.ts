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
  await page.keyboard.press("Control+End");
  for (let i = 0; i < KEYS; i++) await page.keyboard.type("x", { delay: 0 }).then(() => page.waitForTimeout(40));
  await page.waitForTimeout(500);
  const values = (await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat)) as number[];
  await page.close();
  return values;
}

export async function benchTyping(opts: { base: string; cookie: string; context: BrowserContext; conceptId: string; partIds: string[]; results: Record<string, unknown> }) {
  const url = `${opts.base}/concepts/${opts.conceptId}`;
  const alone = await measure(opts.context, url);
  // five colleagues: two in the part being typed into, three elsewhere in the concept
  const stops = [0, 0, 1, 2, 3].map((p, i) => typist(opts.base, opts.cookie, opts.partIds[p]!, i));
  await new Promise((r) => setTimeout(r, 1500));
  let together: number[];
  try {
    together = await measure(opts.context, url);
  } finally {
    for (const stop of stops) stop();
  }
  const figures = (v: number[]) => ({ p50: round(pct(v, 50)), p95: round(pct(v, 95)), samples: v.length });
  opts.results.typing = {
    method: `keydown → next frame (requestAnimationFrame, then a task) in Chromium, ${KEYS} keys 40 ms apart into the first part of the ~100-page concept`,
    alone: figures(alone),
    withFiveTypists: figures(together),
  };
  console.log(
    `Tippen im Browser (Tastendruck → nächstes Bild): allein p50 ${round(pct(alone, 50))} ms / p95 ${round(pct(alone, 95))} ms; ` +
      `mit 5 weiteren Schreibenden p50 ${round(pct(together, 50))} ms / p95 ${round(pct(together, 95))} ms`,
  );
}
