"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { groupRoleAction, passwordSignInAction, ssoDomainAction } from "@/app/(app)/mitglieder/sign-in-actions";
import type { Role } from "@/db/schema";
import { ROLES } from "@/lib/authz/permissions";
import { useLabels } from "@/lib/i18n/hooks";
import type { FormState } from "@/lib/members/form-errors";
import { FormStatus, SelectField, TextField } from "./form-field";

/** Single sign-on settings of a municipality (shown only while a provider is configured). */
export function SignInSettings({
  municipalityId,
  passwordSignIn,
  domains,
  groupRoles,
}: {
  municipalityId: string;
  passwordSignIn: boolean;
  domains: string[];
  groupRoles: { groupName: string; role: Role }[];
}) {
  const t = useTranslations("members");
  const labels = useLabels();
  const [groupState, groupAction, groupPending] = useActionState<FormState<void>, FormData>(groupRoleAction, null);
  const [pwState, pwAction, pwPending] = useActionState<FormState<void>, FormData>(passwordSignInAction, null);
  const [domainState, domainAction, domainPending] = useActionState<FormState<void>, FormData>(ssoDomainAction, null);
  return (
    <>
      <form action={pwAction} className="form">
        <input type="hidden" name="municipalityId" value={municipalityId} />
        <input type="hidden" name="on" value={passwordSignIn ? "0" : "1"} />
        <p>{passwordSignIn ? t("passwordSignInOn") : t("passwordSignInOff")}</p>
        <div className="actions-row">
          <button className="button" type="submit" disabled={pwPending}>
            {passwordSignIn ? t("passwordSignInDisable") : t("passwordSignInEnable")}
          </button>
        </div>
        <FormStatus state={pwState} pending={pwPending} />
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
        <div className="actions-row">
          <button className="button" type="submit" disabled={domainPending}>
            {t("ssoDomainAdd")}
          </button>
        </div>
        <FormStatus state={domainState} pending={domainPending} fields={{ domain: { label: t("ssoDomainLabel"), id: "sso-domain" } }} />
      </form>
      <h3>{t("ssoGroupsHeading")}</h3>
      <p className="meta">{t("ssoGroupsIntro")}</p>
      {groupRoles.length > 0 ? (
        <ul data-testid="sso-group-roles">
          {groupRoles.map((g) => (
            <li key={g.groupName}>
              <form action={groupAction} className="actions-row">
                <input type="hidden" name="municipalityId" value={municipalityId} />
                <input type="hidden" name="group" value={g.groupName} />
                <input type="hidden" name="remove" value="1" />
                <span>{t("ssoGroupRole", { group: g.groupName, role: labels.roles[g.role] })}</span>
                <button className="button button-secondary" type="submit" disabled={groupPending} aria-label={t("ssoGroupRemoveLabel", { group: g.groupName })}>
                  {t("ssoDomainRemove")}
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : null}
      <form action={groupAction} className="form" noValidate>
        <input type="hidden" name="municipalityId" value={municipalityId} />
        <TextField id="sso-group" name="group" label={t("ssoGroupLabel")} hint={t("ssoGroupHint")} autoComplete="off" error={groupState && !groupState.ok ? groupState.fieldErrors?.group : undefined} />
        <SelectField
          id="sso-group-role"
          name="role"
          label={t("ssoGroupRoleLabel")}
          defaultValue="viewer"
          options={ROLES.map((r) => ({ value: r, label: labels.roles[r] }))}
          error={groupState && !groupState.ok ? groupState.fieldErrors?.role : undefined}
        />
        <div className="actions-row">
          <button className="button" type="submit" disabled={groupPending}>
            {t("ssoGroupAdd")}
          </button>
        </div>
        <FormStatus
          state={groupState}
          fields={{ group: { label: t("ssoGroupLabel"), id: "sso-group" }, role: { label: t("ssoGroupRoleLabel"), id: "sso-group-role" } }}
        />
      </form>
    </>
  );
}
