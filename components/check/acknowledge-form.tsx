"use client";
import { useActionState, useId } from "react";
import { acknowledgeFindingAction, withdrawAcknowledgementAction } from "@/app/(app)/concepts/[conceptId]/check-actions";
import { useTranslations } from "next-intl";

/** Mark one finding "bewusst so" with a reason (a native disclosure: works with the keyboard, no script needed to open). */
export function AcknowledgeForm({ conceptId, findingKey, message }: { conceptId: string; findingKey: string; message: string }) {
  const t = useTranslations("check");
  const [state, action, pending] = useActionState(acknowledgeFindingAction, null);
  const id = useId();
  return (
    <details className="check-ack-details">
      <summary>{t("acknowledgeOpen")}</summary>
      <form action={action} className="check-ack-form">
        <input type="hidden" name="conceptId" value={conceptId} />
        <input type="hidden" name="findingKey" value={findingKey} />
        <div className="form-field">
          <label htmlFor={`${id}-reason`}>{t("reason")}</label>
          <input id={`${id}-reason`} name="reason" required minLength={3} maxLength={1000} size={50} aria-describedby={`${id}-status`} aria-label={t("reasonFor", { message })} />
        </div>
        <button className="button-secondary" type="submit" disabled={pending}>
          {pending ? t("saving") : t("acknowledge")}
        </button>
        <span id={`${id}-status`} aria-live="polite" role="status">
          {state && !state.ok ? <span className="form-error">{state.fieldErrors?.reason ?? state.error}</span> : null}
          {state?.ok ? <span className="form-status">{state.message}</span> : null}
        </span>
      </form>
    </details>
  );
}

export function WithdrawButton({ conceptId, findingKey }: { conceptId: string; findingKey: string }) {
  const t = useTranslations("check");
  const [state, action, pending] = useActionState(withdrawAcknowledgementAction, null);
  return (
    <form action={action} style={{ display: "inline" }}>
      <input type="hidden" name="conceptId" value={conceptId} />
      <input type="hidden" name="findingKey" value={findingKey} />
      <button className="button-link" type="submit" disabled={pending}>
        {t("withdraw")}
      </button>
      <span aria-live="polite" role="status">
        {state && !state.ok ? <span className="form-error"> {state.error}</span> : null}
      </span>
    </form>
  );
}
