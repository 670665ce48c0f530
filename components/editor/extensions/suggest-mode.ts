/**
 * Suggest mode (Vorschlagsmodus) for one editor: while it is on, every edit
 * becomes a proposal of `author` (lib/suggestions/propose.ts, with the
 * library's `suggestChanges` plugin holding the on/off state). Remote changes,
 * undo/redo and the library's own accept/reject pass through unchanged.
 * A reviewer's editor has it `locked` on; the server refuses anything else
 * from them anyway (lib/suggestions/guard.ts). Not part of THE extension list:
 * it adds no node or mark, only behaviour, and only where the page adds it.
 */
import { Extension } from "@tiptap/core";
import type { Transaction } from "@tiptap/pm/state";
import { enableSuggestChanges, isSuggestChangesEnabled, suggestChanges, suggestChangesKey, toggleSuggestChanges } from "@handlewithcare/prosemirror-suggest-changes";
import { asProposal } from "@/lib/suggestions/propose";

export type SuggestModeOptions = { author: string; locked: boolean; on: boolean };

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    suggestMode: {
      /** Turn suggest mode on or off (not for a locked editor). */
      toggleSuggestMode: () => ReturnType;
    };
  }
}

/** A transaction the library must not turn into a proposal (as its own withSuggestChanges decides). */
function passesThrough(tr: Transaction) {
  const ySync = (tr.getMeta("y-sync$") ?? {}) as { isUndoRedoOperation?: boolean; isChangeOrigin?: boolean };
  return !tr.docChanged || !!tr.getMeta("history$") || !!tr.getMeta("collab$") || !!ySync.isUndoRedoOperation || !!ySync.isChangeOrigin || "skip" in ((tr.getMeta(suggestChangesKey) as object | undefined) ?? {});
}

export const SuggestMode = Extension.create<SuggestModeOptions>({
  name: "suggestMode",
  addOptions: () => ({ author: "", locked: false, on: false }),
  addProseMirrorPlugins() {
    return [suggestChanges()];
  },
  onCreate() {
    if (this.options.on || this.options.locked) enableSuggestChanges(this.editor.state, this.editor.view.dispatch);
  },
  addCommands() {
    return {
      toggleSuggestMode:
        () =>
        ({ state, dispatch }) =>
          !this.options.locked && toggleSuggestChanges(state, dispatch),
    };
  },
  dispatchTransaction({ transaction, next }) {
    const state = this.editor.state;
    // Locked counts as on from the first keystroke (the plugin's state is switched on in onCreate, one tick later).
    if (!(this.options.locked || isSuggestChangesEnabled(state)) || passesThrough(transaction)) return next(transaction);
    let proposal: Transaction;
    try {
      proposal = asProposal(state, transaction, this.options.author);
    } catch {
      // A change the inline proposal marks cannot express (a paragraph's alignment, a block mark): not made.
      return;
    }
    next(proposal);
  },
});
