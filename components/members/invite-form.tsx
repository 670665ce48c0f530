"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { inviteMemberAction, type InviteResult } from "@/app/(app)/mitglieder/actions";
import { ROLES } from "@/lib/authz/permissions";
import { useLabels } from "@/lib/i18n/hooks";
import type { FormState } from "@/lib/members/form-errors";
import { FormStatus, SelectField, TextField } from "./form-field";
import { InvitationLink } from "./invitation-link";

export function InviteForm({ municipalityId }: { municipalityId: string }) {
  const [state, action, pending] = useActionState<FormState<InviteResult>, FormData>(inviteMemberAction, null);
  const t = useTranslations("members");
  const labels = useLabels();
  const FIELDS = {
    email: { label: t("email"), id: "invite-email" },
    role: { label: t("role"), id: "invite-role" },
  };
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const values = state && !state.ok ? (state.values ?? {}) : {};
  return (
    <>
      <form action={action} className="form" noValidate>
        <input type="hidden" name="municipalityId" value={municipalityId} />
        <TextField
          id={FIELDS.email.id}
          name="email"
          type="email"
          label={FIELDS.email.label}
          autoComplete="off"
          required
          defaultValue={values.email ?? ""}
          error={errors.email}
        />
        <SelectField
          id={FIELDS.role.id}
          name="role"
          label={FIELDS.role.label}
          hint={t("roleHint")}
          options={ROLES.map((r) => ({ value: r, label: labels.roles[r] }))}
          defaultValue={values.role ?? "editor"}
          error={errors.role}
        />
        <div className="actions-row">
          <button className="button" type="submit" disabled={pending}>
            {pending ? t("inviting") : t("invite")}
          </button>
        </div>
        <FormStatus state={state} pending={pending} fields={FIELDS} />
      </form>
      {state?.ok && state.data.url ? <InvitationLink key={state.data.url} url={state.data.url} email={state.data.email} /> : null}
    </>
  );
}
