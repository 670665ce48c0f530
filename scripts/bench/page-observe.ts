import type { Page } from "@playwright/test";

/** What the page benches observe inside the browser (page-load.ts, save-after-load.ts). */

/** BENCH_TIMELINE=1: where the concept page's time to its first editable part goes (one line per run). */
export const TIMELINE = process.env.BENCH_TIMELINE === "1";

/**
 * BENCH_UNBATCHED_REVEALS=1: each streamed stretch of the page is shown as soon as it has arrived. React holds the
 * reveal of a streamed Suspense boundary until 300 ms after the one before it, to show them in batches; on the
 * concept page the head's boundaries are revealed just before the body arrives, so the body (and with it its
 * hydration) waits those 300 ms. With this switch the page's React script reads its clock of the last reveal
 * (`$RT`) as long past, so nothing is held: it measures what the batching costs. A measuring aid, not how the app runs.
 */
export const UNBATCHED_REVEALS = process.env.BENCH_UNBATCHED_REVEALS === "1";
export const UNBATCH_REVEALS = `Object.defineProperty(window, "$RT", { get: () => -1e9, set() {} });`;

/** BENCH_SHIFT_SOURCES=1: the largest layout shifts of the pass and the elements that moved (for finding them). */
export const SHIFT_SOURCES = process.env.BENCH_SHIFT_SOURCES === "1";

/**
 * Collects layout shifts and long tasks from the very start of each page. The elements behind a shift are
 * described only with BENCH_SHIFT_SOURCES=1 (from the entry's own rects: nothing is laid out during the pass).
 */
export const OBSERVE = `(() => {
  window.__kw = { shifts: [], longTasks: [], frame: () => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0))) };
  const describe = ${SHIFT_SOURCES}
    ? (x) => { const n = x.node; const el = n && (n.nodeType === 1 ? n : n.parentElement); return el ? el.tagName + "." + String(el.className).split(" ")[0] + " " + (el.closest("[id]")?.id || "") + " dy=" + Math.round(x.currentRect.y - x.previousRect.y) + " dh=" + Math.round(x.currentRect.height - x.previousRect.height) : "?"; }
    : null;
  // When the first part (the single editor: its one editor) can be written in, seen from inside the page: a
  // locator polled from outside reads the page's layout on every animation frame while it loads, work the page
  // would not do for a person looking at it.
  const partSelector = ".section-editor";
  const editableIn = (el) => el.getAttribute("contenteditable") === "true" && (el.closest(partSelector) || !document.querySelector(partSelector));
  const editable = new MutationObserver((records) => {
    for (const r of records) {
      const nodes = r.type === "attributes" ? [r.target] : [...r.addedNodes];
      for (const n of nodes) {
        if (n.nodeType !== 1) continue;
        const found = editableIn(n) ? n : [...n.querySelectorAll('[contenteditable="true"]')].find(editableIn);
        if (found) {
          window.__kw.editableAt = performance.now();
          if (window.__kwTimeline) window.__kwTimeline.partEditable = Math.round(window.__kw.editableAt);
          editable.disconnect();
          return;
        }
      }
    }
  });
  editable.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["contenteditable"] });
  if (${TIMELINE}) {
    const tl = (window.__kwTimeline = {});
    const mark = (k) => { if (!(k in tl)) tl[k] = Math.round(performance.now()); };
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(...a) {
        super(...a); mark("socketCreated");
        this.addEventListener("open", () => mark("socketOpen"));
        let n = 0;
        this.addEventListener("message", () => { n++; mark("firstMessage"); if (n === 5) mark("fifthMessage"); });
      }
      send(d) { mark("firstSend"); return super.send(d); }
    };
    // Each mark is looked for until it is found; once the part is editable (partEditable, noted by the observer
    // above) this one stops (it runs inside the measured load).
    // partShown: a part out of the hidden element a streamed boundary arrives in (React revealed it).
    const marks = [["firstPartInDom", ".section-editor"], ["partShown", ".section-editor:not([hidden] *)"], ["partActive", ".section-editor .save-status:not(:empty)"], ["partLive", '.section-editor[data-live="true"]']];
    const watcher = new MutationObserver(() => {
      for (const [k, selector] of marks) if (!(k in tl) && document.querySelector(selector)) mark(k);
      if ("partEditable" in tl) watcher.disconnect();
    });
    watcher.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    document.addEventListener("DOMContentLoaded", () => mark("domContentLoaded"));
  }
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__kw.shifts.push([e.startTime, e.value, describe ? (e.sources || []).map(describe) : []]); }).observe({ type: "layout-shift", buffered: true });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__kw.longTasks.push([e.startTime, e.duration]); }).observe({ type: "longtask", buffered: true });
  } catch {}
})();`;

/** The JavaScript heap after a forced garbage collection, in MB. */
export async function heapMB(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
  await cdp.detach();
  return usedSize / 2 ** 20;
}
