"use client";
import { useSyncExternalStore } from "react";

/**
 * Which open parts hold text right now, as their editors see it (section id →
 * filled). Editors write only when a part turns empty or non-empty, never per
 * keystroke; the outline reads it to show "leer" / "begonnen" live. Section ids
 * are unique, so one store serves every concept page; an editor that closes
 * forgets its part, and the server's state applies again.
 */
const filled = new Map<string, boolean>();
const listeners = new Set<() => void>();
const none: ReadonlyMap<string, boolean> = new Map();

function notify() {
  for (const l of listeners) l();
}

export function reportFilled(sectionId: string, value: boolean) {
  if (filled.get(sectionId) === value) return;
  filled.set(sectionId, value);
  notify();
}

export function forgetFilled(sectionId: string) {
  if (filled.delete(sectionId)) notify();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * A value derived from the live "has text" of the open parts; re-renders the caller only when that value changes
 * (a primitive), not on every part that opens or closes: the outline's forty entries would otherwise all render
 * again in the task that mounts a part's editor while the page is scrolled (issue 17).
 */
export function useFilledParts<T extends string | number | boolean>(select: (filled: ReadonlyMap<string, boolean>) => T): T {
  // While hydrating: what the server rendered (no open parts); the live value follows at once if it differs.
  return useSyncExternalStore(subscribe, () => select(filled), () => select(none));
}
