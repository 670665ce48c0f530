"use client";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { mailDigestAction } from "@/app/(app)/aufgaben/actions";
import { Notice } from "@/components/ui/notice";
import { useNoticeAction } from "@/components/ui/use-notice-action";

/** The person's choice: a mail per mention, or one summary a day. */
export function DigestForm({ on }: { on: boolean }) {
  const t = useTranslations("inbox");
  const id = useId();
  const [checked, setChecked] = useState(on);
  const { message, pending, run } = useNoticeAction();
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        run(() => mailDigestAction({ on: checked }), checked ? t("digestOn") : t("digestOff"));
      }}
    >
      <div className="checkbox">
        <input id={id} type="checkbox" checked={checked} onChange={(e) => setChecked(e.target.checked)} aria-describedby={`${id}-hint`} />
        <label htmlFor={id}>{t("digestLabel")}</label>
      </div>
      <p id={`${id}-hint`} className="hint">
        {t("digestHint")}
      </p>
      <button type="submit" className="button-secondary" disabled={pending}>
        {t("digestSave")}
      </button>
      <Notice message={message} />
    </form>
  );
}
