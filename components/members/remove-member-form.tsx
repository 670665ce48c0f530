"use client";
import { useActionState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { removeMemberAction } from "@/app/(app)/mitglieder/actions";
import type { FormState } from "@/lib/members/form-errors";
import { Notice, stateNotice } from "@/components/ui/notice";

/** "Entfernen" with a confirmation; the server still refuses to remove the last admin. */
export function RemoveMemberForm({
  municipalityId,
  municipalityName,
  userId,
  name,
  isSelf,
}: {
  municipalityId: string;
  municipalityName: string;
  userId: string;
  name: string;
  isSelf: boolean;
}) {
  const [state, action, pending] = useActionState<FormState<void>, FormData>(removeMemberAction, null);
  const t = useTranslations("members");
  const question = isSelf
    ? t("removeSelfConfirm", { municipality: municipalityName })
    : t("removeConfirm", { name, municipality: municipalityName });
  function confirmRemoval(event: FormEvent<HTMLFormElement>) {
    if (!window.confirm(question)) event.preventDefault();
  }
  return (
    <form action={action} onSubmit={confirmRemoval}>
      <input type="hidden" name="municipalityId" value={municipalityId} />
      <input type="hidden" name="userId" value={userId} />
      <button className="button-danger" type="submit" disabled={pending}>
        {pending ? t("removing") : t("remove")}
        <span className="visually-hidden"> ({name})</span>
      </button>
      <Notice message={state?.ok ? null : stateNotice(state, pending)} />
    </form>
  );
}
