"use client";
import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { changeStatusAction } from "@/app/(app)/concepts/[conceptId]/versionen/actions";
import type { ConceptStatus } from "@/lib/concepts/status";
import { useLabels } from "@/lib/i18n/hooks";
import { Notice, type NoticeMessage } from "@/components/ui/notice";
import { RequiredMark } from "@/components/ui/required-mark";


/**
 * The inline confirmation of a status change (no browser dialog): says what
 * the change does, asks for the council decision before adoption, and calls
 * the one status action. `target` "draft" from "adopted" is a Fortschreibung.
 * The decision is checked by the server (lib/versions/service cleanDecision);
 * the fields here only mark themselves required.
 */
export function StatusConfirm({
  conceptId,
  current,
  target,
  idPrefix,
  onDone,
  onCancel,
}: {
  conceptId: string;
  current: string;
  target: ConceptStatus;
  idPrefix: string;
  onDone: (message: NoticeMessage) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("status");
  const tv = useTranslations("versions");
  const labels = useLabels();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const router = useRouter();
  const isUpdate = current === "adopted";
  const status = labels.conceptStatuses[target];
  const errorId = `${idPrefix}-error`;
  return (
    <form
      className="restore-confirm"
      aria-label={isUpdate ? t("confirmUpdateGroup") : t("confirmGroup", { status })}
      onSubmit={() => setError(null)}
      onKeyDown={(e) => {
        if (e.key === "Escape" && !pending) onCancel();
      }}
      action={(form) =>
        start(async () => {
          const result = await changeStatusAction({
            conceptId,
            status: target,
            decisionDate: target === "adopted" ? String(form.get("decisionDate") ?? "") : undefined,
            decisionReference: target === "adopted" ? String(form.get("decisionReference") ?? "") : undefined,
          });
          if (result.ok) {
            setError(null);
            const { number, movedFrom, templateVersion } = result.data;
            const text = !isUpdate
              ? tv("statusChanged", { status, number })
              : movedFrom === null
                ? tv("updateStarted", { number })
                : tv("updateStartedTemplate", { number, template: templateVersion });
            onDone({ kind: "ok", text });
            router.refresh();
          } else setError(result.fieldErrors?.status ?? result.error);
        })
      }
    >
      <p>{isUpdate ? t("confirmUpdate") : t("confirmAdvance", { status })}</p>
      {isUpdate ? null : <p>{t(`consequence_${target}`)}</p>}
      {target === "adopted" ? (
        <div className="actions-row">
          <div className="field">
            <label htmlFor={`${idPrefix}-decision-date`}>
              {tv("decisionDate")}
              <RequiredMark />
            </label>
            <input id={`${idPrefix}-decision-date`} name="decisionDate" type="date" required autoFocus aria-describedby={errorId} />
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-decision-reference`}>
              {tv("decisionReference")}
              <RequiredMark />
            </label>
            <input
              id={`${idPrefix}-decision-reference`}
              name="decisionReference"
              type="text"
              maxLength={200}
              required
              placeholder={tv("decisionReferencePlaceholder")}
              aria-describedby={errorId}
            />
          </div>
        </div>
      ) : null}
      <Notice id={errorId} message={error ? { kind: "error", text: error } : null} />
      <div className="actions-row">
        <button type="submit" className="button" disabled={pending} autoFocus={target !== "adopted"}>
          {pending ? tv("changingStatus") : isUpdate ? t("confirmUpdateButton") : t("confirmButton", { status })}
        </button>
        <button type="button" className="button-secondary" disabled={pending} onClick={onCancel}>
          {tv("cancel")}
        </button>
      </div>
    </form>
  );
}

/**
 * The concept's next step as its main action ("Weiter zu: Beteiligung", after
 * adoption "Fortschreibung beginnen"), confirmed inline. Focus goes into the
 * confirmation when it opens and back to the button when it closes.
 */
export function NextStepAction({ conceptId, current, next }: { conceptId: string; current: string; next: ConceptStatus | null }) {
  const t = useTranslations("status");
  const labels = useLabels();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<NoticeMessage>(null);
  const button = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (!confirming && returnFocus.current) {
      returnFocus.current = false;
      button.current?.focus();
    }
  }, [confirming]);
  const close = (m?: NoticeMessage) => {
    returnFocus.current = true;
    if (m !== undefined) setMessage(m);
    setConfirming(false);
  };
  const target: ConceptStatus = next ?? "draft";
  return (
    <div className="status-action">
      {confirming ? (
        <StatusConfirm conceptId={conceptId} current={current} target={target} idPrefix="next-step" onDone={close} onCancel={() => close()} />
      ) : (
        <button ref={button} type="button" className="button" data-testid="next-step" onClick={() => (setMessage(null), setConfirming(true))}>
          {next ? t("advance", { status: labels.conceptStatuses[next] }) : t("startUpdate")}
        </button>
      )}
      <Notice id="next-step-status" message={message} />
    </div>
  );
}
