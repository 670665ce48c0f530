"use client";
import { useActionState } from "react";
import { inviteMemberAction, type InviteResult } from "@/app/(app)/mitglieder/actions";
import { ROLE_LABELS, ROLES } from "@/lib/authz/permissions";
import type { FormState } from "@/lib/members/form-errors";
import { FormStatus, SelectField, TextField } from "./form-field";
import { InvitationLink } from "./invitation-link";

const FIELDS = {
  email: { label: "E-Mail-Adresse", id: "invite-email" },
  role: { label: "Rolle", id: "invite-role" },
};

export function InviteForm({ municipalityId }: { municipalityId: string }) {
  const [state, action, pending] = useActionState<FormState<InviteResult>, FormData>(inviteMemberAction, null);
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
          hint="Leitung: alles, auch Mitglieder verwalten · Redaktion: Texte und Maßnahmen bearbeiten · Prüfung: lesen und kommentieren · Lesezugriff: lesen und exportieren"
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          defaultValue={values.role ?? "editor"}
          error={errors.role}
        />
        <FormStatus state={state} fields={FIELDS} />
        <div className="actions-row">
          <button className="button" type="submit" disabled={pending}>
            {pending ? "Einladung wird erstellt …" : "Einladung erstellen"}
          </button>
        </div>
      </form>
      {state?.ok ? <InvitationLink key={state.data.url} url={state.data.url} email={state.data.email} /> : null}
    </>
  );
}
