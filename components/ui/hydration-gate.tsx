"use client";
import { use, useEffect, useState, type ReactNode } from "react";
import { useFromServerHtml } from "./from-server-html";
import { nearAtRest } from "./scroll-rest";

/**
 * Hydration when a stretch of a long page comes near (issue 17). A page from the server shows all of its HTML at
 * once; React adopts (hydrates) a gated stretch only when the scrolling rests within a screen's height of it, or when
 * someone acts in it (a click, a key, the focus). Until then the stretch is the server's HTML: readable, printable,
 * found by the browser's search, but without React's objects in memory and without its work at load.
 *
 * A gate is named by the id of the element it holds (e.g. `kapitel-vision`). Rendered in the browser without
 * hydration (a navigation inside the app), a gate does not wait.
 */

type Gate = { open: boolean; promise: Promise<void>; resolve: () => void };

const gates = new Map<string, Gate>();

function gateFor(id: string): Gate {
  let gate = gates.get(id);
  if (!gate) {
    let resolve = () => {};
    const promise = new Promise<void>((r) => (resolve = r));
    gate = { open: false, promise, resolve };
    gates.set(id, gate);
  }
  return gate;
}

function isGateOpen(id: string) {
  return gates.get(id)?.open ?? false;
}

/** Lets the stretch hydrate: React retries it (from a promise) or, in the middle of an event, hydrates it at once. */
export function openGate(id: string) {
  const gate = gateFor(id);
  if (gate.open) return;
  gate.open = true;
  // In the middle of a click React hydrates synchronously: the gate must read as open before the promise's callbacks.
  fulfilled(gate.promise);
  gate.resolve();
}

/** The way React reads a promise that has settled (its status), so `use` goes on without waiting for a callback. */
const fulfilled = <T extends Promise<void>>(promise: T) => Object.assign(promise, { status: "fulfilled", value: undefined });
const passed = fulfilled(Promise.resolve());

/** Holds its children's hydration until the gate `id` opens. */
export function HydrationGate({ id, children }: { id: string; children: ReactNode }) {
  // The server's snapshot is read while React renders on the server and while it hydrates: then (and only then,
  // in the browser) the gate may hold.
  const serverSnapshot = useFromServerHtml();
  // (`use` on every render: React expects a component that suspended on it to call it again when it finishes)
  use(serverSnapshot && typeof window !== "undefined" ? gateFor(id).promise : passed);
  return children;
}

/**
 * Events in which React hydrates the stretch they happen in, at once and before handling them. The gate opens
 * first (listening on the window, in the capture phase: before React, which listens on the document), so the
 * click or key reaches the hydrated stretch and is not dropped.
 */
const ACTING = ["pointerdown", "mousedown", "touchstart", "click", "keydown", "focusin", "beforeinput", "input", "change", "submit", "contextmenu", "dragstart"];

/**
 * Opens the gates `ids` (the ids of the elements they hold, in the page's HTML) when their element comes within a
 * screen's height of the view, or on an event inside it.
 */
export function HydrationGates({ ids, children }: { ids: string[]; children: ReactNode }) {
  // New content from the server (a refresh after a save) reaches the stretches not hydrated yet, and React
  // hydrates each of them first, in that render. None may wait then: React would hold the save's update until
  // it had, or throw the stretch's HTML away and render it anew. So every gate opens when the children change,
  // before React renders them.
  const [shown, setShown] = useState(children);
  if (shown !== children) {
    setShown(children);
    for (const id of ids) openGate(id);
  }
  const key = ids.join(" ");
  useEffect(() => {
    let waiting: HTMLElement[] = [];
    const lookUp = () =>
      key
        .split(" ")
        .filter((id) => id && !isGateOpen(id))
        .map((id) => document.getElementById(id))
        .filter((el): el is HTMLElement => el !== null && !waiting.includes(el));
    const open = (el: Element) => {
      openGate(el.id);
      near.unobserve(el);
      waiting = waiting.filter((w) => w !== el);
      if (waiting.length === 0 && !loading) stop();
    };
    // Near the view: adopted once the scrolling rests there, not on the way past (scroll-rest.ts).
    const near = nearAtRest("100% 0px", open);
    const onAct = (event: Event) => {
      if (!(event.target instanceof Node)) return;
      for (const el of waiting) if (el.contains(event.target)) open(el);
    };
    const stop = () => {
      near.disconnect();
      document.removeEventListener("DOMContentLoaded", onParsed);
      for (const type of ACTING) window.removeEventListener(type, onAct, { capture: true });
    };
    const watch = (found: HTMLElement[]) => {
      for (const el of found) near.observe(el);
      waiting.push(...found);
    };
    // On a slow line a stretch streamed in its own piece may not be in the document yet when this runs: every
    // stretch is there once the page has been read to its end (React may show it later, but it is the same element).
    let loading = document.readyState === "loading";
    const onParsed = () => {
      loading = false;
      watch(lookUp());
      if (waiting.length === 0) stop();
    };
    watch(lookUp());
    if (waiting.length === 0 && !loading) return;
    if (loading) document.addEventListener("DOMContentLoaded", onParsed, { once: true });
    for (const type of ACTING) window.addEventListener(type, onAct, { capture: true });
    return stop;
  }, [key]);
  return children;
}
