"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changeRoleAction } from "@/app/(app)/mitglieder/actions";
import type { Role } from "@/db/schema";
import { ROLES } from "@/lib/authz/permissions";
import { useLabels } from "@/lib/i18n/hooks";
import type { FormState } from "@/lib/members/form-errors";
import { Notice, stateNotice } from "@/components/ui/notice";

/** A member's role as a select with its own save button (no change happens on selection alone). */
export function RoleForm({ municipalityId, userId, name, role }: { municipalityId: string; userId: string; name: string; role: Role }) {
  const [state, action, pending] = useActionState<FormState<void>, FormData>(changeRoleAction, null);
  const t = useTranslations("members");
  const labels = useLabels();
  const id = `role-${userId}`;
  const error = state && !state.ok ? state.error : undefined;
  return (
    <form action={action} className="actions-row">
      <input type="hidden" name="municipalityId" value={municipalityId} />
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={id} className="visually-hidden">
        {t("roleOf", { name })}
      </label>
      {/* keyed by the role, so the select shows the stored role again after a refused change */}
      <select
        key={role}
        id={id}
        name="role"
        defaultValue={role}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-status` : undefined}
        style={{ width: "auto" }}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {labels.roles[r]}
          </option>
        ))}
      </select>
      <button className="button-secondary" type="submit" disabled={pending}>
        {pending ? t("saving") : t("saveRole")}
        <span className="visually-hidden"> {t("saveRoleFor", { name })}</span>
      </button>
      <Notice id={`${id}-status`} message={stateNotice(state, pending)} />
    </form>
  );
}
