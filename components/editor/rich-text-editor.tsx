"use client";
import type { JSONContent } from "@tiptap/core";
import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect, useRef } from "react";
import { editorExtensions } from "./extensions";
import { cleanPastedHtml } from "./paste";
import { Toolbar } from "./toolbar";
import "./prosemirror.css";

export type RichTextEditorProps = {
  id: string;
  /** accessible name of the text area, e.g. "Ausgangslage – Sprache" */
  label: string;
  content: JSONContent;
  editable?: boolean;
  autofocus?: boolean;
  onChange?: (doc: JSONContent) => void;
  onBlur?: () => void;
};

/** One Tiptap editor for one rich-text part, using THE extension list. */
export function RichTextEditor({ id, label, content, editable = true, autofocus, onChange, onBlur }: RichTextEditorProps) {
  const onChangeRef = useRef(onChange);
  const onBlurRef = useRef(onBlur);
  onChangeRef.current = onChange;
  onBlurRef.current = onBlur;
  const editor = useEditor({
    extensions: editorExtensions,
    content,
    editable,
    immediatelyRender: false,
    // No inline <style> element (the CSP allows none without a nonce): prosemirror.css carries the same rules.
    injectCSS: false,
    autofocus: autofocus ? "end" : false,
    editorProps: {
      attributes: {
        id,
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": label,
        class: "prose-editor",
        ...(editable ? {} : { "aria-readonly": "true" }),
      },
      transformPastedHTML: cleanPastedHtml,
    },
    onUpdate: ({ editor: e }) => onChangeRef.current?.(e.getJSON()),
    onBlur: () => onBlurRef.current?.(),
  });
  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);
  return (
    <div className="rich-text">
      {editor && editable ? <Toolbar editor={editor} label={label} /> : null}
      <EditorContent editor={editor} />
    </div>
  );
}

/** Replace the editor's content from outside (after a conflict was resolved). */
export type { JSONContent };
