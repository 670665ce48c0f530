"use client";
import type { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import type * as Y from "yjs";
import type * as LiveCode from "./live-code";

/**
 * The document of the part a person is about to write in, synced over the page's socket as soon as it opens
 * (issue 17). Until now the part asked for its document only once its own component had hydrated, which on the
 * 100-page concept comes 0.2–0.4 s after the socket; the round trip to the server (its answer carries the
 * whole part) then came on top, before the part became editable. Started here, the document is usually there
 * when the part hydrates, and the part takes over the document and its connection as they are.
 *
 * One part only: the one the address names (`#teil-…`), else the first of the page. It needs nothing but the
 * server's HTML, which is in the page before React has adopted it.
 */

type Warm = { sectionId: string; doc: Y.Doc; provider: HocuspocusProvider; broken: boolean; forget: () => void };

let warm: Warm | null = null;
/** Not taken by then (the part never hydrated, the person left): the connection is let go. */
const KEEP_MS = 15_000;
const LOOK_AGAIN_MS = 50;

function wantedPart(): string | null {
  const named = /^#teil-([\w-]+)$/.exec(location.hash)?.[1];
  const namedEl = named ? document.querySelector<HTMLElement>(`.section-editor[data-section="${CSS.escape(named)}"]`) : null;
  // A named part in a chapter still streaming in (the page's first chapter comes first): wait for it, not the first part.
  if (named && !namedEl && document.readyState === "loading") return null;
  const el = namedEl ?? document.querySelector<HTMLElement>(".section-editor[data-section]");
  return el?.dataset.section ?? null;
}

let looking: ReturnType<typeof setTimeout> | null = null;

/**
 * Starts the sync of the part the person will most likely write in first (see above). The socket can open before
 * the page's parts have streamed in: then it looks again until they are there or the page has been read.
 */
export function warmPart(live: typeof LiveCode, socket: HocuspocusProviderWebsocket) {
  dropWarmPart();
  const sectionId = wantedPart();
  if (!sectionId) {
    if (document.readyState === "loading") looking = setTimeout(() => warmPart(live, socket), LOOK_AGAIN_MS);
    return;
  }
  const doc = live.newDoc();
  const provider = new live.HocuspocusProvider({ websocketProvider: socket, name: `section:${sectionId}`, document: doc, token: "session" });
  const entry: Warm = { sectionId, doc, provider, broken: false, forget: () => {} };
  // A refusal or a closed connection is the part's own business: it then starts afresh, as it did before.
  const broken = () => void (entry.broken = true);
  provider.on("authenticationFailed", broken);
  provider.on("close", broken);
  const timer = setTimeout(() => warm === entry && dropWarmPart(), KEEP_MS);
  entry.forget = () => {
    clearTimeout(timer);
    provider.off("authenticationFailed", broken);
    provider.off("close", broken);
  };
  provider.attach();
  warm = entry;
}

/** Whether `sectionId` is the part being warmed: it opens as soon as it has hydrated, wherever it is on the screen. */
export function isWarmPart(sectionId: string) {
  return warm?.sectionId === sectionId;
}

/** The warmed document and its connection for `sectionId`, handed over once; null when there is none (or it broke). */
export function takeWarmPart(sectionId: string): { doc: Y.Doc; provider: HocuspocusProvider } | null {
  if (!warm || warm.sectionId !== sectionId) return null;
  if (warm.broken) {
    dropWarmPart();
    return null;
  }
  const entry = warm;
  warm = null;
  entry.forget();
  return { doc: entry.doc, provider: entry.provider };
}

/** Lets an untaken warmed part go (its time is up, the page's socket closes). */
export function dropWarmPart() {
  if (looking) clearTimeout(looking);
  looking = null;
  if (!warm) return;
  const entry = warm;
  warm = null;
  entry.forget();
  entry.provider.destroy();
  entry.doc.destroy();
}
