/** The link dialog's changes, on a real (headless) editor with THE extension list. */
import { Editor, type JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { bold, doc, link, p } from "@/lib/editor/build";
import { validateDoc } from "@/lib/editor/validate";
import { editorExtensions } from "@/lib/editor/extensions";
import { linkTarget, removeLinkAt, setLinkAt } from "./link-edit";

/** An editor with `content`; the selection covers `select` (or sits before `cursor`). */
function editorWith(content: JSONContent, { select, cursor }: { select?: string; cursor?: string }) {
  const editor = new Editor({ element: null, extensions: editorExtensions, content });
  const needle = select ?? cursor!;
  let from = -1;
  editor.state.doc.descendants((node, pos) => {
    if (from < 0 && node.isText && node.text!.includes(needle)) from = pos + node.text!.indexOf(needle);
    return from < 0;
  });
  if (from < 0) throw new Error(`"${needle}" not in the document`);
  editor.commands.setTextSelection(select ? { from, to: from + select.length } : from);
  return editor;
}

const paragraph = (editor: Editor) => (validateDoc(editor.getJSON()) as { ok: true; doc: JSONContent }).doc.content![0]!.content;
const linkMark = (href: string) => ({ type: "link", attrs: expect.objectContaining({ href }) as unknown });

describe("the link dialog's changes", () => {
  it("insert a new link with its text at the cursor, and what is typed next is plain text", () => {
    const editor = editorWith(doc(p("Siehe .")), { cursor: "." });
    const target = linkTarget(editor);
    expect(target).toMatchObject({ text: "", href: "" });
    setLinkAt(editor.chain(), target, { text: "Ratsbeschluss", href: "https://www.musterstadt.de/rat" }).run();
    // Typing: the text takes the marks the cursor has.
    editor.view.dispatch(editor.state.tr.insertText(" vom Mai"));
    expect(paragraph(editor)).toEqual([
      { type: "text", text: "Siehe " },
      { type: "text", text: "Ratsbeschluss", marks: [linkMark("https://www.musterstadt.de/rat")] },
      { type: "text", text: " vom Mai." },
    ]);
  });

  it("link selected bold text without losing the bold", () => {
    const editor = editorWith(doc(p("Der ", bold("Rat"), " hat beschlossen.")), { select: "Rat" });
    const target = linkTarget(editor);
    expect(target).toMatchObject({ text: "Rat", href: "" });
    setLinkAt(editor.chain(), target, { text: "Rat", href: "https://www.musterstadt.de/" }).run();
    expect(paragraph(editor)?.[1]).toEqual({ type: "text", text: "Rat", marks: [linkMark("https://www.musterstadt.de/"), { type: "bold" }] });
  });

  it("edit the link the cursor is in: the whole link, pre-filled, gets the new text and address", () => {
    const editor = editorWith(doc(p("Siehe ", link("Beschluss", "https://alt.example/"), ".")), { cursor: "schluss" });
    const target = linkTarget(editor);
    expect(target).toMatchObject({ text: "Beschluss", href: "https://alt.example/" });
    setLinkAt(editor.chain(), target, { text: "Ratsbeschluss 2026", href: "https://neu.example/" }).run();
    expect(paragraph(editor)).toEqual([
      { type: "text", text: "Siehe " },
      { type: "text", text: "Ratsbeschluss 2026", marks: [linkMark("https://neu.example/")] },
      { type: "text", text: "." },
    ]);
  });

  it("remove the link the cursor is in and keep its text", () => {
    const editor = editorWith(doc(p("Siehe ", link("Beschluss", "https://alt.example/"), ".")), { cursor: "Besch" });
    removeLinkAt(editor.chain(), linkTarget(editor)).run();
    expect(paragraph(editor)).toEqual([{ type: "text", text: "Siehe Beschluss." }]);
  });
});
