"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { addFieldAction, removeFieldAction } from "@/app/(app)/concepts/[conceptId]/actions";
import { Notice } from "@/components/ui/notice";
import { RequiredMark } from "@/components/ui/required-mark";

export function AddFieldForm({ conceptId }: { conceptId: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const t = useTranslations("concept");
  return (
    <form
      className="actions-row"
      onSubmit={() => setError(null)}
      action={(form) =>
        start(async () => {
          const result = await addFieldAction({ conceptId, title: String(form.get("title") ?? "") });
          if (result.ok) {
            setError(null);
            router.refresh();
          } else setError(result.fieldErrors?.title ?? result.error);
        })
      }
    >
      <div className="field" style={{ minWidth: "20rem" }}>
        <label htmlFor="new-field-title">
          {t("addFieldLabel")}
          <RequiredMark />
        </label>
        <input
          id="new-field-title"
          name="title"
          aria-required="true"
          type="text"
          placeholder={t("addFieldPlaceholder")}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "new-field-error" : undefined}
        />
      </div>
      <button type="submit" className="button-secondary" disabled={pending} style={{ alignSelf: "end" }}>
        {t("addField")}
      </button>
      <Notice id="new-field-error" message={error ? { kind: "error", text: error } : null} />
    </form>
  );
}

export function RemoveFieldButton({ conceptId, fieldId, title }: { conceptId: string; fieldId: string; title: string }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const router = useRouter();
  const t = useTranslations("concept");
  return (
    <>
      <button
        type="button"
        className="button-danger"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(t("removeFieldConfirm", { title }))) return;
          setError(null);
          start(async () => {
            const result = await removeFieldAction({ conceptId, fieldId });
            if (result.ok) router.refresh();
            else setError(result.error);
          });
        }}
      >
        {t("removeField")}
      </button>
      <Notice message={error ? { kind: "error", text: error } : null} />
    </>
  );
}
