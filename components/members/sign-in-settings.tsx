"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { passwordSignInAction, ssoDomainAction } from "@/app/(app)/mitglieder/sign-in-actions";
import type { FormState } from "@/lib/members/form-errors";
import { FormStatus, TextField } from "./form-field";

/** Single sign-on settings of a municipality (shown only while a provider is configured). */
export function SignInSettings({ municipalityId, passwordSignIn, domains }: { municipalityId: string; passwordSignIn: boolean; domains: string[] }) {
  const t = useTranslations("members");
  const [pwState, pwAction, pwPending] = useActionState<FormState<void>, FormData>(passwordSignInAction, null);
  const [domainState, domainAction, domainPending] = useActionState<FormState<void>, FormData>(ssoDomainAction, null);
  return (
    <>
      <form action={pwAction} className="form">
        <input type="hidden" name="municipalityId" value={municipalityId} />
        <input type="hidden" name="on" value={passwordSignIn ? "0" : "1"} />
        <p>{passwordSignIn ? t("passwordSignInOn") : t("passwordSignInOff")}</p>
        <FormStatus state={pwState} />
        <div className="actions-row">
          <button className="button" type="submit" disabled={pwPending}>
            {passwordSignIn ? t("passwordSignInDisable") : t("passwordSignInEnable")}
          </button>
        </div>
      </form>
      <h3>{t("ssoDomainsHeading")}</h3>
      <p className="meta">{t("ssoDomainsIntro")}</p>
      {domains.length > 0 ? (
        <ul>
          {domains.map((d) => (
            <li key={d}>
              <form action={domainAction} className="actions-row">
                <input type="hidden" name="municipalityId" value={municipalityId} />
                <input type="hidden" name="domain" value={d} />
                <input type="hidden" name="remove" value="1" />
                <span>@{d}</span>
                <button className="button button-secondary" type="submit" disabled={domainPending} aria-label={t("ssoDomainRemoveLabel", { domain: d })}>
                  {t("ssoDomainRemove")}
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : null}
      <form action={domainAction} className="form" noValidate>
        <input type="hidden" name="municipalityId" value={municipalityId} />
        <TextField id="sso-domain" name="domain" label={t("ssoDomainLabel")} hint={t("ssoDomainHint")} autoComplete="off" error={domainState && !domainState.ok ? domainState.fieldErrors?.domain : undefined} />
        <FormStatus state={domainState} fields={{ domain: { label: t("ssoDomainLabel"), id: "sso-domain" } }} />
        <div className="actions-row">
          <button className="button" type="submit" disabled={domainPending}>
            {t("ssoDomainAdd")}
          </button>
        </div>
      </form>
    </>
  );
}
