"use client";
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Notice, type NoticeMessage } from "@/components/ui/notice";

/** The new invitation's link, shown once: the token is not stored, so it cannot be shown again. */
export function InvitationLink({ url, email }: { url: string; email: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<NoticeMessage>(null);
  const t = useTranslations("members");

  async function copy() {
    setStatus(null);
    try {
      await navigator.clipboard.writeText(url);
      setStatus({ kind: "ok", text: t("linkCopied") });
    } catch {
      // No clipboard access (e.g. plain http): select the text so Strg+C copies it.
      input.current?.focus();
      input.current?.select();
      setStatus({ kind: "error", text: t("copyFailed") });
    }
  }

  return (
    <div className="card" style={{ marginTop: "1rem" }}>
      <div className="field">
        <label htmlFor="invitation-link">{t("linkLabel", { email })}</label>
        <p id="invitation-link-note" className="hint">
          {t("linkNote")}
        </p>
        <input
          ref={input}
          id="invitation-link"
          type="text"
          readOnly
          value={url}
          aria-describedby="invitation-link-note"
          onFocus={(e) => e.currentTarget.select()}
        />
      </div>
      <div className="actions-row" style={{ marginTop: ".5rem" }}>
        <button className="button-secondary" type="button" onClick={copy}>
          {t("copyLink")}
        </button>
        <Notice message={status} />
      </div>
      <p className="meta">{t("linkShownOnce")}</p>
    </div>
  );
}
