/** The measure form's labelled inputs: label, hint, error and required mark wired to the control. */
import { RequiredMark } from "@/components/ui/required-mark";

export function describedBy(id: string, hint?: string, error?: string) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function ErrorText({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="error">
      {message}
    </p>
  ) : null;
}

export function TextInput(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  type?: "text" | "date";
  inputMode?: "decimal";
  required?: boolean;
}) {
  const { id, label, value, error, hint, type = "text", inputMode, required } = props;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? <RequiredMark /> : null}
      </label>
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      <input
        id={id}
        type={type}
        inputMode={inputMode}
        value={value}
        required={required}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <ErrorText id={`${id}-error`} message={error} />
    </div>
  );
}

export function TextArea(props: { id: string; label: string; value: string; onChange: (value: string) => void; error?: string; hint?: string }) {
  const { id, label, value, error, hint } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      <textarea
        id={id}
        rows={3}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <ErrorText id={`${id}-error`} message={error} />
    </div>
  );
}

export function SelectInput(props: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
}) {
  const { id, label, value, options, error, required } = props;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? <RequiredMark /> : null}
      </label>
      <select
        id={id}
        value={value}
        required={required}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, undefined, error)}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorText id={`${id}-error`} message={error} />
    </div>
  );
}
