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
let version = 0;

function notify() {
  version++;
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

/** The live "has text" of the open parts; re-renders the caller only on a transition. */
export function useFilledParts(): ReadonlyMap<string, boolean> {
  useSyncExternalStore(
    subscribe,
    () => version,
    () => 0,
  );
  return filled;
}
