"use client";
import { useActionState, useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";

export type ImportFormState = { error: string | null };

/** Same limit as MAX_IMPORT_BYTES on the server; checked here only to answer before the upload. */
const MAX_BYTES = 20 * 1024 * 1024;

export type ImportFormProps = {
  action: (state: ImportFormState, form: FormData) => Promise<ImportFormState>;
  /** municipalities the user may import into; a choice is shown when there is more than one */
  municipalities: { id: string; name: string }[];
  defaultMunicipalityId: string;
};

/** Upload of a JSON backup; on success the server action redirects to the new concept. */
export function ImportForm({ action, municipalities, defaultMunicipalityId }: ImportFormProps) {
  const [state, formAction, pending] = useActionState(action, { error: null });
  const [clientError, setClientError] = useState<string | null>(null);
  const t = useTranslations("import");
  const fileId = useId();
  const hintId = useId();
  const statusId = useId();
  const municipalityFieldId = useId();
  const error = clientError ?? state.error;

  function checkSize(event: FormEvent<HTMLFormElement>) {
    const file = new FormData(event.currentTarget).get("file");
    if (file instanceof File && file.size > MAX_BYTES) {
      event.preventDefault();
      setClientError(t("tooLarge", { megabytes: MAX_BYTES / 1024 / 1024 }));
    } else {
      setClientError(null);
    }
  }

  return (
    <form action={formAction} onSubmit={checkSize} className="form" aria-busy={pending}>
      {municipalities.length > 1 ? (
        <div className="form-field">
          <label htmlFor={municipalityFieldId}>{t("municipality")}</label>
          <select id={municipalityFieldId} name="municipalityId" defaultValue={defaultMunicipalityId} disabled={pending}>
            {municipalities.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <input type="hidden" name="municipalityId" value={defaultMunicipalityId} />
      )}
      <div className="form-field">
        <label htmlFor={fileId}>{t("file")}</label>
        <input
          id={fileId}
          type="file"
          name="file"
          accept=".json,application/json"
          required
          disabled={pending}
          aria-describedby={`${hintId} ${statusId}`}
          aria-invalid={error ? true : undefined}
          onChange={() => setClientError(null)}
        />
        <p id={hintId} className="form-hint">
          {t("fileHint")}
        </p>
      </div>
      <div id={statusId} role="status" aria-live="polite" className={error ? "form-error" : "form-status"}>
        {pending ? t("importing") : error}
      </div>
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
