"use client";
import { useActionState } from "react";
import { FormStatus, SelectField, TextField } from "@/components/members/form-field";
import type { FormState } from "@/lib/members/form-errors";
import { GERMAN_STATES, MUNICIPALITY_KIND_LABELS, MUNICIPALITY_KINDS } from "@/lib/members/labels";
import { registerMunicipalityAction } from "./actions";

const FIELDS = {
  name: { label: "Name der Kommune", id: "reg-name" },
  ags: { label: "Gemeindeschlüssel (AGS)", id: "reg-ags" },
  kind: { label: "Art der Kommune", id: "reg-kind" },
  state: { label: "Bundesland", id: "reg-state" },
  population: { label: "Einwohnerzahl", id: "reg-population" },
  adminName: { label: "Ihr Name", id: "reg-admin-name" },
  adminEmail: { label: "Ihre E-Mail-Adresse", id: "reg-admin-email" },
  password: { label: "Passwort", id: "reg-password" },
  passwordRepeat: { label: "Passwort wiederholen", id: "reg-password-repeat" },
};

export function RegisterForm() {
  const [state, action, pending] = useActionState<FormState<void>, FormData>(registerMunicipalityAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const values = state && !state.ok ? (state.values ?? {}) : {};
  const text = (name: keyof typeof FIELDS) => ({
    id: FIELDS[name].id,
    name,
    label: FIELDS[name].label,
    defaultValue: values[name] ?? "",
    error: errors[name],
    required: true,
  });
  return (
    <form action={action} className="form" noValidate>
      <fieldset className="field">
        <legend>Kommune</legend>
        <div className="form">
          <TextField {...text("name")} hint="Zum Beispiel „Landkreis Musterland“ oder „Stadt Musterstadt“." autoComplete="organization" />
          <SelectField
            {...text("kind")}
            options={MUNICIPALITY_KINDS.map((k) => ({ value: k, label: MUNICIPALITY_KIND_LABELS[k] }))}
            placeholder="Bitte wählen"
          />
          <SelectField {...text("state")} options={GERMAN_STATES.map((s) => ({ value: s, label: s }))} placeholder="Bitte wählen" />
          <TextField
            {...text("ags")}
            inputMode="numeric"
            hint="8 Ziffern für eine Gemeinde oder kreisfreie Stadt, 5 Ziffern (Kreisschlüssel) für einen Landkreis. Sie finden ihn im Gemeindeverzeichnis von Destatis."
          />
          <TextField {...text("population")} inputMode="numeric" hint="Ganze Zahl, zum Beispiel 48.500." />
        </div>
      </fieldset>
      <fieldset className="field">
        <legend>Erste Leitung (Sie)</legend>
        <div className="form">
          <TextField {...text("adminName")} autoComplete="name" />
          <TextField {...text("adminEmail")} type="email" autoComplete="username" />
          <TextField {...text("password")} defaultValue={undefined} type="password" autoComplete="new-password" hint="Mindestens 10 Zeichen." />
          <TextField {...text("passwordRepeat")} defaultValue={undefined} type="password" autoComplete="new-password" />
        </div>
      </fieldset>
      <FormStatus state={state} fields={FIELDS} />
      <div className="actions-row">
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Wird registriert …" : "Kommune registrieren"}
        </button>
      </div>
    </form>
  );
}
