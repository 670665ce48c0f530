"use client";
import type { Editor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { TextAlignment } from "@/lib/editor/extensions/text-align";
import { AlignIcon, BulletListIcon, LinkIcon, OrderedListIcon, TableIcon } from "./icons";
import { useRovingToolbar } from "./use-roving-toolbar";

export type ToolbarState = { bold: boolean; italic: boolean; h3: boolean; h4: boolean; bullet: boolean; ordered: boolean; link: boolean; table: boolean; align: TextAlignment };

export const IDLE: ToolbarState = { bold: false, italic: false, h3: false, h4: false, bullet: false, ordered: false, link: false, table: false, align: "left" };

type Props = { editor: Editor | null; label: string; onLink: () => void; state: ToolbarState };

/**
 * The formatting buttons: native buttons labelled in the UI language, aria-pressed for toggles.
 * One Tab stop, arrow keys between the buttons, Escape back to the text (WAI-ARIA toolbar
 * pattern). Without an editor (no part chosen yet) every button is disabled. No Tiptap code is
 * imported here (types only): the concept page shows the idle bar before the editor's code loads.
 */
export function ToolbarView({ editor, label, onLink, state }: Props) {
  const t = useTranslations("editor");
  const roving = useRovingToolbar(() => editor?.commands.focus());
  const chain = () => editor!.chain().focus();
  const alignButton = (alignment: TextAlignment, title: string) => ({
    key: `align-${alignment}`,
    text: <AlignIcon alignment={alignment} />,
    title,
    active: state.align === alignment,
    run: () => chain().setTextAlign(alignment).run(),
  });
  const buttons: { key: string; text: ReactNode; title: string; active?: boolean; disabled?: boolean; shortcut?: string; run: () => void }[] = [
    { key: "bold", text: t("boldGlyph"), title: t("bold"), active: state.bold, run: () => chain().toggleBold().run() },
    { key: "italic", text: t("italicGlyph"), title: t("italic"), active: state.italic, run: () => chain().toggleItalic().run() },
    { key: "h3", text: t("heading3Glyph"), title: t("heading3"), active: state.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    { key: "h4", text: t("heading4Glyph"), title: t("heading4"), active: state.h4, run: () => chain().toggleHeading({ level: 4 }).run() },
    { key: "bullet", text: <BulletListIcon />, title: t("bulletList"), active: state.bullet, run: () => chain().toggleBulletList().run() },
    { key: "ordered", text: <OrderedListIcon />, title: t("orderedList"), active: state.ordered, run: () => chain().toggleOrderedList().run() },
    alignButton("left", t("alignLeft")),
    alignButton("center", t("alignCenter")),
    alignButton("right", t("alignRight")),
    alignButton("justify", t("alignJustify")),
    { key: "link", text: <LinkIcon />, title: state.link ? t("editLink") : t("insertLink"), active: state.link, shortcut: "Control+K", run: onLink },
    {
      key: "table",
      text: <TableIcon />,
      title: t("insertTable"),
      active: state.table,
      // In a table its own controls (below) take over; tables inside tables are not offered.
      disabled: state.table,
      run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    },
  ];
  return (
    <div
      ref={roving.ref}
      role="toolbar"
      aria-label={editor ? t("toolbar", { label }) : t("toolbarIdle")}
      // reached from the text with Alt+F10 (rich-text-editor.tsx)
      aria-keyshortcuts="Alt+F10"
      className="toolbar"
      onKeyDown={roving.onKeyDown}
      onFocus={roving.onFocus}
    >
      {buttons.map((b) => (
        <button
          key={b.key}
          type="button"
          title={b.shortcut ? `${b.title} (${t("shortcutLink")})` : b.title}
          aria-keyshortcuts={b.shortcut}
          aria-pressed={b.key === "link" || b.key === "table" ? undefined : !!b.active}
          className={b.active ? "is-active" : undefined}
          disabled={!editor || b.disabled}
          onMouseDown={(e) => e.preventDefault()}
          onClick={b.run}
        >
          <span aria-hidden="true">{b.text}</span>
          <span className="visually-hidden">{b.title}</span>
        </button>
      ))}
    </div>
  );
}
