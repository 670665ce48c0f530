/** The measure form's labelled inputs, on the one form field (components/ui/form-field.tsx); hints stay inline. */
import { FieldError, FormField } from "@/components/ui/form-field";

export { FieldError as ErrorText };

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
    <FormField id={id} label={label} hint={hint} error={error} required={required} hintAs="span">
      {(control) => (
        <input
          {...control}
          type={type}
          inputMode={inputMode}
          value={value}
          required={required}
          aria-required={required || undefined}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </FormField>
  );
}

export function TextArea(props: { id: string; label: string; value: string; onChange: (value: string) => void; error?: string; hint?: string }) {
  const { id, label, value, error, hint } = props;
  return (
    <FormField id={id} label={label} hint={hint} error={error} hintAs="span">
      {(control) => <textarea {...control} rows={3} value={value} onChange={(e) => props.onChange(e.target.value)} />}
    </FormField>
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
    <FormField id={id} label={label} error={error} required={required}>
      {(control) => (
        <select {...control} value={value} required={required} aria-required={required || undefined} onChange={(e) => props.onChange(e.target.value)}>
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
