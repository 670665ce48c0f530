"use client";
import { useActionState } from "react";
import { shareMeasureAction, unshareMeasureAction } from "@/app/(app)/concepts/[conceptId]/vergleich/bibliothek/actions";
import { Notice, stateNotice } from "@/components/ui/notice";
import { RequiredMark } from "@/components/ui/required-mark";
import { useTranslations } from "next-intl";

/** One own measure: edit the text to share, then share; or withdraw it. The name check's result is read out. */
export function ShareMeasure({ conceptId, measure }: { conceptId: string; measure: { id: string; title: string; description: string; shared: boolean } }) {
  const t = useTranslations("library");
  const [state, share, sharing] = useActionState(shareMeasureAction, null);
  const [unState, unshare, unsharing] = useActionState(unshareMeasureAction, null);
  const shared = unState?.ok ? false : state?.ok ? true : measure.shared;
  const id = `share-${measure.id}`;
  return (
    <details className="card" style={{ marginBottom: ".75rem" }}>
      <summary>
        {measure.title} {shared ? <strong>{t("sharedMark")}</strong> : null}
      </summary>
      <form action={share} className="form" style={{ marginTop: ".75rem" }}>
        <input type="hidden" name="conceptId" value={conceptId} />
        <input type="hidden" name="measureId" value={measure.id} />
        <div className="field">
          <label htmlFor={`${id}-title`}>
            {t("shareTitle")}
            <RequiredMark />
          </label>
          <input id={`${id}-title`} name="title" defaultValue={measure.title} required maxLength={500} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-desc`}>{t("shareDescription")}</label>
          <textarea id={`${id}-desc`} name="description" defaultValue={measure.description} rows={4} maxLength={5000} />
          <p className="meta">{t("shareCheckHint")}</p>
        </div>
        <div className="actions-row">
          <button className="button" type="submit" disabled={sharing}>
            {shared ? t("replaceShared") : t("share")}
          </button>
        </div>
        <Notice message={unState?.ok && state?.ok ? null : stateNotice(state, sharing)} />
      </form>
      {shared ? (
        <form action={unshare} className="actions-row" style={{ marginTop: ".5rem" }}>
          <input type="hidden" name="conceptId" value={conceptId} />
          <input type="hidden" name="measureId" value={measure.id} />
          <button className="button-danger" type="submit" disabled={unsharing}>
            {t("unshare")}
          </button>
        </form>
      ) : null}
      <Notice message={stateNotice(unState, unsharing)} />
    </details>
  );
}
