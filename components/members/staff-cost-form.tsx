"use client";
import { useActionState, useId } from "react";
import { staffCostRateAction } from "@/app/(app)/mitglieder/rate-actions";
import { Notice, stateNotice } from "@/components/ui/notice";
import { useTranslations } from "next-intl";
import { useKeepValuesOnError } from "@/components/ui/keep-values";

/** The municipality's personnel cost per VZÄ and year, for the funding overviews (admins). */
export function StaffCostForm({ municipalityId, current, defaultRate }: { municipalityId: string; current: string; defaultRate: string }) {
  const t = useTranslations("members");
  const [state, action, pending] = useActionState(staffCostRateAction, null);
  const id = useId();
  const keep = useKeepValuesOnError(state);
  return (
    <form action={action} {...keep} className="form" aria-busy={pending}>
      <input type="hidden" name="municipalityId" value={municipalityId} />
      <div className="form-field">
        <label htmlFor={`${id}-rate`}>{t("staffRateLabel")}</label>
        <input id={`${id}-rate`} name="rate" defaultValue={current} inputMode="decimal" maxLength={40} aria-describedby={`${id}-hint ${id}-status`} />
        <p className="form-hint" id={`${id}-hint`}>
          {t("staffRateHint", { defaultRate })}
        </p>
      </div>
      <div className="actions-row">
        <button className="button" type="submit" disabled={pending}>
          {pending ? t("staffRateSaving") : t("staffRateSave")}
        </button>
      </div>
      <Notice id={`${id}-status`} message={stateNotice(state, pending)} />
    </form>
  );
}
