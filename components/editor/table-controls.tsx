"use client";
import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { TABLE_COMMANDS, tableActionsAt, type TableAction } from "@/lib/editor/table-actions";
import {
  ColumnDeleteIcon,
  ColumnLeftIcon,
  ColumnRightIcon,
  HeaderRowIcon,
  RowAboveIcon,
  RowBelowIcon,
  RowDeleteIcon,
  TableDeleteIcon,
} from "./icons";
import { useRovingToolbar } from "./use-roving-toolbar";

const BUTTONS: { action: Exclude<TableAction, "deleteTable">; icon: ReactNode }[] = [
  { action: "addRowBefore", icon: <RowAboveIcon /> },
  { action: "addRowAfter", icon: <RowBelowIcon /> },
  { action: "deleteRow", icon: <RowDeleteIcon /> },
  { action: "addColumnBefore", icon: <ColumnLeftIcon /> },
  { action: "addColumnAfter", icon: <ColumnRightIcon /> },
  { action: "deleteColumn", icon: <ColumnDeleteIcon /> },
  { action: "toggleHeaderRow", icon: <HeaderRowIcon /> },
];

/**
 * Rows, columns and the header row of the table the cursor is in; shown only
 * there. Deleting the whole table asks first, inline (no browser dialog). One Tab stop with
 * arrow keys, like the formatting toolbar.
 */
export function TableControls({ editor, label }: { editor: Editor; label: string }) {
  const t = useTranslations("editor");
  const id = useId();
  const actions = useEditorState({ editor, selector: ({ editor: e }) => (e.isEditable ? tableActionsAt(e.state) : null) });
  const [confirming, setConfirming] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const focusAfter = useRef<"cancel" | "delete" | null>(null);
  const roving = useRovingToolbar(() => editor.commands.focus());

  useEffect(() => {
    if (!actions && confirming) setConfirming(false);
  }, [actions, confirming]);
  useEffect(() => {
    if (focusAfter.current === "cancel") cancelButton.current?.focus();
    if (focusAfter.current === "delete") deleteButton.current?.focus();
    focusAfter.current = null;
  }, [confirming]);

  if (!actions) return null;
  const run = (action: TableAction) =>
    editor
      .chain()
      .focus()
      .command(({ state, dispatch }) => TABLE_COMMANDS[action](state, dispatch))
      .run();
  const cancel = () => {
    focusAfter.current = "delete";
    setConfirming(false);
  };

  if (confirming) {
    return (
      <div
        role="group"
        aria-labelledby={`${id}-question`}
        className="toolbar table-confirm"
        onKeyDown={(e) => {
          if (e.key === "Escape") cancel();
        }}
      >
        <p id={`${id}-question`}>{t("deleteTableQuestion")}</p>
        <button
          type="button"
          className="button-danger"
          onClick={() => {
            setConfirming(false);
            run("deleteTable");
          }}
        >
          {t("deleteTableConfirm")}
        </button>
        <button ref={cancelButton} type="button" className="button-secondary" onClick={cancel}>
          {t("cancel")}
        </button>
      </div>
    );
  }

  return (
    <div
      ref={roving.ref}
      role="toolbar"
      aria-label={t("tableToolbar", { label })}
      className="toolbar table-controls"
      onKeyDown={roving.onKeyDown}
      onFocus={roving.onFocus}
    >
      <span className="toolbar-label" aria-hidden="true">
        {t("tableLabel")}
      </span>
      {BUTTONS.map(({ action, icon }) => {
        const title = t(`table.${action}`);
        const pressed = action === "toggleHeaderRow" ? actions.headerRow : undefined;
        return (
          <button
            key={action}
            type="button"
            title={title}
            aria-pressed={pressed}
            className={pressed ? "is-active" : undefined}
            disabled={!actions.possible[action]}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => run(action)}
          >
            {icon}
            <span className="visually-hidden">{title}</span>
          </button>
        );
      })}
      <button
        ref={deleteButton}
        type="button"
        title={t("table.deleteTable")}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => {
          focusAfter.current = "cancel";
          setConfirming(true);
        }}
      >
        <TableDeleteIcon />
        <span className="visually-hidden">{t("table.deleteTable")}</span>
      </button>
    </div>
  );
}
