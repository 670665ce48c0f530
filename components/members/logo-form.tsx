"use client";
import { useActionState, useId, useState } from "react";
import { useTranslations } from "next-intl";
import type { LogoFormState } from "@/app/(app)/mitglieder/logo-actions";
import { Notice } from "@/components/ui/notice";
import { RequiredMark } from "@/components/ui/required-mark";

type Props = {
  municipalityId: string;
  /** a logo is stored: its address and the time of the upload (to bust the browser cache) */
  current: { src: string; version: string } | null;
  upload: (state: LogoFormState, form: FormData) => Promise<LogoFormState>;
  remove: (state: LogoFormState, form: FormData) => Promise<LogoFormState>;
};

/** Upload, preview and removal of the PDF cover logo (admins). */
export function LogoForm({ municipalityId, current, upload, remove }: Props) {
  const [uploaded, uploadAction, uploading] = useActionState(upload, { ok: true, message: null });
  const [removed, removeAction, removing] = useActionState(remove, { ok: true, message: null });
  const t = useTranslations("logo");
  const fileId = useId();
  const hintId = useId();
  const statusId = useId();
  // The message of whichever form was sent last (an upload after a removal shows the upload's).
  const [lastSent, setLastSent] = useState<"upload" | "remove">("upload");
  const last = lastSent === "remove" ? removed : uploaded;
  return (
    <div className="form">
      {current ? <img src={`${current.src}?v=${encodeURIComponent(current.version)}`} alt={t("current")} style={{ maxHeight: "5rem", maxWidth: "14rem" }} /> : <p className="meta">{t("none")}</p>}
      <form action={uploadAction} onSubmit={() => setLastSent("upload")} aria-busy={uploading}>
        <input type="hidden" name="municipalityId" value={municipalityId} />
        <div className="form-field">
          <label htmlFor={fileId}>
            {t("file")}
            <RequiredMark />
          </label>
          <input id={fileId} type="file" name="file" accept=".png,.svg,image/png,image/svg+xml" required disabled={uploading} aria-describedby={`${hintId} ${statusId}`} />
          <p id={hintId} className="form-hint">
            {t("hint")}
          </p>
        </div>
        <button type="submit" className="button" disabled={uploading}>
          {uploading ? t("uploading") : t("upload")}
        </button>
      </form>
      {current ? (
        <form action={removeAction} onSubmit={() => setLastSent("remove")}>
          <input type="hidden" name="municipalityId" value={municipalityId} />
          <button type="submit" className="button-secondary" disabled={removing}>
            {t("remove")}
          </button>
        </form>
      ) : null}
      <Notice id={statusId} message={last.message && !uploading && !removing ? { kind: last.ok ? "ok" : "error", text: last.message } : null} />
    </div>
  );
}
