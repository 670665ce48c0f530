import type { InputHTMLAttributes } from "react";
import type { FormState } from "@/lib/members/form-errors";

function describedBy(...ids: (string | false | undefined)[]) {
  const list = ids.filter(Boolean).join(" ");
  return list || undefined;
}

type FieldBase = { id: string; name: string; label: string; error?: string; hint?: string };

/** A labelled input with its hint and error, tied together by aria-describedby. */
export function TextField({ id, name, label, error, hint, ...input }: FieldBase & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name">) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type="text"
        {...input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
      />
      {error ? (
        <p id={`${id}-error`} className="error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A labelled select. Its key follows the default value: React sets a select's
 * default only when it mounts, and a form action resets the form to that
 * default, so a changed default (the value sent back after an error) needs a
 * fresh element.
 */
export function SelectField({
  id,
  name,
  label,
  error,
  hint,
  options,
  defaultValue,
  placeholder,
  required,
}: FieldBase & { options: readonly { value: string; label: string }[]; defaultValue?: string; placeholder?: string; required?: boolean }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <select
        key={defaultValue ?? ""}
        id={id}
        name={name}
        defaultValue={defaultValue ?? ""}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
      >
        {placeholder !== undefined ? (
          <option value="" disabled>
            {placeholder}
          </option>
        ) : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} className="error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The form's status in a polite live region: on error the summary with a link
 * to each field that needs attention, on success the confirmation.
 * `fields` maps a field name to its label and input id.
 */
export function FormStatus<T>({ state, fields = {} }: { state: FormState<T>; fields?: Record<string, { label: string; id: string }> }) {
  const fieldErrors = state && !state.ok ? Object.entries(state.fieldErrors ?? {}) : [];
  return (
    <div aria-live="polite" role="status">
      {state && !state.ok ? (
        <div className="notice notice-error">
          <p style={{ margin: 0 }}>{state.error}</p>
          {fieldErrors.length > 0 && !(fieldErrors.length === 1 && fieldErrors[0]?.[1] === state.error) ? (
            <ul style={{ margin: ".5rem 0 0" }}>
              {fieldErrors.map(([name, message]) => {
                const field = fields[name];
                return (
                  <li key={name}>
                    {field ? (
                      <a href={`#${field.id}`}>
                        {field.label}: {message}
                      </a>
                    ) : (
                      message
                    )}
                  </li>
                );
              })}
            </ul>
          ) : null}
        </div>
      ) : null}
      {state?.ok && state.message ? <p className="notice notice-ok">{state.message}</p> : null}
    </div>
  );
}
