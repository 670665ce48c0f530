"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createConceptAction } from "@/app/(app)/concepts/actions";
import type { ActionResult } from "@/lib/actions";
import { Notice, stateNotice } from "@/components/ui/notice";
import { FormField } from "@/components/ui/form-field";
import { useKeepValuesOnError } from "@/components/ui/keep-values";

export function CreateConceptForm({ municipalityId, defaultTitle }: { municipalityId: string; defaultTitle: string }) {
  const [state, action, pending] = useActionState<ActionResult<string> | null, FormData>(createConceptAction, null);
  const t = useTranslations("concepts");
  const titleError = state && !state.ok ? state.fieldErrors?.title : undefined;
  const keep = useKeepValuesOnError(state);
  return (
    <form action={action} {...keep} className="form" noValidate>
      <input type="hidden" name="municipalityId" value={municipalityId} />
      <FormField id="concept-title" label={t("titleLabel")} error={titleError} required>
        {(control) => <input {...control} name="title" type="text" defaultValue={defaultTitle} required />}
      </FormField>
      <div className="actions-row">
        <button className="button" type="submit" disabled={pending}>
          {pending ? t("creating") : t("create")}
        </button>
      </div>
      <Notice message={state?.ok ? null : stateNotice(state, pending)} />
    </form>
  );
}
