"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormStatus, TextField } from "@/components/members/form-field";
import type { FormState } from "@/lib/members/form-errors";
import { requestResetAction } from "./actions";

export function RequestResetForm() {
  const [state, action, pending] = useActionState<FormState<void>, FormData>(requestResetAction, null);
  const t = useTranslations("reset");
  if (state?.ok) return <p className="notice notice-ok" role="status">{t("requested")}</p>;
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="form" noValidate>
      <TextField id="reset-email" name="email" type="email" label={t("email")} autoComplete="username" required defaultValue={state?.values?.email ?? ""} error={errors.email} />
      <FormStatus state={state} fields={{ email: { label: t("email"), id: "reset-email" } }} />
      <div className="actions-row">
        <button className="button" type="submit" disabled={pending}>
          {pending ? t("sending") : t("send")}
        </button>
      </div>
    </form>
  );
}
