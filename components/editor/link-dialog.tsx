"use client";
import type { ChainedCommands, Editor } from "@tiptap/core";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { createPortal } from "react-dom";
import { checkLinkForm, type LinkFormError } from "@/lib/editor/link-form";
import { linkTarget, removeLinkAt, setLinkAt } from "./link-edit";
import { RequiredMark } from "@/components/ui/required-mark";

/**
 * Insert, edit or remove a link: a modal dialog (native <dialog>, so Escape and
 * the focus trap are the browser's) with the link text and the address, checked
 * by the rule every stored link passes. Closing returns the focus to the text.
 * Rendered into <body>: the editor may sit inside a form (the measure form).
 */
export function LinkDialog({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const t = useTranslations("editor");
  const id = useId();
  const [target] = useState(() => linkTarget(editor));
  const editing = target.href !== "";
  const [text, setText] = useState(target.text);
  const [address, setAddress] = useState(target.href);
  const [error, setError] = useState<LinkFormError | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const textInput = useRef<HTMLInputElement>(null);
  const addressInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (!d.open) d.showModal();
    // Selected text is the link text already: what is missing is the address.
    (target.text && !target.href ? addressInput : textInput).current?.focus();
    return () => d.close();
  }, [target]);

  /** Close first (the page behind a modal dialog takes no focus), then change the text and focus it. */
  const finish = (change?: (chain: ChainedCommands) => ChainedCommands) => {
    dialog.current?.close();
    // At once, not in the next frame as Tiptap's focus does: closing gives the focus back to the text with the
    // browser's caret at its start, which ProseMirror takes for the person's own within 300 ms of a click.
    if (!editor.isDestroyed) editor.view.focus();
    const chain = editor.chain().focus();
    (change ? change(chain) : chain).run();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The dialog is a portal: without this the submit would reach a form around the editor.
    event.stopPropagation();
    const result = checkLinkForm({ text, address });
    if (!result.ok) {
      setError(result.error);
      addressInput.current?.focus();
      return;
    }
    finish((chain) => setLinkAt(chain, target, result));
  };

  const remove = () => finish((chain) => removeLinkAt(chain, target));

  const errorId = `${id}-error`;
  const title = editing ? t("editLink") : t("insertLink");
  return createPortal(
    <dialog
      ref={dialog}
      className="link-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        finish();
      }}
    >
      <form onSubmit={submit} noValidate className="form">
        <h2 id={`${id}-title`}>{title}</h2>
        <div className="field">
          <label htmlFor={`${id}-text`}>{t("linkText")}</label>
          <p className="hint" id={`${id}-text-hint`}>
            {t("linkTextHint")}
          </p>
          <input
            ref={textInput}
            id={`${id}-text`}
            type="text"
            value={text}
            aria-describedby={`${id}-text-hint`}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-address`}>
            {t("linkAddress")}
            <RequiredMark />
          </label>
          <p className="hint" id={`${id}-address-hint`}>
            {t("linkAddressHint")}
          </p>
          {error ? (
            <p className="error" id={errorId}>
              <span className="visually-hidden">{t("errorPrefix")} </span>
              {error === "addressMissing" ? t("linkAddressMissing") : t("linkNotAllowed")}
            </p>
          ) : null}
          <input
            ref={addressInput}
            id={`${id}-address`}
            aria-required="true"
            type="text"
            inputMode="url"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            value={address}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-address-hint ${errorId}` : `${id}-address-hint`}
            onChange={(e) => setAddress(e.target.value)}
          />
        </div>
        <div className="actions-row">
          <button type="submit" className="button">
            {t("applyLink")}
          </button>
          {editing ? (
            <button type="button" className="button-danger" onClick={remove}>
              {t("removeLink")}
            </button>
          ) : null}
          <button type="button" className="button-secondary" onClick={() => finish()}>
            {t("cancel")}
          </button>
        </div>
      </form>
    </dialog>,
    document.body,
  );
}
