/** The link dialog's changes to the text, apart from the dialog (and testable without a browser). */
import { getMarkRange, type ChainedCommands, type Editor } from "@tiptap/core";

/** What the dialog works on: the link around the cursor (to edit it), else the selected text. */
export type LinkTarget = { from: number; to: number; text: string; href: string };

export function linkTarget(editor: Editor): LinkTarget {
  const { state } = editor;
  let { from, to } = state.selection;
  const href = editor.isActive("link") ? String(editor.getAttributes("link").href ?? "") : "";
  if (href) {
    const range = getMarkRange(state.selection.$from, state.schema.marks.link!);
    if (range) ({ from, to } = { from: Math.min(from, range.from), to: Math.max(to, range.to) });
  }
  return { from, to, text: state.doc.textBetween(from, to, " "), href };
}

/** Link the target with `href`, showing `text`; what is typed after it is not part of the link. */
export function setLinkAt(chain: ChainedCommands, target: LinkTarget, { text, href }: { text: string; href: string }): ChainedCommands {
  const range = { from: target.from, to: target.to };
  const linked =
    text === target.text && range.from < range.to
      ? // Same text: only the link changes, other formatting (bold …) stays.
        chain.setTextSelection(range).setLink({ href }).setTextSelection(range.to)
      : chain.insertContentAt(range, { type: "text", text, marks: [{ type: "link", attrs: { href } }] });
  return linked.unsetMark("link");
}

export function removeLinkAt(chain: ChainedCommands, target: LinkTarget): ChainedCommands {
  return chain.setTextSelection({ from: target.from, to: target.to }).unsetLink().setTextSelection(target.to);
}
