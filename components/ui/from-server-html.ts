"use client";
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * True while React renders on the server and while it hydrates the server's HTML; false once the component runs in
 * the browser on its own (after hydration, or rendered there first). React reads the server snapshot exactly then.
 */
export function useFromServerHtml(): boolean {
  return useSyncExternalStore(noSubscription, () => false, () => true);
}
