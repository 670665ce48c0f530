"use client";
import { useActionState } from "react";
import { publishPeerSnapshotAction, setPeerConsentAction } from "@/app/(app)/concepts/[conceptId]/vergleich/actions";
import { Notice, stateNotice } from "@/components/ui/notice";
import { useTranslations } from "next-intl";

/** The admin's decision whether the municipality contributes (one button that flips it), with its status read out. */
export function ConsentForm({ municipalityId, contribute }: { municipalityId: string; contribute: boolean }) {
  const t = useTranslations("peers");
  const [state, action, pending] = useActionState(setPeerConsentAction, null);
  const current = state?.ok ? state.data.contribute : contribute;
  return (
    <form action={action} className="form" data-testid="peer-consent">
      <input type="hidden" name="municipalityId" value={municipalityId} />
      <input type="hidden" name="contribute" value={current ? "false" : "true"} />
      <p>
        {t("consent.status")} <strong>{current ? t("consent.contributes") : t("consent.notContributing")}</strong>
      </p>
      <div>
        <button className={current ? "button-danger" : "button"} type="submit" disabled={pending}>
          {current ? t("consent.withdraw") : t("consent.contribute")}
        </button>
      </div>
      <Notice message={stateNotice(state, pending)} />
    </form>
  );
}

/** The operator's button: publish a snapshot now. */
export function PublishForm() {
  const t = useTranslations("peers");
  const [state, action, pending] = useActionState(publishPeerSnapshotAction, null);
  return (
    <form action={action} className="actions-row">
      <button className="button-secondary" type="submit" disabled={pending}>
        {pending ? t("publishing") : t("publish")}
      </button>
      <Notice message={stateNotice(state, pending)} />
    </form>
  );
}
