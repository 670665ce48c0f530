import type { InputHTMLAttributes } from "react";
import type { FormState } from "@/lib/members/form-errors";
import { Notice, type NoticeMessage } from "@/components/ui/notice";

import { FormField } from "@/components/ui/form-field";

type FieldBase = { id: string; name: string; label: string; error?: string; hint?: string };

/** A labelled input with its hint and error (components/ui/form-field.tsx). */
export function TextField({ id, name, label, error, hint, ...input }: FieldBase & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name">) {
  return (
    <FormField id={id} label={label} hint={hint} error={error} required={Boolean(input.required)}>
      {(control) => <input name={name} type="text" {...input} {...control} />}
    </FormField>
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
    <FormField id={id} label={label} hint={hint} error={error} required={required}>
      {(control) => (
        <select key={defaultValue ?? ""} name={name} defaultValue={defaultValue ?? ""} required={required} {...control}>
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
      )}
    </FormField>
  );
}

/**
 * The form's status as the one notice (components/ui/notice): on error the
 * summary with a link to each field that needs attention (role=alert), on
 * success the confirmation (role=status); nothing while the form is sent again.
 * `fields` maps a field name to its label and input id.
 */
export function FormStatus<T>({ state, pending = false, fields = {} }: { state: FormState<T>; pending?: boolean; fields?: Record<string, { label: string; id: string }> }) {
  const fieldErrors = state && !state.ok ? Object.entries(state.fieldErrors ?? {}) : [];
  const message: NoticeMessage = !state || pending ? null : state.ok ? (state.message ? { kind: "ok", text: state.message } : null) : { kind: "error", text: state.error };
  return (
    <Notice message={message}>
      {message?.kind === "error" && fieldErrors.length > 0 && !(fieldErrors.length === 1 && fieldErrors[0]?.[1] === message.text) ? (
        <ul className="notice-list">
          {fieldErrors.map(([name, text]) => {
            const field = fields[name];
            return (
              <li key={name}>
                {field ? (
                  <a href={`#${field.id}`}>
                    {field.label}: {text}
                  </a>
                ) : (
                  text
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </Notice>
  );
}
