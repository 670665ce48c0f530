/**
 * A key that moves the caret (arrows, Shift+arrows, Home, End) moves the browser's
 * selection at once, but ProseMirror reads it only on the next `selectionchange`
 * event. A colleague's caret or text arriving in between redraws the part and
 * writes ProseMirror's older selection back over the browser's: the key was lost.
 * With one colleague moving their caret, 10 of 30 rounds of selecting a word with
 * arrows and Shift+arrows came out short. So ProseMirror reads the browser's
 * selection first:
 * - before a colleague's change to the text is applied (when the Yjs transaction
 *   begins; this listener is registered ahead of the Yjs binding's, which then keeps
 *   the selection the user made);
 * - before a redraw that changes neither text nor selection (a colleague's caret,
 *   which y-tiptap dispatches a tick after it arrives), keeping that selection;
 * - before the next key is handled. Chrome runs input ahead of the queued
 *   `selectionchange`: "Siehe ." + ArrowLeft + Alt+F10 took the focus to the toolbar
 *   before ProseMirror had read the caret (it reads only while it has the focus), so
 *   the link went in after the full stop; Home + ArrowRight + Strg+K found no link.
 */
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import type * as Y from "yjs";

/**
 * ProseMirror's DOM observer (`flush` dispatches a selection the browser changed and ProseMirror has not read yet)
 * and its input state (when a key was last pressed in the text, when the text last took the focus).
 */
type WithObserver = EditorView & { domObserver?: { flush?: () => void }; input?: { lastKeyCodeTime?: number; lastFocus?: number } };

/**
 * Only right after a key pressed in the text: a browser selection that differs from ProseMirror's just after the
 * text took the focus (the dialog closed, say) is the browser's default, which ProseMirror replaces with its own;
 * read as the user's, it moved the caret to the start.
 * And only while the text has the focus: with the focus in the toolbar or a dialog, the browser's selection is not
 * the user's caret.
 */
const readBrowserSelection = (view: EditorView) => {
  if (!view.hasFocus()) return;
  const { domObserver, input } = view as WithObserver;
  const keyAt = input?.lastKeyCodeTime ?? 0;
  if (Date.now() - keyAt > 500 || keyAt <= Math.max(input?.lastFocus ?? 0, focusedAt.get(view) ?? 0)) return;
  domObserver?.flush?.();
};

/**
 * When the text took the focus, noted as the focus event begins. ProseMirror notes it (`lastFocus`) only after the
 * editor's own focus handlers, and Tiptap's dispatches a transaction in there: read then, the browser's default
 * caret at the start of the text was taken for the user's (the link dialog closed, and " vom Mai" went in first).
 */
const focusedAt = new WeakMap<EditorView, number>();

export const ReadSelectionFirst = Extension.create<{ doc: Y.Doc | null }>({
  name: "readSelectionFirst",
  // Above Collaboration (1000): this plugin's view, and so its listener, comes before the binding's.
  priority: 1001,
  addOptions() {
    return { doc: null };
  },
  dispatchTransaction({ transaction, next }) {
    const view = this.editor.view;
    if (!transaction.docChanged && !transaction.selectionSet && !view.isDestroyed) {
      const before = view.state.selection;
      readBrowserSelection(view);
      // The redraw was made before the selection was read: it would set the old one back.
      if (!view.state.selection.eq(before)) transaction.setSelection(view.state.selection);
    }
    next(transaction);
  },
  addProseMirrorPlugins() {
    const keyReadsSelection = new Plugin({
      key: new PluginKey("readSelectionBeforeKey"),
      props: {
        handleDOMEvents: {
          // (before Tiptap's focus handler: this extension's plugins come first)
          focus: (view) => {
            focusedAt.set(view, Date.now());
            return false;
          },
          // Runs before ProseMirror's own key handling, which still sees the previous key's time here.
          keydown: (view, event) => {
            if (!event.isComposing && !view.composing) readBrowserSelection(view);
            return false;
          },
        },
      },
    });
    const { doc } = this.options;
    if (!doc) return [keyReadsSelection];
    return [
      keyReadsSelection,
      new Plugin({
        key: new PluginKey("readSelectionFirst"),
        view(view) {
          const beforeRemoteChange = () => {
            if (doc._transaction && !doc._transaction.local) readBrowserSelection(view);
          };
          doc.on("beforeAllTransactions", beforeRemoteChange);
          return { destroy: () => doc.off("beforeAllTransactions", beforeRemoteChange) };
        },
      }),
    ];
  },
});
