"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createConceptAction } from "@/app/(app)/concepts/actions";
import type { ActionResult } from "@/lib/actions";
import { Notice, stateNotice } from "@/components/ui/notice";
import { RequiredMark } from "@/components/ui/required-mark";

export function CreateConceptForm({ municipalityId, defaultTitle }: { municipalityId: string; defaultTitle: string }) {
  const [state, action, pending] = useActionState<ActionResult<string> | null, FormData>(createConceptAction, null);
  const t = useTranslations("concepts");
  const titleError = state && !state.ok ? state.fieldErrors?.title : undefined;
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="municipalityId" value={municipalityId} />
      <div className="field">
        <label htmlFor="concept-title">
          {t("titleLabel")}
          <RequiredMark />
        </label>
        <input
          id="concept-title"
          name="title"
          type="text"
          defaultValue={defaultTitle}
          required
          aria-invalid={titleError ? true : undefined}
          aria-describedby={titleError ? "concept-title-error" : undefined}
        />
        {titleError ? (
          <p id="concept-title-error" className="error">
            {titleError}
          </p>
        ) : null}
      </div>
      <div className="actions-row">
        <button className="button" type="submit" disabled={pending}>
          {pending ? t("creating") : t("create")}
        </button>
      </div>
      <Notice message={state?.ok ? null : stateNotice(state, pending)} />
    </form>
  );
}
