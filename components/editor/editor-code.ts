"use client";
import type { RichTextEditor } from "./rich-text-editor";
import type * as SharedToolbarLive from "./shared-toolbar-live";
import type * as LiveCode from "./live-code";
import { fetchedOnce } from "@/lib/fetched-once";

/**
 * The editor's code (Tiptap, ProseMirror, the Yjs binding: the largest part of the concept page's
 * JavaScript) is not in the page's first load (issue 17). collab-section-editor.tsx fetches it as soon as
 * the page starts (its first part is in view at once); the shared toolbar's live controls follow when a part
 * takes the focus or the browser is idle. Each is fetched once; a failed fetch is tried again.
 */

export const loadEditorCode: () => Promise<typeof RichTextEditor> = fetchedOnce(() => import("./rich-text-editor").then((m) => m.RichTextEditor));

/** Yjs and the Hocuspocus client: the page's socket (realtime.tsx) and every live part need them. */
export const loadLiveCode: () => Promise<typeof LiveCode> = fetchedOnce(() => import("./live-code"));

/** The shared toolbar's live controls (they read the focused editor's state through Tiptap). */
export const loadToolbarCode: () => Promise<typeof SharedToolbarLive> = fetchedOnce(() => import("./shared-toolbar-live"));

/** Fetch both once the page has nothing else to do, so the first click into a part does not wait for them. */
export function prefetchEditorCodeWhenIdle() {
  const go = () => void Promise.all([loadEditorCode(), loadToolbarCode()]).catch(() => {});
  if (typeof window.requestIdleCallback === "function") {
    const id = window.requestIdleCallback(go, { timeout: 4000 });
    return () => window.cancelIdleCallback(id);
  }
  const timer = setTimeout(go, 1500);
  return () => clearTimeout(timer);
}
