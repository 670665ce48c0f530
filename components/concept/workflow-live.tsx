"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";
import { useRealtime } from "@/components/editor/realtime";

/** The awareness field a page sets after it changed a fertig mark or a responsibility. */
const FIELD = "workflowAt";
/** How old the page's data may be when this starts listening, at most (a navigation inside the app). */
const DATA_AGE_MS = 10_000;

/** Tell the others in the concept that a fertig mark or a responsibility changed (their pages then refresh). */
export function useAnnounceWorkflow() {
  const realtime = useRealtime();
  return useCallback(() => realtime?.presence.setAwarenessField(FIELD, Date.now()), [realtime]);
}

/**
 * Refreshes the page when someone else in the concept changed a fertig mark or
 * a responsibility: the presence channel carries only a time stamp, the page
 * reads the change from the server as on a reload.
 */
export function WorkflowRefresher() {
  const realtime = useRealtime();
  const router = useRouter();
  const seen = useRef(new Map<number, number>());
  useEffect(() => {
    const awareness = realtime?.presence.awareness;
    if (!awareness) return;
    // What the page's data may lack: changes announced after its request. On a page load this effect runs
    // seconds later on a busy machine, and a change announced in between was missed; so the page's start counts
    // (or, after a navigation inside the app, the last seconds).
    const loadedAt = Math.max(performance.timeOrigin, Date.now() - DATA_AGE_MS);
    const check = () => {
      let changed = false;
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === awareness.clientID) continue;
        const at = (state as Record<string, unknown>)[FIELD];
        if (typeof at !== "number") continue;
        const before = seen.current.get(clientId);
        if (before === undefined ? at > loadedAt : at > before) changed = true;
        seen.current.set(clientId, at);
      }
      if (changed) router.refresh();
    };
    check();
    awareness.on("change", check);
    return () => awareness.off("change", check);
  }, [realtime, router]);
  return null;
}
