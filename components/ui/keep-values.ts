"use client";
import { useLayoutEffect, useRef } from "react";

/**
 * Nothing typed is lost when the server refuses a form: React empties a form after its action has run (also when the
 * action answered with an error), so a 240-character title or a value "1.234,5,6" was gone together with the message
 * that said what was wrong. This remembers what was sent and, when the answer is an error, puts it back into the
 * fields. Spread `{ ref, onSubmit }` onto the <form>; `state` is the action's answer (`{ ok: false }` on an error).
 */
export function useKeepValuesOnError(state: { ok: boolean } | null | undefined) {
  const ref = useRef<HTMLFormElement>(null);
  const sent = useRef<Map<string, string[]> | null>(null);
  const onSubmit = () => {
    if (!ref.current) return;
    const values = new Map<string, string[]>();
    for (const [name, value] of new FormData(ref.current)) if (typeof value === "string") values.set(name, [...(values.get(name) ?? []), value]);
    sent.current = values;
  };
  useLayoutEffect(() => {
    const form = ref.current;
    if (!form || !sent.current || !state || state.ok) return;
    restore(form, sent.current);
  }, [state]);
  return { ref, onSubmit };
}

/** Puts `values` (name → values in document order) back into the form's fields; hidden fields and files are left alone. */
export function restore(form: HTMLFormElement, values: ReadonlyMap<string, readonly string[]>) {
  const seen = new Map<string, number>();
  for (const el of Array.from(form.elements)) {
    if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) || !el.name) continue;
    if (el instanceof HTMLInputElement && (el.type === "hidden" || el.type === "file" || el.type === "submit" || el.type === "button")) continue;
    const sentValues = values.get(el.name) ?? [];
    if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) {
      el.checked = sentValues.includes(el.value);
      continue;
    }
    if (el instanceof HTMLSelectElement && el.multiple) {
      for (const option of Array.from(el.options)) option.selected = sentValues.includes(option.value);
      continue;
    }
    const index = seen.get(el.name) ?? 0;
    seen.set(el.name, index + 1);
    const value = sentValues[index];
    if (value !== undefined) el.value = value;
  }
}
