"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { changeStatusAction, createVersionAction, restoreVersionAction } from "@/app/(app)/concepts/[conceptId]/versionen/actions";
import { allowedTransitions, type ConceptStatus } from "@/lib/concepts/status";
import { useLabels } from "@/lib/i18n/hooks";

type Message = { kind: "ok" | "error"; text: string } | null;

function Status({ id, message }: { id: string; message: Message }) {
  return (
    <p id={id} className={message?.kind === "error" ? "error" : "form-status"} role="status" aria-live="polite">
      {message?.text}
    </p>
  );
}

/** "Version speichern" with an optional label. */
export function CreateVersionForm({ conceptId }: { conceptId: string }) {
  const t = useTranslations("versions");
  const [message, setMessage] = useState<Message>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <form
      className="actions-row"
      aria-labelledby="create-version-heading"
      action={(form) =>
        start(async () => {
          const result = await createVersionAction({ conceptId, label: String(form.get("label") ?? "") });
          if (result.ok) {
            setMessage({ kind: "ok", text: t("saved", { number: result.data.number }) });
            (document.getElementById("version-label") as HTMLInputElement | null)?.form?.reset();
            router.refresh();
          } else setMessage({ kind: "error", text: result.fieldErrors?.label ?? result.error });
        })
      }
    >
      <div className="field" style={{ minWidth: "22rem", flex: 1 }}>
        <label htmlFor="version-label">{t("labelField")}</label>
        <input
          id="version-label"
          name="label"
          type="text"
          maxLength={200}
          placeholder={t("labelPlaceholder")}
          aria-describedby="version-label-hint create-version-status"
          aria-invalid={message?.kind === "error" ? true : undefined}
        />
        <span id="version-label-hint" className="hint">
          {t("labelHint")}
        </span>
      </div>
      <button type="submit" className="button" disabled={pending} style={{ alignSelf: "center" }}>
        {pending ? t("saving") : t("save")}
      </button>
      <Status id="create-version-status" message={message} />
    </form>
  );
}

/** Restore with an inline confirmation (no browser dialog, keyboard friendly). */
export function RestoreButton({ conceptId, number, label }: { conceptId: string; number: number; label: string }) {
  const t = useTranslations("versions");
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const statusId = `restore-status-${number}`;
  if (!confirming) {
    return (
      <>
        <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
          {t("restore")}
          <span className="visually-hidden"> {t("restoreHidden", { number })}</span>
        </button>
        <Status id={statusId} message={message} />
      </>
    );
  }
  return (
    <div role="group" aria-label={t("restoreGroup", { number })} className="restore-confirm">
      <p>{t("restoreQuestion", { number, label })}</p>
      <div className="actions-row">
        <button
          type="button"
          className="button"
          disabled={pending}
          autoFocus
          onClick={() =>
            start(async () => {
              const result = await restoreVersionAction({ conceptId, number });
              setConfirming(false);
              if (result.ok) {
                setMessage({ kind: "ok", text: t("restored", { number, backup: result.data.backup }) });
                router.refresh();
              } else setMessage({ kind: "error", text: result.error });
            })
          }
        >
          {pending ? t("restoring") : t("restoreConfirm")}
        </button>
        <button type="button" className="button-secondary" disabled={pending} onClick={() => setConfirming(false)}>
          {t("cancel")}
        </button>
      </div>
    </div>
  );
}

/**
 * Status change (admins): only the allowed next steps of the municipal path;
 * adoption asks for the council decision; from "adopted" the one way on is a
 * Fortschreibung (a new draft). Every change creates a version.
 */
export function StatusForm({ conceptId, current }: { conceptId: string; current: string }) {
  const t = useTranslations("versions");
  const labels = useLabels();
  const [message, setMessage] = useState<Message>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const options = allowedTransitions(current);
  const [choice, setChoice] = useState<ConceptStatus>(options[options.length - 1] ?? "draft");
  const isUpdate = current === "adopted";
  const optionLabel = (s: ConceptStatus) => (isUpdate ? t("startUpdate") : labels.conceptStatuses[s]);
  return (
    <form
      className="actions-row"
      aria-label={t("statusHeading")}
      action={(form) =>
        start(async () => {
          const status = String(form.get("status") ?? "") as ConceptStatus;
          const result = await changeStatusAction({
            conceptId,
            status,
            decisionDate: status === "adopted" ? String(form.get("decisionDate") ?? "") : undefined,
            decisionReference: status === "adopted" ? String(form.get("decisionReference") ?? "") : undefined,
          });
          if (result.ok) {
            setMessage({ kind: "ok", text: isUpdate ? t("updateStarted", { number: result.data.number }) : t("statusChanged", { status: labels.conceptStatuses[status], number: result.data.number }) });
            router.refresh();
          } else setMessage({ kind: "error", text: result.fieldErrors?.status ?? result.error });
        })
      }
    >
      <div className="field">
        <label htmlFor="new-status">{t("newStatus")}</label>
        <select id="new-status" name="status" value={choice} onChange={(e) => setChoice(e.target.value as ConceptStatus)}>
          {options.map((s) => (
            <option key={s} value={s}>
              {optionLabel(s)}
            </option>
          ))}
        </select>
      </div>
      {choice === "adopted" ? (
        <>
          <div className="field">
            <label htmlFor="decision-date">{t("decisionDate")}</label>
            <input id="decision-date" name="decisionDate" type="date" required />
          </div>
          <div className="field">
            <label htmlFor="decision-reference">{t("decisionReference")}</label>
            <input id="decision-reference" name="decisionReference" type="text" maxLength={200} required placeholder={t("decisionReferencePlaceholder")} />
          </div>
        </>
      ) : null}
      <button type="submit" className="button-secondary" disabled={pending} style={{ alignSelf: "end" }}>
        {pending ? t("changingStatus") : isUpdate ? t("startUpdate") : t("changeStatus")}
      </button>
      <Status id="status-change-status" message={message} />
    </form>
  );
}
