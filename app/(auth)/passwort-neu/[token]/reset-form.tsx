"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormStatus, TextField } from "@/components/members/form-field";
import type { FormState } from "@/lib/members/form-errors";
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<FormState<void>, FormData>(resetPasswordAction, null);
  const t = useTranslations("reset");
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const fields = { password: { label: t("newPassword"), id: "new-password" }, passwordRepeat: { label: t("repeatPassword"), id: "new-password-repeat" } };
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="token" value={token} />
      <TextField id="new-password" name="password" type="password" label={t("newPassword")} hint={t("passwordHint")} autoComplete="new-password" required error={errors.password} />
      <TextField id="new-password-repeat" name="passwordRepeat" type="password" label={t("repeatPassword")} autoComplete="new-password" required error={errors.passwordRepeat} />
      <div className="actions-row">
        <button className="button" type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </button>
      </div>
      <FormStatus state={state} pending={pending} fields={fields} />
    </form>
  );
}
