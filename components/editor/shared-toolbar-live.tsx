"use client";
import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { isSuggestChangesEnabled } from "@handlewithcare/prosemirror-suggest-changes";
import { SuggestToggleView } from "./suggest-toggle-view";
export { Toolbar } from "./toolbar";

/** "Vorschlagen" for the active part: its changes become proposals while pressed. */
export function SuggestToggle({ editor }: { editor: Editor | null }) {
  const on = useEditorState({ editor, selector: ({ editor: e }) => (e ? isSuggestChangesEnabled(e.state) : false) }) ?? false;
  return <SuggestToggleView on={on} disabled={!editor} onToggle={() => editor?.chain().focus().toggleSuggestMode().run()} />;
}
