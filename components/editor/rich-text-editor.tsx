"use client";
import type { JSONContent } from "@tiptap/core";
import { EditorContent, useEditor } from "@tiptap/react";
import Collaboration from "@tiptap/extension-collaboration";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import { buildExtensions, editorExtensions } from "./extensions";
import { CollaborationCaret } from "./extensions/caret";
import { LinkDialog } from "./link-dialog";
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
  onFocus?: () => void;
  /** the writing hint shown while the text is empty */
  placeholder?: string;
  /** Writing together: the part's Yjs document (the content comes from it) and the carets' awareness. */
  collaboration?: { doc: Y.Doc; awareness: Awareness | null };
};

/** One Tiptap editor for one rich-text part, using THE extension list. */
export function RichTextEditor({ id, label, content, editable = true, autofocus, placeholder, onChange, onBlur, onFocus, collaboration }: RichTextEditorProps) {
  const onChangeRef = useRef(onChange);
  const onBlurRef = useRef(onBlur);
  onChangeRef.current = onChange;
  onBlurRef.current = onBlur;
  const onFocusRef = useRef(onFocus);
  onFocusRef.current = onFocus;
  const extensions = useMemo(
    () =>
      collaboration
        ? [
            ...buildExtensions({ collaborative: true, placeholder }),
            Collaboration.configure({ document: collaboration.doc, field: "default" }),
            CollaborationCaret.configure({ awareness: collaboration.awareness }),
          ]
        : placeholder
          ? buildExtensions({ placeholder })
          : editorExtensions,
    [collaboration, placeholder],
  );
  const editor = useEditor(
    {
    extensions,
    content: collaboration ? undefined : content,
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
    onFocus: () => onFocusRef.current?.(),
    },
    [extensions],
  );
  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);
  const [linkDialog, setLinkDialog] = useState(false);
  const withTools = !!editor && editable;
  return (
    <div
      className="rich-text"
      onKeyDown={(e) => {
        // Strg+K opens the link dialog, as in office programs and Google Docs.
        if (withTools && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "k" && editor.isFocused) {
          e.preventDefault();
          setLinkDialog(true);
        }
      }}
    >
      {withTools ? <Toolbar editor={editor} label={label} onLink={() => setLinkDialog(true)} /> : null}
      <EditorContent editor={editor} />
      {withTools && linkDialog ? <LinkDialog editor={editor} onClose={() => setLinkDialog(false)} /> : null}
    </div>
  );
}

/** Replace the editor's content from outside (after a conflict was resolved). */
export type { JSONContent };
