"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormStatus, TextField } from "@/components/members/form-field";
import { Notice } from "@/components/ui/notice";
import type { FormState } from "@/lib/members/form-errors";
import { requestResetAction } from "./actions";

export function RequestResetForm() {
  const [state, action, pending] = useActionState<FormState<void>, FormData>(requestResetAction, null);
  const t = useTranslations("reset");
  if (state?.ok) return <Notice message={{ kind: "ok", text: t("requested") }} />;
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="form" noValidate>
      <TextField id="reset-email" name="email" type="email" label={t("email")} autoComplete="username" required defaultValue={state?.values?.email ?? ""} error={errors.email} />
      <div className="actions-row">
        <button className="button" type="submit" disabled={pending}>
          {pending ? t("sending") : t("send")}
        </button>
      </div>
      <FormStatus state={state} pending={pending} fields={{ email: { label: t("email"), id: "reset-email" } }} />
    </form>
  );
}
