"use client";
import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createVersionAction, restoreVersionAction } from "@/app/(app)/concepts/[conceptId]/versionen/actions";
import { allowedTransitions, type ConceptStatus } from "@/lib/concepts/status";
import { conceptSteps } from "@/lib/concepts/steps";
import { useLabels } from "@/lib/i18n/hooks";
import { Notice, type NoticeMessage } from "@/components/ui/notice";
import { StatusConfirm } from "./status-change";
import { useRestoreNotice } from "./restore-notice";

/** "Version speichern" with an optional label. */
export function CreateVersionForm({ conceptId }: { conceptId: string }) {
  const t = useTranslations("versions");
  const [message, setMessage] = useState<NoticeMessage>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <form
      className="actions-row"
      aria-labelledby="create-version-heading"
      onSubmit={() => setMessage(null)}
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
      <Notice id="create-version-status" message={message} />
    </form>
  );
}

/** Restore with an inline confirmation (no browser dialog, keyboard friendly). */
export function RestoreButton({ conceptId, number, label }: { conceptId: string; number: number; label: string }) {
  const t = useTranslations("versions");
  const [confirming, setConfirming] = useState(false);
  const report = useRestoreNotice();
  const [pending, start] = useTransition();
  const router = useRouter();
  if (!confirming) {
    return (
      <button type="button" className="button-secondary" onClick={() => (report({ message: null, focus: false }), setConfirming(true))}>
        {t("restore")}
        <span className="visually-hidden"> {t("restoreHidden", { number })}</span>
      </button>
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
                report({ message: { kind: "ok", text: t("restored", { number, backup: result.data.backup }) }, focus: true, undo: { restored: number, backup: result.data.backup } });
                router.refresh();
              } else report({ message: { kind: "error", text: result.error }, focus: true });
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
 * Status change (admins): only the allowed next steps of the municipal path,
 * starting at the next step forward; the change is confirmed inline (the
 * confirmation asks for the council decision before adoption). From "adopted"
 * the one way on is a Fortschreibung (a new draft). Every change creates a version.
 */
export function StatusForm({ conceptId, current }: { conceptId: string; current: string }) {
  const [message, setMessage] = useState<NoticeMessage>(null);
  // Set when a change went through: the chooser that mounts for the new status takes the focus.
  const refocus = useRef(false);
  return (
    <div>
      {/* Keyed by the status: after a change the choice starts again at the new next step. */}
      <StatusChooser key={current} conceptId={conceptId} current={current} refocus={refocus} onMessage={setMessage} />
      <Notice id="status-change-status" message={message} />
    </div>
  );
}

function StatusChooser({
  conceptId,
  current,
  refocus,
  onMessage,
}: {
  conceptId: string;
  current: string;
  refocus: { current: boolean };
  onMessage: (m: NoticeMessage) => void;
}) {
  const t = useTranslations("versions");
  const labels = useLabels();
  const [confirming, setConfirming] = useState(false);
  const options = allowedTransitions(current);
  const [choice, setChoice] = useState<ConceptStatus>(conceptSteps(current).next ?? options[0] ?? "draft");
  const select = useRef<HTMLSelectElement>(null);
  const closed = useRef(false);
  useEffect(() => {
    if (refocus.current) {
      refocus.current = false;
      select.current?.focus();
    }
  }, [refocus]);
  useEffect(() => {
    if (!confirming && closed.current) {
      closed.current = false;
      select.current?.focus();
    }
  }, [confirming]);
  const close = (m?: NoticeMessage) => {
    closed.current = true;
    if (m !== undefined) {
      refocus.current = true;
      onMessage(m);
    }
    setConfirming(false);
  };
  const isUpdate = current === "adopted";
  const optionLabel = (s: ConceptStatus) => (isUpdate ? t("startUpdate") : labels.conceptStatuses[s]);
  return (
    <>
      <form
        className="actions-row"
        aria-label={t("statusHeading")}
        onSubmit={(e) => {
          e.preventDefault();
          onMessage(null);
          setConfirming(true);
        }}
      >
        <div className="field">
          <label htmlFor="new-status">{t("newStatus")}</label>
          <select ref={select} id="new-status" name="status" value={choice} disabled={confirming} onChange={(e) => setChoice(e.target.value as ConceptStatus)}>
            {options.map((s) => (
              <option key={s} value={s}>
                {optionLabel(s)}
              </option>
            ))}
          </select>
        </div>
        {confirming ? null : (
          <button type="submit" className="button-secondary" style={{ alignSelf: "end" }}>
            {isUpdate ? t("startUpdate") : t("changeStatus")}
          </button>
        )}
      </form>
      {confirming ? <StatusConfirm conceptId={conceptId} current={current} target={choice} idPrefix="status-form" onDone={close} onCancel={() => close()} /> : null}
    </>
  );
}
