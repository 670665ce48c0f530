"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormStatus, SelectField, TextField } from "@/components/members/form-field";
import { useLabels } from "@/lib/i18n/hooks";
import type { FormState } from "@/lib/members/form-errors";
import { GERMAN_STATES, MUNICIPALITY_KINDS } from "@/lib/members/labels";
import { registerMunicipalityAction } from "./actions";

const FIELD_IDS = {
  name: "reg-name",
  ags: "reg-ags",
  kind: "reg-kind",
  state: "reg-state",
  population: "reg-population",
  adminName: "reg-admin-name",
  adminEmail: "reg-admin-email",
  password: "reg-password",
  passwordRepeat: "reg-password-repeat",
};

export function RegisterForm() {
  const [state, action, pending] = useActionState<FormState<void>, FormData>(registerMunicipalityAction, null);
  const t = useTranslations("register");
  const labels = useLabels();
  const FIELDS = {
    name: { label: t("name"), id: FIELD_IDS.name },
    ags: { label: t("ags"), id: FIELD_IDS.ags },
    kind: { label: t("kind"), id: FIELD_IDS.kind },
    state: { label: t("state"), id: FIELD_IDS.state },
    population: { label: t("population"), id: FIELD_IDS.population },
    adminName: { label: t("adminName"), id: FIELD_IDS.adminName },
    adminEmail: { label: t("adminEmail"), id: FIELD_IDS.adminEmail },
    password: { label: t("password"), id: FIELD_IDS.password },
    passwordRepeat: { label: t("passwordRepeat"), id: FIELD_IDS.passwordRepeat },
  };
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
        <legend>{t("municipalityLegend")}</legend>
        <div className="form">
          <TextField {...text("name")} hint={t("nameHint")} autoComplete="organization" />
          <SelectField
            {...text("kind")}
            options={MUNICIPALITY_KINDS.map((k) => ({ value: k, label: labels.municipalityKinds[k] }))}
            placeholder={t("choose")}
          />
          {/* The Länder keep their official (German) names in every language. */}
          <SelectField {...text("state")} options={GERMAN_STATES.map((s) => ({ value: s, label: s }))} placeholder={t("choose")} />
          <TextField {...text("ags")} inputMode="numeric" hint={t("agsHint")} />
          <TextField {...text("population")} inputMode="numeric" hint={t("populationHint")} />
        </div>
      </fieldset>
      <fieldset className="field">
        <legend>{t("adminLegend")}</legend>
        <div className="form">
          <TextField {...text("adminName")} autoComplete="name" />
          <TextField {...text("adminEmail")} type="email" autoComplete="username" />
          <TextField {...text("password")} defaultValue={undefined} type="password" autoComplete="new-password" hint={t("passwordHint")} />
          <TextField {...text("passwordRepeat")} defaultValue={undefined} type="password" autoComplete="new-password" />
        </div>
      </fieldset>
      <div className="actions-row">
        <button className="button" type="submit" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </button>
      </div>
      <FormStatus state={state} pending={pending} fields={FIELDS} />
    </form>
  );
}
