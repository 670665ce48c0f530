import { Extension } from "@tiptap/core";
import { yCursorPlugin } from "@tiptap/y-tiptap";
import type { Awareness } from "y-protocols/awareness";
import { othersOnly } from "./others-only";

/** `palette`: one of the eight caret colours (classes); `color`: the same colour as #rrggbb, which y-tiptap checks (else it warns on every redraw). */
type CaretUser = { name: string; color: string; palette: number };

const colorClass = (user: CaretUser) => `collab-color-${Math.abs(Math.trunc(Number(user.palette) || 0)) % 8}`;

/**
 * Colleagues' carets and selections with their names. Colours are classes, not
 * inline styles: the page's CSP allows no style attributes.
 */
export const CollaborationCaret = Extension.create<{ awareness: Awareness | null }>({
  name: "collaborationCaret",
  addOptions() {
    return { awareness: null };
  },
  addProseMirrorPlugins() {
    if (!this.options.awareness) return [];
    return [
      yCursorPlugin(othersOnly(this.options.awareness), {
        cursorBuilder: (user: CaretUser) => {
          const caret = document.createElement("span");
          caret.className = `collab-caret ${colorClass(user)}`;
          const label = document.createElement("span");
          label.className = "collab-caret-label";
          label.textContent = String(user.name ?? "");
          caret.append(label);
          return caret;
        },
        selectionBuilder: (user: CaretUser) => ({ class: `collab-selection ${colorClass(user)}` }),
      }),
    ];
  },
});
