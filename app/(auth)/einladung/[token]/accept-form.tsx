"use client";
import { useActionState } from "react";
import { FormStatus, TextField } from "@/components/members/form-field";
import type { FormState } from "@/lib/members/form-errors";
import { acceptInvitationAction } from "./actions";

const FIELDS = {
  name: { label: "Ihr Name", id: "accept-name" },
  password: { label: "Passwort", id: "accept-password" },
  passwordRepeat: { label: "Passwort wiederholen", id: "accept-password-repeat" },
};

/**
 * A new account asks for name and a password twice; an existing account (the
 * invited address already signs in elsewhere) only for its password.
 */
export function AcceptForm({ token, email, hasAccount }: { token: string; email: string; hasAccount: boolean }) {
  const [state, action, pending] = useActionState<FormState<void>, FormData>(acceptInvitationAction, null);
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
          label="Ihr bisheriges Passwort"
          hint={`Für ${email} gibt es schon einen Zugang. Mit dessen Passwort nehmen Sie die Einladung an.`}
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
            hint="Mindestens 10 Zeichen."
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
      <FormStatus state={state} fields={FIELDS} />
      <div className="actions-row">
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Wird angenommen …" : "Einladung annehmen"}
        </button>
      </div>
    </form>
  );
}
