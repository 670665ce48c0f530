"use client";
import { useActionState, useId } from "react";
import { acknowledgeFindingAction, withdrawAcknowledgementAction } from "@/app/(app)/concepts/[conceptId]/check-actions";
import { Notice, stateNotice } from "@/components/ui/notice";
import { RequiredMark } from "@/components/ui/required-mark";
import { useTranslations } from "next-intl";
import { LazyDetails } from "@/components/ui/lazy-details";

/** Mark one finding "bewusst so" with a reason (a native disclosure: works with the keyboard; its form comes when first opened). */
export function AcknowledgeForm({ conceptId, findingKey, message }: { conceptId: string; findingKey: string; message: string }) {
  const t = useTranslations("check");
  const [state, action, pending] = useActionState(acknowledgeFindingAction, null);
  const id = useId();
  return (
    <LazyDetails className="check-ack-details" summary={<summary>{t("acknowledgeOpen")}</summary>}>
      <form action={action} className="check-ack-form">
        <input type="hidden" name="conceptId" value={conceptId} />
        <input type="hidden" name="findingKey" value={findingKey} />
        <div className="form-field">
          <label htmlFor={`${id}-reason`}>
            {t("reason")}
            <RequiredMark />
          </label>
          <input id={`${id}-reason`} name="reason" required minLength={3} maxLength={1000} size={50} aria-describedby={`${id}-status`} aria-label={t("reasonFor", { message })} />
        </div>
        <button className="button-secondary" type="submit" disabled={pending}>
          {pending ? t("saving") : t("acknowledge")}
        </button>
        <Notice id={`${id}-status`} message={stateNotice(state, pending)} />
      </form>
    </LazyDetails>
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
      <Notice message={state?.ok ? null : stateNotice(state, pending)} />
    </form>
  );
}
