"use client";
import type { Editor } from "@tiptap/react";
import { createContext, useContext, useSyncExternalStore } from "react";
import { createValueStore } from "@/components/ui/value-store";

/** The part whose formatting the shared toolbar shows: its editor, its name, its link dialog, and whether its changes may be proposals. */
export type ActivePart = { editor: Editor; label: string; openLink: () => void; proposes: boolean };

export type ActiveEditorStore = {
  subscribe: (listener: () => void) => () => void;
  get: () => ActivePart | null;
  /** A part's editor took the focus. */
  activate: (part: ActivePart) => void;
  /** A part's editor is going away or became read-only: the toolbar goes idle if it showed that part. */
  release: (editor: Editor) => void;
  /** The shared toolbar registers how to focus it (Alt+F10 from the text) and how far down the screen it reaches when stuck. */
  setToolbar: (toolbar: { focus: () => boolean; clearance: () => number } | null) => void;
  focusToolbar: () => boolean;
  /** Pixels from the top of the screen that the sticky toolbar covers (0 without one). */
  clearance: () => number;
};

/**
 * Which part has (or last had) the focus, for the one shared formatting toolbar
 * of a page (issues 15 and 17: the toolbar no longer sits in every part). Only
 * a change of part notifies; keystrokes go to the toolbar through the editor's
 * own subscription (useEditorState), as before.
 */
export function createActiveEditorStore(): ActiveEditorStore {
  const active = createValueStore<ActivePart | null>(null);
  let toolbar: { focus: () => boolean; clearance: () => number } | null = null;
  return {
    subscribe: active.subscribe,
    get: active.get,
    activate: active.set,
    release: (editor) => {
      if (active.get()?.editor === editor) active.set(null);
    },
    setToolbar: (t) => {
      toolbar = t;
    },
    focusToolbar: () => toolbar?.focus() ?? false,
    clearance: () => toolbar?.clearance() ?? 0,
  };
}

export const ActiveEditorContext = createContext<ActiveEditorStore | null>(null);

/** The page's store, or null where there is no shared toolbar (the measure form, the single-editor page). */
export const useActiveEditorStore = () => useContext(ActiveEditorContext);

const none = () => () => undefined;
const nothing = () => null;

/** The active part; re-renders only when another part takes over. */
export function useActivePart(store: ActiveEditorStore | null): ActivePart | null {
  return useSyncExternalStore(store?.subscribe ?? none, store?.get ?? nothing, nothing);
}
