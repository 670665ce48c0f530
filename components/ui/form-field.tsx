import type { ReactNode } from "react";
import { RequiredMark } from "./required-mark";

/** What the control inside a FormField gets: its id and the wiring to the field's hint and error. */
export type FieldControlProps = { id: string; "aria-invalid": true | undefined; "aria-describedby": string | undefined };

/** The ids of a field's hint and error that are shown, for aria-describedby. */
export function describedBy(id: string, hint?: ReactNode, error?: ReactNode): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/** A field's error message, referenced by the control's aria-describedby; nothing without one. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="error">
      {message}
    </p>
  ) : null;
}

/**
 * The one form field: label (with "(Pflichtfeld)" when required), hint, the
 * control and its error, tied together by aria-describedby. The control is
 * rendered by `children`, which gets the id and aria attributes to spread on it.
 * `hintAs` keeps the hint's element of forms that show it inline.
 */
export function FormField({
  id,
  label,
  hint,
  error,
  required,
  hintAs: Hint = "p",
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  hintAs?: "p" | "span";
  children: (control: FieldControlProps) => ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? <RequiredMark /> : null}
      </label>
      {hint ? (
        <Hint id={`${id}-hint`} className="hint">
          {hint}
        </Hint>
      ) : null}
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id, hint, error) })}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
