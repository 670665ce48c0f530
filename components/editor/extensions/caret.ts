import { Extension } from "@tiptap/core";
import { yCursorPlugin } from "@tiptap/y-tiptap";
import type { Awareness } from "y-protocols/awareness";

type CaretUser = { name: string; color: number };

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
      yCursorPlugin(this.options.awareness, {
        cursorBuilder: (user: CaretUser) => {
          const caret = document.createElement("span");
          caret.className = `collab-caret collab-color-${Number(user.color) % 8}`;
          const label = document.createElement("span");
          label.className = "collab-caret-label";
          label.textContent = String(user.name ?? "");
          caret.append(label);
          return caret;
        },
        selectionBuilder: (user: CaretUser) => ({ class: `collab-selection collab-color-${Number(user.color) % 8}` }),
      }),
    ];
  },
});
