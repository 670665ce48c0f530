"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormStatus, TextField } from "@/components/members/form-field";
import type { FormState } from "@/lib/members/form-errors";
import { acceptInvitationAction } from "./actions";

/**
 * A new account asks for name and a password twice; an existing account (the
 * invited address already signs in elsewhere) only for its password.
 */
export function AcceptForm({ token, email, hasAccount }: { token: string; email: string; hasAccount: boolean }) {
  const [state, action, pending] = useActionState<FormState<void>, FormData>(acceptInvitationAction, null);
  const t = useTranslations("invite");
  const FIELDS = {
    name: { label: t("name"), id: "accept-name" },
    password: { label: t("password"), id: "accept-password" },
    passwordRepeat: { label: t("passwordRepeat"), id: "accept-password-repeat" },
  };
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const values = state && !state.ok ? (state.values ?? {}) : {};
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="email" value={email} autoComplete="username" />
      {hasAccount ? (
        <TextField
          id={FIELDS.password.id}
          name="password"
          type="password"
          label={t("existingPassword")}
          hint={t("existingPasswordHint", { email })}
          autoComplete="current-password"
          required
          error={errors.password}
        />
      ) : (
        <>
          <TextField
            id={FIELDS.name.id}
            name="name"
            label={FIELDS.name.label}
            autoComplete="name"
            required
            defaultValue={values.name ?? ""}
            error={errors.name}
          />
          <TextField
            id={FIELDS.password.id}
            name="password"
            type="password"
            label={FIELDS.password.label}
            hint={t("passwordHint")}
            autoComplete="new-password"
            required
            error={errors.password}
          />
          <TextField
            id={FIELDS.passwordRepeat.id}
            name="passwordRepeat"
            type="password"
            label={FIELDS.passwordRepeat.label}
            autoComplete="new-password"
            required
            error={errors.passwordRepeat}
          />
        </>
      )}
      <div className="actions-row">
        <button className="button" type="submit" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </button>
      </div>
      <FormStatus state={state} pending={pending} fields={FIELDS} />
    </form>
  );
}
