"use client";
import type { Editor, JSONContent } from "@tiptap/core";
import { useEditor } from "@tiptap/react";
import Collaboration from "@tiptap/extension-collaboration";
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from "react";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import { buildExtensions, editorExtensions } from "@/lib/editor/extensions";
import { CollaborationCaret } from "./extensions/caret";
import { ReadSelectionFirst } from "./extensions/read-selection-first";
import { SuggestMode } from "./extensions/suggest-mode";
import { SuggestModeBar, SuggestionList, type SuggestSettings } from "./suggestion-panel";
import { LinkDialog } from "./link-dialog";
import { cleanPastedHtml } from "@/lib/editor/paste";
import { Toolbar } from "./toolbar";
import { useActiveEditorStore, type ActivePart } from "./active-editor";
import { focusToolbar } from "./use-roving-toolbar";

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
  /** Proposals (issue 13): suggest mode for this user, locked on for a reviewer, and accept/reject for editors. */
  suggest?: SuggestSettings;
  /**
   * "shared": the page's one formatting toolbar (components/editor/shared-toolbar.tsx) shows this
   * part's controls while it has the focus, so the part's box does not grow when the editor mounts.
   * "inline" (default): the toolbar sits above the text (the measure form, the single-editor page).
   */
  toolbar?: "inline" | "shared";
  /** the part's section id: the proposal list offers "all of this part" with it */
  partId?: string;
  /**
   * Shown until the editor exists (Tiptap makes it after the first render): the part's static text, so the
   * part keeps its box and its text while it becomes an editor, with no empty frame between (issue 17).
   */
  fallback?: ReactNode;
  /** Told when the editor exists and when it goes (the concept page reads its text before parking a far part). */
  onEditor?: (editor: Editor | null) => void;
};

