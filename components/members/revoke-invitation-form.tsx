"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { revokeInvitationAction } from "@/app/(app)/mitglieder/actions";
import type { FormState } from "@/lib/members/form-errors";
import { Notice, stateNotice } from "@/components/ui/notice";

export function RevokeInvitationForm({ municipalityId, invitationId, email }: { municipalityId: string; invitationId: string; email: string }) {
  const [state, action, pending] = useActionState<FormState<void>, FormData>(revokeInvitationAction, null);
  const t = useTranslations("members");
  return (
    <form action={action}>
      <input type="hidden" name="municipalityId" value={municipalityId} />
      <input type="hidden" name="invitationId" value={invitationId} />
      <button className="button-secondary" type="submit" disabled={pending}>
        {pending ? t("revoking") : t("revoke")}
        <span className="visually-hidden"> {t("revokeFor", { email })}</span>
      </button>
      <Notice message={state?.ok ? null : stateNotice(state, pending)} />
    </form>
  );
}
