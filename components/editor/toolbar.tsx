"use client";
import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { hrefFromInput } from "@/lib/editor/links";
import type { TextAlignment } from "./extensions/text-align";

type Props = { editor: Editor; label: string };

/** The formatting toolbar: native buttons labelled in the UI language, aria-pressed for toggles. */
export function Toolbar({ editor, label }: Props) {
  const t = useTranslations("editor");
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      h3: e.isActive("heading", { level: 3 }),
      h4: e.isActive("heading", { level: 4 }),
      bullet: e.isActive("bulletList"),
      ordered: e.isActive("orderedList"),
      link: e.isActive("link"),
      table: e.isActive("table"),
      align: (["center", "right", "justify"] as const).find((a) => e.isActive({ textAlign: a })) ?? "left",
    }),
  });
  const chain = () => editor.chain().focus();
  const toggleLink = () => {
    if (state.link) {
      chain().extendMarkRange("link").unsetLink().run();
      return;
    }
    const input = window.prompt(t("linkPrompt"), "https://");
    if (!input) return;
    const href = hrefFromInput(input);
    if (!href) {
      window.alert(t("linkNotAllowed"));
      return;
    }
    chain().extendMarkRange("link").setLink({ href }).run();
  };
  const alignButton = (alignment: TextAlignment, title: string) => ({
    key: `align-${alignment}`,
    text: <AlignIcon alignment={alignment} />,
    title,
    active: state.align === alignment,
    run: () => chain().setTextAlign(alignment).run(),
  });
  const buttons: { key: string; text: ReactNode; title: string; active?: boolean; run: () => void }[] = [
    { key: "bold", text: t("boldGlyph"), title: t("bold"), active: state.bold, run: () => chain().toggleBold().run() },
    { key: "italic", text: t("italicGlyph"), title: t("italic"), active: state.italic, run: () => chain().toggleItalic().run() },
    { key: "h3", text: t("heading3Glyph"), title: t("heading3"), active: state.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    { key: "h4", text: t("heading4Glyph"), title: t("heading4"), active: state.h4, run: () => chain().toggleHeading({ level: 4 }).run() },
    { key: "bullet", text: "•", title: t("bulletList"), active: state.bullet, run: () => chain().toggleBulletList().run() },
    { key: "ordered", text: "1.", title: t("orderedList"), active: state.ordered, run: () => chain().toggleOrderedList().run() },
    alignButton("left", t("alignLeft")),
    alignButton("center", t("alignCenter")),
    alignButton("right", t("alignRight")),
    alignButton("justify", t("alignJustify")),
    { key: "link", text: "🔗", title: state.link ? t("removeLink") : t("insertLink"), active: state.link, run: toggleLink },
    {
      key: "table",
      text: "▦",
      title: state.table ? t("deleteTable") : t("insertTable"),
      active: state.table,
      run: () =>
        state.table ? chain().deleteTable().run() : chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    },
  ];
  return (
    <div role="toolbar" aria-label={t("toolbar", { label })} className="toolbar">
      {buttons.map((b) => (
        <button
          key={b.key}
          type="button"
          title={b.title}
          aria-pressed={b.key === "link" || b.key === "table" ? undefined : !!b.active}
          className={b.active ? "is-active" : undefined}
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

/** Four lines, as office programs draw the alignment buttons; the widths show where the text sits. */
function AlignIcon({ alignment }: { alignment: TextAlignment }) {
  const lines = [14, 9, 14, 11];
  return (
    <svg className="toolbar-icon" viewBox="0 0 16 16" width="16" height="16" focusable="false">
      {lines.map((width, i) => {
        const w = alignment === "justify" && i < 3 ? 14 : width;
        const x = alignment === "center" ? 1 + (14 - w) / 2 : alignment === "right" ? 15 - w : 1;
        return <rect key={i} x={x} y={2 + i * 3.5} width={w} height="1.6" fill="currentColor" />;
      })}
    </svg>
  );
}
