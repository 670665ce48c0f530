"use client";
import { useActionState, type FormEvent } from "react";
import { removeMemberAction } from "@/app/(app)/mitglieder/actions";
import type { FormState } from "@/lib/members/form-errors";

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
  const question = isSelf
    ? `Möchten Sie sich selbst aus ${municipalityName} entfernen? Sie verlieren dann den Zugriff auf deren Integrationskonzepte.`
    : `${name} aus ${municipalityName} entfernen? Die Person wird sofort abgemeldet und verliert den Zugriff.`;
  function confirmRemoval(event: FormEvent<HTMLFormElement>) {
    if (!window.confirm(question)) event.preventDefault();
  }
  return (
    <form action={action} onSubmit={confirmRemoval}>
      <input type="hidden" name="municipalityId" value={municipalityId} />
      <input type="hidden" name="userId" value={userId} />
      <button className="button-danger" type="submit" disabled={pending}>
        {pending ? "Wird entfernt …" : "Entfernen"}
        <span className="visually-hidden"> ({name})</span>
      </button>
      <div aria-live="polite" role="status">
        {state && !state.ok ? <p className="error">{state.error}</p> : null}
      </div>
    </form>
  );
}