/** One Tiptap editor for one rich-text part, using THE extension list. */
export function RichTextEditor({ id, label, content, editable = true, autofocus, placeholder, onChange, onBlur, onFocus, collaboration, suggest, toolbar = "inline", partId, fallback, onEditor }: RichTextEditorProps) {
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
            ReadSelectionFirst.configure({ doc: collaboration.doc }),
            ...(suggest ? [SuggestMode.configure({ author: suggest.author, locked: suggest.locked, on: suggest.locked })] : []),
          ]
        : [...(placeholder ? buildExtensions({ placeholder }) : editorExtensions), ReadSelectionFirst],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new editor only when who proposes changes, not per render
    [collaboration, placeholder, suggest?.author, suggest?.locked],
  );
  const shared = useActiveEditorStore();
  const sharedToolbar = toolbar === "shared" && shared ? shared : null;
  // The caret kept clear of the sticky toolbar when the editor scrolls it into view.
  const clearance = sharedToolbar?.clearance() ?? 0;
  const created = useEditor(
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
      ...(clearance > 0
        ? { scrollThreshold: { top: clearance, right: 0, bottom: 0, left: 0 }, scrollMargin: { top: clearance + 8, right: 5, bottom: 5, left: 5 } }
        : {}),
    },
    // ProseMirror builds attrs without a prototype (Object.create(null)); React cannot send such an
    // object to a server action (it arrives as a reference the server cannot read), so plain JSON goes out.
    onUpdate: ({ editor: e }) => onChangeRef.current?.(JSON.parse(JSON.stringify(e.getJSON())) as JSONContent),
    onBlur: () => onBlurRef.current?.(),
    onFocus: () => onFocusRef.current?.(),
    },
    [extensions],
  );
  const host = useRef<HTMLDivElement>(null);
  const editor = useViewInPlace(created, host);
  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);
  const onEditorRef = useRef(onEditor);
  onEditorRef.current = onEditor;
  useEffect(() => {
    if (!editor) return;
    onEditorRef.current?.(editor);
    return () => onEditorRef.current?.(null);
  }, [editor]);
  // Clicked static text becomes this editor: the caret goes in once it may write, also when the server's
  // "read-write" arrived after the editor was made (Tiptap's own autofocus runs only at creation).
  const autofocused = useRef(false);
  useEffect(() => {
    if (!editor || !autofocus || !editable || autofocused.current) return;
    autofocused.current = true;
    if (!editor.isFocused) editor.commands.focus("end");
  }, [editor, autofocus, editable]);
  const [linkDialog, setLinkDialog] = useState(false);
  const withTools = !!editor && editable;
  const proposes = !!suggest;
  const part = useMemo<ActivePart | null>(() => (editor ? { editor, label, openLink: () => setLinkDialog(true), proposes } : null), [editor, label, proposes]);
  // The shared toolbar follows the focus; a part that becomes read-only or goes away hands it back.
  useEffect(() => {
    if (!sharedToolbar || !part) return;
    if (!editable) {
      sharedToolbar.release(part.editor);
      return;
    }
    const take = () => sharedToolbar.activate(part);
    part.editor.on("focus", take);
    // Focused on mounting, or the toolbar shows this part already (with an older name): take over at once.
    if (part.editor.isFocused || sharedToolbar.get()?.editor === part.editor) take();
    return () => {
      part.editor.off("focus", take);
    };
  }, [sharedToolbar, part, editable]);
  useEffect(() => {
    if (!sharedToolbar || !editor) return;
    return () => sharedToolbar.release(editor);
  }, [sharedToolbar, editor]);
  const inlineRef = useRef<HTMLDivElement>(null);
  return (
    <div
      ref={inlineRef}
      className="rich-text"
      // The shared toolbar follows the focus into this part (a DOM focus event: Tiptap's own can come before the listener).
      onFocus={() => {
        if (sharedToolbar && part && editable && sharedToolbar.get()?.editor !== part.editor) sharedToolbar.activate(part);
      }}
      onKeyDown={(e) => {
        if (!withTools || !editor.isFocused) return;
        // Strg+K opens the link dialog, as in office programs and Google Docs.
        if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "k") {
          e.preventDefault();
          setLinkDialog(true);
        }
        // Alt+F10 goes to the toolbar, as in TinyMCE and Word online; Escape there comes back.
        if (e.altKey && !e.ctrlKey && !e.metaKey && e.key === "F10") {
          if (sharedToolbar && part && sharedToolbar.get()?.editor !== part.editor) {
            // The bar shows another part (or none): this part's controls first, then the focus into them.
            sharedToolbar.activate(part);
            e.preventDefault();
            requestAnimationFrame(() => sharedToolbar.focusToolbar());
            return;
          }
          const reached = sharedToolbar ? sharedToolbar.focusToolbar() : focusToolbar(inlineRef.current?.querySelector('[role="toolbar"]') ?? null);
          if (reached) e.preventDefault();
        }
      }}
    >
      {withTools && suggest && !sharedToolbar ? <SuggestModeBar editor={editor} settings={suggest} /> : null}
      {withTools && !sharedToolbar ? <Toolbar editor={editor} label={label} onLink={() => setLinkDialog(true)} /> : null}
      {created || fallback === undefined ? <div ref={host} /> : fallback}
      {editor && suggest ? <SuggestionList editor={editor} settings={suggest} sectionId={partId} /> : null}
      {withTools && linkDialog ? <LinkDialog editor={editor} onClose={() => setLinkDialog(false)} /> : null}
    </div>
  );
}

/**
 * The editor, handed out once its view is in `host`. Tiptap makes the view when it makes the editor, in an element
 * of its own; this moves it into the page as that element is put in. Tiptap's EditorContent, which does the same,
 * also draws the document a second time (for React node views, which this editor has none of) and makes every
 * plugin's view anew (for a plugin of its own, for Enter inside such node views on phones): 12–15 ms more per
 * part opened, in the task that opens it while the page is scrolled (issue 17, CPU profile of a pass through the
 * 100-page concept on a slow machine).
 */
function useViewInPlace(editor: Editor | null, host: RefObject<HTMLDivElement | null>) {
  const [placed, setPlaced] = useState<Editor | null>(null);
  useLayoutEffect(() => {
    const element = host.current;
    if (!editor || editor.isDestroyed || !element) return;
    element.append(editor.view.dom);
    setPlaced(editor);
  }, [editor, host]);
  return placed === editor && editor && !editor.isDestroyed ? editor : null;
}

/** Replace the editor's content from outside (after a conflict was resolved). */
export type { JSONContent };
