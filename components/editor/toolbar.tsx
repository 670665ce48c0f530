"use client";
import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import type { TextAlignment } from "@/lib/editor/extensions/text-align";
import { TableControls } from "./table-controls";
import { IDLE, ToolbarView } from "./toolbar-view";

type Props = { editor: Editor | null; label: string; onLink: () => void };

/**
 * The formatting toolbar of an editor: ToolbarView with the pressed states of the text at the
 * caret; below it the table controls while the cursor is in a table.
 */
export function Toolbar({ editor, label, onLink }: Props) {
  const state =
    useEditorState({
      editor,
      selector: ({ editor: e }) =>
        e
          ? {
              bold: e.isActive("bold"),
              italic: e.isActive("italic"),
              h3: e.isActive("heading", { level: 3 }),
              h4: e.isActive("heading", { level: 4 }),
              bullet: e.isActive("bulletList"),
              ordered: e.isActive("orderedList"),
              link: e.isActive("link"),
              table: e.isActive("table"),
              align: (["center", "right", "justify"] as const).find((a) => e.isActive({ textAlign: a })) ?? ("left" as TextAlignment),
            }
          : null,
    }) ?? IDLE;
  return (
    <>
      <ToolbarView editor={editor} label={label} onLink={onLink} state={state} />
      {editor ? <TableControls editor={editor} label={label} /> : null}
    </>
  );
}
